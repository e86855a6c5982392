import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 档案馆 — the one row describing the archive whose schema this is. */
export const ArchiveSchema = defineEntity({
  name: 'Archive',
  tableName: 'archive',
  schema: '*',
  properties: (p) => ({
    code: p.string().primary().columnType('char(6)'),
    name: p.text(),
    level: p.text().$type<'PROVINCE' | 'CITY' | 'COUNTY'>(),
    address: p.text().nullable(),
    services: p.array().columnType('text[]'),
  }),
});
export type ArchiveRow = InferEntity<typeof ArchiveSchema>;
