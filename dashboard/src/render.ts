/**
 * One view of the dashboard, drawn from one DashboardView answer: cards, rates against the
 * provincial targets, the region's children (a click drills down), categories and periods,
 * the yearly series, rankings, cross-region requests and coverage. Every chart has its table
 * beside it and a CSV download.
 */
import type { ECharts } from 'echarts/core';
import { draw, type ChartOption } from './charts.js';
import { categoryName, count, gigabytes, MEASURE_NAMES, measureValue, percent, PERIOD_NAMES, RATE_MEASURES, TARGET_NAMES, when } from './labels.js';
import { cell, csvOf, download, el, tableElement, type Table } from './table.js';
import type { Counters, Rates, ViewStatistics } from './view-data.js';
import type { ViewState } from './view-state.js';
import { RANK_MEASURES } from './view-state.js';

export interface RenderContext {
  view: ViewState;
  drill(region: string | null): void;
  rankBy(measure: ViewState['rankBy']): void;
  requestsForbidden: boolean;
}

let drawn: ECharts[] = [];

function card(title: string, figure: string, value: string, details: [string, string, string][] = []): HTMLElement {
  const node = el('article', undefined, { class: 'card', 'data-card': figure });
  node.append(el('h3', title), el('p', value, { class: 'figure', 'data-figure': figure }));
  if (details.length > 0) {
    const list = el('dl');
    for (const [name, key, text] of details) list.append(el('dt', name), el('dd', text, { 'data-figure': key }));
    node.append(list);
  }
  return node;
}

function figureSection(id: string, title: string, table: Table, option: ChartOption | null, ctx: RenderContext, onChart?: (chart: ECharts) => void): HTMLElement {
  const section = el('section', undefined, { class: 'figure-section', id, 'aria-labelledby': `${id}-title` });
  const header = el('header');
  header.append(el('h2', title, { id: `${id}-title` }));
  const csv = el('button', '下载 CSV', { type: 'button', class: 'csv', 'data-csv': id });
  csv.addEventListener('click', async () => download(`${id}.csv`, await csvOf(table), 'text/csv;charset=utf-8'));
  header.append(csv);
  section.append(header);
  const body = el('div', undefined, { class: option ? 'chart-and-table' : 'table-only' });
  if (option) {
    const chart = el('div', undefined, { class: 'chart', role: 'img', 'aria-label': `${title}（图表；数据见右侧表格）` });
    body.append(chart);
    // Drawn once the section is in the document, so the chart knows its size.
    queueMicrotask(() => {
      const instance = draw(chart, option);
      drawn.push(instance);
      onChart?.(instance);
    });
  }
  const wrapper = el('div', undefined, { class: 'table-wrapper' });
  wrapper.append(tableElement(table, (region) => ctx.drill(region)));
  body.append(wrapper);
  section.append(body);
  return section;
}

