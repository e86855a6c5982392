/**
 * The harvest feed of one archive: the records a harvester may see, in datestamp order, and
 * the tombstones of records that stopped being visible. Which records are visible is asked of
 * services/visibility.ts for the anonymous public, the one rule every path out of an archive
 * applies; the SQL below only applies the statuses it names.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS } from '../../../protocol/identity.js';
import type { RecordRow } from '../entities/index.js';
import type { AccessStatus, Category, Classification, RecordLevel, Retention } from '../generated/resolvers-types.js';
import { readPage } from '../services/page-rows.js';
import { table } from '../services/record-query.js';
import { visibleAccess } from '../services/visibility.js';

/** The statuses of the records a harvest may show: those the anonymous public may see. */
export function harvestableAccess(archive: string): readonly AccessStatus[] {
  return visibleAccess(ANONYMOUS, archive);
}

export interface FeedScope {
  archive: string;
  /** archive_<code> */
  schema: string;
  em: EntityManager;
}

/** Which items a list asks for: datestamps from (inclusive) and before (exclusive), to the millisecond. */
export interface FeedSelection {
  from: Date | null;
  before: Date;
  /** Only records of this fonds (by key); -1 selects nothing (an unknown set). */
  fondsId?: number;
  category?: Category;
}

export interface FeedPosition {
  datestamp: Date;
  id: number;
}

/** What a harvest shows of a record: its DA/T 18 elements, with its fonds' code and name. */
export type HarvestedRecord = Pick<
  RecordRow,
  'id' | 'fondsId' | 'level' | 'referenceCode' | 'title' | 'author' | 'year' | 'retention' | 'classification' | 'access' | 'category' | 'pages' | 'electronic' | 'remarks'
> & {
  fondsCode: string;
  fondsName: string;
  /** YYYY-MM-DD */
  date: string | null;
};

export interface FeedItem {
  id: number;
  datestamp: Date;
  /** The record as harvested; absent for a tombstone (a record no longer visible). */
  record?: HarvestedRecord;
}

interface FeedRow {
  id: number;
  datestamp: Date;
  deleted: boolean;
  fonds_id: number | null;
  fonds_code: string | null;
  fonds_name: string | null;
  level: RecordLevel | null;
  reference_code: string | null;
  title: string | null;
  author: string | null;
  date: string | null;
  year: number | null;
  retention: Retention | null;
  classification: Classification | null;
  access: AccessStatus | null;
  category: Category | null;
  pages: number | null;
  electronic: boolean | null;
  remarks: string | null;
}

// What a harvest shows of a record (r, with its fonds f); a tombstone has nulls in their place.
const HARVESTED_COLUMNS = `r.fonds_id, f.fonds_code, f.name as fonds_name, r.level, r.reference_code, r.title, r.author,
  to_char(r.date, 'YYYY-MM-DD') as date, r.year, r.retention, r.classification, r.access, r.category, r.pages, r.electronic, r.remarks`;
const TOMBSTONE_COLUMNS = Array.from({ length: 16 }, () => 'null').join(', ');

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The SQL of both halves of the feed under a selection: `visible` (records now visible, dated
 * by their last change) and `withdrawn` (records that were visible and are not now, dated by
 * the last time they stopped being visible). Each yields id and datestamp first.
 */
