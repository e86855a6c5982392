/** The names and units archivists use for the figures (全国档案事业统计年报). */
import { CATEGORY_TERMS } from '../../protocol/catalogue-terms.js';
import type { Measure } from './view-data.js';

export const PERIOD_NAMES = { BEFORE_1949: '1949年以前', SINCE_1949: '1949年以后' } as const;

export const TARGET_NAMES = {
  ADMINISTRATIVE_OPEN_RATE: '文书档案开放率',
  DIGITISATION_RATE: '数字化率',
  ITEM_LEVEL_CATALOGUE_RATE: '文件级目录率',
} as const;

export const MEASURE_NAMES: Record<Measure, string> = {
  OPEN_RATE: '开放率',
  DIGITISATION_RATE: '数字化率',
  ITEM_LEVEL_CATALOGUE_RATE: '文件级目录率',
  HOLDINGS: '馆藏档案（卷件）',
  OPEN: '开放档案（卷件）',
  DIGITISED: '已数字化（卷件）',
  VISITORS: '利用人次',
  ITEMS_PROVIDED: '利用卷件次',
};

export const RATE_MEASURES: ReadonlySet<Measure> = new Set(['OPEN_RATE', 'DIGITISATION_RATE', 'ITEM_LEVEL_CATALOGUE_RATE']);

/** 门类 as archivists write it; a code the terms do not know yet, as it is. */
export function categoryName(category: string): string {
  return Object.hasOwn(CATEGORY_TERMS, category) ? CATEGORY_TERMS[category as keyof typeof CATEGORY_TERMS] : category;
}

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** A count with its unit: 1,234 卷. */
export function count(value: number, unit = ''): string {
  return unit ? `${integer.format(value)} ${unit}` : integer.format(value);
}

/** A rate as a percentage with one decimal: 22.5%; — when undefined. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${decimal.format(value * 100)}%`;
}

/** Bytes in GB (10^9), as the annual report counts 数字化容量. */
export function gigabytes(bytes: number): string {
  return `${decimal.format(bytes / 1e9)} GB`;
}

/** A counter or rate of a ranking, with its unit. */
export function measureValue(measure: Measure, value: number | null | undefined): string {
  if (RATE_MEASURES.has(measure)) return percent(value);
  if (value === null || value === undefined) return '—';
  if (measure === 'VISITORS') return count(value, '人次');
  if (measure === 'ITEMS_PROVIDED') return count(value, '卷件次');
  return count(value, '卷件');
}

/**
 * What toLocaleString('zh-CN', { hour12: false }) writes (2026/12/5 08:00:03), from one
 * formatter: toLocaleString makes a formatter on every call, about a millisecond each in a
 * fresh page, and a province view writes 112 of them.
 */
const dateTime = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false });

/** An ISO timestamp as local date and time. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}
