import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RegionEntity } from './region.js';

export const DIRECTORY_STATUSES = ['UP', 'DOWN', 'UNKNOWN'] as const;
export type DirectoryStatus = (typeof DIRECTORY_STATUSES)[number];

export const ARCHIVE_LEVELS = ['PROVINCE', 'CITY', 'COUNTY'] as const;
export type ArchiveLevel = (typeof ARCHIVE_LEVELS)[number];

/**
 * An archive's entry in the network directory (名录). A retired entry is kept (retired_at set)
 * so that its history stays readable; only entries without retired_at are routed.
 */
export const DirectoryEntryEntity = defineEntity({
  name: 'DirectoryEntry',
  tableName: 'directory_entry',
  schema: 'province',
  properties: {
    /** The archive code (GB/T 2260): the Archive entity's id. */
    id: p.string().length(6).primary().fieldName('code'),
    name: p.string(),
    level: p.enum(ARCHIVE_LEVELS),
    region: () => p.manyToOne(RegionEntity).fieldName('region_code').index(),
    endpoint: p.text(),
    status: p.enum(DIRECTORY_STATUSES).default('UNKNOWN'),
    lastSeenAt: p.datetime().nullable(),
    contractVersion: p.string().nullable(),
    registeredAt: p.datetime(),
    retiredAt: p.datetime().nullable(),
  },
});

export type DirectoryEntryRow = InferEntity<typeof DirectoryEntryEntity>;
