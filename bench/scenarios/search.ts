/**
 * Scenario 2, cross-region search (跨馆检索) through the gateway, as a portal would call it:
 * one page of hits with the fields a result list shows, fetched from the archives that hold
 * them, with the facets. A two-character query (many matches), a four-character one, and a
 * filtered one; one client, then 16 concurrent clients; then 16 clients searching a written-down
 * mix of popular, less frequent and rare words (search-mix.ts), as a public catalogue is searched.
 *
 * The province caches search answers (never stale, subgraphs/province/search/answer-cache.ts),
 * so with the cache on a repeated search is answered from it: the one-client cases and their
 * floor ratio speak of the federation's own cost only in a run with `--search-cache off`, and
 * are judged only there; the mix is judged with the cache on, as the network runs.
 */
import pg from 'pg';
import { measurePair, measureRounds, runLoad, summariseRounds, type RawRun, type RoundsRow } from '../measure.js';
import type { BenchNetwork } from '../network.js';
import { atLeast, atMost, type ScenarioResult } from '../report.js';
import { ARCHIVE_CONNECTION_OPTIONS } from '../../subgraphs/archive/database.js';
import { differences, federatedAnswer, floorSearch, type FederatedPage, type FloorSearch } from './search-floor.js';
import { searchMix } from './search-mix.js';

export interface SearchOptions {
  requests: number;
  concurrentRequests: number;
  /** Time without a search before each of the three searches after a lull. */
  lullMs: number;
  maxDurationMs: number;
  /** Rounds of each case (at least three): the figures are the medians of the rounds'. */
  rounds: number;
  /** Whether this is the province-scale network the target speaks of. */
  provinceScale: boolean;
  /** The network's database, which the floor case queries directly from this process. */
  databaseUrl: string;
  /** Whether the province caches search answers in this run (`--search-cache`). */
  searchCache: boolean;
  /**
   * Called when every case a target judges is measured, before the lulls: the bench stops
   * probing the CPU's speed there (cpu-speed.ts). Idle for seconds on purpose, the cores may be
   * slowed by the host, which says nothing of the searches the targets judge.
   */
  targetsMeasured?: () => Promise<unknown>;
}

/** The province's cache counters, from its /metrics, or null when it has none (cache off). */
async function cacheCounters(net: BenchNetwork): Promise<{ hits: number; misses: number } | null> {
  const text = await (await fetch(new URL('/metrics', net.network.provinceUrl))).text();
  const counter = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
    return line ? Number(line.split(' ').at(-1)) : null;
  };
  const hits = counter('lantai_search_cache_hits_total');
  const misses = counter('lantai_search_cache_misses_total');
  return hits === null || misses === null ? null : { hits, misses };
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

const MIX_LABEL = '16 clients, mix of popular and rare words';

