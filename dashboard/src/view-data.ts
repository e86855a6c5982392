/**
 * The shape of the DashboardView answer (dashboard/operations/DashboardView.graphql). The
 * typed client (client/, issue "A typed client for developers") will generate it from the
 * document; until it lands, this is the one place that spells it out.
 */
export type Measure =
  | 'OPEN_RATE'
  | 'DIGITISATION_RATE'
  | 'ITEM_LEVEL_CATALOGUE_RATE'
  | 'HOLDINGS'
  | 'OPEN'
  | 'DIGITISED'
  | 'VISITORS'
  | 'ITEMS_PROVIDED';

export interface Counters {
  fonds: number;
  files: number;
  items: number;
  holdings: number;
  openFiles: number;
  openItems: number;
  open: number;
  itemLevelCatalogued: number;
  digitised: number;
  digitalPages: number;
  digitalBytes: number;
  electronic: number;
  visitors: number;
  itemsProvided: number;
  exhibitions: number;
  exhibitionVisitors: number;
  compilations: number;
  compilationCharacters: number;
}

export interface Rates {
  openRate: number | null;
  digitisationRate: number | null;
  itemLevelCatalogueRate: number | null;
}

export interface RegionRef {
  code: string;
  name: string;
  level?: 'PROVINCE' | 'CITY' | 'COUNTY';
}

export interface Ranked {
  rank: number;
  archive: { id: string; name: string };
  holdings: number;
  value: number | null;
}

export interface RequestCounts {
  received: number;
  submitted: number;
  fulfilled: number;
  rejected: number;
  open: number;
  overdue: number;
  medianTurnaroundWorkingDays: number | null;
  deadlineWorkingDays: number;
  byRegion: { region: { code: string }; received: number; fulfilled: number; overdue: number }[];
}

export interface ViewStatistics {
  region: RegionRef & { parent: (RegionRef & { parent: RegionRef | null }) | null };
  totals: Counters;
  rates: Rates;
  targets: { target: 'ADMINISTRATIVE_OPEN_RATE' | 'DIGITISATION_RATE' | 'ITEM_LEVEL_CATALOGUE_RATE'; threshold: number; value: number | null; met: boolean }[];
  byRegion: {
    region: RegionRef;
    archives: number;
    totals: Counters;
    rates: Rates;
    byCategory: { category: string; totals: { holdings: number; open: number } }[];
  }[];
  byCategory: { category: string; totals: { files: number; items: number; holdings: number; open: number }; rates: { openRate: number | null } }[];
  byPeriod: { period: 'BEFORE_1949' | 'SINCE_1949'; totals: { files: number; items: number; holdings: number; open: number } }[];
  archives: { archive: { id: string; name: string; level: string; region: { code: string } }; asOf: string; totals: Counters; rates: Rates }[];
  best: Ranked[];
  last: Ranked[];
  coverage: {
    partial: boolean;
    archives: number;
    contributed: number;
    unavailable: { id: string; name: string }[];
    stale: { id: string; name: string }[];
    asOf: string | null;
  };
  series: {
    year: number;
    archives: number;
    holdings: number;
    holdingsGrowth: number | null;
    open: number;
    newlyOpened: number | null;
    digitised: number;
    newlyDigitised: number | null;
  }[];
  accessRequests: RequestCounts | null;
}

export interface DashboardViewData {
  statistics: ViewStatistics | null;
}
