/**
 * POST /archives/batch: one call for many archives of a host, as the province's scatter sends
 * it. Each archive's answer must be exactly what its own endpoint answers the same caller, and
 * nothing the single endpoint refuses may get through the batch.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, type Identity } from '../../protocol/identity.js';
import { CITY, COUNTY, PUBLIC, SECRET, archivistOf, seedCatalogue, startArchiveWorld, type ArchiveWorld } from './fixture.js';

let world: ArchiveWorld;

const RECORDS = `query Records($archive: ID!) {
  archive(id: $archive) { name records(first: 50) { totalCount nodes { id title access } } }
}`;
const SEARCH = `query Search($archive: ID!, $query: String) {
  searchRecords(archive: $archive, query: $query, first: 10) { totalCount countsAreExact hits { id score } facets { byAccess { value count } } }
}`;

beforeAll(async () => {
  world = await startArchiveWorld('batch', [CITY, COUNTY]);
  await seedCatalogue(world, CITY);
  await seedCatalogue(world, COUNTY);
});

afterAll(async () => {
  await world?.close();
});

async function batch(identity: Identity | null, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${world.port}/archives/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(identity ? signIdentity(identity, SECRET) : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('the archive host batch endpoint', () => {
  it.each([
    ['the public', PUBLIC],
    ["the city's archivist", archivistOf(CITY)],
  ])("answers each archive's query in order, exactly as the archive's own endpoint answers %s", async (_, identity) => {
    const requests = [
      { archive: COUNTY, query: RECORDS, variables: { archive: COUNTY } },
      { archive: CITY, query: RECORDS, variables: { archive: CITY } },
      { archive: CITY, query: SEARCH, operationName: 'Search', variables: { archive: CITY, query: '婚姻' } },
    ];
    const answer = await batch(identity, { requests });
    expect(answer.status).toBe(200);
    expect(answer.body.responses.map((r: { archive: string }) => r.archive)).toEqual([COUNTY, CITY, CITY]);
    for (const [i, request] of requests.entries()) {
      const single = await world.graphql(identity, request.query, request.variables, request.archive);
      expect(answer.body.responses[i]).toEqual({ archive: request.archive, data: single.data });
    }
    // The archivist sees the city's records that are not open, and only the city's.
    const closedIn = (i: number) => answer.body.responses[i].data.archive.records.nodes.filter((r: { access: string }) => r.access !== 'OPEN').length;
    expect(closedIn(0)).toBe(0);
    expect(closedIn(1) > 0).toBe(identity !== PUBLIC);
  });

  it("keeps an archive's error in its own entry: an archive not hosted here, bad input", async () => {
    const answer = await batch(PUBLIC, {
      requests: [
        { archive: '360981', query: RECORDS, variables: { archive: '360981' } },
        { archive: CITY, query: SEARCH, variables: { archive: CITY, query: '\u0000' } },
        { archive: COUNTY, query: RECORDS, variables: { archive: COUNTY } },
      ],
    });
    expect(answer.status).toBe(200);
    const [missing, bad, fine] = answer.body.responses;
    expect(missing.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fine.data.archive.name).toBe(`${COUNTY}档案馆`);
    expect(fine.errors).toBeUndefined();
  });

  it.each([
    ['a mutation', { requests: [{ archive: CITY, query: 'mutation { createFonds(archive: "360100", input: { fondsCode: "J9", name: "x" }) { id } }' }] }, 400],
    ['a body that is not a batch', { query: RECORDS }, 400],
    ['requests without a query', { requests: [{ archive: CITY }] }, 400],
    ['more than 500 requests', { requests: Array.from({ length: 501 }, () => ({ archive: CITY, query: '{ __typename }' })) }, 400],
    ['JSON that does not parse', '{"requests": [', 400],
    ['a timeout that is not a positive whole number', { requests: [], timeoutMs: 0 }, 400],
    ['a timeout that is not a number', { requests: [], timeoutMs: '100' }, 400],
  ])('refuses %s', async (_, body, status) => {
    const answer = await batch(archivistOf(CITY), body);
    expect(answer.status).toBe(status);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    // Nothing ran: the mutation created no fonds.
    expect(await world.sql(CITY, `select id from $schema.fonds where fonds_code = 'J9'`)).toEqual([]);
  });

  it('refuses a caller whose identity is not signed with the shared secret, and a body that is not JSON', async () => {
    const forged = signIdentity(archivistOf(CITY), 'not-the-secret');
    const unsigned = await batch(null, { requests: [{ archive: CITY, query: RECORDS, variables: { archive: CITY } }] }, forged);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const text = await batch(PUBLIC, 'requests', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it("runs the searches of the batch's archives as one statement, each archive getting its own answer", async () => {
    const requests = [CITY, COUNTY].map((archive) => ({ archive, query: SEARCH, variables: { archive, query: '婚姻' } }));
    const before = world.statements.length;
    const answer = await batch(PUBLIC, { requests });
    const searches = world.statements.slice(before).filter((sql) => sql.includes('with m as materialized'));
    expect(searches).toHaveLength(1);
    expect(searches[0]).toContain('union all');
    for (const [i, request] of requests.entries()) {
      const single = await world.graphql(PUBLIC, request.query, request.variables, request.archive);
      expect(answer.body.responses[i]).toEqual({ archive: request.archive, data: single.data });
    }
  });

  it("keeps one archive's failing search from failing the others' in the same statement", async () => {
    const requests = [CITY, COUNTY].map((archive) => ({ archive, query: SEARCH, variables: { archive, query: '婚姻' } }));
    const expected = await world.graphql(PUBLIC, SEARCH, { archive: CITY, query: '婚姻' }, CITY);
    await world.sql(COUNTY, 'alter table $schema.record rename to record_away');
    try {
      const answer = await batch(PUBLIC, { requests });
      expect(answer.body.responses[0]).toEqual({ archive: CITY, data: expected.data });
      expect(answer.body.responses[1].errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(answer.body.responses[1].data).toBeNull();
    } finally {
      await world.sql(COUNTY, 'alter table $schema.record_away rename to record');
    }
  });

  it('answers within timeoutMs, naming an archive still working then ARCHIVE_UNAVAILABLE beside the answers of the others', async () => {
    // Another session holds the county's records: its query waits for the lock.
    const blocker = new pg.Client({ connectionString: world.database.url });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query(`lock table archive_${COUNTY}.record in access exclusive mode`);
      const requests = [CITY, COUNTY].map((archive) => ({ archive, query: RECORDS, variables: { archive } }));
      // The lock is still held when the answer comes: the county's query cannot have finished.
      const answer = await batch(PUBLIC, { requests, timeoutMs: 3000 });
      expect(answer.status).toBe(200);
      const [city, county] = answer.body.responses;
      expect(city.data.archive.records.totalCount).toBeGreaterThan(0);
      expect(county).toEqual({
        archive: COUNTY,
        data: null,
        errors: [{ message: `Archive ${COUNTY} did not answer in time.`, extensions: { code: 'ARCHIVE_UNAVAILABLE', archive: COUNTY } }],
      });
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
  });
});
