/**
 * What a benchmark run reports: per scenario, rows of figures and the targets of issue 6,
 * each met or missed with its figure. The same object is printed as tables and written as JSON.
 */
import type { DatabaseState } from './database-state.js';
import { cpuSpeedLine, SLOW_FACTOR, type CpuSpeed } from './cpu-speed.js';
import { machineLoadLine, type Machine, type MachineLoad } from './machine.js';

export const SCENARIOS = ['routing', 'search', 'statistics', 'dashboard', 'oai', 'work', 'loading', 'import'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** A row of a scenario's table: a label and figures (milliseconds, counts, rates). */
export type Row = { label: string } & Record<string, string | number | boolean | null | undefined>;

export interface TargetResult {
  /** What is promised, as in the issue, e.g. "gateway adds ≤ 2 ms at p50 to record(id)". */
  target: string;
  /** The measured figure the target is judged on. */
  figure: number;
  unit: string;
  limit: number;
  /** Null when this run cannot judge it (e.g. a province-scale target in a small-scale run). */
  met: boolean | null;
  detail?: string;
}

export interface ScenarioResult {
  scenario: ScenarioName;
  title: string;
  rows: Row[];
  targets: TargetResult[];
  notes: string[];
  /** True when the scenario could not run to the end (its notes say why). */
  failed?: boolean;
  /** The machine's load sampled just before the scenario ran. */
  machineLoad?: MachineLoad;
  /** How fast the CPU ran while the scenario ran (cpu-speed.ts). */
  cpuSpeed?: CpuSpeed;
}

/** Scenarios whose figures are counts, not times: the machine's load cannot disturb them. */
export const UNTIMED_SCENARIOS: readonly string[] = ['work'];

/**
 * A timed scenario measured on a busy machine, or while its CPU ran slow (cpu-speed.ts), judges
 * no target: its figures stand, marked, but a verdict from a disturbed run would say more about
 * the other work, or the host, than about Lantai.
 */
export function judgedUnder(result: ScenarioResult, load: MachineLoad, speed?: CpuSpeed): ScenarioResult {
  const conditions = { ...result, machineLoad: load, ...(speed ? { cpuSpeed: speed } : {}) };
  if (UNTIMED_SCENARIOS.includes(result.scenario)) return conditions;
  const reasons = [
    ...(load.busy ? [`the machine was busy (other processes ${Math.round(load.othersCpuShare * 100)} % of the CPU, load average ${load.loadAverage1})`] : []),
    ...(speed?.slow ? [`the CPU ran slow (${Math.round(speed.slowShare * 100)} % of the probes over ${SLOW_FACTOR}× full speed, median ${speed.medianSlowdown}×)`] : []),
  ];
  if (reasons.length === 0) return conditions;
  const why = `not judged: ${reasons.join('; ')}`;
  return { ...conditions, targets: result.targets.map((t) => ({ ...t, met: null, detail: t.detail ? `${why}; ${t.detail}` : why })) };
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  scale: string;
  /** Archives in the network measured. */
  archives: number;
  /** Catalogue records in those archives. */
  records: number;
  /** Whether those archives' tables were vacuumed and analysed (at the end of the run). */
  database: DatabaseState;
  /**
   * The CPU probe's time at full speed in this run (cpu-speed.ts), to compare runs of other days
   * and machines, and the share of all the run's probes that found the CPU slow.
   */
  cpu: { fullSpeedProbeMs: number; probes: number; slowShare: number };
  scenarios: ScenarioResult[];
}

/** A target judged `figure ≤ limit`. */
export function atMost(target: string, figure: number, limit: number, unit: string, applies = true, detail?: string): TargetResult {
  return { target, figure, limit, unit, met: applies && Number.isFinite(figure) ? figure <= limit : null, ...(detail ? { detail } : {}) };
}

/** A target judged `figure ≥ limit`. */
export function atLeast(target: string, figure: number, limit: number, unit: string, applies = true, detail?: string): TargetResult {
  return { target, figure, limit, unit, met: applies && Number.isFinite(figure) ? figure >= limit : null, ...(detail ? { detail } : {}) };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '–';
    if (Number.isInteger(value)) return new Intl.NumberFormat('en-US').format(value);
    return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  }
  return String(value);
}

/** Display width: Chinese characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function table(columns: readonly { key: string; title: string }[], rows: readonly Record<string, unknown>[]): string {
  const cells = rows.map((row) => columns.map((c) => cell(row[c.key])));
  const widths = columns.map((c, i) => Math.max(width(c.title), ...cells.map((r) => width(r[i]!))));
  const line = (values: string[]) =>
    '| ' + values.map((v, i) => (i === 0 ? v + ' '.repeat(widths[i]! - width(v)) : ' '.repeat(widths[i]! - width(v)) + v)).join(' | ') + ' |';
  return [line(columns.map((c) => c.title)), '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|', ...cells.map(line)].join('\n');
}

const TITLES: Record<string, string> = {
  label: 'case',
  clients: 'clients',
  requests: 'requests',
  errors: 'errors',
  p50Ms: 'p50 ms',
  p95Ms: 'p95 ms',
  meanMs: 'mean ms',
  throughputPerSecond: 'req/s',
  p95MinMs: 'p95 min',
  p95MaxMs: 'p95 max',
};

/** The columns of a scenario's rows, in the order they first appear. */
function columnsOf(rows: readonly Row[]): { key: string; title: string }[] {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key) && key !== 'firstError' && key !== 'maxMs' && key !== 'durationMs') keys.push(key);
  return keys.map((key) => ({ key, title: TITLES[key] ?? key }));
}

export function formatTarget(t: TargetResult): string {
  const verdict = t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISSED';
  return `${verdict.padEnd(6)} ${t.target}: ${cell(t.figure)} ${t.unit} (limit ${cell(t.limit)} ${t.unit})${t.detail ? ` — ${t.detail}` : ''}`;
}

export function formatScenario(result: ScenarioResult): string {
  const parts = [`## ${result.scenario}: ${result.title}`, ''];
  if (result.machineLoad) parts.push(machineLoadLine(result.machineLoad));
  if (result.cpuSpeed) parts.push(cpuSpeedLine(result.cpuSpeed));
  if (result.machineLoad || result.cpuSpeed) parts.push('');
  parts.push(table(columnsOf(result.rows), result.rows));
  if (result.targets.length > 0) parts.push('', ...result.targets.map((t) => `- ${formatTarget(t)}`));
  if (result.notes.length > 0) parts.push('', ...result.notes.map((n) => `  ${n}`));
  return parts.join('\n');
}
