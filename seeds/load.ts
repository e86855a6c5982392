/**
 * Bulk loading of one archive's generated catalogue into its migrated schema, archive_<code>.
 *
 * Rows go in through COPY in PostgreSQL's binary format (copy-binary.ts): the server only
 * copies each value in, where an `insert … select from unnest(…)` of text arrays had every
 * value built as array text in JavaScript and parsed back in SQL, several times the work.
 * The whole archive is one transaction, so an archive is either fully seeded or untouched.
 * Records are streamed from the generator piece by piece while the server takes the previous
 * piece, so generating and inserting overlap and a province-scale archive is never held in
 * memory (its digital copies and reviews are, encoded, until the records are in: they point
 * to them). Ids are given explicitly (items point to their files, copies to their records),
 * and each identity sequence is moved past them afterwards, so rows created later through the
 * API do not collide with seeded ones.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { archiveSchemaName } from '../subgraphs/archive/database.js';
import type { ArchiveCatalogue } from './catalogue.js';
import { BinaryCopyWriter, copyStatement } from '../subgraphs/archive/bulk/copy-binary.js';
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
   * Records per piece of the COPY stream handed to the server (and per progress report).
   * @default 5000
   */
  batchSize?: number;
  /**
   * Empty the archive's catalogue tables first, in the same transaction (--reset), and with
   * them every table that points to their rows, such as the audit log of reads.
   */
  reset?: boolean;
  /**
   * From how many planned holdings on the record table's indexes, keys and foreign keys (its
   * own and those pointing to it) are dropped before loading and made again after it, and its
   * search-vector trigger is off meanwhile (the loader gives the vector), all in the same
   * transaction: building an index or checking a key once over the loaded table costs far
   * less than maintaining it row by row.
   * @default 20000
   */
  rebuildIndexesFrom?: number;
  /** Called after every piece of records handed to the server, and once all are in. */
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

/**
 * One table's columns in COPY order and how a row's values are written, in that same order
 * (test/seeds/load.test.ts reads every column of loaded rows back). One function per table
 * rather than one per column: it runs for every row, and V8 inlines a chain of direct calls.
 */
interface Table<Row> {
  name: string;
  columns: readonly string[];
  write(out: BinaryCopyWriter, row: Row): void;
}

const FONDS: Table<FondsRow> = {
  name: 'fonds',
  columns: ['id', 'fonds_code', 'name', 'creator', 'start_year', 'end_year', 'description'],
  write: (out, r) => {
    out
      .int4(r.id)
      .text(r.fondsCode)
      .text(r.name)
      .text(r.creator)
      .int4(r.startYear)
      .int4(r.endYear)
      .text(r.description);
  },
};

const RECORD: Table<RecordRow> = {
  name: 'record',
  columns: ['id', 'fonds_id', 'parent_id', 'level', 'reference_code', 'title', 'author', 'date', 'year', 'retention', 'classification', 'access', 'category', 'pages', 'electronic', 'remarks', 'search_vector'],
  write: (out, r) => {
    out
      .int4(r.id)
      .int4(r.fondsId)
      .int4(r.parentId)
      .text(r.level)
      .text(r.referenceCode)
      .text(r.title)
      .text(r.author)
      .date(r.date)
      .int4(r.year)
      .text(r.retention)
      .text(r.classification)
      .text(r.access)
      .text(r.category)
      .int4(r.pages)
      .bool(r.electronic)
      .text(r.remarks)
      // Given, not computed by the row trigger: title_tsvector() would be most of the load's time.
      .titleVector(r.title);
  },
};

const DIGITAL_OBJECT: Table<DigitalObjectRow> = {
  name: 'digital_object',
  columns: ['id', 'record_id', 'format', 'pages', 'bytes', 'sha256', 'created_at'],
  write: (out, r) => {
    out
      .int4(r.id)
      .int4(r.recordId)
      .text(r.format)
      .int4(r.pages)
      .int8(r.bytes)
      .text(r.sha256)
      .timestamptz(r.createdAt);
  },
};

