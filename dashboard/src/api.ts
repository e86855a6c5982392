/**
 * The dashboard's GraphQL transport: a POST of one operation document to the gateway that
 * served the page, with the session's token when one was given. The typed client (client/)
 * replaces it when it lands; the documents in dashboard/operations stay as they are.
 */
import viewDocument from '../operations/DashboardView.graphql';
import type { DashboardViewData, Measure } from './view-data.js';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; archive?: string };
}

export interface Answer<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** The province (or the gateway) did not answer: the page keeps its last figures. */
export class FiguresUnavailable extends Error {}

/** The gateway refused the token (401): it is forgotten and the page asks for another. */
export class TokenRefused extends Error {}

export const GRAPHQL_URL = new URL('../graphql', location.href).toString();

async function post<T>(document: string, variables: Record<string, unknown>, token: string | null): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document, variables }),
    });
  } catch {
    throw new FiguresUnavailable('网关无法连接');
  }
  if (response.status === 401) throw new TokenRefused('令牌无效或已过期');
  if (!response.ok && response.status !== 200) throw new FiguresUnavailable(`网关返回 HTTP ${response.status}`);
  try {
    return (await response.json()) as Answer<T>;
  } catch {
    throw new FiguresUnavailable('网关的回答无法读取');
  }
}

export interface ViewAnswer {
  data: DashboardViewData & { statistics: NonNullable<DashboardViewData['statistics']> };
  /** Whether the request counts were refused to this caller (the public). */
  requestsForbidden: boolean;
  /** Archives named in ARCHIVE_UNAVAILABLE errors. */
  unavailableArchives: string[];
}

/** One view's figures: the statistics of `region` (the province when null). */
export async function fetchView(region: string | null, rankBy: Measure, token: string | null): Promise<ViewAnswer> {
  const answer = await post<DashboardViewData>(viewDocument, { region, rankBy }, token);
  const errors = answer.errors ?? [];
  const statistics = answer.data?.statistics;
  if (!statistics) {
    const reason = errors.find((e) => e.extensions?.code === 'PROVINCE_UNAVAILABLE') ? '省级服务未响应' : (errors[0]?.message ?? '没有数据');
    throw new FiguresUnavailable(reason);
  }
  return {
    data: { statistics },
    requestsForbidden: errors.some((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.includes('accessRequests')),
    unavailableArchives: errors.filter((e) => e.extensions?.code === 'ARCHIVE_UNAVAILABLE').map((e) => e.extensions!.archive!).filter(Boolean),
  };
}
