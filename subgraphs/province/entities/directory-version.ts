import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The one row that versions the directory: `revision` grows with every registration, update
 * or retirement, and `instance` is drawn once when the table is created, so that a recreated
 * database never repeats a version a gateway has already seen.
 */
export const DirectoryVersionEntity = defineEntity({
  name: 'DirectoryVersion',
  tableName: 'directory_version',
  schema: 'province',
  checks: [{ name: 'directory_version_id_check', expression: 'id = 1' }],
  properties: {
    id: p.integer().primary().autoincrement(false),
    instance: p.uuid(),
    revision: p.integer(),
  },
});

export type DirectoryVersionRow = InferEntity<typeof DirectoryVersionEntity>;
