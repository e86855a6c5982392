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
 * left as it was. The holdings counters are brought up to date before the commit, the planner's
 * statistics after it.
 * A large first import into an empty archive, of a catalogue that places no item in a file,
 * skips the staging table and copies straight into the record table (straightIn below).
 */
import { basename } from 'node:path';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type pg from 'pg';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { BinaryCopyWriter } from '../bulk/copy-binary.js';
import { HoldingsGrain } from '../bulk/holdings-grain.js';
import { bringToSteadyState, copyInto, copyPieces, refreshAfterBulkWrite, restartIdentities, setAsideForBulkLoad, writeRow } from '../bulk/copy.js';
import { RECORD, RECORD_COLUMNS, writeRecordValues, type AccessStatus } from '../bulk/tables.js';
import { archiveSchemaName } from '../database.js';
import { chinaDate } from '../../../protocol/china-time.js';
import { CONTROL_CHARACTER } from '../../../protocol/text.js';
import { columnsOf, type ColumnMapping, type Columns, type ImportField } from './columns.js';
import { checkRow, type ImportedRecord, type RejectionReason } from './rules.js';
import { describeSource, readRows, type SourceDescription, type SourceRow } from './source.js';

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
   * table's indexes and keys are set aside and built once after the load; a first import of a
   * file that may hold that many rows then copies them straight into the record table.
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
  /** `waiting`: for another import into the same archive to end. */
  phase: 'waiting' | 'reading' | 'checking' | 'writing';
  rows: number;
  bytes: number;
  totalBytes: number;
  rowsPerSecond: number;
  /**
   * In `writing`, the steps done of all: the rows and their review history, each index and key
   * built again, the counters, the vacuum. They take as long as the reading of a large file,
   * with no bytes to count.
   */
  step?: { done: number; total: number };
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

/** Whether a file can place items in files (a 所属案卷 or 案卷号 column, or a default for one). */
function placesItemsInFiles(columns: Columns, mapping: ColumnMapping): boolean {
  return (['fileReferenceCode', 'fileNumber'] as const).some((f) => columns.index[f] !== undefined || mapping.defaults?.[f] !== undefined);
}

const UNIQUE_VIOLATION = '23505';

/**
 * The record index a first import fills as the rows are copied in, rather than building it
 * after them: the 档号 trigram index (GIN), the costliest to build (about 6 µs of the server's
 * CPU per record, on one core: GIN builds are not parallel). While Node reads, decodes and
 * checks the file (about 15 µs per row) the server only copies each row in (3 µs) and waits;
 * filling the index then (about 7.5 µs a row) takes time it had spare, where building it
 * afterwards made everyone wait. The other indexes are built after the load: the btree builds
 * run in parallel workers, and the title indexes filled too would leave Node waiting instead.
 */
const FILLED_DURING_COPY = ['record_reference_trgm_idx'];

/** Fewer bytes than any catalogue row takes (a 档号, a title, a year and a retention period, with separators). */
const MIN_ROW_BYTES = 40;

