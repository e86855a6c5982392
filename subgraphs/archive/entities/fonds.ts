import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 全宗 — the records of one creating body. */
export const FondsSchema = defineEntity({
  name: 'Fonds',
  tableName: 'fonds',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    fondsCode: p.text(),
    name: p.text(),
    creator: p.text(),
    startYear: p.integer().nullable(),
    endYear: p.integer().nullable(),
    description: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type FondsRow = InferEntity<typeof FondsSchema>;
