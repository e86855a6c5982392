/**
 * Bulk loading of one archive's generated catalogue into its migrated schema, archive_<code>.
 *
 * Rows go in as multi-row `insert … select * from unnest($1::int[], $2::text[], …)`: one
 * statement and one round trip per few thousand rows, with the same SQL text every time.
 * The whole archive is one transaction, so an archive is either fully seeded or untouched.
 * Records are streamed from the generator batch by batch, so a province-scale archive is
 * never held in memory. Ids are given explicitly (items point to their files, copies to their
 * records), and each identity sequence is moved past them afterwards, so rows created later
 * through the API do not collide with seeded ones.
 */
import type pg from 'pg';
import { archiveSchemaName } from '../subgraphs/archive/database.js';
import type { ArchiveCatalogue, CatalogueChunk } from './catalogue.js';
import { titleVectorText } from './title-vector.js';
import type { CompilationRow, DigitalObjectRow, ExhibitionRow, FondsRow, OpenReviewRow, RecordRow, UtilizationRow } from './rows.js';

/** The catalogue tables of an archive's schema, children before parents (for truncation order). */
export const CATALOGUE_TABLES = ['open_review', 'digital_object', 'record', 'fonds', 'utilization', 'exhibition', 'compilation'] as const;

export interface LoadProgress {
  archive: string;
  /** Records (catalogue entries) of this archive loaded so far. */
  records: number;
  /** Records per second since this archive's load began. */
  recordsPerSecond: number;
}

