import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 年报快照 — one archive's holdings at the yearly snapshot: its true figures (records not open
 * included), which every role gets at the annual report's grains.
 */
export const HoldingsSnapshotEntity = defineEntity({
  name: 'HoldingsSnapshot',
  tableName: 'holdings_snapshot',
  schema: 'province',
  properties: {
    /** The archive code. */
    archive: p.string().length(6).primary(),
    year: p.integer().primary(),
    takenAt: p.datetime(),
    /** The archive's Holdings summary (total, byCategory, byPeriod). */
    complete: p.json<Record<string, unknown>>(),
  },
});

export type HoldingsSnapshotRow = InferEntity<typeof HoldingsSnapshotEntity>;
