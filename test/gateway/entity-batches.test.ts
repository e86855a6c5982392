/**
 * The gateway's entity fetches against fake archive hosts over real HTTP: the `_entities` of
 * the archives one host serves go out as one call to its batch endpoint (a search page of hits
 * from twenty archives on two hosts is two exchanges), each archive's answer and failure stay
 * its own and in their places, and a host without a batch endpoint is called archive by archive.
 */
import { createServer, type Server } from 'node:http';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreakers } from '../../protocol/circuit-breaker.js';
import { close, listen, readBody, sendJson } from '../../protocol/http.js';
import { verifyIdentity, type Identity } from '../../protocol/identity.js';
import { ShardClient } from '../../protocol/shard-client.js';
import { ShardRouter, type GatewayContext } from '../../gateway/shard-router.js';
import type { ShardDirectory } from '../../gateway/shard-directory.js';

const SECRET = 'entity-batches-test-secret';
const PUBLIC: Identity = { role: 'public' };

/** A fake archive host, of the same kind as the province scatter's test has (each test file sets itself up). */
interface FakeHost {
  server: Server;
  origin: string;
  /** Path of each request received, with the archives a batch named. */
  calls: string[];
  batches: boolean;
  /** Archives that answer late (their host's deadline passed) or with an error on their second entity. */
  late: Set<string>;
  failing: Set<string>;
  /** The identity of the last request. */
  viewer?: Identity;
}

type Representation = { __typename: string; id: string };

