/**
 * npm run import as an archivist runs it: the summary it prints, its exit codes, and an
 * import killed midway leaving the archive exactly as it was.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { fixtureFolder, holdImportLock, ITEM_HEADER, itemRow, type FixtureFolder } from './fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let database: TestDatabase;
let client: pg.Client;
let files: FixtureFolder;

// Set up and torn down here, as in every test file (STYLE.md: each reads on its own), so the
// set-up reads like its neighbours' on purpose.
beforeAll(async () => {
  database = await createTestDatabase('importcmd');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  files = fixtureFolder();
});

afterAll(async () => {
  files?.remove();
  await client?.end();
  await database?.drop();
});

function importCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: database.url } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function count(archive: string, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from archive_${archive}.${table}`);
  return rows[0]!.n;
}

describe('npm run import', () => {
  it('dry-runs, imports and re-imports a catalogue, printing the summary each time', async () => {
    const path = files.text('目录.csv', [ITEM_HEADER, itemRow(1), itemRow(2, { 开放状态: '' }), itemRow(3, { 开放状态: '控制' })], 'gb18030');
    const dry = await importCommand('--archive', '360111', '--dry-run', path);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/目录\.csv \(csv, gb18030\): 试导入，未写入任何数据 \/ dry run: nothing written/);
    expect(dry.stdout).toMatch(/rows read 读取 3; added 新增 3, updated 更新 0, unchanged 未变 0, rejected 拒绝 0/);
    expect(dry.stdout).toMatch(/OPEN 开放 1, DELAYED 延期开放 1, UNREVIEWED 未审核 1/);
    expect(dry.stdout).toMatch(/import: .*目录\.csv: reading, 3 rows/);
    expect(await count('360111', 'record')).toBe(0);

    const imported = await importCommand('--archive', '360111', '--by', '档案员乙', path);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/已导入 \/ imported/);
    expect(await count('360111', 'record')).toBe(3);
    const again = await importCommand('--archive', '360111', path);
    expect(again.stdout).toMatch(/added 新增 0, updated 更新 0, unchanged 未变 3, rejected 拒绝 0/);
  });

  it('exits with 1 and writes nothing when rows are rejected, naming them and the rejects file', async () => {
    const path = files.text('bad.csv', [ITEM_HEADER, itemRow(1), itemRow(2, { 题名: '' })], 'utf-8-bom');
    const rejects = files.path('bad-rejects.csv');
    const result = await importCommand('--archive', '360112', '--rejects', rejects, path);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/NOTHING was written/);
    expect(result.stdout).toMatch(/line 3, 题名: 题名为空 \/ the title \(题名\) is required/);
    expect(result.stdout).toMatch(/rejected rows written to 被拒绝的行已写入 .*bad-rejects\.csv/);
    expect(await count('360112', 'record')).toBe(0);
  });

  it('prints what a file holds without letting it drive the terminal', async () => {
    // An escape sequence that would clear the screen, and a right-to-left override.
    const path = files.text('escapes.csv', [ITEM_HEADER, itemRow(1, { 年度: '20\u001b[2J\u202e03' })], 'utf-8');
    const result = await importCommand('--archive', '360112', '--dry-run', path);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/line 2, 年度 “20\\u001b\[2J\\u202e03”/);
    expect(result.stdout + result.stderr).not.toMatch(/[\u001b\u202e]/);
  });

  it('explains bad arguments instead of failing with a stack trace', async () => {
    const noArchive = await importCommand('some.csv');
    expect(noArchive.code).toBe(2);
    expect(noArchive.stderr).toMatch(/^import: give the archive to import into with --archive 360100/);
    const noFonds = await importCommand('--archive', '360112', '--fonds', '', 'x.csv');
    expect(noFonds.code).toBe(2);
    expect(noFonds.stderr).toMatch(/--fonds gives the 全宗号 of rows that give none: it cannot be empty/);
    const noFile = await importCommand('--archive', '360112');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/give the catalogue file\(s\) to import/);
    const mapping = files.path('mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { 文件材料题名: 'subject' } }));
    const badMapping = await importCommand('--archive', '360112', '--mapping', mapping, 'x.csv');
    expect(badMapping.code).toBe(2);
    expect(badMapping.stderr).toMatch(/maps to "subject", which is not one of/);
    const missing = await importCommand('--archive', '360112', files.path('missing.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.csv: ENOENT/);
    expect(missing.stderr).not.toMatch(/ at /);
    const url = new URL(database.url);
    url.pathname = '/lantai_no_such_database';
    const noDatabase = await importCommand('--archive', `360112=${url}`, files.path('missing.csv'));
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toBe('import: archive 360112: database "lantai_no_such_database" does not exist\n');
  });

  it('says the database connection was lost, and that running it again is safe, when it is cut under an import', async () => {
    const path = files.text('cut.csv', [ITEM_HEADER, itemRow(1, { 题名: '断线导入样本' })], 'gb18030');
    // The import waits for the archive's import lock, held here, when its connection is cut,
    // as an operator's pg_terminate_backend or a restart of PostgreSQL would cut it.
    const lock = await holdImportLock(database.url, '360114');
    try {
      const run = importCommand('--archive', '360114', path);
      await lock.cutWaitingImport();
      const result = await run;
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/cut\.csv: the database connection was lost \(数据库连接中断\): terminating connection due to administrator command\. The import did not finish; as it is all or nothing, run it again/);
      expect(result.stderr).not.toMatch(/ at /);
    } finally {
      await lock.release();
    }
    expect(await count('360114', 'record')).toBe(0);
    expect((await importCommand('--archive', '360114', path)).stdout).toMatch(/added 新增 1,/);
  });

  it('says that it waits for another import into the same archive, then imports', async () => {
    const path = files.text('second.csv', [ITEM_HEADER, itemRow(1, { 题名: '等待导入样本' })], 'gb18030');
    // As an import into 360115 running elsewhere holds it.
    const lock = await holdImportLock(database.url, '360115');
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--archive', '360115', path], { cwd: root, env: { ...process.env, DATABASE_URL: database.url } });
      // 'close': after its output has been read to the end.
      const exited = once(child, 'close');
      const lines: string[] = [];
      const waiting = new Promise<void>((resolve) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          if (line.includes('second.csv: waiting for another import into archive 360115 to finish (等待本馆另一导入完成)')) resolve();
        });
      });
      await waiting;
      expect(await count('360115', 'record')).toBe(0);
      await lock.release();
      const [code] = await exited;
      expect(code).toBe(0);
      expect(lines.join('\n')).toMatch(/added 新增 1,/);
    } finally {
      await lock.release();
    }
    expect(await count('360115', 'record')).toBe(1);
  });

  it('leaves the archive exactly as it was when the import is killed midway', async () => {
    const path = files.text('large.csv', [ITEM_HEADER, ...Array.from({ length: 60_000 }, (_, i) => itemRow(i + 1, { 档号: `0012-WS·2003-Y-BGS-${String(i + 1).padStart(6, '0')}`, 件号: String(i + 1) }))], 'gb18030');
    // The archive holds a record already: it must be there, unchanged, afterwards.
    const small = files.text('small.csv', [ITEM_HEADER, itemRow(1, { 题名: '导入前已有的档案' })], 'gb18030');
    expect((await importCommand('--archive', '360113', small)).code).toBe(0);
    const { rows: before } = await client.query(`select id, reference_code, title, updated_at from archive_360113.record`);

    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--archive', '360113', path], { cwd: root, env: { ...process.env, DATABASE_URL: database.url } });
    const exited = once(child, 'exit');
    for await (const line of createInterface({ input: child.stdout })) {
      // Killed while its rows are being copied in, inside its transaction.
      if (/large\.csv: reading, [\d,]+ rows/.test(line)) break;
    }
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');

    const { rows: after } = await client.query(`select id, reference_code, title, updated_at from archive_360113.record`);
    expect(after).toEqual(before);
    expect(await count('360113', 'open_review')).toBe(1);
    expect(await count('360113', 'fonds')).toBe(1);
    // And the next run (which waits for the killed one's session to end) goes through.
    const rerun = await importCommand('--archive', '360113', path);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/added 新增 60,000/);
  }, 120_000);
});
