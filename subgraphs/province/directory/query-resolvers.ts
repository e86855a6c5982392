/** The directory's root fields: regions of the province, its archives and the shard directory. */
import type { QueryResolvers } from '../generated/resolvers-types.js';

export const Query: QueryResolvers = {
  region: (_root, { code }, { regions }) => regions.find(code),
  regions: (_root, { level }, { regions }) => regions.list(level),
  province: (_root, _args, { regions }) => regions.root,
  archives: (_root, { region, status, includeRetired }, { directory }) =>
    directory.list({ region, status, includeRetired }),
  shardDirectory: (_root, _args, { directory }) => directory.shardDirectory(),
};
