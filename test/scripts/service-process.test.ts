/**
 * Restarting a service: it binds the port it had, so addresses registered elsewhere (the
 * gateway's province URL, the directory's shard endpoints) stay valid, even when that port is
 * held for a moment by something else, as an outgoing connection of any process can hold it.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceProcess } from '../../scripts/service-process.js';

const entry = new URL('./fixtures/listener.ts', import.meta.url).pathname;
const services: ServiceProcess[] = [];
const blockers: Server[] = [];

function service(lines: string[], port = 0, onLine?: (line: string) => void): ServiceProcess {
  const log = (line: string) => {
    lines.push(line);
    onLine?.(line);
  };
  const started = new ServiceProcess({ name: 'listener', entry, args: [], port, log, startTimeoutMs: 60_000 });
  services.push(started);
  return started;
}

function block(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const blocker = createServer();
    blocker.once('error', reject);
    blocker.listen(port, '127.0.0.1', () => resolve(blocker));
    blockers.push(blocker);
  });
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
  await Promise.all(blockers.splice(0).map((b) => new Promise((resolve) => b.close(resolve))));
});

describe('a service restarted by its supervisor', () => {
  it('binds the port it had, waiting while something else holds it', async () => {
    const lines: string[] = [];
    // The port is given back when the supervisor says it found it taken, not after a time: on a
    // busy machine the child may not even have tried to bind by then.
    let reportedTaken!: () => void;
    const taken = new Promise<void>((resolve) => (reportedTaken = resolve));
    let port = 0;
    const listener = service(lines, 0, (line) => {
      if (port && line.includes(`port ${port} is in use; trying again`)) reportedTaken();
    });
    port = await listener.start();
    await listener.stop();
    const blocker = await block(port);
    const restarted = listener.start();
    await taken;
    await new Promise((resolve) => blocker.close(resolve));
    expect(await restarted).toBe(port);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  });

  it('fails at once on a first start whose port is taken, saying why', async () => {
    const blocker = await block(0);
    const port = (blocker.address() as { port: number }).port;
    const lines: string[] = [];
    await expect(service(lines, port).start()).rejects.toThrow(/EADDRINUSE/);
    expect(lines.some((line) => line.includes('trying again'))).toBe(false);
  });
});