export interface LoadOptions {
  /**
   * Records per insert statement.
   * @default 5000
   */
  batchSize?: number;
  /**
   * Empty the archive's catalogue tables first, in the same transaction (--reset), and with
   * them every table that points to their rows, such as the audit log of reads.
   */
  reset?: boolean;
  /**
   * From how many planned holdings on the record table's secondary indexes are dropped before
   * loading and rebuilt after it (in the same transaction), which is about twice as fast for
   * big archives as maintaining them row by row.
   * @default 20000
   */
  rebuildIndexesFrom?: number;
  /** Called after every batch of records. */
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadResult {
  archive: string;
  fonds: number;
  records: number;
  /** Files and standalone items (馆藏卷件). */
  holdings: number;
  digitalObjects: number;
  openReviews: number;
  utilizations: number;
  exhibitions: number;
  compilations: number;
  milliseconds: number;
}

/** One table's columns and their PostgreSQL array types, in insert order, with the value of each. */
type Columns<Row> = readonly (readonly [column: string, type: string, value: (row: Row) => unknown])[];

const FONDS: Columns<FondsRow> = [
  ['id', 'int4', (r) => r.id],
  ['fonds_code', 'text', (r) => r.fondsCode],
  ['name', 'text', (r) => r.name],
  ['creator', 'text', (r) => r.creator],
  ['start_year', 'int4', (r) => r.startYear],
  ['end_year', 'int4', (r) => r.endYear],
  ['description', 'text', (r) => r.description],
];

const RECORD: Columns<RecordRow> = [
  ['id', 'int4', (r) => r.id],
  ['fonds_id', 'int4', (r) => r.fondsId],
  ['parent_id', 'int4', (r) => r.parentId],
  ['level', 'text', (r) => r.level],
  ['reference_code', 'text', (r) => r.referenceCode],
  ['title', 'text', (r) => r.title],
  ['author', 'text', (r) => r.author],
  ['date', 'date', (r) => r.date],
  ['year', 'int4', (r) => r.year],
  ['retention', 'text', (r) => r.retention],
  ['classification', 'text', (r) => r.classification],
  ['access', 'text', (r) => r.access],
  ['category', 'text', (r) => r.category],
  ['pages', 'int4', (r) => r.pages],
  ['electronic', 'bool', (r) => r.electronic],
  ['remarks', 'text', (r) => r.remarks],
  // Given, not computed by the row trigger: title_tsvector() would be most of the load's time.
  ['search_vector', 'tsvector', (r) => titleVectorText(r.title)],
];

const DIGITAL_OBJECT: Columns<DigitalObjectRow> = [
  ['id', 'int4', (r) => r.id],
  ['record_id', 'int4', (r) => r.recordId],
  ['format', 'text', (r) => r.format],
  ['pages', 'int4', (r) => r.pages],
  // As text: pg would send a JS number above 2^31 through an int8[] fine, but text keeps it exact.
  ['bytes', 'int8', (r) => String(r.bytes)],
  ['sha256', 'text', (r) => r.sha256],
  ['created_at', 'timestamptz', (r) => r.createdAt],
];

const OPEN_REVIEW: Columns<OpenReviewRow> = [
  ['id', 'int4', (r) => r.id],
  ['record_id', 'int4', (r) => r.recordId],
  ['previous_access', 'text', (r) => r.previousAccess],
  ['decided_access', 'text', (r) => r.decidedAccess],
  ['reason', 'text', (r) => r.reason],
  ['reviewer', 'text', (r) => r.reviewer],
  ['decided_on', 'date', (r) => r.decidedOn],
  ['recorded_by', 'text', (r) => r.recordedBy],
  ['recorded_at', 'timestamptz', (r) => r.recordedAt],
];

const UTILIZATION: Columns<UtilizationRow> = [
  ['id', 'int4', (r) => r.id],
  ['visited_on', 'date', (r) => r.visitedOn],
  ['visitors', 'int4', (r) => r.visitors],
  ['items_provided', 'int4', (r) => r.itemsProvided],
  ['purpose', 'text', (r) => r.purpose],
  ['channel', 'text', (r) => r.channel],
];

const EXHIBITION: Columns<ExhibitionRow> = [
  ['id', 'int4', (r) => r.id],
  ['title', 'text', (r) => r.title],
  ['start_date', 'date', (r) => r.startDate],
  ['end_date', 'date', (r) => r.endDate],
  ['visitors', 'int4', (r) => r.visitors],
  ['online', 'bool', (r) => r.online],
];

const COMPILATION: Columns<CompilationRow> = [
  ['id', 'int4', (r) => r.id],
  ['title', 'text', (r) => r.title],
  ['year', 'int4', (r) => r.year],
  ['characters', 'int4', (r) => r.characters],
  ['publisher', 'text', (r) => r.publisher],
];

async function insertRows<Row>(client: pg.ClientBase, schema: string, table: string, columns: Columns<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([column]) => `"${column}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = columns.map(([, , value]) => rows.map(value));
  await client.query({
    // A fixed name per table and column list lets PostgreSQL plan each insert once per connection.
    name: `seed_${schema}_${table}`,
    text: `insert into "${schema}"."${table}" (${names}) select * from unnest(${arrays})`,
    values,
  });
}

/**
 * Drops the record table's indexes that back no constraint and returns their definitions, as
 * the archive's migrations created them, to be run again after loading.
 */
async function dropRecordIndexes(client: pg.ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = $1 and i.tablename = 'record'
        and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [schema],
  );
  for (const index of rows) await client.query(`drop index "${schema}"."${index.name}"`);
  return rows.map((index) => index.definition);
}

async function isEmpty(client: pg.ClientBase, schema: string): Promise<boolean> {
  const probes = CATALOGUE_TABLES.map((table) => `exists (select 1 from "${schema}"."${table}")`).join(' or ');
  const { rows } = await client.query<{ loaded: boolean }>(`select ${probes} as loaded`);
  return !rows[0].loaded;
}

/** Whether an archive holds no catalogue rows yet; an archive whose schema is not migrated yet is empty. */
export async function isArchiveEmpty(client: pg.ClientBase, code: string): Promise<boolean> {
  const schema = archiveSchemaName(code);
  const { rows } = await client.query<{ migrated: boolean }>(
    `select ${CATALOGUE_TABLES.map((_, i) => `to_regclass($${i + 1}) is not null`).join(' and ')} as migrated`,
    CATALOGUE_TABLES.map((table) => `"${schema}"."${table}"`),
  );
  return !rows[0].migrated || isEmpty(client, schema);
}

export class ArchiveNotEmptyError extends Error {
  constructor(readonly archives: readonly string[]) {
    const listed = archives.length > 8 ? `${archives.slice(0, 8).join(', ')} and ${archives.length - 8} more` : archives.join(', ');
    const one = archives.length === 1;
    super(`${one ? 'Archive' : 'Archives'} ${listed} already ${one ? 'holds' : 'hold'} catalogue data; pass --reset to replace ${one ? 'it' : 'them'}, or --skip-loaded to leave ${one ? 'it' : 'them'} as ${one ? 'it is' : 'they are'}.`);
    this.name = 'ArchiveNotEmptyError';
  }
}

/**
 * Loads a generated catalogue into its archive's migrated schema, in one transaction. Refuses
 * (ArchiveNotEmptyError) an archive that already holds catalogue rows, unless `reset`. The
 * archive's own row (its profile) is not written here: the archive subgraph owns it.
 */
export async function loadCatalogue(client: pg.ClientBase, catalogue: ArchiveCatalogue, options: LoadOptions = {}): Promise<LoadResult> {
  const code = catalogue.archive.code;
  const schema = archiveSchemaName(code);
  const batchSize = options.batchSize ?? 5000;
  const started = performance.now();
  const result: LoadResult = {
    archive: code,
    fonds: catalogue.fonds.length,
    records: 0,
    holdings: 0,
    digitalObjects: 0,
    openReviews: 0,
    utilizations: catalogue.utilizations.length,
    exhibitions: catalogue.exhibitions.length,
    compilations: catalogue.compilations.length,
    milliseconds: 0,
  };

  await client.query('begin');
  try {
    // Seed data can be generated again: a crash may lose the last commits, never corrupt them.
    await client.query('set local synchronous_commit to off');
    if (options.reset) {
      // Cascade: rows of other tables that point to records (the audit log of reads) name
      // records that will no longer exist, or worse, other records under the same ids.
      await client.query(`truncate ${CATALOGUE_TABLES.map((t) => `"${schema}"."${t}"`).join(', ')} restart identity cascade`);
    } else if (!(await isEmpty(client, schema))) {
      throw new ArchiveNotEmptyError([code]);
    }

    const indexes = catalogue.holdings >= (options.rebuildIndexesFrom ?? 20_000) ? await dropRecordIndexes(client, schema) : [];
    await insertRows(client, schema, 'fonds', FONDS, catalogue.fonds);
    let batch: CatalogueChunk = { records: [], digitalObjects: [], openReviews: [] };
    const flush = async () => {
      // Records first: copies and reviews point to them, items to files of the same or an earlier batch.
      await insertRows(client, schema, 'record', RECORD, batch.records);
      await insertRows(client, schema, 'digital_object', DIGITAL_OBJECT, batch.digitalObjects);
      await insertRows(client, schema, 'open_review', OPEN_REVIEW, batch.openReviews);
      result.records += batch.records.length;
      result.holdings += batch.records.filter((r) => r.parentId === null).length;
      result.digitalObjects += batch.digitalObjects.length;
      result.openReviews += batch.openReviews.length;
      batch = { records: [], digitalObjects: [], openReviews: [] };
      const seconds = (performance.now() - started) / 1000;
      options.onProgress?.({ archive: code, records: result.records, recordsPerSecond: seconds > 0 ? result.records / seconds : 0 });
    };
    for (const chunk of catalogue.chunks()) {
      batch.records.push(...chunk.records);
      batch.digitalObjects.push(...chunk.digitalObjects);
      batch.openReviews.push(...chunk.openReviews);
      if (batch.records.length >= batchSize) await flush();
    }
    if (batch.records.length > 0) await flush();
    // GIN indexes (titles, 档号 trigrams) build far faster with room to sort in memory.
    if (indexes.length > 0) await client.query(`set local maintenance_work_mem to '256MB'`);
    for (const definition of indexes) await client.query(definition);

    await insertRows(client, schema, 'utilization', UTILIZATION, catalogue.utilizations);
    await insertRows(client, schema, 'exhibition', EXHIBITION, catalogue.exhibitions);
    await insertRows(client, schema, 'compilation', COMPILATION, catalogue.compilations);

    for (const table of CATALOGUE_TABLES) {
      await client.query(
        `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from "${schema}"."${table}"), 0) + 1, false)`,
        [`"${schema}"."${table}"`],
      );
    }
    // The materialised holdings counters (and the planner's statistics, which a bulk load
    // leaves empty until autovacuum comes by) are part of a loaded archive.
    await client.query(`select "${schema}".refresh_holdings_grain()`);
    await client.query(`analyze "${schema}".record, "${schema}".digital_object, "${schema}".fonds`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  result.milliseconds = performance.now() - started;
  return result;
}
