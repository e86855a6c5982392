import type { Resolvers } from '../generated/resolvers-types.js';
import { Archive, DirectoryEntry } from './archive.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { Region } from './region.js';
import { searchQuery } from './search.js';
import { snapshotMutation, Statistics, statisticsQuery } from './statistics.js';

export const provinceResolvers: Resolvers = {
  Query: { ...Query, ...searchQuery, ...statisticsQuery },
  Mutation: { ...Mutation, ...snapshotMutation },
  Region,
  Archive,
  DirectoryEntry,
  Statistics,
};
