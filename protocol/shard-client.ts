/**
 * The one HTTP client for calls between Lantai's services: the gateway's calls to the shards
 * and to the province subgraph, the gateway's streamed calls to the archive hosts' resources
 * beside GraphQL, and the province's scatter-gather calls to the shards. It
 * keeps connections alive per host, signs the caller's identity on every request, and turns
 * a timeout or a refused connection into one recognisable error.
 */
import type { Readable } from 'node:stream';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import type { GraphQLFormattedError } from 'graphql';
import { IdentitySigner, type Identity } from './identity.js';
import { traceCall, traceContextHeaders, type CallTarget } from './tracing.js';

/** How long a call to a shard may take when LANTAI_SHARD_TIMEOUT_MS is unset. */
export const DEFAULT_SHARD_TIMEOUT_MS = 2000;

export interface ShardClientOptions {
  /** Secret shared by every service to sign identity headers (LANTAI_SUBGRAPH_SECRET). */
  secret: string;
  /**
   * Per-call timeout in milliseconds.
   * @default DEFAULT_SHARD_TIMEOUT_MS (2000)
   */
  timeoutMs?: number;
  /**
   * Keep-alive connections per host.
   * @default 32
   */
  connectionsPerHost?: number;
}

/** Options of one call. */
export interface CallOptions extends CallTarget {
  /** This call's timeout in milliseconds. @default the client's */
  timeoutMs?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
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

/** The response body broke off after the status line and headers had arrived. */
class BodyFailedError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/**
 * An undici dispatch handler that collects one response as text (UTF-8, a byte-order mark
 * dropped, as undici's `body.text()` does), skipping informational (1xx) answers. It aborts
 * the call at its timeout or when the caller's signal aborts, whichever comes first; the
 * timer is cleared when the call ends (AbortSignal.timeout's would stay armed and its signal
 * tracked until it fired, long after a fast call). No closures per call: the handler is the
 * signal's listener itself.
 */
class CollectedResponse implements Dispatcher.DispatchHandler {
  #status = 0;
  readonly #chunks: Buffer[] = [];
  #controller: Dispatcher.DispatchController | null = null;
  #abortReason: Error | null = null;
  #settled = false;
  readonly #timer: NodeJS.Timeout;

  constructor(
    readonly resolve: (response: { status: number; text: string }) => void,
    readonly reject: (error: Error) => void,
    timeoutMs: number,
    readonly signal: AbortSignal | undefined,
  ) {
    this.#timer = setTimeout(abortAtTimeout, timeoutMs, this, timeoutMs);
    if (signal?.aborted) this.handleEvent();
    else signal?.addEventListener('abort', this);
  }

  /** The caller's signal aborted (this object is its event listener). */
  handleEvent(): void {
    this.abort(this.signal?.reason ?? new DOMException('This operation was aborted', 'AbortError'));
  }

