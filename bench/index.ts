/**
 * The benchmark command (issue 6):
 *
 *   npm run bench -- [--scenario routing,search,statistics,dashboard,oai,work,loading,import] [--scale small|province]
 *                    [--database postgres://…] [--archives 360000,360100] [--hosts 2]
 *                    [--out bench/results/<timestamp>.json] [--quick] [--search-cache on|off]
 *
 * Runs the scenarios against the network over one database (DATABASE_URL when --database is
 * not given), seeding it first where it is empty and reusing it where it is loaded, prints a
 * table per scenario with each target met or missed, and writes the report as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { redactSecrets } from '../protocol/redaction.js';
import { parseScale, type Scale } from '../seeds/plan.js';
import { databaseStateLine } from './database-state.js';
import { machineLine } from './machine.js';
import { SLOW_FACTOR } from './cpu-speed.js';
import { formatScenario, SCENARIOS, UNTIMED_SCENARIOS, type ScenarioName } from './report.js';
import { FULL_BUDGET, QUICK_BUDGET, runBench } from './run.js';

function fail(message: string): never {
  console.error(`bench: ${redactSecrets(message)}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      scenario: { type: 'string', default: SCENARIOS.join(',') },
      scale: { type: 'string', default: 'small' },
      database: { type: 'string' },
      archives: { type: 'string' },
      hosts: { type: 'string', default: '2' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'search-cache': { type: 'string', default: 'on' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}

const scenarios = values.scenario.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
const unknown = scenarios.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
if (unknown.length > 0 || scenarios.length === 0) fail(`unknown scenario ${unknown.join(', ')}: choose from ${SCENARIOS.join(', ')}.`);
let scale: Scale;
try {
  scale = parseScale(values.scale);
} catch (error) {
  fail((error as Error).message);
}
const databaseUrl = values.database ?? process.env.DATABASE_URL;
if (!databaseUrl) fail('no database: give --database postgres://… or DATABASE_URL (a database of its own: the bench seeds it).');
const hosts = Number(values.hosts);
if (!Number.isInteger(hosts) || hosts < 1) fail(`--hosts must be a whole number of 1 or more, not "${values.hosts}".`);
const archives = values.archives?.split(',').map((code) => code.trim()).filter((code) => code.length > 0);
if (values['search-cache'] !== 'on' && values['search-cache'] !== 'off') fail(`--search-cache is on or off, not "${values['search-cache']}".`);
const out = values.out ?? `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;

let lastProgress = 0;
try {
  const report = await runBench({
    databaseUrl,
    scenarios: scenarios as ScenarioName[],
    scale,
    archives,
    hosts,
    searchCache: values['search-cache'] === 'on',
    budget: values.quick ? QUICK_BUDGET : FULL_BUDGET,
    log: (line) => console.log(redactSecrets(line)),
    onScenario: (result) => console.log(`\n${formatScenario(result)}\n`),
    onSeedProgress: (p) => {
      if (performance.now() - lastProgress < 5000) return;
      lastProgress = performance.now();
      console.log(`seed: ${p.archivesLoaded}/${p.archivesToLoad} archives, ${p.records} records, ${Math.round(p.recordsPerSecond)} records/s`);
    },
  });
  // A loading-only run leaves the given database as it was: its count says nothing of the load.
  const held = report.records > 0 ? `about ${new Intl.NumberFormat('en-US').format(report.records)} catalogue records` : 'no catalogue records in the database given (loading uses a scratch database of its own)';
  console.log(`\n# Lantai benchmark, ${report.scale} scale: ${report.archives} archives, ${held}`);
  console.log(`machine: ${machineLine(report.machine)}`);
  console.log(databaseStateLine(report.database));
  console.log(`run: ${report.startedAt} – ${report.finishedAt}`);
  const verdicts = report.scenarios.flatMap((s) => s.targets);
  console.log(`CPU: the probe took ${report.cpu.fullSpeedProbeMs} ms at full speed; ${Math.round(report.cpu.slowShare * 100)} % of the run's ${report.cpu.probes} probes found the CPU slower than ${SLOW_FACTOR}× that`);
  const busy = report.scenarios.filter((s) => s.machineLoad?.busy).map((s) => s.scenario);
  if (busy.length > 0) console.log(`BUSY machine before ${busy.join(', ')}: their figures are disturbed by other work and judge no target; run again on a quiet machine.`);
  const slow = report.scenarios.filter((s) => s.cpuSpeed?.slow && !UNTIMED_SCENARIOS.includes(s.scenario)).map((s) => s.scenario);
  if (slow.length > 0) console.log(`SLOW CPU during ${slow.join(', ')}: the host ran this machine's cores slower for part of them; their figures judge no target. Run again when the probe stays near full speed.`);
  console.log(`targets: ${verdicts.filter((t) => t.met === true).length} met, ${verdicts.filter((t) => t.met === false).length} missed, ${verdicts.filter((t) => t.met === null).length} not judged at this scale${report.scenarios.some((s) => s.failed) ? `; FAILED: ${report.scenarios.filter((s) => s.failed).map((s) => s.scenario).join(', ')}` : ''}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`bench: report written to ${out}`);
  if (report.scenarios.some((s) => s.failed)) process.exitCode = 1;
} catch (error) {
  fail((error as Error).stack ?? (error as Error).message);
}
