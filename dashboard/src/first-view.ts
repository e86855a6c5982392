/**
 * The first view's query, sent before the dashboard's bundle has loaded. boot.js, a small
 * classic script the page runs before its module, sends DashboardView for the view in the URL
 * by its trusted-document id, exactly as the typed client would send it (a POST: the gateway
 * refuses GET without a preflight header); the client's first request for the same view, with
 * the same token, takes that answer instead of sending its own. So the gateway works on the
 * query while the browser fetches and compiles the bundle, instead of after.
 */
import { viewFromUrl } from './view-state.js';

/** The trusted-document id of DashboardView, which build.ts reads from the manifest. */
declare const DASHBOARD_VIEW_ID: string;

export const TOKEN_KEY = 'lantai-dashboard-token';

export const GRAPHQL_URL = new URL('../graphql', location.href).toString();

/** The Accept header urql's fetch exchange sends with a query: the answer then has the same form. */
const ACCEPT = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';

interface FirstView {
  key: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    lantaiFirstView?: FirstView;
  }
}

/** What makes two requests the same query: where it goes, whose token, which document, which variables. */
function requestKey(url: string, init: RequestInit | undefined): string | null {
  if (init?.method !== 'POST' || typeof init.body !== 'string') return null;
  let body: { operationName?: unknown; query?: unknown; variables?: Record<string, unknown>; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  try {
    body = JSON.parse(init.body) as typeof body;
  } catch {
    return null;
  }
  const variables = Object.entries(body.variables ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const authorization = new Headers(init.headers).get('authorization');
  return JSON.stringify([url, authorization, body.operationName, body.query ?? null, body.extensions?.persistedQuery?.sha256Hash ?? null, variables]);
}

/** Sends the query of the view the page opens with (boot.js). */
export function sendFirstView(): void {
  const view = viewFromUrl(new URL(location.href));
  const token = sessionStorage.getItem(TOKEN_KEY);
  const init: RequestInit = {
    method: 'POST',
    headers: { accept: ACCEPT, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({
      operationName: 'DashboardView',
      variables: { region: view.region, rankBy: view.rankBy },
      extensions: { persistedQuery: { version: 1, sha256Hash: DASHBOARD_VIEW_ID } },
    }),
  };
  const response = fetch(GRAPHQL_URL, init);
  // Whoever takes the answer sees a failure; nobody taking it is no error.
  response.catch(() => undefined);
  window.lantaiFirstView = { key: requestKey(GRAPHQL_URL, init)!, response };
}

/** A fetch that answers the first request for the view boot.js sent with its answer, once, and sends every other. */
export function fetchTakingFirstView(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const first = window.lantaiFirstView;
  if (first && typeof input === 'string' && requestKey(input, init) === first.key) {
    window.lantaiFirstView = undefined;
    return first.response;
  }
  return fetch(input, init);
}
