/**
 * The CPU's own speed while a scenario runs. On a virtual machine the same work can take twice
 * the CPU time, or more, from one minute to the next with nothing else running in the guest: on
 * the bench machine of BENCHMARKS.md (2026-12-05, 18:35 UTC) a fixed loop took 1,770–1,844 ms of
 * its thread's CPU six times in a row, then 875–900 ms twice, with the other core idle, no
 * other process running and the guest's steal time at 0. The load average and the other
 * processes' share (machine.ts) cannot see that: the host decides how fast the cores run.
 *
 * A fixed piece of work timed in its own thread's CPU time can. Other processes taking the
 * cores (the benchmark's own services, under load) delay the probe but add little to its CPU
 * time (two processes spinning on both cores, nothing measurable; PostgreSQL scanning on both,
 * about 8 %); a core that runs slower adds all of it. A worker thread times the probe every two seconds while a
 * scenario runs, under 1 % of one core; the scenario's probes are compared with the CPU's full
 * speed over the whole run, and a scenario during which the core ran slow for more than a
 * twentieth of the probes, enough to move a p95, judges no timed target.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** Iterations of the loop in one chunk of the probe: about 0.17 ms of CPU on the bench machine at full speed. */
export const CHUNK_ITERATIONS = 100_000;
/** The fixed work a probe reports the CPU time of, in chunks: about 5 ms on the bench machine at full speed. */
export const PROBE_CHUNKS = 30;
/** CPU time each probe measures over at least: three of the kernel's 4 ms ticks. */
export const PROBE_SPAN_MS = 12;
/** One probe every two seconds while a scenario runs: under 1 % of one core. */
export const PROBE_INTERVAL_MS = 2000;
/** A probe this many times full speed's (fullSpeedProbeMs) counts as the core running slow: well clear of the probes' own spread. */
export const SLOW_FACTOR = 1.3;
/** Share of a scenario's probes that may be slow before its timed figures count as disturbed. */
export const MAX_SLOW_SHARE = 0.05;

/**
 * The worker, as a CommonJS script. The probe is a fixed loop done in chunks; its speed is the
 * CPU time the scheduler counts for the thread (/proc/thread-self/schedstat, in nanoseconds)
 * per chunk. That count moves only when the kernel updates it, at its tick (every 4 ms here)
 * or when the thread leaves its core, so a run timed from one read to another would be off by
 * up to a tick (getrusage's thread time, process.threadCpuUsage, read 4, 8 or 12 ms for the same
 * few milliseconds of work). The probe instead counts the chunks done between two updates, where the count is exact:
 * the thread being taken off its core by the benchmark's own processes costs it no accuracy.
 * Off Linux the probe is the wall time of the chunks, which also counts waiting for a core.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const schedstat = () => { try { return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6; } catch { return NaN; } };
const clock = Number.isFinite(schedstat()) ? schedstat : () => performance.now();
let sink = 0;
function chunk() { let x = 0; for (let i = 0; i < workerData.chunkIterations; i++) x = (x + (i % 7)) | 0; sink ^= x; }
// CPU milliseconds a probe of workerData.probeChunks chunks takes, measured over at least workerData.spanMs.
function probe() {
  const start = clock();
  let first = start;
  while (first === start) { chunk(); first = clock(); }
  let last = first;
  let chunks = 0;
  let counted = 0;
  while (last - first < workerData.spanMs || counted === 0) {
    chunk();
    chunks += 1;
    const now = clock();
    if (now !== last) { last = now; counted = chunks; }
  }
  return ((last - first) / counted) * workerData.probeChunks;
}
for (let i = 0; i < 3; i++) probe();
const post = () => parentPort.postMessage({ probeMs: probe(), sink });
let timer = null;
parentPort.on('message', (message) => {
  if (message === 'burst') {
    for (let i = 0; i < workerData.burst; i++) post();
    parentPort.postMessage('done');
  } else if (message === 'watch') {
    post();
    timer = setInterval(post, workerData.intervalMs);
  } else if (message === 'stop') {
    clearInterval(timer);
    post();
    parentPort.postMessage('done');
  }
});
parentPort.postMessage('ready');
`;

async function startWorker(options: { intervalMs?: number; burst?: number }): Promise<{ worker: Worker; probes: number[]; done: Promise<void> }> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      intervalMs: options.intervalMs ?? PROBE_INTERVAL_MS,
      burst: options.burst ?? 0,
      chunkIterations: CHUNK_ITERATIONS,
      probeChunks: PROBE_CHUNKS,
      spanMs: PROBE_SPAN_MS,
    },
  });
  // The probe must never keep the benchmark's process alive.
  worker.unref();
  const probes: number[] = [];
  let ready!: () => void;
  let finished!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const done = new Promise<void>((resolve) => (finished = resolve));
  // A worker that fails or ends before it answers ends the wait with an error, never a hang.
  const failed = Promise.race([
    once(worker, 'error').then(([error]) => Promise.reject(error as Error)),
    once(worker, 'exit').then(([code]) => Promise.reject(new Error(`the CPU probe's worker ended (exit code ${String(code)})`))),
  ]);
  failed.catch(() => undefined);
  worker.on('message', (message: 'ready' | 'done' | { probeMs: number }) => {
    if (message === 'ready') ready();
    else if (message === 'done') finished();
    else probes.push(message.probeMs);
  });
  await Promise.race([started, failed]);
  return { worker, probes, done: Promise.race([done, failed]) };
}

/** Probes taken back to back: a run's first, before its first scenario. */
export async function calibrateCpu(burst = 10): Promise<number[]> {
  const { worker, probes, done } = await startWorker({ burst });
  try {
    worker.postMessage('burst');
    await done;
    return probes;
  } finally {
    await worker.terminate();
  }
}

