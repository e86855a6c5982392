/**
 * 馆藏统计 through the real province subgraph over real archive hosts seeded with the demo
 * generator: every counter equals the figure computed in SQL over the archive schemas, for
 * the province, a city and a county; every role gets the same true figures; rates, breakdowns, ranking,
 * targets; yearly snapshots and their series; a stopped host.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen } from '../../protocol/http.js';
import { signIdentity, type Identity } from '../../protocol/identity.js';
import { buildProvinceServer } from '../../subgraphs/province/server.js';
import { ADMIN, archivistOf, PUBLIC, SECRET, startCatalogueNetwork, supervisorOf, type CatalogueNetwork } from '../province-search/catalogue-network.js';

const HOSTS = [['360100', '360102', '360121'], ['360200', '360222']];
const NANCHANG = ['360100', '360102', '360121'];

const COUNTERS = `fonds files items holdings openFiles openItems open fileLevelEntries itemLevelEntries itemLevelCatalogued
  digitised digitalPages digitalBytes electronic visitors itemsProvided exhibitions exhibitionVisitors compilations compilationCharacters`;

const STATISTICS = `query Statistics($region: ID, $year: Int) {
  statistics(region: $region, year: $year) {
    region { code }
    year
    totals { ${COUNTERS} }
    rates { openRate digitisationRate itemLevelCatalogueRate }
    targets { target threshold value met }
    byRegion { region { code } archives totals { holdings open digitised } rates { openRate } }
    byCategory { category totals { files items openFiles openItems } }
    byPeriod { period totals { files items } }
    archives { archive { id } complete asOf totals { holdings } targets { target met } }
    ranking(by: HOLDINGS, first: 3) { rank archive { id } value }
    rateRanking: ranking(by: OPEN_RATE, first: 10, minHoldings: 0) { rank archive { id } holdings value }
    coverage { archives contributed partial unavailable { id } stale { id } asOf complete }
    series { year archives holdings holdingsGrowth open newlyOpened digitised newlyDigitised }
  }
}`;

let network: CatalogueNetwork;

beforeAll(async () => {
  network = await startCatalogueNetwork({
    label: 'provstats',
    hosts: HOSTS,
    province: { targets: { administrativeOpenRate: 0.3, digitisationRate: 0, itemLevelCatalogueRate: 0.9 } },
  });
});

afterAll(async () => {
  await network?.teardown();
});

type Counters = Record<string, number>;

/** The holdings counters of one archive, computed directly over its schema. */
async function countersInSql(code: string, complete: boolean): Promise<Counters> {
  const visible = complete ? 'true' : `access = 'OPEN'`;
  const [row] = await network.sql<Record<string, string>>(
    code,
    `with r as (select * from $schema.record where ${visible}),
          holding as (select * from r where level = 'FILE' or parent_id is null)
     select
       (select count(*) from $schema.fonds) as fonds,
       (select count(*) from r where level = 'FILE') as files,
       (select count(*) from r where level = 'ITEM' and parent_id is null) as items,
       (select count(*) from r where level = 'FILE' and access = 'OPEN') as "openFiles",
       (select count(*) from r where level = 'ITEM' and parent_id is null and access = 'OPEN') as "openItems",
       (select count(*) from r where level = 'FILE') as "fileLevelEntries",
       (select count(*) from r where level = 'ITEM') as "itemLevelEntries",
       (select count(*) from holding h where h.level = 'ITEM' or exists (select 1 from r i where i.parent_id = h.id)) as "itemLevelCatalogued",
       (select count(*) from holding h where exists (select 1 from $schema.digital_object d where d.record_id = h.id)) as digitised,
       (select coalesce(sum(d.pages), 0) from $schema.digital_object d join r on r.id = d.record_id) as "digitalPages",
       (select coalesce(sum(d.bytes), 0) from $schema.digital_object d join r on r.id = d.record_id) as "digitalBytes",
       (select count(*) from holding where electronic) as electronic,
       (select coalesce(sum(visitors), 0) from $schema.utilization) as visitors,
       (select coalesce(sum(items_provided), 0) from $schema.utilization) as "itemsProvided",
       (select count(*) from $schema.exhibition) as exhibitions,
       (select coalesce(sum(visitors), 0) from $schema.exhibition) as "exhibitionVisitors",
       (select count(*) from $schema.compilation) as compilations,
       (select coalesce(sum(characters), 0) from $schema.compilation) as "compilationCharacters"`,
  );
  const counters = Object.fromEntries(Object.entries(row!).map(([name, value]) => [name, Number(value)]));
  counters.holdings = counters.files! + counters.items!;
  counters.open = counters.openFiles! + counters.openItems!;
  return counters;
}

