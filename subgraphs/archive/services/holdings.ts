/**
 * 馆藏统计: additive counters of one archive's holdings, as the national annual report
 * (全国档案事业统计年报) counts them, for the province to sum up the region tree. Holdings
 * are files (卷) and standalone items (件); items inside files are catalogue entries only.
 * One statement, grouped over the materialised grain of records and counting everything that
 * is not a record, after the grain is brought up to date when a write has left it behind.
 *
 * The counters are true for every caller, records not open (延期开放, 未审核) included, at the
 * grains the annual report publishes (total, by category, before/after 1949): those are public
 * figures, and counting open records only would make every rate false. The breakdown by the
 * records' year is finer than any published grain and goes only to those `seesFinerHoldings`.
 */
import type { ArchiveContext } from '../context.js';
import type { Category, Holdings, HoldingsCounters, HoldingsPeriod } from '../generated/resolvers-types.js';
import { table } from './record-query.js';
import { executeBatched } from './statement-batch.js';
import { seesFinerHoldings } from './visibility.js';

type RecordCounters = Pick<
  HoldingsCounters,
  'files' | 'items' | 'openFiles' | 'openItems' | 'fileLevelEntries' | 'itemLevelEntries' | 'itemLevelCatalogued' | 'digitised' | 'digitalPages' | 'digitalBytes' | 'electronic'
>;

const ZERO: HoldingsCounters = {
  fonds: 0, files: 0, items: 0, openFiles: 0, openItems: 0, fileLevelEntries: 0, itemLevelEntries: 0,
  itemLevelCatalogued: 0, digitised: 0, digitalPages: 0, digitalBytes: 0, electronic: 0, visitors: 0,
  itemsProvided: 0, exhibitions: 0, exhibitionVisitors: 0, compilations: 0, compilationCharacters: 0,
};

interface GroupRow {
  dimension: 'total' | 'category' | 'period' | 'year';
  category: Category | null;
  period: HoldingsPeriod | null;
  year: number | null;
  files: string; items: string; open_files: string; open_items: string; file_level_entries: string;
  item_level_entries: string; item_level_catalogued: string; digitised: string; digital_pages: string;
  digital_bytes: string; electronic: string;
}

function recordCounters(row: GroupRow | undefined, overall: boolean): RecordCounters {
  if (!row) return { ...ZERO };
  return {
    files: Number(row.files),
    items: Number(row.items),
    openFiles: Number(row.open_files),
    openItems: Number(row.open_items),
    fileLevelEntries: Number(row.file_level_entries),
    itemLevelEntries: Number(row.item_level_entries),
    itemLevelCatalogued: Number(row.item_level_catalogued),
    // Digital copies are counted overall only, as the contract's HoldingsCounters says.
    digitised: overall ? Number(row.digitised) : 0,
    digitalPages: overall ? Number(row.digital_pages) : 0,
    digitalBytes: overall ? Number(row.digital_bytes) : 0,
    electronic: Number(row.electronic),
  };
}

