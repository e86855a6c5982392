import { describe, expect, it } from 'vitest';
import { archiveNameOf, isRegionCode, loadRegionTree, provinceCodeOf, regionContains, regionLevelOf } from '../../protocol/regions.js';

describe('region tree from the GB/T 2260 data package', () => {
  it('gives Jiangxi its provincial archive, 11 cities and the county-level archives: 112 in all', () => {
    const regions = loadRegionTree('360000');
    expect(regions).toHaveLength(112);
    expect(regions[0]).toEqual({ code: '360000', name: '江西省', level: 'PROVINCE', parentCode: null });
    const cities = regions.filter((r) => r.level === 'CITY');
    expect(cities).toHaveLength(11);
    expect(cities.map((c) => c.name)).toContain('南昌市');
    const nanchangCounty = regions.find((r) => r.code === '360121');
    expect(nanchangCounty).toMatchObject({ name: '南昌县', level: 'COUNTY', parentCode: '360100' });
    expect(archiveNameOf(nanchangCounty!)).toBe('南昌县档案馆');
  });

  it('hangs every region under a parent that exists, with unique codes', () => {
    const regions = loadRegionTree('360000');
    const codes = new Set(regions.map((r) => r.code));
    expect(codes.size).toBe(regions.length);
    for (const region of regions.slice(1)) expect(codes.has(region.parentCode!)).toBe(true);
  });

  it('puts the counties of a municipality directly under it, without the 市辖区 placeholder', () => {
    const beijing = loadRegionTree('110000');
    expect(beijing.find((r) => r.name === '市辖区')).toBeUndefined();
    expect(beijing.find((r) => r.code === '110101')).toMatchObject({ parentCode: '110000', level: 'COUNTY' });
  });

  it('refuses a code that is not a province', () => {
    expect(() => loadRegionTree('360100')).toThrow(/not a province code/);
  });
});

describe('region code rules (GB/T 2260)', () => {
  it('knows which archives a region contains', () => {
    expect(regionContains('360000', '360731')).toBe(true);
    expect(regionContains('360100', '360102')).toBe(true);
    expect(regionContains('360100', '360200')).toBe(false);
    expect(regionContains('360102', '360102')).toBe(true);
    expect(regionContains('360102', '360103')).toBe(false);
  });

  it('reads the level and the province from the code alone', () => {
    expect(['360000', '360100', '360121'].map(regionLevelOf)).toEqual(['PROVINCE', 'CITY', 'COUNTY']);
    expect(provinceCodeOf('360121')).toBe('360000');
    expect(provinceCodeOf('110101')).toBe('110000');
  });

  it('accepts six digits not starting with 0 as a region code, and nothing else', () => {
    expect(['360000', '360121', '110101'].every(isRegionCode)).toBe(true);
    expect(['036012', '36012', '3601210', '36012x', ''].some(isRegionCode)).toBe(false);
  });
});