async function summedInSql(codes: string[], complete: (code: string) => boolean): Promise<Counters> {
  const sum: Counters = {};
  for (const code of codes) {
    for (const [name, value] of Object.entries(await countersInSql(code, complete(code)))) sum[name] = (sum[name] ?? 0) + value;
  }
  return sum;
}

async function statistics(identity: Identity, variables: Record<string, unknown> = {}) {
  const answer = await network.province$(identity, STATISTICS, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!.statistics;
}

describe('statistics', () => {
  it.each([
    ['the province', null, HOSTS.flat()],
    ['a city', '360100', NANCHANG],
    ['a county', '360121', ['360121']],
  ])('every counter for %s equals the figure computed in SQL over the archive schemas', async (_name, region, codes) => {
    const result = await statistics(ADMIN, { region });
    expect(result.region.code).toBe(region ?? '360000');
    expect(result.totals).toEqual(await summedInSql(codes, () => true));
    expect(result.coverage).toMatchObject({ archives: codes.length, contributed: codes.length, partial: false, unavailable: [], stale: [], complete: true });
    expect(result.totals.holdings).toBeGreaterThan(0);
    expect(result.rates.openRate).toBeCloseTo(result.totals.open / result.totals.holdings, 12);
    expect(result.rates.digitisationRate).toBeCloseTo(result.totals.digitised / result.totals.holdings, 12);
    expect(result.rates.itemLevelCatalogueRate).toBeCloseTo(result.totals.itemLevelCatalogued / result.totals.holdings, 12);
  });

  it('gives every role the same true figures: the public\'s rates equal the archivist\'s', async () => {
    const archivist = await statistics(archivistOf('360100'), { region: '360100' });
    const complete = await summedInSql(NANCHANG, () => true);
    expect(archivist.totals).toEqual(complete);
    expect(archivist.totals.open).toBeLessThan(archivist.totals.holdings);
    for (const caller of [PUBLIC, supervisorOf('360200'), archivistOf('360222'), ADMIN]) {
      const result = await statistics(caller, { region: '360100' });
      expect(result.totals).toEqual(archivist.totals);
      expect(result.rates).toEqual(archivist.rates);
      expect(result.targets).toEqual(archivist.targets);
      expect(result.byCategory).toEqual(archivist.byCategory);
      expect(result.byPeriod).toEqual(archivist.byPeriod);
      expect(result.byRegion).toEqual(archivist.byRegion);
      expect(result.archives).toEqual(archivist.archives);
      expect(result.coverage.complete).toBe(true);
    }
    expect(archivist.rates.openRate).toBeLessThan(1);
  });

  it('offers no breakdown finer than the annual report\'s grains: region, archive, category, period, snapshot year', () => {
    const api = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
    const fields = (type: string) => Object.keys((api.getType(type) as GraphQLObjectType).getFields()).sort();
    expect(fields('Statistics')).toEqual(
      ['accessRequests', 'archives', 'byCategory', 'byPeriod', 'byRegion', 'coverage', 'ranking', 'rates', 'region', 'series', 'targets', 'totals', 'year'],
    );
    expect(fields('RegionStatistics')).toEqual(['archives', 'byCategory', 'byPeriod', 'rates', 'region', 'targets', 'totals']);
    expect(fields('ArchiveStatistics')).toEqual(['archive', 'asOf', 'complete', 'rates', 'targets', 'totals']);
    expect(fields('CategoryStatistics')).toEqual(['category', 'rates', 'totals']);
    expect(fields('PeriodStatistics')).toEqual(['period', 'rates', 'totals']);
    // Open and not open, never 延期开放 and 未审核 apart.
    expect(fields('StatisticsCounters').filter((name) => /delay|unreview|access/i.test(name))).toEqual([]);
  });

  it('rolls up by child region, category and period to the same totals', async () => {
    const result = await statistics(ADMIN);
    expect(result.byRegion.map((r: any) => r.region.code)).toContain('360100');
    const byRegion = result.byRegion.filter((r: any) => r.archives > 0);
    expect(byRegion.map((r: any) => [r.region.code, r.archives])).toEqual([['360100', 3], ['360200', 2]]);
    expect(byRegion.reduce((s: number, r: any) => s + r.totals.holdings, 0)).toBe(result.totals.holdings);
    const nanchang = await statistics(ADMIN, { region: '360100' });
    expect(byRegion[0].totals).toEqual({ holdings: nanchang.totals.holdings, open: nanchang.totals.open, digitised: nanchang.totals.digitised });

    for (const name of ['files', 'items', 'openFiles', 'openItems']) {
      expect(result.byCategory.reduce((s: number, c: any) => s + c.totals[name], 0)).toBe(result.totals[name]);
    }
    expect(result.byPeriod.map((p: any) => p.period)).toEqual(['BEFORE_1949', 'SINCE_1949']);
    expect(result.byPeriod.reduce((s: number, p: any) => s + p.totals.files + p.totals.items, 0)).toBe(result.totals.holdings);
    const expected = new Map<string, Counters>();
    for (const code of NANCHANG) {
      const rows = await network.sql<Record<string, string>>(
        code,
        `select category, count(*) filter (where level = 'FILE') as files,
                count(*) filter (where level = 'ITEM' and parent_id is null) as items,
                count(*) filter (where level = 'FILE' and access = 'OPEN') as "openFiles",
                count(*) filter (where level = 'ITEM' and parent_id is null and access = 'OPEN') as "openItems"
           from $schema.record group by category`,
      );
      for (const { category, ...counts } of rows) {
        const sum = expected.get(category!) ?? { files: 0, items: 0, openFiles: 0, openItems: 0 };
        for (const [name, value] of Object.entries(counts)) sum[name] = sum[name]! + Number(value);
        expected.set(category!, sum);
      }
    }
    expect(Object.fromEntries(nanchang.byCategory.map((c: any) => [c.category, c.totals]))).toEqual(Object.fromEntries(expected));
  });

  it('ranks archives by a counter or a rate, highest first', async () => {
    const result = await statistics(ADMIN);
    const holdings = new Map(result.archives.map((a: any) => [a.archive.id, a.totals.holdings]));
    const sorted = [...holdings.values()].sort((a: any, b: any) => b - a).slice(0, 3);
    expect(result.ranking.map((r: any) => r.value)).toEqual(sorted);
    expect(result.ranking.map((r: any) => r.rank)).toEqual([1, 2, 3]);
    expect(result.ranking[0].value).toBe(holdings.get(result.ranking[0].archive.id));
    const rates = result.rateRanking.map((r: any) => r.value);
    expect(rates).toHaveLength(5);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
    for (const row of result.rateRanking) expect(row.holdings).toBe(holdings.get(row.archive.id));
  });

  it('ranks by a rate only archives of the minimum size (100 holdings unless asked), best or last first', async () => {
    const sizes = new Map<string, number>((await statistics(ADMIN)).archives.map((a: any) => [a.archive.id, a.totals.holdings]));
    const RANKINGS = `query($min: Int) { statistics {
      byDefault: ranking(by: OPEN_RATE, first: 200) { archive { id } holdings value }
      bySize: ranking(by: OPEN_RATE, first: 200, minHoldings: $min) { archive { id } holdings value }
      last: ranking(by: OPEN_RATE, first: 200, minHoldings: 0, order: LOWEST_FIRST) { rank archive { id } value }
      counter: ranking(by: HOLDINGS, first: 200) { archive { id } }
    } }`;
    const sorted = [...sizes.values()].sort((a, b) => a - b);
    const min = sorted[2]!; // leaves out the two smallest archives
    const answer = await network.province$(PUBLIC, RANKINGS, { min });
    expect(answer.errors).toBeUndefined();
    const { byDefault, bySize, last, counter } = answer.data!.statistics;
    expect(byDefault.map((r: any) => r.archive.id).sort()).toEqual([...sizes].filter(([, size]) => size >= 100).map(([id]) => id).sort());
    expect(bySize.map((r: any) => r.archive.id).sort()).toEqual([...sizes].filter(([, size]) => size >= min).map(([id]) => id).sort());
    expect(bySize.every((r: any) => r.holdings >= min)).toBe(true);
    const values = last.map((r: any) => r.value);
    expect(values).toEqual([...values].sort((a: number, b: number) => a - b));
    expect(last[0].rank).toBe(1);
    expect(counter).toHaveLength(5);
    const refused = await network.province$(PUBLIC, `{ statistics { ranking(by: OPEN_RATE, minHoldings: -1) { rank } } }`);
    expect(refused.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('gives every child region its breakdowns by category and period in the same query', async () => {
    const answer = await network.province$(PUBLIC, `{ statistics {
      byRegion { region { code } totals { files items } byCategory { category totals { files items open } rates { openRate } } byPeriod { period totals { files items } } }
    } }`);
    expect(answer.errors).toBeUndefined();
    for (const child of answer.data!.statistics.byRegion) {
      const alone = await statistics(ADMIN, { region: child.region.code });
      expect(child.byCategory).toEqual(alone.byCategory.map((c: any) => ({ category: c.category, totals: { files: c.totals.files, items: c.totals.items, open: c.totals.openFiles + c.totals.openItems }, rates: { openRate: expect.any(Number) } })));
      expect(child.byPeriod).toEqual(alone.byPeriod);
      expect(child.byCategory.reduce((s: number, c: any) => s + c.totals.files, 0)).toBe(child.totals.files);
    }
  });

  it('says which targets each region and archive meets, by the configured thresholds', async () => {
    const result = await statistics(ADMIN);
    const byTarget = Object.fromEntries(result.targets.map((t: any) => [t.target, t]));
    expect(byTarget.DIGITISATION_RATE).toMatchObject({ threshold: 0, met: true });
    expect(byTarget.ITEM_LEVEL_CATALOGUE_RATE.value).toBeCloseTo(result.rates.itemLevelCatalogueRate, 12);
    expect(byTarget.ITEM_LEVEL_CATALOGUE_RATE.met).toBe(result.rates.itemLevelCatalogueRate >= 0.9);
    const administrative = result.byCategory.find((c: any) => c.category === 'ADMINISTRATIVE').totals;
    const administrativeOpenRate = (administrative.openFiles + administrative.openItems) / (administrative.files + administrative.items);
    expect(byTarget.ADMINISTRATIVE_OPEN_RATE.value).toBeCloseTo(administrativeOpenRate, 12);
    expect(byTarget.ADMINISTRATIVE_OPEN_RATE.met).toBe(administrativeOpenRate >= 0.3);
    for (const archive of result.archives) expect(archive.targets.map((t: any) => t.target)).toHaveLength(3);
  });

  it('refuses an unknown region or an impossible year with BAD_USER_INPUT', async () => {
    for (const variables of [{ region: '369999' }, { region: 'x' }, { year: 1800 }, { year: 9999 }]) {
      const answer = await network.province$(ADMIN, STATISTICS, variables);
      expect(answer.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('keeps yearly snapshots for admins and derives the year-over-year series from them', async () => {
    const refused = await network.province$(PUBLIC, 'mutation { snapshotYear(year: 2023) { year } }');
    expect(refused.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const first = await network.province$(ADMIN, 'mutation { snapshotYear(year: 2023) { year takenAt archives { id } unavailableArchives { id } } }');
    expect(first.errors).toBeUndefined();
    expect(first.data!.snapshotYear.archives.map((a: any) => a.id)).toEqual(HOSTS.flat().sort());

    // One delayed record of 360100 is opened between the two snapshots.
    await network.sql('360100', `update $schema.record set access = 'OPEN' where id = (select min(id) from $schema.record where access = 'DELAYED' and (level = 'FILE' or parent_id is null))`);
    await network.province$(ADMIN, 'mutation { snapshotYear(year: 2024) { year } }');

    const current = await statistics(ADMIN);
    const in2024 = await statistics(ADMIN, { year: 2024 });
    expect(in2024.year).toBe(2024);
    expect(in2024.totals).toEqual(await summedInSql(HOSTS.flat(), () => true));
    expect(in2024.coverage).toMatchObject({ contributed: 5, partial: false });
    expect(in2024.series.map((s: any) => s.year)).toEqual([2023, 2024]);
    const [y2023, y2024] = in2024.series;
    expect(y2023).toMatchObject({ archives: 5, holdingsGrowth: null, newlyOpened: null, newlyDigitised: null });
    expect(y2024).toMatchObject({ archives: 5, holdings: in2024.totals.holdings, holdingsGrowth: 0, newlyOpened: 1, newlyDigitised: 0 });
    expect(current.series).toEqual(in2024.series);

    // The public's series is the same: yearly figures are published ones.
    expect((await statistics(PUBLIC, { year: 2024 })).series).toEqual(in2024.series);

    const noSnapshot = await network.province$(ADMIN, STATISTICS, { year: 2001 });
    expect(noSnapshot.data!.statistics.coverage).toMatchObject({ contributed: 0, partial: true });
    expect(noSnapshot.errors!.every((e) => e.extensions?.code === 'ARCHIVE_UNAVAILABLE')).toBe(true);
  });

  // Last: it stops a host for the rest of the file.
  it('still answers with one archive host stopped: cached figures stay, a cold cache is partial, naming the archives', async () => {
    await statistics(ADMIN); // warm
    await network.stopHostOf('360200');

    const cached = await statistics(ADMIN);
    expect(cached.coverage).toMatchObject({ contributed: 5, partial: false });

    // A fresh province server has nothing cached: the stopped host's archives are missing.
    const cold = await buildProvinceServer({ orm: network.provinceOrm, secret: SECRET, log: () => undefined, shardTimeoutMs: 2000 });
    const port = await listen(cold.http, 0);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signIdentity(ADMIN, SECRET) },
        body: JSON.stringify({ query: STATISTICS }),
      });
      const answer = (await response.json()) as { data: any; errors?: { extensions?: Record<string, unknown> }[] };
      const result = answer.data.statistics;
      expect(result.coverage).toMatchObject({ archives: 5, contributed: 3, partial: true, unavailable: [{ id: '360200' }, { id: '360222' }] });
      expect(answer.errors!.map((e) => [e.extensions?.code, e.extensions?.archive])).toEqual([
        ['ARCHIVE_UNAVAILABLE', '360200'],
        ['ARCHIVE_UNAVAILABLE', '360222'],
      ]);
      expect(result.totals).toEqual(await summedInSql(NANCHANG, () => true));
    } finally {
      await close(cold.http);
      await cold.stop();
    }
  });
});
