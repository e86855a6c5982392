/**
 * Rate limiting per caller at the gateway: a token bucket for each caller, keyed by the JWT
 * `sub` of a verified token, or by the client's address for the anonymous public (and for
 * requests whose token was refused, so that guessing tokens costs the same as asking).
 *
 * Buckets live in this gateway process only: several gateways behind a balancer each allow
 * the full rate. That is enough to keep one caller from starving the shards of a province;
 * it is not a quota.
 */
import type { IncomingMessage } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../protocol/errors.js';
import type { Identity } from '../protocol/identity.js';

export interface RateLimitOptions {
  /**
   * Requests a caller may make in a burst: the size of its bucket (LANTAI_RATE_LIMIT_BURST).
   * 0 turns rate limiting off.
   * @default 120
   */
  burst: number;
  /**
   * Requests per second a caller regains, up to `burst` (LANTAI_RATE_LIMIT_PER_SECOND).
   * @default 20
   */
  perSecond: number;
  /**
   * Most buckets kept; past it, full buckets (callers idle long enough) are forgotten first.
   * @default 100000
   */
  maxCallers?: number;
  /**
   * Addresses of reverse proxies in front of the gateway whose X-Forwarded-For names the
   * client (LANTAI_TRUSTED_PROXIES, comma-separated). None by default: the socket's address
   * is the client's.
   * @default []
   */
  trustedProxies?: string[];
}

export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ burst: 120, perSecond: 20 });

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #options: Required<RateLimitOptions>;
  readonly trustedProxies: ReadonlySet<string>;

  constructor(options: RateLimitOptions) {
    this.#options = { maxCallers: 100_000, trustedProxies: [], ...options };
    this.trustedProxies = new Set(this.#options.trustedProxies);
  }

  get enabled(): boolean {
    return this.#options.burst > 0;
  }

  /** Takes one token from the caller's bucket. */
  take(caller: string, now: number = Date.now()): RateDecision {
    if (!this.enabled) return { allowed: true };
    const { burst, perSecond } = this.#options;
    const bucket = this.#buckets.get(caller) ?? this.#newBucket(caller, now);
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) / 1000) * perSecond);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const wait = perSecond > 0 ? (1 - bucket.tokens) / perSecond : Number.POSITIVE_INFINITY;
    return { allowed: false, retryAfterSeconds: Number.isFinite(wait) ? Math.max(1, Math.ceil(wait)) : 3600 };
  }

  #newBucket(caller: string, now: number): Bucket {
    if (this.#buckets.size >= this.#options.maxCallers) this.#forgetIdle(now);
    const bucket = { tokens: this.#options.burst, updatedAt: now };
    this.#buckets.set(caller, bucket);
    return bucket;
  }

  #forgetIdle(now: number): void {
    const { burst, perSecond } = this.#options;
    for (const [caller, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond >= burst) this.#buckets.delete(caller);
    }
    // Every caller is active: the oldest buckets go, which at worst lets them burst again.
    if (this.#buckets.size >= this.#options.maxCallers) {
      const excess = this.#buckets.size - Math.floor(this.#options.maxCallers / 2);
      let dropped = 0;
      for (const caller of this.#buckets.keys()) {
        if (dropped++ >= excess) break;
        this.#buckets.delete(caller);
      }
    }
  }
}

/**
 * The address a request came from. Behind a reverse proxy every request comes from the
 * proxy, so for a connection from one of `trustedProxies` the client is the last address of
 * X-Forwarded-For that is not itself a trusted proxy; anyone else's X-Forwarded-For is
 * ignored, or a client could choose its own bucket.
 */
export function clientAddress(request: IncomingMessage, trustedProxies: ReadonlySet<string> = new Set()): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (!trustedProxies.has(peer)) return peer;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((hop) => hop.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i -= 1) if (!trustedProxies.has(chain[i]!)) return chain[i]!;
  return peer;
}

/** The bucket key of a caller: its token's subject, else the address the request came from. */
export function callerKey(identity: Identity | null, request: IncomingMessage, trustedProxies?: ReadonlySet<string>): string {
  if (identity?.sub) return `sub:${identity.sub}`;
  return `address:${clientAddress(request, trustedProxies)}`;
}

/** HTTP 429 with RATE_LIMITED and a Retry-After header. */
export function rateLimitedRequest(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`请求过于频繁: too many requests from this caller; retry after ${retryAfterSeconds} s.`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
