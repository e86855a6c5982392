/**
 * 目录上传导入: an archivist's catalogue file uploaded over HTTP and imported with the same rules
 * and the same report as `npm run import`. The archive host serves it at
 * `POST /archives/<code>/catalogue-import?fileName=目录.csv[&dryRun=true][&partial=true]`
 * `[&encoding=gb18030][&sheet=目录][&fonds=0012][&mapping={…}]` (the command's options of the
 * same names; `mapping` is the mapping file's JSON), the body being the file's bytes; the gateway
 * forwards an archivist's upload there, signed like every other call. A parameter it does not
 * know is refused, so a mistyped `dryRun` never imports for real. Only the archive's own
 * archivists may import; the file is streamed to a temporary file (never held in memory) and
 * removed afterwards.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GraphQLError } from 'graphql';
import pg from 'pg';
import { isConnectionLost } from '../../../protocol/database-faults.js';
import { archiveUnavailable, badUserInput, ErrorCode, errorCodeOf, ServiceErrorCode } from '../../../protocol/errors.js';
import { sendJson } from '../../../protocol/http.js';
import { verifyIdentity } from '../../../protocol/identity.js';
import { requireArchivist } from '../services/visibility.js';
import { MappingError, parseMapping, type ColumnMapping } from './columns.js';
import { ImportError, importCatalogueFile } from './import.js';
import { SourceError } from './source.js';

/** Path of an archive's catalogue import on its host. */
export const CATALOGUE_IMPORT_PATH = /^\/archives\/([^/]+)\/catalogue-import\/?$/;

/** 256 MiB: a catalogue of several million rows. */
export const DEFAULT_MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export interface CatalogueUploadOptions {
  secret: string;
  /** @default DEFAULT_MAX_UPLOAD_BYTES */
  maxUploadBytes?: number;
  log: (error: unknown) => void;
}

/** A file name safe to create: its base name, letters, digits, Chinese characters, `.`, `-` and `_` only. */
function safeFileName(given: string | null): string {
  const name = (given ?? '').split(/[/\\]/).pop()!.replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-100);
  if (!/\.(csv|tsv|txt|tab|xlsx|xls)$/i.test(name)) throw badUserInput('"fileName" must name the uploaded file with its extension: .csv, .tsv, .txt or .xlsx (文件名须带扩展名).');
  return name;
}

const PARAMETERS = ['fileName', 'dryRun', 'partial', 'encoding', 'sheet', 'fonds', 'mapping'];

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
  if (fonds !== undefined) mapping = { ...mapping, defaults: { ...mapping.defaults, fondsCode: fonds } };
  return mapping;
}

function statusOf(code: string | undefined): number {
  return code === ErrorCode.UNAUTHENTICATED
    ? 401
    : code === ErrorCode.FORBIDDEN
      ? 403
      : code === ErrorCode.BAD_USER_INPUT
        ? 400
        : code === ErrorCode.ARCHIVE_UNAVAILABLE
          ? 503
          : 500;
}

/** Handles one upload for an archive hosted in the database at `databaseUrl`. */
export async function handleCatalogueUpload(request: IncomingMessage, response: ServerResponse, archive: string, databaseUrl: string, options: CatalogueUploadOptions): Promise<void> {
  let folder: string | undefined;
  try {
    const viewer = verifyIdentity(request.headers, options.secret);
    requireArchivist(viewer, archive, 'import catalogues (目录导入)');
    if (request.method !== 'POST') throw badUserInput('Upload the catalogue file with POST.');
    const parameters = parametersOf(new URL(request.url ?? '/', 'http://localhost'));
    const fileName = safeFileName(parameters.get('fileName') ?? null);
    const dryRun = flag(parameters, 'dryRun');
    const partial = flag(parameters, 'partial');
    const mapping = mappingOf(parameters);
    const limit = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    if (Number(request.headers['content-length'] ?? 0) > limit) throw badUserInput(`The file is larger than ${limit} bytes (文件过大).`);

    folder = await mkdtemp(join(tmpdir(), 'lantai-upload-'));
    const path = join(folder, fileName);
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
    await client.connect();
    try {
      const report = await importCatalogueFile(client, path, {
        archive,
        importedBy: viewer.sub ?? `archivist of ${archive}`,
        dryRun,
        partial,
        fileName,
        mapping,
        encoding: parameters.get('encoding'),
        sheet: parameters.get('sheet'),
      });
      sendJson(response, 200, { report });
    } finally {
      await client.end();
    }
  } catch (error) {
    const known = error instanceof SourceError || error instanceof ImportError || error instanceof MappingError;
    const lost = !known && errorCodeOf(error) === undefined && isConnectionLost(error);
    if (!known && errorCodeOf(error) === undefined) options.log(error);
    if (response.headersSent) return void response.destroy();
    const failure = known
      ? badUserInput((error as Error).message)
      : lost
        ? archiveUnavailable(archive, 'lost its database connection: the import did not finish, and as an import is all or nothing the file may be sent again (数据库连接中断，导入未完成，可重新上传)')
        : error;
    const code = errorCodeOf(failure);
    if (code === undefined) {
      sendJson(response, 500, { errors: [{ message: 'Internal server error.', extensions: { code: ServiceErrorCode.INTERNAL_SERVER_ERROR } }] });
    } else {
      // `http` is Apollo Server's instruction to itself (unauthenticated() sets it), not for the client.
      const { message, extensions: { http: _http, ...extensions } } = failure as GraphQLError;
      sendJson(response, statusOf(code), { errors: [{ message, extensions: { ...extensions, code } }] });
    }
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}
