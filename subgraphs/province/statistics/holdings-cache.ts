/**
 * The province's cache of each archive's holdings summary, so that a dashboard never waits
 * on a hundred shards: per archive, with a time-to-live, served stale while a background
 * refresh runs (stale-while-revalidate). One summary per archive serves every caller: the
 * annual report's grains are true for every role (see `seesFinerHoldings`), and the finer
 * breakdown by year is not fetched.
 */
import { readFileSync } from 'node:fs';
import type { Identity } from '../../../protocol/identity.js';
import type { DirectoryEntryRow } from '../entities/index.js';
import type { Category, StatisticsPeriod } from '../generated/resolvers-types.js';
import type { CountersFragment, HoldingsQuery, HoldingsQueryVariables } from '../generated/shard-operations.js';
import type { Scatter, ShardOutcome } from '../scatter.js';

export const COUNTER_NAMES = [
  'fonds', 'files', 'items', 'openFiles', 'openItems', 'fileLevelEntries', 'itemLevelEntries', 'itemLevelCatalogued',
  'digitised', 'digitalPages', 'digitalBytes', 'electronic', 'visitors', 'itemsProvided', 'exhibitions',
  'exhibitionVisitors', 'compilations', 'compilationCharacters',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type HoldingsCounters = Record<CounterName, number>;

/** One archive's holdings as its shard reports them (the contract's Holdings, without byYear). */
export interface HoldingsSummary {
  archive: string;
  asOf: string;
  complete: boolean;
  total: HoldingsCounters;
  byCategory: { category: Category; counters: HoldingsCounters }[];
  byPeriod: { period: StatisticsPeriod; counters: HoldingsCounters }[];
}

/**
 * Whom the province is when it fetches figures: a service, not a person. An archive still
 * running the older rule gave the public counters of open records only; asked as this reader,
 * it gives its true figures too.
 */
export const COMPLETE_HOLDINGS_READER: Identity = Object.freeze({ role: 'admin', sub: 'lantai-province-statistics' });

export const HOLDINGS_QUERY = readFileSync(new URL('./holdings.graphql', import.meta.url), 'utf8');

// The counters holdings.graphql asks for are exactly COUNTER_NAMES: a counter in one and not
// in the other fails the type check here.
const countersMatch: [Exclude<keyof Omit<CountersFragment, '__typename'>, CounterName>, Exclude<CounterName, keyof CountersFragment>] extends [never, never]
  ? true
  : false = true;
void countersMatch;

function holdingsOf(data: Record<string, unknown>): HoldingsSummary {
  // Typed as the contract's answer, so that its enums and counters must fit HoldingsSummary.
  const summary: HoldingsSummary | undefined = (data as Partial<HoldingsQuery>).holdings;
  if (!summary || typeof summary.asOf !== 'string' || !summary.total || !Array.isArray(summary.byCategory)) {
    throw new Error('no holdings');
  }
  return summary;
}

export interface CachedHoldings {
  archive: DirectoryEntryRow;
  summary: HoldingsSummary;
  /** Older than the time-to-live: served while a refresh runs. */
  stale: boolean;
  /** Why the archive's last refresh failed, while it keeps failing; its figures are the last it gave. */
  refreshFailure?: string;
}

export interface HoldingsLookup {
  figures: CachedHoldings[];
  unavailable: { archive: DirectoryEntryRow; reason: string }[];
}

export interface HoldingsCacheOptions {
  /**
   * How long fetched figures are fresh, in milliseconds (LANTAI_STATISTICS_TTL_MS).
   * @default 300000
   */
  ttlMs?: number;
  /**
   * Timeout of one archive's holdings call (LANTAI_STATISTICS_TIMEOUT_MS): longer than a
   * search's, since a large archive takes more than a second to count, and a dashboard would
   * rather wait once than show partial figures.
   * @default the scatter's timeout
   */
  timeoutMs?: number;
  now?: () => number;
  /** Where hits, misses and the age of served figures are counted. */
  metrics?: HoldingsCacheMetrics;
}

/** What the cache reports of each lookup, for the province's metrics (cross-region-metrics.ts). */
export interface HoldingsCacheMetrics {
  /** One archive's figures served from the cache, `ageMs` after the archive gave them. */
  hit(ageMs: number, stale: boolean): void;
  /** One archive's figures not in the cache, fetched before the answer. */
  miss(): void;
}

interface Entry {
  summary: HoldingsSummary;
  fetchedAt: number;
}

/** How long cached figures are fresh when LANTAI_STATISTICS_TTL_MS is unset. */
export const DEFAULT_STATISTICS_TTL_MS = 300_000;
/** How long one archive's holdings call may take when LANTAI_STATISTICS_TIMEOUT_MS is unset. */
export const DEFAULT_STATISTICS_TIMEOUT_MS = 8000;

export class HoldingsCache {
  readonly ttlMs: number;
  readonly timeoutMs: number | undefined;
  readonly #scatter: Scatter;
  readonly #now: () => number;
  readonly #metrics: HoldingsCacheMetrics | undefined;
  readonly #entries = new Map<string, Entry>();
  readonly #refreshing = new Set<Promise<unknown>>();
  readonly #inFlight = new Map<string, Promise<ShardOutcome<HoldingsSummary>>>();
  readonly #failures = new Map<string, string>();

  constructor(scatter: Scatter, options: HoldingsCacheOptions = {}) {
    this.#scatter = scatter;
    this.ttlMs = options.ttlMs ?? DEFAULT_STATISTICS_TTL_MS;
    this.timeoutMs = options.timeoutMs;
    this.#now = options.now ?? Date.now;
    this.#metrics = options.metrics;
  }

  /**
   * The figures of each archive: fresh ones from the cache, stale ones from the cache while
   * they are refreshed in the background, missing ones fetched now (all at once, within the
   * scatter's concurrency limit).
   */
  async lookup(archives: readonly DirectoryEntryRow[]): Promise<HoldingsLookup> {
    const figures: CachedHoldings[] = [];
    const missing: DirectoryEntryRow[] = [];
    const toRefresh: DirectoryEntryRow[] = [];
    for (const archive of archives) {
      const entry = this.#entries.get(cacheKey(archive));
      if (!entry) {
        missing.push(archive);
        this.#metrics?.miss();
        continue;
      }
      const ageMs = this.#now() - entry.fetchedAt;
      const stale = ageMs >= this.ttlMs;
      this.#metrics?.hit(ageMs, stale);
      if (stale) toRefresh.push(archive);
      const refreshFailure = stale ? this.#failures.get(cacheKey(archive)) : undefined;
      figures.push({ archive, summary: entry.summary, stale, ...(refreshFailure ? { refreshFailure } : {}) });
    }
    // One scatter for all, so the refresh keeps the scatter's concurrency limit.
    if (toRefresh.length > 0) this.#inBackground(this.fetch(toRefresh));
    const unavailable: HoldingsLookup['unavailable'] = [];
    const fetched = missing.length > 0 ? await this.fetch(missing) : [];
    for (const outcome of fetched) {
      if (outcome.ok) figures.push({ archive: outcome.archive, summary: outcome.data, stale: false });
      else unavailable.push({ archive: outcome.archive, reason: outcome.reason });
    }
    figures.sort((a, b) => (a.archive.id < b.archive.id ? -1 : 1));
    return { figures, unavailable };
  }

  /**
   * Fetches the figures of each archive now, and caches those that came. An archive whose
   * fetch is already in flight (another request's) is joined, not asked again, so concurrent
   * cold requests fan out once.
   */
  fetch(archives: readonly DirectoryEntryRow[]): Promise<ShardOutcome<HoldingsSummary>[]> {
    const toAsk = archives.filter((archive) => !this.#inFlight.has(cacheKey(archive)));
    if (toAsk.length > 0) {
      const batch = this.#gather(toAsk);
      for (const [index, archive] of toAsk.entries()) {
        const key = cacheKey(archive);
        const one = batch.then((outcomes) => outcomes[index]!);
        this.#inFlight.set(key, one);
        void one.finally(() => this.#inFlight.delete(key)).catch(() => undefined);
      }
    }
    return Promise.all(archives.map((archive) => this.#inFlight.get(cacheKey(archive))!));
  }

  async #gather(archives: readonly DirectoryEntryRow[]): Promise<ShardOutcome<HoldingsSummary>[]> {
    const outcomes = await this.#scatter.gather(
      archives,
      COMPLETE_HOLDINGS_READER,
      (archive) => ({ query: HOLDINGS_QUERY, operationName: 'Holdings', variables: { archive: archive.id } satisfies HoldingsQueryVariables }),
      holdingsOf,
      { timeoutMs: this.timeoutMs },
    );
    const fetchedAt = this.#now();
    return outcomes.map((outcome) => {
      const key = cacheKey(outcome.archive);
      // The archive says whether its figures include records not open; partial ones are never served as true.
      const checked =
        outcome.ok && outcome.data.complete !== true
          ? { archive: outcome.archive, ok: false as const, reason: 'answered with counters of open records only' }
          : outcome;
      if (!checked.ok) {
        this.#failures.set(key, checked.reason);
        return checked;
      }
      this.#failures.delete(key);
      this.#entries.set(key, { summary: checked.data, fetchedAt });
      return checked;
    });
  }

  /** Waits for the background refreshes running now (for tests and orderly shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#refreshing]);
  }

  #inBackground(refresh: Promise<unknown>): void {
    const settled = refresh.catch(() => undefined).finally(() => this.#refreshing.delete(settled));
    this.#refreshing.add(settled);
  }
}

function cacheKey(archive: DirectoryEntryRow): string {
  return `${archive.id}|${archive.endpoint}`;
}
