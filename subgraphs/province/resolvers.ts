import type { Resolvers } from './generated/resolvers-types.js';
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
} from './access-requests/resolvers.js';
import { Archive, DirectoryEntry } from './directory/archive-resolvers.js';
import { Mutation } from './directory/mutation-resolvers.js';
import { Query } from './directory/query-resolvers.js';
import { Region } from './directory/region-resolvers.js';
import { searchQuery } from './search/resolvers.js';
import { snapshotMutation, Statistics, statisticsQuery } from './statistics/resolvers.js';

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
