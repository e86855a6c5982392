/**
 * Runs the selected scenarios against one database and gathers one report. The scenarios of
 * the running network (routing, search, statistics) share one start of it; the work scenario
 * builds its own counting network in this process afterwards; loading uses a scratch
 * database of its own.
 */
import pg from 'pg';
import { selectArchives } from '../seeds/network.js';
import type { NetworkProgress } from '../seeds/network.js';
import { scaleFactorOf, type Scale } from '../seeds/plan.js';
import { DEFAULT_PROVINCE } from '../protocol/regions.js';
import { archiveSchemaName } from '../subgraphs/archive/database.js';
import { startCountingNetwork } from './counting-network.js';
import { describeDatabaseState } from './database-state.js';
import { calibrateCpu, CpuSpeedWatch, fullSpeedProbeMs, judgeCpuSpeed } from './cpu-speed.js';
import { describeMachine, sampleMachineLoad, type MachineLoad } from './machine.js';
import { startBenchNetwork } from './network.js';
import { judgedUnder, SCENARIOS, type BenchReport, type ScenarioName, type ScenarioResult } from './report.js';
import { importScenario } from './scenarios/import.js';
import { loadingScenario } from './scenarios/loading.js';
import { oaiScenario } from './scenarios/oai.js';
import { routingScenario } from './scenarios/routing.js';
import { searchScenario } from './scenarios/search.js';
import { dashboardScenario } from './scenarios/dashboard.js';
import { statisticsScenario } from './scenarios/statistics.js';
import { workScenario } from './scenarios/work.js';

/** How many requests each scenario sends; every run is also bounded in time. */
export interface BenchBudget {
  routingRequests: number;
  routingConcurrentRequests: number;
  /**
   * Requests each side of the routing comparison gets before it is measured: the services run
   * for months, so their steady state is what a client meets, not the first few hundred
   * requests after a start, while V8 is still compiling the gateway's request path.
   */
  routingWarmup: number;
  searchRequests: number;
  searchConcurrentRequests: number;
  /**
   * How long the search scenario leaves the network without a search before each of its last
   * three searches: longer than node-postgres's default idle timeout (10 s), after which a host
   * that had let its connections go plans on new, cold backends.
   */
  searchLullMs: number;
  statisticsRequests: number;
  statisticsConcurrentRequests: number;
  statisticsColdSamples: number;
  /** First views of the dashboard, each in a fresh browser. */
  dashboardViews: number;
  /** Time budget of one measured run, in milliseconds. */
  maxRunMs: number;
  /** Rows of the catalogue file the import scenario writes and imports. */
  importRows: number;
  /** Rounds of each latency case of search, statistics and the dashboard (routing alternates its own four). */
  latencyRounds: number;
}

export const FULL_BUDGET: Readonly<BenchBudget> = Object.freeze({
  routingRequests: 400,
  routingConcurrentRequests: 1600,
  routingWarmup: 1500,
  searchRequests: 40,
  searchConcurrentRequests: 96,
  searchLullMs: 15_000,
  statisticsRequests: 300,
  statisticsConcurrentRequests: 1600,
  statisticsColdSamples: 3,
  dashboardViews: 10,
  maxRunMs: 60_000,
  importRows: 1_000_000,
  latencyRounds: 3,
});

/** Enough requests to prove every scenario runs and reports, not to measure (the tests). */
export const QUICK_BUDGET: Readonly<BenchBudget> = Object.freeze({
  routingRequests: 8,
  routingConcurrentRequests: 32,
  routingWarmup: 4,
  searchRequests: 3,
  searchConcurrentRequests: 16,
  searchLullMs: 100,
  statisticsRequests: 8,
  statisticsConcurrentRequests: 32,
  statisticsColdSamples: 1,
  dashboardViews: 1,
  maxRunMs: 10_000,
  importRows: 2_000,
  latencyRounds: 3,
});

export interface BenchOptions {
  databaseUrl: string;
  scenarios: readonly ScenarioName[];
  /** @default 'small' */
  scale?: Scale;
  /** Only these archives; the whole province when omitted. */
  archives?: readonly string[];
  /** Archive host processes of the measured network. @default 2 */
  hosts?: number;
  /** Whether the province caches search answers (`--search-cache on|off`). @default true */
  searchCache?: boolean;
  budget?: BenchBudget;
  log?: (line: string) => void;
  onSeedProgress?: (progress: NetworkProgress) => void;
  /** Called with each scenario's result as soon as it is measured. */
  onScenario?: (result: ScenarioResult) => void;
}

