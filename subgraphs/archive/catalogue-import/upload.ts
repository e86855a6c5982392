/**
 * 目录上传导入: an archivist's catalogue file uploaded over HTTP and imported with the same rules
 * and the same report as `npm run import`. The archive host serves it at
 * `POST /archives/<code>/catalogue-import?fileName=目录.csv[&dryRun=true][&partial=true]`
 * `[&encoding=gb18030][&sheet=目录][&fonds=0012][&mapping={…}][&rejects=true]` (the command's
 * options of the same names; `mapping` is the mapping file's JSON), the body being the file's
 * bytes; the gateway forwards an archivist's upload there, signed like every other call. A
 * parameter it does not know is refused, so a mistyped `dryRun` never imports for real.
 *
 * The answer is the report as JSON; or, to a client that accepts `application/x-ndjson`, a line
 * of progress at once, then at most every second while the import works (the last one again
 * after PROGRESS_HEARTBEAT_MS without news), and the report (or the error) as the last line; or,
 * with `rejects=true`, the rejected rows as the command's `--rejects` writes them
 * (200, in the file's encoding, with a reason column; 204 when no row was rejected), the report's
 * counts in the `Lantai-Import-Summary` header. Only the archive's own archivists may import;
 * the file is streamed to a temporary file (never held in memory) and removed afterwards. A host
 * runs a few imports at once (ImportSlots); one more is refused with 429 and Retry-After.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import Negotiator from 'negotiator';
import pg from 'pg';
import { isConnectionLost } from '../../../protocol/database-faults.js';
import { archiveUnavailable, badUserInput, ErrorCode, errorCodeOf, ServiceErrorCode } from '../../../protocol/errors.js';
import { sendJson } from '../../../protocol/http.js';
import { unicodeEscaped } from '../../../protocol/text.js';
import { verifyIdentity } from '../../../protocol/identity.js';
import { requireArchivist } from '../services/visibility.js';
import { MappingError, parseMapping, type ColumnMapping } from './columns.js';
import { ImportError, importCatalogueFile, type ImportProgress, type ImportReport } from './import.js';
import { SourceError } from './source.js';

/** Path of an archive's catalogue import on its host. */
export const CATALOGUE_IMPORT_PATH = /^\/archives\/([^/]+)\/catalogue-import\/?$/;

/** 256 MiB: a catalogue of several million rows. */
export const DEFAULT_MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export interface CatalogueUploadOptions {
  secret: string;
  /** @default DEFAULT_MAX_UPLOAD_BYTES */
  maxUploadBytes?: number;
  /** The host's imports running now, shared by all its uploads; none when omitted (no limit). */
  imports?: ImportSlots;
  log: (error: unknown) => void;
}

/** Imports a host runs at once, by default (LANTAI_IMPORT_CONCURRENCY). */
export const DEFAULT_IMPORT_CONCURRENCY = 2;

/** Seconds an upload refused for a busy host is told to wait (Retry-After). */
const BUSY_RETRY_SECONDS = 60;

/**
 * The imports an archive host runs at once. Each holds a database connection, a temporary
 * file and up to a few hundred MB of the host's memory for as long as it runs, and one into an
 * archive already importing waits for it holding all three: uploads past the limit are refused
 * at once (429, with Retry-After) instead of piling up until the database refuses connections
 * to every archive of the host.
 */
export class ImportSlots {
  #running = 0;

  constructor(readonly limit: number = DEFAULT_IMPORT_CONCURRENCY) {}

  /** Takes a slot when one is free. */
  tryTake(): boolean {
    if (this.#running >= this.limit) return false;
    this.#running += 1;
    return true;
  }

  release(): void {
    this.#running -= 1;
  }
}

function busy(limit: number): GraphQLError {
  return new GraphQLError(`This archive host is running ${limit} imports already; send the file again in a minute (导入繁忙，请稍后再试).`, {
    extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429, headers: new Map([['retry-after', String(BUSY_RETRY_SECONDS)]]) } },
  });
}

/** A file name safe to create: its base name, letters, digits, Chinese characters, `.`, `-` and `_` only. */
function safeFileName(given: string | null): string {
  const name = (given ?? '').split(/[/\\]/).pop()!.replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-100);
  if (!/\.(csv|tsv|txt|tab|xlsx|xls)$/i.test(name)) throw badUserInput('"fileName" must name the uploaded file with its extension: .csv, .tsv, .txt or .xlsx (文件名须带扩展名).');
  return name;
}

const PARAMETERS = ['fileName', 'dryRun', 'partial', 'encoding', 'sheet', 'fonds', 'mapping', 'rejects'];

