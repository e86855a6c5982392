/** 开放审核: recording an open-review decision, which is the only way a record's access changes. */
import { LockMode } from '@mikro-orm/core';
import { forbidden, notFound } from '../../../protocol/errors.js';
import type { ArchiveContext } from '../context.js';
import { OpenReviewSchema, RecordSchema, type OpenReviewRow, type RecordRow } from '../entities/index.js';
import type { OpenReviewInput } from '../generated/resolvers-types.js';
import { chinaDate } from '../../../protocol/china-time.js';
import { isoDate, requiredText } from '../../../protocol/input.js';
import { localKey } from './input.js';
import { requireArchivist, seesAllRecords } from './visibility.js';

/** Appends the decision to the record's history and sets its access, in one transaction. */
export async function reviewAccess(ctx: ArchiveContext, recordId: string, input: OpenReviewInput): Promise<RecordRow> {
  requireArchivist(ctx.viewer, ctx.archive, 'record open-review decisions (开放审核)');
  const reason = requiredText('reason', input.reason, 2000);
  const reviewer = requiredText('reviewer', input.reviewer, 100);
  const decidedOn = input.decidedOn == null ? chinaDate() : isoDate('decidedOn', input.decidedOn);
  const key = localKey(recordId, 'Record', ctx.archive);
  return ctx.em.transactional(async (em) => {
    // Locks the row so two reviews of one record are recorded one after the other, each
    // with the status the other left as its previous status.
    const record = key === null ? null : await em.findOne(RecordSchema, { id: key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!record) throw notFound(`Record ${recordId} does not exist in archive ${ctx.archive} (档案不存在).`);
    em.create(OpenReviewSchema, {
      recordId: record.id,
      previousAccess: record.access,
      decidedAccess: input.access,
      reason,
      reviewer,
      decidedOn,
      recordedBy: ctx.viewer.sub ?? `archivist of ${ctx.archive}`,
    });
    record.access = input.access;
    return record;
  });
}

/** The decisions on a record, oldest first (through the per-request loader). */
export function openReviewsOf(ctx: ArchiveContext, record: RecordRow): Promise<OpenReviewRow[]> {
  if (!seesAllRecords(ctx.viewer, ctx.archive)) {
    throw forbidden(`Only archivists of archive ${ctx.archive} may read the open-review history (开放审核记录).`);
  }
  return ctx.loaders.openReviewsByRecord.load(record.id);
}
