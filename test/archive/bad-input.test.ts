import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY, PUBLIC, archivistOf, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from './fixture.js';
import { entityId } from '../../protocol/ids.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
const archivist = archivistOf(CITY);

beforeAll(async () => {
  world = await startArchiveWorld('badinput');
  seeded = await seedCatalogue(world, CITY);
});

afterAll(async () => {
  await world?.close();
});

type Result = Awaited<ReturnType<ArchiveWorld['graphql']>>;

function expectClientError(result: Result, code: string, messagePart?: string | RegExp) {
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length).toBeGreaterThan(0);
  const [error] = result.errors!;
  expect(error!.extensions?.code).toBe(code);
  expect(error!.extensions).not.toHaveProperty('stacktrace');
  expect(error!.message).not.toMatch(/\bselect\b|\binsert\b|\bupdate\b.*\bset\b|at .*\.ts:/i);
  if (messagePart) expect(error!.message).toMatch(messagePart);
}

describe('unknown ids', () => {
  it('resolve to null on reads', async () => {
    const result = await world.graphql(
      archivist,
      `{ record(id: "360100:Record:987654") { id } fonds(id: "360100:Fonds:987654") { id } digitalObject(id: "360100:DigitalObject:987654") { id }
         other: record(id: "360121:Record:1") { id } archive(id: "360199") { id } }`,
    );
    expect(result).toEqual({ status: 200, data: { record: null, fonds: null, digitalObject: null, other: null, archive: null } });
  });

  it('are NOT_FOUND in mutations', async () => {
    const cases = [
      `mutation { updateRecord(id: "360100:Record:987654", input: { title: "x" }) { id } }`,
      `mutation { updateFonds(id: "360100:Fonds:987654", input: { name: "x" }) { id } }`,
      `mutation { reviewAccess(record: "360100:Record:987654", input: { access: OPEN, reason: "r", reviewer: "v" }) { id } }`,
      `mutation { attachDigitalObject(record: "360100:Record:987654", input: { format: "PDF", pages: 1, bytes: 1, sha256: "${'a'.repeat(64)}" }) { id } }`,
      `mutation { createRecord(fonds: "360100:Fonds:987654", input: { level: FILE, referenceCode: "X", title: "x", year: 2000, retention: D10, category: PHOTO }) { id } }`,
    ];
    for (const mutation of cases) expectClientError(await world.graphql(archivist, mutation), 'NOT_FOUND', /不存在/);
  });
});

describe('malformed ids are BAD_USER_INPUT', () => {
  it.each([
    ['a record id without type', `{ record(id: "42") { id } }`],
    ['a fonds id given as a record id', `{ record(id: "360100:Fonds:1") { id } }`],
    ['an archive id that is not a code', `{ archive(id: "nanchang") { id } }`],
    ['a fonds filter id', `{ archive(id: "360100") { records(filter: { fonds: ["J001"] }) { totalCount } } }`],
    ['a search key id', `{ searchRecords(archive: "360100", after: { score: 0, id: "bogus" }) { totalCount } }`],
    ['an archive argument', `{ holdings(archive: "36") { complete } }`],
  ])('%s', async (_, query) => {
    expectClientError(await world.graphql(PUBLIC, query), 'BAD_USER_INPUT', /Malformed|expected/);
  });
});

describe('page sizes, ranges, texts and cursors', () => {
  it('first above the maximum names the limit', async () => {
    expectClientError(await world.graphql(PUBLIC, `{ archive(id: "360100") { records(first: 101) { totalCount } } }`), 'BAD_USER_INPUT', /at most 100/);
    expectClientError(await world.graphql(PUBLIC, `{ archive(id: "360100") { fonds(first: 1000) { totalCount } } }`), 'BAD_USER_INPUT', /at most 100/);
    expectClientError(await world.graphql(PUBLIC, `{ searchRecords(archive: "360100", first: 501) { totalCount } }`), 'BAD_USER_INPUT', /500/);
  });

  it('negative page sizes', async () => {
    expectClientError(await world.graphql(PUBLIC, `{ archive(id: "360100") { records(first: -1) { totalCount } } }`), 'BAD_USER_INPUT', /non-negative/);
    expectClientError(await world.graphql(PUBLIC, `{ searchRecords(archive: "360100", first: -5) { totalCount } }`), 'BAD_USER_INPUT');
  });

  it('an invalid enum value fails validation', async () => {
    const result = await world.graphql(PUBLIC, `{ archive(id: "360100") { records(filter: { categories: [POETRY] }) { totalCount } } }`);
    expect(result.status).toBe(400);
    expectClientError(result, 'GRAPHQL_VALIDATION_FAILED', /POETRY/);
  });

  it('search text over 100 characters', async () => {
    const query = '档'.repeat(101);
    expectClientError(await world.graphql(PUBLIC, `query($q: String) { searchRecords(archive: "360100", query: $q) { totalCount } }`, { q: query }), 'BAD_USER_INPUT', /100 characters/);
  });

  it('a year range turned around', async () => {
    expectClientError(await world.graphql(PUBLIC, `{ archive(id: "360100") { records(filter: { yearFrom: 2000, yearTo: 1990 }) { totalCount } } }`), 'BAD_USER_INPUT', /turned around/);
    expectClientError(await world.graphql(PUBLIC, `{ searchRecords(archive: "360100", query: "婚姻", filter: { yearFrom: 2000, yearTo: 1990 }) { totalCount } }`), 'BAD_USER_INPUT', /turned around/);
  });

  it('a damaged cursor', async () => {
    expectClientError(await world.graphql(PUBLIC, `{ archive(id: "360100") { records(after: "not-a-cursor") { totalCount } } }`), 'BAD_USER_INPUT', /cursor/);
  });

  it('search text with nothing to search for', async () => {
    expectClientError(await world.graphql(PUBLIC, `{ searchRecords(archive: "360100", query: "··") { totalCount } }`), 'BAD_USER_INPUT');
  });

  it('a request addressed to another archive than the endpoint serves', async () => {
    expectClientError(await world.graphql(PUBLIC, `{ holdings(archive: "360121") { complete } }`), 'NOT_FOUND', /360121/);
  });
});

