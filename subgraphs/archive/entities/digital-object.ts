import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 数字化副本 — metadata of a digital copy of a record. */
export const DigitalObjectSchema = defineEntity({
  name: 'DigitalObject',
  tableName: 'digital_object',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    recordId: p.integer(),
    format: p.text(),
    pages: p.integer(),
    bytes: p.bigint('number'),
    sha256: p.string().columnType('char(64)'),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
});
export type DigitalObjectRow = InferEntity<typeof DigitalObjectSchema>;
