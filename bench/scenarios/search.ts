/**
 * Scenario 2, cross-region search (跨馆检索) through the gateway, as a portal would call it:
 * one page of hits with the fields a result list shows, fetched from the archives that hold
 * them, with the facets. A two-character query (many matches), a four-character one, and a
 * filtered one; one client, then 16 concurrent clients.
 */
import { measureRounds, type RoundsRow } from '../measure.js';
import type { BenchNetwork } from '../network.js';
import { atMost, type ScenarioResult } from '../report.js';

export interface SearchOptions {
  requests: number;
  concurrentRequests: number;
  maxDurationMs: number;
  /** Rounds of each case (at least three): the figures are the medians of the rounds'. */
  rounds: number;
  /** Whether this is the province-scale network the target speaks of. */
  provinceScale: boolean;
}

export const SEARCH_PAGE = `query Search($query: String, $filter: CatalogueFilter, $first: Int, $after: String) {
  searchCatalogue(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    countsAreExact
    hits { score cursor archive { id name } record { id referenceCode title year access } }
    pageInfo { hasNextPage endCursor }
    facets { byArchive { count } byRegion { count } byCategory { category count } byDecade { decade count } byAccess { access count } }
    partial
  }
}`;

export interface SearchCase {
  label: string;
  variables: Record<string, unknown>;
}

/** The cases measured; the words are frequent in the generated titles (关于…的通知, 婚姻登记档案). */
export const SEARCH_CASES: readonly SearchCase[] = [
  { label: 'two characters "通知"', variables: { query: '通知', first: 20 } },
  { label: 'four characters "婚姻登记"', variables: { query: '婚姻登记', first: 20 } },
  {
    label: 'filtered "工作" 文书 1980–1999',
    variables: { query: '工作', first: 20, filter: { categories: ['ADMINISTRATIVE'], yearFrom: 1980, yearTo: 1999 } },
  },
];

export interface SearchPage {
  totalCount: number;
  countsAreExact: boolean;
  hits: { record: { id: string } | null }[];
  partial: boolean;
}

export async function searchPage(net: BenchNetwork, variables: Record<string, unknown>): Promise<SearchPage> {
  const page = (await net.gateway(SEARCH_PAGE, variables)).searchCatalogue as SearchPage;
  if (page.partial) throw new Error('partial answer: an archive did not answer');
  if (page.hits.some((hit) => hit.record === null)) throw new Error('a hit without its record');
  return page;
}

export async function searchScenario(net: BenchNetwork, options: SearchOptions): Promise<ScenarioResult> {
  const rows: (RoundsRow & { matches: number | null; counted: string | null })[] = [];
  for (const clients of [1, 16]) {
    for (const c of SEARCH_CASES) {
      const first = await searchPage(net, c.variables).catch(() => null);
      const requests = clients === 1 ? options.requests : options.concurrentRequests;
      const row = await measureRounds(c.label, { clients, requests, maxDurationMs: options.maxDurationMs, warmup: 2 }, options.rounds, async () => {
        await searchPage(net, c.variables);
      });
      rows.push({ ...row, matches: first?.totalCount ?? null, counted: first ? (first.countsAreExact ? 'exact' : 'at least') : null });
    }
  }
  const worstSingle = Math.max(...rows.filter((r) => r.clients === 1).map((r) => r.p95Ms));
  return {
    scenario: 'search',
    title: `cross-region search (searchCatalogue via the gateway, ${net.codes.length} archives, 20 hits per page)`,
    rows,
    targets: [
      atMost(
        'province-scale search p95 ≤ 300 ms for one client (worst case)',
        worstSingle,
        300,
        'ms',
        options.provinceScale,
        options.provinceScale ? undefined : 'judged at province scale only',
      ),
    ],
    notes: [
      `${options.rounds} rounds per case: p50 and p95 are the medians of the rounds' own, p95 min and max their range.`,
      'matches = totalCount of the first page (what the anonymous public may find); counted "at least" where an archive had more matches than a search examines (countsAreExact false).',
    ],
  };
}
