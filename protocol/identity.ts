/**
 * The one signer and verifier of the identity that travels between Lantai's services.
 *
 * The gateway verifies the caller's JWT, then forwards the claims to every subgraph as
 * three headers: `x-lantai-identity` (base64url JSON of the claims), `x-lantai-timestamp`
 * (milliseconds since the epoch) and `x-lantai-signature` = hex HMAC-SHA256(secret,
 * timestamp + "." + identity). A subgraph refuses anything unsigned, badly signed, or older
 * than the allowed age. The province subgraph signs its calls to the shards the same way, on
 * behalf of the original caller.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from './errors.js';
import { isArchiveCode } from './ids.js';
import { isRegionCode, regionContains } from './regions.js';

export const ROLES = ['public', 'archivist', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The caller's subject; absent for the anonymous public. */
  sub?: string;
  role: Role;
  /** The archive code of an archivist. */
  archive?: string;
  /** The region code of a supervisor. */
  region?: string;
}

export const ANONYMOUS: Identity = Object.freeze({ role: 'public' });

export const IDENTITY_HEADER = 'x-lantai-identity';
export const TIMESTAMP_HEADER = 'x-lantai-timestamp';
export const SIGNATURE_HEADER = 'x-lantai-signature';

/**
 * The demo's subgraph signing secret, for every service's index.ts when LANTAI_SUBGRAPH_SECRET
 * is unset. It is public: a real deployment sets its own.
 */
export const DEMO_SUBGRAPH_SECRET = 'lantai-demo-subgraph-secret-change-me';

/** How old a signature may be before a subgraph refuses it. */
export const MAX_SIGNATURE_AGE_MS = 60_000;

/** Checks claims from a JWT or a header and keeps only the ones Lantai knows. */
export function identityFromClaims(claims: Record<string, unknown>): Identity {
  const role = claims.role ?? 'public';
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw unauthenticated(`Unknown role "${String(role)}".`);
  }
  const identity: Identity = { role: role as Role };
  if (claims.sub !== undefined) {
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 200) {
      throw unauthenticated('The "sub" claim must be a non-empty string.');
    }
    identity.sub = claims.sub;
  }
  if (identity.role === 'archivist') {
    if (typeof claims.archive !== 'string' || !isArchiveCode(claims.archive)) {
      throw unauthenticated('An archivist token must carry the "archive" claim (a 6-digit archive code).');
    }
    identity.archive = claims.archive;
  }
  if (identity.role === 'supervisor') {
    if (typeof claims.region !== 'string' || !isRegionCode(claims.region)) {
      throw unauthenticated('A supervisor token must carry the "region" claim (a 6-digit region code).');
    }
    identity.region = claims.region;
  }
  return identity;
}

function signature(secret: string, timestamp: string, encodedIdentity: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${encodedIdentity}`).digest('hex');
}

/** The three headers that carry `identity` to a subgraph. */
export function signIdentity(identity: Identity, secret: string, now: number = Date.now()): Record<string, string> {
  return signEncodedClaims(JSON.stringify(identity), secret, now);
}

function signEncodedClaims(claims: string, secret: string, now: number): Record<string, string> {
  const encoded = Buffer.from(claims, 'utf8').toString('base64url');
  const timestamp = String(now);
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signature(secret, timestamp, encoded),
  };
}

/**
 * Signs identities with one secret, and hands the same signed headers to every call made on
 * behalf of the same claims within `reuseMs`: a signature is an HMAC, a base64url encoding and
 * a JSON encoding, which the gateway would otherwise compute afresh for every shard call of
 * every request. A reused signature is at most `reuseMs` older than a fresh one would be, out
 * of the MAX_SIGNATURE_AGE_MS a subgraph accepts; what it covers and how a subgraph checks it
 * are unchanged.
 */
export class IdentitySigner {
  readonly #secret: string;
  readonly #reuseMs: number;
  readonly #maxCallers: number;
  readonly #signed = new Map<string, { headers: Readonly<Record<string, string>>; signedAt: number }>();

  /**
   * @param reuseMs How long a signature is handed out again. @default 1000
   * @param maxCallers Most distinct identities kept; past it, all are forgotten. @default 10000
   */
  constructor(secret: string, reuseMs = 1000, maxCallers = 10_000) {
    this.#secret = secret;
    this.#reuseMs = reuseMs;
    this.#maxCallers = maxCallers;
  }

  /** The three headers that carry `identity`, signed at most `reuseMs` ago. Do not mutate them. */
  headers(identity: Identity, now: number = Date.now()): Readonly<Record<string, string>> {
    const claims = JSON.stringify(identity);
    const known = this.#signed.get(claims);
    // A clock that went back makes a signature from "the future": sign again.
    if (known && now >= known.signedAt && now - known.signedAt < this.#reuseMs) return known.headers;
    const headers = Object.freeze(signEncodedClaims(claims, this.#secret, now));
    if (this.#signed.size >= this.#maxCallers) this.#signed.clear();
    this.#signed.set(claims, { headers, signedAt: now });
    return headers;
  }
}

type HeaderSource = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Verifies the signed identity headers of a request. Throws UNAUTHENTICATED (HTTP 401) when
 * they are missing, tampered with, or older than `maxAgeMs` (or too far in the future).
 */
export function verifyIdentity(
  headers: HeaderSource,
  secret: string,
  now: number = Date.now(),
  maxAgeMs: number = MAX_SIGNATURE_AGE_MS,
): Identity {
  const encoded = header(headers, IDENTITY_HEADER);
  const timestamp = header(headers, TIMESTAMP_HEADER);
  const given = header(headers, SIGNATURE_HEADER);
  if (!encoded || !timestamp || !given) {
    throw unauthenticated('This service only answers requests signed by the Lantai gateway.');
  }
  const expected = signature(secret, timestamp, encoded);
  const givenBytes = Buffer.from(given, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  if (givenBytes.length !== expectedBytes.length || !timingSafeEqual(givenBytes, expectedBytes)) {
    throw unauthenticated('The identity signature does not match.');
  }
  const signedAt = Number(timestamp);
  if (!Number.isSafeInteger(signedAt) || Math.abs(now - signedAt) > maxAgeMs) {
    throw unauthenticated('The identity signature has expired.');
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw unauthenticated('The identity header is not valid base64url JSON.');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw unauthenticated('The identity header is not a claims object.');
  }
  return identityFromClaims(claims as Record<string, unknown>);
}

/**
 * Whether the caller may see an archive's holdings broken down finer than the grains the
 * annual report (全国档案事业统计年报) publishes, such as by the year of the records: the
 * archive's own archivists, admins, and supervisors of a region containing it.
 *
 * The published grains themselves (totals, open, by category, before/after 1949, digitised,
 * use) are true for every role: archives publish them each year, they say nothing about any
 * one record, and a rate computed from counters of open records only (an open rate of 100 %)
 * would be a false statement, not a protection. Counts that depend on a record's text or on a
 * filter the caller chooses (search totals and facets, record lists) stay open-only for the
 * public, in the archive's visibility rules.
 */
export function seesFinerHoldings(identity: Identity, archive: string): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role === 'archivist') return identity.archive === archive;
  return identity.role === 'supervisor' && identity.region !== undefined && regionContains(identity.region, archive);
}
