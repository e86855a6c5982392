/**
 * The benchmark command at small scale, every scenario, with a handful of requests each: it
 * must run end to end, print a table per scenario with its targets, and write a report of the
 * expected shape with sane figures, so the benchmark cannot rot. No figure is held to a
 * target here: timing belongs to the benchmark, not to the tests.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SLOW_SHARE } from '../../bench/cpu-speed.js';
import { BUSY_OTHERS_CPU_SHARE } from '../../bench/machine.js';
import type { BenchReport, ScenarioResult } from '../../bench/report.js';
import { CHINESE_FONT } from '../../bench/scenarios/dashboard.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { requireDebianCommand, requireDebianFile } from '../harness/debian-package.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Two hosts: Nanchang's archives on one, Jingdezhen's on the other.
const ARCHIVES = ['360100', '360121', '360200'];

let database: TestDatabase;
let folder: string;
let run: { code: number; stdout: string; stderr: string };
let report: BenchReport;

function bench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'bench/index.ts', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function scenario(name: string): ScenarioResult {
  const found = report.scenarios.find((s) => s.scenario === name);
  expect(found, `scenario ${name} in the report`).toBeDefined();
  return found!;
}

function expectSaneLatencies(result: ScenarioResult): void {
  expect(result.rows.length).toBeGreaterThan(0);
  for (const row of result.rows) {
    expect(row.errors, `${result.scenario} / ${row.label}: ${String(row.firstError ?? '')}`).toBe(0);
    expect(row.requests as number).toBeGreaterThan(0);
    expect(row.p50Ms as number).toBeGreaterThan(0);
    expect(row.p95Ms as number).toBeGreaterThanOrEqual(row.p50Ms as number);
    expect(row.meanMs as number).toBeGreaterThan(0);
    expect(row.throughputPerSecond as number).toBeGreaterThan(0);
  }
}

beforeAll(async () => {
  // The dashboard scenario drives Chromium, over a page with its Chinese text drawn.
  await requireDebianCommand({ package: 'chromium', command: 'chromium' });
  await requireDebianFile(CHINESE_FONT);
  database = await createTestDatabase('bench');
  folder = mkdtempSync(join(tmpdir(), 'lantai-bench-'));
  run = await bench('--quick', '--scale', 'small', '--archives', ARCHIVES.join(','), '--database', database.url, '--out', join(folder, 'report.json'));
  if (run.code === 0) report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as BenchReport;
  // Seeding and six scenarios take about three minutes on a machine other test runs share.
}, 600_000);

afterAll(async () => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  await database?.drop();
});

describe('npm run bench at small scale', () => {
  it('runs every scenario, prints a table and a verdict per target, and writes the report', () => {
    expect(run.stderr).not.toMatch(/^bench:/m);
    expect(run.code, `the bench command exited with ${run.code}; its last output:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-3000)}`).toBe(0);
    expect(report.scenarios.map((s) => s.scenario)).toEqual(['routing', 'search', 'statistics', 'dashboard', 'oai', 'work', 'loading', 'import']);
    expect(report.scenarios.filter((s) => s.failed).map((s) => `${s.scenario}: ${s.notes.join(' ')}`)).toEqual([]);
    for (const name of ['routing', 'search', 'statistics', 'dashboard', 'oai', 'work', 'loading', 'import']) expect(run.stdout).toContain(`## ${name}:`);
    expect(run.stdout).toMatch(/\| case +\|/);
    expect(run.stdout).toMatch(/^- (MET|MISSED|n\/a) +gateway adds ≤ 1 ms at p50/m);
    expect(run.stdout).toContain(`report written to ${join(folder, 'report.json')}`);
  });

  it('names the machine: cores, memory, CPU model, Node and PostgreSQL versions', () => {
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.memoryBytes).toBeGreaterThan(0);
    expect(report.machine.cpuModel.length).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(report.machine.postgres).toMatch(/^\d+(\.\d+)?/);
    expect(run.stdout).toMatch(/machine: .+ cores, .+ GiB, .+ Node v\d+.+ PostgreSQL \d+/);
    expect(report.scale).toBe('small');
    expect(report.archives).toBe(ARCHIVES.length);
    expect(report.records).toBeGreaterThan(0);
  });

  it('says whether the measured archives were in their steady state: seeded by the bench, every one vacuumed and analysed', () => {
    expect(report.database).toEqual({ archives: ARCHIVES.length, vacuumed: ARCHIVES.length, analysed: ARCHIVES.length });
    expect(run.stdout).toContain(`database: ${ARCHIVES.length} of ${ARCHIVES.length} archives' record tables vacuumed, ${ARCHIVES.length} analysed (steady state)`);
  });

  it('judges every target with its figure: met or missed, or n/a for province-scale targets', () => {
    const targets = report.scenarios.flatMap((s) => s.targets);
    expect(targets.length).toBe(17);
    for (const target of targets) {
      expect(Number.isFinite(target.figure), target.target).toBe(true);
      expect(Number.isFinite(target.limit)).toBe(true);
      expect([true, false, null]).toContain(target.met);
    }
    // A small network is not the province: its routing, search, statistics, harvest and 15-minute load are not judged.
    expect(scenario('routing').targets.map((t) => t.met)).toEqual([null]);
    expect(scenario('search').targets.map((t) => t.met)).toEqual([null, null, null, null]);
    expect(scenario('statistics').targets.map((t) => t.met)).toEqual([null, null]);
    expect(scenario('loading').targets[1]!.met).toBeNull();
    expect(scenario('import').targets.map((t) => t.met)).toEqual([null, null, null]);
    expect(scenario('dashboard').targets[0]!.met).toBeNull();
  });

  it('opens the dashboard\'s first view in Chromium, to the last chart', () => {
    const dashboard = scenario('dashboard');
    expectSaneLatencies(dashboard);
    expect(dashboard.rows.map((r) => r.label)).toEqual(['first view, warm statistics cache, fresh browser', 'of which its DashboardView query', 'the same views as the driver heard of them (one message later)']);
  });

  it('records the machine load before every scenario, and judges no timed target from a busy run', () => {
    for (const result of report.scenarios) {
      const load = result.machineLoad!;
      expect(load, result.scenario).toBeDefined();
      expect(load.loadAverage1).toBeGreaterThanOrEqual(0);
      for (const share of [load.othersCpuShare, load.ownCpuShare]) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
      expect(load.busy).toBe(load.othersCpuShare > BUSY_OTHERS_CPU_SHARE);
      if (load.busy && result.scenario !== 'work') for (const target of result.targets) expect(target.met, target.target).toBeNull();
    }
    expect(run.stdout.match(/^machine before this scenario: load average [\d.]+, other processes \d+ % of the CPU/gm)).toHaveLength(report.scenarios.length);
  });

  it("probes the CPU's speed through every scenario, and judges no timed target from a run on a slow CPU", () => {
    expect(report.cpu.fullSpeedProbeMs).toBeGreaterThan(0);
    expect(report.cpu.probes).toBeGreaterThanOrEqual(report.scenarios.length * 2);
    for (const result of report.scenarios) {
      const speed = result.cpuSpeed!;
      expect(speed, result.scenario).toBeDefined();
      expect(speed.fullSpeedProbeMs).toBe(report.cpu.fullSpeedProbeMs);
      expect(speed.probes).toBeGreaterThanOrEqual(2);
      expect(speed.slow).toBe(speed.slowShare > MAX_SLOW_SHARE);
      if (speed.slow && result.scenario !== 'work') for (const target of result.targets) expect(target.met, target.target).toBeNull();
    }
    expect(run.stdout.match(/^CPU speed during this scenario: median probe [\d.]+× full speed/gm)).toHaveLength(report.scenarios.length);
    expect(run.stdout).toMatch(/^CPU: the probe took [\d.]+ ms at full speed; \d+ % of the run's \d+ probes/m);
  });

  it("repeats each latency case in rounds and reports the median of the rounds' p95 with their range", () => {
    const rounded = [...scenario('routing').rows, ...scenario('search').rows, ...scenario('statistics').rows.slice(1)];
    for (const row of rounded) {
      expect(row.rounds as number, row.label).toBeGreaterThanOrEqual(3);
      expect(row.p95MinMs as number).toBeLessThanOrEqual(row.p95Ms as number);
      expect(row.p95Ms as number).toBeLessThanOrEqual(row.p95MaxMs as number);
    }
    expect(run.stdout).toMatch(/\| p95 min \| p95 max \|/);
  });

  it('times the gateway and the direct shard call of the same reads, without errors', () => {
    const routing = scenario('routing');
    expectSaneLatencies(routing);
    expect(routing.rows.map((r) => `${r.label}@${r.clients}`)).toEqual(
      [1, 16].flatMap((c) => ['record(id) via gateway', 'record(id) direct to shard', 'three archives via gateway', 'three archives direct (3 parallel calls)'].map((l) => `${l}@${c}`)),
    );
    expect(routing.targets[0]!.figure).toBeCloseTo((routing.rows[0]!.p50Ms as number) - (routing.rows[1]!.p50Ms as number), 2);
  });

  it('searches with two characters, four characters and a filter, at one and 16 clients, finding records', () => {
    const search = scenario('search');
    expectSaneLatencies(search);
    expect(search.rows).toHaveLength(11);
    expect(search.rows.filter((r) => r.clients === 16)).toHaveLength(4);
    for (const row of search.rows.slice(0, -2)) expect(row.matches as number).toBeGreaterThan(0);
  });

  it('has 16 clients search the written-down mix of words, the cache answering part of it', () => {
    const mix = scenario('search').rows.at(-2)!;
    expect(mix).toMatchObject({ label: '16 clients, mix of popular and rare words', clients: 16, errors: 0 });
    expect(mix.requests as number).toBeGreaterThan(0);
    expect(mix.cacheHitShare as number).toBeGreaterThan(0);
    expect(mix.cacheHitShare as number).toBeLessThanOrEqual(1);
  });

  it('times a search of a word not asked before after the network has had none for a while, three times', () => {
    const lull = scenario('search').rows.at(-1)!;
    expect(lull).toMatchObject({ label: 'one client, a word not asked before, after 0.1 s without a search', clients: 1, requests: 3, errors: 0, rounds: 3 });
    expect(lull.p50Ms as number).toBeGreaterThan(0);
  });

  it('measures beside each one-client search its floor, one SQL statement giving the same answer, and their ratio', () => {
    const search = scenario('search');
    const single = search.rows.filter((r) => r.clients === 1 && r.floorRatio !== undefined);
    expect(single.map((r) => r.label)).toEqual(
      ['two characters "通知"', 'four characters "婚姻登记"', 'filtered "工作" 文书 1980–1999'].flatMap((l) => [l, `${l}, floor (one SQL statement)`]),
    );
    for (let i = 0; i < single.length; i += 2) {
      const [federated, floor] = [single[i]!, single[i + 1]!];
      // Same total, top 20 in the same order, facets by archive, 门类, decade and 开放 status.
      expect(federated.sameAnswer, `${federated.label}: ${search.notes.join(' ')}`).toBe(true);
      expect(floor.matches).toBe(federated.matches);
      expect(federated.floorRatio as number).toBeCloseTo((federated.p95Ms as number) / (floor.p95Ms as number), 1);
    }
    expect(search.targets[1]).toMatchObject({ unit: '×', limit: 1.5 });
    expect(search.targets[1]!.figure).toBe(Math.max(...single.filter((r) => r.floorRatio != null).map((r) => r.floorRatio as number)));
  });

  it('measures statistics cold after a province restart and warm from its cache', () => {
    const statistics = scenario('statistics');
    expectSaneLatencies(statistics);
    expect(statistics.rows.map((r) => r.label)).toEqual(['cold (province just restarted)', 'warm (cached)', 'warm (cached)']);
  });

  it('harvests the biggest archive whole over OAI-PMH, reporting records per second, page times, the slowest page, and the host\'s memory and heap after a full collection', () => {
    const oai = scenario('oai');
    const [harvest] = oai.rows;
    expect(harvest!.label).toBe('ListRecords oai_dc, whole archive');
    expect(harvest!.records as number).toBeGreaterThan(0);
    expect(oai.title).toContain(`${String(harvest!.records)} open records`);
    expect(harvest!.recordsPerSecond as number).toBeGreaterThan(0);
    expect(harvest!.pageMaxMs as number).toBeGreaterThanOrEqual(harvest!.pageP50Ms as number);
    expect(harvest!.hostRssPeakMiB as number).toBeGreaterThan(0);
    expect(harvest!.slowestPage as number).toBeGreaterThanOrEqual(1);
    expect(harvest!.slowestPage as number).toBeLessThanOrEqual(harvest!.pages as number);
    // The heap the host keeps after a full collection, read through the inspector the bench opens.
    expect(harvest!.hostHeapAfterGcEndMiB as number).toBeGreaterThan(0);
    expect(harvest!.hostHeapAfterGcEndMiB as number).toBeLessThan(harvest!.hostRssPeakMiB as number);
    expect(oai.targets.map((t) => t.met)).toEqual([null, null, null]);
  });

  it('counts statements and shard calls per query: one shard call per archive read, a page costs the same at any size', () => {
    const rows = new Map(scenario('work').rows.map((r) => [r.label, r]));
    expect(rows.get('record(id)')).toMatchObject({ shardCalls: 1, provinceCalls: 0 });
    expect(rows.get('record(id)')!.sqlStatements as number).toBeGreaterThan(0);
    expect(rows.get('three archives, one record each')).toMatchObject({ shardCalls: 3 });
    // Cold statistics ask the archive host once for all its archives (one batch; one host
    // serves them all here); warm ones come from the province's cache.
    expect(rows.get('statistics, cold cache')).toMatchObject({ shardCalls: 1, provinceCalls: 1 });
    expect(rows.get('statistics, warm cache')).toMatchObject({ shardCalls: 0, provinceCalls: 1 });
    const pages = [...rows.values()].filter((r) => r.label.startsWith('search "通知" in '));
    expect(pages.map((r) => r.hits)).toEqual([5, 20, 100]);
    expect(new Set(pages.map((r) => r.sqlStatements)).size).toBe(1);
    expect(scenario('work').targets[0]).toMatchObject({ figure: 0, met: true });
  });

  it('loads a scratch database and reports records per second', () => {
    const [all] = scenario('loading').rows;
    expect(all).toMatchObject({ archives: ARCHIVES.length });
    expect(all!.records as number).toBeGreaterThan(0);
    expect(all!.recordsPerSecond as number).toBeGreaterThan(0);
    expect(all!.seconds as number).toBeGreaterThan(0);
    expect(all!.vacuumSeconds as number).toBeGreaterThanOrEqual(0);
    expect(all!.vacuumSeconds as number).toBeLessThanOrEqual(all!.seconds as number);
    expect(scenario('loading').notes.join(' ')).toMatch(/vacuums and analyses the tables it loaded/);
  });

  it('imports a GB18030 catalogue into an empty archive, again unchanged, then corrected, in processes of their own', () => {
    const rows = scenario('import').rows;
    expect(rows.map((r) => [r.label, r.rows, r.added, r.updated, r.unchanged])).toEqual([
      ['into the empty archive', 2000, 2000, 0, 0],
      ['the same file again (unchanged)', 2000, 0, 0, 2000],
      ['corrected file (1 row in 10 changed)', 2000, 0, 200, 1800],
    ]);
    for (const row of rows) {
      expect(row.rowsPerSecond as number).toBeGreaterThan(0);
      expect(row.peakRssMB as number).toBeGreaterThan(0);
    }
    expect(scenario('import').notes[0]).toMatch(/^load average \(1, 5, 15 min\) when the imports began: [\d.]+, [\d.]+, [\d.]+/);
  });

  it('refuses an unknown scenario with a clear message', async () => {
    const wrong = await bench('--scenario', 'routing,speed', '--database', database.url);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/bench: unknown scenario speed: choose from routing, search, statistics, dashboard, oai, work, loading, import\./);
  });
});
