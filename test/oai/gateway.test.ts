/**
 * OAI-PMH through the provincial gateway, for harvesters outside the network, over a seeded
 * network: /oai/<code> reaches the archive's own provider, names the gateway's address as
 * the base URL, and serves exactly the archive's open records.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogueNetwork, type CatalogueNetwork } from '../province-search/catalogue-network.js';
import { askOai, errorCodes, expectValidOai, harvestAll } from './oai-client.js';

const CODE = '360121';
let network: CatalogueNetwork;
let origin: string;

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'oaigateway', hosts: [['360100', CODE]], withGateway: true });
  origin = new URL(network.gatewayUrl!).origin;
});

afterAll(async () => {
  await network?.teardown();
});

async function openRecordIds(code: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: network.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(`select id from archive_${code}.record where access = 'OPEN' order by id`);
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

describe('OAI-PMH through the gateway', () => {
  it("answers at /oai/<code> with the gateway's address as base URL", async () => {
    const answer = await askOai(`${origin}/oai/${CODE}`, { verb: 'Identify' });
    await expectValidOai(answer);
    expect(answer.xml).toContain(`<baseURL>${origin}/oai/${CODE}</baseURL>`);
    const formats = await askOai(`${origin}/oai/${CODE}`, { verb: 'ListMetadataFormats' }, 'POST');
    await expectValidOai(formats);
    expect(formats.xml).toContain(`<schema>${origin}/oai/${CODE}/lantai-record-1.0.xsd</schema>`);
    expect((await fetch(`${origin}/oai/${CODE}/lantai-record-1.0.xsd`)).status).toBe(200);
  });

  it('harvests exactly the open records of a seeded archive, every page valid', async () => {
    const { headers } = await harvestAll(`${origin}/oai/${CODE}`, 'ListRecords', { metadataPrefix: 'oai_dc' });
    const harvested = headers.map((header) => Number(header.identifier.split(':').pop())).sort((a, b) => a - b);
    const open = await openRecordIds(CODE);
    expect(open.length).toBeGreaterThan(0);
    expect(harvested).toEqual(open);
  });

  it('gives 404 for an archive not in the directory and 401 for a bad token', async () => {
    expect((await fetch(`${origin}/oai/369999?verb=Identify`)).status).toBe(404);
    const refused = await fetch(`${origin}/oai/${CODE}?verb=Identify`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(refused.status).toBe(401);
    const answer = await askOai(`${origin}/oai/${CODE}`, { verb: 'Nonsense' });
    expect(errorCodes(answer.xml)).toEqual(['badVerb']);
  });
});