export async function holdings(ctx: ArchiveContext, now: Date = new Date()): Promise<Holdings> {
  const finer = seesFinerHoldings(ctx.viewer, ctx.archive);
  const connection = ctx.em.getConnection();

  // The grain (migration holdings_grain) counts records by every property grouped or
  // filtered on here; it is brought up to date first when a write has left it behind.
  const groupsSql = `
    with g as (
      select g.*, (g.level = 'FILE' or g.standalone) as holding,
             case when g.year < 1949 then 'BEFORE_1949' else 'SINCE_1949' end as period
        from ${table(ctx, 'holdings_grain')} g
    )
    select case when grouping(category) = 0 then 'category' when grouping(period) = 0 then 'period'
                ${finer ? `when grouping(year) = 0 then 'year'` : ''} else 'total' end as dimension,
           category, period, ${finer ? 'year' : 'null::int as year'},
           coalesce(sum(records) filter (where level = 'FILE'), 0) as files,
           coalesce(sum(records) filter (where standalone), 0) as items,
           coalesce(sum(records) filter (where level = 'FILE' and access = 'OPEN'), 0) as open_files,
           coalesce(sum(records) filter (where standalone and access = 'OPEN'), 0) as open_items,
           coalesce(sum(records) filter (where level = 'FILE'), 0) as file_level_entries,
           coalesce(sum(records) filter (where level = 'ITEM'), 0) as item_level_entries,
           coalesce(sum(records) filter (where standalone or (level = 'FILE' and has_items)), 0) as item_level_catalogued,
           coalesce(sum(records) filter (where holding and has_copy), 0) as digitised,
           coalesce(sum(copy_pages), 0) as digital_pages,
           coalesce(sum(copy_bytes), 0) as digital_bytes,
           coalesce(sum(records) filter (where holding and electronic), 0) as electronic
      from g
     group by grouping sets ((), (category), (period)${finer ? ', (year)' : ''})`;

  const overallSql = `
    select (select count(*) from ${table(ctx, 'fonds')})::int as fonds,
           (select coalesce(sum(visitors), 0) from ${table(ctx, 'utilization')})::bigint as visitors,
           (select coalesce(sum(items_provided), 0) from ${table(ctx, 'utilization')})::bigint as items_provided,
           (select count(*) from ${table(ctx, 'exhibition')})::int as exhibitions,
           (select coalesce(sum(visitors), 0) from ${table(ctx, 'exhibition')})::bigint as exhibition_visitors,
           (select count(*) from ${table(ctx, 'compilation')})::int as compilations,
           (select coalesce(sum(characters), 0) from ${table(ctx, 'compilation')})::bigint as compilation_characters`;

  // One statement reads both, and says whether the grain was up to date in the snapshot it
  // read: it almost always is, and then an archive's figures cost one statement, combined with
  // the other archives' of this database asked together (statement-batch.ts: the province's
  // 112 holdings calls are a few statements, not 336). When a write has left the grain behind,
  // it is refreshed (refresh_holdings_grain(), which takes the grain's lock) and read again.
  const readSql = `
    select (select version from ${table(ctx, 'holdings_version')}) = (select refreshed_version from ${table(ctx, 'holdings_grain_state')}) as fresh,
           (select coalesce(json_agg(x), '[]'::json) from (${groupsSql}) x) as groups,
           (select row_to_json(o) from (${overallSql}) o) as overall`;
  type Read = { fresh: boolean; groups: GroupRow[]; overall: Record<string, string | number> };
  let read = (await executeBatched<Read>(connection, readSql, []))!;
  if (!read.fresh) {
    await connection.execute(`select "${ctx.schema}".refresh_holdings_grain()`);
    read = (await executeBatched<Read>(connection, readSql, []))!;
  }
  const { groups, overall } = read;
  const total = groups.find((row) => row.dimension === 'total');
  const breakdown = (row: GroupRow): HoldingsCounters => ({ ...ZERO, ...recordCounters(row, false) });
  return {
    archive: ctx.archive,
    asOf: now.toISOString(),
    complete: true,
    total: {
      ...recordCounters(total, true),
      fonds: Number(overall!.fonds),
      visitors: Number(overall!.visitors),
      itemsProvided: Number(overall!.items_provided),
      exhibitions: Number(overall!.exhibitions),
      exhibitionVisitors: Number(overall!.exhibition_visitors),
      compilations: Number(overall!.compilations),
      compilationCharacters: Number(overall!.compilation_characters),
    },
    byCategory: groups
      .filter((row) => row.dimension === 'category')
      .sort((a, b) => a.category!.localeCompare(b.category!))
      .map((row) => ({ category: row.category!, counters: breakdown(row) })),
    byPeriod: groups
      .filter((row) => row.dimension === 'period')
      .sort((a, b) => a.period!.localeCompare(b.period!))
      .map((row) => ({ period: row.period!, counters: breakdown(row) })),
    byYear: groups
      .filter((row) => row.dimension === 'year')
      .sort((a, b) => a.year! - b.year!)
      .map((row) => ({ year: row.year!, counters: breakdown(row) })),
  };
}
