/**
 * 兰台 provincial dashboard: one query per view (DashboardView), refreshed every minute (or
 * `?refresh=` seconds), drill-down kept in the URL, a token pasted once and kept for the
 * session only (sessionStorage). When the province does not answer, the last figures stay,
 * marked stale, and the page says so in words.
 */
import { fetchView, FiguresUnavailable, TokenRefused, type ViewAnswer } from './api.js';
import { TOKEN_KEY } from './first-view.js';
import { when } from './labels.js';
import { renderView } from './render.js';
import { download, el } from './table.js';
import { refreshSeconds, urlOf, viewFromUrl, type ViewState } from './view-state.js';

const main = document.getElementById('view')!;
const status = document.getElementById('status')!;
const role = document.getElementById('role')!;
const coverage = document.getElementById('coverage')!;
const breadcrumb = document.getElementById('breadcrumb')!;
const heading = document.getElementById('region-name')!;

let view: ViewState = viewFromUrl(new URL(location.href));
let last: ViewAnswer | null = null;
let lastRegion: string | null | undefined;
let loading: Promise<void> | null = null;
let generation = 0;

function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

function say(text: string, state: 'loading' | 'fresh' | 'stale' | 'error'): void {
  status.textContent = text;
  status.dataset.state = state;
  document.body.dataset.state = state;
}

function describeRole(answer: ViewAnswer): void {
  const claims = roleOfToken(token());
  role.textContent = claims
    ? `当前身份：${claims}。`
    : '公众视图（未登录）：馆藏、开放、数字化与利用的汇总数字与各角色相同（年报口径）；异地查档统计需监管人员或管理员令牌。';
  role.dataset.role = claims ? 'signed-in' : 'public';
  if (answer.requestsForbidden && claims) role.textContent += '该令牌无权查看本地区的异地查档统计。';
}

/** The role named in a JWT's payload, for the page to say whom it shows figures for (not verified here: the gateway does that). */
function roleOfToken(value: string | null): string | null {
  if (!value) return null;
  try {
    const payload = JSON.parse(atob(value.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: string; region?: string; archive?: string };
    const names: Record<string, string> = { supervisor: '监管人员', admin: '管理员', archivist: '档案馆工作人员', public: '公众' };
    return `${names[payload.role ?? ''] ?? payload.role ?? '未知'}${payload.region ? `（${payload.region}）` : payload.archive ? `（${payload.archive}）` : ''}`;
  } catch {
    return '令牌';
  }
}

function describeCoverage(answer: ViewAnswer): void {
  const c = answer.statistics.coverage;
  coverage.replaceChildren();
  const whole = !c.partial && c.unavailable.length === 0;
  coverage.dataset.partial = String(!whole);
  coverage.append(el('span', `统计范围：${c.contributed} / ${c.archives} 个档案馆；数据时间：${when(c.asOf)}。`, { 'data-coverage': 'summary' }));
  if (c.unavailable.length > 0) {
    coverage.append(el('strong', `数字不完整：${c.unavailable.map((a) => a.name).join('、')} 未响应，未计入。`, { 'data-coverage': 'unavailable' }));
  } else if (c.partial) {
    coverage.append(el('strong', '数字不完整：部分档案馆未响应刷新，使用其上次的数字。', { 'data-coverage': 'partial' }));
  }
  if (c.stale.length > 0) coverage.append(el('span', `正在刷新：${c.stale.map((a) => a.name).join('、')}。`));
}

function describeRegion(answer: ViewAnswer): void {
  const region = answer.statistics.region;
  heading.textContent = region.name;
  document.title = `兰台 · ${region.name}档案事业统计`;
  const trail = [region.parent?.parent, region.parent, region].filter((r): r is NonNullable<typeof r> => Boolean(r));
  breadcrumb.replaceChildren();
  for (const [index, step] of trail.entries()) {
    if (index > 0) breadcrumb.append(' › ');
    if (index === trail.length - 1) {
      breadcrumb.append(el('span', step.name, { 'aria-current': 'page' }));
    } else {
      const link = el('a', step.name, { href: index === 0 && !region.parent?.parent && !step.code ? '?' : `?region=${step.code}`, 'data-region': step.code });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        go({ ...view, region: step.code });
      });
      breadcrumb.append(link);
    }
  }
}

async function load(): Promise<void> {
  const mine = ++generation;
  const asked = { ...view };
  say(last ? '正在刷新…' : '正在读取数字…', 'loading');
  try {
    const answer = await fetchView(asked.region, asked.rankBy, token());
    if (mine !== generation) return;
    last = answer;
    lastRegion = asked.region;
    describeRegion(answer);
    describeRole(answer);
    describeCoverage(answer);
    renderView(main, answer.statistics, {
      view: asked,
      drill: (region) => go({ ...view, region }),
      rankBy: (rankBy) => go({ ...view, rankBy }),
      requestsForbidden: answer.requestsForbidden,
    });
    say(`数据时间：${when(answer.statistics.coverage.asOf)}（每 ${refreshSeconds(new URL(location.href))} 秒自动刷新）`, 'fresh');
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof TokenRefused) {
      sessionStorage.removeItem(TOKEN_KEY);
      say('令牌无效或已过期，已退回公众视图。', 'error');
      return load();
    }
    const reason = error instanceof FiguresUnavailable ? error.message : '读取失败';
    if (last && lastRegion === asked.region) {
      say(`${reason}：以下仍是 ${when(last.statistics.coverage.asOf)} 的数字，已过期，将自动重试。`, 'stale');
    } else {
      main.replaceChildren(el('p', `${reason}，暂时没有可显示的数字；页面将自动重试。`, { class: 'empty' }));
      say(`${reason}：暂无数字，将自动重试。`, 'error');
    }
  }
}

function refresh(): Promise<void> {
  loading ??= load().finally(() => {
    loading = null;
  });
  return loading;
}

function go(next: ViewState): void {
  view = next;
  history.pushState(null, '', urlOf(view, new URL(location.href)));
  void load();
}

window.addEventListener('popstate', () => {
  view = viewFromUrl(new URL(location.href));
  void load();
});

document.getElementById('refresh')!.addEventListener('click', () => void refresh());
document.getElementById('print')!.addEventListener('click', () => print());
document.getElementById('export')!.addEventListener('click', async () => {
  if (!last) return;
  const statistics = last.statistics;
  const { annualReportWorkbook } = await import('./annual-report.js');
  const bytes = await annualReportWorkbook(statistics);
  download(`年报-${statistics.region.name}-${statistics.region.code}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

const tokenForm = document.getElementById('token-form') as HTMLFormElement;
tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = tokenForm.elements.namedItem('token') as HTMLInputElement;
  const value = input.value.trim();
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
  input.value = '';
  void load();
});
document.getElementById('sign-out')!.addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  void load();
});

setInterval(() => void refresh(), refreshSeconds(new URL(location.href)) * 1000);
void load();
