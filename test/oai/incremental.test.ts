/**
 * Incremental harvesting against changes of access: what a harvester learns between two
 * harvests, and that nothing it receives ever names a record that is not open.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE, CITY, archivistOf, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from '../archive/fixture.js';
import { askOai, errorCodes, expectValidOai, harvestAll, headersOf, responseDateOf, tokenOf } from './oai-client.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
let base: string;

beforeEach(async () => {
  world = await startArchiveWorld('oaiincremental', [CITY], { oai: { pageSize: 2 } });
  seeded = await seedCatalogue(world, CITY);
  base = `http://127.0.0.1:${world.port}/archives/${CITY}/oai`;
});

afterEach(async () => {
  await world?.close();
});

const identifier = (key: string) => `oai:lantai:${CITY}:Record:${seeded.records[key]}`;
const byKey = (key: string) => CATALOGUE.find((record) => record.key === key)!;

async function review(key: string, access: 'OPEN' | 'DELAYED' | 'UNREVIEWED'): Promise<void> {
  const result = await world.graphql(
    archivistOf(CITY),
    `mutation ($id: ID!, $access: AccessStatus!) { reviewAccess(record: $id, input: { access: $access, reason: '测试', reviewer: '审核员' }) { access } }`.replace(/'/g, '"'),
    { id: `${CITY}:Record:${seeded.records[key]}`, access },
  );
  expect(result.errors).toBeUndefined();
}

/** Deletes a record with what hangs on it (Lantai has no deletion of its own yet; an import or a DBA may delete). */
async function remove(key: string): Promise<void> {
  for (const table of ['digital_object', 'open_review']) await world.sql(CITY, `delete from $schema.${table} where record_id = ?`, [seeded.records[key]]);
  await world.sql(CITY, `delete from $schema.record where id = ?`, [seeded.records[key]]);
}

async function retitle(key: string, title: string): Promise<void> {
  const result = await world.graphql(archivistOf(CITY), `mutation ($id: ID!, $title: String!) { updateRecord(id: $id, input: { title: $title }) { title } }`, {
    id: `${CITY}:Record:${seeded.records[key]}`,
    title,
  });
  expect(result.errors).toBeUndefined();
}

