/**
 * The province schema's migrations, in the order they run, each in its own file; a migration
 * is never edited once applied.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121123834_Directory } from './Migration20261121123834_Directory.js';
import { Migration20261121130204_HoldingsSnapshot } from './Migration20261121130204_HoldingsSnapshot.js';
import { Migration20261121130401_AccessRequests } from './Migration20261121130401_AccessRequests.js';
import { Migration20261205000000_SnapshotTrueFigures } from './Migration20261205000000_SnapshotTrueFigures.js';

/** Every migration of the province schema, oldest first. A new one is appended here. */
export const provinceMigrations: MigrationObject[] = [
  { name: 'Migration20261121123834_Directory', class: Migration20261121123834_Directory },
  { name: 'Migration20261121130204_HoldingsSnapshot', class: Migration20261121130204_HoldingsSnapshot },
  { name: 'Migration20261121130401_AccessRequests', class: Migration20261121130401_AccessRequests },
  { name: 'Migration20261205000000_SnapshotTrueFigures', class: Migration20261205000000_SnapshotTrueFigures },
];
