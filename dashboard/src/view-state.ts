/**
 * What a view shows, kept in the page's URL so that a view can be bookmarked, shared, and
 * left with the browser's back button: `?region=360100&rank=DIGITISATION_RATE`.
 */
import type { Measure } from './view-data.js';

export const RANK_MEASURES: readonly Measure[] = ['OPEN_RATE', 'DIGITISATION_RATE', 'ITEM_LEVEL_CATALOGUE_RATE', 'HOLDINGS', 'OPEN', 'DIGITISED', 'VISITORS', 'ITEMS_PROVIDED'];

export interface ViewState {
  /** A region code; null for the province. */
  region: string | null;
  rankBy: Measure;
}

export function viewFromUrl(url: URL): ViewState {
  const region = url.searchParams.get('region');
  const rank = url.searchParams.get('rank') as Measure | null;
  return {
    region: region && /^\d{6}$/.test(region) ? region : null,
    rankBy: rank && RANK_MEASURES.includes(rank) ? rank : 'OPEN_RATE',
  };
}

export function urlOf(view: ViewState, base: URL): string {
  const url = new URL(base.pathname, base);
  if (view.region) url.searchParams.set('region', view.region);
  if (view.rankBy !== 'OPEN_RATE') url.searchParams.set('rank', view.rankBy);
  for (const keep of ['refresh']) {
    const value = base.searchParams.get(keep);
    if (value !== null) url.searchParams.set(keep, value);
  }
  return url.pathname + url.search;
}

/** Seconds between refreshes: `?refresh=` (at least 10), a minute by default. */
export function refreshSeconds(url: URL): number {
  const given = Number(url.searchParams.get('refresh'));
  return Number.isFinite(given) && given >= 10 ? given : 60;
}
