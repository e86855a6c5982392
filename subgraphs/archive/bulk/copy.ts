/**
 * Bulk writing into one archive's schema, shared by the seeds' loader and the catalogue
 * import: rows go in through COPY in PostgreSQL's binary format (copy-binary.ts), where the
 * server only copies each value in; a big load sets the record table's indexes and keys aside
 * and builds them once afterwards; the archive's derived state (holdings counters, identity
 * sequences) is brought up to date in the same transaction, and its tables are vacuumed and
 * analysed after the commit.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryCopyWriter, copyStatement } from './copy-binary.js';
import { CATALOGUE_TABLES, type BulkTable } from './tables.js';

export function writeRow<Row>(out: BinaryCopyWriter, table: BulkTable<Row>, row: Row): void {
  out.row(table.columns.length);
  table.write(out, row);
}

export interface CopyOptions {
  /**
   * Write the rows frozen (COPY … FREEZE), for a table truncated earlier in the same
   * transaction: they are visible to every later transaction without their hint bits being
   * set on a first read, and their pages are marked all-visible and all-frozen as they are
   * written, so the VACUUM after the load has nothing left to do on them.
   * @default false
   */
  freeze?: boolean;
}

/**
 * Copies the pieces of a binary COPY (the first with the header, the last with the trailer)
 * into a table of `schema` (`pg_temp` for a temporary table), these columns in this order.
 */
export async function copyPieces(client: pg.ClientBase, schema: string, table: string, columns: readonly string[], pieces: Iterable<Buffer> | AsyncIterable<Buffer>, options: CopyOptions = {}): Promise<void> {
  const statement = copyStatement(schema, table, columns, options.freeze);
  // Two pieces ahead at most: the next one is made while the server takes the last one.
  await pipeline(Readable.from(pieces, { objectMode: true, highWaterMark: 2 }), client.query(copyFrom(statement)));
}

/** Copies the pieces of a binary COPY of a catalogue table. */
export function copyInto<Row>(client: pg.ClientBase, schema: string, table: BulkTable<Row>, pieces: Iterable<Buffer> | AsyncIterable<Buffer>, options: CopyOptions = {}): Promise<void> {
  return copyPieces(client, schema, table.name, table.columns, pieces, options);
}

/** Copies rows that are all at hand into a table (the small tables). */
export async function copyRows<Row>(client: pg.ClientBase, schema: string, table: BulkTable<Row>, rows: readonly Row[], options: CopyOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const out = new BinaryCopyWriter(64 * 1024);
  for (const row of rows) writeRow(out, table, row);
  await copyInto(client, schema, table, [out.end()], options);
}

export interface SetAsideOptions {
  /**
   * Indexes of the record table (not those of its keys) left in place, filled row by row as the
   * rows go in: for a load whose server backend would otherwise sit idle waiting for the rows.
   * @default none
   */
  keepIndexes?: readonly string[];
  /**
   * Other tables of the archive whose keys and indexes are set aside with the record table's and
   * built again with them, for a load that fills them after the records: the open-review history
   * of a first import, whose key and index cost twice as much filled row by row as built after.
   * @default none
   */
  alsoTables?: readonly string[];
}

/**
 * Sets the record table up for a bulk load and returns the statements that put it back as
 * the archive's migrations made it, in the order they must run: its primary key and unique
 * 档号 first (foreign keys need the key), then its other indexes, then every foreign key from
 * or to it (items to files, records to fonds, copies, reviews, grants and audit entries to
 * records), then its search-vector trigger. Definitions are read from the catalog, so a
 * migration that adds an index or a key is followed without a change here. Adding a foreign
 * key back checks every row at once, so a load that broke one still fails as a whole.
 * Run it inside the load's transaction: the table is locked until the load commits.
 */