  /** Aborts the call now, or as soon as undici starts it if it is still queued or connecting. */
  abort(reason: Error): void {
    if (this.#settled) return;
    if (this.#controller) this.#controller.abort(reason);
    else this.#abortReason ??= reason;
  }

  fail(error: Error): void {
    if (!this.#settle()) return;
    this.reject(this.#status === 0 ? error : new BodyFailedError(error));
  }

  #settle(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.signal?.removeEventListener('abort', this);
    return true;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#abortReason) controller.abort(this.#abortReason);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    if (statusCode >= 200) this.#status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#status !== 0) this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (!this.#settle()) return;
    const body = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    const start = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    this.resolve({ status: this.#status, text: body.toString('utf8', start) });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }
}

function abortAtTimeout(response: CollectedResponse, timeoutMs: number): void {
  response.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
}

export class ShardClient {
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly #signer: IdentitySigner;
  readonly #targets = new Map<string, { origin: string; path: string }>();

  constructor(options: ShardClientOptions) {
    this.#signer = new IdentitySigner(options.secret);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SHARD_TIMEOUT_MS;
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
    options: CallOptions = {},
  ): Promise<GraphQLResponseBody<T>> {
    const { status, json } = await this.postJson(url, body, identity, {
      ...options,
      headers: { accept: 'application/graphql-response+json, application/json', ...options.headers },
    });
    if (json === undefined) throw new ShardUnreachableError(url, status >= 200 && status < 300 ? 'protocol' : 'http', `HTTP ${status}, not JSON`);
    if (typeof json !== 'object' || json === null || (!('data' in json) && !('errors' in json))) {
      throw new ShardUnreachableError(url, 'protocol', `HTTP ${status}, not a GraphQL response`);
    }
    return json as GraphQLResponseBody<T>;
  }

  /**
   * POSTs `body` as JSON on behalf of `identity` (a GraphQL request, or a host's batch of
   * them), in a client span naming `options.archive` or `options.archives` when a trace is on. Resolves with the status and the parsed answer, undefined when it is not JSON;
   * rejects only with ShardUnreachableError: a timeout, a refused connection, a cut-off body.
   */
  async postJson(
    url: string,
    body: unknown,
    identity: Identity,
    options: CallOptions = {},
  ): Promise<{ status: number; json: unknown }> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    let status: number;
    let text: string;
    try {
      const target = this.#target(url);
      ({ status, text } = await traceCall(
        target,
        options,
        (traceHeaders) =>
          this.#post(
            target,
            { 'content-type': 'application/json', accept: 'application/json', ...options.headers, ...traceHeaders, ...this.identityHeaders(identity) },
            JSON.stringify(body),
            timeoutMs,
            options.signal,
          ),
        (answer) => answer.status,
      ));
    } catch (error) {
      if (error instanceof BodyFailedError) throw new ShardUnreachableError(url, 'timeout', error.cause.message);
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ShardUnreachableError(url, 'timeout', `no answer within ${timeoutMs} ms`);
      }
      throw new ShardUnreachableError(url, 'connection', (error as Error).message);
    }
    try {
      return { status, json: JSON.parse(text) as unknown };
    } catch {
      return { status, json: undefined };
    }
  }

  /**
   * One POST through undici's lowest-level API, `dispatch`, with a handler that collects the
   * body. Its request API (and fetch even more so) builds an async-hooks resource, a readable
   * stream and abort-listener plumbing for every call: a large part of the CPU a gateway hop
   * or a province scatter call costs. Rejects with the transport's error, or BodyFailedError
   * when the body broke off after the status arrived.
   */
  #post(
    target: { origin: string; path: string },
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const response = new CollectedResponse(resolve, reject, timeoutMs, signal);
      try {
        this.dispatcher.dispatch({ origin: target.origin, path: target.path, method: 'POST', headers, body }, response);
      } catch (error) {
        response.fail(error as Error);
      }
    });
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

  /**
   * A call whose bodies stream, for the archive hosts' resources beside GraphQL (OAI-PMH,
   * exports, catalogue uploads): an answer or an upload may take minutes, so it is not
   * collected, and the call's timeout bounds only the wait for the answer to start
   * (`headersTimeoutMs`, 0 for none); the body then ends only when it stalls for
   * `bodyTimeoutMs` (0 for never). Signs `identity`, carries the active trace on (the host
   * continues the forwarding request's span) and uses the same connections as every other
   * call; rejects only with ShardUnreachableError.
   */
  async stream(
    url: string,
    identity: Identity,
    options: { method: 'GET' | 'HEAD' | 'POST'; headers?: Record<string, string>; body?: string | Readable; headersTimeoutMs?: number; bodyTimeoutMs?: number },
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Readable }> {
    const headersTimeout = options.headersTimeoutMs ?? this.timeoutMs;
    try {
      const answer = await undiciRequest(url, {
        method: options.method,
        headers: { ...options.headers, ...traceContextHeaders(), ...this.identityHeaders(identity) },
        body: options.body,
        dispatcher: this.dispatcher,
        headersTimeout,
        bodyTimeout: options.bodyTimeoutMs ?? 0,
      });
      return { status: answer.statusCode, headers: answer.headers, body: answer.body };
    } catch (error) {
      if ((error as { code?: string }).code === 'UND_ERR_HEADERS_TIMEOUT') throw new ShardUnreachableError(url, 'timeout', `no answer within ${headersTimeout} ms`);
      throw new ShardUnreachableError(url, 'connection', (error as Error).message);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
