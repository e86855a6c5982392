/**
 * The archive resources that are not GraphQL, passed through to the archive's own host:
 * the OAI-PMH provider at /oai/<code> (for harvesters outside the network) and catalogue
 * exports at /export/<code>. The gateway verifies and rate-limits the caller as for
 * GraphQL, finds the archive's host in the shard directory, signs the caller's identity
 * (always the anonymous public for OAI-PMH) and streams the host's answer back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import { ErrorCode, RequestErrorCode, type AnswerErrorCode } from '../protocol/errors.js';
import { OAI_BASE_URL_HEADER, sendError } from '../protocol/http.js';
import { ANONYMOUS, type Identity } from '../protocol/identity.js';
import { isArchiveCode } from '../protocol/ids.js';
import type { ShardClient } from '../protocol/shard-client.js';
import type { ShardDirectory } from './shard-directory.js';

export const OAI_GATEWAY_PATH = /^\/oai\/([^/]+)(\/[^/]*)?$/;
export const EXPORT_GATEWAY_PATH = /^\/export\/([^/]+)\/?$/;

export interface ArchiveResourceOptions {
  directory: ShardDirectory;
  client: ShardClient;
  /** The verified and rate-limited caller of a request. */
  callerOf(request: IncomingMessage): Promise<Identity>;
  /** Longest wait for the host's first byte, in milliseconds; the body then streams as long as it takes. */
  timeoutMs: number;
  log(message: string): void;
}

/** Copied from the host's answer to the client; everything else is the host's business. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'allow'];
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Answers a caller the gateway refused (UNAUTHENTICATED, RATE_LIMITED) as /graphql would, with
 * the error's status and headers (Retry-After); false when `error` is not such a refusal.
 */
export function refuseCaller(response: ServerResponse, error: unknown): boolean {
  if (!(error instanceof GraphQLError) || typeof error.extensions.code !== 'string') return false;
  const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) response.setHeader(name, value);
  sendError(response, http?.status ?? 401, error.extensions.code as AnswerErrorCode, error.message);
  return true;
}

/**
 * Serves /oai/<code>[/<file>] and /export/<code>: `kind` says which. Resolves when the answer
 * has been sent.
 */
export async function serveArchiveResource(
  kind: 'oai' | 'export',
  code: string,
  rest: string,
  request: IncomingMessage,
  response: ServerResponse,
  options: ArchiveResourceOptions,
): Promise<void> {
  let caller: Identity;
  try {
    caller = await options.callerOf(request);
  } catch (error) {
    if (refuseCaller(response, error)) return;
    throw error;
  }
  if (!isArchiveCode(code)) return sendError(response, 404, ErrorCode.NOT_FOUND, `No archive ${code.slice(0, 20)} in the directory.`);
  let endpoint = options.directory.endpointOf(code);
  if (!endpoint) {
    await options.directory.refreshForUnknownArchive();
    endpoint = options.directory.endpointOf(code);
  }
  if (!endpoint || !endpoint.endsWith('/graphql')) {
    return sendError(response, 404, ErrorCode.NOT_FOUND, `No archive ${code} in the directory (档案馆不存在).`);
  }

  const incoming = new URL(request.url ?? '/', 'http://localhost');
  const target = `${endpoint.slice(0, -'/graphql'.length)}/${kind}${rest}${incoming.search}`;
  const headers: Record<string, string> = {};
  if (kind === 'oai') {
    const host = /^[A-Za-z0-9.\-:[\]]+$/.test(request.headers.host ?? '') ? request.headers.host : 'localhost';
    headers[OAI_BASE_URL_HEADER] = `http://${host}/oai/${code}`;
  }
  let body: string | undefined;
  if (request.method === 'POST') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) return sendError(response, 413, RequestErrorCode.BAD_REQUEST, `The body may be at most ${MAX_FORM_BYTES} bytes.`);
      chunks.push(chunk);
    }
    body = Buffer.concat(chunks).toString('utf8');
    headers['content-type'] = String(request.headers['content-type'] ?? 'application/x-www-form-urlencoded');
  }

  let answer: Awaited<ReturnType<ShardClient['stream']>>;
  try {
    answer = await options.client.stream(target, kind === 'oai' ? ANONYMOUS : caller, {
      method: request.method === 'POST' ? 'POST' : request.method === 'HEAD' ? 'HEAD' : 'GET',
      headers,
      body,
      headersTimeoutMs: options.timeoutMs,
      // An export of a large archive streams for minutes; only a stall this long ends it.
      bodyTimeoutMs: 60_000,
    });
  } catch (error) {
    options.log(`archive ${code}: ${kind} unavailable: ${(error as Error).message}`);
    return sendError(response, 502, ErrorCode.ARCHIVE_UNAVAILABLE, `Archive ${code} did not answer (档案馆暂不可用).`, { archive: code });
  }
  await relayAnswer(answer, response, PASSED_HEADERS, (error) => options.log(`archive ${code}: ${kind} stream ended early: ${error.message}`));
}

/**
 * Passes a host's answer on to the client as it comes: its status, the headers named, and its
 * body streamed. Should the client go away or the host break off, `ended` hears why and the
 * response is cut, as nothing more can be said on it.
 */
export async function relayAnswer(
  answer: Awaited<ReturnType<ShardClient['stream']>>,
  response: ServerResponse,
  headers: readonly string[],
  ended: (error: Error) => void,
): Promise<void> {
  response.statusCode = answer.status;
  for (const name of headers) {
    const value = answer.headers[name];
    if (value !== undefined) response.setHeader(name, value);
  }
  try {
    await pipeline(answer.body, response);
  } catch (error) {
    ended(error as Error);
    response.destroy();
  }
}
