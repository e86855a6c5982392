/**
 * 跨馆检索 through the real province subgraph over real archive hosts seeded with the demo
 * generator: ranking and paging across shards of very different sizes, the region filter,
 * each archive's visibility rules for the original caller, bad input, and a stopped host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareHits } from '../../subgraphs/province/search/search.js';
import { archivistOf, PUBLIC, startCatalogueNetwork, type CatalogueNetwork } from './catalogue-network.js';

// Two hosts: Nanchang's city archive with two of its counties, and Jingdezhen's city with one.
const HOSTS = [['360100', '360102', '360121'], ['360200', '360222']];
const QUERY = '通知';

const SEARCH = `query Search($query: String, $filter: CatalogueFilter, $first: Int, $after: String) {
  searchCatalogue(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    countsAreExact
    hits { record { id } score archive { id } cursor }
    pageInfo { hasNextPage endCursor }
    facets {
      byArchive { archive { id } count countIsExact }
      byRegion { region { code } count }
      byCategory { category count }
      byDecade { decade count }
      byAccess { access count }
    }
    partial
    unavailableArchives { id }
  }
}`;

let network: CatalogueNetwork;

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'provsearch', hosts: HOSTS });
});

afterAll(async () => {
  await network?.teardown();
});

/** Matching records counted directly in SQL: titles containing the query, of the given access statuses. */
async function countInSql(code: string, access: string[], titleContains?: string): Promise<number> {
  const [row] = await network.sql<{ n: number }>(
    code,
    `select count(*)::int as n from $schema.record where access = any(string_to_array(?, ',')) ${titleContains ? 'and title like ?' : ''}`,
    titleContains ? [access.join(','), `%${titleContains}%`] : [access.join(',')],
  );
  return row!.n;
}

async function search(identity = PUBLIC, variables: Record<string, unknown> = {}) {
  const answer = await network.province$(identity, SEARCH, variables);
  return answer;
}

