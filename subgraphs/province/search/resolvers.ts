/** 跨馆检索: the thin resolver over search.ts. */
import type { ProvinceContext } from '../context.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { searchCatalogue } from './search.js';

/** Names the archives that did not answer, for the ARCHIVE_UNAVAILABLE errors of this response. */
export function reportUnavailable(ctx: ProvinceContext, reasons: Iterable<[string, string]>): void {
  for (const [archive, reason] of reasons) ctx.unavailableArchives.set(archive, reason);
}

export const searchQuery: Pick<QueryResolvers, 'searchCatalogue'> = {
  searchCatalogue: async (_root, args, ctx) => {
    const active = await ctx.directory.list();
    const result = await searchCatalogue(ctx.crossRegion.shardSearch, ctx.regions, active, ctx.identity, args, ctx.crossRegion.searchMatchBudget);
    reportUnavailable(ctx, result.unavailableReasons);
    ctx.crossRegion.search?.answered(result.partial);
    return result;
  },
};
