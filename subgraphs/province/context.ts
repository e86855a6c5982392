/**
 * What every request to the province subgraph carries: the verified caller, its own
 * EntityManager fork, the services over it, and DataLoaders made for this request only.
 */
import DataLoader from 'dataloader';
import type { Identity } from '../../protocol/identity.js';
import type { ProvinceEntityManager, ProvinceOrm } from './database.js';
import type { DirectoryEntryRow } from './entities/index.js';
import { AccessRequests, type AccessRequestSettings, type RecordGrantor } from './access-requests/access-requests.js';
import { Directory } from './directory/directory.js';
import type { RegionTree } from './directory/regions.js';
import type { DirectorySnapshot } from './directory/snapshot.js';
import type { SearchMetrics } from './cross-region-metrics.js';
import type { Scatter } from './scatter.js';
import type { ShardSearch } from './search/shard-search.js';
import { RequestCounts } from './statistics/request-counts.js';
import type { StatisticsService } from './statistics/statistics.js';

/** The services that span archives, shared by every request of a server. */
export interface CrossRegionServices {
  scatter: Scatter;
  /** The query phase of catalogue search, with the cache of the archives' answers in front of it. */
  shardSearch: ShardSearch;
  statistics: StatisticsService;
  /** Stores read grants in holding archives when access requests are fulfilled. */
  recordGrantor: RecordGrantor;
  accessRequestSettings: AccessRequestSettings;
  /** Matches one catalogue search examines, shared among the archives in scope. */
  searchMatchBudget: number;
  /** Where catalogue searches are counted (partial answers). */
  search?: SearchMetrics;
}

export interface ProvinceContext {
  identity: Identity;
  regions: RegionTree;
  directory: Directory;
  /** This request's EntityManager (the directory's own is private to it). */
  em: ProvinceEntityManager;
  crossRegion: CrossRegionServices;
  /**
   * Archives that did not answer a scatter of this request, with the reason: each becomes an
   * ARCHIVE_UNAVAILABLE error beside the data, which still comes.
   */
  unavailableArchives: Map<string, string>;
  /** 异地查档: access requests over this request's EntityManager. */
  accessRequests: AccessRequests;
  /** 异地查档统计: counts of access requests by region, over this request's EntityManager. */
  requestCounts: RequestCounts;
  loaders: {
    /** Directory entries by archive code; null for a code the directory does not know. */
    archive: DataLoader<string, DirectoryEntryRow | null>;
    /** Active entries in a region or any region below it, by region code. */
    archivesBelow: DataLoader<string, DirectoryEntryRow[]>;
  };
}

export function createProvinceContext(
  orm: ProvinceOrm,
  regions: RegionTree,
  identity: Identity,
  crossRegion: CrossRegionServices,
  directorySnapshot: DirectorySnapshot,
): ProvinceContext {
  const directory = new Directory(orm.em.fork(), regions, directorySnapshot);
  const em = orm.em.fork();
  const accessRequests = new AccessRequests(em, crossRegion.recordGrantor, crossRegion.accessRequestSettings);
  return {
    identity,
    regions,
    directory,
    em,
    crossRegion,
    unavailableArchives: new Map(),
    accessRequests,
    requestCounts: new RequestCounts(em, accessRequests.deadlineWorkingDays),
    loaders: {
      archive: new DataLoader((codes) => directory.entriesByCode(codes)),
      archivesBelow: new DataLoader((codes) => directory.activeEntriesBelow(codes)),
    },
  };
}
