import { describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  IDENTITY_HEADER,
  IdentitySigner,
  MAX_SIGNATURE_AGE_MS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  identityFromClaims,
  signIdentity,
  verifyIdentity,
} from '../../protocol/identity.js';
import { errorCodeOf } from '../../protocol/errors.js';
import { createTestDatabase } from '../harness/database.js';

const secret = 'test-subgraph-secret';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return errorCodeOf(error);
  }
  return 'no error';
}

describe('signed identity between services', () => {
  it('round-trips the claims of a signed caller', () => {
    const headers = signIdentity({ sub: 'u1', role: 'archivist', archive: '360100' }, secret);
    expect(verifyIdentity(headers, secret)).toEqual({ sub: 'u1', role: 'archivist', archive: '360100' });
  });

  it('refuses unsigned, tampered, wrongly keyed and stale headers', () => {
    const now = Date.now();
    const headers = signIdentity({ role: 'public' }, secret, now);
    expect(codeOf(() => verifyIdentity({}, secret))).toBe('UNAUTHENTICATED');
    const forged = Buffer.from(JSON.stringify({ role: 'admin' })).toString('base64url');
    expect(codeOf(() => verifyIdentity({ ...headers, [IDENTITY_HEADER]: forged }, secret))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyIdentity(headers, 'another-secret'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyIdentity(headers, secret, now + 61_000))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyIdentity({ ...headers, [TIMESTAMP_HEADER]: String(now + 1) }, secret))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyIdentity({ ...headers, [SIGNATURE_HEADER]: 'ab' }, secret))).toBe('UNAUTHENTICATED');
  });

  it('a signer reuses a signature for the same caller within a second only, and each verifies as its own caller', () => {
    const signer = new IdentitySigner(secret, 1000);
    const archivist = { sub: 'u1', role: 'archivist' as const, archive: '360100' };
    const t = 1_800_000_000_000;
    const first = signer.headers(archivist, t);
    expect(signer.headers({ ...archivist }, t + 999)).toBe(first);
    expect(verifyIdentity(first, secret, t + 999)).toEqual(archivist);

    const other = signer.headers({ role: 'public' }, t + 10);
    expect(other).not.toBe(first);
    expect(verifyIdentity(other, secret, t + 10)).toEqual({ role: 'public' });

    const later = signer.headers(archivist, t + 1000);
    expect(later[TIMESTAMP_HEADER]).toBe(String(t + 1000));
    expect(verifyIdentity(later, secret, t + 1000 + MAX_SIGNATURE_AGE_MS)).toEqual(archivist);
    // A clock set back never gets a signature from its future.
    expect(signer.headers(archivist, t + 500)[TIMESTAMP_HEADER]).toBe(String(t + 500));
  });

  it('a signer forgets its callers past its bound and still signs each one correctly', () => {
    const signer = new IdentitySigner(secret, 1000, 2);
    const t = 1_800_000_000_000;
    for (const sub of ['a', 'b', 'c', 'a']) {
      expect(verifyIdentity(signer.headers({ sub, role: 'public' }, t), secret, t)).toEqual({ sub, role: 'public' });
    }
  });

  it('requires an archive code for an archivist and a region for a supervisor', () => {
    expect(codeOf(() => identityFromClaims({ role: 'archivist' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => identityFromClaims({ role: 'supervisor', region: 'x' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => identityFromClaims({ role: 'root' }))).toBe('UNAUTHENTICATED');
  });
});

describe('test databases', () => {
  it('are created with a UTF-8 locale so Chinese trigrams work, and dropped', async () => {
    const db = await createTestDatabase('harness');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('create extension if not exists pg_trgm');
    const { rows } = await client.query(`select array_length(show_trgm('婚姻登记'), 1) as n`);
    await client.end();
    expect(rows[0].n).toBeGreaterThan(0);
    await db.drop();
  });
});
