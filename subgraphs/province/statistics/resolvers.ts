/** 馆藏统计: thin resolvers over statistics.ts, the yearly snapshot (年报快照) and the counts of access requests (request-counts.ts). */
import { regionContains } from '../../../protocol/regions.js';
import type { MutationResolvers, QueryResolvers, StatisticsResolvers } from '../generated/resolvers-types.js';
import {
  byChildRegion,
  counterView,
  coverageOf,
  ranking,
  ratesOf,
  regionByCategory,
  regionByPeriod,
  regionTargets,
  targetChecks,
  totalsOf,
} from './statistics.js';
import { reportUnavailable } from '../search/resolvers.js';

export const statisticsQuery: Pick<QueryResolvers, 'statistics'> = {
  statistics: async (_root, { region, year }, ctx) => {
    const active = await ctx.directory.list();
    const figures = await ctx.crossRegion.statistics.statistics(ctx.em, ctx.regions, active, ctx.identity, { region, year });
    reportUnavailable(ctx, figures.unavailable.map(({ archive, reason }) => [archive.id, reason]));
    reportUnavailable(
      ctx,
      figures.figures
        .filter((f) => f.refreshFailure)
        .map(({ archive, refreshFailure, summary }) => [archive.id, `${refreshFailure}; its figures are as of ${summary.asOf}`]),
    );
    return figures;
  },
};

export const snapshotMutation: Pick<MutationResolvers, 'snapshotYear'> = {
  snapshotYear: async (_root, { year }, ctx) => {
    const active = await ctx.directory.list();
    const snapshot = await ctx.crossRegion.statistics.snapshotYear(ctx.em, active, ctx.identity, year);
    reportUnavailable(ctx, snapshot.unavailableReasons);
    return snapshot;
  },
};

export const Statistics: StatisticsResolvers = {
  region: (figures) => figures.region,
  year: (figures) => figures.year,
  totals: (figures) => totalsOf(figures),
  rates: (figures) => ratesOf(totalsOf(figures)),
  targets: (figures) => regionTargets(figures),
  byRegion: (figures) => byChildRegion(figures),
  byCategory: (figures) => regionByCategory(figures),
  byPeriod: (figures) => regionByPeriod(figures),
  archives: (figures) =>
    figures.figures.map(({ archive, summary }) => ({
      archive,
      complete: summary.complete,
      asOf: summary.asOf,
      totals: counterView(summary.total),
      rates: ratesOf(summary.total),
      targets: targetChecks([summary], figures.targets),
    })),
  ranking: (figures, { by, first, order, minHoldings }) => ranking(figures, by, first ?? 10, { lowestFirst: order === 'LOWEST_FIRST', minHoldings }),
  coverage: (figures) => coverageOf(figures),
  series: (figures, _args, ctx) => ctx.crossRegion.statistics.series(ctx.em, figures),
  accessRequests: (figures, _args, { requestCounts, identity, regions }) =>
    requestCounts.counts(
      identity,
      {
        region: figures.region,
        archives: figures.inScope.filter((archive) => regionContains(figures.region.code, archive.id)),
        children: regions.childrenOf(figures.region).map((region) => ({ region, codes: regions.subtreeCodes(region) })),
      },
      figures.year,
    ),
};
