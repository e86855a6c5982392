/**
 * 目录上传导入 from a client: an archivist's catalogue file sent to the gateway's upload
 * (`POST <gateway>/archives/<code>/catalogue-import`, README "Joining the network with your own
 * catalogue"), with the same parameters, and its progress lines read as they come when the
 * caller wants them. The answer is the import's report, or the typed errors beside a null
 * report, as `request` gives data and errors: an import refused or not run is not an exception.
 */
import type { ColumnMapping } from '../subgraphs/archive/catalogue-import/columns.js';
import type { ImportProgress, ImportReport } from '../subgraphs/archive/catalogue-import/import.js';
import { typedError, type AnsweredError, type LantaiError } from './errors.js';

/** What an import did, as `npm run import` prints it. */
export type CatalogueImportReport = ImportReport;

/** Where an import stands: its phase, rows and bytes read, and in `writing` the step. */
export type CatalogueImportProgress = ImportProgress;

export interface CatalogueUpload {
  /** The archive's code (e.g. `360124`): only its own archivists may import. */
  archive: string;
  /**
   * The file's bytes. In Node, `await fs.openAsBlob(path)` gives a Blob read from the disk as it
   * is sent; a Blob or bytes can be sent again after a 429 with a short Retry-After.
   */
  file: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>;
  /** The file's name with its extension (.csv, .tsv, .txt, .xlsx): the report and the open-review history name it. */
  fileName: string;
  /** Check and report, write nothing (试导入). */
  dryRun?: boolean;
  /** Write the valid rows when some are rejected. */
  partial?: boolean;
  /** The file's encoding (gb18030, utf-8, utf-16le, …) when detection is not to be trusted. */
  encoding?: string;
  /** The XLSX sheet to read. */
  sheet?: string;
  /** The 全宗号 of rows that give none. */
  fonds?: string;
  /** Header names to fields, and defaults, as a `--mapping` file holds them. */
  mapping?: ColumnMapping;
  /** Called with each progress line: at once, then at most every second while the import works. */
  onProgress?: (progress: CatalogueImportProgress) => void;
  signal?: AbortSignal;
}

/** The report, or null with the errors that stopped the import. */
export interface CatalogueImportAnswer {
  report: CatalogueImportReport | null;
  errors: LantaiError[];
}

const PROGRESS_MEDIA_TYPE = 'application/x-ndjson';

/** One line or body of the upload's answer. */
interface AnswerPart {
  progress?: CatalogueImportProgress;
  report?: CatalogueImportReport;
  errors?: AnsweredError[];
}

function networkError(message: string): CatalogueImportAnswer {
  return { report: null, errors: [{ code: 'NETWORK_ERROR', message }] };
}

/** The upload's address beside the GraphQL endpoint's (`…/graphql` → `…/archives/<code>/catalogue-import`). */
export function catalogueImportUrl(graphqlUrl: string, upload: CatalogueUpload): URL {
  if (!/^\d{6}$/.test(upload.archive)) throw new TypeError(`"archive" must be an archive's six-digit code, got "${upload.archive}".`);
  const url = new URL(`archives/${upload.archive}/catalogue-import`, graphqlUrl);
  url.searchParams.set('fileName', upload.fileName);
  if (upload.dryRun) url.searchParams.set('dryRun', 'true');
  if (upload.partial) url.searchParams.set('partial', 'true');
  if (upload.encoding !== undefined) url.searchParams.set('encoding', upload.encoding);
  if (upload.sheet !== undefined) url.searchParams.set('sheet', upload.sheet);
  if (upload.fonds !== undefined) url.searchParams.set('fonds', upload.fonds);
  if (upload.mapping !== undefined) url.searchParams.set('mapping', JSON.stringify(upload.mapping));
  return url;
}

/** Sends `upload` and reads the answer: the report, or the errors. */
export async function importCatalogue(send: typeof fetch, graphqlUrl: string, token: string | undefined, upload: CatalogueUpload): Promise<CatalogueImportAnswer> {
  // A malformed code is the caller's mistake, thrown rather than answered.
  const url = catalogueImportUrl(graphqlUrl, upload);
  let response: Response;
  try {
    response = await send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(upload.onProgress ? { accept: PROGRESS_MEDIA_TYPE } : { accept: 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: upload.file instanceof Uint8Array || upload.file instanceof ArrayBuffer ? new Blob([upload.file]) : upload.file,
      signal: upload.signal,
    });
  } catch (error) {
    if (upload.signal?.aborted) throw upload.signal.reason;
    return networkError((error as Error).message);
  }
  const retryAfter = response.headers.get('retry-after');
  const answerOf = (part: AnswerPart): CatalogueImportAnswer | null => {
    if (part.report) return { report: part.report, errors: [] };
    if (Array.isArray(part.errors) && part.errors.length > 0) return { report: null, errors: part.errors.map((e) => typedError(e, retryAfter)) };
    return null;
  };
  const isLines = (response.headers.get('content-type') ?? '').startsWith(PROGRESS_MEDIA_TYPE);
  try {
    if (!isLines || !response.body) {
      const answer = answerOf((await response.json()) as AnswerPart);
      return answer ?? networkError(`The upload answered ${response.status} without a report or an error.`);
    }
    // Lines of JSON as they come: progress, then the report or the errors.
    const lines = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    for (let read = await lines.read(); !read.done; read = await lines.read()) {
      pending += read.value;
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, end).trim();
        pending = pending.slice(end + 1);
        if (line.length === 0) continue;
        const part = JSON.parse(line) as AnswerPart;
        if (part.progress) upload.onProgress?.(part.progress);
        const answer = answerOf(part);
        if (answer) {
          await lines.cancel();
          return answer;
        }
      }
    }
    return networkError('The upload\'s answer ended before its report: the import may still go in; sending the same file again is safe.');
  } catch (error) {
    if (upload.signal?.aborted) throw upload.signal.reason;
    return networkError(`The upload's answer could not be read: ${(error as Error).message}`);
  }
}
