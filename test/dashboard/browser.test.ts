/**
 * The provincial dashboard in a real browser (Debian's Chromium, driven by playwright-core)
 * over the demo network in its own processes: it loads and asks no other origin; its cards,
 * a region's row and its rankings say what the GraphQL API answers for the same role; it
 * drills down to a county and back with the URL, one query per view; a supervisor's token
 * shows the request counts the public does not get; its 年报 XLSX holds the same figures;
 * with the province stopped it keeps its last figures and says they are stale. Screenshots of
 * the main views go to test-artifacts/.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JWT_SECRET, signClientToken } from '../../gateway/caller.js';
import { startNetwork, type Network } from '../../scripts/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { CHINESE_FONT } from '../../bench/scenarios/dashboard.js';
import { requireDebianCommand, requireDebianFile } from '../harness/debian-package.js';

const ARCHIVES = ['360000', '360100', '360102', '360121', '360200', '360222'];
const ARTIFACTS = new URL('../../test-artifacts/dashboard/', import.meta.url).pathname;
const VIEW = await readFile(new URL('../../dashboard/operations/DashboardView.graphql', import.meta.url), 'utf8');

let db: TestDatabase;
let network: Network;
let context: BrowserContext;
let page: Page;
let profile: string;
let origin: string;
const requested: string[] = [];

beforeAll(async () => {
  const executablePath = await requireDebianCommand({ package: 'chromium', command: 'chromium' });
  // A Chinese font, so that the screenshots show the page's text.
  await requireDebianFile(CHINESE_FONT);
  db = await createTestDatabase('dashboard');
  network = await startNetwork({ databaseUrl: db.url, archives: ARCHIVES, hosts: 2, env: { LANTAI_PROBE_INTERVAL_MS: '60000' } });
  origin = new URL(network.gatewayUrl).origin;
  profile = await mkdtemp(join(tmpdir(), 'lantai-chromium-'));
  await mkdir(ARTIFACTS, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('request', (request) => requested.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await network?.stop();
  await db?.drop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function api(variables: Record<string, unknown>, token?: string) {
  const response = await fetch(network.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: VIEW, variables: { rankBy: 'OPEN_RATE', ...variables } }),
  });
  return (await response.json()) as { data: { statistics: any }; errors?: { extensions?: { code?: string }; path?: unknown[] }[] };
}

/** The digits of a figure as the page shows it ("12,345 卷件" → 12345). */
async function figure(name: string): Promise<number> {
  const text = await page.locator(`.cards [data-figure="${name}"]`).first().textContent();
  return Number(text!.replace(/[^\d.]/g, ''));
}

