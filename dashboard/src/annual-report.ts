/**
 * 年报 export: the chosen region's figures as an XLSX laid out like the holdings and use
 * tables of the national annual report (全国档案事业统计年报), one row per reporting unit (each
 * child region, and the region's own archive as 本级) and a 合计 row, with the report's
 * indicator names and units in the header. Loaded only when asked for: ExcelJS is large.
 */
import { categoryName, PERIOD_NAMES } from './labels.js';
import type { Counters, ViewStatistics } from './view-data.js';

interface Unit {
  name: string;
  code: string;
  totals: Counters;
}

/** The reporting units of the region: its children and its own archive, or its archives for a county. */
function unitsOf(s: ViewStatistics): Unit[] {
  if (s.byRegion.length === 0) return s.archives.map((a) => ({ name: a.archive.name, code: a.archive.id, totals: a.totals }));
  const own = s.archives.filter((a) => a.archive.region?.code === s.region.code).map((a) => ({ name: `${a.archive.name}（本级）`, code: a.archive.id, totals: a.totals }));
  return [...own, ...s.byRegion.map((r) => ({ name: r.region.name, code: r.region.code, totals: r.totals }))];
}

// Two column tables of the annual report (馆藏 and 利用): data in the same shape, one row per column.
export const HOLDINGS_COLUMNS: [string, string, (c: Counters) => number][] = [
  ['全宗', '个', (c) => c.fonds],
  ['馆藏档案 案卷', '卷', (c) => c.files],
  ['馆藏档案 文件', '件', (c) => c.items],
  ['馆藏档案 合计', '卷件', (c) => c.holdings],
  ['开放档案 案卷', '卷', (c) => c.openFiles],
  ['开放档案 文件', '件', (c) => c.openItems],
  ['开放档案 合计', '卷件', (c) => c.open],
  ['文件级目录', '卷件', (c) => c.itemLevelCatalogued],
  ['馆藏档案数字化', '卷件', (c) => c.digitised],
  ['数字化画幅', '画幅', (c) => c.digitalPages],
  ['数字化容量', 'GB', (c) => Math.round((c.digitalBytes / 1e9) * 100) / 100],
  ['电子档案', '件', (c) => c.electronic],
];

export const USE_COLUMNS: [string, string, (c: Counters) => number][] = [
  ['利用人次', '人次', (c) => c.visitors],
  ['利用档案', '卷件次', (c) => c.itemsProvided],
  ['举办展览', '个', (c) => c.exhibitions],
  ['展览参观', '人次', (c) => c.exhibitionVisitors],
  ['编研成果', '种', (c) => c.compilations],
  ['编研字数', '万字', (c) => Math.round(c.compilationCharacters / 100) / 100],
];

export async function annualReportWorkbook(s: ViewStatistics): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '兰台 Lantai';
  workbook.created = s.coverage.asOf ? new Date(s.coverage.asOf) : new Date();
  const units = unitsOf(s);
  const title = `${s.region.name}（${s.region.code}）`;
  const asOf = s.coverage.asOf ?? '';

  const table = (name: string, heading: string, columns: typeof HOLDINGS_COLUMNS) => {
    const sheet = workbook.addWorksheet(name, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
    sheet.addRow([`${title} ${heading}`]);
    sheet.addRow([`统计时间：${asOf}；统计范围：${s.coverage.contributed}/${s.coverage.archives} 个档案馆${s.coverage.partial ? '（数字不完整）' : ''}`]);
    sheet.addRow(['单位名称', '代码', ...columns.map(([indicator]) => indicator)]);
    sheet.addRow(['', '', ...columns.map(([, unit]) => `（${unit}）`)]);
    for (const unit of units) sheet.addRow([unit.name, unit.code, ...columns.map(([, , value]) => value(unit.totals))]);
    sheet.addRow(['合计', s.region.code, ...columns.map(([, , value]) => value(s.totals))]);
    sheet.getRow(3).font = { bold: true };
    sheet.getColumn(1).width = 26;
    for (let column = 3; column <= columns.length + 2; column++) sheet.getColumn(column).width = 14;
    return sheet;
  };
  table('馆藏档案', '档案馆馆藏档案情况', HOLDINGS_COLUMNS);
  table('档案利用', '档案馆档案利用情况', USE_COLUMNS);

  const breakdown = workbook.addWorksheet('按年代与门类', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  breakdown.addRow([`${title} 馆藏档案按年代与门类`]);
  breakdown.addRow(['年代 / 门类', '案卷（卷）', '文件（件）', '合计（卷件）', '开放（卷件）']);
  for (const p of s.byPeriod) breakdown.addRow([PERIOD_NAMES[p.period], p.totals.files, p.totals.items, p.totals.holdings, p.totals.open]);
  for (const c of s.byCategory) breakdown.addRow([categoryName(c.category), c.totals.files, c.totals.items, c.totals.holdings, c.totals.open]);
  breakdown.getRow(2).font = { bold: true };
  breakdown.getColumn(1).width = 16;

  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
