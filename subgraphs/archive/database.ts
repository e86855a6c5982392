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

/**
 * Settings of every archive connection, as the `options` parameter of its startup packet.
 *
 * `synchronize_seqscans=off`: a search examines the first `matchLimit` matches in the plan's
 * order, and the contract promises the same matches on every page of a search. PostgreSQL
 * starts a sequential scan of a table larger than a quarter of its shared buffers where the
 * last scan of that table had got to, so with the default each search of a frequent word in a
 * large archive read the next matches along the table: the pages of one search came from
 * different sets of matches, and the same search answered differently each time. Off, every
 * scan starts at the table's first page.
 */
export const ARCHIVE_CONNECTION_OPTIONS = '-c synchronize_seqscans=off';

/**
 * How long a pooled connection may sit idle before the pool closes it: ten minutes, HikariCP's
 * default, where node-postgres closes one after ten seconds. A new PostgreSQL backend loads the
 * catalog entries of every archive schema a statement names the first time it plans one: a
 * search statement over 56 archives of `lantai_bench` took 363 ms on a new connection and
 * 43–50 ms on the same connection after. A host that lost its connections in every lull of ten
 * seconds (the province's search cache answering, a quiet hour) paid that again at each burst.
 */
const IDLE_CONNECTION_MS = 10 * 60 * 1000;

/** Opens the ORM (and its pool) for one database URL; callers share it between archives. */
export async function openArchiveDatabase(url: string, options: OpenArchiveDatabaseOptions = {}): Promise<MikroORM> {
  const onQuery = options.onQuery;
  return MikroORM.init({
    clientUrl: url,
    entities: ARCHIVE_ENTITIES,
    extensions: [Migrator],
    ensureDatabase: false,
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolSize ?? 10, idleTimeoutMillis: IDLE_CONNECTION_MS },
    // Idle connections do not keep a command's process alive for those ten minutes.
    driverOptions: { options: ARCHIVE_CONNECTION_OPTIONS, allowExitOnIdle: true },
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

/**
 * The SQL of every archive migration, in order, as the migrator would run it (each migration's
 * statements are written for a search_path set to the archive's schema).
 */
async function migrationStatements(orm: MikroORM): Promise<string[]> {
  const statements: string[] = [];
  for (const { class: MigrationClass } of ARCHIVE_MIGRATIONS) {
    const migration = new MigrationClass(orm.em.getDriver(), orm.config);
    await migration.up();
    for (const query of migration.getQueries()) {
      if (typeof query !== 'string') throw new Error(`${MigrationClass.name}: only SQL text can be replayed into another schema.`);
      statements.push(query);
    }
  }
  return statements;
}

/**
 * Migrates the schemas of many archives, in the order given, and resolves each one's promise
 * when its schema is ready. The first schema, and any that already exists, goes through the
 * migrator (migrateArchive). Every other one is new: it gets the same migrations' SQL and the
 * migrator's record of them copied from the first, in one transaction and one round trip,
 * where the migrator takes some 120 statements and round trips per schema (about a second a
 * schema on a busy machine, where a province's loads waited for their schemas). A schema made
 * so is the one the migrator makes (test/archive/migrations.test.ts compares them), and the
 * migrator takes it from there: later migrations apply to it as to any other.
 */
export function migrateArchives(orm: MikroORM, codes: readonly string[]): Map<string, Promise<unknown>> {
  const ready = new Map<string, Promise<unknown>>();
  if (codes.length === 0) return ready;
  const [first, ...others] = codes;
  const template = archiveSchemaName(first);
  const templateReady = migrateArchive(orm, first);
  ready.set(first, templateReady);
  const statements = templateReady.then(() => migrationStatements(orm));
  let previous: Promise<unknown> = statements;
  for (const code of others) {
    const schema = archiveSchemaName(code);
    const run = async () => {
      const connection = orm.em.getConnection();
      const rows = await connection.execute<{ found: boolean }[]>(`select exists (select 1 from pg_namespace where nspname = ?) as found`, [schema]);
      if (rows[0]!.found) return migrateArchive(orm, code);
      // One query of many statements, which PostgreSQL runs as one transaction: a failure
      // leaves no schema behind.
      await connection.execute(
        [
          `create schema "${schema}"`,
          `set local search_path to "${schema}"`,
          ...(await statements),
          `create table "${schema}".mikro_orm_migrations (like "${template}".mikro_orm_migrations including constraints including indexes)`,
          `create sequence "${schema}".mikro_orm_migrations_id_seq as integer owned by "${schema}".mikro_orm_migrations.id`,
          `alter table "${schema}".mikro_orm_migrations alter column id set default nextval('"${schema}".mikro_orm_migrations_id_seq')`,
          `alter table "${schema}".mikro_orm_migrations alter column executed_at set default current_timestamp(6)`,
          `insert into "${schema}".mikro_orm_migrations (name, executed_at) select name, now() from "${template}".mikro_orm_migrations order by id`,
        ].join(';\n'),
        [],
        'run',
      );
    };
    previous = previous.catch(() => undefined).then(run);
    previous.catch(() => undefined);
    ready.set(code, previous);
  }
  return ready;
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