export async function setAsideForBulkLoad(client: pg.ClientBase, schema: string, options: SetAsideOptions = {}): Promise<string[]> {
  const record = `"${schema}"."record"`;
  const tables = ['record', ...(options.alsoTables ?? [])];
  const { rows: constraints } = await client.query<{ relation: string; name: string; definition: string; type: string }>(
    `select format('%I.%I', n.nspname, t.relname) as relation, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.contype as type
       from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where (c.contype = 'f' and (c.conrelid = any($1::regclass[]) or c.confrelid = any($1::regclass[])))
         or (c.contype in ('p', 'u') and c.conrelid = any($1::regclass[]))
      order by c.contype = 'p' desc, c.conname`,
    [tables.map((table) => `"${schema}"."${table}"`)],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = $1 and i.tablename = any($3)
        and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
        and not i.indexname = any($2)
      order by i.indexname`,
    [schema, options.keepIndexes ?? [], tables],
  );
  const foreignKeys = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  for (const c of [...foreignKeys, ...keys]) await client.query(`alter table ${c.relation} drop constraint "${c.name}"`);
  for (const index of indexes) await client.query(`drop index "${schema}"."${index.name}"`);
  // Dropped, not disabled: COPY writes rows one by one into a table with any row trigger before
  // insert, even a disabled one, and in batches otherwise (which lets COPY … FREEZE mark the
  // pages all-visible as it fills them).
  const { rows: [trigger] } = await client.query<{ definition: string }>(
    `select pg_get_triggerdef(oid) as definition from pg_trigger where tgrelid = $1::regclass and tgname = 'record_search_vector'`,
    [record],
  );
  await client.query(`drop trigger record_search_vector on ${record}`);
  return [
    // GIN indexes (titles, 档号 trigrams) build faster with room to sort in memory.
    `set local maintenance_work_mem to '256MB'`,
    ...keys.map((c) => `alter table ${c.relation} add constraint "${c.name}" ${c.definition}`),
    ...indexes.map((index) => index.definition),
    ...foreignKeys.map((c) => `alter table ${c.relation} add constraint "${c.name}" ${c.definition}`),
    trigger.definition,
  ];
}

/** Moves each catalogue table's identity sequence past its highest id, so rows created later do not collide with loaded ones. */
export async function restartIdentities(client: pg.ClientBase, schema: string): Promise<void> {
  for (const table of CATALOGUE_TABLES) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from "${schema}"."${table}"), 0) + 1, false)`,
      [`"${schema}"."${table}"`],
    );
  }
}

/**
 * Brings the materialised holdings counters up to date after a bulk write, in its
 * transaction. With the default 4 MB the refresh sorts every record on disk to group them; in
 * memory it hashes them. The planner's statistics come after the commit (bringToSteadyState).
 */
export async function refreshAfterBulkWrite(client: pg.ClientBase, schema: string): Promise<void> {
  await client.query(`set local work_mem to '64MB'`);
  await client.query(`select "${schema}".refresh_holdings_grain()`);
}

/** The tables a bulk write fills: the catalogue and the holdings counters refreshed from it. */
export const BULK_LOADED_TABLES = [...CATALOGUE_TABLES, 'holdings_grain'] as const;

export interface SteadyStateOptions {
  /**
   * Whether VACUUM also cleans up the tables' indexes. Nothing is left to clean after a load
   * into emptied tables whose record indexes were built after the rows went in (a GIN index
   * notes its statistics as it is built), while the cleanup still reads every page of the GIN
   * indexes: pass false then. Keep it after updates or deletes, and after rows were inserted
   * into a GIN index in place (VACUUM moves its pending entries into the index).
   * @default true
   */
  indexCleanup?: boolean;
}

/**
 * VACUUM (ANALYZE) of what a bulk write filled, after its commit (VACUUM cannot run inside a
 * transaction). A bulk load leaves the planner without statistics, the visibility map empty
 * and every row's hint bits unset, and with autovacuum off, or behind, nothing fixes that:
 * the first users of a freshly loaded archive then get sequential scans where an index serves
 * (a province-scale search took twice as long, issue 18), and each first read of a row sets
 * its hint bits, writing the page again. Vacuumed now, the archive answers as it will for months.
 */
export async function bringToSteadyState(client: pg.ClientBase, schema: string, options: SteadyStateOptions = {}): Promise<void> {
  const cleanup = options.indexCleanup ?? true ? '' : ', index_cleanup off';
  await client.query(`vacuum (analyze${cleanup}) ${BULK_LOADED_TABLES.map((table) => `"${schema}"."${table}"`).join(', ')}`);
}
