/**
 * Load generation for the benchmarks: a bounded number of requests from a fixed number of
 * concurrent clients, in-process, over loopback. Every request is timed on its own; a run
 * stops at its request count or its time budget, whichever comes first, so no run is open-ended.
 */

export interface LoadPlan {
  /** Concurrent clients, each sending its next request when the previous one is answered. */
  clients: number;
  /** Requests in all (after warm-up). */
  requests: number;
  /** Time budget of the measured part, in milliseconds. */
  maxDurationMs: number;
  /**
   * Requests sent before measuring, not counted.
   * @default min(requests, 5)
   */
  warmup?: number;
}

// A type, not an interface: rows are also plain records for the report's tables.
export type LatencyRow = {
  label: string;
  clients: number;
  /** Requests measured (answered, failed or not). */
  requests: number;
  /** Requests that failed: a transport error or a GraphQL answer with errors. */
  errors: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
  /** Answered requests per second of the measured part's wall time. */
  throughputPerSecond: number;
  durationMs: number;
};

/** The value below which a share `q` (0–1) of the sorted samples lie (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Latency statistics of samples measured over `durationMs` of wall time. */
export function summarise(label: string, clients: number, samples: readonly number[], errors: number, durationMs: number): LatencyRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    label,
    clients,
    requests: sorted.length,
    errors,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    meanMs: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    throughputPerSecond: durationMs > 0 ? Math.round(((sorted.length - errors) / (durationMs / 1000)) * 10) / 10 : 0,
    durationMs: Math.round(durationMs),
  };
}

/**
 * One request of a scenario; it throws when the answer is wrong (an error, missing data), which
 * counts the request as failed.
 */
export type RequestTask = (index: number) => Promise<void>;

export interface RawRun {
  samples: number[];
  errors: number;
  durationMs: number;
  /** The first failure's message, to show why a run had errors. */
  firstError?: string;
}

/** Sends `plan.requests` requests from `plan.clients` clients, and times each. */
export async function runLoad(plan: LoadPlan, task: RequestTask): Promise<RawRun> {
  const warmup = plan.warmup ?? Math.min(plan.requests, 5);
  for (let i = 0; i < warmup; i++) await task(i).catch(() => undefined);

  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = started + plan.maxDurationMs;
  const client = async () => {
    while (next < plan.requests && performance.now() < deadline) {
      const index = next++;
      const sent = performance.now();
      try {
        await task(index);
      } catch (error) {
        errors += 1;
        firstError ??= (error as Error).message;
      }
      samples.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, plan.clients) }, client));
  return { samples, errors, durationMs: performance.now() - started, firstError };
}

/** A row measured in rounds: p50 and p95 are the medians of the rounds' own, with the rounds' p95 range. */
export type RoundsRow = LatencyRow & {
  rounds: number;
  /** The lowest and highest p95 of a round: how far one round may stray from the median. */
  p95MinMs: number;
  p95MaxMs: number;
  firstError?: string;
};

function median(values: readonly number[]): number {
  const sorted = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Summarises runs of the same load as one row: counts, mean and throughput over every sample,
 * p50 and p95 as the medians of the rounds' own, so that one round disturbed by other work on
 * the machine moves the range, not the verdict.
 */
export function summariseRounds(label: string, clients: number, runs: readonly RawRun[]): RoundsRow {
  const all = summarise(
    label,
    clients,
    runs.flatMap((r) => r.samples),
    runs.reduce((s, r) => s + r.errors, 0),
    runs.reduce((s, r) => s + r.durationMs, 0),
  );
  const rounds = runs.filter((r) => r.samples.length > 0).map((r) => summarise(label, clients, r.samples, r.errors, r.durationMs));
  const p95s = rounds.map((r) => r.p95Ms);
  const firstError = runs.find((r) => r.firstError)?.firstError;
  return {
    ...all,
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p95Ms: median(p95s),
    rounds: rounds.length,
    p95MinMs: p95s.length > 0 ? Math.min(...p95s) : Number.NaN,
    p95MaxMs: p95s.length > 0 ? Math.max(...p95s) : Number.NaN,
    ...(firstError ? { firstError } : {}),
  };
}

/** Runs the same load `rounds` times (warmed up once, before the first) and summarises the rounds. */
export async function measureRounds(label: string, plan: LoadPlan, rounds: number, task: RequestTask): Promise<RoundsRow> {
  const runs: RawRun[] = [];
  for (let round = 0; round < Math.max(1, rounds); round++) runs.push(await runLoad({ ...plan, warmup: round === 0 ? plan.warmup : 0 }, task));
  return summariseRounds(label, plan.clients, runs);
}

/** Runs the load and summarises it in one row. */
export async function measure(label: string, plan: LoadPlan, task: RequestTask): Promise<LatencyRow & { firstError?: string }> {
  const run = await runLoad(plan, task);
  return { ...summarise(label, plan.clients, run.samples, run.errors, run.durationMs), ...(run.firstError ? { firstError: run.firstError } : {}) };
}

/**
 * Measures two ways of doing the same thing in alternating rounds, so that a change of load
 * on a shared machine during the run falls on both alike.
 */
export async function measurePair(
  labels: readonly [string, string],
  plan: LoadPlan,
  tasks: readonly [RequestTask, RequestTask],
  rounds = 4,
): Promise<[RoundsRow, RoundsRow]> {
  const runs: RawRun[][] = [[], []];
  const per = { ...plan, requests: Math.max(1, Math.ceil(plan.requests / rounds)), maxDurationMs: plan.maxDurationMs / rounds };
  for (let round = 0; round < rounds; round++) {
    for (const side of [0, 1] as const) {
      runs[side]!.push(await runLoad({ ...per, warmup: round === 0 ? plan.warmup : 0 }, tasks[side]));
    }
  }
  return [summariseRounds(labels[0], plan.clients, runs[0]!), summariseRounds(labels[1], plan.clients, runs[1]!)];
}
