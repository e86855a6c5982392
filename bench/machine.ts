/** The machine a benchmark ran on, named in every report so figures are never read without it. */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

export interface Machine {
  hostname: string;
  platform: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  postgres: string;
  /** 1, 5 and 15 minute load averages when the run began: other work on a shared machine. */
  loadAverage: number[];
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres: string;
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    postgres = rows[0]!.server_version;
  } finally {
    await client.end();
  }
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    postgres,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function machineLine(machine: Machine): string {
  const gib = (machine.memoryBytes / 2 ** 30).toFixed(1);
  return `${machine.cpuModel}, ${machine.cores} cores, ${gib} GiB, ${machine.platform}; Node ${machine.node}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverage.join(' / ')}`;
}

/** How busy the machine was just before a scenario, apart from the benchmark itself. */
export interface MachineLoad {
  /** 1-minute load average (/proc/loadavg), the benchmark's own processes included. */
  loadAverage1: number;
  /** Share (0–1) of all cores' time that processes outside this process tree used over the sample. */
  othersCpuShare: number;
  /** Share (0–1) this process and its descendants (the network's services) used over the sample. */
  ownCpuShare: number;
  sampleMs: number;
  /** Whether the figures measured after this sample are disturbed by other work (see BUSY_OTHERS_CPU_SHARE). */
  busy: boolean;
}

/**
 * Others' CPU share above which the machine counts as busy: a fifth of all cores is, on two
 * cores, a search's worth of work competing with every measured request.
 */
export const BUSY_OTHERS_CPU_SHARE = 0.2;

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Busy and total jiffies of all cores (the first line of /proc/stat). */
function cpuTimes(): { busy: number; total: number } | null {
  const line = readProc('/proc/stat')?.split('\n', 1)[0];
  if (!line?.startsWith('cpu ')) return null;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((s, x) => s + x, 0);
  // idle and iowait are the 4th and 5th fields.
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

/** CPU jiffies (user + system) of `root` and all its descendants, read from /proc/<pid>/stat. */
function treeJiffies(root: number): number {
  const parent = new Map<number, number>();
  const jiffies = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may hold spaces: fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(name), Number(fields[1]));
    jiffies.set(Number(name), Number(fields[11]) + Number(fields[12]));
  }
  let sum = 0;
  for (const [pid, used] of jiffies) {
    for (let p: number | undefined = pid; p !== undefined && p > 0; p = parent.get(p)) {
      if (p === root) {
        sum += used;
        break;
      }
    }
  }
  return sum;
}

/**
 * Samples the machine's load for `sampleMs`: the load average, and all cores' busy time over
 * the sample minus what this process tree used. Off Linux (no /proc) it reports no load.
 */
export async function sampleMachineLoad(sampleMs = 1000): Promise<MachineLoad> {
  const loadAverage1 = Math.round(os.loadavg()[0]! * 100) / 100;
  const before = cpuTimes();
  if (!before) return { loadAverage1, othersCpuShare: 0, ownCpuShare: 0, sampleMs: 0, busy: false };
  const ownBefore = treeJiffies(process.pid);
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = cpuTimes()!;
  const own = treeJiffies(process.pid) - ownBefore;
  const total = Math.max(1, after.total - before.total);
  const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
  const othersCpuShare = round((after.busy - before.busy - own) / total);
  return { loadAverage1, othersCpuShare, ownCpuShare: round(own / total), sampleMs, busy: othersCpuShare > BUSY_OTHERS_CPU_SHARE };
}

export function machineLoadLine(load: MachineLoad): string {
  const percent = (x: number) => `${Math.round(x * 100)} %`;
  return `machine before this scenario: load average ${load.loadAverage1}, other processes ${percent(load.othersCpuShare)} of the CPU, the benchmark ${percent(load.ownCpuShare)}${load.busy ? ' — BUSY: figures disturbed by other work, no target judged' : ''}`;
}
