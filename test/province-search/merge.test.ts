/**
 * The province's merge of the archives' hits into one ranked page, against archives answering
 * through a stand-in shard search: the page is exactly the best hits of all archives in the
 * merged order (score descending, then archive code, then integer key), whatever order each
 * archive's list came in, and a next page is announced only when a hit is left over.
 */
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../protocol/identity.js';
import type { DirectoryEntryRow } from '../../subgraphs/province/entities/index.js';
import { RegionTree } from '../../subgraphs/province/directory/regions.js';
import { compareHits, searchCatalogue } from '../../subgraphs/province/search/search.js';
import type { ShardSearch } from '../../subgraphs/province/search/shard-search.js';

const regions = new RegionTree([
  { code: '360000', name: '江西省', level: 'PROVINCE', parentCode: null },
  { code: '360100', name: '南昌市', level: 'CITY', parentCode: '360000' },
  { code: '360102', name: '东湖区', level: 'COUNTY', parentCode: '360100' },
  { code: '360200', name: '景德镇市', level: 'CITY', parentCode: '360000' },
]);
const archives = ['360000', '360100', '360102', '360200'].map(
  (code) => ({ id: code, endpoint: `http://127.0.0.1:1/archives/${code}/graphql`, region: regions.get(code)! }) as unknown as DirectoryEntryRow,
);

type Hit = { id: string; score: number };

/** A shard search whose archives answer `hitsOf(code)`, as many as asked for, in the order given. */
function shards(hitsOf: (code: string) => Hit[]): ShardSearch {
  const gather: ShardSearch['gather'] = async (scope, _identity, variablesFor) =>
    scope.map((archive) => {
      const first = variablesFor(archive).first ?? 0;
      const hits = hitsOf(archive.id).slice(0, first);
      return {
        archive,
        ok: true as const,
        data: { totalCount: hits.length, countsAreExact: true, hits, facets: { byCategory: [], byYear: [], byAccess: [] } },
      };
    });
  return { gather } as unknown as ShardSearch;
}

/** Each archive's hits, best first: scores from a small set, so that ties across archives are many. */
function ranked(code: string, count: number, seed: number): Hit[] {
  const hits = Array.from({ length: count }, (_, i) => ({ id: `${code}:Record:${(i * 7 + seed) % 97 + 1}`, score: [0.5, 0.25, 0.125][(i * seed) % 3]! }));
  return hits.sort(compareHits);
}

const PUBLIC: Identity = { role: 'public' };

describe('merging the archives’ hits', () => {
  it('gives the best hits of all archives in the merged order, and a next page only when one is left', async () => {
    const lists = new Map(archives.map((archive, i) => [archive.id, ranked(archive.id, 30, i + 2)]));
    const everything = [...lists.values()].flat().sort(compareHits);
    const page = await searchCatalogue(shards((code) => lists.get(code)!), regions, archives, PUBLIC, { query: '通知', first: 25 });
    expect(page.hits.map((hit) => hit.record.id)).toEqual(everything.slice(0, 25).map((hit) => hit.id));
    expect(page.hits.map((hit) => hit.archive.id)).toEqual(everything.slice(0, 25).map((hit) => hit.id.split(':')[0]));
    expect(page.pageInfo.hasNextPage).toBe(true);

    const few = new Map([...lists].map(([code, hits]) => [code, hits.slice(0, 2)]));
    const last = await searchCatalogue(shards((code) => few.get(code)!), regions, archives, PUBLIC, { query: '通知', first: 8 });
    expect(last.hits.map((hit) => hit.record.id)).toEqual([...few.values()].flat().sort(compareHits).map((hit) => hit.id));
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('ranks a list that came out of order as if it had come in order', async () => {
    const lists = new Map(archives.map((archive, i) => [archive.id, ranked(archive.id, 12, i + 3)]));
    const reversed = new Map([...lists].map(([code, hits]) => [code, code === '360102' ? [...hits].reverse() : hits]));
    const inOrder = await searchCatalogue(shards((code) => lists.get(code)!), regions, archives, PUBLIC, { query: '通知', first: 20 });
    const outOfOrder = await searchCatalogue(shards((code) => reversed.get(code)!), regions, archives, PUBLIC, { query: '通知', first: 20 });
    expect(outOfOrder.hits.map((hit) => hit.record.id)).toEqual(inOrder.hits.map((hit) => hit.record.id));
  });
});
