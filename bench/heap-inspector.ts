/**
 * The V8 heap of a service the benchmark started, read through the service's inspector
 * (Chrome DevTools Protocol over a WebSocket): the heap in use, and the heap still in use
 * after a full garbage collection, which tells memory a process keeps (retention) from memory
 * V8 has not yet collected or has kept reserved (heap sizing). Only the benchmark's network
 * opens an inspector, on loopback and a free port (BENCH_INSPECTOR_NODE_OPTIONS); the services
 * expose nothing new for it.
 */

/** NODE_OPTIONS that open a service's inspector on loopback, on a port of the system's choice. */
export const BENCH_INSPECTOR_NODE_OPTIONS = '--inspect=127.0.0.1:0';

const LISTENING = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/;

/** The inspector's address in a line a service printed, if the line announces it. */
export function inspectorUrlIn(line: string): string | null {
  return LISTENING.exec(line)?.[1] ?? null;
}

export class HeapInspector {
  #next = 1;
  readonly #pending = new Map<number, { resolve: (result: any) => void; reject: (error: Error) => void }>();

  private constructor(readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(`inspector: ${message.error.message}`));
      else waiting.resolve(message.result);
    });
    socket.addEventListener('close', () => {
      for (const waiting of this.#pending.values()) waiting.reject(new Error('inspector: the connection closed'));
      this.#pending.clear();
    });
  }

  static async connect(url: string): Promise<HeapInspector> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`inspector: cannot connect to ${url}`)), { once: true });
    });
    return new HeapInspector(socket);
  }

  #call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Bytes of the V8 heap in use now, garbage included (cheap: no collection). */
  async heapUsed(): Promise<number> {
    return (await this.#call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  /** Bytes of the V8 heap still in use after a full garbage collection. */
  async heapUsedAfterGc(): Promise<number> {
    await this.#call('HeapProfiler.collectGarbage');
    return this.heapUsed();
  }

  close(): void {
    this.socket.close();
  }
}
