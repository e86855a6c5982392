/**
 * Seeding a whole demo network: plan the province, migrate each archive's schema through the
 * archive subgraph's own functions, write its profile, and bulk-load its generated catalogue.
 * The command (seeds/index.ts), the demo and the tests all go through seedNetwork.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { bringToSteadyState } from '../subgraphs/archive/bulk/copy.js';
import { archiveSchemaName, ensureArchiveProfile, migrateArchives, openArchiveDatabase } from '../subgraphs/archive/database.js';
import { generateCatalogue } from './catalogue.js';
import { ArchiveNotEmptyError, isArchiveEmpty, loadCatalogue, type LoadResult } from './load.js';
import { type ArchivePlan, planNetwork, type Scale } from './plan.js';
import { isConnectionLost } from '../protocol/database-faults.js';
import { DEFAULT_PROVINCE, loadRegionTree } from '../protocol/regions.js';

export interface NetworkProgress {
  /** The archive whose batch or load just finished. */
  archive: string;
  archivesLoaded: number;
  archivesToLoad: number;
  /** Records (catalogue entries) loaded so far, all archives together. */
  records: number;
  /** Records per second since loading began. */
  recordsPerSecond: number;
}

export interface SeedNetworkOptions {
  /** PostgreSQL URL of the database holding the archives' schemas. */
  url: string;
  scale: Scale;
  /** @default '360000' (Jiangxi) */
  provinceCode?: string;
  /** Only these archives (codes of the province's regions); all when omitted. */
  archives?: readonly string[];
  /** @default 1 */
  seed?: number;
  /**
   * What to do with archives that already hold catalogue data: refuse before loading anything,
   * skip them, or reset (empty and reload) them.
   * @default 'refuse'
   */
  existing?: 'refuse' | 'skip' | 'reset';
  /**
   * Archives loaded at the same time (each in its own transaction and connection).
   * @default 2
   */
  concurrency?: number;
  onProgress?: (progress: NetworkProgress) => void;
}

export interface SeedNetworkResult {
  loaded: LoadResult[];
  /** Archives left as they were because they already held data (existing: 'skip'). */
  skipped: string[];
  records: number;
  holdings: number;
  /** Time to migrate the schemas (alongside loading the first ones). */
  migrateMilliseconds: number;
  /** Time to generate and load the catalogues, from the first migration to the last VACUUM (ANALYZE). */
  loadMilliseconds: number;
  /** Of which the VACUUM (ANALYZE) of every loaded archive, once all loads were committed (bringToSteadyState). */
  steadyStateMilliseconds: number;
  recordsPerSecond: number;
}

/** The plans of the archives to seed: the whole province, or the archives asked for. */
export function selectArchives(provinceCode: string, scale: Scale, seed: number, archives?: readonly string[]): ArchivePlan[] {
  const plans = planNetwork(loadRegionTree(provinceCode), scale, seed);
  if (!archives || archives.length === 0) return plans;
  const unknown = archives.filter((code) => !plans.some((p) => p.region.code === code));
  if (unknown.length > 0) {
    throw new Error(`No archive ${unknown.join(', ')} in province ${provinceCode}: use the codes of its regions, e.g. ${plans[1]?.region.code ?? provinceCode}.`);
  }
  return plans.filter((p) => archives.includes(p.region.code));
}

