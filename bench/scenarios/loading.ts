/**
 * Scenario 5, seeding and loading throughput: the seed command's own path (seedNetwork:
 * migrate, generate, bulk-load) into a fresh scratch database on the same server, dropped
 * afterwards, so the benchmark's loaded database is never touched.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { seedNetwork, type NetworkProgress } from '../../seeds/network.js';
import type { Scale } from '../../seeds/plan.js';
import { atLeast, atMost, type ScenarioResult } from '../report.js';

export interface LoadingOptions {
  /** A database URL on the server to load into; the scenario creates its own database there. */
  serverUrl: string;
  scale: Scale;
  archives?: readonly string[];
  /** Whether this loads the full province (the 3-minute target applies). */
  fullProvince: boolean;
  onProgress?: (progress: NetworkProgress) => void;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function admin<T>(url: string, action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

export async function loadingScenario(options: LoadingOptions): Promise<ScenarioResult> {
  const name = `lantai_bench_load_${randomBytes(4).toString('hex')}`;
  // C.UTF-8 as the archives need it: pg_trgm must see Chinese characters as word characters.
  await admin(options.serverUrl, (c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`));
  try {
    const started = performance.now();
    const result = await seedNetwork({
      url: withDatabase(options.serverUrl, name),
      scale: options.scale,
      archives: options.archives,
      existing: 'refuse',
      onProgress: options.onProgress,
    });
    const seconds = (performance.now() - started) / 1000;
    const recordsPerSecond = Math.round(result.records / seconds);
    const biggest = [...result.loaded].sort((a, b) => b.records - a.records)[0];
    return {
      scenario: 'loading',
      title: 'seeding and loading (npm run seed path: migrate, generate, bulk-load) into a fresh database',
      rows: [
        {
          label: `${result.loaded.length} archives`,
          archives: result.loaded.length,
          records: result.records,
          holdings: result.holdings,
          digitalObjects: result.loaded.reduce((s, r) => s + r.digitalObjects, 0),
          seconds: Math.round(seconds * 10) / 10,
          migrateSeconds: Math.round(result.migrateMilliseconds / 100) / 10,
          vacuumSeconds: Math.round(result.steadyStateMilliseconds / 100) / 10,
          recordsPerSecond,
        },
        ...(biggest
          ? [{ label: `biggest: ${biggest.archive}`, archives: 1, records: biggest.records, holdings: biggest.holdings, seconds: Math.round(biggest.milliseconds / 100) / 10, recordsPerSecond: Math.round(biggest.records / (biggest.milliseconds / 1000)) }]
          : []),
      ],
      targets: [
        atLeast('loading ≥ 80,000 records/s', recordsPerSecond, 80_000, 'records/s'),
        atMost(
          'the full province generated and loaded in under 3 minutes, migrations and VACUUM (ANALYZE) included',
          Math.round(seconds),
          180,
          's',
          options.fullProvince,
          options.fullProvince ? undefined : 'judged on a full-province load only',
        ),
      ],
      notes: [
        'records = catalogue entries (files, items in files, standalone items); seconds from the first migration to the last VACUUM (ANALYZE).',
        'each archive is left in its steady state: once every load is committed the loader vacuums and analyses the tables it loaded (vacuumSeconds, part of seconds).',
      ],
    };
  } finally {
    await admin(options.serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}