/** The upload's parameters, each given at most once, none unknown. */
function parametersOf(url: URL): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    if (!PARAMETERS.includes(name)) {
      throw badUserInput(`Unknown parameter "${name}" (未知参数); an upload takes ${PARAMETERS.join(', ')}.`);
    }
    if (parameters.has(name)) throw badUserInput(`"${name}" is given more than once (参数重复).`);
    parameters.set(name, value);
  }
  return parameters;
}

function flag(parameters: Map<string, string>, name: string): boolean {
  const value = parameters.get(name);
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badUserInput(`"${name}" must be true or false.`);
}

/** The column mapping of `mapping` (a mapping file's JSON) and `fonds` (a 全宗号 for every row), as the command reads --mapping and --fonds. */
function mappingOf(parameters: Map<string, string>): ColumnMapping {
  let mapping: ColumnMapping = {};
  const given = parameters.get('mapping');
  if (given !== undefined) {
    try {
      mapping = parseMapping(JSON.parse(given));
    } catch (error) {
      throw badUserInput(`"mapping" must be a mapping file's JSON (列映射有误): ${(error as Error).message}`);
    }
  }
  const fonds = parameters.get('fonds');
  if (fonds !== undefined && fonds.trim() === '') throw badUserInput('"fonds" must be the 全宗号 of rows that give none, not empty (全宗号为空).');
  if (fonds !== undefined) mapping = { ...mapping, defaults: { ...mapping.defaults, fondsCode: fonds } };
  return mapping;
}

/** The HTTP status of each code an upload may fail with; any other is 500. */
const STATUS_OF: ReadonlyMap<string, number> = new Map([
  [ErrorCode.BAD_USER_INPUT, 400],
  [ErrorCode.UNAUTHENTICATED, 401],
  [ErrorCode.FORBIDDEN, 403],
  [ErrorCode.RATE_LIMITED, 429],
  [ErrorCode.ARCHIVE_UNAVAILABLE, 503],
]);

/** The answer for an upload that failed: its status and body, the cause logged when it is not the caller's. */
function failureOf(error: unknown, archive: string, log: (error: unknown) => void): { status: number; body: unknown } {
  const known = error instanceof SourceError || error instanceof ImportError || error instanceof MappingError;
  const unexpected = !known && errorCodeOf(error) === undefined;
  if (unexpected) log(error);
  const failure = known
    ? badUserInput((error as Error).message)
    : unexpected && isConnectionLost(error)
      ? archiveUnavailable(archive, 'lost its database connection: the import did not finish, and as an import is all or nothing the file may be sent again (数据库连接中断，导入未完成，可重新上传)')
      : error;
  const code = errorCodeOf(failure);
  if (code === undefined) return { status: 500, body: { errors: [{ message: 'Internal server error.', extensions: { code: ServiceErrorCode.INTERNAL_SERVER_ERROR } }] } };
  // `http` is Apollo Server's instruction to itself (unauthenticated() sets it), not for the client.
  const { message, extensions: { http: _http, ...extensions } } = failure as GraphQLError;
  return { status: STATUS_OF.get(code) ?? 500, body: { errors: [{ message, extensions: { ...extensions, code } }] } };
}

/** The media type of the progress lines, one JSON object a line. */
export const PROGRESS_MEDIA_TYPE = 'application/x-ndjson';

/** The report's counts, in a header: JSON with every character past ASCII escaped. */
export const SUMMARY_HEADER = 'lantai-import-summary';

function summaryOf(report: ImportReport): string {
  const { rejections: _rejections, ...summary } = report;
  return unicodeEscaped(JSON.stringify(summary), /[\u007f-\uffff]/g);
}

/**
 * How often the last progress line is sent again while nothing new is said (a wait for another
 * import, an index build of minutes): the archivist sees the import alive, and the gateway, which
 * gives up on an answer silent for a minute, keeps passing it on.
 */
export const PROGRESS_HEARTBEAT_MS = 5_000;

/**
 * Progress lines: the first at once, then at most one a second, one at each change of phase,
 * and the last one again after PROGRESS_HEARTBEAT_MS of silence, until `stop`.
 */
function progressLines(response: ServerResponse): { send(progress: ImportProgress): void; stop(): void } {
  let last = -Infinity;
  let latest: ImportProgress | null = null;
  let heartbeat: NodeJS.Timeout | undefined;
  let stopped = false;
  const write = (progress: ImportProgress) => {
    last = performance.now();
    // A client gone away misses the lines; the import goes on and commits or rolls back as it would.
    if (!response.destroyed && !response.writableEnded) response.write(`${JSON.stringify({ progress })}\n`);
    clearTimeout(heartbeat);
    if (!stopped) heartbeat = setTimeout(() => write(latest!), PROGRESS_HEARTBEAT_MS);
  };
  return {
    send(progress) {
      const phaseChanged = progress.phase !== latest?.phase;
      latest = progress;
      if (phaseChanged || performance.now() - last >= 1000) write(progress);
    },
    stop() {
      stopped = true;
      clearTimeout(heartbeat);
    },
  };
}

