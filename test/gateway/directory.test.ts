import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeSupergraph } from '../../gateway/composition.js';
import { buildGateway } from '../../gateway/server.js';
import { close, listen } from '../../protocol/http.js';
import { fixtureArchive } from './fixtures/archive-shard.js';
import { SUBGRAPH_SECRET, startNetwork, type TestNetwork } from './fixtures/network.js';

const QINGSHANHU = fixtureArchive('360111', '青山湖区档案馆');
const READ_NEW = '{ record(id: "360111:Record:1") { title } }';

describe('the shard set follows the province directory', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    // No periodic refresh and no second refresh for unknown codes within the test: every
    // directory read below is caused by what the test does.
    network = await startNetwork({ directoryRefreshMs: 3_600_000, unknownArchiveRefreshMs: 3_600_000 });
  });

  afterAll(async () => {
    await network?.stop();
  });

  it('an unknown archive code gets NOT_FOUND naming it at once, after at most one directory refresh', async () => {
    const readsBefore = network.directory.reads;
    const { status, body } = await network.query('{ record(id: "360999:Record:1") { title } known: record(id: "360100:Record:1") { title } }');
    expect(status).toBe(200);
    expect(body.data!.record).toBeNull();
    expect(body.data!.known.title).toBe('南昌市档案馆关于档案工作的通知（2001）');
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ['record'], extensions: { code: 'NOT_FOUND', archive: '360999' } });
    expect(body.errors![0]!.message).toContain('360999');
    expect(network.directory.reads - readsBefore).toBe(1);

    // A second request for a made-up code within the rate limit does not reach the province.
    const again = await network.query('{ archive(id: "360998") { name } }');
    expect(again.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(network.directory.reads - readsBefore).toBe(1);
  });

  it('an archive registered through the gateway is queryable right away, and a retired one stops being routed', async () => {
    const shard = await network.startShard([QINGSHANHU]);
    const admin = { authorization: `Bearer ${await network.token({ role: 'admin', sub: 'admin' })}` };
    const registered = await network.query(
      `mutation Register($endpoint: String!) {
        registerArchive(input: { id: "360111", name: "青山湖区档案馆", level: COUNTY, region: "360111", endpoint: $endpoint }) { id name }
      }`,
      { endpoint: shard.url },
      admin,
    );
    expect(registered.body.errors).toBeUndefined();

    const read = await network.query(READ_NEW);
    expect(read.body).toEqual({ data: { record: { title: '青山湖区档案馆关于档案工作的通知（2001）' } } });

    const retired = await network.query('mutation { retireArchive(id: "360111") { id } }', undefined, admin);
    expect(retired.body.errors).toBeUndefined();
    const callsBefore = shard.calls.length;
    const after = await network.query(READ_NEW);
    expect(after.body.data).toEqual({ record: null });
    expect(after.body.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', archive: '360111' });
    expect(shard.calls.length).toBe(callsBefore);
  });

  it('a failed refresh keeps the last good shard set', async () => {
    const version = network.gateway.directory.version;
    await network.province.down();
    try {
      expect(await network.gateway.directory.refresh()).toBe(false);
      expect(network.gateway.directory.version).toBe(version);
      const { body } = await network.query('{ record(id: "360102:Record:1") { title } }');
      expect(body).toEqual({ data: { record: { title: '东湖区档案馆关于档案工作的通知（2001）' } } });
    } finally {
      await network.province.up();
    }
  });
});

describe('the periodic directory refresh', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startNetwork({ directoryRefreshMs: 100 });
  });

  afterAll(async () => {
    await network?.stop();
  });

  it('routes to an archive registered in the directory, then stops routing it once retired, without a restart', async () => {
    const shard = await network.startShard([QINGSHANHU]);
    network.directory.set('360111', { name: QINGSHANHU.name, level: 'COUNTY', endpoint: shard.url });
    await vi.waitFor(async () => expect((await network.query(READ_NEW)).body.data).toEqual({ record: { title: '青山湖区档案馆关于档案工作的通知（2001）' } }), {
      timeout: 5000,
      interval: 50,
    });

    network.directory.delete('360111');
    await vi.waitFor(async () => expect((await network.query(READ_NEW)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND'), {
      timeout: 5000,
      interval: 50,
    });
  });
});

describe('a gateway started before the province answers', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startNetwork();
  });

  afterAll(async () => {
    await network?.stop();
  });

  it('reports archives as unavailable rather than unknown, and routes once the province answers', async () => {
    await network.province.down();
    const gateway = buildGateway({
      supergraphSdl: composeSupergraph().supergraphSdl,
      provinceUrl: network.province.url,
      subgraphSecret: SUBGRAPH_SECRET,
      log: () => {},
    });
    const port = await listen(gateway.httpServer, 0);
    try {
      await gateway.start();
      const ask = () =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ record(id: "360100:Record:1") { title } }' }),
        }).then((r) => r.json() as Promise<{ data: unknown; errors?: { extensions: Record<string, unknown> }[] }>);
      const early = await ask();
      expect(early.data).toEqual({ record: null });
      expect(early.errors![0]!.extensions).toMatchObject({ code: 'ARCHIVE_UNAVAILABLE', archive: '360100' });

      await network.province.up();
      await vi.waitFor(async () => expect((await ask()).data).toEqual({ record: { title: '南昌市档案馆关于档案工作的通知（2001）' } }), {
        timeout: 5000,
        interval: 100,
      });
    } finally {
      await close(gateway.httpServer);
      await gateway.stop();
    }
  });
});
