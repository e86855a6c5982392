/**
 * 目录上传导入 through the gateway: `POST /archives/<code>/catalogue-import?fileName=…` with the
 * catalogue file as the body and the archivist's token. The gateway checks the token (and the
 * caller's rate) as for /graphql, finds the archive's host in the directory, and streams the
 * file there with the caller's signed identity; the archive decides who may import and
 * answers with the import's report, its progress lines or the rejected rows
 * (subgraphs/archive/catalogue-import/upload.ts), passed back as they come. The shard client's
 * streamed call carries them, waiting up to LANTAI_UPLOAD_TIMEOUT_MS for the answer, as an import
 * of a large catalogue takes minutes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, RequestErrorCode } from '../protocol/errors.js';
import { sendError } from '../protocol/http.js';
import type { Identity } from '../protocol/identity.js';
import { ShardUnreachableError, type ShardClient } from '../protocol/shard-client.js';
import { refuseCaller, relayAnswer } from './archive-resources.js';
import type { ShardDirectory } from './shard-directory.js';

export const GATEWAY_UPLOAD_PATH = /^\/archives\/(\d{6})\/catalogue-import\/?$/;

/** Longest wait for the host's answer to an upload, by default: the import of a 256 MiB catalogue takes minutes. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 30 * 60 * 1000;

/** Longest silence in the host's answer once it has begun. */
const UPLOAD_SILENCE_MS = 60_000;

/** Copied from the host's answer to the archivist: the report's or the rejects file's type and name, the summary beside a rejects file, and how long a busy host asks to wait. */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'lantai-import-summary', 'retry-after'];

export interface CatalogueUploadRouteOptions {
  directory: ShardDirectory;
  client: ShardClient;
  /** The verified caller (throws UNAUTHENTICATED or RATE_LIMITED as for /graphql). */
  callerOf: (request: IncomingMessage) => Promise<{ identity: Identity }>;
  /** Largest upload forwarded, in bytes (the archive host has its own limit too). */
  maxUploadBytes: number;
  /** Longest wait for the host's answer once the file is sent: the whole import, unless the archivist asked for progress lines. */
  timeoutMs: number;
  log?: (line: string) => void;
}

export async function forwardCatalogueUpload(request: IncomingMessage, response: ServerResponse, archive: string, options: CatalogueUploadRouteOptions): Promise<void> {
  if (request.method !== 'POST') {
    return sendError(response, 405, RequestErrorCode.BAD_REQUEST, 'Upload the catalogue file with POST.');
  }
  let identity: Identity;
  try {
    ({ identity } = await options.callerOf(request));
  } catch (error) {
    if (refuseCaller(response, error)) return;
    throw error;
  }
  if (Number(request.headers['content-length'] ?? 0) > options.maxUploadBytes) {
    return sendError(response, 413, RequestErrorCode.BAD_REQUEST, `The file is larger than ${options.maxUploadBytes} bytes (文件过大).`);
  }
  const endpoint = options.directory.endpointOf(archive);
  // Only hosts with the standard layout (…/archives/<code>/graphql) take uploads beside their GraphQL.
  if (!endpoint || !endpoint.endsWith(`/archives/${archive}/graphql`)) {
    return sendError(response, 404, ErrorCode.NOT_FOUND, `Archive ${archive} is not in the directory, or its endpoint takes no uploads.`);
  }
  const search = new URL(request.url ?? '/', 'http://localhost').search;
  const target = `${endpoint.slice(0, -'graphql'.length)}catalogue-import${search}`;
  let answer: Awaited<ReturnType<ShardClient['stream']>>;
  try {
    answer = await options.client.stream(target, identity, {
      method: 'POST',
      headers: {
        'content-type': request.headers['content-type'] ?? 'application/octet-stream',
        ...(request.headers['content-length'] ? { 'content-length': request.headers['content-length'] } : {}),
        // Which answer the archivist asked for: the report, or progress lines and the report.
        ...(request.headers.accept ? { accept: request.headers.accept } : {}),
      },
      body: request,
      headersTimeoutMs: options.timeoutMs,
      // Once it answers, a host never falls silent for long: progress lines come again every few seconds.
      bodyTimeoutMs: UPLOAD_SILENCE_MS,
    });
  } catch (error) {
    options.log?.(`archive ${archive}: catalogue upload unavailable: ${(error as Error).message}`);
    request.resume();
    if (error instanceof ShardUnreachableError && error.reason === 'timeout') {
      // The host has the file and may still be importing it (a hung host never will).
      return sendError(
        response,
        504,
        ErrorCode.ARCHIVE_UNAVAILABLE,
        `Archive ${archive} did not finish the import within ${options.timeoutMs >= 60_000 ? `${Math.round(options.timeoutMs / 60_000)} min` : `${Math.ceil(options.timeoutMs / 1000)} s`}; it may still go in. Sending the same file again is safe: rows already in are reported unchanged (档案馆未在时限内完成导入；重新上传同一文件是安全的).`,
        { archive },
      );
    }
    // The host could not be reached or broke off: the archive's import either never started
    // or rolled back (an import is all or nothing), so the archivist may send the file again.
    return sendError(response, 502, ErrorCode.ARCHIVE_UNAVAILABLE, `Archive ${archive} did not answer; nothing was imported (档案馆暂不可用，未导入).`, { archive });
  }
  // Progress lines as the host writes them, a rejects file as it is.
  await relayAnswer(answer, response, PASSED_HEADERS, (error) => options.log?.(`archive ${archive}: catalogue upload answer ended early: ${error.message}`));
}
