import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../../protocol/identity.js';
import { CATALOGUE, CITY, COUNTY, PUBLIC, SECRET, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from '../archive/fixture.js';
import { askOai, errorCodes, expectValidOai, harvestAll, headersOf, tokenOf } from './oai-client.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
let base: string;

const OPEN = CATALOGUE.filter((record) => record.access === 'OPEN');
const CLOSED = CATALOGUE.filter((record) => record.access !== 'OPEN');
const identifierOf = (key: string) => `oai:lantai:${CITY}:Record:${seeded.records[key]}`;

beforeAll(async () => {
  world = await startArchiveWorld('oaiprovider', [CITY, COUNTY]);
  seeded = await seedCatalogue(world, CITY);
  base = `http://127.0.0.1:${world.port}/archives/${CITY}/oai`;
});

afterAll(async () => {
  await world?.close();
});

/** Not one title or 档号 of a record that is not open appears in the text. */
function expectNothingClosed(xml: string): void {
  for (const record of CLOSED) {
    expect(xml).not.toContain(record.title);
    expect(xml).not.toContain(record.referenceCode);
  }
}

describe('OAI-PMH provider of one archive', () => {
  it('identifies itself with a persistent deleted-record policy and second granularity', async () => {
    const answer = await askOai(base, { verb: 'Identify' });
    await expectValidOai(answer);
    expect(answer.xml).toContain('<repositoryName>南昌市档案馆（兰台 OAI-PMH）</repositoryName>');
    expect(answer.xml).toContain(`<baseURL>${base}</baseURL>`);
    expect(answer.xml).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(answer.xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(answer.xml).toContain(`<adminEmail>archive-${CITY}@lantai.invalid</adminEmail>`);
  });

  it('takes a base URL from the gateway only when the call is signed', async () => {
    const forged = await fetch(`${base}?verb=Identify`, { headers: { 'x-lantai-oai-base-url': 'http://harvest.example/oai/360100' } });
    expect(await forged.text()).toContain(`<baseURL>${base}</baseURL>`);
    const signed = await fetch(`${base}?verb=Identify`, { headers: { 'x-lantai-oai-base-url': 'http://gateway.example/oai/360100', ...signIdentity(PUBLIC, SECRET) } });
    expect(await signed.text()).toContain('<baseURL>http://gateway.example/oai/360100</baseURL>');
  });

  it('lists oai_dc and the project format, and serves the project schema beside the base URL', async () => {
    const answer = await askOai(base, { verb: 'ListMetadataFormats' });
    await expectValidOai(answer);
    expect(answer.xml).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    expect(answer.xml).toContain('<metadataPrefix>lantai</metadataPrefix>');
    expect(answer.xml).toContain(`<schema>${base}/lantai-record-1.0.xsd</schema>`);
    expect(answer.xml).toContain('<metadataNamespace>urn:lantai:xmlns:record:1.0</metadataNamespace>');
    const schema = await fetch(`${base}/lantai-record-1.0.xsd`);
    expect(schema.status).toBe(200);
    expect(await schema.text()).toBe(readFileSync(new URL('../../schema/xml/lantai-record-1.0.xsd', import.meta.url), 'utf8'));
  });

  it('lists the fonds and the categories as sets', async () => {
    const answer = await askOai(base, { verb: 'ListSets' });
    await expectValidOai(answer);
    for (const spec of ['fonds', 'fonds:J001', 'fonds:J002', 'category', 'category:MARRIAGE', 'category:RECRUITMENT']) {
      expect(answer.xml).toContain(`<setSpec>${spec}</setSpec>`);
    }
    expect(answer.xml).toContain('<setName>全宗 J002 南昌县民政局</setName>');
  });

  it('harvests every open record, and nothing else, in both formats', async () => {
    for (const metadataPrefix of ['oai_dc', 'lantai']) {
      const { pages, headers } = await harvestAll(base, 'ListRecords', { metadataPrefix });
      expect(headers.map((header) => header.identifier).sort()).toEqual(OPEN.map((record) => identifierOf(record.key)).sort());
      expect(headers.every((header) => !header.deleted && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(header.datestamp))).toBe(true);
      for (const record of OPEN) expect(pages.join('')).toContain(record.title);
      expectNothingClosed(pages.join(''));
    }
  });

  it('maps the DA/T 18 elements onto Dublin Core', async () => {
    const answer = await askOai(base, { verb: 'GetRecord', identifier: identifierOf('s3'), metadataPrefix: 'oai_dc' });
    await expectValidOai(answer);
    expect(answer.xml).toContain('<dc:title xml:lang="zh">民政局招工名册</dc:title>');
    expect(answer.xml).toContain('<dc:identifier>J002-WS·1965-Y-MZJ-0002</dc:identifier>');
    expect(answer.xml).toContain('<dc:date>1965-06-01</dc:date>');
    expect(answer.xml).toContain('<dc:type xml:lang="zh">招工</dc:type>');
    expect(answer.xml).toContain('<dc:publisher xml:lang="zh">南昌市档案馆</dc:publisher>');
    expect(answer.xml).toContain('<dc:language>zh</dc:language>');
    expect(answer.xml).toContain('<setSpec>fonds:J002</setSpec>');
    expect(answer.xml).toContain('<setSpec>category:RECRUITMENT</setSpec>');
  });

  it('answers GET and POST alike', async () => {
    const get = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'fonds:J001' });
    const post = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'fonds:J001' }, 'POST');
    await expectValidOai(post);
    expect(headersOf(post.xml)).toEqual(headersOf(get.xml));
    expect(headersOf(get.xml).map((header) => header.identifier).sort()).toEqual(['f1', 'i1', 'f2'].map(identifierOf).sort());
  });

  it('selects by category set', async () => {
    const answer = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'lantai', set: 'category:MARRIAGE' });
    await expectValidOai(answer);
    // i2 is a delayed marriage record in the same file: only the open one is listed.
    expect(headersOf(answer.xml).map((header) => header.identifier)).toEqual([identifierOf('i1')]);
  });

  it('pages with signed resumption tokens that carry cursor, size and expiry', async () => {
    const paged = await startArchiveWorld('oaipaging', [CITY], { oai: { pageSize: 2 } });
    try {
      await seedCatalogue(paged, CITY);
      const pagedBase = `http://127.0.0.1:${paged.port}/archives/${CITY}/oai`;
      const { pages, headers } = await harvestAll(pagedBase, 'ListIdentifiers', { metadataPrefix: 'oai_dc' });
      expect(pages).toHaveLength(3);
      expect(new Set(headers.map((header) => header.identifier)).size).toBe(OPEN.length);
      expect(headers).toHaveLength(OPEN.length);
      const tokens = pages.map(tokenOf);
      expect(tokens.map((token) => [token!.cursor, token!.completeListSize])).toEqual([[0, 5], [2, 5], [4, 5]]);
      expect(tokens[0]!.expirationDate).toMatch(/Z$/);
      expect(tokens[2]!.value).toBe('');

      // A replayed token gives the same page again.
      const again = await askOai(pagedBase, { verb: 'ListIdentifiers', resumptionToken: tokens[0]!.value });
      expect(headersOf(again.xml)).toEqual(headersOf(pages[1]!));

      // A token changed by one character, or used for another verb, is refused.
      const value = tokens[0]!.value;
      const tampered = value.slice(0, 10) + (value[10] === 'A' ? 'B' : 'A') + value.slice(11);
      for (const [verb, resumptionToken] of [['ListIdentifiers', tampered], ['ListRecords', value], ['ListIdentifiers', 'garbage']]) {
        const refused = await askOai(pagedBase, { verb: verb!, resumptionToken: resumptionToken! });
        await expectValidOai(refused);
        expect(errorCodes(refused.xml)).toEqual(['badResumptionToken']);
      }
    } finally {
      await paged.close();
    }
  });

  it('names a fonds whose 全宗号 a setSpec cannot hold by its key, in ListSets and in headers alike', async () => {
    const [fonds] = await world.sql(CITY, `insert into $schema.fonds (fonds_code, name, creator) values ('文书 01', '县委办公室', '县委办公室') returning id`);
    const [record] = await world.sql(
      CITY,
      `insert into $schema.record (fonds_id, level, reference_code, title, year, retention, access, category) values (?, 'ITEM', 'WS01-2000-0001', '县委工作要点', 2000, 'PERMANENT', 'OPEN', 'ADMINISTRATIVE') returning id`,
      [fonds.id],
    );
    const spec = `fonds:id-${fonds.id}`;
    const sets = await askOai(base, { verb: 'ListSets' });
    await expectValidOai(sets);
    expect(sets.xml).toContain(`<setSpec>${spec}</setSpec><setName>全宗 文书 01 县委办公室</setName>`);
    const listed = await askOai(base, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: spec });
    await expectValidOai(listed);
    expect(headersOf(listed.xml)).toEqual([expect.objectContaining({ identifier: `oai:lantai:${CITY}:Record:${record.id}`, sets: [spec, 'category:ADMINISTRATIVE'] })]);
  });
});
