/**
 * Exports through the provincial gateway, for the archive's own archivists and for the
 * public: /export/<code> streams what the caller's token allows, and nothing more.
 */
import pg from 'pg';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signClientToken } from '../../gateway/caller.js';
import { JWT_SECRET, startCatalogueNetwork, type CatalogueNetwork } from '../province-search/catalogue-network.js';
import { expectEad3FindingAid } from '../harness/ead3-structure.js';

const CODE = '360121';
const OTHER = '360100';
let network: CatalogueNetwork;
let origin: string;
let counts: { all: number; open: number; fonds: string; closedTitles: string[] };

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'exportgateway', hosts: [[OTHER, CODE]], withGateway: true });
  origin = new URL(network.gatewayUrl!).origin;
  const client = new pg.Client({ connectionString: network.database.url });
  await client.connect();
  try {
    const { rows } = await client.query(`select count(*)::int as all, count(*) filter (where access = 'OPEN')::int as open from archive_${CODE}.record`);
    const closed = await client.query(`select title from archive_${CODE}.record r where access <> 'OPEN' and not exists (select 1 from archive_${CODE}.record o where o.access = 'OPEN' and o.title = r.title) limit 50`);
    const fonds = await client.query(`select fonds_code from archive_${CODE}.fonds order by fonds_code limit 1`);
    counts = { all: rows[0].all, open: rows[0].open, fonds: fonds.rows[0].fonds_code, closedTitles: closed.rows.map((row) => row.title) };
  } finally {
    await client.end();
  }
  expect(counts.open).toBeLessThan(counts.all);
  expect(counts.closedTitles.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await network?.teardown();
});

async function download(path: string, claims?: Parameters<typeof signClientToken>[0]): Promise<{ status: number; text: string; disposition: string | null }> {
  const headers: Record<string, string> = claims ? { authorization: `Bearer ${await signClientToken(claims, JWT_SECRET)}` } : {};
  const response = await fetch(`${origin}${path}`, { headers });
  return { status: response.status, text: await response.text(), disposition: response.headers.get('content-disposition') };
}

const ownArchivist = { role: 'archivist' as const, archive: CODE, sub: 'archivist-own', expires: '1h' };
const otherArchivist = { role: 'archivist' as const, archive: OTHER, sub: 'archivist-other', expires: '1h' };
const rows = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];

describe('exports through the gateway', () => {
  it("gives the archive's archivist every record, and the public and other archives' archivists the open ones only", async () => {
    const own = await download(`/export/${CODE}?format=csv`, ownArchivist);
    expect(own.status).toBe(200);
    expect(own.disposition).toContain(`${CODE}.csv`);
    expect(rows(own.text)).toHaveLength(counts.all);
    for (const caller of [undefined, otherArchivist]) {
      const outside = await download(`/export/${CODE}?format=csv`, caller);
      expect(outside.status).toBe(200);
      const exported = rows(outside.text);
      expect(exported).toHaveLength(counts.open);
      expect(exported.every((row) => row['开放状态'] === '开放')).toBe(true);
      for (const title of counts.closedTitles) expect(outside.text).not.toContain(title);
    }
  });

  it('streams a well-formed EAD3 finding aid of a seeded fonds for the public, without a closed title', async () => {
    const answer = await download(`/export/${CODE}?format=ead3&fonds=${encodeURIComponent(counts.fonds)}`);
    expect(answer.status).toBe(200);
    expect((await expectEad3FindingAid(answer.text)).fonds).toBe(counts.fonds);
    for (const title of counts.closedTitles) expect(answer.text).not.toContain(title);
  });

  it('refuses a bad token and an archive not in the directory', async () => {
    const refused = await fetch(`${origin}/export/${CODE}?format=csv`, { headers: { authorization: 'Bearer forged' } });
    expect(refused.status).toBe(401);
    expect((await download('/export/369999?format=csv')).status).toBe(404);
  });
});
