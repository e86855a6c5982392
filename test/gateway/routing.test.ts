import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetwork, type TestNetwork } from './fixtures/network.js';

let network: TestNetwork;

beforeAll(async () => {
  network = await startNetwork();
});

afterAll(async () => {
  await network?.stop();
});

function resetCounts(): void {
  for (const shard of [network.nanchang, network.donghu, network.xihu]) shard.received.length = 0;
}

describe('routing by archive code', () => {
  it('one query reading records of three archives gets each from its own shard, in the order asked', async () => {
    resetCounts();
    const { status, body } = await network.query(`{
      c: record(id: "360103:Record:2") { id title }
      a: record(id: "360100:Record:1") { id title }
      b: record(id: "360102:Record:3") { id title }
    }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data!)).toEqual(['c', 'a', 'b']);
    expect(body.data).toEqual({
      c: { id: '360103:Record:2', title: '西湖区档案馆关于档案工作的通知（2002）' },
      a: { id: '360100:Record:1', title: '南昌市档案馆关于档案工作的通知（2001）' },
      b: { id: '360102:Record:3', title: '东湖区档案馆关于档案工作的通知（2003）' },
    });
    for (const [shard, id] of [
      [network.nanchang, '360100:Record:1'],
      [network.donghu, '360102:Record:3'],
      [network.xihu, '360103:Record:2'],
    ] as const) {
      expect(shard.calls).toHaveLength(1);
      // Each shard is asked only for its own record.
      expect(shard.calls[0]!.query).toContain(id);
      expect(shard.calls[0]!.query.match(/record\(/g)).toHaveLength(1);
    }
  });

  it('root fields of archives hosted by the same endpoint go out as one call', async () => {
    resetCounts();
    const { body } = await network.query(`{
      x: archive(id: "360103") { name }
      y: archive(id: "360104") { name }
    }`);
    expect(body.data).toEqual({ x: { name: '西湖区档案馆' }, y: { name: '青云谱区档案馆' } });
    expect(network.xihu.calls).toHaveLength(1);
    expect(network.nanchang.calls).toHaveLength(0);
  });

  it('a sub-operation carries only the variables and fragments its fields use', async () => {
    resetCounts();
    const { body } = await network.query(
      `query Two($first: ID!, $second: ID!) {
        first: record(id: $first) { ...Described }
        second: record(id: $second) { ...Described }
      }
      fragment Described on Record { title referenceCode }`,
      { first: '360100:Record:2', second: '360102:Record:1' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.first.referenceCode).toBe('J001-WS·2002-Y-BGS-0002');
    expect(body.data!.second.title).toBe('东湖区档案馆关于档案工作的通知（2001）');
    expect(network.nanchang.calls[0]!.variables).toEqual({ first: '360100:Record:2' });
    expect(network.donghu.calls[0]!.variables).toEqual({ second: '360102:Record:1' });
  });

  it('_entities representations are split by archive and their answers put back in the original order', async () => {
    resetCounts();
    // The province lists the archives interleaved across shards; `address` lives only in the
    // archive contract, so the gateway fetches it with one _entities call per shard.
    network.directory.listing = ['360103', '360100', '360104', '360102'];
    try {
      const { body } = await network.query('{ archives { id name address } }');
      expect(body.errors).toBeUndefined();
      expect(body.data!.archives).toEqual([
        { id: '360103', name: '西湖区档案馆', address: '西湖区档案馆, 南昌' },
        { id: '360100', name: '南昌市档案馆', address: '南昌市档案馆, 南昌' },
        { id: '360104', name: '青云谱区档案馆', address: '青云谱区档案馆, 南昌' },
        { id: '360102', name: '东湖区档案馆', address: '东湖区档案馆, 南昌' },
      ]);
      expect(network.xihu.calls).toHaveLength(1);
      expect((network.xihu.calls[0]!.variables.representations as { id: string }[]).map((r) => r.id)).toEqual(['360103', '360104']);
      expect(network.nanchang.calls).toHaveLength(1);
      expect(network.donghu.calls).toHaveLength(1);
    } finally {
      network.directory.listing = null;
    }
  });

  it('an error inside one shard’s entities points at the entity’s place in the whole answer', async () => {
    network.directory.listing = ['360100', '360102', '360104', '360103'];
    network.archives['360103'].addressError = '地址不详';
    try {
      const { body } = await network.query('{ archives { id address } }');
      // 360103 is the second representation sent to its shard but the fourth in the answer.
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.message).toBe('地址不详');
      expect(body.errors![0]!.path).toEqual(['archives', 3, 'address']);
      expect(body.data!.archives[2]).toEqual({ id: '360104', address: '青云谱区档案馆, 南昌' });
    } finally {
      network.directory.listing = null;
      delete network.archives['360103'].addressError;
    }
  });

  it('mutation fields run one after another in the order asked, even across shards', async () => {
    network.journal.length = 0;
    // Slow down the first shard: a parallel run would let 东湖区 finish first.
    network.nanchang.delayMs = 150;
    try {
      const admin = await network.token({ role: 'admin', sub: 'wang' });
      const mutation = (alias: string, archive: string, code: string) =>
        `${alias}: createFonds(archive: "${archive}", input: { fondsCode: "${code}", name: "全宗 ${code}", creator: "南昌县人民政府办公室" }) { id fondsCode }`;
      const { body } = await network.query(
        `mutation { ${mutation('one', '360100', 'J001')} ${mutation('two', '360102', 'J002')} ${mutation('three', '360100', 'J003')} }`,
        undefined,
        { authorization: `Bearer ${admin}` },
      );
      expect(body.errors).toBeUndefined();
      expect(network.journal).toEqual(['createFonds 360100 J001', 'createFonds 360102 J002', 'createFonds 360100 J003']);
      expect(Object.keys(body.data!)).toEqual(['one', 'two', 'three']);
      expect(body.data!.two).toEqual({ id: '360102:Fonds:1', fondsCode: 'J002' });
    } finally {
      network.nanchang.delayMs = 0;
    }
  });

  it('a mutation refused by its shard keeps the shard’s error code', async () => {
    const archivist = await network.token({ role: 'archivist', archive: '360102', sub: 'li' });
    const { body } = await network.query(
      'mutation { createFonds(archive: "360100", input: { fondsCode: "J9", name: "全宗", creator: "某单位" }) { id } }',
      undefined,
      { authorization: `Bearer ${archivist}` },
    );
    expect(body.data).toBeNull();
    expect(body.errors!.map((e) => [e.path, e.extensions?.code])).toEqual([[['createFonds'], 'FORBIDDEN']]);
  });

  it('a root field whose id names no archive is a BAD_USER_INPUT, not a shard call', async () => {
    resetCounts();
    const { status, body } = await network.query('{ record(id: "no-such-id") { id } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ record: null });
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(network.nanchang.calls.length + network.donghu.calls.length + network.xihu.calls.length).toBe(0);
  });

  it('internal fields (@inaccessible) cannot be asked for through the gateway, nor seen by introspection', async () => {
    const internal = await network.query('{ shardDirectory { shards { endpoint } } }');
    expect(internal.status).toBe(400);
    expect(internal.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const search = await network.query('{ searchRecords(archive: "360100", query: "通知") { totalCount } }');
    expect(search.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Introspection is for archivists and admins outside the demo (gateway/limits.ts).
    const admin = await network.token({ role: 'admin', sub: 'wang' });
    const { body } = await network.query('{ __schema { queryType { fields { name } } } }', undefined, { authorization: `Bearer ${admin}` });
    const fields = (body.data!.__schema.queryType.fields as { name: string }[]).map((f) => f.name);
    expect(fields).toContain('record');
    expect(fields).not.toContain('shardDirectory');
    expect(fields).not.toContain('holdings');
  });
});
