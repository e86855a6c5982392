import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 展览 — an exhibition held by the archive. */
export const ExhibitionSchema = defineEntity({
  name: 'Exhibition',
  tableName: 'exhibition',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    title: p.text(),
    startDate: p.date(),
    endDate: p.date().nullable(),
    visitors: p.integer(),
    online: p.boolean(),
  }),
});
export type ExhibitionRow = InferEntity<typeof ExhibitionSchema>;
