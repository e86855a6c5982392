/**
 * The whole network end to end: real archive hosts in their own processes, the real province
 * subgraph and the gateway, over a real PostgreSQL seeded with the demo generator.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import { DEMO_JWT_SECRET } from '../../gateway/caller.js';
import { startNetwork, type Network } from '../../scripts/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

// Long enough that a shard of a busy machine is never taken for a dead one; a killed host refuses at once.
const SHARD_TIMEOUT_MS = 10_000;
// Two hosts: the province archive with Nanchang's, and Jingdezhen's.
const ARCHIVES = ['360000', '360100', '360121', '360200', '360222'];

let db: TestDatabase;
let network: Network;

interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function token(claims: Record<string, unknown>, expiresIn = '10m'): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(DEMO_JWT_SECRET));
}

async function gateway(query: string, variables?: Record<string, unknown>, bearer?: string) {
  const response = await fetch(network.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer };
}

async function firstRecordId(archive: string): Promise<string> {
  const { body } = await gateway(`query($id: ID!) { archive(id: $id) { records(first: 1) { nodes { id } } } }`, { id: archive });
  return body.data!.archive.records.nodes[0].id;
}

function hostOf(code: string) {
  return network.archiveHosts.find((host) => host.archives.includes(code))!;
}

beforeAll(async () => {
  db = await createTestDatabase('e2e');
  network = await startNetwork({
    databaseUrl: db.url,
    archives: ARCHIVES,
    hosts: 2,
    env: { LANTAI_SHARD_TIMEOUT_MS: String(SHARD_TIMEOUT_MS), LANTAI_PROBE_INTERVAL_MS: '60000' },
  });
});

afterAll(async () => {
  await network?.stop();
  await db?.drop();
});

describe('the province network through the gateway', () => {
  it('spreads the archives over two host processes', () => {
    expect(network.archiveHosts).toHaveLength(2);
    expect(hostOf('360100')).not.toBe(hostOf('360200'));
  });

  it('reads records of three archives in one query, each from its own shard, in the order asked', async () => {
    const ids = await Promise.all(['360200', '360100', '360121'].map(firstRecordId));
    const { status, body } = await gateway(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: record(id: $a) { id archive { id name } }
        b: record(id: $b) { id archive { id name } }
        c: record(id: $c) { id archive { id name } }
      }`,
      { a: ids[0], b: ids[1], c: ids[2] },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect([body.data!.a, body.data!.b, body.data!.c].map((r) => [r.id, r.archive.id])).toEqual([
      [ids[0], '360200'],
      [ids[1], '360100'],
      [ids[2], '360121'],
    ]);
    expect(body.data!.b.archive.name).toBe('南昌市档案馆');
  });

  it('joins the directory with every shard’s own data, keeping the directory’s order', async () => {
    const { body } = await gateway(`{ province { archives { id name region { name } records(first: 1) { totalCount } } } }`);
    expect(body.errors).toBeUndefined();
    const archives = body.data!.province.archives as { id: string; records: { totalCount: number } }[];
    expect(archives.map((a) => a.id)).toEqual(ARCHIVES);
    for (const archive of archives) expect(archive.records.totalCount).toBeGreaterThan(0);
  });

  it('gives partial data and ARCHIVE_UNAVAILABLE naming each archive of a killed host, then recovers without a gateway restart', async () => {
    const down = hostOf('360200');
    const query = `{
      p: archive(id: "360100") { name } q: archive(id: "360200") { name } r: archive(id: "360222") { name }
      province { archives { id name records(first: 1) { totalCount } } }
    }`;
    await down.process.kill();
    try {
      const { body } = await gateway(query);
      expect(body.data!.p).toEqual({ name: '南昌市档案馆' });
      expect(body.data!.q).toBeNull();
      expect(body.data!.r).toBeNull();
      const unavailable = body.errors!.filter((e) => e.extensions?.code === 'ARCHIVE_UNAVAILABLE');
      expect([...new Set(unavailable.map((e) => e.extensions!.archive))].sort()).toEqual(['360200', '360222']);
      // The directory listing keeps every archive; only the dead shard's own fields are null.
      const listing = body.data!.province.archives as { id: string; name: string; records: { totalCount: number } | null }[];
      expect(listing.map((a) => a.id)).toEqual(ARCHIVES);
      expect(listing.filter((a) => a.records === null).map((a) => a.id)).toEqual(['360200', '360222']);
      expect(listing.find((a) => a.id === '360200')!.name).toBe('景德镇市档案馆');
    } finally {
      await down.process.start();
    }
    // The breaker may hold a failed shard closed for a short cool-down before a trial call.
    const recovered = await vi.waitFor(
      async () => {
        const { body } = await gateway(query);
        expect(body.errors).toBeUndefined();
        return body;
      },
      { timeout: 60_000, interval: 250 },
    );
    expect(recovered.data!.q).toEqual({ name: '景德镇市档案馆' });
  });

  it('stops routing a retired archive and routes it again once registered, without a restart', async () => {
    const admin = await token({ sub: 'admin-1', role: 'admin' });
    const retired = await gateway(`mutation { retireArchive(id: "360222") { id directory { retired } } }`, undefined, admin);
    expect(retired.body.errors).toBeUndefined();
    expect(retired.body.data!.retireArchive.directory.retired).toBe(true);

    const gone = await gateway(`{ archive(id: "360222") { name } }`);
    expect(gone.body.data!.archive).toBeNull();
    expect(gone.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });

    const registered = await gateway(
      `mutation($input: RegisterArchiveInput!) { registerArchive(input: $input) { id directory { retired } } }`,
      { input: { id: '360222', name: '浮梁县档案馆', level: 'COUNTY', region: '360222', endpoint: hostOf('360222').endpoint('360222') } },
      admin,
    );
    expect(registered.body.errors).toBeUndefined();
    const back = await gateway(`{ archive(id: "360222") { name } }`);
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data!.archive).toEqual({ name: '浮梁县档案馆' });
  });

  it('refuses a subgraph called directly without the gateway’s signature', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const headers = { 'content-type': 'application/json' };
    const shard = await fetch(hostOf('360100').endpoint('360100'), { method: 'POST', headers, body });
    expect(shard.status).toBe(401);
    const province = await fetch(network.provinceUrl, { method: 'POST', headers, body });
    expect(province.status).toBe(401);
  });

  it('answers a tampered or expired token with 401 and never as the anonymous public', async () => {
    const valid = await token({ sub: 'a1', role: 'archivist', archive: '360100' });
    const [header, , signature] = valid.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'a1', role: 'admin', exp: 4102444800 })).toString('base64url');
    const tampered = await gateway('{ province { name } }', undefined, `${header}.${forgedPayload}.${signature}`);
    expect(tampered.status).toBe(401);
    expect(tampered.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(tampered.body.data ?? null).toBeNull();

    const expired = await gateway('{ province { name } }', undefined, await token({ sub: 'a1', role: 'public' }, '-1m'));
    expect(expired.status).toBe(401);
    expect(expired.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
