import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 查阅授权 — one person's read grant on one record, given by a cross-region request (异地查档). */
export const RecordGrantSchema = defineEntity({
  name: 'RecordGrant',
  tableName: 'record_grant',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    subject: p.text(),
    recordId: p.integer(),
    expiresAt: p.datetime(),
    request: p.text(),
    grantedBy: p.text(),
    grantedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
});
export type RecordGrantRow = InferEntity<typeof RecordGrantSchema>;
