/**
 * The province's own PostgreSQL: the region tree and the network directory, in the schema
 * `province`. Opening it migrates it and, when the region table is empty, loads the region
 * tree of the configured province from the GB/T 2260 data package.
 */
import { fileURLToPath } from 'node:url';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import { DEFAULT_PROVINCE, loadRegionTree } from '../../protocol/regions.js';
import { provinceEntities, RegionEntity } from './entities/index.js';
import { provinceMigrations } from './migrations/index.js';

export type ProvinceOrm = MikroORM;
export type ProvinceEntityManager = EntityManager;

export interface ProvinceDatabaseOptions {
  /**
   * Code of the province whose region tree is loaded into an empty database.
   * @default '360000'
   */
  province?: string;
  /**
   * Connections in the pool.
   * @default 10
   */
  poolSize?: number;
  /** Log SQL statements (for debugging). */
  debug?: boolean;
}

export const PROVINCE_SCHEMA = 'province';
const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Connects without touching the database; `openProvinceDatabase` is what services use. */
export async function connectProvinceOrm(url: string, options: ProvinceDatabaseOptions = {}): Promise<ProvinceOrm> {
  return MikroORM.init({
    clientUrl: url,
    entities: provinceEntities,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolSize ?? 10 },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    migrations: {
      tableName: `${PROVINCE_SCHEMA}.mikro_orm_migrations`,
      path: MIGRATIONS_FOLDER,
      migrationsList: provinceMigrations,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
  });
}

/** Opens the province database: migrates it, then loads the region tree when it is empty. */
export async function openProvinceDatabase(url: string, options: ProvinceDatabaseOptions = {}): Promise<ProvinceOrm> {
  const orm = await connectProvinceOrm(url, options);
  try {
    await whileHoldingSetupLock(url, async () => {
      await orm.migrator.up();
      await loadRegionsWhenEmpty(orm.em.fork(), options.province ?? DEFAULT_PROVINCE);
    });
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}

/**
 * Several processes may open the same database at once (the demo's bootstrap and the
 * province service); a session-level advisory lock on a connection of its own lets only one
 * of them migrate and load the regions at a time. Should that connection be cut meanwhile
 * (PostgreSQL restarted, its backend terminated), the lock is gone with it and the start fails
 * once the setup is over, saying so: another process may have set up beside it.
 */
async function whileHoldingSetupLock(url: string, setup: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'lantai-province-setup' });
  // node-postgres emits 'error' on a client whose connection is cut while it is idle, as this
  // one is while the setup runs; unheard, it would end the process with a stack trace.
  let lost: Error | undefined;
  client.on('error', (error) => {
    lost ??= error;
  });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('lantai.province.setup'))");
    try {
      await setup();
    } finally {
      if (!lost) await client.query("select pg_advisory_unlock(hashtext('lantai.province.setup'))");
    }
  } finally {
    await client.end();
  }
  if (lost) throw new Error(`the connection holding the province's setup lock was lost (${lost.message}); start the province again`, { cause: lost });
}

async function loadRegionsWhenEmpty(em: ProvinceEntityManager, province: string): Promise<void> {
  const root = await em.findOne(RegionEntity, { parent: null });
  if (root) {
    if (root.code !== province) {
      throw new Error(`This database holds the regions of ${root.name} (${root.code}), not of province ${province}; give LANTAI_PROVINCE=${root.code} or another database.`);
    }
    return;
  }
  const regions = loadRegionTree(province);
  await em.transactional(async (tx) => {
    // The tree comes parents first, so each parent row exists before its children refer to it.
    for (const region of regions) {
      tx.create(RegionEntity, {
        code: region.code,
        name: region.name,
        level: region.level,
        parent: region.parentCode ? tx.getReference(RegionEntity, region.parentCode) : null,
      });
    }
  });
}