function summariseRejections(report: ImportReport, rejected: Map<number, RejectionReason[]>): void {
  report.rejected = rejected.size;
  report.rejections = [...rejected].sort((a, b) => a[0] - b[0]).slice(0, REPORTED_REJECTIONS).map(([line, reasons]) => ({ line, reasons }));
  report.rejectedByRule = {};
  for (const reasons of rejected.values()) for (const rule of new Set(reasons.map((r) => r.rule))) report.rejectedByRule[rule] = (report.rejectedByRule[rule] ?? 0) + 1;
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
  const step = { done: 0, total: 0 };
  const progress = (phase: ImportProgress['phase']) => {
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({
      phase,
      rows: rowsRead,
      bytes,
      totalBytes: source.bytes,
      rowsPerSecond: seconds > 0 ? rowsRead / seconds : 0,
      ...(phase === 'writing' ? { step: { ...step } } : {}),
    });
  };
  /** Starts the writing phase: its rows, the statements that build indexes and keys again, its counters and its vacuum. */
  const startWriting = (rebuilds: number) => {
    step.total = rebuilds + 3;
    progress('writing');
  };
  const stepDone = () => {
    step.done += 1;
    progress('writing');
  };
  /** Runs the statements that build the indexes and keys again, a step each. */
  const rebuild = async (statements: readonly string[]) => {
    for (const statement of statements) {
      await client.query(statement);
      stepDone();
    }
  };

  const rows = readRows(path, source, { sheet: options.sheet, onBytes: (b) => (bytes = b) });
  const first = await rows.next();
  if (first.done) throw new ImportError(`${fileName} is empty: it has no header row (文件为空).`);
  // A character the decoder could not read, or a control character: not text in that encoding.
  if (first.value.cells.some((cell) => cell.includes('\ufffd') || CONTROL_CHARACTER.test(cell))) {
    throw new ImportError(
      `${fileName} 的表头无法按 ${source.encoding} 读取：文件不是这种编码的文本目录。如果编码不同，请用 --encoding 指定（上传时用 encoding 参数；如 gb18030、utf-8、utf-16le）。` +
        `The header row of ${fileName} is not readable as ${source.encoding} text: give the file's encoding with --encoding, or encoding= on an upload (gb18030, utf-8, utf-16le, …), or export it again as CSV or .xlsx.`,
    );
  }
  const columns = columnsOf(first.value.cells, mapping);
  // A header none of whose names is known may be text in another encoding that decoded without a fault.
  const noneKnown = source.format !== 'xlsx' && Object.keys(columns.index).length === 0;
  for (const [field, label] of [['referenceCode', '档号'], ['title', '题名']] as const) {
    if (columns.index[field] === undefined && mapping.defaults?.[field] === undefined) {
      throw new ImportError(
        `${fileName} has no ${label} column (缺少“${label}”列): its header is ${first.value.cells.join(', ')}. Name the column in a --mapping file (mapping= on an upload).` +
          (noneKnown
            ? ` No column name is known: if the header reads as garbage, the file is not ${source.encoding} text (表头若为乱码，说明编码不是 ${source.encoding}); give its encoding with --encoding (encoding= on an upload).`
            : ''),
      );
    }
  }
  const updatable = updatableColumns(columns, mapping);
  const report: ImportReport = {
    file: fileName,
    format: source.format,
    encoding: source.encoding,
    rowsRead: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejectedByRule: {},
    rejections: [],
    byAccess: { OPEN: 0, DELAYED: 0, UNREVIEWED: 0 },
    ignoredColumns: columns.ignored,
    written: false,
    dryRun: options.dryRun ?? false,
    milliseconds: 0,
  };
  /** The data rows: the first pass goes on from the header read above, a second reads the file again. */
  let passes = 0;
  async function* readAgain(): AsyncGenerator<SourceRow> {
    let header = true;
    for await (const row of readRows(path, source, { sheet: options.sheet, onBytes: (b) => (bytes = b) })) {
      if (header) header = false;
      else yield row;
    }
  }
  const dataRows = (): AsyncIterable<SourceRow> => (passes++ === 0 ? rows : readAgain());

  // Staged rows stay in the backend's memory rather than going through 8 MB of local buffers to
  // disk; the setting can only change before the session's first temporary table.
  await client.query(`set temp_buffers to '1GB'`).catch(() => undefined);
  await client.query('begin');
  try {
    // One import at a time per archive: two would each find the other's new 档号 missing. One
    // that has to wait for another says so before it waits.
    const lock = `${schema}.catalogue-import`;
    const { rows: [{ taken }] } = await client.query<{ taken: boolean }>(`select pg_try_advisory_xact_lock(hashtext($1)) as taken`, [lock]);
    if (!taken) {
      progress('waiting');
      await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [lock]);
    }
    // Writes through the API wait until the import commits (reads go on), so the ids it gives
    // new records (below) and the 档号 it matches stay its own.
    await client.query(`lock table "${schema}".record in share row exclusive mode`);
    // Hashes and sorts of a million rows (repeated 档号, matching, review history) stay in memory instead of spilling to disk.
    await client.query(`set local work_mem to '256MB'`);
    const { rows: [{ base }] } = await client.query<{ base: number }>(`select nextval(pg_get_serial_sequence($1, 'id'))::int as base`, [`"${schema}".record`]);
    const record = `"${schema}".record`;

    /**
     * A first import into an empty archive, of a catalogue that cannot place items in files (no
     * 所属案卷 or 案卷号 column): the rows go straight into the record table by the seeds' path,
     * its indexes and keys set aside and built once, with no staging table to fill, match and
     * copy from. Returns false when the staged path must decide instead, having written nothing
     * that is kept (the caller rolls back to before it): a row rejected in an all-or-nothing
     * import (the staged path names every rejection), or a 档号 repeated in the file, which the
     * unique key refuses when it is built again.
     */
    async function straightIn(): Promise<boolean> {
      const { rows: heldFonds } = await client.query<{ id: number; fonds_code: string }>(`select id, fonds_code from "${schema}".fonds`);
      const fondsIds = new Map(heldFonds.map((f) => [f.fonds_code, f.id]));
      let nextFondsId = heldFonds.reduce((max, f) => Math.max(max, f.id), 0) + 1;
      const newFonds = new Map<string, { id: number; name: string | null; from: number; to: number }>();
      let abandoned = false;
      // The review history is written below, one entry per record, after the records.
      const restore = await setAsideForBulkLoad(client, schema, { keepIndexes: FILLED_DURING_COPY, alsoTables: ['open_review'] });
      // Counted as the rows go in, rather than by reading them all again after (1.7 s of a million).
      const grain = new HoldingsGrain();
      async function* pieces(): AsyncGenerator<Buffer> {
        const out = new BinaryCopyWriter(4 * 1024 * 1024);
        for await (const { line, cells } of dataRows()) {
          rowsRead += 1;
          const checked = checkRow(line, cells, columns, mapping);
          if (!checked.ok) {
            addRejection(rejected, checked.line, checked.reasons);
            if (options.partial) continue;
            abandoned = true;
            break;
          }
          const r = checked.record;
          let fondsId = fondsIds.get(r.fondsCode);
          const fonds = newFonds.get(r.fondsCode);
          if (fondsId === undefined) {
            fondsId = nextFondsId++;
            fondsIds.set(r.fondsCode, fondsId);
            newFonds.set(r.fondsCode, { id: fondsId, name: r.fondsName, from: r.year, to: r.year });
          } else if (fonds) {
            // As the staged path's max(fonds_name), min(year), max(year).
            if (r.fondsName !== null && (fonds.name === null || r.fondsName > fonds.name)) fonds.name = r.fondsName;
            fonds.from = Math.min(fonds.from, r.year);
            fonds.to = Math.max(fonds.to, r.year);
          }
          report.added += 1;
          report.byAccess[r.access] += 1;
          const row = { ...r, id: base + r.line, fondsId, parentId: null, electronic: false };
          writeRow(out, RECORD, row);
          grain.addAlone(row);
          if (out.size >= 1024 * 1024) {
            yield out.take();
            progress('reading');
          }
        }
        yield out.end();
        progress('reading');
      }
      await copyInto(client, schema, RECORD, pieces());
      if (abandoned) return false;
      startWriting(restore.length);
      const fonds = [...newFonds].map(([code, f]) => ({ code, ...f, name: f.name ?? `全宗 ${code}` }));
      await client.query(
        `insert into "${schema}".fonds (id, fonds_code, name, creator, start_year, end_year)
         select id, code, name, name, start_year, end_year from unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[]) f (id, code, name, start_year, end_year)`,
        [fonds.map((f) => f.id), fonds.map((f) => f.code), fonds.map((f) => f.name), fonds.map((f) => f.from), fonds.map((f) => f.to)],
      );
      await client.query(
        `insert into "${schema}".open_review (record_id, previous_access, decided_access, reason, reviewer, decided_on, recorded_by)
         select id, 'UNREVIEWED', access, '目录导入：' || $1 || ' 第 ' || (id - ${base}) || ' 行 / imported from ' || $1 || ', line ' || (id - ${base}), $2, $3::date, $2
           from ${record}
          order by id`,
        [fileName, options.importedBy, chinaDate()],
      );
      stepDone();
      try {
        await rebuild(restore);
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return false;
        throw error;
      }
      await restartIdentities(client, schema);
      await grain.write(client, schema);
      stepDone();
      return true;
    }

    // Setting the indexes aside pays from rebuildIndexesFrom rows on; the file's size bounds how many it holds.
    const large = source.bytes >= (options.rebuildIndexesFrom ?? 20_000) * MIN_ROW_BYTES;
    if (!report.dryRun && large && !placesItemsInFiles(columns, mapping)) {
      const { rows: [{ empty }] } = await client.query<{ empty: boolean }>(`select not exists (select 1 from ${record}) as empty`);
      if (empty) {
        await client.query('savepoint straight_in');
        if (await straightIn()) {
          report.rowsRead = rowsRead;
          summariseRejections(report, rejected);
          report.written = true;
          await client.query('commit');
          await bringToSteadyState(client, schema);
          stepDone();
          if (options.rejectsPath && rejected.size > 0) await writeRejects(path, source, options, rejected, options.rejectsPath);
          report.milliseconds = performance.now() - started;
          return report;
        }
        await client.query('rollback to savepoint straight_in');
        step.done = 0;
        rejected.clear();
        rowsRead = 0;
        report.added = 0;
        report.byAccess = { OPEN: 0, DELAYED: 0, UNREVIEWED: 0 };
      }
    }

    await client.query(`create temporary table import_row (
      line integer not null, fonds_code text not null, fonds_name text, file_reference text, file_given boolean not null,
      level text, reference_code text, title text, author text, date date, year integer, retention text, classification text,
      access text, category text, pages integer, electronic boolean, remarks text, search_vector tsvector, parent_id integer
    ) on commit drop`);

    async function* pieces(): AsyncGenerator<Buffer> {
      const out = new BinaryCopyWriter(4 * 1024 * 1024);
      const fields = 5 + STAGED_VALUES.length;
      for await (const { line, cells } of dataRows()) {
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
    report.rowsRead = rowsRead;
    const { rows: [{ hasFiles }] } = await client.query<{ hasFiles: boolean }>(`select exists (select 1 from import_row where file_reference is not null) as "hasFiles"`);
    // Items look their files up by 档号; a catalogue of standalone items needs no index for it.
    if (hasFiles) await client.query(`create index on import_row (reference_code)`);

    // Repeated 档号 are few: their codes by a hash aggregate, then only their lines.
    const { rows: repeated } = await client.query<{ reference_code: string; first_line: number }>(
      `select reference_code, min(line) as first_line from import_row group by reference_code having count(*) > 1`,
    );
    const { rows: repeats } = repeated.length === 0 ? { rows: [] } : await client.query<{ line: number; first_line: number; reference_code: string }>(
      `select i.line, d.first_line, d.reference_code from import_row i join unnest($1::text[], $2::int[]) d (reference_code, first_line) using (reference_code)
        where i.line <> d.first_line`,
      [repeated.map((r) => r.reference_code), repeated.map((r) => r.first_line)],
    );
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

    summariseRejections(report, rejected);
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
       select i.line, r.id as record_id, r.access as previous_access, i.access
         from import_row i join "${schema}".fonds f on f.fonds_code = i.fonds_code
         left join ${record} r on r.reference_code = i.reference_code
        where r.id is null or (${updatable.map((c) => `r.${c}`).join(', ')}) is distinct from (${sameColumns.join(', ')})`,
    );
    const { rows: accesses } = await client.query<{ access: AccessStatus; n: number }>(`select access, count(*)::int as n from import_row group by access`);
    for (const a of accesses) report.byAccess[a.access] += a.n;
    const staged = accesses.reduce((sum, a) => sum + a.n, 0);
    const { rows: [counts] } = await client.query<{ added: number; updated: number }>(
      `select count(*) filter (where record_id is null)::int as added, count(record_id)::int as updated from import_change`,
    );
    report.added = counts!.added;
    report.updated = counts!.updated;
    report.unchanged = staged - counts!.added - counts!.updated;

    const write = !report.dryRun && (rejected.size === 0 || options.partial === true);
    if (write && report.added + report.updated > 0) {
      const many = report.added >= (options.rebuildIndexesFrom ?? 20_000);
      const held = many ? (await client.query<{ n: number }>(`select count(*)::int as n from ${record}`)).rows[0]!.n : 0;
      const restore = many && report.added >= held ? await setAsideForBulkLoad(client, schema) : [];
      startWriting(restore.length);
      // Every staged row new (a first import): no need to look them up among the changes.
      const allAdded = report.added === staged;
      if (report.added > 0) {
        await client.query(
          `insert into ${record} (id, fonds_id, parent_id, ${STAGED_VALUES.join(', ')})
           select ${base} + i.line, f.id, i.parent_id, ${STAGED_VALUES.map((c) => `i.${c}`).join(', ')}
             from ${allAdded ? '' : 'import_change c join '}import_row i ${allAdded ? '' : 'on i.line = c.line '}join "${schema}".fonds f on f.fonds_code = i.fonds_code
            ${allAdded ? '' : 'where c.record_id is null'}
            order by i.line`,
        );
      }
      if (report.updated > 0) await client.query(
        `update ${record} r set ${updatable.map((c) => `${c} = ${c === 'fonds_id' ? 'f.id' : `i.${c}`}`).join(', ')}, updated_at = now()
           from import_change c join import_row i on i.line = c.line join "${schema}".fonds f on f.fonds_code = i.fonds_code
          where r.id = c.record_id`,
        );
      const changedAccess = updatable.includes('access') ? ` or c.previous_access is distinct from c.access` : '';
      await client.query(
        `insert into "${schema}".open_review (record_id, previous_access, decided_access, reason, reviewer, decided_on, recorded_by)
         select ${newId('c')}, coalesce(c.previous_access, 'UNREVIEWED'), c.access,
                '目录导入：' || $1 || ' 第 ' || c.line || ' 行 / imported from ' || $1 || ', line ' || c.line, $2, $3::date, $2
           from import_change c
          where c.record_id is null${changedAccess}
          order by c.line`,
        [fileName, options.importedBy, chinaDate()],
      );
      stepDone();
      await rebuild(restore);
      await restartIdentities(client, schema);
      await refreshAfterBulkWrite(client, schema);
      stepDone();
    }
    report.written = write;
    if (write) {
      await client.query('commit');
      // A re-import that changed nothing leaves the tables, and so their statistics, as they were.
      if (report.added + report.updated > 0) {
        await bringToSteadyState(client, schema);
        stepDone();
      }
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