function cards(s: ViewStatistics, ctx: RenderContext): HTMLElement {
  const t = s.totals;
  const before = s.byPeriod.find((p) => p.period === 'BEFORE_1949')?.totals.holdings ?? 0;
  const since = s.byPeriod.find((p) => p.period === 'SINCE_1949')?.totals.holdings ?? 0;
  const grid = el('section', undefined, { class: 'cards', 'aria-label': '主要指标' });
  grid.append(
    card('馆藏档案', 'holdings', count(t.holdings, '卷件'), [
      ['案卷', 'files', count(t.files, '卷')],
      ['文件', 'items', count(t.items, '件')],
      ['1949年以前', 'before1949', count(before, '卷件')],
      ['1949年以后', 'since1949', count(since, '卷件')],
      ['全宗', 'fonds', count(t.fonds, '个')],
    ]),
    card('开放档案', 'open', count(t.open, '卷件'), [
      ['开放案卷', 'openFiles', count(t.openFiles, '卷')],
      ['开放文件', 'openItems', count(t.openItems, '件')],
      ['开放率', 'openRate', percent(s.rates.openRate)],
    ]),
    card('馆藏数字化', 'digitised', count(t.digitised, '卷件'), [
      ['数字化画幅', 'digitalPages', count(t.digitalPages, '画幅')],
      ['数字化容量', 'digitalBytes', gigabytes(t.digitalBytes)],
      ['数字化率', 'digitisationRate', percent(s.rates.digitisationRate)],
    ]),
    card('电子档案', 'electronic', count(t.electronic, '件')),
    card('档案利用', 'visitors', count(t.visitors, '人次'), [['利用卷件次', 'itemsProvided', count(t.itemsProvided, '卷件次')]]),
    card('展览', 'exhibitions', count(t.exhibitions, '个'), [['参观人次', 'exhibitionVisitors', count(t.exhibitionVisitors, '人次')]]),
    card('编研', 'compilations', count(t.compilations, '种'), [['字数', 'compilationCharacters', `${count(t.compilationCharacters / 10_000)} 万字`]]),
  );
  const requests = s.accessRequests;
  if (requests) {
    grid.append(
      card('异地查档', 'requestsReceived', count(requests.received, '件'), [
        ['办结', 'requestsFulfilled', count(requests.fulfilled, '件')],
        ['超期', 'requestsOverdue', count(requests.overdue, '件')],
        ['办结用时中位数', 'requestsMedian', requests.medianTurnaroundWorkingDays === null ? '—' : `${requests.medianTurnaroundWorkingDays} 个工作日`],
        ['办理时限', 'requestsDeadline', `${requests.deadlineWorkingDays} 个工作日`],
      ]),
    );
  } else if (ctx.requestsForbidden) {
    const node = card('异地查档', 'requestsReceived', '—');
    node.append(el('p', '异地查档统计仅对监管人员和管理员开放：请输入令牌。', { class: 'note' }));
    grid.append(node);
  }
  return grid;
}

function ratesTable(s: ViewStatistics): Table {
  const rows = s.targets.map((t) => [cell(TARGET_NAMES[t.target]), cell(percent(t.value), t.value), cell(percent(t.threshold), t.threshold), cell(t.met ? '达标' : '未达标')]);
  return { caption: '主要比率与规划目标', columns: ['指标', '实际', '目标', '是否达标'], rows: [...rows, [cell('开放率'), cell(percent(s.rates.openRate), s.rates.openRate), cell('—', null), cell('—', null)]] };
}

function ratesChart(s: ViewStatistics): ChartOption {
  const names = s.targets.map((t) => TARGET_NAMES[t.target]);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => percent(Number(v)) },
    legend: { data: ['实际', '目标'] },
    grid: { left: 110, right: 30, top: 30, bottom: 30 },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: names },
    series: [
      { name: '实际', type: 'bar', data: s.targets.map((t) => t.value ?? 0), label: { show: true, position: 'right', formatter: (p) => percent(Number(p.value)) } },
      { name: '目标', type: 'scatter', symbol: 'rect', symbolSize: [4, 28], data: s.targets.map((t) => t.threshold), itemStyle: { color: '#c0392b' } },
    ],
  };
}

type ChildRow = { code: string; name: string; drill: boolean; archives: number; totals: Counters; rates: Rates };

/** The region's children and its own archive (本级), whose figures are in no child. */
function childRows(s: ViewStatistics): ChildRow[] {
  const rows: ChildRow[] = s.byRegion.map((r) => ({ code: r.region.code, name: r.region.name, drill: true, archives: r.archives, totals: r.totals, rates: r.rates }));
  const own = s.archives.find((a) => a.archive.region?.code === s.region.code);
  if (own && rows.length > 0) rows.unshift({ code: own.archive.id, name: `${own.archive.name}（本级）`, drill: false, archives: 1, totals: own.totals, rates: own.rates });
  return rows;
}

