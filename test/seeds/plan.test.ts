import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seeds/catalogue.js';
import { parseScale, planNetwork, plannedHoldings, PROVINCE_SCALE_HOLDINGS } from '../../seeds/plan.js';
import { loadRegionTree } from '../../protocol/regions.js';

const jiangxi = loadRegionTree('360000');

function holdingsOf(plans: ReturnType<typeof planNetwork>, level: string): number[] {
  return plans.filter((p) => p.region.level === level).map((p) => p.holdings);
}

describe('sizes of the demo network', () => {
  it('plans the province scale at about 6.33 million files and items across Jiangxi, without generating them', () => {
    const plans = planNetwork(jiangxi, 'province', 1);
    expect(plans).toHaveLength(112);
    expect(Math.abs(plannedHoldings(plans) - 6_330_000)).toBeLessThan(6_330_000 * 0.005);
  });

  it('sizes archives by level: the provincial archive largest, cities next, counties smallest, with spread', () => {
    const plans = planNetwork(jiangxi, 'province', 1);
    const [province] = holdingsOf(plans, 'PROVINCE');
    const cities = holdingsOf(plans, 'CITY');
    const counties = holdingsOf(plans, 'COUNTY');
    expect(cities).toHaveLength(11);
    expect(counties).toHaveLength(100);
    expect(province).toBeGreaterThan(Math.max(...cities));
    expect(Math.min(...cities)).toBeGreaterThan(Math.max(...counties));
    expect(new Set(counties).size).toBeGreaterThan(90);
    const countyMean = counties.reduce((s, n) => s + n, 0) / counties.length;
    expect(countyMean).toBeCloseTo(PROVINCE_SCALE_HOLDINGS.COUNTY, -1);
  });

  it('plans the small scale at one hundredth: about 63 thousand holdings, each archive at a hundredth of its province size', () => {
    const small = planNetwork(jiangxi, 'small', 1);
    const full = planNetwork(jiangxi, 'province', 1);
    expect(Math.abs(plannedHoldings(small) - 63_300)).toBeLessThan(300);
    small.forEach((plan, i) => expect(Math.abs(plan.holdings - full[i].holdings / 100)).toBeLessThanOrEqual(1));
    expect(holdingsOf(small, 'PROVINCE')).toEqual([7000]);
  });

  it('gives an archive the same size for the same seed, and another for another seed', () => {
    const whole = planNetwork(jiangxi, 'small', 1).find((p) => p.region.code === '360121');
    const again = planNetwork(jiangxi, 'small', 1).find((p) => p.region.code === '360121');
    expect(whole).toEqual(again);
    expect(planNetwork(jiangxi, 'small', 2).find((p) => p.region.code === '360121')!.holdings).not.toBe(whole!.holdings);
  });

  it('generates exactly the planned holdings: files and standalone items, items inside files on top', () => {
    const plan = planNetwork(jiangxi, 'small', 1).find((p) => p.region.code === '360100')!;
    let holdings = 0;
    let entries = 0;
    for (const chunk of generateCatalogue(plan, 1).chunks()) {
      entries += chunk.records.length;
      holdings += chunk.records.filter((r) => r.parentId === null).length;
    }
    expect(holdings).toBe(plan.holdings);
    expect(entries).toBeGreaterThan(holdings);
  });

  it('accepts a numeric scale factor and refuses nonsense', () => {
    expect(parseScale('small')).toBe('small');
    expect(parseScale('0.001')).toBe(0.001);
    expect(() => parseScale('huge')).toThrow(/Unknown scale/);
    expect(() => parseScale('-1')).toThrow(/Unknown scale/);
    const tiny = planNetwork(jiangxi, 0.0001, 1);
    expect(Math.min(...tiny.map((p) => p.holdings))).toBeGreaterThanOrEqual(20);
  });
});
