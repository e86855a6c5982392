/**
 * Vitest global setup: one PostgreSQL server for the whole run. DATABASE_URL when it is set
 * (a server the tests may create databases in); otherwise an embedded PostgreSQL started in
 * a temporary folder and stopped at the end. Test files never share a database: each creates
 * its own through createTestDatabase() and drops it when done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../scripts/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('postgresServerUrl', process.env.DATABASE_URL);
    return;
  }
  let dir: string | undefined;
  let server;
  try {
    dir = await mkdtemp(join(tmpdir(), 'lantai-test-pg-')).catch((error: Error) => {
      throw new EmbeddedPostgresError(`could not make a folder for its data in ${tmpdir()}`, 'the temporary folder (TMPDIR) is not writable', error.message);
    });
    server = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
  } catch (error) {
    if (dir) await rm(dir, { recursive: true, force: true });
    if (!(error instanceof EmbeddedPostgresError)) throw error;
    // Said once, as a person reads it; a stack trace of the harness would say nothing more.
    console.error(`\nlantai: ${error.message}\n`);
    process.exit(1);
  }
  project.provide('postgresServerUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dir!, { recursive: true, force: true });
  };
}
