/**
 * The routes an operator's tools call on every service, the same on the gateway, the province
 * and an archive host, added by the HTTP shell (protocol/http-shell.ts): Prometheus metrics
 * (GET /metrics, or on a port of their own with LANTAI_METRICS_PORT), liveness
 * (GET /health/live: the process answers) and readiness (GET /health/ready: what the service
 * needs answers, 503 otherwise), in the conventions of Kubernetes probes; and the watch over
 * every request that feeds the HTTP metrics and the request log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen, sendJson } from './http.js';
import type { HttpRoute } from './http-shell.js';
import type { RequestLog } from './logging.js';
import type { ServiceMetrics } from './metrics.js';

export interface Readiness {
  ready: boolean;
  /** What was checked, for the operator reading the answer. */
  checks: Record<string, unknown>;
}

export interface ServiceObservation {
  metrics: ServiceMetrics;
  /** Where each request's line goes; none when omitted. */
  requestLog?: RequestLog;
  /** Whether the service can answer requests now. */
  readiness(): Promise<Readiness>;
  /**
   * Whether /metrics is served on the service's own port (false when LANTAI_METRICS_PORT gives it a port of its own).
   * @default true
   */
  metricsOnServicePort?: boolean;
}

export async function sendMetrics(metrics: ServiceMetrics, response: ServerResponse): Promise<void> {
  const { contentType, body } = await metrics.text();
  response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** The routes /metrics, /health/live and /health/ready, for protocol/http-shell.ts. */
export function operationsRoutes(observation: ServiceObservation): HttpRoute[] {
  const { metrics } = observation;
  const routes: HttpRoute[] = [
    { path: '/health/live', methods: ['GET', 'HEAD'], handle: (_request, response) => sendJson(response, 200, { status: 'live', service: metrics.service }) },
    {
      path: '/health/ready',
      methods: ['GET', 'HEAD'],
      handle: (_request, response) =>
        observation.readiness().then(
          ({ ready, checks }) => sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: metrics.service, checks }),
          () => sendJson(response, 503, { status: 'not ready', service: metrics.service }),
        ),
    },
  ];
  if (observation.metricsOnServicePort !== false) {
    routes.push({ path: '/metrics', methods: ['GET', 'HEAD'], handle: (_request, response) => sendMetrics(metrics, response) });
  }
  return routes;
}

/**
 * Starts watching one request: when its response is done, its duration is observed by route
 * and, with a request log, written as one line.
 * The caller sets `route` to the route that
 * answered (a fixed path or a pattern's label, never the raw path); it stays `other` otherwise.
 */
export function watchRequest(observation: ServiceObservation, request: IncomingMessage, response: ServerResponse): { route: string } {
  const startedAt = process.hrtime.bigint();
  const watched = { route: 'other' };
  observation.requestLog?.begin(request);
  response.once('close', () => {
    observation.metrics.observeHttp(watched.route, request.method, startedAt, response.statusCode);
    observation.requestLog?.end(request, response, watched.route, Number(process.hrtime.bigint() - startedAt) / 1e6);
  });
  return watched;
}

/** Serves only /metrics on a port of its own (LANTAI_METRICS_PORT); resolves with the server and its port. */
export async function startMetricsServer(metrics: ServiceMetrics, port: number, host = '127.0.0.1'): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/metrics' && (request.method === 'GET' || request.method === 'HEAD')) {
      sendMetrics(metrics, response).catch(() => response.destroy());
      return;
    }
    sendJson(response, 404, { error: 'Metrics are at /metrics.' });
  });
  return { server, port: await listen(server, port, host) };
}

/** LANTAI_METRICS_PORT as a port number, or undefined when unset. */
export function metricsPortOf(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.LANTAI_METRICS_PORT;
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`LANTAI_METRICS_PORT must be a port number, not ${JSON.stringify(text)}.`);
  return port;
}

