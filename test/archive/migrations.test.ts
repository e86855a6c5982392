import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { ensureArchiveProfile, migrateArchive, migrateArchives, openArchiveDatabase } from '../../subgraphs/archive/database.js';
import { ARCHIVE_MIGRATIONS } from '../../subgraphs/archive/migrations/index.js';

let database: TestDatabase;
let orm: MikroORM;
let client: pg.Client;

// Set up and torn down here, as in every test file (STYLE.md: each reads on its own), so the
// set-up reads like its neighbours' on purpose.
beforeAll(async () => {
  database = await createTestDatabase('migrations');
  orm = await openArchiveDatabase(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await orm?.close(true);
  await database?.drop();
});

async function tablesOf(schema: string): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = $1 order by table_name`,
    [schema],
  );
  return rows.map((row) => row.table_name);
}

async function schemaFingerprint(schema: string): Promise<string> {
  const { rows } = await client.query(
    `select (select json_agg(c order by c.table_name, c.ordinal_position) from (
              select table_name, column_name, data_type, is_nullable, column_default, ordinal_position
                from information_schema.columns where table_schema = $1) c)::text as columns,
            (select json_agg(i order by i.indexname) from (
              select indexname, indexdef from pg_indexes where schemaname = $1) i)::text as indexes`,
    [schema],
  );
  return JSON.stringify(rows[0]);
}

describe('archive schema migrations', () => {
  it('create every table of an archive in its own schema from an empty database', async () => {
    expect(await tablesOf('archive_360100')).toEqual([]);
    const applied = await migrateArchive(orm, '360100');
    expect(applied).toEqual([
      'Migration20261121000000_archive_schema',
      'Migration20261121130000_audit_log',
      'Migration20261121131000_record_grant',
      'Migration20261121140000_holdings_grain',
      'Migration20261121141000_title_vector_trigger',
      'Migration20261121142000_open_search_index',
      'Migration20261121160000_drop_title_trigram_index',
      'Migration20261121170000_title_vector_bigrams',
      'Migration20261205000000_harvest_feed',
    ]);
    expect(await tablesOf('archive_360100')).toEqual([
      'archive',
      'audit_entry',
      'compilation',
      'digital_object',
      'exhibition',
      'fonds',
      'holdings_grain',
      'holdings_grain_state',
      'holdings_version',
      'mikro_orm_migrations',
      'open_review',
      'record',
      'record_access_change',
      'record_grant',
      'utilization',
    ]);
    const { rows } = await client.query(`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(rows).toHaveLength(1);
    // 档号 fragments are matched by trigrams; titles only by their word vectors, so no title trigram index is kept.
    const indexes = await client.query<{ indexname: string }>(`select indexname from pg_indexes where schemaname = 'archive_360100' and tablename = 'record' and indexdef like '%gin_trgm_ops%'`);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['record_reference_trgm_idx']);
    // Nothing lands in the default schema.
    expect(await tablesOf('public')).toEqual([]);
  });

  it('running the migrations twice changes nothing', async () => {
    const before = await schemaFingerprint('archive_360100');
    expect(await migrateArchive(orm, '360100')).toEqual([]);
    expect(await schemaFingerprint('archive_360100')).toEqual(before);
  });

  it('migrate several archives on one ORM at once, each in its own schema', async () => {
    const results = await Promise.all(['360121', '360122', '360123'].map((code) => migrateArchive(orm, code)));
    expect(results.every((applied) => applied.length === ARCHIVE_MIGRATIONS.length)).toBe(true);
    for (const code of ['360121', '360122', '360123']) {
      expect(await tablesOf(`archive_${code}`)).toContain('record');
    }
  });

  it('migrate many new archives at once into the schema the migrator makes, which the migrator then finds up to date', async () => {
    const codes = ['360200', '360202', '360203', '360222'];
    const ready = migrateArchives(orm, codes);
    expect([...ready.keys()]).toEqual(codes);
    await Promise.all(ready.values());
    // The definition of every column, index, constraint, trigger and function, whatever schema it is in.
    const definitions = async (schema: string) => {
      const { rows } = await client.query(
        `select (select json_agg(c order by c.table_name, c.ordinal_position) from (
                  select table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, ordinal_position
                    from information_schema.columns where table_schema = $1) c)::text as columns,
                (select json_agg(i order by i.indexname) from (select indexname, indexdef from pg_indexes where schemaname = $1) i)::text as indexes,
                (select json_agg(k order by k.relname, k.conname) from (
                  select t.relname, c.conname, pg_get_constraintdef(c.oid) as definition, c.convalidated
                    from pg_constraint c join pg_class t on t.oid = c.conrelid where t.relnamespace = $1::regnamespace) k)::text as constraints,
                (select json_agg(g order by g.tgname) from (
                  select tgname, pg_get_triggerdef(oid) as definition, tgenabled from pg_trigger
                   where tgrelid in (select oid from pg_class where relnamespace = $1::regnamespace) and not tgisinternal) g)::text as triggers,
                (select json_agg(f order by f.proname) from (
                  select proname, pg_get_functiondef(oid) as definition from pg_proc where pronamespace = $1::regnamespace) f)::text as functions,
                (select json_agg(q order by q.sequencename) from (
                  select sequencename, data_type::text, last_value from pg_sequences where schemaname = $1) q)::text as sequences,
                (select json_agg(m order by m.id) from (select id, name from ${schema}.mikro_orm_migrations) m)::text as migrations,
                (select json_agg(v) from ${schema}.holdings_version v)::text as holdings_version`,
        [schema],
      );
      return JSON.stringify(rows[0]).replaceAll(schema, 'archive_X');
    };
    const byMigrator = await definitions('archive_360200');
    expect(byMigrator).toContain('record_search_vector');
    for (const code of codes.slice(1)) {
      expect(await definitions(`archive_${code}`), code).toEqual(byMigrator);
      expect(await migrateArchive(orm, code), code).toEqual([]);
    }
    // A schema that exists already goes through the migrator, which applies what it lacks.
    await client.query('create schema archive_360223');
    const again = migrateArchives(orm, ['360200', '360223']);
    await Promise.all(again.values());
    expect(await definitions('archive_360223')).toEqual(byMigrator);
  });

  it("index record titles as Chinese bigrams, a run's last character alone, plus latin words", async () => {
    const { rows } = await client.query<{ v: string }>(`select archive_360100.title_tsvector('南昌档案 OFD 2001年') as v`);
    expect(rows[0]!.v).toBe(`'2001':2 'ofd':1 '南昌':1 '年':14 '昌档':2 '案':4 '档案':3`);
  });

  it('write the archive profile row, idempotently', async () => {
    await ensureArchiveProfile(orm, '360100', { name: '南昌市档案馆', level: 'CITY', address: '南昌市红谷滩区', services: ['查档', '出证'] });
    await ensureArchiveProfile(orm, '360100', { name: '南昌市档案馆', level: 'CITY', address: '南昌市红谷滩区', services: ['查档', '出证', '展览'] });
    const { rows } = await client.query(`select code, name, level, services from archive_360100.archive`);
    expect(rows).toEqual([{ code: '360100', name: '南昌市档案馆', level: 'CITY', services: ['查档', '出证', '展览'] }]);
  });
});