export async function seedNetwork(options: SeedNetworkOptions): Promise<SeedNetworkResult> {
  const seed = options.seed ?? 1;
  const existing = options.existing ?? 'refuse';
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const plans = selectArchives(options.provinceCode ?? DEFAULT_PROVINCE, options.scale, seed, options.archives);

  const orm: MikroORM = await openArchiveDatabase(options.url, { poolSize: 2 });
  const pool = new pg.Pool({ connectionString: options.url, max: concurrency, application_name: 'lantai-seed' });
  // A connection that ends under a load (PostgreSQL restarted, a backend terminated) fails the
  // statement running, which is reported below; node-postgres then also emits 'error' on the
  // client, and the pool on an idle one, which unheard would end the process with a stack trace.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  let migrations: Promise<unknown>[] = [];
  try {
    // Decided before migrating anything: an archive whose schema does not exist yet is empty.
    const skipped: string[] = [];
    if (existing !== 'reset') {
      const client = await pool.connect();
      try {
        for (const plan of plans) if (!(await isArchiveEmpty(client, plan.region.code))) skipped.push(plan.region.code);
      } finally {
        client.release();
      }
      if (existing === 'refuse' && skipped.length > 0) throw new ArchiveNotEmptyError(skipped);
    }
    // Biggest first: the provincial archive alone takes about a tenth of the whole load, and
    // started last it would be loaded alone at the end while the other connections wait.
    const toLoad = plans.filter((p) => !skipped.includes(p.region.code)).sort((a, b) => b.holdings - a.holdings);

    // The schemas are migrated one after another, in the order they are loaded, while the
    // archives already migrated are generated and loaded; new schemas after the first are made
    // in one round trip each (migrateArchives).
    const started = performance.now();
    const inLoadOrder = [...toLoad, ...plans.filter((p) => skipped.includes(p.region.code))];
    const migrated = migrateArchives(orm, inLoadOrder.map((plan) => plan.region.code));
    migrations = [...migrated.values()];
    const allMigrated = Promise.all(migrations).then(() => performance.now() - started);
    allMigrated.catch(() => undefined);

    const loaded: LoadResult[] = [];
    let recordsBefore = 0;
    const inFlight = new Map<string, number>();
    const report = (archive: string) => {
      const records = recordsBefore + [...inFlight.values()].reduce((s, n) => s + n, 0);
      const seconds = (performance.now() - started) / 1000;
      options.onProgress?.({
        archive,
        archivesLoaded: loaded.length,
        archivesToLoad: toLoad.length,
        records,
        recordsPerSecond: seconds > 0 ? records / seconds : 0,
      });
    };

    let next = 0;
    let failed = false;
    const worker = async () => {
      const client = await pool.connect();
      let loading: string | undefined;
      try {
        while (next < toLoad.length && !failed) {
          const plan = toLoad[next++]!;
          loading = plan.region.code;
          const catalogue = generateCatalogue(plan, seed);
          await migrated.get(plan.region.code);
          await ensureArchiveProfile(orm, plan.region.code, catalogue.archive);
          const result = await loadCatalogue(client, catalogue, {
            reset: existing === 'reset',
            steadyState: false,
            onProgress: (p) => {
              inFlight.set(p.archive, p.records);
              report(p.archive);
            },
          });
          inFlight.delete(result.archive);
          recordsBefore += result.records;
          loaded.push(result);
          loading = undefined;
          report(result.archive);
        }
      } catch (error) {
        failed = true;
        if (!isConnectionLost(error) || !loading) throw error;
        throw new Error(
          `the connection to the database was lost while archive ${loading} was loading (${(error as Error).message}). ` +
            'The archives loaded before are kept; an archive being loaded is left as it was. Run the seed again with --skip-loaded to load the rest.',
          { cause: error },
        );
      } finally {
        client.release();
      }
    };
    // Settle every worker before the pool closes, then report the first failure.
    const outcomes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, toLoad.length) }, worker));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
    // Every load is committed: only now can VACUUM mark the loaded pages all-visible.
    const steadyStarted = performance.now();
    let vacuumed = 0;
    const vacuum = async () => {
      while (vacuumed < loaded.length) {
        const result = loaded[vacuumed++]!;
        const client = await pool.connect();
        try {
          await bringToSteadyState(client, archiveSchemaName(result.archive), { indexCleanup: !result.indexesBuiltAfterLoad });
        } finally {
          client.release();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, loaded.length) }, vacuum));
    const steadyStateMilliseconds = performance.now() - steadyStarted;
    const loadMilliseconds = performance.now() - started;
    const migrateMilliseconds = await allMigrated;

    const records = loaded.reduce((s, r) => s + r.records, 0);
    return {
      loaded: loaded.sort((a, b) => a.archive.localeCompare(b.archive)),
      skipped,
      records,
      holdings: loaded.reduce((s, r) => s + r.holdings, 0),
      migrateMilliseconds,
      loadMilliseconds,
      steadyStateMilliseconds,
      recordsPerSecond: loadMilliseconds > 0 ? records / (loadMilliseconds / 1000) : 0,
    };
  } finally {
    // No migration may still run on the ORM when it closes, even after a failure.
    await Promise.allSettled(migrations);
    await pool.end();
    await orm.close();
  }
}
