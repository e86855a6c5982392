/**
 * The demo's past snapshots: last year's taken for real through snapshotYear, the years
 * before derived from it, so the statistics series shows a network that grows, opens and
 * digitises every year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countersYearsBefore, seedSnapshotHistory } from '../../seeds/snapshots.js';
import { COUNTER_NAMES } from '../../subgraphs/province/statistics/holdings-cache.js';
import { ADMIN, PUBLIC, SECRET, startCatalogueNetwork, type CatalogueNetwork } from '../province-search/catalogue-network.js';

const SERIES = `{ statistics { totals { holdings open } series { year archives holdings holdingsGrowth open newlyOpened digitised newlyDigitised } } }`;

let network: CatalogueNetwork;

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'provsnaphist', hosts: [['360100', '360121']] });
});

afterAll(async () => {
  await network?.teardown();
});

describe('snapshot history of the demo', () => {
  it('derives earlier counters that never exceed their whole: open within holdings, each smaller than the year after', () => {
    const counters = Object.fromEntries(COUNTER_NAMES.map((name) => [name, 1000])) as Record<(typeof COUNTER_NAMES)[number], number>;
    counters.openFiles = 990;
    const before = countersYearsBefore(counters, 1);
    const longBefore = countersYearsBefore(counters, 3);
    expect(before.openFiles).toBeLessThanOrEqual(before.files);
    for (const name of COUNTER_NAMES) {
      expect(before[name]).toBeLessThanOrEqual(counters[name]);
      expect(longBefore[name]).toBeLessThanOrEqual(before[name]);
    }
  });

  it('takes last year for real and adds the years before, once', async () => {
    const now = new Date();
    const lastYear = now.getUTCFullYear() - 1;
    const added = await seedSnapshotHistory({ databaseUrl: network.database.url, provinceUrl: network.provinceUrl, secret: SECRET, years: 4, now });
    expect(added).toEqual([lastYear - 3, lastYear - 2, lastYear - 1, lastYear]);
    expect(await seedSnapshotHistory({ databaseUrl: network.database.url, provinceUrl: network.provinceUrl, secret: SECRET, years: 4, now })).toEqual([]);

    const answer = await network.province$(ADMIN, SERIES);
    expect(answer.errors).toBeUndefined();
    const { totals, series } = answer.data!.statistics;
    expect(series.map((row: any) => row.year)).toEqual([lastYear - 3, lastYear - 2, lastYear - 1, lastYear]);
    expect(series.at(-1)).toMatchObject({ archives: 2, holdings: totals.holdings, open: totals.open });
    for (const row of series.slice(1)) {
      expect(row.holdingsGrowth).toBeGreaterThan(0);
      expect(row.newlyOpened).toBeGreaterThan(0);
      expect(row.newlyDigitised).toBeGreaterThanOrEqual(0);
    }

    // The public's series is the same: the yearly figures are published ones.
    expect((await network.province$(PUBLIC, SERIES)).data!.statistics.series).toEqual(series);
  });
});
