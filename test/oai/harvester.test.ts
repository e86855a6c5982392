/**
 * A harvester nobody here wrote, Debian's libhttp-oai-perl (its `oai_pmh` command), harvests
 * an archive: every verb it speaks, following resumption tokens, in both formats.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, CITY, archivistOf, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from '../archive/fixture.js';
import { requireDebianCommand } from '../harness/debian-package.js';

const run = promisify(execFile);

let world: ArchiveWorld;
let seeded: SeededCatalogue;
let base: string;
let harvester: string;

beforeAll(async () => {
  harvester = await requireDebianCommand({ package: 'libhttp-oai-perl', command: 'oai_pmh' });
  // Two items a page, so the harvester follows resumption tokens.
  world = await startArchiveWorld('oaiharvester', [CITY], { oai: { pageSize: 2 } });
  seeded = await seedCatalogue(world, CITY);
  base = `http://127.0.0.1:${world.port}/archives/${CITY}/oai`;
});

afterAll(async () => {
  await world?.close();
});

/** What oai_pmh prints: one block per record (or format), separated by form feeds. */
async function harvest(...args: string[]): Promise<string[]> {
  const { stdout } = await run(harvester, [...args, base], { env: { ...process.env, no_proxy: '127.0.0.1', NO_PROXY: '127.0.0.1' }, maxBuffer: 64 << 20 });
  return stdout.split('\f').map((block) => block.trim()).filter((block) => block.length > 0);
}

const identifierLine = (key: string) => `identifier: oai:lantai:${CITY}:Record:${seeded.records[key]}`;
const OPEN = CATALOGUE.filter((record) => record.access === 'OPEN');
const CLOSED = CATALOGUE.filter((record) => record.access !== 'OPEN');

describe('harvested by Debian\'s oai_pmh (libhttp-oai-perl)', () => {
  it('harvests every open record in oai_dc across pages, and no other', async () => {
    const records = await harvest('-X', 'ListRecords', '--metadataPrefix', 'oai_dc');
    expect(records).toHaveLength(OPEN.length);
    const text = records.join('\n');
    for (const record of OPEN) {
      expect(text).toContain(identifierLine(record.key));
      expect(text).toContain(record.title);
    }
    for (const record of CLOSED) {
      expect(text).not.toContain(record.title);
      expect(text).not.toContain(record.referenceCode);
    }
  });

  it('harvests identifiers of a set and records in the project format', async () => {
    const headers = await harvest('-X', 'ListIdentifiers', '--metadataPrefix', 'lantai', '--set', 'fonds:J002');
    expect(headers.map((block) => block.split('\n')[0]).sort()).toEqual(['s3', 's4'].map(identifierLine).sort());
    const records = await harvest('-X', 'ListRecords', '--metadataPrefix', 'lantai', '--set', 'category:RECRUITMENT');
    expect(records).toHaveLength(1);
    expect(records[0]).toContain('<referenceCode>J002-WS·1965-Y-MZJ-0002</referenceCode>');
  });

  it('gets one record and the formats', async () => {
    const [record] = await harvest('-X', 'GetRecord', '--metadataPrefix', 'oai_dc', '--identifier', `oai:lantai:${CITY}:Record:${seeded.records.f2}`);
    expect(record).toContain('二〇〇一年财政预算报告');
    const formats = await harvest('-X', 'ListMetadataFormats');
    expect(formats.join('\n')).toContain('metadataPrefix: lantai');
  });

  it('sees a record withdrawn since its last harvest as deleted', async () => {
    const first = await harvest('-X', 'ListIdentifiers', '--metadataPrefix', 'oai_dc');
    const datestamps = first.map((block) => /datestamp: (\S+)/.exec(block)![1]!).sort();
    const since = datestamps[datestamps.length - 1]!;
    const review = await world.graphql(archivistOf(CITY), `mutation ($id: ID!) { reviewAccess(record: $id, input: { access: DELAYED, reason: "延期", reviewer: "审核员" }) { access } }`, {
      id: `${CITY}:Record:${seeded.records.s4}`,
    });
    expect(review.errors).toBeUndefined();
    const second = await harvest('-X', 'ListIdentifiers', '--metadataPrefix', 'oai_dc', '--from', since);
    const withdrawn = second.find((block) => block.startsWith(identifierLine('s4')));
    expect(withdrawn).toContain('status: deleted');
  });
});
