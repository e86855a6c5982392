/**
 * Scenario oai: a full OAI-PMH harvest (ListRecords, oai_dc, 500 records a page) of the
 * network's biggest archive straight from its archive host, as a harvester outside would
 * run it: records per second, the time of each page and which page was slowest, and the host
 * process's resident memory sampled after every page (flat memory: it must not grow with the
 * archive). Beside it, the host's V8 heap after a full collection once the first page is served
 * and again at the end, read through the inspector the bench opens (heap-inspector.ts): heap
 * that stays grows because something is kept; resident memory that grows while that heap stays
 * is V8 or the allocator sizing themselves to the garbage of a page.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { HeapInspector } from '../heap-inspector.js';
import { percentile } from '../measure.js';
import type { BenchNetwork } from '../network.js';
import { atLeast, atMost, type ScenarioResult } from '../report.js';
import { archiveSchemaName } from '../../subgraphs/archive/database.js';

export interface OaiOptions {
  databaseUrl: string;
  /** Judge the targets (a province-scale run); otherwise they are reported, not judged. */
  provinceScale: boolean;
  /** The harvest stops after this long (the tests' quick runs). */
  maxDurationMs: number;
}

/** The archive with the most open records. */
async function biggestArchive(databaseUrl: string, codes: readonly string[]): Promise<{ code: string; open: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = codes.map((code) => `select '${code}' as code, count(*)::int as open from "${archiveSchemaName(code)}".record where access = 'OPEN'`).join(' union all ');
    const { rows } = await client.query<{ code: string; open: number }>(`${counts} order by open desc, code limit 1`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

function residentBytes(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export async function oaiScenario(net: BenchNetwork, options: OaiOptions): Promise<ScenarioResult> {
  const { code, open } = await biggestArchive(options.databaseUrl, net.codes);
  const hostIndex = net.hostOf(code);
  const host = net.network.archiveHosts[hostIndex]!;
  const base = host.endpoint(code).replace(/\/graphql$/, '/oai');
  const pid = host.process.pid;
  const inspectorUrl = net.inspectorOf(hostIndex);
  const inspector = inspectorUrl ? await HeapInspector.connect(inspectorUrl) : null;
  const pageMs: number[] = [];
  const rss: number[] = [residentBytes(pid)];
  const heapAfterGc: { firstPage?: number; end?: number } = {};
  let records = 0;
  let complete = false;
  let pausedMs = 0;
  const started = performance.now();
  try {
    let url = `${base}?verb=ListRecords&metadataPrefix=oai_dc`;
    while (performance.now() - started - pausedMs < options.maxDurationMs) {
      const pageStarted = performance.now();
      const response = await fetch(url);
      const xml = await response.text();
      pageMs.push(performance.now() - pageStarted);
      if (response.status !== 200 || xml.includes('<error code=')) throw new Error(`harvest page ${pageMs.length}: ${xml.slice(0, 300)}`);
      records += xml.split('<record>').length - 1;
      rss.push(residentBytes(pid));
      if (pageMs.length === 1 && inspector) {
        // A full collection between pages, kept out of the harvest's time.
        const pauseStarted = performance.now();
        heapAfterGc.firstPage = await inspector.heapUsedAfterGc();
        pausedMs += performance.now() - pauseStarted;
      }
      const token = /<resumptionToken[^>]*>([^<]*)<\/resumptionToken>/.exec(xml)?.[1];
      if (!token) {
        complete = true;
        break;
      }
      url = `${base}?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
    }
    if (inspector) heapAfterGc.end = await inspector.heapUsedAfterGc();
  } finally {
    inspector?.close();
  }
  const seconds = (performance.now() - started - pausedMs) / 1000;
  const sorted = [...pageMs].sort((a, b) => a - b);
  const slowestMs = sorted[sorted.length - 1]!;
  const perSecond = records / seconds;
  const mib = (bytes: number) => bytes / (1024 * 1024);
  // Growth from the end of the first page on: the first page warms the host's code and pools.
  const growth = mib(Math.max(...rss.slice(1)) - (rss[1] ?? rss[0]!));
  return {
    scenario: 'oai',
    title: `OAI-PMH full harvest of the biggest archive (${code}, ${open} open records)`,
    rows: [
      {
        label: complete ? 'ListRecords oai_dc, whole archive' : 'ListRecords oai_dc, stopped at the time budget',
        records,
        pages: pageMs.length,
        seconds: Number(seconds.toFixed(2)),
        recordsPerSecond: Math.round(perSecond),
        pageP50Ms: percentile(sorted, 0.5),
        pageP95Ms: percentile(sorted, 0.95),
        pageMaxMs: slowestMs,
        firstPageMs: pageMs[0],
        slowestPage: pageMs.indexOf(slowestMs) + 1,
        hostRssStartMiB: Number(mib(rss[0]!).toFixed(1)),
        hostRssAfterFirstPageMiB: Number(mib(rss[1] ?? Number.NaN).toFixed(1)),
        hostRssPeakMiB: Number(mib(Math.max(...rss)).toFixed(1)),
        hostRssEndMiB: Number(mib(rss[rss.length - 1]!).toFixed(1)),
        hostHeapAfterGcFirstPageMiB: heapAfterGc.firstPage === undefined ? null : Number(mib(heapAfterGc.firstPage).toFixed(1)),
        hostHeapAfterGcEndMiB: heapAfterGc.end === undefined ? null : Number(mib(heapAfterGc.end).toFixed(1)),
      },
    ],
    targets: [
      atLeast('a full harvest streams ≥ 5,000 records/s', perSecond, 5000, 'records/s', options.provinceScale && complete),
      atMost('each page of 500 records in < 200 ms (slowest page)', slowestMs, 200, 'ms', options.provinceScale && complete, `page ${pageMs.indexOf(slowestMs) + 1} of ${pageMs.length}`),
      atMost('flat memory: the host grows ≤ 64 MiB over the harvest', growth, 64, 'MiB', options.provinceScale && complete),
    ],
    notes: complete ? [] : [`stopped after ${options.maxDurationMs} ms with ${records} of ${open} records`],
  };
}
