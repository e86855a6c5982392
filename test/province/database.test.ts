import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProvinceDatabase } from '../../subgraphs/province/database.js';
import { provinceMigrations } from '../../subgraphs/province/migrations/index.js';
import { RegionTree } from '../../subgraphs/province/directory/regions.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

describe('province database', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('provdb');
  });

  afterAll(async () => {
    await database.drop();
  });

  it('migrates an empty database into the schema "province" and loads the 112 regions of 360000', async () => {
    const orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 2 });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const tables = await client.query<{ table_schema: string; table_name: string }>(
          "select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2",
        );
        expect(tables.rows).toEqual([
          { table_schema: 'province', table_name: 'access_request' },
          { table_schema: 'province', table_name: 'access_request_transition' },
          { table_schema: 'province', table_name: 'directory_entry' },
          { table_schema: 'province', table_name: 'directory_version' },
          { table_schema: 'province', table_name: 'holdings_snapshot' },
          { table_schema: 'province', table_name: 'mikro_orm_migrations' },
          { table_schema: 'province', table_name: 'region' },
        ]);
        const regions = await client.query('select count(*)::int as n from province.region');
        expect(regions.rows[0].n).toBe(112);
        const version = await client.query('select id, revision from province.directory_version');
        expect(version.rows).toEqual([{ id: 1, revision: 0 }]);
      } finally {
        await client.end();
      }
    } finally {
      await orm.close(true);
    }
  });

  it('opens an existing database again without migrating twice or loading the regions twice, its tables matching the entities', async () => {
    const orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 2 });
    try {
      const tree = await RegionTree.load(orm.em.fork());
      expect(tree.size).toBe(112);
      const executed = await orm.migrator.getExecuted();
      expect(executed).toHaveLength(provinceMigrations.length);
      // The entities and the committed migrations describe the same tables.
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close(true);
    }
  });

  it('lets several processes open a fresh database at once: one migrates and loads, the others wait', async () => {
    const fresh = await createTestDatabase('provrace');
    try {
      const orms = await Promise.all([1, 2, 3].map(() => openProvinceDatabase(fresh.url, { province: '360000', poolSize: 2 })));
      try {
        const tree = await RegionTree.load(orms[0]!.em.fork());
        expect(tree.size).toBe(112);
        expect(await orms[1]!.migrator.getExecuted()).toHaveLength(provinceMigrations.length);
      } finally {
        await Promise.all(orms.map((orm) => orm.close(true)));
      }
    } finally {
      await fresh.drop();
    }
  });

  it('refuses to open a database that holds another province\'s regions', async () => {
    await expect(openProvinceDatabase(database.url, { province: '110000', poolSize: 2 })).rejects.toThrow(
      /holds the regions of 江西省 \(360000\), not of province 110000/,
    );
  });

  it('fails its start with a clear error, not a crash, when the connection holding the setup lock is cut', async () => {
    await (await openProvinceDatabase(database.url, { province: '360000', poolSize: 2 })).close(true);
    // The test locks the region table, so the province's setup waits on it while its own
    // connection holds the setup lock, idle.
    const blocker = new pg.Client({ connectionString: database.url });
    const watcher = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await watcher.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table province.region in access exclusive mode');
      const opening = openProvinceDatabase(database.url, { province: '360000', poolSize: 2 });
      opening.catch(() => undefined);
      let holder: number | undefined;
      while (holder === undefined) {
        // Outside the blocker's transaction, which sees pg_stat_activity as it was when it began.
        const { rows } = await watcher.query<{ pid: number }>(
          `select l.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database() and a.state = 'idle'`,
        );
        holder = rows[0]?.pid;
      }
      await watcher.query('select pg_terminate_backend($1)', [holder]);
      await blocker.query('commit');
      await expect(opening).rejects.toThrow(/the connection holding the province's setup lock was lost .*terminat.*; start the province again/);
    } finally {
      await blocker.end();
      await watcher.end();
    }
    // The database is whole: the next start opens it.
    const orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 2 });
    try {
      expect((await RegionTree.load(orm.em.fork())).size).toBe(112);
    } finally {
      await orm.close(true);
    }
  });

  it('hangs every city under the province and every county under its city', async () => {
    const orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 2 });
    try {
      const tree = await RegionTree.load(orm.em.fork());
      expect(tree.root).toMatchObject({ code: '360000', name: '江西省', level: 'PROVINCE', parentCode: null });
      const cities = tree.childrenOf(tree.root);
      expect(cities).toHaveLength(11);
      expect(cities.every((city) => city.level === 'CITY')).toBe(true);
      const nanchang = tree.get('360100')!;
      expect(nanchang.name).toBe('南昌市');
      const counties = tree.childrenOf(nanchang);
      expect(counties.map((c) => c.code)).toContain('360121');
      expect(counties.every((c) => c.level === 'COUNTY' && c.parentCode === '360100')).toBe(true);
      expect(tree.parentOf(tree.get('360121')!)?.code).toBe('360100');
      expect(tree.list('COUNTY')).toHaveLength(100);
      expect(tree.subtreeCodes(nanchang)).toHaveLength(1 + counties.length);
      expect(tree.subtreeCodes(tree.root)).toHaveLength(112);
    } finally {
      await orm.close(true);
    }
  });
});
