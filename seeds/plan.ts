/**
 * How big each archive of the demo network is. Holdings (馆藏) are counted as the national
 * annual report counts them: files (卷) plus standalone items (件); items inside files are
 * extra catalogue entries (卷内文件目录) on top of that.
 *
 * At `province` scale the archives of a province are sized by level, each with its own spread,
 * so that Jiangxi (1 provincial, 11 city and 100 county-level archives) holds about 6.33 million
 * files and items in all, as in the reference figures. `small` is one hundredth of that.
 */
import { Random } from './random.js';
import type { Region, RegionLevel } from '../protocol/regions.js';

/** `small` (tests and the demo), `province` (the full network), or a factor of the province scale. */
export type Scale = 'small' | 'province' | number;

/** Mean holdings (files and standalone items) of one archive at `province` scale, by level. */
export const PROVINCE_SCALE_HOLDINGS: Readonly<Record<RegionLevel, number>> = {
  PROVINCE: 700_000,
  CITY: 200_000,
  COUNTY: 34_300,
};

/** No archive is planned with fewer holdings than this, however small the scale. */
export const MIN_HOLDINGS = 20;

/** How far one archive may be from its level's mean (±). */
const SPREAD = 0.4;

export interface ArchivePlan {
  region: Region;
  /** Files (卷) plus standalone items (件) to generate. */
  holdings: number;
}

export function scaleFactorOf(scale: Scale): number {
  if (scale === 'small') return 0.01;
  if (scale === 'province') return 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new Error(`Scale must be "small", "province" or a positive number, not ${String(scale)}.`);
  }
  return scale;
}

/** Parses a scale given on a command line: `small`, `province` or a positive number. */
export function parseScale(text: string): Scale {
  if (text === 'small' || text === 'province') return text;
  const factor = Number(text);
  if (text.trim() === '' || !Number.isFinite(factor) || factor <= 0) {
    throw new Error(`Unknown scale "${text}": use small, province or a positive number (a factor of the province scale).`);
  }
  return factor;
}

/**
 * Holdings planned for every archive of a region tree. The spread of each level is centred so
 * that the level's archives add up to its mean times their number: plan the whole tree, then
 * pick the archives to seed, so an archive's size never depends on which others are seeded.
 */
export function planNetwork(regions: readonly Region[], scale: Scale, seed: number): ArchivePlan[] {
  const factor = scaleFactorOf(scale);
  const spreads = regions.map((r) => new Random(seed, 'size', r.code).between(1 - SPREAD, 1 + SPREAD));
  const meanSpread = new Map<RegionLevel, number>();
  for (const level of ['PROVINCE', 'CITY', 'COUNTY'] as const) {
    const ofLevel = spreads.filter((_, i) => regions[i].level === level);
    if (ofLevel.length > 0) meanSpread.set(level, ofLevel.reduce((s, x) => s + x, 0) / ofLevel.length);
  }
  return regions.map((region, i) => {
    const spread = spreads[i] / meanSpread.get(region.level)!;
    const holdings = Math.round(PROVINCE_SCALE_HOLDINGS[region.level] * spread * factor);
    return { region, holdings: Math.max(MIN_HOLDINGS, holdings) };
  });
}

export function plannedHoldings(plans: readonly ArchivePlan[]): number {
  return plans.reduce((sum, p) => sum + p.holdings, 0);
}
