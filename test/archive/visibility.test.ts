import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '../../protocol/ids.js';
import type { Identity } from '../../protocol/identity.js';
import { ADMIN, CATALOGUE, CITY, PUBLIC, archivistOf, seedCatalogue, startArchiveWorld, supervisorOf, type ArchiveWorld, type SeededCatalogue } from './fixture.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
const archivist = archivistOf(CITY);
const OTHERS: [string, Identity][] = [
  ['the public', PUBLIC],
  ['an archivist of another archive', archivistOf('360121')],
  ['a supervisor of the province', supervisorOf('360000')],
];

const recordId = (key: string) => entityId(CITY, 'Record', seeded.records[key]!);
const fondsId = (code: 'J001' | 'J002') => entityId(CITY, 'Fonds', seeded.fonds[code]);
const openKeys = CATALOGUE.filter((r) => r.access === 'OPEN').map((r) => r.key);
const hiddenKeys = CATALOGUE.filter((r) => r.access !== 'OPEN').map((r) => r.key);
const sortedIds = (keys: string[]) => keys.map(recordId).sort();

beforeAll(async () => {
  world = await startArchiveWorld('visibility');
  seeded = await seedCatalogue(world, CITY);
});

afterAll(async () => {
  await world?.close();
});

describe.each(OTHERS)('for %s, records that are not open are absent', (_, caller) => {
  it('record(id) is null for a delayed or unreviewed record, exactly as for a missing one', async () => {
    for (const key of hiddenKeys) {
      const result = await world.graphql(caller, `query($id: ID!) { record(id: $id) { id } }`, { id: recordId(key) });
      expect(result).toEqual({ status: 200, data: { record: null } });
    }
    const missing = await world.graphql(caller, `{ record(id: "360100:Record:99999") { id } }`);
    expect(missing).toEqual({ status: 200, data: { record: null } });
  });

  it('_entities resolves hidden records to null, open ones to themselves', async () => {
    const ids = [recordId('s1'), recordId('s3'), recordId('s2')];
    const result = await world.graphql(
      caller,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Record { id access } } }`,
      { r: ids.map((id) => ({ __typename: 'Record', id })) },
    );
    expect(result.data._entities).toEqual([null, { id: recordId('s3'), access: 'OPEN' }, null]);
  });

  it('the archive and fonds connections list and count open records only', async () => {
    const result = await world.graphql(
      caller,
      `query($f: ID!) { archive(id: "360100") { records(first: 100) { totalCount nodes { id access } } }
         fonds(id: $f) { records(first: 100) { totalCount nodes { id } } } }`,
      { f: fondsId('J002') },
    );
    expect(result.data.archive.records.nodes.map((n: { id: string }) => n.id).sort()).toEqual(sortedIds(openKeys));
    expect(result.data.archive.records.totalCount).toBe(openKeys.length);
    const openInJ002 = CATALOGUE.filter((r) => r.fonds === 'J002' && r.access === 'OPEN').map((r) => r.key);
    expect(result.data.fonds.records.totalCount).toBe(openInJ002.length);
    expect(result.data.fonds.records.nodes.map((n: { id: string }) => n.id).sort()).toEqual(sortedIds(openInJ002));
  });

  it('asking for delayed records by filter finds nothing', async () => {
    const result = await world.graphql(caller, `{ archive(id: "360100") { records(filter: { access: [DELAYED, UNREVIEWED] }) { totalCount nodes { id } } } }`);
    expect(result.data.archive.records).toEqual({ totalCount: 0, nodes: [] });
  });

  it("a file's items list only open items", async () => {
    const result = await world.graphql(caller, `query($id: ID!) { record(id: $id) { items { totalCount nodes { id } } } }`, { id: recordId('f1') });
    expect(result.data.record.items).toEqual({ totalCount: 1, nodes: [{ id: recordId('i1') }] });
  });

  it("digital copies of hidden records are null by id and through _entities", async () => {
    const [hiddenCopy] = await world.sql(CITY, `select id from $schema.digital_object where record_id = ?`, [seeded.records.s1]);
    const [openCopy] = await world.sql(CITY, `select id from $schema.digital_object where record_id = ?`, [seeded.records.f1]);
    const hiddenId = entityId(CITY, 'DigitalObject', hiddenCopy.id);
    const openId = entityId(CITY, 'DigitalObject', openCopy.id);
    const byId = await world.graphql(caller, `query($id: ID!) { digitalObject(id: $id) { id } }`, { id: hiddenId });
    expect(byId.data.digitalObject).toBeNull();
    const entities = await world.graphql(
      caller,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on DigitalObject { id record { id } } } }`,
      { r: [hiddenId, openId].map((id) => ({ __typename: 'DigitalObject', id })) },
    );
    expect(entities.data._entities).toEqual([null, { id: openId, record: { id: recordId('f1') } }]);
  });

  it('search hits, totals and facets count open records only', async () => {
    const result = await world.graphql(
      caller,
      `{ searchRecords(archive: "360100", query: "婚姻", first: 100) { totalCount hits { id } facets { byAccess { value count } byCategory { value count } byYear { value count } byFonds { value count } } } }`,
    );
    const expected = CATALOGUE.filter((r) => r.title.includes('婚姻') && r.access === 'OPEN');
    const search = result.data.searchRecords;
    expect(search.totalCount).toBe(expected.length);
    expect(search.hits.map((h: { id: string }) => h.id).sort()).toEqual(sortedIds(expected.map((r) => r.key)));
    expect(search.facets.byAccess).toEqual([{ value: 'OPEN', count: expected.length }]);
    const facetTotal = (facet: { count: number }[]) => facet.reduce((sum, f) => sum + f.count, 0);
    for (const facet of ['byCategory', 'byYear', 'byFonds']) expect(facetTotal(search.facets[facet])).toBe(expected.length);
  });
});

