import type { Resolvers } from '../generated/resolvers-types.js';
import {
  AccessGrant,
  AccessRequest,
  AccessRequestConnection,
  accessRequestMutation,
  accessRequestQuery,
  AccessRequestTransition,
  archiveRequests,
  DeliveredCopy,
  statisticsRequests,
} from './access-requests.js';
import { Archive, DirectoryEntry } from './archive.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { Region } from './region.js';
import { searchQuery } from './search.js';
import { snapshotMutation, Statistics, statisticsQuery } from './statistics.js';

export const provinceResolvers: Resolvers = {
  Query: { ...Query, ...searchQuery, ...statisticsQuery, ...accessRequestQuery },
  Mutation: { ...Mutation, ...snapshotMutation, ...accessRequestMutation },
  Region,
  Archive: { ...Archive, ...archiveRequests },
  DirectoryEntry,
  Statistics: { ...Statistics, ...statisticsRequests },
  AccessRequest,
  AccessRequestTransition,
  AccessRequestConnection,
  DeliveredCopy,
  AccessGrant,
};
