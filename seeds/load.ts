/**
 * Bulk loading of one archive's generated catalogue into its migrated schema, archive_<code>.
 *
 * Rows go in through COPY in PostgreSQL's binary format (subgraphs/archive/bulk/): the server only
 * copies each value in, where an `insert … select from unnest(…)` of text arrays had every
 * value built as array text in JavaScript and parsed back in SQL, several times the work.
 * The whole archive is one transaction, so an archive is either fully seeded or untouched;
 * its tables are emptied first in that transaction, so rows go in frozen (COPY … FREEZE) and
 * after the commit the VACUUM (ANALYZE) of the loaded tables (bringToSteadyState) has little
 * left to do but the planner's statistics.
 * Records are streamed from the generator piece by piece while the server takes the previous
 * piece, so generating and inserting overlap and a province-scale archive is never held in
 * memory (its digital copies and reviews are, encoded, until the records are in: they point
 * to them). Ids are given explicitly (items point to their files, copies to their records),
 * and each identity sequence is moved past them afterwards, so rows created later through the
 * API do not collide with seeded ones.
 */
import type pg from 'pg';
import { BinaryCopyWriter } from '../subgraphs/archive/bulk/copy-binary.js';
import { bringToSteadyState, copyInto, copyRows, restartIdentities, setAsideForBulkLoad, writeRow } from '../subgraphs/archive/bulk/copy.js';
import { CATALOGUE_TABLES, COMPILATION, DIGITAL_OBJECT, EXHIBITION, FONDS, OPEN_REVIEW, RECORD, UTILIZATION } from '../subgraphs/archive/bulk/tables.js';
import { archiveSchemaName } from '../subgraphs/archive/database.js';
import type { ArchiveCatalogue } from './catalogue.js';
import { HoldingsGrain } from '../subgraphs/archive/bulk/holdings-grain.js';

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
  /**
   * Whether to VACUUM (ANALYZE) the loaded tables after the commit (bringToSteadyState). A
   * caller loading several archives at once vacuums them itself once every load is committed:
   * while another load's transaction is open in the database, VACUUM cannot mark its pages
   * all-visible.
   * @default true
   */
  steadyState?: boolean;
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
  /** The whole load, its VACUUM (ANALYZE) included. */
  milliseconds: number;
  /** Of which the VACUUM (ANALYZE) after the commit (bringToSteadyState); 0 when the caller does it (`steadyState: false`). */
  steadyStateMilliseconds: number;
  /**
   * Whether the record table's indexes were built once its rows were in (a big load, see
   * `rebuildIndexesFrom`): the VACUUM after it then has no index to clean up.
   */
  indexesBuiltAfterLoad: boolean;
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
    steadyStateMilliseconds: 0,
    indexesBuiltAfterLoad: catalogue.holdings >= (options.rebuildIndexesFrom ?? 20_000),
  };

  await client.query('begin');
  try {
    // Seed data can be generated again: a crash may lose the last commits, never corrupt them.
    await client.query('set local synchronous_commit to off');
    if (!options.reset && !(await isEmpty(client, schema))) throw new ArchiveNotEmptyError([code]);
    // Emptied in this transaction, even when already empty: only a table truncated in the same
    // transaction may be copied into frozen (COPY … FREEZE), which spares the VACUUM after the
    // load a second write of every page. Cascade: rows of other tables that point to records
    // (the audit log of reads) name records that will no longer exist, or worse, other records
    // under the same ids.
    await client.query(`truncate ${CATALOGUE_TABLES.map((t) => `"${schema}"."${t}"`).join(', ')} restart identity cascade`);
    const frozen = { freeze: true };

    const restore = result.indexesBuiltAfterLoad ? await setAsideForBulkLoad(client, schema) : [];
    await copyRows(client, schema, FONDS, catalogue.fonds, frozen);

    // Copies and reviews point to records: they wait, encoded, until every record is in.
    const copies = new BinaryCopyWriter(256 * 1024);
    const copyPieces: Buffer[] = [];
    const reviews = new BinaryCopyWriter(64 * 1024);
    const reviewPieces: Buffer[] = [];
    const grain = new HoldingsGrain();
    function* recordPieces(): Generator<Buffer> {
      const records = new BinaryCopyWriter(4 * 1024 * 1024);
      let unsent = 0;
      for (const chunk of catalogue.chunks()) {
        grain.add(chunk);
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
    await copyInto(client, schema, RECORD, recordPieces(), frozen);
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ archive: code, records: result.records, recordsPerSecond: seconds > 0 ? result.records / seconds : 0 });
    await copyInto(client, schema, DIGITAL_OBJECT, [...copyPieces, copies.end()], frozen);
    await copyInto(client, schema, OPEN_REVIEW, [...reviewPieces, reviews.end()], frozen);

    for (const statement of restore) await client.query(statement);

    await copyRows(client, schema, UTILIZATION, catalogue.utilizations, frozen);
    await copyRows(client, schema, EXHIBITION, catalogue.exhibitions, frozen);
    await copyRows(client, schema, COMPILATION, catalogue.compilations, frozen);

    await restartIdentities(client, schema);
    // The holdings counters, as refresh_holdings_grain() would count them from the loaded tables.
    await grain.write(client, schema);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  if (options.steadyState ?? true) {
    const steadyStarted = performance.now();
    await bringToSteadyState(client, schema, { indexCleanup: !result.indexesBuiltAfterLoad });
    result.steadyStateMilliseconds = performance.now() - steadyStarted;
  }
  result.milliseconds = performance.now() - started;
  return result;
}
