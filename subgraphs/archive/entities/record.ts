import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { AccessStatus, Category, Classification, RecordLevel, Retention } from '../generated/resolvers-types.js';

/**
 * 案卷 or 件. The fonds and the parent file are plain key columns rather than ORM relations:
 * every read goes through per-request loaders, so the ORM never needs to walk them, and no
 * lazy reference can stand in for a record the caller may not see.
 */
export const RecordSchema = defineEntity({
  name: 'Record',
  tableName: 'record',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    fondsId: p.integer(),
    parentId: p.integer().nullable(),
    level: p.text().$type<RecordLevel>(),
    referenceCode: p.text(),
    title: p.text(),
    author: p.text().nullable(),
    date: p.date().nullable(),
    year: p.integer(),
    retention: p.text().$type<Retention>(),
    classification: p.text().$type<Classification>(),
    access: p.text().$type<AccessStatus>(),
    category: p.text().$type<Category>(),
    pages: p.integer().nullable(),
    electronic: p.boolean(),
    remarks: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type RecordRow = InferEntity<typeof RecordSchema>;