/** Words that no other case and not the mix asks for, so that the cache cannot answer them: each search goes to every archive. */
const LULL_WORDS = ['防汛抗旱', '粮食收购', '城市规划'] as const;

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
  const rows: (RoundsRow & { matches: number | null; counted: string | null; floorRatio?: number | null; sameAnswer?: boolean | null; cacheHitShare?: number | null })[] = [];
  const notes: string[] = [];
  // Read as the archive hosts read, so that the floor examines the same matches (ARCHIVE_CONNECTION_OPTIONS).
  const database = new pg.Client({ connectionString: options.databaseUrl, options: ARCHIVE_CONNECTION_OPTIONS });
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
    // Many people at once: the mix, its searches continuing from round to round (a rare word
    // is asked in one round only), with the share of archive answers the cache gave.
    const next = searchMix();
    const before = await cacheCounters(net);
    // Twice the fixed cases' requests a round: the mix has more to show (cold words, rare ones).
    const mixPlan = { clients: 16, requests: options.concurrentRequests * 2, maxDurationMs: options.maxDurationMs, warmup: 0 };
    const mixed = await measureRounds(MIX_LABEL, mixPlan, options.rounds, async () => {
      await searchPage(net, next());
    });
    const after = await cacheCounters(net);
    const answered = before && after ? after.hits - before.hits + (after.misses - before.misses) : 0;
    rows.push({ ...mixed, matches: null, counted: null, cacheHitShare: before && after && answered > 0 ? Math.round(((after.hits - before.hits) / answered) * 100) / 100 : null });
    await options.targetsMeasured?.();
    // A quiet catalogue: one search of a word not asked before, after the network has had none
    // for a while, three times. Each round is one search; its time is what the first visitor
    // after a quiet spell waits.
    const lull: RawRun[] = [];
    for (const query of LULL_WORDS) {
      await new Promise((resolve) => setTimeout(resolve, options.lullMs));
      lull.push(await runLoad({ clients: 1, requests: 1, maxDurationMs: options.maxDurationMs, warmup: 0 }, async () => void (await searchPage(net, { query, first: 20 }))));
    }
    rows.push({ ...summariseRounds(`one client, a word not asked before, after ${options.lullMs / 1000} s without a search`, 1, lull), matches: null, counted: null });
  } finally {
    await database.end();
  }
  const single = rows.filter((r) => r.clients === 1 && r.floorRatio != null);
  const worstSingle = Math.max(...single.map((r) => r.p95Ms));
  const worstRatio = Math.max(...single.map((r) => r.floorRatio!));
  const mix = rows.find((r) => r.label === MIX_LABEL)!;
  const provinceOnly = options.provinceScale ? undefined : 'judged at province scale only';
  const uncachedOnly = options.searchCache ? 'judged with --search-cache off: with the cache on, a repeated search is answered from it' : undefined;
  const cachedOnly = options.searchCache ? undefined : 'judged with the search cache on, as the network runs';
  return {
    scenario: 'search',
    title: `cross-region search (searchCatalogue via the gateway, ${net.codes.length} archives, 20 hits per page)`,
    rows,
    targets: [
      atMost('province-scale search p95 ≤ 150 ms for one client (worst case)', worstSingle, 150, 'ms', options.provinceScale && !options.searchCache, provinceOnly ?? uncachedOnly),
      atMost('federated / floor ≤ 1.5× at p95, one client (worst case)', worstRatio, 1.5, '×', options.provinceScale && !options.searchCache, provinceOnly ?? uncachedOnly),
      atLeast('16 clients searching the mix ≥ 30 searches/s', mix.throughputPerSecond, 30, '/s', options.provinceScale && options.searchCache, provinceOnly ?? cachedOnly),
      atMost('16 clients searching the mix, p95 ≤ 1 s', mix.p95Ms, 1000, 'ms', options.provinceScale && options.searchCache, provinceOnly ?? cachedOnly),
    ],
    notes: [
      `${options.rounds} rounds per case: p50 and p95 are the medians of the rounds' own, p95 min and max their range.`,
      'floor = one SQL statement over every archive schema in scope from the benchmark process, with the same bounded matches, top 20, total and facets as the federated search (bench/scenarios/search-floor.ts), in rounds alternating with it; floorRatio = federated p95 / floor p95; sameAnswer = the floor gave the federated first page.',
      'matches = totalCount of the first page (what the anonymous public may find); counted "at least" where an archive had more matches than a search examines (countsAreExact false).',
      `search cache ${options.searchCache ? 'on (LANTAI_SEARCH_CACHE_BYTES default)' : 'off (--search-cache off)'}.`,
      'mix = 16 clients searching bench/scenarios/search-mix.ts (50 % five popular words, 10 % a popular word with a filter, 20 % 24 less frequent words, 20 % a person\'s name drawn afresh), continuing from round to round; cacheHitShare = archive answers the province served from its cache during it.',
      `after a lull = three searches of words no other case asks (${LULL_WORDS.join(', ')}), each after ${options.lullMs / 1000} s without a search: what the first visitor after a quiet spell waits (no target).`,
      ...notes,
    ],
  };
}
