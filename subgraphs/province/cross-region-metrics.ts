/**
 * The province's metrics of its cross-region answers: how often the holdings cache (statistics)
 * serves figures it holds, fresh or stale, and how old they are; how often it must ask the
 * archives first; and how many catalogue searches answer without some archives.
 */
import type { ServiceMetrics } from '../../protocol/metrics.js';
import type { HoldingsCacheMetrics } from './statistics/holdings-cache.js';

/** Ages of cached figures, in seconds: up to a day, around the default five-minute time-to-live. */
const AGE_SECONDS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 21600, 86400];

export interface SearchMetrics {
  /** One catalogue search answered; `partial` when some archives in scope did not answer. */
  answered(partial: boolean): void;
}

export function holdingsCacheMetrics(metrics: ServiceMetrics): HoldingsCacheMetrics {
  const hits = metrics.counter('lantai_holdings_cache_hits_total', 'Archives whose holdings figures the statistics cache served, by whether they were fresh or stale.', ['state']);
  const misses = metrics.counter('lantai_holdings_cache_misses_total', 'Archives whose holdings figures the statistics cache did not hold and fetched first.', []);
  const age = metrics.histogram(
    'lantai_holdings_cache_served_age_seconds',
    'Age of the holdings figures the statistics cache served (time since the archive gave them).',
    [],
    AGE_SECONDS,
  );
  return {
    hit(ageMs, stale) {
      hits.inc({ state: stale ? 'stale' : 'fresh' });
      age.observe(ageMs / 1000);
    },
    miss() {
      misses.inc();
    },
  };
}

export function searchMetrics(metrics: ServiceMetrics): SearchMetrics {
  const partial = metrics.counter('lantai_search_partial_answers_total', 'Catalogue searches answered without some archives in scope (named as ARCHIVE_UNAVAILABLE).', []);
  return {
    answered(isPartial) {
      if (isPartial) partial.inc();
    },
  };
}
