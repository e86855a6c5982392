/**
 * The dashboard's build: what the gateway serves at /dashboard/ is, byte for byte, a build made
 * now from the sources in dashboard/ (so a stale build can never be served), and a change to
 * any source makes a new build on the next start.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, DASHBOARD_DIR, dashboardInputsHash, ensureDashboard } from '../../dashboard/build.js';
import { DASHBOARD_CSP } from '../../gateway/dashboard.js';
import { startNetwork, type TestNetwork } from '../gateway/fixtures/network.js';

let network: TestNetwork;
let scratch: string;
let base: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lantai-dashboard-build-'));
  network = await startNetwork();
  base = network.gatewayUrl.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await network?.stop();
  await rm(scratch, { recursive: true, force: true });
});

async function filesOf(dir: string, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...(await filesOf(dir, name)));
    else names.push(name);
  }
  return names.sort();
}

describe('the dashboard build', () => {
  it('is served at /dashboard/ exactly as a build made now from dashboard/ gives it, under a strict same-origin policy', async () => {
    const fresh = join(scratch, 'fresh');
    await buildDashboard(fresh);
    const names = await filesOf(fresh);
    expect(names).toEqual(expect.arrayContaining(['app.js', 'index.html', 'style.css']));
    const hash = await dashboardInputsHash();
    for (const name of names) {
      const response = await fetch(`${base}/dashboard/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('x-lantai-dashboard-build')).toBe(hash);
      expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
      expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(join(fresh, name))), `${name} is stale`).toBe(true);
    }
    const page = await fetch(`${base}/dashboard/`);
    expect(await page.text()).toBe(await readFile(join(fresh, 'index.html'), 'utf8'));
    const redirect = await fetch(`${base}/dashboard?region=360100`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/dashboard/?region=360100']);
  });

  it('references no other origin: no absolute URL in the page, its styles or its scripts', async () => {
    const page = await (await fetch(`${base}/dashboard/`)).text();
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    const css = await (await fetch(`${base}/dashboard/style.css`)).text();
    expect(css).not.toMatch(/url\(|@import/);
  });

  it('serves nothing but the build\'s own files', async () => {
    for (const path of ['/dashboard/../package.json', '/dashboard/%2e%2e/package.json', '/dashboard/build.ts', '/dashboard/src/main.ts', '/dashboard/chunks/']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/dashboard/app.js`, { method: 'POST' })).status).toBe(404);
  });

  it('is made again when a source changes, and reused while none does', async () => {
    // A copy of the dashboard beside a copy of the typed client and the catalogue terms it imports.
    const sources = join(scratch, 'project/dashboard');
    for (const input of ['src', 'operations', 'static', 'build.ts']) await cp(join(DASHBOARD_DIR, input), join(sources, input), { recursive: true });
    await cp(join(DASHBOARD_DIR, '../client'), join(scratch, 'project/client'), { recursive: true });
    await cp(join(DASHBOARD_DIR, '../protocol/catalogue-terms.ts'), join(scratch, 'project/protocol/catalogue-terms.ts'));
    const dist = join(scratch, 'dist');
    const first = await ensureDashboard(dist, sources);
    await writeFile(join(first.dir, 'marker'), 'kept while fresh');
    const again = await ensureDashboard(dist, sources);
    expect(again.hash).toBe(first.hash);
    expect(again.files.get('marker')?.toString()).toBe('kept while fresh');

    await writeFile(join(sources, 'static/style.css'), `${await readFile(join(sources, 'static/style.css'), 'utf8')}\n.changed { color: red; }\n`);
    const changed = await ensureDashboard(dist, sources);
    expect(changed.hash).not.toBe(first.hash);
    expect(changed.files.get('style.css')!.toString()).toContain('.changed');
    expect(changed.files.has('marker')).toBe(false);
    expect(await readdir(dist)).toEqual([changed.hash]);
  });
});
