import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '../../protocol/ids.js';
import { CATALOGUE, CITY, archivistOf, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from './fixture.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
const archivist = archivistOf(CITY);
const extra: Record<string, number> = {};

const SEARCH = `query($query: String, $filter: RecordFilter, $first: Int, $after: SearchKeyInput, $matchLimit: Int) {
  searchRecords(archive: "360100", query: $query, filter: $filter, first: $first, after: $after, matchLimit: $matchLimit) {
    totalCount countsAreExact hits { id score }
    facets { byCategory { value count } byYear { value count } byAccess { value count } byFonds { value count } }
  }
}`;

interface Hits {
  totalCount: number;
  countsAreExact: boolean;
  hits: { id: string; score: number }[];
  facets: Record<'byCategory' | 'byYear' | 'byAccess' | 'byFonds', { value: string; count: number }[]>;
}

async function search(variables: Record<string, unknown>): Promise<Hits> {
  const result = await world.graphql(archivist, SEARCH, variables);
  expect(result.errors).toBeUndefined();
  return result.data.searchRecords;
}

const idOf = (key: string) => entityId(CITY, 'Record', seeded.records[key] ?? extra[key]!);

beforeAll(async () => {
  world = await startArchiveWorld('search');
  seeded = await seedCatalogue(world, CITY);
  for (const [key, title, referenceCode] of [
    ['twice', '婚姻婚姻登记表', 'J002-WS·1990-Y-MZJ-0101'],
    ['apart', '婚后姻亲往来', 'J002-WS·1990-Y-MZJ-0102'],
  ]) {
    const [row] = await world.sql(
      CITY,
      `insert into $schema.record (fonds_id, level, reference_code, title, year, retention, access, category)
       values (?, 'ITEM', ?, ?, 1990, 'D30', 'OPEN', 'MARRIAGE') returning id`,
      [seeded.fonds.J002, referenceCode, title],
    );
    extra[key!] = row.id;
  }
});

afterAll(async () => {
  await world?.close();
});

describe('searching the catalogue', () => {
  it('a two-character Chinese query finds exactly the titles that contain it', async () => {
    const result = await search({ query: '婚姻' });
    const expected = [...CATALOGUE.filter((r) => r.title.includes('婚姻')).map((r) => r.key), 'twice'];
    expect(result.hits.map((h) => h.id).sort()).toEqual(expected.map(idOf).sort());
    expect(result.totalCount).toBe(expected.length);
    // 婚后姻亲 has both characters, but not the word.
    expect(result.hits.map((h) => h.id)).not.toContain(idOf('apart'));
  });

  it('a one-character query finds every title that contains the character, inside a run of characters or at its end', async () => {
    // 知 ends 南昌县政府关于婚姻登记的通知 (indexed alone) and starts 知青 in 关于知青返城安置工作的请示 (only in that bigram).
    const result = await search({ query: '知' });
    const expected = CATALOGUE.filter((r) => r.title.includes('知')).map((r) => idOf(r.key));
    expect(expected).toHaveLength(2);
    expect(result.hits.map((h) => h.id).sort()).toEqual(expected.sort());
    expect(result.totalCount).toBe(2);
  });

  it('still finds a title whose stored vector has the form before title_vector_bigrams (every character and bigram)', async () => {
    const [row] = await world.sql(
      CITY,
      `insert into $schema.record (fonds_id, level, reference_code, title, year, retention, access, category, search_vector)
       values (?, 'ITEM', 'J002-WS·1990-Y-MZJ-0199', '旧档卷宗', 1990, 'D30', 'OPEN', 'ADMINISTRATIVE',
               '''旧'':1 ''旧档'':1 ''档'':2 ''档卷'':2 ''卷'':3 ''卷宗'':3 ''宗'':4'::tsvector) returning id`,
      [seeded.fonds.J002],
    );
    try {
      const id = entityId(CITY, 'Record', row.id);
      for (const query of ['旧档卷宗', '档卷', '档', '宗']) expect((await search({ query, first: 500 })).hits.map((h) => h.id)).toContain(id);
    } finally {
      await world.sql(CITY, 'delete from $schema.record where id = ?', [row.id]);
    }
  });

  it('ranks closer matches first: more occurrences, then shorter titles', async () => {
    const order = (await search({ query: '婚姻' })).hits.map((h) => h.id);
    // Same length (7), twice against once.
    expect(order.indexOf(idOf('twice'))).toBeLessThan(order.indexOf(idOf('s4')));
    // Once each, 6 characters against 7.
    expect(order.indexOf(idOf('i1'))).toBeLessThan(order.indexOf(idOf('s4')));
    // Once each, 6 characters against 14.
    expect(order.indexOf(idOf('i1'))).toBeLessThan(order.indexOf(idOf('f1')));
  });

  it('scores are ordered, and exactly reproducible', async () => {
    const first = await search({ query: '婚姻登记' });
    const second = await search({ query: '婚姻登记' });
    expect(second.hits).toEqual(first.hits);
    for (let i = 1; i < first.hits.length; i++) {
      const [a, b] = [first.hits[i - 1]!, first.hits[i]!];
      expect(a.score > b.score || (a.score === b.score && Number(a.id.split(':')[2]) < Number(b.id.split(':')[2]))).toBe(true);
    }
  });

  it('a 档号 substring finds its record first', async () => {
    const result = await search({ query: 'BGS-0013' });
    expect(result.hits[0]!.id).toBe(idOf('s1'));
    const year = await search({ query: 'WS·2001' });
    expect(year.hits.map((h) => h.id).sort()).toEqual([idOf('f2'), idOf('s1')].sort());
  });

  it('totals and facets count every match, not just the page', async () => {
    const result = await search({ query: '婚姻', first: 1 });
    expect(result.hits).toHaveLength(1);
    expect(result.totalCount).toBe(5);
    expect(result.countsAreExact).toBe(true);
    expect(result.facets.byCategory).toEqual([
      { value: 'MARRIAGE', count: 3 },
      { value: 'ADMINISTRATIVE', count: 1 },
      { value: 'PHOTO', count: 1 },
    ]);
    expect(result.facets.byAccess).toEqual([
      { value: 'OPEN', count: 4 },
      { value: 'DELAYED', count: 1 },
    ]);
    expect(result.facets.byFonds).toEqual([
      { value: entityId(CITY, 'Fonds', seeded.fonds.J001), count: 3 },
      { value: entityId(CITY, 'Fonds', seeded.fonds.J002), count: 2 },
    ]);
    expect(result.facets.byYear).toEqual([
      { value: '1948', count: 3 },
      { value: '1978', count: 1 },
      { value: '1990', count: 1 },
    ]);
  });

  const FILTERS: [string, () => Record<string, unknown>, (r: (typeof CATALOGUE)[number]) => boolean][] = [
    ['fonds', () => ({ fonds: [entityId(CITY, 'Fonds', seeded.fonds.J002)] }), (r) => r.fonds === 'J002'],
    ['yearFrom', () => ({ yearFrom: 1965 }), (r) => r.year >= 1965],
    ['yearTo', () => ({ yearTo: 1965 }), (r) => r.year <= 1965],
    ['a year range', () => ({ yearFrom: 1960, yearTo: 2005 }), (r) => r.year >= 1960 && r.year <= 2005],
    ['categories', () => ({ categories: ['MARRIAGE', 'PHOTO'] }), (r) => ['MARRIAGE', 'PHOTO'].includes(r.category)],
    ['access', () => ({ access: ['DELAYED'] }), (r) => r.access === 'DELAYED'],
    ['level', () => ({ level: 'FILE' }), (r) => r.level === 'FILE'],
    ['hasDigitalCopy: true', () => ({ hasDigitalCopy: true }), (r) => (r.copies ?? 0) > 0],
    ['hasDigitalCopy: false', () => ({ hasDigitalCopy: false }), (r) => (r.copies ?? 0) === 0],
  ];

  it.each(FILTERS)('the %s filter narrows hits and counts exactly', async (_, filterOf, keep) => {
    const filter = filterOf();
    const withoutQuery = await search({ filter, first: 500 });
    // The two extra 1990 marriage items are open, unfiled, without copies, in J002.
    const extraKeep = keep({ key: 'x', level: 'ITEM', fonds: 'J002', referenceCode: '', title: '', year: 1990, access: 'OPEN', category: 'MARRIAGE' });
    const expected = [...CATALOGUE.filter(keep).map((r) => r.key), ...(extraKeep ? ['twice', 'apart'] : [])];
    expect(withoutQuery.hits.map((h) => h.id).sort()).toEqual(expected.map(idOf).sort());
    expect(withoutQuery.totalCount).toBe(expected.length);
    expect(withoutQuery.hits.every((h) => h.score === 0)).toBe(true);

    const withQuery = await search({ query: '婚姻', filter, first: 500 });
    const expectedWithQuery = expected.filter((key) => key !== 'apart' && (CATALOGUE.find((r) => r.key === key)?.title.includes('婚姻') ?? true));
    expect(withQuery.hits.map((h) => h.id).sort()).toEqual(expectedWithQuery.map(idOf).sort());
    expect(withQuery.totalCount).toBe(expectedWithQuery.length);
  });

  it('without a query, hits are ordered by id with score 0', async () => {
    const result = await search({ first: 500 });
    const keys = result.hits.map((h) => Number(h.id.split(':')[2]));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(result.totalCount).toBe(CATALOGUE.length + 2);
  });

  it.each([
    ['with a query', '婚姻登记'],
    ['without a query', null],
  ])('keyset paging %s returns each hit exactly once, in order', async (_, query) => {
    const all = await search({ query, first: 500 });
    const seen: { id: string; score: number }[] = [];
    let after: { score: number; id: string } | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await search({ query, first: 2, after });
      expect(result.totalCount).toBe(all.totalCount);
      if (result.hits.length === 0) break;
      seen.push(...result.hits);
      after = result.hits[result.hits.length - 1];
    }
    expect(seen).toEqual(all.hits);
    expect(new Set(seen.map((h) => h.id)).size).toBe(seen.length);
  });

  it('a key from another archive pages by archive code when scores tie', async () => {
    const all = await search({ first: 500 });
    // Every hit here scores 0: after (0, a smaller archive's key) they all follow; after (0, a larger one's) none do.
    expect((await search({ first: 500, after: { score: 0, id: '360000:Record:999' } })).hits).toEqual(all.hits);
    expect((await search({ first: 500, after: { score: 0, id: '360121:Record:1' } })).hits).toEqual([]);
    expect((await search({ first: 500, after: { score: 1, id: '360121:Record:1' } })).hits).toEqual(all.hits);
  });

  it('examines at most matchLimit matches: the counts become lower bounds and the hits are the best of those examined', async () => {
    const all = await search({ query: '婚姻', first: 500 });
    expect(all.totalCount).toBe(5);
    expect((await search({ query: '婚姻', first: 500, matchLimit: 6 })).countsAreExact).toBe(true);
    // Exactly as many matches as the limit: nothing says there are no more, so still a lower bound.
    expect((await search({ query: '婚姻', first: 500, matchLimit: 5 })).countsAreExact).toBe(false);

    const limited = await search({ query: '婚姻', first: 500, matchLimit: 3 });
    expect(limited.countsAreExact).toBe(false);
    expect(limited.totalCount).toBe(3);
    expect(limited.hits).toHaveLength(3);
    for (const hit of limited.hits) expect(all.hits).toContainEqual(hit);
    for (const facet of ['byCategory', 'byYear', 'byAccess', 'byFonds'] as const) {
      expect(limited.facets[facet].reduce((sum, row) => sum + row.count, 0)).toBe(3);
    }
    // The matches examined are the same on every page, so paging walks exactly the limited hits.
    const seen: { id: string; score: number }[] = [];
    let after: { score: number; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await search({ query: '婚姻', first: 1, after, matchLimit: 3 });
      expect(result.totalCount).toBe(3);
      if (result.hits.length === 0) break;
      seen.push(...result.hits);
      after = result.hits[0];
    }
    expect(seen).toEqual(limited.hits);
  });

  it.each([0, -1, 50_001, 1.5])('refuses matchLimit %s', async (matchLimit) => {
    const result = await world.graphql(archivist, SEARCH, { query: '婚姻', matchLimit });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/matchLimit|Int/);
  });
});
