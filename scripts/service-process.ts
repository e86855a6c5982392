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

/** Time between two tries to bind a port that is in use. */
const RETRY_MS = 250;

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

  /**
   * Starts the service and resolves with the port it bound. A restart binds the port it had,
   * and any process's outgoing connection may hold that port as its local port for a while (a
   * listening socket cannot share it: EADDRINUSE), so a restart is tried again every quarter of
   * a second until `startTimeoutMs` instead of failing on the first try. A first start on a
   * port in use fails at once: that port belongs to something else.
   */
  async start(): Promise<number> {
    if (this.running) return this.#port;
    const deadline = performance.now() + (this.spec.startTimeoutMs ?? 60_000);
    for (;;) {
      try {
        return await this.#startOnce(deadline - performance.now());
      } catch (error) {
        const portTaken = this.#port !== 0 && this.#recent.some((line) => line.includes('EADDRINUSE'));
        if (!portTaken || performance.now() + RETRY_MS >= deadline) throw error;
        this.spec.log?.(`[${this.spec.name}] port ${this.#port} is in use; trying again`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  #startOnce(startTimeoutMs: number): Promise<number> {
    const { name, entry, args, env, log } = this.spec;
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
        reject(new Error(`${name} did not start within ${this.spec.startTimeoutMs ?? 60_000} ms:\n${this.#recent.join('\n')}`));
      }, startTimeoutMs);
      child.on('message', (message) => {
        if (!isListeningMessage(message)) return;
        clearTimeout(timer);
        this.#port = message.port;
        resolve(message.port);
      });
      // 'close', not 'exit': the output the message quotes may still be arriving at 'exit'.
      child.once('close', (code, signal) => {
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