describe('searchCatalogue across archives', () => {
  it('pages through a whole result collecting each matching record exactly once, in order', async () => {
    const seen: { id: string; score: number }[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let page = 0; page < 200; page++) {
      const answer = await search(PUBLIC, { query: QUERY, first: 13, after });
      expect(answer.errors).toBeUndefined();
      const result = answer.data!.searchCatalogue;
      totalCount = result.totalCount;
      seen.push(...result.hits.map((hit: any) => ({ id: hit.record.id, score: hit.score })));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    let expected = 0;
    for (const code of network.codes) expected += await countInSql(code, ['OPEN'], QUERY);
    expect(expected).toBeGreaterThan(20);
    expect(totalCount).toBe(expected);
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((hit) => hit.id)).size).toBe(expected);
    for (let i = 1; i < seen.length; i++) expect(compareHits(seen[i - 1]!, seen[i]!)).toBeLessThan(0);
    // Shards of very different sizes all contributed.
    expect(new Set(seen.map((hit) => hit.id.split(':')[0])).size).toBe(network.codes.length);
  });

  it('ranks hits of a two-character Chinese query from several regions, and the region filter keeps only that region', async () => {
    const all = (await search(PUBLIC, { query: QUERY, first: 100 })).data!.searchCatalogue;
    const scores = all.hits.map((hit: any) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(all.facets.byRegion.map((r: any) => r.region.code).sort()).toEqual(['360100', '360200']);
    expect(new Set(all.hits.map((hit: any) => hit.archive.id)).size).toBeGreaterThan(1);

    const jingdezhen = (await search(PUBLIC, { query: QUERY, first: 100, filter: { regions: ['360200'] } })).data!.searchCatalogue;
    expect(jingdezhen.hits.length).toBeGreaterThan(0);
    for (const hit of jingdezhen.hits) expect(['360200', '360222']).toContain(hit.archive.id);
    expect(jingdezhen.facets.byArchive.map((f: any) => f.archive.id).sort()).toEqual(['360200', '360222']);
    expect(jingdezhen.totalCount).toBe(all.facets.byRegion.find((r: any) => r.region.code === '360200').count);

    const county = (await search(PUBLIC, { query: QUERY, filter: { regions: ['360121'] } })).data!.searchCatalogue;
    expect(county.totalCount).toBe(await countInSql('360121', ['OPEN'], QUERY));
    for (const hit of county.hits) expect(hit.archive.id).toBe('360121');
  });

  it('sums totals and facets across shards', async () => {
    const result = (await search(PUBLIC, { query: QUERY, first: 0 })).data!.searchCatalogue;
    expect(result.hits).toEqual([]);
    expect(result.countsAreExact).toBe(true);
    expect(result.facets.byArchive.every((facet: { countIsExact: boolean }) => facet.countIsExact)).toBe(true);
    const sum = (rows: { count: number }[]) => rows.reduce((s, row) => s + row.count, 0);
    for (const facet of ['byArchive', 'byRegion', 'byCategory', 'byDecade', 'byAccess']) {
      expect(sum(result.facets[facet])).toBe(result.totalCount);
    }
    for (const { archive, count } of result.facets.byArchive) {
      expect(count).toBe(await countInSql(archive.id, ['OPEN'], QUERY));
    }
    for (const { decade } of result.facets.byDecade) expect(decade % 10).toBe(0);
  });

  it('bounds the matches each archive examines by the match budget: the counts become lower bounds, and paging walks exactly the hits counted', async () => {
    const budget = network.province.crossRegion.searchMatchBudget;
    // 10 matches for 5 archives: each archive examines 10 (the minimum share, as the budget is smaller).
    network.province.crossRegion.searchMatchBudget = 10;
    try {
      const first = (await search(PUBLIC, { first: 0 })).data!.searchCatalogue;
      expect(first.countsAreExact).toBe(false);
      let lowerBound = 0;
      for (const { archive, count, countIsExact } of first.facets.byArchive) {
        const open = await countInSql(archive.id, ['OPEN']);
        expect(count).toBe(Math.min(open, 10));
        expect(countIsExact).toBe(open < 10);
        lowerBound += count;
      }
      expect(first.facets.byArchive).toHaveLength(network.codes.length);
      expect(first.totalCount).toBe(lowerBound);

      const seen = new Set<string>();
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const result: any = (await search(PUBLIC, { first: 7, after })).data!.searchCatalogue;
        expect(result.totalCount).toBe(lowerBound);
        for (const hit of result.hits) seen.add(hit.record.id);
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor;
      }
      expect(seen.size).toBe(lowerBound);
    } finally {
      network.province.crossRegion.searchMatchBudget = budget;
    }
  });

  it('never counts delayed or unreviewed records for the public, in hits, totals or facets', async () => {
    const result = (await search(PUBLIC, { first: 100 })).data!.searchCatalogue;
    let open = 0;
    for (const code of network.codes) open += await countInSql(code, ['OPEN']);
    expect(result.totalCount).toBe(open);
    expect(result.facets.byAccess).toEqual([{ access: 'OPEN', count: open }]);

    const closed = (await search(PUBLIC, { filter: { access: ['DELAYED', 'UNREVIEWED'] } })).data!.searchCatalogue;
    expect(closed.totalCount).toBe(0);
    expect(closed.hits).toEqual([]);
    expect(closed.facets.byAccess).toEqual([]);
  });

  it("includes an archivist's own archive's closed records and no other archive's", async () => {
    const result = (await search(archivistOf('360100'), { first: 0 })).data!.searchCatalogue;
    let expected = 0;
    for (const code of network.codes) expected += await countInSql(code, code === '360100' ? ['OPEN', 'DELAYED', 'UNREVIEWED'] : ['OPEN']);
    expect(result.totalCount).toBe(expected);
    const delayedHere = await countInSql('360100', ['DELAYED']);
    expect(delayedHere).toBeGreaterThan(0);
    expect(result.facets.byAccess.find((f: any) => f.access === 'DELAYED')?.count).toBe(delayedHere);

    const closed = (await search(archivistOf('360100'), { first: 100, filter: { access: ['DELAYED'] } })).data!.searchCatalogue;
    expect(closed.totalCount).toBe(delayedHere);
    for (const hit of closed.hits) expect(hit.archive.id).toBe('360100');
    expect(closed.facets.byArchive.map((f: any) => f.archive.id)).toEqual(['360100']);
  });

  it.each([
    ['a query over 100 characters', { query: '档'.repeat(101) }, /100/],
    ['first above 100', { first: 101 }, /first/],
    ['yearFrom after yearTo', { filter: { yearFrom: 2000, yearTo: 1990 } }, /yearFrom/],
    ['an unknown region', { filter: { regions: ['369999'] } }, /369999/],
    ['a malformed region', { filter: { regions: ['abc'] } }, /region/],
    ['an unknown archive', { filter: { archives: ['360300'] } }, /360300/],
    ['a malformed cursor', { after: 'not-a-cursor' }, /cursor/],
    ['a cursor of something else', { after: Buffer.from(JSON.stringify([1, '360100:Fonds:1'])).toString('base64url') }, /cursor/],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, message) => {
    const answer = await search(PUBLIC, variables);
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ searchCatalogue: null });
    expect(answer.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0]!.message).toMatch(message);
  });

  // Last: it stops a host for the rest of the file.
  it('still answers with one archive host stopped, marked partial, naming its archives, and counts the partial answer', async () => {
    const partialAnswers = async () => {
      const text = (await network.province.metrics.text()).body;
      return Number(/^lantai_search_partial_answers_total\{[^}]*\} (\d+)$/m.exec(text)?.[1]);
    };
    expect(await partialAnswers()).toBe(0);
    await network.stopHostOf('360200');
    const answer = await search(PUBLIC, { query: QUERY, first: 100 });
    const result = answer.data!.searchCatalogue;
    expect(result.partial).toBe(true);
    expect(await partialAnswers()).toBe(1);
    expect(result.unavailableArchives.map((a: any) => a.id)).toEqual(['360200', '360222']);
    expect(answer.errors!.map((e) => [e.extensions?.code, e.extensions?.archive])).toEqual([
      ['ARCHIVE_UNAVAILABLE', '360200'],
      ['ARCHIVE_UNAVAILABLE', '360222'],
    ]);
    let expected = 0;
    for (const code of ['360100', '360102', '360121']) expected += await countInSql(code, ['OPEN'], QUERY);
    expect(result.totalCount).toBe(expected);
    for (const hit of result.hits) expect(['360100', '360102', '360121']).toContain(hit.archive.id);
  });
});
