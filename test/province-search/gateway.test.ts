/**
 * 跨馆检索 through the gateway: the province answers with record references only, and the
 * gateway fetches each hit's fields from the archive that holds it, for this page's hits,
 * under the client's own identity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivistOf, PUBLIC, startCatalogueNetwork, type CatalogueNetwork } from './catalogue-network.js';

const HOSTS = [['360100', '360121'], ['360200']];

const SEARCH = `query Search($query: String, $filter: CatalogueFilter, $first: Int, $after: String) {
  searchCatalogue(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    partial
    unavailableArchives { id name }
    pageInfo { hasNextPage endCursor }
    hits {
      score
      archive { id name region { name } }
      record { id title referenceCode access year archive { id name } }
    }
  }
}`;

let network: CatalogueNetwork;

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'provsearchgw', hosts: HOSTS, withGateway: true });
});

afterAll(async () => {
  await network?.teardown();
});

describe('searchCatalogue through the gateway', () => {
  it("fetches each hit's record fields from the archive that holds it", async () => {
    const answer = await network.gateway$(PUBLIC, SEARCH, { query: '通知', first: 30 });
    expect(answer.errors).toBeUndefined();
    const result = answer.data!.searchCatalogue;
    expect(result.hits).toHaveLength(30);
    for (const hit of result.hits) {
      expect(hit.record.title).toContain('通知');
      expect(hit.record.access).toBe('OPEN');
      expect(hit.record.id.startsWith(`${hit.archive.id}:Record:`)).toBe(true);
      expect(hit.record.archive).toEqual({ id: hit.archive.id, name: hit.archive.name });
    }
    const first = result.hits[0];
    const [stored] = await network.sql(first.archive.id, 'select title, reference_code from $schema.record where id = ?', [Number(first.record.id.split(':')[2])]);
    expect(first.record).toMatchObject({ title: stored.title, referenceCode: stored.reference_code });
  });

  it("lets an archivist see their own archive's closed records among the hits, fetched with their identity", async () => {
    const answer = await network.gateway$(archivistOf('360121'), SEARCH, { first: 100, filter: { access: ['DELAYED', 'UNREVIEWED'] } });
    expect(answer.errors).toBeUndefined();
    const hits = answer.data!.searchCatalogue.hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.archive.id).toBe('360121');
      expect(['DELAYED', 'UNREVIEWED']).toContain(hit.record.access);
    }
  });

  // Last: it stops a host for the rest of the file.
  it('answers with a host stopped, partial, naming the archive in ARCHIVE_UNAVAILABLE', async () => {
    await network.stopHostOf('360200');
    const answer = await network.gateway$(PUBLIC, SEARCH, { query: '通知', first: 20 });
    const result = answer.data!.searchCatalogue;
    expect(result.partial).toBe(true);
    expect(result.unavailableArchives.map((a: any) => a.id)).toEqual(['360200']);
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      expect(hit.archive.id).not.toBe('360200');
      expect(hit.record.title).toContain('通知');
    }
    expect(answer.errors!.some((e) => e.extensions?.code === 'ARCHIVE_UNAVAILABLE' && e.extensions?.archive === '360200')).toBe(true);
  });
});
