/**
 * The embedded PostgreSQL that `npm start` and `npm test` use when no DATABASE_URL is given.
 * Run as root (as CI and many a newcomer are), PostgreSQL runs as another user, who cannot
 * enter a project kept in a folder only root may enter; it must start all the same. A start
 * that fails says what failed, why and what to do, once, and the command exits 1. And a
 * program that loads it keeps the exit code it sets: the package's launcher once ended every
 * test run with 0, so CI could not see failures.
 */
import { execFile } from 'node:child_process';
import { chmod, cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { installedBinaries, startEmbeddedPostgres } from '../../scripts/embedded-postgres.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folder(mode: 'private' | 'shared'): Promise<string> {
  const made = await mkdtemp(join(tmpdir(), 'lantai-embedded-'));
  folders.push(made);
  if (mode === 'shared') await chmod(made, 0o755);
  return made;
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function runProgram(args: string[], env: Record<string, string | undefined>): Promise<Outcome> {
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { ...inherited, ...env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('the embedded PostgreSQL', () => {
  it('starts and answers with its binaries and its data in a folder only its owner may enter', async () => {
    const project = await folder('private');
    expect((await stat(project)).mode & 0o777).toBe(0o700);
    const binaries = join(project, 'node_modules', 'native');
    await cp((await installedBinaries()).native, binaries, { recursive: true, verbatimSymlinks: true });
    // Where a root run copies what its server user must reach; a folder of this test's own.
    const home = await folder('shared');
    const server = await startEmbeddedPostgres({ dataDir: join(project, '.lantai', 'postgres'), binaries, home, persistent: false });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ answer: number; encoding: string }>(`select 6 * 7 as answer, pg_encoding_to_char(encoding) as encoding from pg_database where datname = 'postgres'`);
        expect(rows).toEqual([{ answer: 42, encoding: 'UTF8' }]);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
  });

  it('that cannot start makes the demo exit 1 with one message saying what failed, why and what to do', async () => {
    const blocker = join(await folder('private'), 'a-file');
    await writeFile(blocker, 'not a folder');
    // Neither a data folder nor (as root) the embedded home can be made under a file.
    const { code, stdout, stderr } = await runProgram(['--import', 'tsx', 'scripts/demo.ts'], {
      LANTAI_DATA_DIR: join(blocker, 'data'),
      LANTAI_EMBEDDED_HOME: join(blocker, 'home'),
      PORT: '0',
      LANTAI_PROVINCE_PORT: '0',
      LANTAI_ARCHIVE_PORT: '0',
    });
    expect(code).toBe(1);
    expect(stderr.match(/could not start the embedded PostgreSQL/g)).toHaveLength(1);
    expect(stderr).toMatch(/Likely cause: .*not writable/);
    expect(stderr).toContain('set DATABASE_URL');
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
  });

  it('that cannot start makes the test run print the message once and fail', async () => {
    const blocker = join(await folder('private'), 'a-file');
    await writeFile(blocker, 'not a folder');
    const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const { code, stdout, stderr } = await runProgram([vitest, 'run', 'test/protocol/ids.test.ts'], {
      CI: 'true',
      // The harness's folder is a temporary one; as root its server's data and binaries go to the embedded home.
      TMPDIR: blocker,
      LANTAI_EMBEDDED_HOME: join(blocker, 'home'),
    });
    const output = `${stdout}${stderr}`;
    expect(code).toBe(1);
    expect(output.match(/could not start the embedded PostgreSQL/g)).toHaveLength(1);
    expect(output).toContain('set DATABASE_URL');
  });
});

describe('a program that loads the embedded PostgreSQL', () => {
  it('exits with the code it set when its work is done, as a failed test run does', async () => {
    expect((await runProgram(['--import', 'tsx', '--input-type=module', '-e', `await import('./scripts/embedded-postgres.ts'); process.exitCode = 3;`], {})).code).toBe(3);
  });

  it('exits with 0 when it set no code', async () => {
    expect((await runProgram(['--import', 'tsx', '--input-type=module', '-e', `await import('./scripts/embedded-postgres.ts');`], {})).code).toBe(0);
  });
});
