import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 年报快照 — one archive's holdings at the yearly snapshot, kept in two visibility classes:
 * the complete figures (records not open included) and the figures of open records only, so
 * that a snapshot is served to each caller as the archive itself would serve it.
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
    /** The archive's Holdings summary (total, byCategory, byPeriod) as an admin sees it. */
    complete: p.json<Record<string, unknown>>(),
    /** The same for the public: counters of open records only. */
    open: p.json<Record<string, unknown>>(),
  },
});

export type HoldingsSnapshotRow = InferEntity<typeof HoldingsSnapshotEntity>;