/** Handles one upload for an archive hosted in the database at `databaseUrl`. */
export async function handleCatalogueUpload(request: IncomingMessage, response: ServerResponse, archive: string, databaseUrl: string, options: CatalogueUploadOptions): Promise<void> {
  let folder: string | undefined;
  let lines: ReturnType<typeof progressLines> | undefined;
  let slot: ImportSlots | undefined;
  try {
    const viewer = verifyIdentity(request.headers, options.secret);
    requireArchivist(viewer, archive, 'import catalogues (目录导入)');
    if (request.method !== 'POST') throw badUserInput('Upload the catalogue file with POST.');
    const parameters = parametersOf(new URL(request.url ?? '/', 'http://localhost'));
    const fileName = safeFileName(parameters.get('fileName') ?? null);
    const dryRun = flag(parameters, 'dryRun');
    const partial = flag(parameters, 'partial');
    const rejects = flag(parameters, 'rejects');
    const mapping = mappingOf(parameters);
    const progress = !rejects && new Negotiator(request).mediaType(['application/json', PROGRESS_MEDIA_TYPE]) === PROGRESS_MEDIA_TYPE;
    const limit = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    if (Number(request.headers['content-length'] ?? 0) > limit) throw badUserInput(`The file is larger than ${limit} bytes (文件过大).`);
    if (options.imports) {
      if (!options.imports.tryTake()) throw busy(options.imports.limit);
      slot = options.imports;
    }

    folder = await mkdtemp(join(tmpdir(), 'lantai-upload-'));
    const path = join(folder, fileName);
    const rejectsPath = join(folder, 'rejects');
    let size = 0;
    const bounded = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limit ? badUserInput(`The file is larger than ${limit} bytes (文件过大).`) : null, chunk);
      },
    });
    await pipeline(request, bounded, createWriteStream(path));

    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'lantai-import' });
    // A connection that ends under the import (an operator's pg_terminate_backend, PostgreSQL
    // restarted) fails the statement running, which answers this upload; node-postgres then
    // also emits 'error', which unheard would end the host and every archive it serves.
    client.on('error', () => undefined);
    if (progress) {
      lines = progressLines(response);
      response.writeHead(200, { 'content-type': `${PROGRESS_MEDIA_TYPE}; charset=utf-8`, 'cache-control': 'no-store' });
      // At once: the file has arrived and its import begins (it may wait for another import into the archive).
      lines.send({ phase: 'reading', rows: 0, bytes: 0, totalBytes: size, rowsPerSecond: 0 });
    }
    let report: ImportReport;
    await client.connect();
    try {
      report = await importCatalogueFile(client, path, {
        archive,
        importedBy: viewer.sub ?? `archivist of ${archive}`,
        dryRun,
        partial,
        fileName,
        mapping,
        encoding: parameters.get('encoding'),
        sheet: parameters.get('sheet'),
        rejectsPath: rejects ? rejectsPath : undefined,
        onProgress: lines?.send,
      });
    } finally {
      await client.end();
    }
    if (lines) {
      response.end(`${JSON.stringify({ report })}\n`);
    } else if (rejects) {
      const name = `${fileName.replace(/\.[^.]*$/, '')}-rejects.${report.format === 'tsv' ? 'tsv' : 'csv'}`;
      const headers = { [SUMMARY_HEADER]: summaryOf(report), 'cache-control': 'no-store' };
      if (report.rejected === 0) {
        response.writeHead(204, headers);
        response.end();
      } else {
        const { size: bytes } = await stat(rejectsPath);
        response.writeHead(200, {
          ...headers,
          'content-type': `text/${report.format === 'tsv' ? 'tab-separated-values' : 'csv'}; charset=${report.format === 'xlsx' ? 'utf-8' : report.encoding}`,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
          'content-length': bytes,
        });
        await pipeline(createReadStream(rejectsPath), response);
      }
    } else {
      sendJson(response, 200, { report });
    }
  } catch (error) {
    // The archivist broke the upload off: no one is there to answer, and nothing was imported.
    if (request.readableAborted) return void response.destroy();
    const { status, body } = failureOf(error, archive, options.log);
    if (lines && !response.destroyed) response.end(`${JSON.stringify(body)}\n`);
    else if (response.headersSent) response.destroy();
    else {
      for (const [name, value] of ((error as GraphQLError).extensions?.http as { headers?: Map<string, string> } | undefined)?.headers ?? []) response.setHeader(name, value);
      sendJson(response, status, body);
    }
  } finally {
    slot?.release();
    lines?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}
