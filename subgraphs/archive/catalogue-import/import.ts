/**
 * 目录导入: bringing an archive's catalogue in from a legacy export, in one transaction.
 *
 * Rows are read and checked as they stream (source.ts, rules.ts) and copied, valid ones only,
 * into a temporary table through the same binary COPY the seeds use (../bulk/); the checks
 * that need the whole file or the archive (a 档号 twice, an item's file) run there in SQL, and
 * the rows are then merged into the archive matched by 档号: new ones added, changed ones
 * updated, equal ones left alone, so importing the same file again changes nothing. Each
 * imported access status is entered in the record's open-review history as a decision taken
 * from the import. All or nothing unless `partial`: with any row rejected, the transaction is
 * rolled back. A process killed or a connection lost midway never commits, so the archive is
 * left as it was. Holdings counters and the planner's statistics are refreshed before commit.
 */
import { basename } from 'node:path';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type pg from 'pg';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { BinaryCopyWriter } from '../bulk/copy-binary.js';
import { bringToSteadyState, copyPieces, refreshAfterBulkWrite, restartIdentities, setAsideForBulkLoad } from '../bulk/copy.js';
import { RECORD_COLUMNS, writeRecordValues, type AccessStatus } from '../bulk/tables.js';
import { archiveSchemaName } from '../database.js';
import { chinaDate } from '../../../protocol/china-time.js';
import { columnsOf, type ColumnMapping, type Columns, type ImportField } from './columns.js';
import { checkRow, type ImportedRecord, type RejectionReason } from './rules.js';
import { describeSource, readRows, type SourceDescription } from './source.js';

export interface ImportOptions {
  archive: string;
  /** Who runs the import (a person or an account), written into the open-review history. */
  importedBy: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  /** Write the valid rows even when some are rejected. */
  partial?: boolean;
  mapping?: ColumnMapping;
  /** Overrides encoding detection (an iconv-lite name). */
  encoding?: string;
  /** XLSX: the sheet to read. @default the first */
  sheet?: string;
  /** Where to write the rejected rows, with a reason column, in the input's encoding. */
  rejectsPath?: string;
  /**
   * From how many new records on, and when they outnumber those already held, the record
   * table's indexes and keys are set aside and built once after the load.
   * @default 20000
   */
  rebuildIndexesFrom?: number;
  /**
   * The name the file is known by in the history and the report.
   * @default the file's base name
   */
  fileName?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  rows: number;
  bytes: number;
  totalBytes: number;
  rowsPerSecond: number;
}

export interface RejectedRow {
  line: number;
  reasons: RejectionReason[];
}

export interface ImportReport {
  file: string;
  format: SourceDescription['format'];
  encoding: string;
  /** Data rows read (the header not counted). */
  rowsRead: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rejected rows by the rule they broke (a row breaking two rules counts under both). */
  rejectedByRule: Record<string, number>;
  /** The first rejected rows with their reasons (all of them are in the rejects file). */
  rejections: RejectedRow[];
  /** Access statuses of the rows imported (added, updated and unchanged). */
  byAccess: Record<AccessStatus, number>;
  ignoredColumns: string[];
  /** Whether anything was written (not a dry run, and nothing rejected or `partial`). */
  written: boolean;
  dryRun: boolean;
  milliseconds: number;
}

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Rejected rows kept with their reasons in the report; the rejects file holds them all. */
const REPORTED_REJECTIONS = 100;

/** Columns of the staging table after the import's own, in COPY order: the record's values from `level` on. */
const STAGED_VALUES = RECORD_COLUMNS.slice(RECORD_COLUMNS.indexOf('level'));

/** The record columns a file gives, and so may change on a record already held. */
function updatableColumns(columns: Columns, mapping: ColumnMapping): string[] {
  const given = (...fields: ImportField[]) => fields.some((f) => columns.index[f] !== undefined || mapping.defaults?.[f] !== undefined);
  const updatable = ['fonds_id', 'title', 'year', 'retention'];
  if (given('level', 'fileNumber', 'fileReferenceCode', 'itemNumber')) updatable.push('level', 'parent_id');
  if (given('author')) updatable.push('author');
  if (given('date')) updatable.push('date');
  if (given('classification')) updatable.push('classification');
  if (given('access')) updatable.push('access');
  if (given('category')) updatable.push('category');
  if (given('pages')) updatable.push('pages');
  if (given('remarks', 'documentNumber')) updatable.push('remarks');
  return updatable;
}

