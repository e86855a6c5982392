import type { ArchiveResolvers, DirectoryEntryResolvers } from '../generated/resolvers-types.js';
import { isRetired } from './directory.js';

/** The province's part of the Archive entity, answered from the directory alone. */
export const Archive: ArchiveResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.archive.load(reference.id),
  region: (entry, _args, { regions }) => regions.get(entry.region.code)!,
  directory: (entry) => entry,
};

export const DirectoryEntry: DirectoryEntryResolvers = {
  lastSeenAt: (entry) => entry.lastSeenAt?.toISOString() ?? null,
  registeredAt: (entry) => entry.registeredAt.toISOString(),
  retired: (entry) => isRetired(entry),
  retiredAt: (entry) => entry.retiredAt?.toISOString() ?? null,
};
