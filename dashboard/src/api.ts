/**
 * The dashboard's one read: DashboardView (dashboard/operations), through the typed client
 * (lantai/client), which sends it by its trusted-document id to the gateway that served the
 * page, with the session's token when one was given.
 */
import { createClient, DashboardViewDocument, type LantaiClient } from '../../client/index.js';
import { fetchTakingFirstView, GRAPHQL_URL } from './first-view.js';
import type { Measure, ViewStatistics } from './view-data.js';

/** The province (or the gateway) did not answer: the page keeps its last figures. */
export class FiguresUnavailable extends Error {}

/** The gateway refused the token (401): it is forgotten and the page asks for another. */
export class TokenRefused extends Error {}

const clients = new Map<string, LantaiClient>();

function clientFor(token: string | null): LantaiClient {
  const key = token ?? '';
  let client = clients.get(key);
  if (!client) {
    client = createClient({ url: GRAPHQL_URL, fetch: fetchTakingFirstView, ...(token ? { token } : {}) });
    clients.clear();
    clients.set(key, client);
  }
  return client;
}

export interface ViewAnswer {
  statistics: ViewStatistics;
  /** Whether the request counts were refused to this caller (the public). */
  requestsForbidden: boolean;
}

/** One view's figures: the statistics of `region` (the province when null). */
export async function fetchView(region: string | null, rankBy: Measure, token: string | null): Promise<ViewAnswer> {
  const { data, errors } = await clientFor(token).request(DashboardViewDocument, { region, rankBy });
  if (errors.some((e) => e.code === 'UNAUTHENTICATED')) throw new TokenRefused('令牌无效或已过期');
  const statistics = data?.statistics;
  if (!statistics) {
    const reason = errors.some((e) => e.code === 'PROVINCE_UNAVAILABLE')
      ? '省级服务未响应'
      : errors.some((e) => e.code === 'NETWORK_ERROR')
        ? '网关无法连接'
        : errors.some((e) => e.code === 'RATE_LIMITED')
          ? '请求过于频繁'
          : '没有取得数字';
    throw new FiguresUnavailable(reason);
  }
  return {
    statistics,
    requestsForbidden: errors.some((e) => e.code === 'FORBIDDEN' && e.path?.includes('accessRequests')),
  };
}
