import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, CITY, COUNTY, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from '../archive/fixture.js';
import { askOai, errorCodes, expectValidOai } from './oai-client.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
let base: string;

beforeAll(async () => {
  world = await startArchiveWorld('oaierrors', [CITY, COUNTY]);
  seeded = await seedCatalogue(world, CITY);
  await seedCatalogue(world, COUNTY);
  base = `http://127.0.0.1:${world.port}/archives/${CITY}/oai`;
});

afterAll(async () => {
  await world?.close();
});

const id = (key: string, archive = CITY) => `oai:lantai:${archive}:Record:${seeded.records[key]}`;

/** Each request, and the one error code OAI-PMH 2.0 prescribes for it. */
const CASES: [string, [string, string][], string][] = [
  ['no verb', [], 'badVerb'],
  ['an unknown verb', [['verb', 'ListEverything']], 'badVerb'],
  ['a repeated verb', [['verb', 'Identify'], ['verb', 'Identify']], 'badVerb'],
  ['an argument the verb does not take', [['verb', 'Identify'], ['metadataPrefix', 'oai_dc']], 'badArgument'],
  ['a missing required argument', [['verb', 'ListRecords']], 'badArgument'],
  ['GetRecord without metadataPrefix', [['verb', 'GetRecord'], ['identifier', 'oai:lantai:360100:Record:1']], 'badArgument'],
  ['a repeated argument', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['metadataPrefix', 'lantai']], 'badArgument'],
  ['a malformed from', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2001-13-01']], 'badArgument'],
  ['a datestamp with a time zone offset', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2001-01-01T00:00:00+08:00']], 'badArgument'],
  ['from and until of different granularity', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2001-01-01'], ['until', '2002-01-01T00:00:00Z']], 'badArgument'],
  ['from after until', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2002-01-01'], ['until', '2001-01-01']], 'badArgument'],
  ['a resumption token with other arguments', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['resumptionToken', 'x']], 'badArgument'],
  ['a set that is not a setSpec', [['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['set', '全宗']], 'badArgument'],
  ['a resumption token never issued', [['verb', 'ListRecords'], ['resumptionToken', 'eyJ2IjoxfQ.AAAA']], 'badResumptionToken'],
  ['a resumption token for ListSets', [['verb', 'ListSets'], ['resumptionToken', 'anything']], 'badResumptionToken'],
  ['an unknown metadata format', [['verb', 'ListRecords'], ['metadataPrefix', 'marc21']], 'cannotDisseminateFormat'],
  ['GetRecord in an unknown format', [['verb', 'GetRecord'], ['identifier', 'oai:lantai:360100:Record:1'], ['metadataPrefix', 'ead']], 'cannotDisseminateFormat'],
  ['an identifier of another scheme', [['verb', 'GetRecord'], ['identifier', 'urn:isbn:123'], ['metadataPrefix', 'oai_dc']], 'idDoesNotExist'],
  ['a record that does not exist', [['verb', 'GetRecord'], ['identifier', 'oai:lantai:360100:Record:999999'], ['metadataPrefix', 'oai_dc']], 'idDoesNotExist'],
  ['formats of a record that does not exist', [['verb', 'ListMetadataFormats'], ['identifier', 'oai:lantai:360100:Record:999999']], 'idDoesNotExist'],
  ['a harvest from the future', [['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['from', '2999-01-01']], 'noRecordsMatch'],
  ['a harvest until long ago', [['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['until', '1990-01-01T00:00:00Z']], 'noRecordsMatch'],
  ['a set that does not exist', [['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['set', 'fonds:J999']], 'noRecordsMatch'],
  ['a category set with no open record', [['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc'], ['set', 'category:SOCIAL_SECURITY']], 'noRecordsMatch'],
];

describe('OAI-PMH error conditions', () => {
  it.each(CASES.map(([name, args, code]) => [name, code, args] as const))('%s is answered %s, with HTTP 200 and a valid response', async (_name, code, args) => {
    for (const method of ['GET', 'POST'] as const) {
      const answer = await askOai(base, args, method);
      await expectValidOai(answer);
      expect(errorCodes(answer.xml)).toEqual([code]);
      // After badVerb and badArgument the request element names the base URL only.
      if (code === 'badVerb' || code === 'badArgument') expect(answer.xml).toContain(`<request>${base}</request>`);
    }
  });

  it('a record that is not open does not exist, through GetRecord and ListMetadataFormats, in any format', async () => {
    for (const record of CATALOGUE.filter((candidate) => candidate.access !== 'OPEN')) {
      for (const args of [
        { verb: 'GetRecord', identifier: id(record.key), metadataPrefix: 'oai_dc' },
        { verb: 'GetRecord', identifier: id(record.key), metadataPrefix: 'lantai' },
        { verb: 'ListMetadataFormats', identifier: id(record.key) },
      ] as Record<string, string>[]) {
        const answer = await askOai(base, args);
        await expectValidOai(answer);
        expect(errorCodes(answer.xml)).toEqual(['idDoesNotExist']);
        expect(answer.xml).not.toContain(record.title);
        expect(answer.xml).not.toContain(record.referenceCode);
      }
    }
  });

  it("another archive's record is not an item of this repository", async () => {
    const answer = await askOai(base, { verb: 'GetRecord', identifier: id('s3', COUNTY), metadataPrefix: 'oai_dc' });
    expect(errorCodes(answer.xml)).toEqual(['idDoesNotExist']);
  });

  it('an archive this host does not serve has no endpoint, and other methods are refused', async () => {
    expect((await fetch(`http://127.0.0.1:${world.port}/archives/360999/oai?verb=Identify`)).status).toBe(404);
    expect((await fetch(base, { method: 'PUT' })).status).toBe(405);
  });
});
