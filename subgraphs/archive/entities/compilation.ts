import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 编研 — a compilation published by the archive. */
export const CompilationSchema = defineEntity({
  name: 'Compilation',
  tableName: 'compilation',
  schema: '*',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    title: p.text(),
    year: p.integer(),
    characters: p.integer(),
    publisher: p.text().nullable(),
  }),
});
export type CompilationRow = InferEntity<typeof CompilationSchema>;
