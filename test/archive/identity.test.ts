import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, MAX_SIGNATURE_AGE_MS } from '../../protocol/identity.js';
import { CITY, PUBLIC, SECRET, archivistOf, startArchiveWorld, type ArchiveWorld } from './fixture.js';

let world: ArchiveWorld;

beforeAll(async () => {
  world = await startArchiveWorld('identity');
});

afterAll(async () => {
  await world?.close();
});

const OPERATIONS: [string, string][] = [
  ['a root field', `{ archive(id: "360100") { id name } }`],
  ['_service', `{ _service { sdl } }`],
  ['_entities', `{ _entities(representations: [{ __typename: "Archive", id: "360100" }]) { ... on Archive { id } } }`],
  ['a mutation', `mutation { createFonds(archive: "360100", input: { fondsCode: "J1", name: "x", creator: "x" }) { id } }`],
];

function expectRefused(result: { status: number; data?: unknown; errors?: { extensions?: { code?: string } }[] }) {
  expect(result.status).toBe(401);
  expect(result.data).toBeUndefined();
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

describe.each(OPERATIONS)('requests for %s', (_, query) => {
  it('are refused with 401 when unsigned', async () => {
    expectRefused(await world.graphql(null, query));
  });

  it('are refused with 401 when the signature is stale', async () => {
    const stale = signIdentity(archivistOf(CITY), SECRET, Date.now() - MAX_SIGNATURE_AGE_MS - 5_000);
    expectRefused(await world.graphql(null, query, {}, CITY, stale));
  });

  it('are refused with 401 when the identity was tampered with', async () => {
    const signed = signIdentity(PUBLIC, SECRET);
    const forged = Buffer.from(JSON.stringify(archivistOf(CITY))).toString('base64url');
    expectRefused(await world.graphql(null, query, {}, CITY, { ...signed, 'x-lantai-identity': forged }));
  });

  it('are refused with 401 when signed with another secret', async () => {
    expectRefused(await world.graphql(null, query, {}, CITY, signIdentity(archivistOf(CITY), 'not-the-secret')));
  });
});

describe('signed requests', () => {
  it('are answered, _service and _entities included', async () => {
    const service = await world.graphql(PUBLIC, `{ _service { sdl } }`);
    expect(service.status).toBe(200);
    expect(service.data._service.sdl).toContain('type Record');
    const entities = await world.graphql(PUBLIC, OPERATIONS[2]![1]);
    expect(entities.data._entities).toEqual([{ id: CITY }]);
  });

  it('GET requests need the signature too', async () => {
    const url = `${world.url()}?query=${encodeURIComponent('{ archive(id: "360100") { id } }')}`;
    const unsigned = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(unsigned.status).toBe(401);
    const signed = await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...signIdentity(PUBLIC, SECRET) } });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ data: { archive: { id: CITY } } });
  });

  it('are answered for their caller alone: no cache on the way may keep them, GET included', async () => {
    const url = `${world.url()}?query=${encodeURIComponent('{ archive(id: "360100") { id } }')}`;
    const get = await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...signIdentity(archivistOf(CITY), SECRET) } });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('no-store');
    const post = await fetch(world.url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(PUBLIC, SECRET) },
      body: JSON.stringify({ query: '{ archive(id: "360100") { id name } }' }),
    });
    expect(post.headers.get('cache-control')).toBe('no-store');
  });

  it('a simple cross-site GET without a preflight header is refused (CSRF prevention)', async () => {
    const url = `${world.url()}?query=${encodeURIComponent('{ archive(id: "360100") { id } }')}`;
    const response = await fetch(url, { headers: signIdentity(PUBLIC, SECRET) });
    expect(response.status).toBe(400);
  });
});