describe("the archive's own archivist and admins see every record", () => {
  it.each([
    ['archivist', archivist],
    ['admin', ADMIN],
  ])('%s: record(id), connections, counts and search include delayed and unreviewed records', async (_, caller) => {
    for (const key of hiddenKeys) {
      const result = await world.graphql(caller, `query($id: ID!) { record(id: $id) { id } }`, { id: recordId(key) });
      expect(result.data.record).toEqual({ id: recordId(key) });
    }
    const list = await world.graphql(caller, `{ archive(id: "360100") { records(first: 100) { totalCount nodes { id } } } }`);
    expect(list.data.archive.records.totalCount).toBe(CATALOGUE.length);
    expect(list.data.archive.records.nodes.map((n: { id: string }) => n.id).sort()).toEqual(sortedIds(CATALOGUE.map((r) => r.key)));
    const search = await world.graphql(caller, `{ searchRecords(archive: "360100", query: "婚姻") { totalCount facets { byAccess { value count } } } }`);
    const expected = CATALOGUE.filter((r) => r.title.includes('婚姻'));
    expect(search.data.searchRecords.totalCount).toBe(expected.length);
    expect(search.data.searchRecords.facets.byAccess).toContainEqual({ value: 'DELAYED', count: expected.filter((r) => r.access === 'DELAYED').length });
  });
});

describe('holdings: true counters at the annual report\'s grains for every role; the breakdown by year for the archive, its supervisors and admins only', () => {
  const QUERY = `{ holdings(archive: "360100") { archive complete total { files items openFiles openItems fileLevelEntries itemLevelEntries itemLevelCatalogued digitised digitalPages digitalBytes electronic fonds visitors itemsProvided exhibitions exhibitionVisitors compilations compilationCharacters }
    byCategory { category counters { files items digitised } } byPeriod { period counters { files items } } byYear { year counters { files items openItems } } } }`;

  it.each([
    ['the archivist', archivist],
    ['an admin', ADMIN],
    ['a supervisor of the province', supervisorOf('360000')],
    ['a supervisor of the city', supervisorOf('360100')],
  ])('%s gets complete counters and the breakdown by year', async (_, caller) => {
    const result = await world.graphql(caller, QUERY);
    const holdings = result.data.holdings;
    const isHolding = (r: (typeof CATALOGUE)[number]) => r.level === 'FILE' || !r.parent;
    expect(holdings.archive).toBe(CITY);
    expect(holdings.complete).toBe(true);
    expect(holdings.total).toEqual({
      files: 2,
      items: 4,
      openFiles: 2,
      openItems: 2,
      fileLevelEntries: 2,
      itemLevelEntries: 6,
      // standalone items, plus f1 (the one file with items)
      itemLevelCatalogued: 5,
      digitised: CATALOGUE.filter((r) => isHolding(r) && (r.copies ?? 0) > 0).length,
      digitalPages: 10 * CATALOGUE.reduce((sum, r) => sum + (r.copies ?? 0), 0),
      digitalBytes: 1000 * CATALOGUE.reduce((sum, r) => sum + (r.copies ?? 0), 0),
      electronic: CATALOGUE.filter((r) => isHolding(r) && r.electronic).length,
      fonds: 2,
      visitors: 5,
      itemsProvided: 11,
      exhibitions: 2,
      exhibitionVisitors: 6200,
      compilations: 1,
      compilationCharacters: 300000,
    });
    expect(holdings.byPeriod).toEqual([
      { period: 'BEFORE_1949', counters: { files: 1, items: 0 } },
      { period: 'SINCE_1949', counters: { files: 1, items: 4 } },
    ]);
    expect(holdings.byYear.map((y: { year: number }) => y.year)).toEqual([1948, 1965, 1978, 2001, 2010]);
    expect(holdings.byYear.find((y: { year: number }) => y.year === 2001).counters).toEqual({ files: 1, items: 1, openItems: 0 });
    // Breakdowns add up to the total.
    const sum = (rows: { counters: { files: number; items: number } }[]) =>
      rows.reduce((acc, row) => ({ files: acc.files + row.counters.files, items: acc.items + row.counters.items }), { files: 0, items: 0 });
    for (const breakdown of [holdings.byCategory, holdings.byPeriod, holdings.byYear]) expect(sum(breakdown)).toEqual({ files: 2, items: 4 });
    // Digital copies are overall only.
    expect(holdings.byCategory.every((c: { counters: { digitised: number } }) => c.counters.digitised === 0)).toBe(true);
  });

  it.each([
    ['the public', PUBLIC],
    ['an archivist of another archive', archivistOf('360121')],
    ['a supervisor of another region', supervisorOf('360200')],
  ])('%s gets the same true counters by total, category and period as the archivist, and no breakdown by year', async (_, caller) => {
    const own = (await world.graphql(archivist, QUERY)).data.holdings;
    const holdings = (await world.graphql(caller, QUERY)).data.holdings;
    expect(holdings.complete).toBe(true);
    expect(holdings.total).toEqual(own.total);
    expect(holdings.total.files + holdings.total.items).toBeGreaterThan(holdings.total.openFiles + holdings.total.openItems);
    expect(holdings.byCategory).toEqual(own.byCategory);
    expect(holdings.byPeriod).toEqual(own.byPeriod);
    expect(own.byYear.length).toBeGreaterThan(0);
    expect(holdings.byYear).toEqual([]);
  });
});
