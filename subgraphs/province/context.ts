/**
 * What every request to the province subgraph carries: the verified caller, its own
 * EntityManager fork, the services over it, and DataLoaders made for this request only.
 */
import DataLoader from 'dataloader';
import type { Identity } from '../../protocol/identity.js';
import type { ProvinceOrm } from './database.js';
import type { DirectoryEntryRow } from './entities/index.js';
import { Directory } from './services/directory.js';
import type { RegionTree } from './services/regions.js';

export interface ProvinceContext {
  identity: Identity;
  regions: RegionTree;
  directory: Directory;
  loaders: {
    /** Directory entries by archive code; null for a code the directory does not know. */
    archive: DataLoader<string, DirectoryEntryRow | null>;
    /** Active entries in a region or any region below it, by region code. */
    archivesBelow: DataLoader<string, DirectoryEntryRow[]>;
  };
}

export function createProvinceContext(orm: ProvinceOrm, regions: RegionTree, identity: Identity): ProvinceContext {
  const directory = new Directory(orm.em.fork(), regions);
  return {
    identity,
    regions,
    directory,
    loaders: {
      archive: new DataLoader((codes) => directory.entriesByCode(codes)),
      archivesBelow: new DataLoader((codes) => directory.activeEntriesBelow(codes)),
    },
  };
}
