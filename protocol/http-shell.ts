/**
 * The HTTP shell every Lantai service answers in: its routes, `/health` (GET and HEAD), a
 * 404 in GraphQL's error form for any other path, and a fixed 500 for a request whose
 * handler fails, logged and never shown. The archive host, the province subgraph and the
 * gateway each give their own routes; a route every service needs (metrics, liveness and
 * readiness probes) is added here once, beside /health.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ErrorCode, INTERNAL_ERROR } from './errors.js';
import { sendJson } from './http.js';
import { operationsRoutes, watchRequest, type ServiceObservation } from './operations.js';
import { traceRequest, type ServerSpan } from './tracing.js';

export interface HttpRoute {
  /** An exact path, or a pattern whose match is handed to `handle`. */
  path: string | RegExp;
  /** The route's name in metrics and logs, for a pattern (e.g. `/archives/:code/graphql`); an exact path is its own. */
  label?: string;
  /**
   * The methods this route answers; a request with another method is tried on the next route.
   * @default every method
   */
  methods?: readonly string[];
  handle(request: IncomingMessage, response: ServerResponse, match: RegExpExecArray | null): void | Promise<void>;
}

export interface HttpShellOptions {
  routes: readonly HttpRoute[];
  /**
   * What `/health` says besides `status: "ok"` (the service's name, the archives it hosts).
   * @default nothing
   */
  health?: () => Record<string, unknown>;
  /**
   * Tried after the routes and before the 404, for pages a route table does not describe well
   * (the gateway's GraphiQL); true when it answered.
   */
  fallback?: (request: IncomingMessage, response: ServerResponse, path: string) => boolean;
  /** Where GraphQL is, said in the 404's message, e.g. "GraphQL is at /graphql." */
  whereGraphQLIs: string;
  /** Receives the error of a request that failed (it reaches the client as a fixed 500). */
  log(error: unknown): void;
  /** Metrics, request log and readiness: adds /metrics, /health/live and /health/ready and watches every request. */
  observation?: ServiceObservation;
}


/** The path of a request target; a target that is exactly a known path needs no URL built. */
function pathOf(target: string | undefined, routes: readonly HttpRoute[]): string {
  if (target !== undefined && routes.some((route) => route.path === target)) return target;
  return new URL(target ?? '/', 'http://localhost').pathname;
}

function matchOf(route: HttpRoute, path: string, method: string): RegExpExecArray | null | false {
  if (route.methods && !route.methods.includes(method)) return false;
  if (typeof route.path === 'string') return route.path === path ? null : false;
  return route.path.exec(path) ?? false;
}

export function createHttpShell(options: HttpShellOptions): Server {
  const health: HttpRoute = {
    path: '/health',
    methods: ['GET', 'HEAD'],
    handle: (_request, response) => sendJson(response, 200, { status: 'ok', ...options.health?.() }),
  };
  const routes = [health, ...(options.observation ? operationsRoutes(options.observation) : []), ...options.routes];
  const observation = options.observation;
  const failed = (response: ServerResponse) => (error: unknown) => {
    options.log(error);
    if (!response.headersSent) sendJson(response, 500, { errors: [INTERNAL_ERROR] });
    else response.destroy();
  };
  const serve = (request: IncomingMessage, response: ServerResponse, span: ServerSpan): void => {
    const watched = observation ? watchRequest(observation, request, response) : null;
    let path: string;
    try {
      path = pathOf(request.url, routes);
    } catch (error) {
      return failed(response)(error);
    }
    const method = request.method ?? 'GET';
    for (const route of routes) {
      const match = matchOf(route, path, method);
      if (match === false) continue;
      const name = typeof route.path === 'string' ? route.path : (route.label ?? 'other');
      if (watched) watched.route = name;
      span.route(name);
      try {
        const answer = route.handle(request, response, match);
        if (answer) answer.catch(failed(response));
      } catch (error) {
        failed(response)(error);
      }
      return;
    }
    try {
      if (options.fallback?.(request, response, path)) return;
    } catch (error) {
      return failed(response)(error);
    }
    sendJson(response, 404, {
      errors: [{ message: `Nothing at ${path.slice(0, 100)}; ${options.whereGraphQLIs}`, extensions: { code: ErrorCode.NOT_FOUND } }],
    });
  };
  return createServer((request, response) => traceRequest(request, response, serve));
}
