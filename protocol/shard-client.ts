/**
 * The one HTTP client for calls between Lantai's services: the gateway's calls to the shards
 * and to the province subgraph, and the province's scatter-gather calls to the shards. It
 * keeps connections alive per host, signs the caller's identity on every request, and turns
 * a timeout or a refused connection into one recognisable error.
 */
import { Agent, type Dispatcher } from 'undici';
import type { GraphQLFormattedError } from 'graphql';
import { IdentitySigner, type Identity } from './identity.js';

export interface ShardClientOptions {
  /** Secret shared by every service to sign identity headers (LANTAI_SUBGRAPH_SECRET). */
  secret: string;
  /**
   * Per-call timeout in milliseconds.
   * @default 2000
   */
  timeoutMs?: number;
  /**
   * Keep-alive connections per host.
   * @default 32
   */
  connectionsPerHost?: number;
}

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface GraphQLResponseBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** A shard that could not be reached, timed out, or answered something that is not GraphQL. */
export class ShardUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly reason: 'timeout' | 'connection' | 'http' | 'protocol',
    detail: string,
  ) {
    super(`${url}: ${reason}: ${detail}`);
    this.name = 'ShardUnreachableError';
  }
}

export class ShardClient {
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly #signer: IdentitySigner;
  readonly #targets = new Map<string, { origin: string; path: string }>();

  constructor(options: ShardClientOptions) {
    this.#signer = new IdentitySigner(options.secret);
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.dispatcher = new Agent({
      connections: options.connectionsPerHost ?? 32,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 60_000,
      connectTimeout: this.timeoutMs,
    });
  }

  /** Headers that carry `identity`, signed within the last second (protocol/identity.ts IdentitySigner). */
  identityHeaders(identity: Identity): Readonly<Record<string, string>> {
    return this.#signer.headers(identity);
  }

  /**
   * POSTs a GraphQL request on behalf of `identity`. Resolves with the GraphQL response body
   * whatever its errors; rejects only with ShardUnreachableError.
   */
  async request<T = Record<string, unknown>>(
    url: string,
    body: GraphQLRequestBody,
    identity: Identity,
    options: { timeoutMs?: number; signal?: AbortSignal; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponseBody<T>> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    // A timer cleared when the call ends, rather than AbortSignal.timeout: that one stays armed
    // (and its signal tracked for collection) until it fires, long after a fast call returned.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    let status: number;
    let text: string;
    // undici's request API rather than its fetch: the WHATWG layers of fetch cost more CPU per
    // call than everything else the gateway does for a record(id), and a province-wide search
    // makes one call per archive.
    try {
      const target = this.#target(url);
      const response = await this.dispatcher.request({
        origin: target.origin,
        path: target.path,
        method: 'POST',
        signal: options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal,
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...options.headers,
          ...this.identityHeaders(identity),
        },
        body: JSON.stringify(body),
      });
      status = response.statusCode;
      try {
        text = await response.body.text();
      } catch (error) {
        throw new ShardUnreachableError(url, 'timeout', (error as Error).message);
      }
    } catch (error) {
      if (error instanceof ShardUnreachableError) throw error;
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ShardUnreachableError(url, 'timeout', `no answer within ${timeoutMs} ms`);
      }
      throw new ShardUnreachableError(url, 'connection', (error as Error).message);
    } finally {
      clearTimeout(timer);
    }
    const response = { ok: status >= 200 && status < 300, status };
    let parsed: GraphQLResponseBody<T>;
    try {
      parsed = JSON.parse(text) as GraphQLResponseBody<T>;
    } catch {
      throw new ShardUnreachableError(url, response.ok ? 'protocol' : 'http', `HTTP ${response.status}, not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || (!('data' in parsed) && !('errors' in parsed))) {
      throw new ShardUnreachableError(url, 'protocol', `HTTP ${response.status}, not a GraphQL response`);
    }
    return parsed;
  }

  /** Origin and path of an endpoint, parsed once per endpoint. */
  #target(url: string): { origin: string; path: string } {
    let target = this.#targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      if (this.#targets.size > 10_000) this.#targets.clear();
      this.#targets.set(url, target);
    }
    return target;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
