/**
 * A few past years of yearly snapshots (年报快照) for the demo, so that its dashboards have a
 * year-over-year series to show. Last year's snapshot is taken for real, through the
 * province's snapshotYear; the years before it are derived from it, each a little smaller,
 * with fewer records open and fewer digitised, as a network that grows, opens and digitises
 * every year would have reported them. Years that already have snapshots are left alone.
 */
import type { Identity } from '../protocol/identity.js';
import { ShardClient } from '../protocol/shard-client.js';
import { HoldingsSnapshotEntity } from '../subgraphs/province/entities/index.js';
import { openProvinceDatabase } from '../subgraphs/province/database.js';
import type { HoldingsCounters, HoldingsSummary } from '../subgraphs/province/statistics/holdings-cache.js';

const BOOTSTRAP: Identity = { sub: 'lantai-bootstrap', role: 'admin' };

/** Yearly shrink going back in time: holdings, open holdings, digitised holdings. */
const GROWTH = { holdings: 0.04, open: 0.1, digitised: 0.18 } as const;

export interface SnapshotHistoryOptions {
  databaseUrl: string;
  /** The province subgraph's GraphQL URL. */
  provinceUrl: string;
  /** LANTAI_SUBGRAPH_SECRET, to sign the snapshot request as an admin. */
  secret: string;
  /**
   * How many years, ending last year.
   * @default 4
   */
  years?: number;
  now?: Date;
}

/** The counters of `yearsBack` years before `counters`, as a growing network would have had them. */
export function countersYearsBefore(counters: HoldingsCounters, yearsBack: number): HoldingsCounters {
  const factor = (rate: number) => (1 - rate) ** yearsBack;
  const scale = (value: number, rate: number) => Math.floor(value * factor(rate));
  const past = { ...counters };
  for (const name of Object.keys(past) as (keyof HoldingsCounters)[]) past[name] = scale(past[name], GROWTH.holdings);
  past.openFiles = Math.min(past.files, scale(counters.openFiles, GROWTH.open));
  past.openItems = Math.min(past.items, scale(counters.openItems, GROWTH.open));
  past.digitised = Math.min(past.files + past.items, scale(counters.digitised, GROWTH.digitised));
  past.digitalPages = scale(counters.digitalPages, GROWTH.digitised);
  past.digitalBytes = scale(counters.digitalBytes, GROWTH.digitised);
  return past;
}

export function summaryYearsBefore(summary: HoldingsSummary, yearsBack: number, asOf: Date): HoldingsSummary {
  const before = (counters: HoldingsCounters) => countersYearsBefore(counters, yearsBack);
  return {
    ...summary,
    asOf: asOf.toISOString(),
    total: before(summary.total),
    byCategory: summary.byCategory.map((row) => ({ ...row, counters: before(row.counters) })),
    byPeriod: summary.byPeriod.map((row) => ({ ...row, counters: before(row.counters) })),
  };
}

/** How long the province may take to snapshot every archive's figures. */
const SNAPSHOT_TIMEOUT_MS = 120_000;

/** Takes last year's snapshot when missing and derives the years before it; returns the years added. */
export async function seedSnapshotHistory(options: SnapshotHistoryOptions): Promise<number[]> {
  const now = options.now ?? new Date();
  const lastYear = now.getUTCFullYear() - 1;
  const years = options.years ?? 4;
  const orm = await openProvinceDatabase(options.databaseUrl, { poolSize: 2 });
  const added: number[] = [];
  try {
    const em = orm.em.fork();
    if ((await em.count(HoldingsSnapshotEntity, { year: lastYear })) === 0) {
      // The one client for calls between services, with room for a snapshot of every archive.
      const client = new ShardClient({ secret: options.secret, timeoutMs: SNAPSHOT_TIMEOUT_MS });
      let body;
      try {
        body = await client.request(options.provinceUrl, { query: 'mutation($year: Int!) { snapshotYear(year: $year) { year } }', variables: { year: lastYear } }, BOOTSTRAP);
      } finally {
        await client.close();
      }
      if (!body.data) throw new Error(`snapshotYear(${lastYear}) failed: ${body.errors?.map((e) => e.message).join('; ')}`);
      added.push(lastYear);
    }
    const latest = await em.find(HoldingsSnapshotEntity, { year: lastYear });
    for (let back = 1; back < years; back++) {
      const year = lastYear - back;
      const existing = new Set((await em.find(HoldingsSnapshotEntity, { year })).map((row) => row.archive));
      const missing = latest.filter((row) => !existing.has(row.archive));
      if (missing.length === 0) continue;
      const takenAt = new Date(Date.UTC(year + 1, 0, 15));
      for (const row of missing) {
        em.create(HoldingsSnapshotEntity, {
          archive: row.archive,
          year,
          takenAt,
          complete: summaryYearsBefore(row.complete as unknown as HoldingsSummary, back, takenAt) as unknown as Record<string, unknown>,
        });
      }
      await em.flush();
      added.push(year);
    }
  } finally {
    await orm.close();
  }
  return added.sort();
}
