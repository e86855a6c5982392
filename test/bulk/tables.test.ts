/**
 * The bulk layout (subgraphs/archive/bulk/tables.ts) must know every column the archive's
 * migrations give its catalogue tables: a column it neither writes nor leaves to a default on
 * purpose would be silently empty in every seeded or imported row.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_TABLES } from '../../subgraphs/archive/bulk/tables.js';
import { migrateArchive, openArchiveDatabase } from '../../subgraphs/archive/database.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

let database: TestDatabase;
let orm: MikroORM;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('bulktables');
  orm = await openArchiveDatabase(database.url);
  await migrateArchive(orm, '360100');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await orm?.close(true);
  await database?.drop();
});

/** `table.column` for every column of the migrated schema the layouts do not know, and every layout column it lacks. */
async function layoutDifferences(schema: string): Promise<{ unknown: string[]; missing: string[] }> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = $1 and table_name = any($2)`,
    [schema, BULK_TABLES.map((t) => t.name)],
  );
  const migrated = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const known = new Set(BULK_TABLES.flatMap((t) => [...t.columns, ...t.defaulted].map((c) => `${t.name}.${c}`)));
  return {
    unknown: [...migrated].filter((c) => !known.has(c)).sort(),
    missing: [...known].filter((c) => !migrated.has(c)).sort(),
  };
}

describe('the bulk table layout', () => {
  it('knows every column of every catalogue table the migrations create, and no other', async () => {
    expect(await layoutDifferences('archive_360100')).toEqual({ unknown: [], missing: [] });
  });

  it('writes each column once and never a column it leaves to its default', () => {
    for (const table of BULK_TABLES) {
      expect(new Set(table.columns).size, table.name).toBe(table.columns.length);
      expect(table.columns.filter((c) => table.defaulted.includes(c)), table.name).toEqual([]);
    }
  });

  it('tells a column a later migration adds that the layout does not write', async () => {
    await client.query('begin');
    try {
      await client.query(`alter table archive_360100.record add column shelf_mark text`);
      expect((await layoutDifferences('archive_360100')).unknown).toEqual(['record.shelf_mark']);
    } finally {
      await client.query('rollback');
    }
  });
});
