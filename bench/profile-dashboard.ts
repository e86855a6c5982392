/**
 * Profiles the dashboard's first view, as the bench's dashboard scenario measures it, with a
 * Chromium trace per view: where the time from navigation to "every card, table and chart
 * drawn" goes on the page's main thread, and when its files and its query arrive.
 *
 *   tsx bench/profile-dashboard.ts --database postgres://… [--views 5] [--out trace-dir]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startBenchNetwork } from './network.js';
import { CHROMIUM_FLAGS, findChromium, MARK_COMPLETE, requireChineseFont } from './scenarios/dashboard.js';

const { values } = parseArgs({ options: { database: { type: 'string' }, views: { type: 'string', default: '5' }, out: { type: 'string' }, url: { type: 'string' }, cpu: { type: 'boolean', default: false } } });

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any }

function summarise(events: TraceEvent[], marks: Record<string, number>, resources: any[]) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
  const nav = events.find((e) => e.name === 'navigationStart' && (!main || e.pid === main.pid))?.ts ?? 0;
  const complete = nav + (marks['lantai:complete'] ?? 0) * 1000;
  const top = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= nav && e.ts <= complete);
  // Self time of the main thread's events, attributed to the innermost event by name.
  const byName = new Map<string, number>();
  const sorted = top.slice().sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  const self = new Map<TraceEvent, number>();
  for (const e of sorted) {
    while (stack.length && stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0) <= e.ts) stack.pop();
    const parent = stack.at(-1);
    self.set(e, (self.get(e) ?? 0) + (e.dur ?? 0));
    if (parent) self.set(parent, (self.get(parent) ?? 0) - Math.min(e.dur ?? 0, parent.ts + (parent.dur ?? 0) - e.ts));
    stack.push(e);
  }
  for (const [e, us] of self) byName.set(e.name, (byName.get(e.name) ?? 0) + us);
  const busy = [...byName.entries()].filter(([name]) => name !== 'RunTask' && name !== 'ThreadControllerImpl::RunTask').reduce((s, [, v]) => s + v, 0);
  return {
    completeMs: marks['lantai:complete'],
    mainThreadBusyMs: Math.round(busy / 1000),
    selfMs: Object.fromEntries([...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => [k, Math.round(v / 1000)])),
    resources: resources.map((r) => ({ name: r.name.replace(/^.*\/dashboard\//, '').replace(/^.*\/graphql.*$/, 'graphql'), start: Math.round(r.startTime), requestStart: Math.round(r.requestStart), responseStart: Math.round(r.responseStart), end: Math.round(r.responseEnd), bytes: r.encodedBodySize })),
    marks: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, Math.round(v)])),
  };
}

const executablePath = await findChromium();
await requireChineseFont();
const net = values.url ? undefined : await startBenchNetwork({ databaseUrl: values.database!, scale: 'province', log: () => undefined });
const origin = values.url ?? new URL(net!.network.gatewayUrl).origin;
const url = `${origin}/dashboard/`;
try {
  await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ statistics { coverage { contributed } } }' }) });
  await fetch(url);
  const views = Number(values.views);
  for (let i = 0; i < views; i++) {
    const profile = await mkdtemp(join(tmpdir(), 'lantai-profile-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport: { width: 1400, height: 1000 }, args: CHROMIUM_FLAGS });
    try {
      await context.addInitScript(MARK_COMPLETE);
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      if (values.cpu) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'blink'] },
      });
      const complete = page.waitForEvent('console', { predicate: (message) => message.text() === 'lantai:complete', timeout: 30_000 });
      const started = performance.now();
      await page.goto(url);
      await complete;
      const wall = performance.now() - started;
      const marks = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`)) as Record<string, number>;
      const resources = (await page.evaluate(`performance.getEntriesByType('resource').map((e) => e.toJSON())`)) as any[];
      const nav = (await page.evaluate(`performance.getEntriesByType('navigation')[0].toJSON()`)) as any;
      if (values.cpu && values.out) {
        const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: unknown };
        await writeFile(join(values.out, `cpu-${i + 1}.cpuprofile`), JSON.stringify(cpu));
      }
      await cdp.send('Tracing.end');
      await done;
      const summary = summarise(events, marks, resources);
      console.log(JSON.stringify({ view: i + 1, wallMs: Math.round(wall), domContentLoaded: Math.round(nav.domContentLoadedEventEnd), htmlEnd: Math.round(nav.responseEnd), ...summary }));
      if (values.out) await writeFile(join(values.out, `trace-${i + 1}.json`), JSON.stringify({ traceEvents: events }));
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
} finally {
  await net?.stop();
}
