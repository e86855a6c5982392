/** 利用登记: the utilization log, written and read by the archive's own archivists. */
import { badUserInput, forbidden } from '../../../protocol/errors.js';
import type { ArchiveContext } from '../context.js';
import { UtilizationSchema, type UtilizationRow } from '../entities/index.js';
import type { UtilizationInput } from '../generated/resolvers-types.js';
import { requireThisArchive } from './archive-profile.js';
import { chinaDate } from '../../../protocol/china-time.js';
import { isoDate, nonNegativeInt } from '../../../protocol/input.js';
import { localKey } from './input.js';
import { newestFirst, type Page } from './pagination.js';
import { mayReadUtilization, requireArchivist } from './visibility.js';

export async function logUtilization(ctx: ArchiveContext, archiveId: string, input: UtilizationInput): Promise<UtilizationRow> {
  requireArchivist(ctx.viewer, ctx.archive, 'log utilization visits (利用登记)');
  requireThisArchive(ctx, archiveId);
  const visitedOn = isoDate('date', input.date);
  if (visitedOn > chinaDate()) throw badUserInput(`"date" ${visitedOn} is in the future; log a visit once it has happened.`);
  const utilization = ctx.em.create(UtilizationSchema, {
    visitedOn,
    visitors: nonNegativeInt('visitors', input.visitors),
    itemsProvided: nonNegativeInt('itemsProvided', input.itemsProvided),
    purpose: input.purpose,
    channel: input.channel,
  });
  await ctx.em.flush();
  return utilization;
}

/** The log, newest first. */
export async function listUtilizations(ctx: ArchiveContext, args: { first?: number | null; after?: string | null }): Promise<Page<UtilizationRow>> {
  if (!mayReadUtilization(ctx.viewer, ctx.archive)) {
    throw forbidden(`Only archivists of archive ${ctx.archive} may read its utilization log (利用登记).`);
  }
  return newestFirst<UtilizationRow>(ctx.em, UtilizationSchema, 'visitedOn', 'date', args);
}

export async function findUtilization(ctx: ArchiveContext, id: string): Promise<UtilizationRow | null> {
  if (!mayReadUtilization(ctx.viewer, ctx.archive)) return null;
  const key = localKey(id, 'Utilization', ctx.archive);
  return key === null ? null : ctx.loaders.utilization.load(key);
}
