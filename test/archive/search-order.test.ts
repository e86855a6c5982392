/**
 * A search of a frequent word examines at most `matchLimit` matches, and the contract promises
 * the same matches on every page of the search. PostgreSQL starts a sequential scan of a table
 * larger than a quarter of its shared buffers where the last scan of that table had got to
 * (synchronize_seqscans), so the archive's connections turn that off: this catalogue is made
 * large enough for it, whatever the server's shared_buffers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY, archivistOf, startArchiveWorld, type ArchiveWorld } from './fixture.js';

let world: ArchiveWorld;
const archivist = archivistOf(CITY);

const SEARCH = `query($first: Int, $after: SearchKeyInput) {
  searchRecords(archive: "360100", query: "通知", first: $first, after: $after, matchLimit: 100) {
    totalCount countsAreExact hits { id score }
    facets { byYear { value count } }
  }
}`;

interface Hits {
  totalCount: number;
  countsAreExact: boolean;
  hits: { id: string; score: number }[];
  facets: { byYear: { value: string; count: number }[] };
}

async function search(variables: Record<string, unknown> = {}): Promise<Hits> {
  const result = await world.graphql(archivist, SEARCH, variables);
  expect(result.errors).toBeUndefined();
  return result.data.searchRecords;
}

beforeAll(async () => {
  world = await startArchiveWorld('search-order');
  const [fonds] = await world.sql(CITY, `insert into $schema.fonds (fonds_code, name, creator, start_year, end_year) values ('J001', '南昌县人民政府办公室', '南昌县人民政府办公室', 1950, 2020) returning id`);
  // Rows of about 1.7 kB (a remark of 1,504 characters, below the row size PostgreSQL
  // compresses at), four to a page: enough of them that the table passes a quarter of the shared buffers.
  const [{ blocks }] = await world.sql(CITY, `select ceil(setting::bigint / 4.0)::int + 64 as blocks from pg_settings where name = 'shared_buffers'`);
  const rows = blocks * 4;
  // One title in ten is a 通知, spread along the table, in years that differ along it.
  await world.sql(
    CITY,
    `insert into $schema.record (fonds_id, level, reference_code, title, year, retention, access, category, remarks)
     select ?, 'ITEM', 'J001-WS·' || (1950 + i % 70) || '-Y-BGS-' || lpad(i::text, 7, '0'),
            case when i % 10 = 0 then '关于第' || i || '号工作的通知' else '第' || i || '号工作报告' end,
            1950 + (i / 1000) % 70, 'PERMANENT', 'OPEN', 'ADMINISTRATIVE', remark.text
       from generate_series(1, ?) i,
            lateral (select string_agg(md5(i::text || '-' || j), '') as text from generate_series(1, 47) j) remark`,
    [fonds.id, rows],
  );
  await world.sql(CITY, 'analyze $schema.record');
  const [{ pages }] = await world.sql(CITY, `select pg_relation_size('$schema.record') / current_setting('block_size')::int as pages`);
  expect(Number(pages)).toBeGreaterThan(blocks - 64);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('a search bounded by matchLimit over a large archive', () => {
  it('reads its matches by a sequential scan here (the plan this test is about)', async () => {
    const plan = await world.sql(CITY, `explain select r.id from $schema.record r where r.access in ('OPEN') and r.search_vector @@ '''通知'''::tsquery limit 100`);
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toMatch(/Seq Scan on record/);
  });

  it('examines the same matches every time it is asked', async () => {
    const first = await search({ first: 10 });
    expect(first.countsAreExact).toBe(false);
    expect(first.totalCount).toBe(100);
    for (let again = 0; again < 3; again++) expect(await search({ first: 10 })).toEqual(first);
  });

  it('pages through one set of matches: the second page continues the first', async () => {
    const whole = await search({ first: 20 });
    const firstPage = await search({ first: 10 });
    const last = firstPage.hits.at(-1)!;
    const secondPage = await search({ first: 10, after: { id: last.id, score: last.score } });
    expect([...firstPage.hits, ...secondPage.hits]).toEqual(whole.hits);
    expect(secondPage.facets).toEqual(firstPage.facets);
  });
});
