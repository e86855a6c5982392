/**
 * Writes an archive's catalogue out as CSV or as EAD3 finding aids, streamed a page at a
 * time into a writable (a file, an HTTP response), waiting for it to drain: the memory used
 * does not grow with the archive. What the file holds is what the caller may see
 * (catalogue-reader.ts), and the file says which.
 */
import type { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { seesAllRecords } from '../services/visibility.js';
import { arrangedRecords, exportedFonds, exportedRecords, type ExportScope, type ExportedFonds } from './catalogue-reader.js';
import { csvHeader, csvRows } from './csv.js';
import { components, DSC_START, findingAidEnd, findingAidStart } from './ead3.js';

export type ExportFormat = 'csv' | 'ead3';
export type CsvEncoding = 'utf-8' | 'gb18030';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'ead3'];
export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'gb18030'];

export interface ArchiveName {
  code: string;
  name: string;
}

/** What an export by this caller holds, as the file says it. */
export function exportScopeNote(scope: ExportScope): string {
  return seesAllRecords(scope.viewer, scope.archive)
    ? `本馆档案工作人员导出：全部档案，含延期开放、未审核档案，仅供馆内使用 (all records of archive ${scope.archive}, open or not: for the archive's own use)`
    : `公众导出：仅开放档案 (open records only)`;
}

/** The reader of an export went away before its end (a closed connection). */
export class ExportAbandoned extends Error {
  constructor() {
    super('The export was abandoned by its reader.');
    this.name = 'ExportAbandoned';
  }
}

/** Writes a chunk, waiting while the sink is full; a sink closed meanwhile ends the export instead of waiting for ever. */
async function write(sink: Writable, chunk: string | Buffer): Promise<void> {
  if (sink.destroyed) throw new ExportAbandoned();
  if (sink.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      sink.off('close', closed);
      resolve();
    };
    const closed = () => {
      sink.off('drain', drained);
      reject(new ExportAbandoned());
    };
    sink.once('drain', drained);
    sink.once('close', closed);
  });
}

/** CSV of every record the caller may see (of one fonds, or all); UTF-8 with a BOM unless GB18030 is asked for. */
export async function writeCsv(scope: ExportScope, sink: Writable, options: { fonds?: ExportedFonds; encoding?: CsvEncoding } = {}): Promise<number> {
  const encode = options.encoding === 'gb18030' ? (text: string) => iconv.encode(text, 'gb18030') : (text: string) => Buffer.from(text, 'utf8');
  const note = exportScopeNote(scope);
  // Excel opens UTF-8 CSV with its Chinese intact only when the file starts with a BOM.
  await write(sink, encode(`${options.encoding === 'gb18030' ? '' : '\uFEFF'}${csvHeader()}`));
  let count = 0;
  for await (const page of exportedRecords(scope, options.fonds?.id)) {
    await write(sink, encode(csvRows(page, note)));
    count += page.length;
  }
  return count;
}

/** The EAD3 finding aid of one fonds, with every record of it the caller may see. */
export async function writeFindingAid(scope: ExportScope, archive: ArchiveName, fonds: ExportedFonds, sink: Writable, at = new Date()): Promise<number> {
  await write(sink, findingAidStart({ archive, fonds, scopeNote: exportScopeNote(scope), at }));
  let count = 0;
  for await (const page of arrangedRecords(scope, fonds.id)) {
    await write(sink, (count === 0 ? DSC_START : '') + components(page));
    count += page.reduce((sum, { items }) => sum + 1 + items.length, 0);
  }
  await write(sink, findingAidEnd(count > 0));
  return count;
}

export { exportedFonds };
