import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { UseChannel, UsePurpose } from '../generated/resolvers-types.js';

/** 利用 — one utilization visit. */
export const UtilizationSchema = defineEntity({
  name: 'Utilization',
  tableName: 'utilization',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    visitedOn: p.date(),
    visitors: p.integer(),
    itemsProvided: p.integer(),
    purpose: p.text().$type<UsePurpose>(),
    channel: p.text().$type<UseChannel>(),
  }),
});
export type UtilizationRow = InferEntity<typeof UtilizationSchema>;
