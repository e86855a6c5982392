/**
 * The shape of the DashboardView answer, as the typed client (lantai/client) generates it
 * from dashboard/operations/DashboardView.graphql.
 */
import type { DashboardViewQuery, StatisticsMeasure } from '../../client/index.js';

export type Measure = Extract<
  StatisticsMeasure,
  'OPEN_RATE' | 'DIGITISATION_RATE' | 'ITEM_LEVEL_CATALOGUE_RATE' | 'HOLDINGS' | 'OPEN' | 'DIGITISED' | 'VISITORS' | 'ITEMS_PROVIDED'
>;

// Null when the province does not answer; fetchView turns that into FiguresUnavailable.
export type ViewStatistics = NonNullable<DashboardViewQuery['statistics']>;
export type Counters = ViewStatistics['totals'];
export type Rates = ViewStatistics['rates'];
