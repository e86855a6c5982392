import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { buildASTSchema, parse, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../../protocol/identity.js';
import { ADMIN, codesOf, PUBLIC, SECRET, startProvince, type ProvinceFixture } from './province-fixture.js';

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Archive { id name level region { code name } directory { status retired } }
    ... on Region { code name archives { id } }
  }
}`;

describe('province subgraph behind the gateway', () => {
  let province: ProvinceFixture;

  beforeAll(async () => {
    province = await startProvince('provfed');
    for (const [id, name, level] of [
      ['360100', '南昌市档案馆', 'CITY'],
      ['360102', '东湖区档案馆', 'COUNTY'],
      ['360121', '南昌县档案馆', 'COUNTY'],
    ]) {
      const answer = await province.call(
        `mutation($input: RegisterArchiveInput!) { registerArchive(input: $input) { id } }`,
        { input: { id, name, level, region: id, endpoint: `http://10.0.0.1/${id}/graphql` } },
        ADMIN,
      );
      expect(answer.errors).toBeUndefined();
    }
    await province.call(`mutation { retireArchive(id: "360121") { id } }`, {}, ADMIN);
  });

  afterAll(async () => {
    await province.teardown();
  });

  describe('refuses with 401 UNAUTHENTICATED any request not signed by the gateway', () => {
    const queries: [string, string][] = [
      ['a root field', '{ province { code } }'],
      ['shardDirectory', '{ shardDirectory { version shards { archive endpoint } } }'],
      ['_service', '{ _service { sdl } }'],
      ['_entities', '{ _entities(representations: [{ __typename: "Archive", id: "360100" }]) { ... on Archive { id } } }'],
      ['a mutation', 'mutation { retireArchive(id: "360100") { id } }'],
    ];

    it.each(queries)('%s without identity headers', async (_name, query) => {
      const answer = await province.send(query, {});
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.data).toBeUndefined();
    });

    it.each(queries)('%s with a signature older than 60 s', async (_name, query) => {
      const answer = await province.send(query, signIdentity(ADMIN, SECRET, Date.now() - 61_000));
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.errors![0]!.message).toMatch(/expired/);
    });

    it.each(queries)('%s signed with another secret', async (_name, query) => {
      const answer = await province.send(query, signIdentity(ADMIN, 'not-the-secret'));
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    });

    it('a public identity tampered into an admin one', async () => {
      const headers = signIdentity(PUBLIC, SECRET);
      headers['x-lantai-identity'] = Buffer.from(JSON.stringify(ADMIN)).toString('base64url');
      const answer = await province.send('mutation { retireArchive(id: "360100") { id } }', headers);
      expect(answer.status).toBe(401);
      const check = await province.call('{ archives { id } }');
      expect(check.data!.archives).toEqual([{ id: '360100' }, { id: '360102' }]);
    });

    it('a GET request', async () => {
      const response = await fetch(`${province.url}?query=${encodeURIComponent('{ province { code } }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(401);
    });
  });

  it('resolves Archive entities from the directory alone, in the order asked, null for an unknown code', async () => {
    const answer = await province.call(ENTITIES, {
      representations: [
        { __typename: 'Archive', id: '360102' },
        { __typename: 'Archive', id: '369999' },
        { __typename: 'Archive', id: '360121' },
        { __typename: 'Archive', id: '360100' },
      ],
    }, PUBLIC);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities).toEqual([
      { __typename: 'Archive', id: '360102', name: '东湖区档案馆', level: 'COUNTY', region: { code: '360102', name: '东湖区' }, directory: { status: 'UNKNOWN', retired: false } },
      null,
      { __typename: 'Archive', id: '360121', name: '南昌县档案馆', level: 'COUNTY', region: { code: '360121', name: '南昌县' }, directory: { status: 'UNKNOWN', retired: true } },
      { __typename: 'Archive', id: '360100', name: '南昌市档案馆', level: 'CITY', region: { code: '360100', name: '南昌市' }, directory: { status: 'UNKNOWN', retired: false } },
    ]);
  });

  // Each entity type of the province is resolved in a test of its own, in the same steps.
  it('resolves Region entities with their active archives, the region and those below it', async () => {
    const answer = await province.call(ENTITIES, {
      representations: [
        { __typename: 'Region', code: '360100' },
        { __typename: 'Region', code: '360121' },
        { __typename: 'Region', code: '369999' },
        { __typename: 'Region', code: '360000' },
      ],
    }, PUBLIC);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities).toEqual([
      { __typename: 'Region', code: '360100', name: '南昌市', archives: [{ id: '360100' }, { id: '360102' }] },
      { __typename: 'Region', code: '360121', name: '南昌县', archives: [] },
      null,
      { __typename: 'Region', code: '360000', name: '江西省', archives: [{ id: '360100' }, { id: '360102' }] },
    ]);
  });

  it('answers for the caller alone: no cache on the way may keep an answer', async () => {
    const response = await fetch(province.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(ADMIN, SECRET) },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('gives its SDL to a signed _service query, with the shard directory marked @inaccessible', async () => {
    const answer = await province.call<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(answer.status).toBe(200);
    expect(answer.data!._service.sdl).toMatch(/shardDirectory: ShardDirectory! @inaccessible/);
  });

  it('composes with the archive contract into a public API that shows no endpoint and no shard directory', () => {
    const read = (name: string) => parse(readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8'));
    const result = composeServices([
      { name: 'archive', url: 'http://archive.invalid/graphql', typeDefs: read('archive') },
      { name: 'province', url: 'http://province.invalid/graphql', typeDefs: read('province') },
    ]);
    expect(result.errors).toBeUndefined();
    // Through the AST, so that printing uses this module's graphql, not the one composition loaded.
    const api = printSchema(buildASTSchema(result.schema!.toAPISchema().toAST()));
    // Nullable: a province that does not answer nulls them, not the archive data around them.
    expect(api).toMatch(/type Archive \{[^}]*directory: DirectoryEntry\n/);
    expect(api).toMatch(/registerArchive\(input: RegisterArchiveInput!\): Archive\n/);
    // An endpoint may be given to registerArchive/updateArchive, but no output type carries one.
    const outputTypes = api.split(/\n(?=type |input |enum |scalar |interface |union )/).filter((block) => block.startsWith('type '));
    expect(outputTypes.filter((block) => /endpoint/i.test(block.replace(/"""[\s\S]*?"""|"[^"\n]*"/g, '')))).toEqual([]);
    expect(api).not.toMatch(/shardDirectory|ShardDirectory|ShardEndpoint/);
  });
});
