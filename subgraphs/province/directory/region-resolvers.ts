/** A region (行政区划) of the province's tree, answered from memory, with the archives below it. */
import type { RegionResolvers } from '../generated/resolvers-types.js';

export const Region: RegionResolvers = {
  __resolveReference: (reference, { regions }) => regions.get(reference.code) ?? null,
  parent: (region, _args, { regions }) => regions.parentOf(region),
  children: (region, _args, { regions }) => regions.childrenOf(region),
  archives: async (region, { status }, { loaders }) => {
    const entries = await loaders.archivesBelow.load(region.code);
    return status ? entries.filter((entry) => entry.status === status) : entries;
  },
};