/** Catalogue records in the archives, counted; an archive not migrated there (a loading-only run on an empty database) counts 0. */
async function countRecords(databaseUrl: string, codes: readonly string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: present } = await client.query<{ schema: string }>(
      `select table_schema as schema from information_schema.tables where table_name = 'record' and table_schema = any($1)`,
      [codes.map(archiveSchemaName)],
    );
    const schemas = new Set(present.map((row) => row.schema));
    const loaded = codes.filter((code) => schemas.has(archiveSchemaName(code)));
    if (loaded.length === 0) return 0;
    const counts = loaded.map((code) => `select count(*) as n from "${archiveSchemaName(code)}".record`).join(' union all ');
    const { rows } = await client.query<{ n: string | null }>(`select sum(n)::bigint as n from (${counts}) c`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => undefined);
  const scale = options.scale ?? 'small';
  const budget = options.budget ?? FULL_BUDGET;
  const startedAt = new Date().toISOString();
  const machine = await describeMachine(options.databaseUrl);
  const wants = (name: ScenarioName) => options.scenarios.includes(name);
  const provinceScale = scaleFactorOf(scale) >= 1 && !options.archives?.length;
  const codes = selectArchives(DEFAULT_PROVINCE, scale, 1, options.archives).map((plan) => plan.region.code).sort();
  const measured: { result: ScenarioResult; load: MachineLoad; probes: number[] }[] = [];
  // Every probe of the run: full speed is judged from all of them, calibration included.
  const probes = await calibrateCpu();
  /**
   * Runs one scenario; a scenario that fails is reported as failed, with why, and the others
   * still run: a long province-scale run should not be lost to one scenario. Its result is
   * printed as soon as it is measured, judged against the CPU's full speed seen so far; the
   * report judges every scenario again against the full speed of the whole run.
   */
  const run = async (scenario: ScenarioName, title: string, measure: (watch: CpuSpeedWatch) => Promise<ScenarioResult>) => {
    const load = await sampleMachineLoad();
    const watch = await CpuSpeedWatch.start();
    let result: ScenarioResult;
    try {
      result = await measure(watch);
    } catch (error) {
      result = { scenario, title, rows: [], targets: [], notes: [`FAILED: ${(error as Error).message}`], failed: true };
    }
    const during = await watch.stop();
    probes.push(...during);
    measured.push({ result, load, probes: during });
    options.onScenario?.(judgedUnder(result, load, judgeCpuSpeed(during, fullSpeedProbeMs(probes))));
  };

  // The work scenario runs its own in-process network, but over a database this network
  // seeds and registers in the directory, so it starts here too when work is all that is asked.
  if (wants('routing') || wants('search') || wants('statistics') || wants('dashboard') || wants('oai') || wants('work')) {
    log(`bench: starting the network (${codes.length} archives, ${options.hosts ?? 2} archive hosts)…`);
    const net = await startBenchNetwork({
      databaseUrl: options.databaseUrl,
      scale,
      archives: options.archives,
      hosts: options.hosts,
      searchCache: options.searchCache,
      inspectors: wants('oai'),
      log: (line) => {
        if (line.startsWith('lantai:')) log(line);
      },
      onSeedProgress: options.onSeedProgress,
    });
    try {
      // One block per scenario, each with its own budget: they read alike because each scenario is
      // run and reported apart.
      if (wants('routing')) {
        log('bench: routing…');
        await run('routing', 'gateway routing overhead', () =>
          routingScenario(net, {
            requests: budget.routingRequests,
            concurrentRequests: budget.routingConcurrentRequests,
            warmup: budget.routingWarmup,
            maxDurationMs: budget.maxRunMs,
            provinceScale,
          }),
        );
      }
      if (wants('search')) {
        log('bench: search…');
        await run('search', 'cross-region search', (watch) =>
          searchScenario(net, {
            requests: budget.searchRequests,
            concurrentRequests: budget.searchConcurrentRequests,
            lullMs: budget.searchLullMs,
            maxDurationMs: budget.maxRunMs,
            rounds: budget.latencyRounds,
            provinceScale,
            databaseUrl: options.databaseUrl,
            searchCache: options.searchCache ?? true,
            targetsMeasured: () => watch.stop(),
          }),
        );
      }
      if (wants('statistics')) {
        log('bench: statistics…');
        await run('statistics', 'province statistics', () =>
          statisticsScenario(net, {
            warmRequests: budget.statisticsRequests,
            concurrentRequests: budget.statisticsConcurrentRequests,
            coldSamples: budget.statisticsColdSamples,
            maxDurationMs: budget.maxRunMs,
            rounds: budget.latencyRounds,
            provinceScale,
          }),
        );
      }
      if (wants('dashboard')) {
        log('bench: dashboard…');
        await run('dashboard', 'provincial dashboard', () => dashboardScenario(net, { views: budget.dashboardViews, rounds: budget.latencyRounds, provinceScale }));
      }
      if (wants('oai')) {
        log('bench: oai…');
        await run('oai', 'OAI-PMH full harvest', () => oaiScenario(net, { databaseUrl: options.databaseUrl, provinceScale, maxDurationMs: budget.maxRunMs * 10 }));
      }
    } finally {
      await net.stop();
    }
  }
  if (wants('work')) {
    log('bench: work per request…');
    await run('work', 'work per request', async () => {
      const net = await startCountingNetwork(options.databaseUrl, codes);
      try {
        return await workScenario(net);
      } finally {
        await net.stop();
      }
    });
  }
  if (wants('loading')) {
    log('bench: loading into a scratch database…');
    await run('loading', 'seeding and loading', () =>
      loadingScenario({ serverUrl: options.databaseUrl, scale, archives: options.archives, fullProvince: provinceScale, onProgress: options.onSeedProgress }),
    );
  }

  if (wants('import')) {
    log(`bench: importing a ${budget.importRows}-row catalogue into a scratch database…`);
    await run('import', 'catalogue import', () => importScenario({ serverUrl: options.databaseUrl, rows: budget.importRows }));
  }

  const fullSpeed = fullSpeedProbeMs(probes);
  const wholeRun = judgeCpuSpeed(probes, fullSpeed);
  const results = measured.map((m) => judgedUnder(m.result, m.load, judgeCpuSpeed(m.probes, fullSpeed)));
  const order = (s: ScenarioResult) => SCENARIOS.indexOf(s.scenario);
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    scale: String(scale),
    archives: codes.length,
    records: await countRecords(options.databaseUrl, codes),
    database: await describeDatabaseState(options.databaseUrl, codes),
    cpu: { fullSpeedProbeMs: wholeRun.fullSpeedProbeMs, probes: wholeRun.probes, slowShare: wholeRun.slowShare },
    scenarios: results.sort((a, b) => order(a) - order(b)),
  };
}