function regionsTable(s: ViewStatistics, rows: ChildRow[]): Table {
  return {
    caption: `${s.region.name}下级地区`,
    columns: ['地区', '档案馆数', '馆藏档案（卷件）', '开放档案（卷件）', '开放率', '数字化率', '文件级目录率', '利用人次'],
    rows: rows.map((r) => [
      cell(r.name, r.name, r.drill ? r.code : undefined),
      cell(count(r.archives), r.archives),
      cell(count(r.totals.holdings), r.totals.holdings),
      cell(count(r.totals.open), r.totals.open),
      cell(percent(r.rates.openRate), r.rates.openRate),
      cell(percent(r.rates.digitisationRate), r.rates.digitisationRate),
      cell(percent(r.rates.itemLevelCatalogueRate), r.rates.itemLevelCatalogueRate),
      cell(count(r.totals.visitors), r.totals.visitors),
    ]),
  };
}

function regionsChart(rows: ChildRow[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['馆藏档案', '开放档案'] },
    grid: { left: 70, right: 20, top: 30, bottom: 70 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value', name: '卷件' },
    series: [
      { name: '馆藏档案', type: 'bar', data: rows.map((r) => r.totals.holdings), cursor: 'pointer' },
      { name: '开放档案', type: 'bar', data: rows.map((r) => r.totals.open), cursor: 'pointer' },
    ],
  };
}

function archivesTable(s: ViewStatistics): Table {
  return {
    caption: `${s.region.name}各档案馆`,
    columns: ['档案馆', '馆藏档案（卷件）', '开放档案（卷件）', '开放率', '已数字化（卷件）', '数字化率', '数据时间'],
    rows: s.archives.map((a) => [
      cell(a.archive.name, a.archive.name, a.archive.region?.code !== s.region.code ? a.archive.region?.code : undefined),
      cell(count(a.totals.holdings), a.totals.holdings),
      cell(count(a.totals.open), a.totals.open),
      cell(percent(a.rates.openRate), a.rates.openRate),
      cell(count(a.totals.digitised), a.totals.digitised),
      cell(percent(a.rates.digitisationRate), a.rates.digitisationRate),
      cell(when(a.asOf), a.asOf),
    ]),
  };
}

function categoryTable(s: ViewStatistics): Table {
  const periods = s.byPeriod.map((p) => [cell(PERIOD_NAMES[p.period]), cell(count(p.totals.files), p.totals.files), cell(count(p.totals.items), p.totals.items), cell(count(p.totals.holdings), p.totals.holdings), cell(count(p.totals.open), p.totals.open), cell('—', null)]);
  const categories = s.byCategory.map((c) => [cell(categoryName(c.category)), cell(count(c.totals.files), c.totals.files), cell(count(c.totals.items), c.totals.items), cell(count(c.totals.holdings), c.totals.holdings), cell(count(c.totals.open), c.totals.open), cell(percent(c.rates.openRate), c.rates.openRate)]);
  return { caption: '馆藏档案按年代与门类', columns: ['年代 / 门类', '卷', '件', '合计（卷件）', '开放（卷件）', '开放率'], rows: [...periods, ...categories] };
}

function categoryChart(s: ViewStatistics): ChartOption {
  return {
    tooltip: { formatter: (p: any) => `${p.name}：${count(p.value, '卷件')}` },
    series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, data: s.byCategory.map((c) => ({ name: categoryName(c.category), value: c.totals.holdings })) }],
  };
}