/** An archive's answer: each entity's title is its id, so the test sees where each went. */
function entitiesOf(host: FakeHost, archive: string, representations: Representation[]) {
  if (host.late.has(archive)) {
    return { data: null, errors: [{ message: `Archive ${archive} did not answer in time.`, extensions: { code: 'ARCHIVE_UNAVAILABLE', archive } }] };
  }
  const entities = representations.map((rep) => ({ __typename: 'Record', title: rep.id }));
  if (!host.failing.has(archive)) return { data: { _entities: entities } };
  return {
    data: { _entities: entities.map((entity, i) => (i === 1 ? null : entity)) },
    errors: [{ message: 'Record not readable', path: ['_entities', 1, 'title'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  };
}

async function fakeHost(batches: boolean): Promise<FakeHost> {
  const host = { calls: [] as string[], batches, late: new Set<string>(), failing: new Set<string>() } as FakeHost;
  host.server = createServer(async (request, response) => {
    const path = request.url ?? '/';
    host.viewer = verifyIdentity(request.headers, SECRET);
    const body = JSON.parse(await readBody(request, 1 << 20));
    if (path === '/archives/batch') {
      if (!host.batches) {
        host.calls.push(path);
        return sendJson(response, 404, { errors: [{ message: 'Nothing here', extensions: { code: 'NOT_FOUND' } }] });
      }
      const requests = body.requests as { archive: string; query: string; variables: { representations: Representation[] } }[];
      host.calls.push(`${path} ${requests.map((r) => r.archive).join(',')}`);
      return sendJson(response, 200, {
        responses: requests.map(({ archive, query, variables }) => {
          expect(query).toContain('_entities');
          return { archive, ...entitiesOf(host, archive, variables.representations) };
        }),
      });
    }
    host.calls.push(path);
    const representations = body.variables.representations as Representation[];
    sendJson(response, 200, entitiesOf(host, representations[0]!.id.split(':')[0]!, representations));
  });
  host.origin = `http://127.0.0.1:${await listen(host.server, 0)}`;
  return host;
}

const ENTITIES = 'query Page__archive__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Record { title } } }';

let batching: FakeHost;
let legacy: FakeHost;
let down: FakeHost;
let client: ShardClient;
let router: ShardRouter;
const endpoints = new Map<string, string>();

function serve(host: FakeHost, ...codes: string[]): void {
  for (const code of codes) endpoints.set(code, `${host.origin}/archives/${code}/graphql`);
}

async function fetchEntities(ids: string[], identity: Identity = PUBLIC) {
  const representations = ids.map((id) => ({ __typename: 'Record', id }));
  const options = {
    kind: 'UNKNOWN',
    incomingRequestContext: {},
    context: { identity },
    request: { query: ENTITIES, operationName: 'Page__archive__1', variables: { representations } },
    document: parse(ENTITIES),
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
  return (await router.process(options)) as { data: { _entities: ({ title: string } | null)[] }; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

beforeAll(async () => {
  batching = await fakeHost(true);
  legacy = await fakeHost(false);
  down = await fakeHost(true);
  await close(down.server);
  serve(batching, '360100', '360102', '360121');
  serve(legacy, '360200', '360202');
  serve(down, '360300', '360302');
  endpoints.set('360400', `${batching.origin}/graphql`);
  client = new ShardClient({ secret: SECRET, timeoutMs: 3000 });
  const directory = { loaded: true, endpointOf: (code: string) => endpoints.get(code), refreshForUnknownArchive: async () => undefined } as unknown as ShardDirectory;
  router = new ShardRouter({ directory, client, breakers: new CircuitBreakers(), routing: { query: new Map(), mutation: new Map() } });
});

afterAll(async () => {
  for (const host of [batching, legacy]) {
    host.server.closeAllConnections();
    await close(host.server);
  }
  await client.close();
});

beforeEach(() => {
  for (const host of [batching, legacy]) {
    host.calls.length = 0;
    host.late.clear();
    host.failing.clear();
  }
});

describe('entity fetches through archive hosts', () => {
  it('sends one call to a host for the entities of all its archives and puts every answer back in its place', async () => {
    const ids = ['360121:Record:7', '360100:Record:1', '360400:Record:2', '360102:Record:3', '360100:Record:9', '360121:Record:8'];
    const answer = await fetchEntities(ids, { role: 'archivist', archive: '360100', sub: 'a-1' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities.map((entity) => entity?.title)).toEqual(ids);
    // 360400's endpoint is not of the archive host's layout: it is called on its own.
    expect(batching.calls.sort()).toEqual(['/archives/batch 360121,360100,360102', '/graphql']);
    // Each archive's query runs under the caller's own identity.
    expect(batching.viewer).toMatchObject({ role: 'archivist', archive: '360100', sub: 'a-1' });
  });

  it('calls an archive alone on its host directly, without a batch', async () => {
    const answer = await fetchEntities(['360102:Record:1', '360102:Record:2']);
    expect(answer.data._entities.map((entity) => entity?.title)).toEqual(['360102:Record:1', '360102:Record:2']);
    expect(batching.calls).toEqual(['/archives/360102/graphql']);
  });

  it("keeps each archive's failure its own: a late archive is unavailable, an entity's error points at its place", async () => {
    batching.late.add('360102');
    batching.failing.add('360121');
    const ids = ['360102:Record:1', '360121:Record:1', '360100:Record:1', '360121:Record:2', '360102:Record:2'];
    const answer = await fetchEntities(ids);
    expect(answer.data._entities.map((entity) => entity?.title ?? null)).toEqual([null, '360121:Record:1', '360100:Record:1', null, null]);
    expect(answer.errors).toHaveLength(2);
    const late = answer.errors!.find((error) => error.extensions?.code === 'ARCHIVE_UNAVAILABLE')!;
    expect(late).toMatchObject({ path: ['_entities', 0], extensions: { archive: '360102' } });
    expect(late.message).toContain('360102');
    const failed = answer.errors!.find((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')!;
    // The second entity 360121 was asked for is the fourth of the whole fetch.
    expect(failed.path).toEqual(['_entities', 3, 'title']);
  });

  it('calls the archives of a host without a batch endpoint one by one, and does not ask it for a batch again at once', async () => {
    const ids = ['360202:Record:1', '360200:Record:4', '360202:Record:2'];
    const first = await fetchEntities(ids);
    expect(first.errors).toBeUndefined();
    expect(first.data._entities.map((entity) => entity?.title)).toEqual(ids);
    expect(legacy.calls.sort()).toEqual(['/archives/360200/graphql', '/archives/360202/graphql', '/archives/batch']);
    legacy.calls.length = 0;
    const second = await fetchEntities(ids);
    expect(second.data._entities.map((entity) => entity?.title)).toEqual(ids);
    expect(legacy.calls.sort()).toEqual(['/archives/360200/graphql', '/archives/360202/graphql']);
  });

  it('makes every archive of a host that cannot be reached unavailable, by name, and answers the rest', async () => {
    const answer = await fetchEntities(['360300:Record:1', '360100:Record:1', '360302:Record:1']);
    expect(answer.data._entities.map((entity) => entity?.title ?? null)).toEqual([null, '360100:Record:1', null]);
    expect(answer.errors!.map((error) => [error.extensions?.code, error.extensions?.archive, error.path])).toEqual([
      ['ARCHIVE_UNAVAILABLE', '360300', ['_entities', 0]],
      ['ARCHIVE_UNAVAILABLE', '360302', ['_entities', 2]],
    ]);
  });
});