async function freshView(): Promise<void> {
  await page.locator('#status[data-state="fresh"]').waitFor();
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('the provincial dashboard in a browser', () => {
  it('loads from the gateway and makes no request to any other origin', async () => {
    await page.goto(`${origin}/dashboard/`);
    await freshView();
    await page.locator('#regions table').waitFor();
    await shoot('province');
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => new URL(url).origin !== origin && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('sends its first view\'s one query from boot.js, before the bundle runs, and draws the view from that answer', async () => {
    const first = await context.newPage();
    const cdp = await context.newCDPSession(first);
    await cdp.send('Network.enable');
    // Which script sent each query: the first frame of the stack that made the request.
    const senders: string[] = [];
    cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
      if (request.url === network.gatewayUrl) senders.push(initiator.stack?.callFrames[0]?.url ?? initiator.type);
    });
    await first.goto(`${origin}/dashboard/?region=360100`);
    await first.locator('#status[data-state="fresh"]').waitFor();
    await first.locator('#region-name', { hasText: '南昌市' }).waitFor();
    const city = (await api({ region: '360100' })).data.statistics;
    const holdings = await first.locator('.cards [data-figure="holdings"]').first().textContent();
    expect(Number(holdings!.replace(/[^\d.]/g, ''))).toBe(city.totals.holdings);
    expect(senders).toEqual([`${origin}/dashboard/boot.js`]);
    await first.close();
  });

  it('shows in its cards, a region\'s row and its rankings what the GraphQL API answers for the same role', async () => {
    const { statistics } = (await api({ region: null })).data;
    expect(await figure('holdings')).toBe(statistics.totals.holdings);
    expect(await figure('open')).toBe(statistics.totals.open);
    expect(await figure('files')).toBe(statistics.totals.files);
    expect(await figure('digitised')).toBe(statistics.totals.digitised);
    expect(await figure('digitalPages')).toBe(statistics.totals.digitalPages);
    expect(await figure('visitors')).toBe(statistics.totals.visitors);
    expect(await page.locator('.cards [data-figure="openRate"]').textContent()).toBe(`${(statistics.rates.openRate * 100).toFixed(1)}%`);
    expect(await page.locator('#region-name').textContent()).toBe(statistics.region.name);

    const nanchang = statistics.byRegion.find((r: any) => r.region.code === '360100');
    const row = page.locator('#regions tbody tr', { has: page.locator('a[data-region="360100"]') });
    const cells = (await row.locator('td').allTextContents()).map((text) => text.replace(/[^\d.]/g, ''));
    expect(cells.slice(0, 3).map(Number)).toEqual([nanchang.archives, nanchang.totals.holdings, nanchang.totals.open]);
    expect(cells[3]).toBe((nanchang.rates.openRate * 100).toFixed(1));
    expect(await page.locator('#coverage [data-coverage="summary"]').textContent()).toContain(`${statistics.coverage.contributed} / ${statistics.coverage.archives}`);

    // The best and the last archives by the open rate, as the API ranks them, and the cities by it.
    const ranked = async (selector: string) => (await page.locator(`${selector} tbody tr th + td`).allTextContents()).map((name) => name.trim());
    expect(await ranked('#rankings .ranking-pair .table-wrapper:first-child')).toEqual(statistics.best.map((r: any) => r.archive.name));
    expect(await ranked('#rankings .ranking-pair .table-wrapper:last-child')).toEqual(statistics.last.map((r: any) => r.archive.name));
    const cities = statistics.byRegion
      .filter((r: any) => r.archives > 0 && r.totals.holdings >= 100)
      .sort((a: any, b: any) => b.rates.openRate - a.rates.openRate)
      .map((r: any) => r.region.name);
    expect(await ranked('#rankings .region-ranking')).toEqual(cities);
  });

  it('drills down to a city and a county with one query per view, keeps the view in the URL, and comes back', async () => {
    const queries = () => requested.filter((url) => url === network.gatewayUrl).length;
    let before = queries();
    await page.locator('#regions a[data-region="360100"]').click();
    await page.waitForURL(/region=360100/);
    await freshView();
    await page.locator('#region-name', { hasText: '南昌市' }).waitFor();
    const city = (await api({ region: '360100' })).data.statistics;
    expect(await figure('holdings')).toBe(city.totals.holdings);
    expect(queries() - before).toBe(1);
    await shoot('city');
    before = queries();

    await page.locator('#regions a[data-region="360121"]').click();
    await page.waitForURL(/region=360121/);
    await freshView();
    const county = (await api({ region: '360121' })).data.statistics;
    await page.locator('#region-name', { hasText: county.region.name }).waitFor();
    expect(await figure('holdings')).toBe(county.totals.holdings);
    expect(queries() - before).toBe(1);
    await shoot('county');

    // A bookmark of the county view opens on it.
    const bookmarked = await context.newPage();
    await bookmarked.goto(page.url());
    await bookmarked.locator('#region-name', { hasText: county.region.name }).waitFor();
    await bookmarked.close();

    await page.goBack();
    await page.locator('#region-name', { hasText: '南昌市' }).waitFor();
    await page.goBack();
    await page.locator('#region-name', { hasText: '江西省' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
  });

  it('shows a supervisor the cross-region request counts the public does not get', async () => {
    const publicAnswer = await api({ region: null });
    expect(publicAnswer.data.statistics.accessRequests).toBeNull();
    expect(await page.locator('.cards [data-figure="requestsReceived"]').textContent()).toBe('—');
    expect(await page.locator('#role').getAttribute('data-role')).toBe('public');
    await expect(page.locator('#requests').count()).resolves.toBe(0);

    const token = await signClientToken({ role: 'supervisor', region: '360000', sub: 'supervisor-dashboard', expires: '10m' }, DEMO_JWT_SECRET);
    const supervisor = (await api({ region: null }, token)).data.statistics;
    await page.fill('#token-form input[name="token"]', token);
    await page.click('#token-form button[type="submit"]');
    await page.locator('#role[data-role="signed-in"]').waitFor();
    await freshView();
    expect(await figure('requestsReceived')).toBe(supervisor.accessRequests.received);
    expect(await figure('requestsOverdue')).toBe(supervisor.accessRequests.overdue);
    expect(await figure('requestsDeadline')).toBe(10);
    await page.locator('#requests table').waitFor();
    // The holdings figures are the same for both roles.
    expect(await figure('holdings')).toBe(publicAnswer.data.statistics.totals.holdings);
    await shoot('province-supervisor');

    await page.click('#sign-out');
    await page.locator('#role[data-role="public"]').waitFor();
  });

  it('exports the 年报 XLSX with the same figures', async () => {
    const { statistics } = (await api({ region: null })).data;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    expect(download.suggestedFilename()).toBe(`年报-${statistics.region.name}-${statistics.region.code}.xlsx`);
    const file = join(profile, 'report.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['馆藏档案', '档案利用', '按年代与门类']);

    const holdings = workbook.getWorksheet('馆藏档案')!;
    const header = holdings.getRow(3).values as unknown[];
    const rows = holdings.getSheetValues().filter(Boolean) as unknown[][];
    const total = rows.find((row) => row[1] === '合计')!;
    const column = (name: string) => total[header.indexOf(name)];
    expect(column('馆藏档案 合计')).toBe(statistics.totals.holdings);
    expect(column('馆藏档案 案卷')).toBe(statistics.totals.files);
    expect(column('开放档案 合计')).toBe(statistics.totals.open);
    expect(column('馆藏档案数字化')).toBe(statistics.totals.digitised);
    expect(column('数字化画幅')).toBe(statistics.totals.digitalPages);
    const nanchang = rows.find((row) => row[2] === '360100')!;
    expect(nanchang[header.indexOf('馆藏档案 合计')]).toBe(statistics.byRegion.find((r: any) => r.region.code === '360100').totals.holdings);

    const use = workbook.getWorksheet('档案利用')!;
    const useHeader = use.getRow(3).values as unknown[];
    const useTotal = (use.getSheetValues().filter(Boolean) as unknown[][]).find((row) => row[1] === '合计')!;
    expect(useTotal[useHeader.indexOf('利用人次')]).toBe(statistics.totals.visitors);
    expect(useTotal[useHeader.indexOf('利用档案')]).toBe(statistics.totals.itemsProvided);
  });

  it("downloads a chart's table as CSV (UTF-8 with a BOM) with the figures the table shows", async () => {
    await page.goto(`${network.gatewayUrl.replace(/graphql$/, '')}dashboard/`);
    await freshView();
    const { statistics } = (await api({ region: null })).data;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.csv[data-csv="regions"]')]);
    expect(download.suggestedFilename()).toBe('regions.csv');
    const file = join(profile, 'regions.csv');
    await download.saveAs(file);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    // The header, the province's own archive (本级) and one line per city.
    expect(lines).toHaveLength(2 + statistics.byRegion.length);
    expect(lines[0]).toBe('地区,档案馆数,馆藏档案（卷件）,开放档案（卷件）,开放率,数字化率,文件级目录率,利用人次');
    const nanchang = statistics.byRegion.find((r: any) => r.region.code === '360100');
    const row = lines.find((line) => line.startsWith(`${nanchang.region.name},`))!;
    expect(row.split(',')).toContain(String(nanchang.totals.holdings));
  });

  // Last: it stops the province for the rest of the file.
  it('keeps its last figures, marked stale, when the province stops answering', async () => {
    await freshView();
    const before = await figure('holdings');
    await network.province.stop();
    await page.click('#refresh');
    await page.locator('#status[data-state="stale"]').waitFor();
    expect(await page.locator('#status').textContent()).toMatch(/省级服务未响应.*已过期/);
    expect(await figure('holdings')).toBe(before);
    await shoot('province-stale');

    // A view it never had says so in words, with no figures and no stack trace.
    await page.goto(`${origin}/dashboard/?region=360200`);
    await page.locator('#status[data-state="error"]').waitFor();
    expect(await page.locator('main').textContent()).toMatch(/省级服务未响应.*暂时没有可显示的数字/);
    expect(await page.locator('body').textContent()).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
  });
});
