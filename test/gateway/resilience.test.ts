import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker } from '../../protocol/circuit-breaker.js';
import { archiveShard, fixtureArchive } from './fixtures/archive-shard.js';
import { startNetwork, type TestNetwork } from './fixtures/network.js';
import { FixtureSubgraph } from './fixtures/subgraph-server.js';

const THREE_ARCHIVES = `{
  a: record(id: "360100:Record:1") { title }
  b: record(id: "360102:Record:1") { title }
  c: record(id: "360103:Record:1") { title }
}`;

let network: TestNetwork;

beforeAll(async () => {
  // A breaker that opens after two failures and cools down quickly; a timeout long enough that
  // only the shards made slow time out, however busy the machine.
  network = await startNetwork({ shardTimeoutMs: 2000, breaker: { failureThreshold: 2, coolDownMs: 400 } });
});

afterAll(async () => {
  await network?.stop();
});

describe('a shard that is down or slow', () => {
  it('gives partial data and ARCHIVE_UNAVAILABLE naming the archive; it answers again once back, without a restart', async () => {
    await network.donghu.down();
    try {
      const { status, body } = await network.query(THREE_ARCHIVES);
      expect(status).toBe(200);
      expect(body.data!.a.title).toBe('南昌市档案馆关于档案工作的通知（2001）');
      expect(body.data!.b).toBeNull();
      expect(body.data!.c.title).toBe('西湖区档案馆关于档案工作的通知（2001）');
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ path: ['b'], extensions: { code: 'ARCHIVE_UNAVAILABLE', archive: '360102' } });
      expect(body.errors![0]!.message).toContain('360102');
      // No internal address leaks to the client.
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    } finally {
      await network.donghu.up();
    }
    const { body } = await network.query(THREE_ARCHIVES);
    expect(body.errors).toBeUndefined();
    expect(body.data!.b.title).toBe('东湖区档案馆关于档案工作的通知（2001）');
  });

  it('a slow shard is cut off at the shard timeout and the rest of the answer stands', async () => {
    network.xihu.delayMs = 5000;
    try {
      const { body } = await network.query(THREE_ARCHIVES);
      expect(body.data!.a).not.toBeNull();
      expect(body.data!.b).not.toBeNull();
      expect(body.data!.c).toBeNull();
      expect(body.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'ARCHIVE_UNAVAILABLE', archive: '360103' })]);
      expect(body.errors![0]!.message).toContain('2000 ms');
    } finally {
      network.xihu.delayMs = 0;
      // Let the breaker forget the timeout before the next test.
      await vi.waitFor(async () => expect((await network.query(THREE_ARCHIVES)).body.errors).toBeUndefined(), { timeout: 30_000, interval: 100 });
    }
  });

  it('a down shard inside an _entities fetch nulls only its own entities', async () => {
    await network.nanchang.down();
    try {
      const { body } = await network.query('{ archives { id address } }');
      const byId = Object.fromEntries((body.data!.archives as { id: string; address: string | null }[]).map((a) => [a.id, a.address]));
      expect(byId['360100']).toBeNull();
      expect(byId['360102']).toBe('东湖区档案馆, 南昌');
      expect(body.errors!.map((e) => [e.path, e.extensions?.code, e.extensions?.archive])).toEqual([
        [['archives', 0], 'ARCHIVE_UNAVAILABLE', '360100'],
      ]);
    } finally {
      await network.nanchang.up();
    }
    await vi.waitFor(async () => expect((await network.query(THREE_ARCHIVES)).body.errors).toBeUndefined(), { timeout: 30_000, interval: 100 });
  });

  it('the breaker opens after repeated failures, fails fast without calling the shard, and closes after recovery', async () => {
    network.donghu.delayMs = 5000;
    const single = '{ record(id: "360102:Record:2") { title } }';
    try {
      for (let i = 0; i < 2; i += 1) {
        const { body } = await network.query(single);
        expect(body.errors![0]!.extensions!.code).toBe('ARCHIVE_UNAVAILABLE');
      }
      const callsWhenOpened = network.donghu.calls.length;
      const { body } = await network.query(single);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'ARCHIVE_UNAVAILABLE', archive: '360102' });
      expect(body.errors![0]!.message).toContain('repeated failures');
      expect(network.donghu.calls.length).toBe(callsWhenOpened);
    } finally {
      network.donghu.delayMs = 0;
    }
    // The breaker probes the host and closes as soon as it answers again.
    await vi.waitFor(
      async () => expect((await network.query(single)).body.data).toEqual({ record: { title: '东湖区档案馆关于档案工作的通知（2002）' } }),
      { timeout: 30_000, interval: 100 },
    );
    const { body } = await network.query(single);
    expect(body.errors).toBeUndefined();
  });
});

