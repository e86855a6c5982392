/** `npm run export`: the archive's own export from its database, and --public. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, CITY, seedCatalogue, startArchiveWorld, type ArchiveWorld } from '../archive/fixture.js';
import { expectEad3FindingAid } from '../harness/ead3-structure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let world: ArchiveWorld;
let folder: string;

beforeAll(async () => {
  world = await startArchiveWorld('exportcommand', [CITY]);
  await seedCatalogue(world, CITY);
  folder = mkdtempSync(join(tmpdir(), 'lantai-export-'));
});

afterAll(async () => {
  await world?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function exportCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/export.ts', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: world.database.url }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run export', () => {
  it('writes the whole catalogue as CSV by default, and open records only with --public', async () => {
    const all = join(folder, 'all.csv');
    const whole = await exportCommand('--archive', CITY, '--format', 'csv', '--out', all);
    expect(whole.code).toBe(0);
    expect(whole.stderr).toContain(`${CATALOGUE.length} records (all records)`);
    const text = readFileSync(all, 'utf8');
    for (const record of CATALOGUE) expect(text).toContain(record.referenceCode);

    const open = await exportCommand('--archive', CITY, '--format', 'csv', '--public');
    expect(open.code).toBe(0);
    for (const record of CATALOGUE) {
      if (record.access === 'OPEN') expect(open.stdout).toContain(record.title);
      else expect(open.stdout).not.toContain(record.title);
    }
  });

  it('writes one well-formed EAD3 finding aid per fonds into a folder', async () => {
    const out = join(folder, 'ead');
    const result = await exportCommand('--archive', CITY, '--format', 'ead3', '--out', out);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${CITY}-J001.ead3.xml`, `${CITY}-J002.ead3.xml`]);
    for (const file of readdirSync(out)) expect((await expectEad3FindingAid(readFileSync(join(out, file), 'utf8'))).fonds).toBe(file.slice(CITY.length + 1, -'.ead3.xml'.length));
  });

  it('refuses bad arguments with exit code 2 and an unknown fonds with 1', async () => {
    expect((await exportCommand('--archive', 'nanchang', '--format', 'csv')).code).toBe(2);
    expect((await exportCommand('--archive', CITY, '--format', 'pdf')).code).toBe(2);
    expect((await exportCommand('--archive', CITY, '--format', 'ead3')).code).toBe(2);
    const unknown = await exportCommand('--archive', CITY, '--format', 'csv', '--fonds', 'J404');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('全宗不存在');
  });
});
