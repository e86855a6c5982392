import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { close, listen, readBody, sendJson } from '../../protocol/http.js';
import { verifyIdentity, type Identity } from '../../protocol/identity.js';
import { ShardClient } from '../../protocol/shard-client.js';
import { Directory } from '../../subgraphs/province/directory/directory.js';
import { DirectoryProbe, PROBE_IDENTITY } from '../../subgraphs/province/directory/probe.js';
import { RegionTree } from '../../subgraphs/province/directory/regions.js';
import { openProvinceDatabase, type ProvinceOrm } from '../../subgraphs/province/database.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { ADMIN, SECRET } from './province-fixture.js';

type Answer = (archive: string, request: IncomingMessage) => unknown;

/** A tiny stand-in for an archive shard: checks the signature, then answers as `answer` says. */
async function fixtureShard(answer: Answer): Promise<{ url: string; server: Server; callers: Identity[] }> {
  const callers: Identity[] = [];
  const server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request, 65_536)) as { variables: { id: string } };
    let caller: Identity;
    try {
      caller = verifyIdentity(request.headers, SECRET);
    } catch {
      sendJson(response, 401, { errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    callers.push(caller);
    const result = answer(body.variables.id, request);
    if (result === 'hang') return;
    sendJson(response, 200, result);
  });
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}/graphql`, server, callers };
}

/** A port that refuses connections: bound once, then closed. */
async function refusingUrl(): Promise<string> {
  const server = createServer();
  const port = await listen(server, 0);
  await close(server);
  return `http://127.0.0.1:${port}/graphql`;
}

describe('directory health probe', () => {
  let database: TestDatabase;
  let orm: ProvinceOrm;
  let client: ShardClient;
  let regions: RegionTree;
  const shards: Server[] = [];
  let healthy: Awaited<ReturnType<typeof fixtureShard>>;

  const statusOf = async (code: string) => {
    const [entry] = await new Directory(orm.em.fork(), regions).entriesByCode([code]);
    return entry!;
  };

  beforeAll(async () => {
    database = await createTestDatabase('provprobe');
    orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 4 });
    regions = await RegionTree.load(orm.em.fork());
    client = new ShardClient({ secret: SECRET, timeoutMs: 3000 });

    healthy = await fixtureShard(() => ({ data: { archive: { contractVersion: '1.2.0' } } }));
    const notHosting = await fixtureShard(() => ({ data: { archive: null } }));
    const failing = await fixtureShard(() => ({ data: null, errors: [{ message: 'database is down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    const hanging = await fixtureShard(() => 'hang');
    const garbled = await fixtureShard(() => ({ data: { archive: { contractVersion: 'v'.repeat(300) } } }));
    shards.push(healthy.server, notHosting.server, failing.server, hanging.server, garbled.server);

    await new Directory(orm.em.fork(), regions).registerMany(ADMIN, [
      { id: '360100', name: '南昌市档案馆', level: 'CITY', region: '360100', endpoint: healthy.url },
      { id: '360102', name: '东湖区档案馆', level: 'COUNTY', region: '360102', endpoint: await refusingUrl() },
      { id: '360103', name: '西湖区档案馆', level: 'COUNTY', region: '360103', endpoint: notHosting.url },
      { id: '360104', name: '青云谱区档案馆', level: 'COUNTY', region: '360104', endpoint: failing.url },
      { id: '360111', name: '青山湖区档案馆', level: 'COUNTY', region: '360111', endpoint: hanging.url },
      { id: '360112', name: '新建区档案馆', level: 'COUNTY', region: '360112', endpoint: healthy.url },
      { id: '360113', name: '红谷滩区档案馆', level: 'COUNTY', region: '360113', endpoint: garbled.url },
    ]);
    await new Directory(orm.em.fork(), regions).retire(ADMIN, '360112');
  });

  afterAll(async () => {
    for (const server of shards) {
      server.closeAllConnections();
      await close(server);
    }
    await client.close();
    await orm.close(true);
    await database.drop();
  });

  it('leaves every archive UNKNOWN before the first probe', async () => {
    for (const code of ['360100', '360102', '360103', '360104', '360111', '360113']) {
      expect(await statusOf(code)).toMatchObject({ status: 'UNKNOWN', lastSeenAt: null, contractVersion: null });
    }
  });

  it('marks an answering archive UP with its contract version; refused, not hosting, failing, hanging or garbled ones DOWN', async () => {
    const probe = new DirectoryProbe(orm, client);
    const before = new Date();
    const results = await probe.probeAll();
    expect(results.map(({ archive, status }) => [archive, status])).toEqual([
      ['360100', 'UP'],
      ['360102', 'DOWN'],
      ['360103', 'DOWN'],
      ['360104', 'DOWN'],
      ['360111', 'DOWN'],
      ['360113', 'DOWN'],
    ]);
    const up = await statusOf('360100');
    expect(up).toMatchObject({ status: 'UP', contractVersion: '1.2.0' });
    expect(up.lastSeenAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    for (const code of ['360102', '360103', '360104', '360111', '360113']) {
      expect(await statusOf(code)).toMatchObject({ status: 'DOWN', lastSeenAt: null, contractVersion: null });
    }
  });

  it('probes as the province service, signed, and never probes a retired archive', async () => {
    expect(healthy.callers.length).toBeGreaterThan(0);
    expect(healthy.callers.every((caller) => caller.role === PROBE_IDENTITY.role && caller.sub === PROBE_IDENTITY.sub)).toBe(true);
    expect(await statusOf('360112')).toMatchObject({ status: 'UNKNOWN' });
  });

  it('keeps the last contract version and time seen when an UP archive goes DOWN', async () => {
    const seen = await statusOf('360100');
    const directory = new Directory(orm.em.fork(), regions);
    await directory.update(ADMIN, '360100', { endpoint: await refusingUrl() });
    expect(await statusOf('360100')).toMatchObject({ status: 'UNKNOWN' });
    await new DirectoryProbe(orm, client).probeAll();
    expect(await statusOf('360100')).toMatchObject({ status: 'DOWN', contractVersion: '1.2.0', lastSeenAt: seen.lastSeenAt });
    await new Directory(orm.em.fork(), regions).update(ADMIN, '360100', { endpoint: healthy.url });
  });

  it('probes on its own once started, and stops', async () => {
    const probe = new DirectoryProbe(orm, client, { intervalMs: 50 });
    probe.start();
    try {
      await vi.waitFor(async () => expect((await statusOf('360100')).status).toBe('UP'), { timeout: 10_000, interval: 50 });
    } finally {
      await probe.stop();
    }
    const calls = healthy.callers.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(healthy.callers.length).toBe(calls);
  });
});
