/**
 * Two province replicas over one database, as a province runs behind a load balancer: each
 * keeps its own snapshot of the directory (directory/snapshot.ts), and a change made through
 * one, or written by the shard probe, is in the other's very next answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShardClient } from '../../protocol/shard-client.js';
import { DirectoryProbe } from '../../subgraphs/province/directory/probe.js';
import { ADMIN, PUBLIC, SECRET, startProvince, type ProvinceFixture } from './province-fixture.js';

const ARCHIVES = `query Archives($status: DirectoryStatus, $includeRetired: Boolean) {
  archives(status: $status, includeRetired: $includeRetired) { id name directory { status retired } }
}`;
const REGISTER = `mutation Register($input: RegisterArchiveInput!) { registerArchive(input: $input) { id } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateArchiveInput!) { updateArchive(id: $id, input: $input) { id } }`;
const RETIRE = `mutation Retire($id: ID!) { retireArchive(id: $id) { id } }`;
const ENTITIES = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Archive { id region { code } directory { retired } } } }`;

type Listed = { id: string; name: string; directory: { status: string; retired: boolean } };

describe('directory across province replicas', () => {
  let first: ProvinceFixture;
  let second: ProvinceFixture;

  async function archives(replica: ProvinceFixture, variables: Record<string, unknown> = {}): Promise<Listed[]> {
    const answer = await replica.call<{ archives: Listed[] }>(ARCHIVES, variables, PUBLIC);
    expect(answer.errors).toBeUndefined();
    return answer.data!.archives;
  }

  async function changed(replica: ProvinceFixture, query: string, variables: Record<string, unknown>) {
    const answer = await replica.call(query, variables, ADMIN);
    expect(answer.errors).toBeUndefined();
  }

  beforeAll(async () => {
    first = await startProvince('provreplicas');
    second = await startProvince('provreplicas', { replicaOf: first });
  });

  afterAll(async () => {
    await second?.teardown();
    await first?.teardown();
  });

  it('lists an archive registered through one replica in the other\'s very next answer', async () => {
    // Both replicas have read the directory, so each holds a snapshot of it.
    expect(await archives(first)).toEqual([]);
    expect(await archives(second)).toEqual([]);
    await changed(first, REGISTER, { input: { id: '360100', name: '南昌市档案馆', level: 'CITY', region: '360100', endpoint: 'http://127.0.0.1:1/graphql' } });
    expect(await archives(second)).toEqual([{ id: '360100', name: '南昌市档案馆', directory: { status: 'UNKNOWN', retired: false } }]);
    await changed(second, REGISTER, { input: { id: '360102', name: '东湖区档案馆', level: 'COUNTY', region: '360102', endpoint: 'http://127.0.0.1:1/graphql' } });
    expect((await archives(first)).map((a) => a.id)).toEqual(['360100', '360102']);
  });

  it('shows a new name and a retirement through one replica in the other\'s next answer, references included', async () => {
    await archives(second);
    await changed(first, UPDATE, { id: '360100', input: { name: '南昌市档案馆（新馆）' } });
    expect((await archives(second)).find((a) => a.id === '360100')!.name).toBe('南昌市档案馆（新馆）');

    await changed(first, RETIRE, { id: '360102' });
    expect((await archives(second)).map((a) => a.id)).toEqual(['360100']);
    const reference = await second.call<{ _entities: { directory: { retired: boolean } }[] }>(ENTITIES, { representations: [{ __typename: 'Archive', id: '360102' }] }, PUBLIC);
    expect(reference.data!._entities[0]!.directory.retired).toBe(true);
  });

  it('shows the status the probe wrote in the next answer of every replica', async () => {
    expect(await archives(first, { status: 'DOWN' })).toEqual([]);
    expect(await archives(second, { status: 'DOWN' })).toEqual([]);
    const client = new ShardClient({ secret: SECRET, timeoutMs: 2000 });
    try {
      // Nothing listens on port 1: the probe finds the archive DOWN and writes it.
      await new DirectoryProbe(first.orm, client, { log: () => {} }).probeAll();
    } finally {
      await client.close();
    }
    for (const replica of [first, second]) {
      expect((await archives(replica, { status: 'DOWN' })).map((a) => a.id)).toEqual(['360100']);
    }
  });
});
