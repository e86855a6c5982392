/**
 * Opening an archive host's databases and migrating each archive's schema.
 *
 * All archives that share a database URL share ONE MikroORM instance and connection pool: a
 * province hosts 112 archives and PostgreSQL allows 100 connections by default. Each archive's
 * data lives in its own schema, archive_<code>, reached through em.fork({ schema }) on the
 * wildcard-schema entities.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { isArchiveCode } from '../../protocol/ids.js';
import { ARCHIVE_ENTITIES, ArchiveSchema, type ArchiveRow } from './entities/index.js';
import { ARCHIVE_MIGRATIONS } from './migrations/index.js';

export interface OpenArchiveDatabaseOptions {
  /**
   * Largest number of pooled connections.
   * @default 10
   */
  poolSize?: number;
  /** Called with every SQL statement the ORM runs (for diagnostics and statement-count tests). */
  onQuery?: (sql: string) => void;
}

/** Opens the ORM (and its pool) for one database URL; callers share it between archives. */
export async function openArchiveDatabase(url: string, options: OpenArchiveDatabaseOptions = {}): Promise<MikroORM> {
  const onQuery = options.onQuery;
  return MikroORM.init({
    clientUrl: url,
    entities: ARCHIVE_ENTITIES,
    extensions: [Migrator],
    ensureDatabase: false,
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolSize ?? 10 },
    migrations: {
      migrationsList: ARCHIVE_MIGRATIONS,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
      // Keeps the migrator from creating its tracking table in `public` before it knows the schema.
      includeWildcardSchema: true,
    },
    ...(onQuery
      ? {
          debug: ['query'],
          logger: () => undefined,
          loggerFactory: () => ({
            log: (namespace: string, message: string) => {
              if (namespace === 'query') onQuery(message);
            },
            error: () => undefined,
            warn: () => undefined,
            logQuery: (context: { query: string }) => onQuery(context.query),
            setDebugMode: () => undefined,
            isEnabled: () => true,
          }),
        }
      : { debug: false }),
  });
}

/** The PostgreSQL schema of an archive; the only way a schema name is ever built. */
export function archiveSchemaName(code: string): string {
  if (!isArchiveCode(code)) throw new Error(`Not an archive code: ${JSON.stringify(code)}.`);
  return `archive_${code}`;
}

// The migrator keeps the schema it runs in as instance state, so runs on one ORM take turns.
const migrationQueues = new WeakMap<MikroORM, Promise<unknown>>();

/**
 * Creates schema archive_<code> if needed and runs the pending migrations in it. Idempotent:
 * a second run applies nothing. Resolves with the names of the migrations applied.
 */
export function migrateArchive(orm: MikroORM, code: string): Promise<string[]> {
  const schema = archiveSchemaName(code);
  const run = async () => {
    const connection = orm.em.getConnection();
    await connection.execute(`create schema if not exists "${schema}"`);
    const applied = await orm.migrator.up({ schema });
    return applied.map((migration) => migration.name);
  };
  const previous = migrationQueues.get(orm) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  migrationQueues.set(orm, next);
  return next;
}

export interface ArchiveProfile {
  name: string;
  level: ArchiveRow['level'];
  address?: string | null;
  services?: string[];
}

/** Writes (or rewrites) the archive's own row in its schema. */
export async function ensureArchiveProfile(orm: MikroORM, code: string, profile: ArchiveProfile): Promise<void> {
  const em = orm.em.fork({ schema: archiveSchemaName(code) });
  await em.upsert(ArchiveSchema, {
    code,
    name: profile.name,
    level: profile.level,
    address: profile.address ?? null,
    services: profile.services ?? [],
  });
}
