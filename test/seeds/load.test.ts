import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seeds/catalogue.js';
import { ArchiveNotEmptyError, isArchiveEmpty, loadCatalogue } from '../../seeds/load.js';
import { BULK_LOADED_TABLES } from '../../subgraphs/archive/bulk/copy.js';
import { CATALOGUE_TABLES } from '../../subgraphs/archive/bulk/tables.js';
import { type NetworkProgress, seedNetwork, type SeedNetworkResult, selectArchives } from '../../seeds/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

let database: TestDatabase;
let client: pg.Client;
let seeded: SeedNetworkResult;
const progress: NetworkProgress[] = [];

beforeAll(async () => {
  database = await createTestDatabase('seedload');
  seeded = await seedNetwork({
    url: database.url,
    scale: 'small',
    archives: ['360121', '360100'],
    seed: 1,
    onProgress: (p) => progress.push(p),
  });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

/** What the generator produces for an archive, counted table by table. */
function generatedCounts(code: string) {
  const [plan] = selectArchives('360000', 'small', 1, [code]);
  const catalogue = generateCatalogue(plan, 1);
  const counts = { fonds: catalogue.fonds.length, record: 0, digital_object: 0, open_review: 0, utilization: catalogue.utilizations.length, exhibition: catalogue.exhibitions.length, compilation: catalogue.compilations.length };
  for (const chunk of catalogue.chunks()) {
    counts.record += chunk.records.length;
    counts.digital_object += chunk.digitalObjects.length;
    counts.open_review += chunk.openReviews.length;
  }
  return counts;
}

/** Every row the generator made for an archive, table by table, in id order. */
function generatedRows(code: string) {
  const [plan] = selectArchives('360000', 'small', 1, [code]);
  const catalogue = generateCatalogue(plan, 1);
  const chunks = [...catalogue.chunks()];
  return {
    fonds: catalogue.fonds,
    record: chunks.flatMap((c) => c.records),
    digital_object: chunks.flatMap((c) => c.digitalObjects),
    open_review: chunks.flatMap((c) => c.openReviews),
    utilization: catalogue.utilizations,
    exhibition: catalogue.exhibitions,
    compilation: catalogue.compilations,
  };
}

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** Every stored row of an archive's catalogue tables, read back into the generator's row shapes. */
async function storedRows(code: string) {
  const read = async (sql: string) => (await client.query(`${sql} order by id`)).rows;
  const schema = `archive_${code}`;
  return {
    fonds: await read(`select id, fonds_code as "fondsCode", name, creator, start_year as "startYear", end_year as "endYear", description from ${schema}.fonds`),
    record: await read(
      `select id, fonds_id as "fondsId", parent_id as "parentId", level, reference_code as "referenceCode", title, author,
              to_char(date, 'YYYY-MM-DD') as date, year, retention, classification, access, category, pages, electronic, remarks
         from ${schema}.record`,
    ),
    digital_object: await read(
      `select id, record_id as "recordId", format, pages, bytes::float8 as bytes, sha256,
              to_char(created_at at time zone 'UTC', ${ISO_INSTANT}) as "createdAt"
         from ${schema}.digital_object`,
    ),
    open_review: await read(
      `select id, record_id as "recordId", previous_access as "previousAccess", decided_access as "decidedAccess", reason, reviewer,
              to_char(decided_on, 'YYYY-MM-DD') as "decidedOn", recorded_by as "recordedBy",
              to_char(recorded_at at time zone 'UTC', ${ISO_INSTANT}) as "recordedAt"
         from ${schema}.open_review`,
    ),
    utilization: await read(
      `select id, to_char(visited_on, 'YYYY-MM-DD') as "visitedOn", visitors, items_provided as "itemsProvided", purpose, channel from ${schema}.utilization`,
    ),
    exhibition: await read(
      `select id, title, to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate", visitors, online from ${schema}.exhibition`,
    ),
    compilation: await read(`select id, title, year, characters, publisher from ${schema}.compilation`),
  };
}

/** The archive's constraints, indexes and triggers, as the catalog describes them. */
async function schemaObjects(code: string) {
  const schema = `archive_${code}`;
  const rows = async (sql: string) => (await client.query(sql, [schema])).rows;
  return {
    constraints: await rows(
      `select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.convalidated as validated
         from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = $1 order by t.relname, c.conname`,
    ),
    indexes: await rows(`select tablename, indexname, indexdef from pg_indexes where schemaname = $1 order by tablename, indexname`),
    triggers: await rows(
      `select c.relname as table, g.tgname as name, g.tgenabled as enabled
         from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and not g.tgisinternal order by c.relname, g.tgname`,
    ),
  };
}

async function storedCounts(code: string) {
  const counts: Record<string, number> = {};
  for (const table of CATALOGUE_TABLES) {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from archive_${code}.${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}

describe('bulk loading a generated catalogue', () => {
  it('leaves a freshly loaded archive vacuumed and analysed: planner statistics and visibility map in place', async () => {
    const { rows } = await client.query<{ table: string; vacuumed: boolean; analysed: boolean; reltuples: number; relallvisible: number; relpages: number }>(
      `select s.relname as table, s.last_vacuum is not null as vacuumed, s.last_analyze is not null as analysed,
              c.reltuples::float8 as reltuples, c.relallvisible, c.relpages
         from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = 'archive_360100' and s.relname = any($1)
        order by s.relname`,
      [[...BULK_LOADED_TABLES]],
    );
    expect(rows.map((r) => r.table)).toEqual([...BULK_LOADED_TABLES].sort());
    for (const row of rows) expect(row, row.table).toMatchObject({ vacuumed: true, analysed: true });
    const record = rows.find((r) => r.table === 'record')!;
    expect(record.reltuples).toBe(generatedCounts('360100').record);
    // Only VACUUM sets the visibility map (an ANALYZE inside the load would not).
    expect(record.relallvisible).toBe(record.relpages);
    expect(record.relpages).toBeGreaterThan(0);
    expect(seeded.steadyStateMilliseconds).toBeGreaterThan(0);
    expect(seeded.steadyStateMilliseconds).toBeLessThan(seeded.loadMilliseconds);
  });

  it('stores exactly the generated rows of each archive, table by table', async () => {
    for (const code of ['360121', '360100']) expect(await storedCounts(code)).toEqual(generatedCounts(code));
    expect(seeded.loaded.map((r) => r.archive)).toEqual(['360100', '360121']);
    expect(seeded.records).toBe(generatedCounts('360121').record + generatedCounts('360100').record);
    expect(seeded.holdings).toBe(selectArchives('360000', 'small', 1, ['360121', '360100']).reduce((s, p) => s + p.holdings, 0));
  });

  it("writes the archive's profile and the generated values unchanged", async () => {
    const { rows: [archive] } = await client.query(`select code, name, level, services from archive_360121.archive`);
    expect(archive).toMatchObject({ code: '360121', name: '南昌县档案馆', level: 'COUNTY' });
    expect(archive.services).toContain('查档');

    const [plan] = selectArchives('360000', 'small', 1, ['360121']);
    const [first] = generateCatalogue(plan, 1).chunks();
    const item = first.records.find((r) => r.date !== null)!;
    const { rows: [stored] } = await client.query(
      `select id, title, to_char(date, 'YYYY-MM-DD') as date, access, parent_id, search_vector is not null as indexed from archive_360121.record where reference_code = $1`,
      [item.referenceCode],
    );
    expect(stored).toEqual({ id: item.id, title: item.title, date: item.date, access: item.access, parent_id: item.parentId, indexed: true });
    const copy = first.digitalObjects[0];
    const { rows: [storedCopy] } = await client.query(`select bytes::text, sha256, record_id from archive_360121.digital_object where id = $1`, [copy.id]);
    expect(storedCopy).toEqual({ bytes: String(copy.bytes), sha256: copy.sha256, record_id: copy.recordId });
  });

  it('stores every column of every generated row as it was generated', async () => {
    expect(await storedRows('360121')).toEqual(generatedRows('360121'));
  });

  it('moves every identity sequence past the loaded ids, so later inserts do not collide', async () => {
    const next = async (sql: string) => (await client.query<{ id: number }>(sql)).rows[0].id;
    const max = async (table: string) => (await client.query<{ m: number }>(`select max(id) as m from archive_360121.${table}`)).rows[0].m;
    for (const [table, sql] of [
      ['fonds', `insert into archive_360121.fonds (fonds_code, name, creator) values ('J999', '测试全宗', '测试单位') returning id`],
      ['record', `insert into archive_360121.record (fonds_id, level, reference_code, title, year, retention, category)
        values (1, 'ITEM', 'J001-WS·2024-D10-BGS-9999', '关于测试的通知', 2024, 'D10', 'ADMINISTRATIVE') returning id`],
      ['digital_object', `insert into archive_360121.digital_object (record_id, format, pages, bytes, sha256) values (1, 'PDF', 1, 1, repeat('a', 64)) returning id`],
      ['open_review', `insert into archive_360121.open_review (record_id, previous_access, decided_access, reason, reviewer, decided_on, recorded_by)
        values (1, 'UNREVIEWED', 'OPEN', '测试', '测试', '2025-01-01', 'test') returning id`],
      ['utilization', `insert into archive_360121.utilization (visited_on, visitors, items_provided, purpose, channel) values ('2025-01-02', 1, 1, 'OTHER', 'ONSITE') returning id`],
      ['exhibition', `insert into archive_360121.exhibition (title, start_date) values ('测试展览', '2025-01-02') returning id`],
      ['compilation', `insert into archive_360121.compilation (title, year) values ('测试编研', 2025) returning id`],
    ] as const) {
      const before = await max(table);
      expect(before, table).toBeGreaterThan(0);
      expect(await next(sql), table).toBe(before + 1);
    }
  });

  it('reports progress with growing record counts and a rate', () => {
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ archivesLoaded: 2, archivesToLoad: 2, records: seeded.records });
    expect(last.recordsPerSecond).toBeGreaterThan(0);
    const loadedCounts = progress.map((p) => p.archivesLoaded);
    expect(loadedCounts).toEqual([...loadedCounts].sort((a, b) => a - b));
  });

  it('refuses to load into an archive that already holds data, and changes nothing', async () => {
    const before = await storedCounts('360100');
    await expect(seedNetwork({ url: database.url, scale: 'small', archives: ['360100'] })).rejects.toThrow(ArchiveNotEmptyError);
    await expect(seedNetwork({ url: database.url, scale: 'small', archives: ['360100'] })).rejects.toThrow(/360100 already holds catalogue data; pass --reset/);
    expect(await storedCounts('360100')).toEqual(before);
    const skipped = await seedNetwork({ url: database.url, scale: 'small', archives: ['360100'], existing: 'skip' });
    expect(skipped).toMatchObject({ skipped: ['360100'], loaded: [], records: 0 });
  });

  it('counts an archive whose schema was never migrated as empty, and a seeded one as not', async () => {
    expect(await isArchiveEmpty(client, '360124')).toBe(true);
    expect(await isArchiveEmpty(client, '360121')).toBe(false);
  });

  it('replaces an archive on reset, with the same rows again', async () => {
    await client.query(`insert into archive_360100.exhibition (title, start_date) values ('多余的展览', '2025-01-02')`);
    // Rows elsewhere that name a record (as the audit log of reads does) go with the records.
    await client.query(`create table archive_360100.record_note (record_id integer not null references archive_360100.record (id))`);
    await client.query(`insert into archive_360100.record_note values (1)`);
    const reset = await seedNetwork({ url: database.url, scale: 'small', archives: ['360100'], existing: 'reset' });
    expect(reset.loaded).toHaveLength(1);
    expect(await storedCounts('360100')).toEqual(generatedCounts('360100'));
    expect((await client.query(`select count(*)::int as n from archive_360100.record_note`)).rows[0].n).toBe(0);
  });

  it('loads an archive in one transaction: a failure part-way leaves it as it was', async () => {
    await seedNetwork({ url: database.url, scale: 'small', archives: ['360123'] });
    const [plan] = selectArchives('360000', 'small', 1, ['360123']);
    const catalogue = generateCatalogue(plan, 1);
    const broken = {
      ...catalogue,
      *chunks() {
        yield* catalogue.chunks();
        // A record pointing to a fonds that does not exist fails the last batch.
        yield { records: [{ ...[...catalogue.chunks()][0].records[0], id: 999_999, fondsId: 999, referenceCode: 'X' }], digitalObjects: [], openReviews: [] };
      },
    };
    await expect(loadCatalogue(client, broken, { reset: true, batchSize: 50 })).rejects.toThrow(/foreign key/);
    expect(await storedCounts('360123')).toEqual(generatedCounts('360123'));
  });

  it('puts back, as the migrations defined them, the keys, indexes, foreign keys and trigger it sets aside for a big load', async () => {
    const before = await schemaObjects('360123');
    expect(before.indexes.filter((i) => i.tablename === 'record').length).toBeGreaterThan(3);
    expect(before.constraints.filter((c) => c.definition.startsWith('FOREIGN KEY')).length).toBeGreaterThanOrEqual(4);
    const [plan] = selectArchives('360000', 'small', 1, ['360123']);
    const result = await loadCatalogue(client, generateCatalogue(plan, 1), { reset: true, rebuildIndexesFrom: 0 });
    expect(await schemaObjects('360123')).toEqual(before);
    expect(result.records).toBe(generatedCounts('360123').record);
    expect(await storedRows('360123')).toEqual(generatedRows('360123'));
    const { rows: [vectors] } = await client.query(
      `select count(*) filter (where search_vector is distinct from archive_360123.title_tsvector(title))::int as different from archive_360123.record`,
    );
    expect(vectors.different).toBe(0);
  });

  it('fails a big load as a whole when a row breaks a foreign key checked only at the end, and leaves the archive as it was', async () => {
    const before = await schemaObjects('360123');
    const counts = await storedCounts('360123');
    const [plan] = selectArchives('360000', 'small', 1, ['360123']);
    const catalogue = generateCatalogue(plan, 1);
    const [first] = catalogue.chunks();
    const broken = {
      ...catalogue,
      *chunks() {
        yield* catalogue.chunks();
        // A copy of a record that does not exist, found only when the foreign keys are added back.
        yield { records: [], digitalObjects: [{ ...first.digitalObjects[0], id: 999_999, recordId: 999_999 }], openReviews: [] };
      },
    };
    await expect(loadCatalogue(client, broken, { reset: true, rebuildIndexesFrom: 0 })).rejects.toThrow(/foreign key/);
    expect(await storedCounts('360123')).toEqual(counts);
    expect(await schemaObjects('360123')).toEqual(before);
  });

  it('writes the rows of a big load frozen: before any VACUUM, every page of the loaded tables is all-visible and all-frozen', async () => {
    await client.query('create extension if not exists pg_visibility');
    const [plan] = selectArchives('360000', 'small', 1, ['360123']);
    const result = await loadCatalogue(client, generateCatalogue(plan, 1), { reset: true, steadyState: false, rebuildIndexesFrom: 0 });
    expect(result.steadyStateMilliseconds).toBe(0);
    for (const table of ['record', 'digital_object', 'open_review', 'fonds']) {
      const { rows: [map] } = await client.query<{ pages: number; visible: number; frozen: number }>(
        `select pg_relation_size($1::regclass)::int / current_setting('block_size')::int as pages, all_visible::int as visible, all_frozen::int as frozen
           from pg_visibility_map_summary($1::regclass)`,
        [`archive_360123.${table}`],
      );
      expect(map.pages, table).toBeGreaterThan(0);
      expect(map, table).toEqual({ pages: map.pages, visible: map.pages, frozen: map.pages });
    }
  });

  it('refuses archive codes that are not regions of the province', async () => {
    await expect(seedNetwork({ url: database.url, scale: 'small', archives: ['360121', '110101'] })).rejects.toThrow(/No archive 110101 in province 360000/);
  });
});
