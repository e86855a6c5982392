import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { AccessStatus } from '../generated/resolvers-types.js';

/** 开放审核 — one open-review decision; rows are only ever appended. */
export const OpenReviewSchema = defineEntity({
  name: 'OpenReview',
  tableName: 'open_review',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    recordId: p.integer(),
    previousAccess: p.text().$type<AccessStatus>(),
    decidedAccess: p.text().$type<AccessStatus>(),
    reason: p.text(),
    reviewer: p.text(),
    decidedOn: p.date(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
});
export type OpenReviewRow = InferEntity<typeof OpenReviewSchema>;
