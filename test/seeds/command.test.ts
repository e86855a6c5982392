import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('seedcmd');
});

afterAll(async () => {
  await database?.drop();
});

function seed(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'seeds/index.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run seed', () => {
  it('loads the archives asked for and prints a summary, then refuses to load them twice', async () => {
    const first = await seed('--scale', 'small', '--archives', '360124', '--database', database.url);
    expect(first.stderr).not.toMatch(/seed:/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/seed: loaded 1 archives \(scale small, seed 1\)/);
    expect(first.stdout).toMatch(/files and items \(卷件\), [\d,]+ catalogue records/);
    expect(first.stdout).toMatch(/records\/s/);

    const again = await seed('--scale', 'small', '--archives', '360124', '--database', database.url);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Archive 360124 already holds catalogue data; pass --reset/);

    const skipped = await seed('--scale', 'small', '--archives', '360124', '--skip-loaded', '--database', database.url);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/skipped 1 already loaded: 360124/);
  });

  it('explains bad arguments instead of failing with a stack trace', async () => {
    const scale = await seed('--scale', 'huge', '--database', database.url);
    expect(scale.code).toBe(2);
    expect(scale.stderr).toMatch(/^seed: Unknown scale "huge"/);
    const noDatabase = await seed('--scale', 'small');
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toMatch(/no database: give --database/);
    const region = await seed('--archives', '999999', '--database', database.url);
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/No archive 999999 in province 360000/);
    expect(region.stderr).not.toMatch(/ at /);
  });

  it('says in one line that its connection was lost, and leaves the archive it was loading as it was', async () => {
    const loaded = await seed('--scale', 'small', '--archives', '360123', '--database', database.url);
    expect(loaded.code).toBe(0);
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      const records = async () => (await holder.query<{ n: number }>('select count(*)::int as n from archive_360123.record')).rows[0]!.n;
      const before = await records();
      expect(before).toBeGreaterThan(0);
      // A reader holds the record table, so the reload waits on its emptying, where it is cut.
      await holder.query('begin');
      await holder.query('lock table archive_360123.record in access share mode');
      const reload = seed('--scale', 'small', '--archives', '360123', '--reset', '--database', database.url);
      let waiting: { pid: number; application_name: string } | undefined;
      while (!waiting) {
        await holder.query('select pg_stat_clear_snapshot()');
        const { rows } = await holder.query<{ pid: number; application_name: string }>(
          `select pid, application_name from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and pid <> pg_backend_pid()`,
        );
        waiting = rows[0];
        if (!waiting) await new Promise((resolve) => setImmediate(resolve));
      }
      await holder.query('select pg_terminate_backend($1)', [waiting.pid]);
      const cut = await reload;
      await holder.query('rollback');
      expect(cut.code).toBe(2);
      expect(cut.stderr).toMatch(/^seed: the connection to the database was lost while archive 360123 was loading \(/);
      expect(cut.stderr).toMatch(/Run the seed again with --skip-loaded/);
      expect(cut.stderr.trim().split('\n')).toHaveLength(1);
      expect(await records()).toBe(before);
      // Named, so an operator looking at pg_stat_activity knows what holds the connection.
      expect(waiting.application_name).toBe('lantai-seed');
    } finally {
      await holder.end();
    }
  });
});
