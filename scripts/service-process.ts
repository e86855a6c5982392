/**
 * Runs one Lantai service (an archive host, the province subgraph, the gateway) as a child
 * process of a supervisor: the demo and the end-to-end tests. The child tells the port it
 * bound over IPC (protocol/service-lifecycle.ts) and exits when the supervisor goes away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { isListeningMessage } from '../protocol/service-lifecycle.js';

const require = createRequire(import.meta.url);
const tsxLoader = require.resolve('tsx');

export interface ServiceSpec {
  /** Shown before every line the service prints. */
  name: string;
  /** The service's index.ts. */
  entry: string;
  args: string[];
  env?: Record<string, string>;
  /**
   * Port to bind, passed as PORT; 0 for any free port. A restart binds the port bound before,
   * so that addresses registered elsewhere stay valid.
   * @default 0
   */
  port?: number;
  /** Where the service's output goes; nowhere when omitted. */
  log?: (line: string) => void;
  /**
   * How long to wait for the service to listen.
   * @default 60000
   */
  startTimeoutMs?: number;
}

export class ServiceProcess {
  #child: ChildProcess | null = null;
  #port = 0;
  #recent: string[] = [];

  constructor(readonly spec: ServiceSpec) {}

  get port(): number {
    return this.#port;
  }

  #portToBind(): number {
    return this.#port || this.spec.port || 0;
  }

  get running(): boolean {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Starts the service and resolves with the port it bound. */
  start(): Promise<number> {
    if (this.running) return Promise.resolve(this.#port);
    const { name, entry, args, env, log, startTimeoutMs = 60_000 } = this.spec;
    const child = spawn(process.execPath, ['--import', tsxLoader, entry, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, ...env, PORT: String(this.#portToBind()) },
    });
    this.#child = child;
    this.#recent = [];
    const onLine = (line: string) => {
      this.#recent.push(line);
      if (this.#recent.length > 30) this.#recent.shift();
      log?.(`[${name}] ${line}`);
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) !== -1) {
          onLine(buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
        }
      });
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${name} did not start within ${startTimeoutMs} ms:\n${this.#recent.join('\n')}`));
      }, startTimeoutMs);
      child.on('message', (message) => {
        if (!isListeningMessage(message)) return;
        clearTimeout(timer);
        this.#port = message.port;
        resolve(message.port);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${signal ?? code}) before listening:\n${this.#recent.join('\n')}`));
      });
    });
  }

  /** Stops the service (SIGTERM, then SIGKILL after `graceMs`) and resolves once it has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Kills the service at once, as a crash would. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}
