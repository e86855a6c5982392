/**
 * Scenario: the provincial dashboard's first view in a real browser (Chromium, driven by
 * playwright-core), with the province's statistics cache warm: from a fresh tab's navigation
 * to /dashboard/ until every figure, table and chart of the province view is drawn. Each
 * sample is a new browser profile, so the page's files come over the network every time. One
 * view, not measured, goes first: the services' first DashboardView after a start plans and
 * validates the operation (the gateway's query plan, the province's parse), which long-running
 * services have done long before anyone looks at the wall.
 */
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';
import { summarise } from '../measure.js';
import type { BenchNetwork } from '../network.js';
import { atMost, type ScenarioResult } from '../report.js';

export interface DashboardOptions {
  /** First views measured, each in a fresh browser profile. */
  views: number;
  /**
   * Views before them, not measured.
   * @default 1
   */
  warmupViews?: number;
  /** Whether this is the whole province at province scale, where the target applies. */
  provinceScale: boolean;
}

/** The launch flags the project drives Chromium with: offline, quiet, no sandbox for root. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium from LANTAI_CHROMIUM or PATH (Debian's package: apt-get install chromium). */
export async function findChromium(): Promise<string> {
  const candidates = process.env.LANTAI_CHROMIUM ? [process.env.LANTAI_CHROMIUM] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'chromium'));
  for (const candidate of candidates) {
    if (await access(candidate, constants.X_OK).then(() => true, () => false)) return candidate;
  }
  throw new Error('Chromium is not installed: apt-get install chromium (or set LANTAI_CHROMIUM to its path).');
}

export async function dashboardScenario(net: BenchNetwork, options: DashboardOptions): Promise<ScenarioResult> {
  const executablePath = await findChromium();
  const url = `${new URL(net.network.gatewayUrl).origin}/dashboard/`;
  // Warm the province's cache and the dashboard's build before the first sample.
  await net.gateway('{ statistics { coverage { contributed } } }');
  await fetch(url);
  const samples: number[] = [];
  const queries: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const warmup = options.warmupViews ?? 1;
  for (let i = -warmup; i < options.views; i++) {
    const profile = await mkdtemp(join(tmpdir(), 'lantai-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport: { width: 1400, height: 1000 }, args: CHROMIUM_FLAGS });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const started = performance.now();
      await page.goto(url);
      await page.locator('#status[data-state="fresh"]').waitFor({ timeout: 30_000 });
      // Every chart drawn: each chart container holds its SVG.
      await page.waitForFunction(`[...document.querySelectorAll('.chart')].every((chart) => chart.querySelector('svg'))`, undefined, { timeout: 30_000 });
      if (i < 0) continue;
      samples.push(performance.now() - started);
      // How much of it the page's one query took, from the browser's resource timing.
      const query = await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')).map((e) => e.duration)[0] ?? null`);
      if (typeof query === 'number') queries.push(query);
    } catch (error) {
      errors += 1;
      firstError ??= (error as Error).message.split('\n')[0];
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
  const row = summarise('first view, warm statistics cache, fresh browser', 1, samples, errors, samples.reduce((s, x) => s + x, 0));
  const queryRow = summarise('of which its DashboardView query', 1, queries, 0, queries.reduce((s, x) => s + x, 0));
  return {
    scenario: 'dashboard',
    title: `provincial dashboard first view (Chromium, ${net.codes.length} archives, anonymous public)`,
    rows: [{ ...row, ...(firstError ? { firstError } : {}) }, queryRow],
    targets: [atMost('dashboard first view ≤ 1.5 s (warm cache, province scale)', row.p95Ms, 1500, 'ms', options.provinceScale)],
    notes: [
      `${samples.length} first views, each in a new browser profile: from navigation until every card, table and chart is drawn; ${warmup} unmeasured before them (the services' first DashboardView plans the operation).`,
    ],
  };
}