const OPEN_REVIEW: Table<OpenReviewRow> = {
  name: 'open_review',
  columns: ['id', 'record_id', 'previous_access', 'decided_access', 'reason', 'reviewer', 'decided_on', 'recorded_by', 'recorded_at'],
  write: (out, r) => {
    out
      .int4(r.id)
      .int4(r.recordId)
      .text(r.previousAccess)
      .text(r.decidedAccess)
      .text(r.reason)
      .text(r.reviewer)
      .date(r.decidedOn)
      .text(r.recordedBy)
      .timestamptz(r.recordedAt);
  },
};

const UTILIZATION: Table<UtilizationRow> = {
  name: 'utilization',
  columns: ['id', 'visited_on', 'visitors', 'items_provided', 'purpose', 'channel'],
  write: (out, r) => {
    out
      .int4(r.id)
      .date(r.visitedOn)
      .int4(r.visitors)
      .int4(r.itemsProvided)
      .text(r.purpose)
      .text(r.channel);
  },
};

const EXHIBITION: Table<ExhibitionRow> = {
  name: 'exhibition',
  columns: ['id', 'title', 'start_date', 'end_date', 'visitors', 'online'],
  write: (out, r) => {
    out
      .int4(r.id)
      .text(r.title)
      .date(r.startDate)
      .date(r.endDate)
      .int4(r.visitors)
      .bool(r.online);
  },
};

const COMPILATION: Table<CompilationRow> = {
  name: 'compilation',
  columns: ['id', 'title', 'year', 'characters', 'publisher'],
  write: (out, r) => {
    out
      .int4(r.id)
      .text(r.title)
      .int4(r.year)
      .int4(r.characters)
      .text(r.publisher);
  },
};

function writeRow<Row>(out: BinaryCopyWriter, table: Table<Row>, row: Row): void {
  out.row(table.columns.length);
  table.write(out, row);
}

/** Copies the pieces of a binary COPY (the first with the header, the last with the trailer) into a table. */
async function copyInto<Row>(client: pg.ClientBase, schema: string, table: Table<Row>, pieces: Iterable<Buffer>): Promise<void> {
  const statement = copyStatement(schema, table.name, table.columns);
  // Two pieces ahead at most: the next one is generated while the server takes the last one.
  await pipeline(Readable.from(pieces, { objectMode: true, highWaterMark: 2 }), client.query(copyFrom(statement)));
}

/** Copies rows that are all at hand into a table (the small tables). */
async function copyRows<Row>(client: pg.ClientBase, schema: string, table: Table<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const out = new BinaryCopyWriter(64 * 1024);
  for (const row of rows) writeRow(out, table, row);
  await copyInto(client, schema, table, [out.end()]);
}

/**
 * Sets the record table up for a bulk load and returns the statements that put it back as
 * the archive's migrations made it, in the order they must run: its primary key and unique
 * 档号 first (foreign keys need the key), then its other indexes, then every foreign key from
 * or to it (items to files, records to fonds, copies, reviews, grants and audit entries to
 * records), then its search-vector trigger. Definitions are read from the catalog, so a
 * migration that adds an index or a key is followed without a change here. Adding a foreign
 * key back checks every row at once, so a load that broke one still fails as a whole.
 */
