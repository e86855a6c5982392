/**
 * 目录上传导入 through the gateway: `POST /archives/<code>/catalogue-import?fileName=…` with the
 * catalogue file as the body and the archivist's token. The gateway checks the token (and the
 * caller's rate) as for /graphql, finds the archive's host in the directory, and streams the
 * file there with the caller's signed identity; the archive decides who may import and
 * answers with the import's report, passed back as it is. The shard client's connection pool
 * carries it; its timeout does not apply, as an import of a large catalogue takes minutes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request as undiciRequest } from 'undici';
import { errorCodeOf } from '../protocol/errors.js';
import { sendJson } from '../protocol/http.js';
import type { Identity } from '../protocol/identity.js';
import type { ShardClient } from '../protocol/shard-client.js';
import { traceContextHeaders } from '../protocol/tracing.js';
import type { ShardDirectory } from './shard-directory.js';

export const GATEWAY_UPLOAD_PATH = /^\/archives\/(\d{6})\/catalogue-import\/?$/;

export interface CatalogueUploadRouteOptions {
  directory: ShardDirectory;
  client: ShardClient;
  /** The verified caller (throws UNAUTHENTICATED or RATE_LIMITED as for /graphql). */
  callerOf: (request: IncomingMessage) => Promise<{ identity: Identity }>;
  /** Largest upload forwarded, in bytes (the archive host has its own limit too). */
  maxUploadBytes: number;
}

export async function forwardCatalogueUpload(request: IncomingMessage, response: ServerResponse, archive: string, options: CatalogueUploadRouteOptions): Promise<void> {
  if (request.method !== 'POST') {
    return sendJson(response, 405, { errors: [{ message: 'Upload the catalogue file with POST.', extensions: { code: 'BAD_REQUEST' } }] });
  }
  let identity: Identity;
  try {
    ({ identity } = await options.callerOf(request));
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === undefined) throw error;
    const http = (error as { extensions?: { http?: { status?: number; headers?: Map<string, string> } } }).extensions?.http;
    for (const [name, value] of http?.headers ?? []) response.setHeader(name, value);
    return sendJson(response, http?.status ?? (code === 'RATE_LIMITED' ? 429 : 401), { errors: [{ message: (error as Error).message, extensions: { code } }] });
  }
  if (Number(request.headers['content-length'] ?? 0) > options.maxUploadBytes) {
    return sendJson(response, 413, { errors: [{ message: `The file is larger than ${options.maxUploadBytes} bytes (文件过大).`, extensions: { code: 'BAD_REQUEST' } }] });
  }
  const endpoint = options.directory.endpointOf(archive);
  // Only hosts with the standard layout (…/archives/<code>/graphql) take uploads beside their GraphQL.
  if (!endpoint || !endpoint.endsWith(`/archives/${archive}/graphql`)) {
    return sendJson(response, 404, { errors: [{ message: `Archive ${archive} is not in the directory, or its endpoint takes no uploads.`, extensions: { code: 'NOT_FOUND' } }] });
  }
  const search = new URL(request.url ?? '/', 'http://localhost').search;
  const target = `${endpoint.slice(0, -'graphql'.length)}catalogue-import${search}`;
  const answer = await undiciRequest(target, {
    method: 'POST',
    dispatcher: options.client.dispatcher,
    headers: {
      'content-type': request.headers['content-type'] ?? 'application/octet-stream',
      ...(request.headers['content-length'] ? { 'content-length': request.headers['content-length'] } : {}),
      ...traceContextHeaders(),
      ...options.client.identityHeaders(identity),
    },
    body: request,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const text = await answer.body.text();
  response.writeHead(answer.statusCode, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