function addRejection(rejected: Map<number, RejectionReason[]>, line: number, reasons: RejectionReason[]): void {
  const held = rejected.get(line);
  if (held) held.push(...reasons);
  else rejected.set(line, reasons);
}

/** Imports one catalogue file into an archive whose schema is migrated. */
export async function importCatalogueFile(client: pg.ClientBase, path: string, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const schema = archiveSchemaName(options.archive);
  const fileName = options.fileName ?? basename(path);
  const mapping = options.mapping ?? {};
  const source = await describeSource(path, options.encoding);
  const rejected = new Map<number, RejectionReason[]>();
  let rowsRead = 0;
  let bytes = 0;
  const progress = (phase: ImportProgress['phase']) => {
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ phase, rows: rowsRead, bytes, totalBytes: source.bytes, rowsPerSecond: seconds > 0 ? rowsRead / seconds : 0 });
  };

  const rows = readRows(path, source, { sheet: options.sheet, onBytes: (b) => (bytes = b) });
  const first = await rows.next();
  if (first.done) throw new ImportError(`${fileName} is empty: it has no header row (文件为空).`);
  const columns = columnsOf(first.value.cells, mapping);
  for (const [field, label] of [['referenceCode', '档号'], ['title', '题名']] as const) {
    if (columns.index[field] === undefined && mapping.defaults?.[field] === undefined) {
      throw new ImportError(`${fileName} has no ${label} column (缺少“${label}”列): its header is ${first.value.cells.join(', ')}. Name the column in a --mapping file.`);
    }
  }
  const updatable = updatableColumns(columns, mapping);

  await client.query('begin');
  try {
    // One import at a time per archive: two would each find the other's new 档号 missing.
    await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [`${schema}.catalogue-import`]);
    // Writes through the API wait until the import commits (reads go on), so the ids it gives
    // new records (below) and the 档号 it matches stay its own.
    await client.query(`lock table "${schema}".record in share row exclusive mode`);
    const { rows: [{ base }] } = await client.query<{ base: number }>(`select nextval(pg_get_serial_sequence($1, 'id'))::int as base`, [`"${schema}".record`]);
    await client.query(`create temporary table import_row (
      line integer not null, fonds_code text not null, fonds_name text, file_reference text, file_given boolean not null,
      level text, reference_code text, title text, author text, date date, year integer, retention text, classification text,
      access text, category text, pages integer, electronic boolean, remarks text, search_vector tsvector, parent_id integer
    ) on commit drop`);

    async function* pieces(): AsyncGenerator<Buffer> {
      const out = new BinaryCopyWriter(4 * 1024 * 1024);
      const fields = 5 + STAGED_VALUES.length;
      for await (const { line, cells } of rows) {
        rowsRead += 1;
        const checked = checkRow(line, cells, columns, mapping);
        if (!checked.ok) {
          addRejection(rejected, checked.line, checked.reasons);
          continue;
        }
        const r: ImportedRecord = checked.record;
        out.row(fields).int4(r.line).text(r.fondsCode).text(r.fondsName).text(r.fileReferenceCode).bool(r.fileGiven);
        writeRecordValues(out, { ...r, electronic: false });
        if (out.size >= 1024 * 1024) {
          yield out.take();
          progress('reading');
        }
      }
      yield out.end();
      progress('reading');
    }
    await copyPieces(client, 'pg_temp', 'import_row', ['line', 'fonds_code', 'fonds_name', 'file_reference', 'file_given', ...STAGED_VALUES], pieces());
    progress('checking');
    const record = `"${schema}".record`;
    // Hashes of a million 档号 (duplicates, matching) fit in memory instead of spilling to disk.
    await client.query(`set local work_mem to '256MB'`);
    // The planner needs the join keys' statistics only; the titles' and vectors' would cost more than the joins.
    await client.query(`analyze import_row (reference_code, file_reference, fonds_code)`);
    const { rows: [{ hasFiles }] } = await client.query<{ hasFiles: boolean }>(`select exists (select 1 from import_row where file_reference is not null) as "hasFiles"`);
    // Items look their files up by 档号; a catalogue of standalone items needs no index for it.
    if (hasFiles) await client.query(`create index on import_row (reference_code)`);

    const { rows: repeated } = await client.query<{ reference_code: string; lines: number[] }>(
      `select reference_code, array_agg(line order by line) as lines from import_row group by reference_code having count(*) > 1`,
    );
    const repeats = repeated.flatMap((r) => r.lines.slice(1).map((line) => ({ line, first_line: r.lines[0]!, reference_code: r.reference_code })));
    for (const r of repeats) {
      addRejection(rejected, r.line, [{ column: '档号', value: r.reference_code, reason: `档号与第 ${r.first_line} 行重复 / the 档号 repeats line ${r.first_line}`, rule: '档号：档号在文件中重复' }]);
    }
    if (repeats.length > 0) await client.query(`delete from import_row where line = any($1)`, [repeats.map((r) => r.line)]);

    const { rows: orphans } = !hasFiles ? { rows: [] } : await client.query<{ line: number; file_reference: string; file_given: boolean }>(
      `select i.line, i.file_reference, i.file_given from import_row i
        where i.file_reference is not null
          and coalesce((select f.level from import_row f where f.reference_code = i.file_reference),
                       (select r.level from ${record} r where r.reference_code = i.file_reference)) is distinct from 'FILE'`,
    );
    const given = orphans.filter((o) => o.file_given);
    for (const o of given) {
      addRejection(rejected, o.line, [{ column: '所属案卷', value: o.file_reference, reason: `案卷 ${o.file_reference} 不存在（文件中和馆内均无此案卷） / no file (案卷) ${o.file_reference} in the file or the archive`, rule: '所属案卷：案卷不存在' }]);
    }
    // An item whose file is only derived from its 档号, and is not there, stands alone.
    const derived = orphans.filter((o) => !o.file_given).map((o) => o.line);
    if (derived.length > 0) await client.query(`update import_row set file_reference = null where line = any($1)`, [derived]);

    const report: ImportReport = {
      file: fileName,
      format: source.format,
      encoding: source.encoding,
      rowsRead,
      added: 0,
      updated: 0,
      unchanged: 0,
      rejected: rejected.size,
      rejectedByRule: {},
      rejections: [...rejected].sort((a, b) => a[0] - b[0]).slice(0, REPORTED_REJECTIONS).map(([line, reasons]) => ({ line, reasons })),
      byAccess: { OPEN: 0, DELAYED: 0, UNREVIEWED: 0 },
      ignoredColumns: columns.ignored,
      written: false,
      dryRun: options.dryRun ?? false,
      milliseconds: 0,
    };
    for (const reasons of rejected.values()) for (const rule of new Set(reasons.map((r) => r.rule))) report.rejectedByRule[rule] = (report.rejectedByRule[rule] ?? 0) + 1;
    if (rejected.size > 0) await client.query(`delete from import_row where line = any($1)`, [[...rejected.keys()]]);

    await client.query(
      `insert into "${schema}".fonds (fonds_code, name, creator, start_year, end_year)
       select fonds_code, coalesce(max(fonds_name), '全宗 ' || fonds_code), coalesce(max(fonds_name), '全宗 ' || fonds_code), min(year), max(year)
         from import_row i where not exists (select 1 from "${schema}".fonds f where f.fonds_code = i.fonds_code)
        group by fonds_code`,
    );
    // A new record's id is the sequence's next value at the start plus its line, so no pass
    // over the staged rows is needed to number them; the sequence is moved past them at the end.
    const newId = (alias: string) => `coalesce(${alias}.record_id, ${base} + ${alias}.line)`;
    if (hasFiles) {
      await client.query(
        `update import_row i set parent_id = coalesce((select r.id from ${record} r where r.reference_code = i.file_reference),
                                                     (select ${base} + f.line from import_row f where f.reference_code = i.file_reference))
          where i.file_reference is not null`,
      );
    }
    const sameColumns = updatable.map((c) => (c === 'fonds_id' ? 'f.id' : `i.${c}`));
    // The rows to write, narrow: new ones (no record_id) and changed ones. Equal rows, most of a
    // re-import, are only counted, never written, not even here.
    await client.query(
      `create temporary table import_change on commit drop as
       select i.line, r.id as record_id, r.access as previous_access
         from import_row i join "${schema}".fonds f on f.fonds_code = i.fonds_code
         left join ${record} r on r.reference_code = i.reference_code
        where r.id is null or (${updatable.map((c) => `r.${c}`).join(', ')}) is distinct from (${sameColumns.join(', ')})`,
    );
    const { rows: [counts] } = await client.query<{ staged: number; added: number; updated: number }>(
      `select (select count(*) from import_row)::int as staged, count(*) filter (where record_id is null)::int as added, count(record_id)::int as updated from import_change`,
    );
    report.added = counts!.added;
    report.updated = counts!.updated;
    report.unchanged = counts!.staged - counts!.added - counts!.updated;
    const { rows: accesses } = await client.query<{ access: AccessStatus; n: number }>(`select access, count(*)::int as n from import_row group by access`);
    for (const a of accesses) report.byAccess[a.access] += a.n;

    const write = !report.dryRun && (rejected.size === 0 || options.partial === true);
    if (write && report.added + report.updated > 0) {
      progress('writing');
      const { rows: held } = await client.query<{ n: number }>(`select count(*)::int as n from ${record}`);
      const restore = report.added >= (options.rebuildIndexesFrom ?? 20_000) && report.added >= held[0]!.n ? await setAsideForBulkLoad(client, schema) : [];
      await client.query(
        `insert into ${record} (id, fonds_id, parent_id, ${STAGED_VALUES.join(', ')})
         select ${base} + i.line, f.id, i.parent_id, ${STAGED_VALUES.map((c) => `i.${c}`).join(', ')}
           from import_change c join import_row i on i.line = c.line join "${schema}".fonds f on f.fonds_code = i.fonds_code
          where c.record_id is null
          order by i.line`,
      );
      await client.query(
        `update ${record} r set ${updatable.map((c) => `${c} = ${c === 'fonds_id' ? 'f.id' : `i.${c}`}`).join(', ')}, updated_at = now()
           from import_change c join import_row i on i.line = c.line join "${schema}".fonds f on f.fonds_code = i.fonds_code
          where r.id = c.record_id`,
      );
      const changedAccess = updatable.includes('access') ? ` or c.previous_access is distinct from i.access` : '';
      await client.query(
        `insert into "${schema}".open_review (record_id, previous_access, decided_access, reason, reviewer, decided_on, recorded_by)
         select ${newId('c')}, coalesce(c.previous_access, 'UNREVIEWED'), i.access,
                '目录导入：' || $1 || ' 第 ' || i.line || ' 行 / imported from ' || $1 || ', line ' || i.line, $2, $3::date, $2
           from import_change c join import_row i on i.line = c.line
          where c.record_id is null${changedAccess}
          order by i.line`,
        [fileName, options.importedBy, chinaDate()],
      );
      for (const statement of restore) await client.query(statement);
      await restartIdentities(client, schema);
      await refreshAfterBulkWrite(client, schema);
    }
    report.written = write;
    if (write) {
      await client.query('commit');
      // A re-import that changed nothing leaves the tables, and so their statistics, as they were.
      if (report.added + report.updated > 0) await bringToSteadyState(client, schema);
    } else {
      await client.query('rollback');
    }
    if (options.rejectsPath && rejected.size > 0) await writeRejects(path, source, options, rejected, options.rejectsPath);
    report.milliseconds = performance.now() - started;
    return report;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * Writes the rejected rows as the file had them, header first, with a reason column, in the
 * input's encoding (an XLSX file's as UTF-8 with a BOM, which Excel opens with Chinese intact),
 * so the archivist can correct them and import that file again.
 */
async function writeRejects(path: string, source: SourceDescription, options: ImportOptions, rejected: Map<number, RejectionReason[]>, out: string): Promise<void> {
  const encoding = source.format === 'xlsx' ? 'utf-8' : source.encoding;
  const bom = source.format === 'xlsx' || source.bom;
  const delimiter = source.format === 'tsv' ? '\t' : ',';
  const file = createWriteStream(out);
  const put = async (text: string) => {
    if (!file.write(iconv.encode(text, encoding, { addBOM: false }))) await once(file, 'drain');
  };
  if (bom) await put('\ufeff');
  let header = true;
  for await (const { line, cells } of readRows(path, source, { sheet: options.sheet })) {
    if (header) {
      header = false;
      await put(stringify([[...cells, '拒绝原因 (reason)']], { delimiter, record_delimiter: 'windows' }));
      continue;
    }
    const reasons = rejected.get(line);
    if (!reasons) continue;
    const why = reasons.map((r) => `第 ${line} 行 line ${line}, ${r.column}${r.value ? ` “${r.value}”` : ''}: ${r.reason}`).join('; ');
    await put(stringify([[...cells, why]], { delimiter, record_delimiter: 'windows' }));
  }
  file.end();
  await once(file, 'finish');
}
