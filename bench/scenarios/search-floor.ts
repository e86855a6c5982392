/**
 * The floor of a province search: one SQL statement over every archive schema in scope that
 * gives the answer the federated search gives the anonymous public (the same bounded matches
 * per archive, the top 20 in the same order, the total and the facets), run from the
 * benchmark's own process against the same database. What a search costs above it is the
 * federation's (HTTP, GraphQL, scatter, merge, fetch of the page's fields); measured side by
 * side in the same run, federated / floor is a ratio that another day's load cannot skew much.
 *
 * It follows the archive's search statement (subgraphs/archive/services/search.ts) condition
 * for condition and reuses its lexemes and tsquery, and the province's match budget
 * (matchLimitPerArchive): change those and the floor follows. Each archive's matches are its
 * first `limit` in the plan's order, as in the archive's own statement, so where an archive
 * has more matches than the limit the plans may pick different matches; the scenario reports
 * whether the floor's answer was the federated one.
 */
import type pg from 'pg';
import { queryLexemes, tsQueryOf } from '../../subgraphs/archive/services/search.js';
import { archiveSchemaName } from '../../subgraphs/archive/database.js';
import { matchLimitPerArchive } from '../../subgraphs/province/search/search.js';

/** The search variables the floor understands: a query, a page size, 门类 and a year range. */
export interface FloorSearch {
  query: string;
  first: number;
  filter?: { categories?: string[]; yearFrom?: number; yearTo?: number };
}

export interface FloorAnswer {
  totalCount: number;
  countsAreExact: boolean;
  /** Record ids in the gateway's form (archive:Record:key), best first. */
  hits: string[];
  facets: { byArchive: Record<string, number>; byCategory: Record<string, number>; byDecade: Record<string, number>; byAccess: Record<string, number> };
}

/** The one statement and its parameters. */
export function floorStatement(codes: readonly string[], search: FloorSearch, matchBudget?: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const lexemes = queryLexemes(search.query);
  const byReference = [...search.query].length >= 3;
  const tsquery = lexemes.length > 0 ? param(tsQueryOf(lexemes)) : null;
  const pattern = byReference ? param(`%${search.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : null;
  const matches = [tsquery ? `r.search_vector @@ ${tsquery}::tsquery` : null, pattern ? `r.reference_code ilike ${pattern}` : null].filter(Boolean);
  const terms = [tsquery ? `ts_rank(r.search_vector, ${tsquery}::tsquery, 1)` : null, pattern ? `case when r.reference_code ilike ${pattern} then 1 else 0 end` : null].filter(Boolean);
  const conditions = [`r.access in ('OPEN')`];
  if (matches.length > 0) conditions.push(`(${matches.join(' or ')})`);
  if (search.filter?.categories) conditions.push(`r.category = any(${param(search.filter.categories)}::text[])`);
  if (search.filter?.yearFrom != null) conditions.push(`r.year >= ${param(search.filter.yearFrom)}`);
  if (search.filter?.yearTo != null) conditions.push(`r.year <= ${param(search.filter.yearTo)}`);
  const score = terms.length > 0 ? `round((${terms.join(' + ')})::numeric, 6)` : '0::numeric';
  const limit = param(matchLimitPerArchive(codes.length, matchBudget));
  const perArchive = codes.map(
    (code) => `(select '${code}'::text as archive, r.id, r.category, r.year, r.access, ${score} as score
                 from "${archiveSchemaName(code)}".record r where ${conditions.join(' and ')} limit ${limit})`,
  );
  const sql = `with m as materialized (${perArchive.join(' union all ')})
    select (select json_agg(h.archive || ':Record:' || h.id order by h.score desc, h.archive, h.id)
              from (select archive, id, score from m order by score desc, archive, id limit ${param(search.first)}) h) as hits,
           (select json_agg(json_build_object('dimension', f.dimension, 'value', f.value, 'n', f.n))
              from (select case when grouping(m.archive) = 0 then 'archive' when grouping(m.category) = 0 then 'category'
                                when grouping((m.year / 10) * 10) = 0 then 'decade' when grouping(m.access) = 0 then 'access' else 'total' end as dimension,
                           coalesce(m.archive, m.category, ((m.year / 10) * 10)::text, m.access) as value, count(*)::int as n
                      from m group by grouping sets ((), (m.archive), (m.category), ((m.year / 10) * 10), (m.access))) f) as facets,
           (select bool_and(n < ${limit}) from (select count(*) as n from m group by archive) c) as exact`;
  return { sql, params };
}

export async function floorSearch(client: pg.ClientBase, codes: readonly string[], search: FloorSearch, matchBudget?: number): Promise<FloorAnswer> {
  const { sql, params } = floorStatement(codes, search, matchBudget);
  const { rows } = await client.query<{ hits: string[] | null; facets: { dimension: string; value: string | null; n: number }[] | null; exact: boolean | null }>(sql, params);
  const facets: FloorAnswer['facets'] = { byArchive: {}, byCategory: {}, byDecade: {}, byAccess: {} };
  const into = { archive: facets.byArchive, category: facets.byCategory, decade: facets.byDecade, access: facets.byAccess } as Record<string, Record<string, number>>;
  let totalCount = 0;
  for (const f of rows[0]?.facets ?? []) {
    if (f.dimension === 'total') totalCount = f.n;
    else into[f.dimension]![f.value!] = f.n;
  }
  return { totalCount, countsAreExact: rows[0]?.exact ?? true, hits: rows[0]?.hits ?? [], facets };
}

/** The federated page's answer in the floor's form, to compare the two. */
export interface FederatedPage {
  totalCount: number;
  countsAreExact: boolean;
  hits: { record: { id: string } | null }[];
  facets: { byArchive: { archive?: { id: string }; count: number }[]; byCategory: { category: string; count: number }[]; byDecade: { decade: number; count: number }[]; byAccess: { access: string; count: number }[] };
}

export function federatedAnswer(page: FederatedPage): FloorAnswer {
  const counts = <T>(rows: T[], key: (row: T) => string, count: (row: T) => number) => Object.fromEntries(rows.map((row) => [key(row), count(row)]));
  return {
    totalCount: page.totalCount,
    countsAreExact: page.countsAreExact,
    hits: page.hits.map((hit) => hit.record?.id ?? ''),
    facets: {
      byArchive: counts(page.facets.byArchive, (r) => r.archive?.id ?? '', (r) => r.count),
      byCategory: counts(page.facets.byCategory, (r) => r.category, (r) => r.count),
      byDecade: counts(page.facets.byDecade, (r) => String(r.decade), (r) => r.count),
      byAccess: counts(page.facets.byAccess, (r) => r.access, (r) => r.count),
    },
  };
}

/** Whether two answers agree, and if not, in what (for the report's notes). */
export function differences(floor: FloorAnswer, federated: FloorAnswer): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  const out: string[] = [];
  if (floor.totalCount !== federated.totalCount) out.push(`total ${floor.totalCount} vs ${federated.totalCount}`);
  if (floor.countsAreExact !== federated.countsAreExact) out.push('exactness');
  if (!same(floor.hits, federated.hits)) out.push('hits');
  for (const key of ['byArchive', 'byCategory', 'byDecade', 'byAccess'] as const) {
    if (!same(sorted(floor.facets[key]), sorted(federated.facets[key]))) out.push(key);
  }
  return out;
}