/** Probes the CPU every PROBE_INTERVAL_MS, from `start` until `stop`, in a worker thread. */
export class CpuSpeedWatch {
  readonly #worker: Worker;
  readonly #probes: number[];
  readonly #done: Promise<void>;
  #stopped: Promise<number[]> | undefined;

  private constructor(started: Awaited<ReturnType<typeof startWorker>>) {
    this.#worker = started.worker;
    this.#probes = started.probes;
    this.#done = started.done;
  }

  static async start(options: { intervalMs?: number } = {}): Promise<CpuSpeedWatch> {
    const watch = new CpuSpeedWatch(await startWorker(options));
    watch.#worker.postMessage('watch');
    return watch;
  }

  /**
   * Takes a last probe, ends the worker and returns the CPU milliseconds of every probe taken.
   * Called again, it answers the same probes: a scenario may end the probing before a stretch
   * that measures no target, and the bench still stops it after the scenario.
   */
  stop(): Promise<number[]> {
    this.#stopped ??= (async () => {
      try {
        this.#worker.postMessage('stop');
        await this.#done;
        return [...this.#probes];
      } finally {
        await this.#worker.terminate();
      }
    })();
    return this.#stopped;
  }
}

/**
 * The probe's CPU time at full speed, as far as a run saw it: the median of its five fastest
 * probes, so that one lucky probe does not make every other look slow (probes at the same speed
 * vary by about a tenth).
 */
export function fullSpeedProbeMs(probesMs: readonly number[]): number {
  const fastest = [...probesMs].filter(Number.isFinite).sort((a, b) => a - b).slice(0, 5);
  return fastest.length === 0 ? Number.NaN : fastest[Math.floor((fastest.length - 1) / 2)]!;
}

/** How fast the CPU ran during a scenario, against its full speed over the whole benchmark run. */
export interface CpuSpeed {
  /** CPU milliseconds of the probe at full speed in this run (fullSpeedProbeMs): the reference. */
  fullSpeedProbeMs: number;
  /** Probes taken while the scenario ran. */
  probes: number;
  /** The scenario's median probe over the reference: 1 at full speed, 2 with the core at half speed. */
  medianSlowdown: number;
  worstSlowdown: number;
  /** Share (0–1) of the scenario's probes over SLOW_FACTOR × the reference. */
  slowShare: number;
  /** Whether the core ran slow for more than MAX_SLOW_SHARE of the probes: the timed figures are disturbed. */
  slow: boolean;
}

export function judgeCpuSpeed(probesMs: readonly number[], fullSpeedMs: number): CpuSpeed {
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  const sorted = [...probesMs].filter(Number.isFinite).sort((a, b) => a - b);
  const slowShare = sorted.length === 0 ? 0 : sorted.filter((ms) => ms > SLOW_FACTOR * fullSpeedMs).length / sorted.length;
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    fullSpeedProbeMs: round(fullSpeedMs, 2),
    probes: sorted.length,
    medianSlowdown: median === undefined ? 1 : round(median / fullSpeedMs, 2),
    worstSlowdown: sorted.length === 0 ? 1 : round(sorted.at(-1)! / fullSpeedMs, 2),
    slowShare: round(slowShare, 3),
    slow: slowShare > MAX_SLOW_SHARE,
  };
}

export function cpuSpeedLine(speed: CpuSpeed): string {
  const judged = speed.slow ? ` — SLOW CPU: ${Math.round(speed.slowShare * 100)} % of the probes over ${SLOW_FACTOR}× full speed, no timed target judged` : '';
  return `CPU speed during this scenario: median probe ${speed.medianSlowdown}× full speed (${speed.fullSpeedProbeMs} ms), slowest ${speed.worstSlowdown}×, over ${speed.probes} probes${judged}`;
}