function feedQueries(scope: FeedScope, selection: FeedSelection, after: FeedPosition | null) {
  const access = harvestableAccess(scope.archive);
  // Every condition on the visible records but their datestamps; `visible` adds those.
  const selected: string[] = [`r.access in (${placeholders(access)})`];
  const selectedParams: unknown[] = [...access];
  // The same selection in the holdings counters (g), which count by access and category but not by fonds.
  const counted: string[] = [`g.access in (${placeholders(access)})`];
  const countedParams: unknown[] = [...access];
  const withdrawnWhere: string[] = [
    `c.previous_access in (${placeholders(access)})`,
    `not exists (select 1 from ${table(scope, 'record')} v where v.id = c.record_id and v.access in (${placeholders(access)}))`,
  ];
  const withdrawnParams: unknown[] = [...access, ...access];
  const having: string[] = ['max(c.changed_at) < ?::timestamptz'];
  const havingParams: unknown[] = [selection.before];
  if (selection.from) {
    having.push('max(c.changed_at) >= ?::timestamptz');
    havingParams.push(selection.from);
  }
  if (selection.fondsId !== undefined) {
    selected.push('r.fonds_id = ?');
    selectedParams.push(selection.fondsId);
    withdrawnWhere.push('c.fonds_id = ?');
    withdrawnParams.push(selection.fondsId);
  }
  if (selection.category !== undefined) {
    selected.push('r.category = ?');
    selectedParams.push(selection.category);
    counted.push('g.category = ?');
    countedParams.push(selection.category);
    withdrawnWhere.push('c.category = ?');
    withdrawnParams.push(selection.category);
  }
  const visible = [...selected, 'r.oai_datestamp < ?::timestamptz'];
  const visibleParams = [...selectedParams, selection.before];
  if (selection.from) {
    visible.push('r.oai_datestamp >= ?::timestamptz');
    visibleParams.push(selection.from);
  }
  if (after) {
    visible.push('(r.oai_datestamp, r.id) > (?::timestamptz, ?::int)');
    visibleParams.push(after.datestamp, after.id);
    having.push('(max(c.changed_at), c.record_id) > (?::timestamptz, ?::int)');
    havingParams.push(after.datestamp, after.id);
  }
  return {
    selected: { where: selected.join(' and '), params: selectedParams },
    counters: selection.fondsId === undefined ? { where: counted.join(' and '), params: countedParams } : null,
    visible: { where: visible.join(' and '), params: visibleParams },
    withdrawn: {
      sql: `select c.record_id as id, max(c.changed_at) as datestamp from ${table(scope, 'record_access_change')} c
             where ${withdrawnWhere.join(' and ')} group by c.record_id having ${having.join(' and ')}`,
      params: [...withdrawnParams, ...havingParams],
    },
  };
}

/**
 * One page of the feed after `after`, in (datestamp, id) order, read in one statement so both
 * halves see one snapshot. The page of records is chosen before their fonds are joined: an
 * archive loaded at once has a single datestamp, the planner then expects one record after
 * any position and, with the join inside, hashed every record left in the archive for each
 * page (2.8 s a page at province scale) instead of reading the next ones in index order.
 */
export async function readFeed(scope: FeedScope, selection: FeedSelection, after: FeedPosition | null, limit: number): Promise<FeedItem[]> {
  if (selection.fondsId === -1) return [];
  const { visible, withdrawn } = feedQueries(scope, selection, after);
  const rows = await readPage<FeedRow>(
    scope.em,
    `select * from (
       (select r.id, r.oai_datestamp as datestamp, false as deleted, ${HARVESTED_COLUMNS}
          from (select r.* from ${table(scope, 'record')} r where ${visible.where} order by r.oai_datestamp, r.id limit ?) r
          join ${table(scope, 'fonds')} f on f.id = r.fonds_id)
       union all
       (select w.id, w.datestamp, true, ${TOMBSTONE_COLUMNS}
          from (${withdrawn.sql}) w order by w.datestamp, w.id limit ?)
     ) feed order by datestamp, id limit ?`,
    [...visible.params, limit, ...withdrawn.params, limit, limit],
  );
  return rows.map(itemOf);
}

/**
 * How many items the selection holds (completeListSize), in one statement.
 *
 * Without `from` (a whole harvest), the visible records are counted as those selected less
 * those dated at or after the list's end: the first term is the access index alone, an
 * index-only scan on a vacuumed table, and the second a short range of the datestamp index.
 * Counted as one range of datestamps, the obvious query, an archive of a million records
 * reads its whole table (0.4 s for the province's archive, on its first page). With `from`
 * (an incremental harvest), the range is short and is counted as it is.
 *
 * The records selected by access and category alone (no fonds) are also what the holdings
 * counters hold: when they are current in the statement's snapshot (their version is the
 * catalogue's, services/holdings.ts), they are summed instead of counting the index, which
 * took 80–100 ms of a first page for the province archive's 423,364 open records. When they
 * are behind, the index is counted.
 */