describe('circuit breaker', () => {
  // Each test walks the breaker through its states step by step; the steps repeat because the
  // states do.
  it('lets one trial through after the cool-down, and reopens when it fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000, now: () => now });
    for (let i = 0; i < 3; i += 1) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.recordFailure();
    }
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    now = 2000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2 });
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
  });
});

describe('a shard that refuses the gateway’s signature', () => {
  it('is reported as ARCHIVE_UNAVAILABLE, not as the client’s UNAUTHENTICATED', async () => {
    const stranger = new FixtureSubgraph(archiveShard([fixtureArchive('360111', '青山湖区档案馆')]), 'a-secret-the-gateway-does-not-have');
    await stranger.start();
    try {
      network.directory.set('360111', { name: '青山湖区档案馆', level: 'COUNTY', endpoint: stranger.url });
      await network.gateway.directory.refresh();
      const { body } = await network.query('{ record(id: "360111:Record:1") { title } }');
      expect(stranger.refused).toBeGreaterThan(0);
      expect(body.data).toEqual({ record: null });
      expect(body.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'ARCHIVE_UNAVAILABLE', archive: '360111' })]);
    } finally {
      network.directory.delete('360111');
      await stranger.stop();
    }
  });
});

describe('a hung archive host serving several archives', () => {
  let hung: TestNetwork;

  beforeAll(async () => {
    // No cool-down path: only the probe can close the breaker again.
    hung = await startNetwork({ shardTimeoutMs: 2000, breaker: { failureThreshold: 2, probeIntervalMs: 50, coolDownMs: 3_600_000 } });
  });

  afterAll(async () => {
    await hung?.stop();
  });

  it('is cut off as a whole after a few failed calls to any of its archives, and let through again as soon as it answers', async () => {
    const host = new URL(hung.xihu.url).origin;
    const both = '{ a: record(id: "360103:Record:1") { title } b: record(id: "360104:Record:1") { title } }';
    hung.xihu.delayMs = 3_600_000;
    let closed: Promise<void> | undefined;
    try {
      // One failed call for each of the host's two archives: a breaker per archive would still be closed.
      for (const id of ['360103:Record:1', '360104:Record:2']) {
        const { body } = await hung.query(`{ record(id: "${id}") { title } }`);
        expect(body.errors![0]!.message).toContain('2000 ms');
      }
      expect(hung.gateway.breakers.states()).toContainEqual([host, 'open']);
      const cutOff = await hung.query(both);
      expect(cutOff.body.data).toEqual({ a: null, b: null });
      expect(cutOff.body.errors!.map((e) => [e.extensions!.code, e.extensions!.archive])).toEqual([
        ['ARCHIVE_UNAVAILABLE', '360103'],
        ['ARCHIVE_UNAVAILABLE', '360104'],
      ]);
      expect(cutOff.body.errors!.every((e) => e.message.includes('repeated failures'))).toBe(true);
      // Another host's archives are not affected.
      expect((await hung.query('{ record(id: "360102:Record:1") { title } }')).body.errors).toBeUndefined();
      closed = new Promise((resolve) => {
        const off = hung.gateway.breakers.onChange((changed, state) => {
          if (changed === host && state === 'closed') {
            off();
            resolve();
          }
        });
      });
    } finally {
      hung.xihu.delayMs = 0;
    }
    // The breaker's own probe finds the host answering again: no client call is needed for that.
    await closed;
    const { body } = await hung.query(both);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: { title: '西湖区档案馆关于档案工作的通知（2001）' }, b: { title: '青云谱区档案馆关于档案工作的通知（2001）' } });
  });
});
