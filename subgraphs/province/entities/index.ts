/**
 * The province's tables as MikroORM entities, one file per table: the region tree, the network
 * directory and its version, the yearly holdings snapshots, and access requests with their
 * transitions. All live in the province's own schema.
 */
import { AccessRequestTransitionEntity } from './access-request-transition.js';
import { AccessRequestEntity } from './access-request.js';
import { DirectoryEntryEntity } from './directory-entry.js';
import { DirectoryVersionEntity } from './directory-version.js';
import { HoldingsSnapshotEntity } from './holdings-snapshot.js';
import { RegionEntity } from './region.js';

export * from './directory-entry.js';
export * from './directory-version.js';
export * from './holdings-snapshot.js';
export * from './region.js';
export * from './access-request.js';
export * from './access-request-transition.js';

// Each file declares one table with MikroORM's defineEntity: the declarations share that
// shape, and differ in their columns.
export const provinceEntities = [RegionEntity, DirectoryEntryEntity, DirectoryVersionEntity, HoldingsSnapshotEntity, AccessRequestEntity, AccessRequestTransitionEntity];