describe('mutation input', () => {
  const fondsId = () => entityId(CITY, 'Fonds', seeded.fonds.J001);
  const recordId = () => entityId(CITY, 'Record', seeded.records.f1!);
  const RECORD = `mutation($fonds: ID!, $input: RecordInput!) { createRecord(fonds: $fonds, input: $input) { id } }`;
  const base = { level: 'FILE', referenceCode: 'J001-BAD-0001', title: '题名', year: 2000, retention: 'D30', category: 'ADMINISTRATIVE' };

  it.each([
    ['an impossible date', { date: '2023-02-30' }, /YYYY-MM-DD/],
    ['a date in another format', { date: '2023/02/01' }, /YYYY-MM-DD/],
    ['negative pages', { pages: -1 }, /pages/],
    ['an empty title', { title: '   ' }, /title/],
    ['an implausible year', { year: 99999 }, /year/],
  ])('createRecord refuses %s', async (_, change, message) => {
    expectClientError(await world.graphql(archivist, RECORD, { fonds: fondsId(), input: { ...base, ...change } }), 'BAD_USER_INPUT', message);
  });

  it('updateRecord refuses clearing a required field and a bad date', async () => {
    const UPDATE = `mutation($id: ID!, $input: RecordUpdateInput!) { updateRecord(id: $id, input: $input) { id } }`;
    expectClientError(await world.graphql(archivist, UPDATE, { id: recordId(), input: { title: null } }), 'BAD_USER_INPUT', /cleared/);
    expectClientError(await world.graphql(archivist, UPDATE, { id: recordId(), input: { date: '1948-13-01' } }), 'BAD_USER_INPUT', /YYYY-MM-DD/);
  });

  it('reviewAccess refuses an invalid decision date and an empty reason', async () => {
    const REVIEW = `mutation($id: ID!, $input: OpenReviewInput!) { reviewAccess(record: $id, input: $input) { id } }`;
    expectClientError(await world.graphql(archivist, REVIEW, { id: recordId(), input: { access: 'OPEN', reason: '满25年', reviewer: '张三', decidedOn: '2024-02-31' } }), 'BAD_USER_INPUT');
    expectClientError(await world.graphql(archivist, REVIEW, { id: recordId(), input: { access: 'OPEN', reason: '', reviewer: '张三' } }), 'BAD_USER_INPUT', /reason/);
    const [row] = await world.sql(CITY, `select count(*)::int as n from $schema.open_review`);
    expect(row.n).toBe(0);
  });

  it('attachDigitalObject refuses negative sizes and a bad checksum', async () => {
    const ATTACH = `mutation($id: ID!, $input: DigitalObjectInput!) { attachDigitalObject(record: $id, input: $input) { id } }`;
    const good = { format: 'PDF', pages: 1, bytes: 10, sha256: 'a'.repeat(64) };
    expectClientError(await world.graphql(archivist, ATTACH, { id: recordId(), input: { ...good, bytes: -5 } }), 'BAD_USER_INPUT', /bytes/);
    expectClientError(await world.graphql(archivist, ATTACH, { id: recordId(), input: { ...good, pages: -1 } }), 'BAD_USER_INPUT', /pages/);
    expectClientError(await world.graphql(archivist, ATTACH, { id: recordId(), input: { ...good, sha256: 'XYZ' } }), 'BAD_USER_INPUT', /sha256/);
  });

  it('logUtilization refuses negative counts, bad and future dates', async () => {
    const LOG = `mutation($input: UtilizationInput!) { logUtilization(archive: "360100", input: $input) { id } }`;
    const good = { date: '2024-01-02', visitors: 1, itemsProvided: 1, purpose: 'OTHER', channel: 'ONLINE' };
    expectClientError(await world.graphql(archivist, LOG, { input: { ...good, visitors: -1 } }), 'BAD_USER_INPUT', /visitors/);
    expectClientError(await world.graphql(archivist, LOG, { input: { ...good, date: 'yesterday' } }), 'BAD_USER_INPUT', /YYYY-MM-DD/);
    expectClientError(await world.graphql(archivist, LOG, { input: { ...good, date: '2999-01-01' } }), 'BAD_USER_INPUT', /future/);
  });

  it('createFonds refuses a year range turned around', async () => {
    const result = await world.graphql(archivist, `mutation { createFonds(archive: "360100", input: { fondsCode: "J900", name: "n", creator: "c", startYear: 2000, endYear: 1990 }) { id } }`);
    expectClientError(result, 'BAD_USER_INPUT', /startYear/);
  });
});

describe('requests that are not GraphQL', () => {
  it('a body that is not JSON is a 400, not a 500', async () => {
    const response = await fetch(world.url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(response.status).toBe(400);
  });
});