export async function countFeed(scope: FeedScope, selection: FeedSelection): Promise<number> {
  if (selection.fondsId === -1) return 0;
  const { selected, counters, visible, withdrawn } = feedQueries(scope, selection, null);
  const record = table(scope, 'record');
  const countSelected = { sql: `(select count(*) from ${record} r where ${selected.where})`, params: selected.params };
  const allSelected = counters
    ? {
        sql: `(case when (select version from ${table(scope, 'holdings_version')}) = (select refreshed_version from ${table(scope, 'holdings_grain_state')})
                 then (select coalesce(sum(g.records), 0) from ${table(scope, 'holdings_grain')} g where ${counters.where})
                 else ${countSelected.sql} end)`,
        params: [...counters.params, ...countSelected.params],
      }
    : countSelected;
  const visibleCount = selection.from
    ? { sql: `(select count(*) from ${record} r where ${visible.where})`, params: visible.params }
    : {
        sql: `(${allSelected.sql}
             - (select count(*) from ${record} r where ${selected.where} and r.oai_datestamp >= ?::timestamptz))`,
        params: [...allSelected.params, ...selected.params, selection.before],
      };
  const [row] = await scope.em.getConnection().execute<{ n: number }[]>(
    `select ${visibleCount.sql}::int + (select count(*) from (${withdrawn.sql}) w)::int as n`,
    [...visibleCount.params, ...withdrawn.params],
  );
  return row!.n;
}

/** One item by record key: the record when visible, its tombstone when it was visible once, otherwise null. */
export async function readFeedItem(scope: FeedScope, id: number): Promise<FeedItem | null> {
  const access = harvestableAccess(scope.archive);
  const rows = await scope.em.getConnection().execute<FeedRow[]>(
    `select * from (
       (select r.id, r.oai_datestamp as datestamp, false as deleted, ${HARVESTED_COLUMNS}
          from ${table(scope, 'record')} r join ${table(scope, 'fonds')} f on f.id = r.fonds_id
         where r.id = ? and r.access in (${placeholders(access)}))
       union all
       (select c.record_id, max(c.changed_at), true, ${TOMBSTONE_COLUMNS}
          from ${table(scope, 'record_access_change')} c
         where c.record_id = ? and c.previous_access in (${placeholders(access)})
           and not exists (select 1 from ${table(scope, 'record')} v where v.id = c.record_id and v.access in (${placeholders(access)}))
         group by c.record_id)
     ) item`,
    [id, ...access, id, ...access, ...access],
  );
  return rows[0] ? itemOf(rows[0]) : null;
}

function itemOf(row: FeedRow): FeedItem {
  const datestamp = new Date(row.datestamp);
  if (row.deleted) return { id: row.id, datestamp };
  return {
    id: row.id,
    datestamp,
    record: {
      id: row.id,
      fondsId: row.fonds_id!,
      fondsCode: row.fonds_code!,
      fondsName: row.fonds_name!,
      level: row.level!,
      referenceCode: row.reference_code!,
      title: row.title!,
      author: row.author,
      date: row.date,
      year: row.year!,
      retention: row.retention!,
      classification: row.classification!,
      access: row.access!,
      category: row.category!,
      pages: row.pages,
      electronic: row.electronic!,
      remarks: row.remarks,
    },
  };
}

const END_OF_TIME = new Date('9999-12-31T23:59:59Z');

/** The earliest datestamp of the feed (Identify), or null when it is empty. */
export async function earliestDatestamp(scope: FeedScope): Promise<Date | null> {
  const [first] = await readFeed(scope, { from: null, before: END_OF_TIME }, null, 1);
  return first?.datestamp ?? null;
}

export interface FondsSet {
  id: number;
  fondsCode: string;
  name: string;
}

/** Every fonds of the archive (fonds are public descriptions), by 全宗号. */
export async function listFondsSets(scope: FeedScope): Promise<FondsSet[]> {
  return scope.em
    .getConnection()
    .execute<FondsSet[]>(`select id, fonds_code as "fondsCode", name from ${table(scope, 'fonds')} order by fonds_code`);
}

/** The database's clock, to the millisecond: the datestamps are written by it. */
export async function databaseNow(scope: FeedScope): Promise<Date> {
  const [row] = await scope.em.getConnection().execute<{ now: Date }[]>(`select date_trunc('milliseconds', now()) as now`);
  return new Date(row!.now);
}
