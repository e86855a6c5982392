/**
 * Scenario 2, cross-region search (跨馆检索) through the gateway, as a portal would call it:
 * one page of hits with the fields a result list shows, fetched from the archives that hold
 * them, with the facets. A two-character query (many matches), a four-character one, and a
 * filtered one; one client, then 16 concurrent clients.
 */
import pg from 'pg';
import { measurePair, measureRounds, type RoundsRow } from '../measure.js';
import type { BenchNetwork } from '../network.js';
import { atMost, type ScenarioResult } from '../report.js';
import { differences, federatedAnswer, floorSearch, type FederatedPage, type FloorSearch } from './search-floor.js';

export interface SearchOptions {
  requests: number;
  concurrentRequests: number;
  maxDurationMs: number;
  /** Rounds of each case (at least three): the figures are the medians of the rounds'. */
  rounds: number;
  /** Whether this is the province-scale network the target speaks of. */
  provinceScale: boolean;
  /** The network's database, which the floor case queries directly from this process. */
  databaseUrl: string;
}

export const SEARCH_PAGE = `query Search($query: String, $filter: CatalogueFilter, $first: Int, $after: String) {
  searchCatalogue(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    countsAreExact
    hits { score cursor archive { id name } record { id referenceCode title year access } }
    pageInfo { hasNextPage endCursor }
    facets { byArchive { archive { id } count } byRegion { count } byCategory { category count } byDecade { decade count } byAccess { access count } }
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

export interface SearchPage extends FederatedPage {
  partial: boolean;
}

export async function searchPage(net: BenchNetwork, variables: Record<string, unknown>): Promise<SearchPage> {
  const page = (await net.gateway(SEARCH_PAGE, variables)).searchCatalogue as SearchPage;
  if (page.partial) throw new Error('partial answer: an archive did not answer');
  if (page.hits.some((hit) => hit.record === null)) throw new Error('a hit without its record');
  return page;
}

export async function searchScenario(net: BenchNetwork, options: SearchOptions): Promise<ScenarioResult> {
  const rows: (RoundsRow & { matches: number | null; counted: string | null; floorRatio?: number | null; sameAnswer?: boolean | null })[] = [];
  const notes: string[] = [];
  const database = new pg.Client({ connectionString: options.databaseUrl });
  await database.connect();
  try {
    for (const clients of [1, 16]) {
      for (const c of SEARCH_CASES) {
        const first = await searchPage(net, c.variables).catch(() => null);
        const requests = clients === 1 ? options.requests : options.concurrentRequests;
        const plan = { clients, requests, maxDurationMs: options.maxDurationMs, warmup: 2 };
        const federated = async () => {
          await searchPage(net, c.variables);
        };
        const counted = { matches: first?.totalCount ?? null, counted: first ? (first.countsAreExact ? 'exact' : 'at least') : null };
        if (clients !== 1) {
          rows.push({ ...(await measureRounds(c.label, plan, options.rounds, federated)), ...counted });
          continue;
        }
        // The floor, side by side with the federated search: alternating rounds of the same run.
        const search = c.variables as unknown as FloorSearch;
        const floorFirst = await floorSearch(database, net.codes, search);
        const differ = first ? differences(floorFirst, federatedAnswer(first)) : null;
        if (differ && differ.length > 0) notes.push(`floor of ${c.label} differs from the federated answer in: ${differ.join(', ')}.`);
        const [viaGateway, floor] = await measurePair(
          [c.label, `${c.label}, floor (one SQL statement)`],
          { ...plan, requests: requests * options.rounds, maxDurationMs: options.maxDurationMs * options.rounds },
          [federated, async () => void (await floorSearch(database, net.codes, search))],
          options.rounds,
        );
        rows.push(
          { ...viaGateway, ...counted, floorRatio: Math.round((viaGateway.p95Ms / floor.p95Ms) * 100) / 100, sameAnswer: differ ? differ.length === 0 : null },
          { ...floor, matches: floorFirst.totalCount, counted: floorFirst.countsAreExact ? 'exact' : 'at least', floorRatio: null, sameAnswer: null },
        );
      }
    }
  } finally {
    await database.end();
  }
  const single = rows.filter((r) => r.clients === 1 && r.floorRatio != null);
  const worstSingle = Math.max(...single.map((r) => r.p95Ms));
  const worstRatio = Math.max(...single.map((r) => r.floorRatio!));
  const provinceOnly = options.provinceScale ? undefined : 'judged at province scale only';
  return {
    scenario: 'search',
    title: `cross-region search (searchCatalogue via the gateway, ${net.codes.length} archives, 20 hits per page)`,
    rows,
    targets: [
      atMost('province-scale search p95 ≤ 300 ms for one client (worst case)', worstSingle, 300, 'ms', options.provinceScale, provinceOnly),
      atMost('federated / floor ≤ 1.5× at p95, one client (worst case)', worstRatio, 1.5, '×', options.provinceScale, provinceOnly),
    ],
    notes: [
      `${options.rounds} rounds per case: p50 and p95 are the medians of the rounds' own, p95 min and max their range.`,
      'floor = one SQL statement over every archive schema in scope from the benchmark process, with the same bounded matches, top 20, total and facets as the federated search (bench/scenarios/search-floor.ts), in rounds alternating with it; floorRatio = federated p95 / floor p95; sameAnswer = the floor gave the federated first page.',
      'matches = totalCount of the first page (what the anonymous public may find); counted "at least" where an archive had more matches than a search examines (countsAreExact false).',
      ...notes,
    ],
  };
}