describe('incremental harvesting', () => {
  it('reports a record moved from open to delayed as deleted, with its identifier and datestamp only, to a harvest from before the change', async () => {
    const first = await harvestAll(base, 'ListRecords', { metadataPrefix: 'lantai' });
    expect(first.headers.map((header) => header.identifier)).toContain(identifier('f2'));
    const since = responseDateOf(first.pages[0]!);

    await review('f2', 'DELAYED');

    const second = await harvestAll(base, 'ListRecords', { metadataPrefix: 'lantai', from: since });
    const tombstone = second.headers.find((header) => header.identifier === identifier('f2'));
    expect(tombstone).toMatchObject({ deleted: true, sets: [] });
    const record = /<record><header status="deleted">[\s\S]*?<\/record>/.exec(second.pages.join(''))![0];
    expect(record).toBe(`<record><header status="deleted"><identifier>${identifier('f2')}</identifier><datestamp>${tombstone!.datestamp}</datestamp></header></record>`);
    for (const text of [byKey('f2').title, byKey('f2').referenceCode]) expect(second.pages.join('')).not.toContain(text);

    // GetRecord says the same; a full harvest keeps reporting it (deletedRecord persistent).
    const get = await askOai(base, { verb: 'GetRecord', identifier: identifier('f2'), metadataPrefix: 'oai_dc' });
    await expectValidOai(get);
    expect(headersOf(get.xml)).toEqual([tombstone]);
    const full = await harvestAll(base, 'ListIdentifiers', { metadataPrefix: 'oai_dc' });
    expect(full.headers.filter((header) => header.deleted).map((header) => header.identifier)).toEqual([identifier('f2')]);
  });

  it('brings a newly opened record and an edited one into the next incremental harvest, and a deletion as a tombstone', async () => {
    const first = await harvestAll(base, 'ListIdentifiers', { metadataPrefix: 'oai_dc' });
    const since = responseDateOf(first.pages[0]!);
    expect(first.headers.map((header) => header.identifier)).not.toContain(identifier('s1'));

    await review('s1', 'OPEN');
    await retitle('s3', '民政局招工名册（修订）');
    await remove('s4');

    const second = await harvestAll(base, 'ListRecords', { metadataPrefix: 'oai_dc', from: since });
    const text = second.pages.join('');
    const seen = new Map(second.headers.map((header) => [header.identifier, header.deleted]));
    expect(seen.get(identifier('s1'))).toBe(false);
    expect(text).toContain(byKey('s1').title);
    expect(seen.get(identifier('s3'))).toBe(false);
    expect(text).toContain('民政局招工名册（修订）');
    expect(seen.get(identifier('s4'))).toBe(true);
    expect(text).not.toContain(byKey('s4').title);
  });

  it('never reports a record that was never open, whatever happens to it', async () => {
    await review('s2', 'DELAYED');
    await review('i2', 'UNREVIEWED');
    await remove('s2');
    const full = await harvestAll(base, 'ListRecords', { metadataPrefix: 'lantai' });
    const identifiers = full.headers.map((header) => header.identifier);
    for (const key of ['s1', 's2', 'i2']) expect(identifiers).not.toContain(identifier(key));
    expect(full.headers.some((header) => header.deleted)).toBe(false);
    for (const key of ['s1', 's2', 'i2']) {
      const answer = await askOai(base, { verb: 'GetRecord', identifier: identifier(key), metadataPrefix: 'oai_dc' });
      expect(errorCodes(answer.xml)).toEqual(['idDoesNotExist']);
    }
  });

  it('keeps an open item of a delayed file, and nothing of the file', async () => {
    await review('f1', 'DELAYED');
    const full = await harvestAll(base, 'ListRecords', { metadataPrefix: 'lantai' });
    const text = full.pages.join('');
    expect(full.headers.find((header) => header.identifier === identifier('i1'))).toMatchObject({ deleted: false });
    expect(text).toContain(byKey('i1').title);
    expect(text).not.toContain(byKey('f1').title);
    // The file is a tombstone: it was open before.
    expect(full.headers.find((header) => header.identifier === identifier('f1'))).toMatchObject({ deleted: true });
    // Digital copies are never harvested, of any record.
    expect(text).not.toMatch(/sha256|PDF/);
  });

  it('skips and repeats nothing in a list while records change between its pages', async () => {
    const firstPage = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
    await expectValidOai(firstPage);
    const since = responseDateOf(firstPage.xml);
    const delivered = headersOf(firstPage.xml).map((header) => header.identifier);
    expect(delivered).toHaveLength(2);
    const keyOf = (id: string) => Object.keys(seeded.records).find((key) => identifier(key) === id)!;
    const pending = ['f1', 'i1', 'f2', 's3', 's4'].filter((key) => !delivered.includes(identifier(key)));

    // Between pages: a delivered record is edited, one still to come is delayed, a delayed one is opened.
    await retitle(keyOf(delivered[0]!), '已送达后修改的题名');
    await review(pending[0]!, 'DELAYED');
    await review('s1', 'OPEN');

    const rest: string[] = [];
    let token = tokenOf(firstPage.xml);
    while (token && token.value !== '') {
      const page = await askOai(base, { verb: 'ListIdentifiers', resumptionToken: token.value });
      await expectValidOai(page);
      rest.push(...headersOf(page.xml).map((header) => header.identifier));
      token = tokenOf(page.xml);
    }
    const list = [...delivered, ...rest];
    expect(new Set(list).size).toBe(list.length);
    expect(list).not.toContain(identifier(pending[0]!));
    expect(list).not.toContain(identifier('s1'));
    // Every record open from start to end of the list was in it.
    for (const key of pending.slice(1)) expect(list).toContain(identifier(key));

    // The next harvest, from the list's first responseDate, brings each change.
    const next = await harvestAll(base, 'ListIdentifiers', { metadataPrefix: 'oai_dc', from: since });
    const changes = new Map(next.headers.map((header) => [header.identifier, header.deleted]));
    expect(changes.get(delivered[0]!)).toBe(false);
    expect(changes.get(identifier(pending[0]!))).toBe(true);
    expect(changes.get(identifier('s1'))).toBe(false);
  });

  it('selects by datestamp exactly, to the second, from and until both inclusive', async () => {
    const full = await harvestAll(base, 'ListIdentifiers', { metadataPrefix: 'oai_dc' });
    const header = full.headers[0]!;
    const at = header.datestamp;
    const second = (offset: number) => `${new Date(Date.parse(at) + offset * 1000).toISOString().slice(0, 19)}Z`;
    const within = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: at, until: at });
    await expectValidOai(within);
    expect(headersOf(within.xml).map((candidate) => candidate.identifier)).toContain(header.identifier);
    const before = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', until: second(-1) });
    expect(headersOf(before.xml).map((candidate) => candidate.identifier)).not.toContain(header.identifier);
    const after = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: second(1), until: second(1) });
    expect(headersOf(after.xml).map((candidate) => candidate.identifier)).not.toContain(header.identifier);
  });
});
