/**
 * The province subgraph's resolvers, merged from its features: the directory and region tree
 * (directory/), cross-region search (search/), statistics (statistics/) and access requests
 * (access-requests/). Each feature's resolvers are thin: they check arguments and call the
 * feature's service.
 */
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
  Statistics,
  AccessRequest,
  AccessRequestTransition,
  AccessRequestConnection,
  DeliveredCopy,
  AccessGrant,
};
