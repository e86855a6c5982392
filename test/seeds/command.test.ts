import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
});
