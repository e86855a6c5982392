/**
 * Serving an Apollo Server over node:http, once for every Lantai service: the archive host,
 * the province subgraph and the gateway each add their own routes (health, static pages)
 * around this handler and listen in their own index.ts.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Attributes } from '@opentelemetry/api';
import { RequestErrorCode, type AnswerErrorCode } from './errors.js';
import { traceOperation } from './tracing.js';

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  /** Builds the request's context; a GraphQLError thrown here keeps its `extensions.http.status`. */
  context: (request: IncomingMessage) => Promise<TContext>;
  /**
   * Largest request body accepted, in bytes; larger ones get 413.
   * @default 1048576
   */
  maxBodyBytes?: number;
  /** Attributes of each operation's span (e.g. the archive an archive host's endpoint serves). */
  spanAttributes?: Attributes;
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes.`);
  }
}

/**
 * The request body as text. Read with stream events rather than `for await`: the async
 * iterator's promise and end-of-stream machinery cost more than the rest of this adapter for
 * the small bodies GraphQL requests have. A body that outgrows `limit` while it streams in
 * destroys the request, as leaving a `for await` loop early would.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // Callbacks inline, not in named constants: tsx names every such function per call.
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        reject(new BodyTooLargeError(limit));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    request.on('close', () => {
      if (settled) return;
      settled = true;
      reject(new Error('The request closed before its body was complete.'));
    });
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * One error as a GraphQL answer's body, for what a service answers outside GraphQL execution
 * (a body it cannot read, an upload, an export, a batch, a path it does not serve).
 */
export function sendError(response: ServerResponse, status: number, code: AnswerErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  sendJson(response, status, { errors: [{ message, extensions: { ...extensions, code } }] });
}

/** The query string of a request target (`?…`, or empty), as WHATWG URL's `search` gives it. */
function searchOf(target: string): string {
  // A POST carries no query string: no URL needs building for it.
  if (!target.includes('?')) return '';
  return new URL(target, 'http://localhost').search;
}

/** A node:http handler that runs one GraphQL request through `server`. */
export function graphqlHttpHandler<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>) {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (request.method === 'POST') {
      let text: string;
      try {
        text = await readBody(request, limit);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendError(response, 413, RequestErrorCode.BAD_REQUEST, `请求体过大: the request body is larger than ${limit} bytes.`);
          return;
        }
        throw error;
      }
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = text.length > 0 ? JSON.parse(text) : undefined;
        } catch {
          sendError(response, 400, RequestErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
          return;
        }
      } else {
        body = text;
      }
    }
    const result = await traceOperation(() =>
      options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: searchOf(request.url ?? '/'), body },
        context: () => options.context(request),
      }),
      options.spanAttributes,
    );
    for (const [key, value] of result.headers) response.setHeader(key, value);
    // An answer is for its caller alone: no cache along the way may keep it.
    if (!response.hasHeader('cache-control')) response.setHeader('cache-control', 'no-store');
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

/** Listens on `port` (0 for any free port) and resolves with the port bound. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

/** Stops accepting connections and closes idle keep-alive ones, so tests and Ctrl-C end promptly. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}

/**
 * Set by the gateway on the OAI-PMH calls it passes to an archive host (signed like every call
 * it makes): the base URL harvesters outside the network use, which the provider writes in
 * its answers.
 */
export const OAI_BASE_URL_HEADER = 'x-lantai-oai-base-url';
