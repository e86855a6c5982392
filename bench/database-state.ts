/**
 * Whether the measured archives' tables are in their steady state: vacuumed and analysed, as
 * the loader leaves them (seeds/load.ts, bringToSteadyState) and as autovacuum keeps them. A
 * database loaded by an older loader, or by hand, may not be, and its figures would then
 * measure missing planner statistics and unset hint bits rather than Lantai.
 */
import pg from 'pg';
import { archiveSchemaName } from '../subgraphs/archive/database.js';

export interface DatabaseState {
  /** Archives whose record table exists. */
  archives: number;
  /** Of which: record table vacuumed (by hand or by autovacuum) and analysed since the last statistics reset. */
  vacuumed: number;
  analysed: number;
}

export async function describeDatabaseState(databaseUrl: string, codes: readonly string[]): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ archives: number; vacuumed: number; analysed: number }>(
      `select count(*)::int as archives,
              count(*) filter (where coalesce(last_vacuum, last_autovacuum) is not null)::int as vacuumed,
              count(*) filter (where coalesce(last_analyze, last_autoanalyze) is not null)::int as analysed
         from pg_stat_user_tables where relname = 'record' and schemaname = any($1)`,
      [codes.map(archiveSchemaName)],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

export function databaseStateLine(state: DatabaseState): string {
  const steady = state.vacuumed === state.archives && state.analysed === state.archives;
  return `database: ${state.vacuumed} of ${state.archives} archives' record tables vacuumed, ${state.analysed} analysed${steady ? ' (steady state)' : ' — NOT in steady state: run vacuumdb -z on it, or seed it again'}`;
}