function seriesTable(s: ViewStatistics): Table {
  const change = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value >= 0 ? '+' : ''}${count(value)}`);
  return {
    caption: '逐年变化（年报快照）',
    columns: ['年度', '档案馆数', '馆藏档案（卷件）', '比上年增减', '开放档案（卷件）', '新开放', '已数字化（卷件）', '新数字化'],
    rows: s.series.map((y) => [
      cell(String(y.year), y.year),
      cell(count(y.archives), y.archives),
      cell(count(y.holdings), y.holdings),
      cell(change(y.holdingsGrowth), y.holdingsGrowth),
      cell(count(y.open), y.open),
      cell(change(y.newlyOpened), y.newlyOpened),
      cell(count(y.digitised), y.digitised),
      cell(change(y.newlyDigitised), y.newlyDigitised),
    ]),
  };
}

function seriesChart(s: ViewStatistics): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['馆藏档案', '开放档案', '已数字化'] },
    grid: { left: 80, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: s.series.map((y) => String(y.year)) },
    yAxis: { type: 'value', name: '卷件' },
    series: [
      { name: '馆藏档案', type: 'line', data: s.series.map((y) => y.holdings) },
      { name: '开放档案', type: 'line', data: s.series.map((y) => y.open) },
      { name: '已数字化', type: 'line', data: s.series.map((y) => y.digitised) },
    ],
  };
}

function rankingTable(s: ViewStatistics, ctx: RenderContext, which: 'best' | 'last'): Table {
  const rows = s[which];
  return {
    caption: `${MEASURE_NAMES[ctx.view.rankBy]}${which === 'best' ? '前列' : '后列'}`,
    columns: ['名次', '档案馆', MEASURE_NAMES[ctx.view.rankBy], '馆藏（卷件）'],
    rows: rows.map((r) => [cell(String(r.rank), r.rank), cell(r.archive.name), cell(measureValue(ctx.view.rankBy, r.value), r.value), cell(count(r.holdings), r.holdings)]),
  };
}

/** Smallest region (卷件) ranked by a rate, as the API's ranking of archives does. */
const RANKING_MIN_HOLDINGS = 100;

function regionValue(measure: ViewState['rankBy'], totals: Counters, rates: Rates): number | null {
  switch (measure) {
    case 'OPEN_RATE': return rates.openRate ?? null;
    case 'DIGITISATION_RATE': return rates.digitisationRate ?? null;
    case 'ITEM_LEVEL_CATALOGUE_RATE': return rates.itemLevelCatalogueRate ?? null;
    case 'HOLDINGS': return totals.holdings;
    case 'OPEN': return totals.open;
    case 'DIGITISED': return totals.digitised;
    case 'VISITORS': return totals.visitors;
    case 'ITEMS_PROVIDED': return totals.itemsProvided;
  }
}

/** The region's children by the ranking's measure, highest first; by a rate only those of the minimum size. */
function regionRankingTable(s: ViewStatistics, ctx: RenderContext): Table {
  const measure = ctx.view.rankBy;
  const ranked = s.byRegion
    .filter((r) => r.archives > 0 && (!RATE_MEASURES.has(measure) || r.totals.holdings >= RANKING_MIN_HOLDINGS))
    .map((r) => ({ region: r.region, holdings: r.totals.holdings, value: regionValue(measure, r.totals, r.rates) }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || (a.region.code < b.region.code ? -1 : 1));
  return {
    caption: `下级地区按${MEASURE_NAMES[measure]}排名`,
    columns: ['名次', '地区', MEASURE_NAMES[measure], '馆藏（卷件）'],
    rows: ranked.map((r, index) => [cell(String(index + 1), index + 1), cell(r.region.name, r.region.name, r.region.code), cell(measureValue(measure, r.value), r.value), cell(count(r.holdings), r.holdings)]),
  };
}

function rankings(s: ViewStatistics, ctx: RenderContext): HTMLElement {
  const section = el('section', undefined, { class: 'figure-section rankings', id: 'rankings', 'aria-labelledby': 'rankings-title' });
  const header = el('header');
  header.append(el('h2', '档案馆排名', { id: 'rankings-title' }));
  const label = el('label', '排名指标 ');
  const select = el('select', undefined, { name: 'rank' });
  for (const measure of RANK_MEASURES) {
    const option = el('option', MEASURE_NAMES[measure], { value: measure });
    option.selected = measure === ctx.view.rankBy;
    select.append(option);
  }
  select.addEventListener('change', () => ctx.rankBy(select.value as ViewState['rankBy']));
  label.append(select);
  header.append(label);
  section.append(header);
  section.append(el('p', `按比率排名时，馆藏不足 ${RANKING_MIN_HOLDINGS} 卷件的档案馆和地区不参加排名（比率无代表性）。`, { class: 'note' }));
  const pair = el('div', undefined, { class: 'ranking-pair' });
  for (const which of ['best', 'last'] as const) {
    const table = rankingTable(s, ctx, which);
    const wrapper = el('div', undefined, { class: 'table-wrapper' });
    const csv = el('button', `下载 CSV（${which === 'best' ? '前列' : '后列'}）`, { type: 'button', class: 'csv', 'data-csv': `ranking-${which}` });
    csv.addEventListener('click', async () => download(`ranking-${which}.csv`, await csvOf(table), 'text/csv;charset=utf-8'));
    wrapper.append(tableElement(table, (region) => ctx.drill(region)), csv);
    pair.append(wrapper);
  }
  section.append(pair);
  if (s.byRegion.length > 0) {
    const table = regionRankingTable(s, ctx);
    const wrapper = el('div', undefined, { class: 'table-wrapper region-ranking' });
    const csv = el('button', '下载 CSV（地区）', { type: 'button', class: 'csv', 'data-csv': 'ranking-regions' });
    csv.addEventListener('click', async () => download('ranking-regions.csv', await csvOf(table), 'text/csv;charset=utf-8'));
    wrapper.append(tableElement(table, (region) => ctx.drill(region)), csv);
    section.append(wrapper);
  }
  return section;
}

function requestsTable(s: ViewStatistics, rows: ChildRow[]): Table | null {
  const requests = s.accessRequests;
  if (!requests) return null;
  const byRegion = new Map(requests.byRegion.map((r) => [r.region.code, r]));
  return {
    caption: '异地查档（跨馆出证）',
    columns: ['地区', '受理', '办结', '超期'],
    rows: [
      [cell('合计'), cell(count(requests.received), requests.received), cell(count(requests.fulfilled), requests.fulfilled), cell(count(requests.overdue), requests.overdue)],
      ...rows
        .filter((r) => byRegion.has(r.code))
        .map((r) => {
          const counts = byRegion.get(r.code)!;
          return [cell(r.name, r.name, r.drill ? r.code : undefined), cell(count(counts.received), counts.received), cell(count(counts.fulfilled), counts.fulfilled), cell(count(counts.overdue), counts.overdue)];
        }),
    ],
  };
}

/** Replaces `main`'s content with the view of `s`. */
export function renderView(main: HTMLElement, s: ViewStatistics, ctx: RenderContext): void {
  for (const chart of drawn) chart.dispose();
  drawn = [];
  main.replaceChildren();
  main.append(cards(s, ctx));
  main.append(figureSection('rates', '主要比率与规划目标', ratesTable(s), ratesChart(s), ctx));
  const rows = childRows(s);
  if (s.byRegion.length > 0) {
    main.append(
      figureSection('regions', `${s.region.name}各地区（点击下钻）`, regionsTable(s, rows), regionsChart(rows), ctx, (chart) => {
        chart.on('click', (event) => {
          const row = rows[event.dataIndex];
          if (row?.drill) ctx.drill(row.code);
        });
      }),
    );
  }
  main.append(figureSection('archives', '各档案馆', archivesTable(s), null, ctx));
  main.append(figureSection('categories', '馆藏档案按年代与门类', categoryTable(s), categoryChart(s), ctx));
  if (s.series.length > 0) main.append(figureSection('series', '逐年变化', seriesTable(s), seriesChart(s), ctx));
  main.append(rankings(s, ctx));
  const requests = requestsTable(s, rows);
  if (requests) main.append(figureSection('requests', '异地查档', requests, null, ctx));
}