async function setAsideForBulkLoad(client: pg.ClientBase, schema: string): Promise<string[]> {
  const record = `"${schema}"."record"`;
  const { rows: constraints } = await client.query<{ relation: string; name: string; definition: string; type: string }>(
    `select format('%I.%I', n.nspname, t.relname) as relation, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.contype as type
       from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where (c.contype = 'f' and (c.conrelid = $1::regclass or c.confrelid = $1::regclass))
         or (c.contype in ('p', 'u') and c.conrelid = $1::regclass)
      order by c.contype = 'p' desc, c.conname`,
    [record],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = $1 and i.tablename = 'record'
        and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
      order by i.indexname`,
    [schema],
  );
  const foreignKeys = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  for (const c of [...foreignKeys, ...keys]) await client.query(`alter table ${c.relation} drop constraint "${c.name}"`);
  for (const index of indexes) await client.query(`drop index "${schema}"."${index.name}"`);
  await client.query(`alter table ${record} disable trigger record_search_vector`);
  return [
    ...keys.map((c) => `alter table ${c.relation} add constraint "${c.name}" ${c.definition}`),
    ...indexes.map((index) => index.definition),
    ...foreignKeys.map((c) => `alter table ${c.relation} add constraint "${c.name}" ${c.definition}`),
    `alter table ${record} enable trigger record_search_vector`,
  ];
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

    const restore = catalogue.holdings >= (options.rebuildIndexesFrom ?? 20_000) ? await setAsideForBulkLoad(client, schema) : [];
    await copyRows(client, schema, FONDS, catalogue.fonds);

    // Copies and reviews point to records: they wait, encoded, until every record is in.
    const copies = new BinaryCopyWriter(256 * 1024);
    const copyPieces: Buffer[] = [];
    const reviews = new BinaryCopyWriter(64 * 1024);
    const reviewPieces: Buffer[] = [];
    function* recordPieces(): Generator<Buffer> {
      const records = new BinaryCopyWriter(4 * 1024 * 1024);
      let unsent = 0;
      for (const chunk of catalogue.chunks()) {
        for (const row of chunk.records) {
          writeRow(records, RECORD, row);
          if (row.parentId === null) result.holdings += 1;
        }
        for (const row of chunk.digitalObjects) writeRow(copies, DIGITAL_OBJECT, row);
        for (const row of chunk.openReviews) writeRow(reviews, OPEN_REVIEW, row);
        if (copies.size >= 1024 * 1024) copyPieces.push(copies.take());
        if (reviews.size >= 1024 * 1024) reviewPieces.push(reviews.take());
        result.records += chunk.records.length;
        result.digitalObjects += chunk.digitalObjects.length;
        result.openReviews += chunk.openReviews.length;
        unsent += chunk.records.length;
        if (unsent >= batchSize) {
          unsent = 0;
          yield records.take();
          const seconds = (performance.now() - started) / 1000;
          options.onProgress?.({ archive: code, records: result.records, recordsPerSecond: seconds > 0 ? result.records / seconds : 0 });
        }
      }
      yield records.end();
    }
    await copyInto(client, schema, RECORD, recordPieces());
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ archive: code, records: result.records, recordsPerSecond: seconds > 0 ? result.records / seconds : 0 });
    await copyInto(client, schema, DIGITAL_OBJECT, [...copyPieces, copies.end()]);
    await copyInto(client, schema, OPEN_REVIEW, [...reviewPieces, reviews.end()]);

    if (restore.length > 0) {
      // GIN indexes (titles, 档号 trigrams) build faster with room to sort in memory.
      await client.query(`set local maintenance_work_mem to '256MB'`);
      for (const statement of restore) await client.query(statement);
    }

    await copyRows(client, schema, UTILIZATION, catalogue.utilizations);
    await copyRows(client, schema, EXHIBITION, catalogue.exhibitions);
    await copyRows(client, schema, COMPILATION, catalogue.compilations);

    for (const table of CATALOGUE_TABLES) {
      await client.query(
        `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from "${schema}"."${table}"), 0) + 1, false)`,
        [`"${schema}"."${table}"`],
      );
    }
    // The materialised holdings counters (and the planner's statistics, which a bulk load
    // leaves empty until autovacuum comes by) are part of a loaded archive. With the default
    // 4 MB the refresh sorts every record on disk to group them; in memory it hashes them.
    await client.query(`set local work_mem to '64MB'`);
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
