/**
 * Builds the provincial gateway: Apollo Server 5 with @apollo/gateway over the committed
 * supergraph, the shard router for `archive`, the signed province data source, JWT
 * verification, and the routes around GraphQL (/health, /ready, GraphiQL, the dashboard).
 * Nothing here listens or starts a timer until the caller does: index.ts listens, tests bind
 * port 0.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ErrorCode, ServiceErrorCode } from '../protocol/errors.js';
import { EXPORT_GATEWAY_PATH, OAI_GATEWAY_PATH, serveArchiveResource } from './archive-resources.js';
import { graphqlHttpHandler, sendJson } from '../protocol/http.js';
import { createHttpShell } from '../protocol/http-shell.js';
import type { Identity } from '../protocol/identity.js';
import type { RequestLog } from '../protocol/logging.js';
import { ServiceMetrics } from '../protocol/metrics.js';
import { operationSpanPlugin } from '../protocol/tracing.js';
import { redactSecrets } from '../protocol/redaction.js';
import { DEFAULT_SHARD_TIMEOUT_MS, ShardClient } from '../protocol/shard-client.js';
import { DEMO_JWT_SECRET, createCallerVerifier, type JwtKeySource } from './caller.js';
import { DEFAULT_UPLOAD_TIMEOUT_MS, forwardCatalogueUpload, GATEWAY_UPLOAD_PATH } from './catalogue-upload.js';
import { breakerStateGauge, CircuitBreakers, graphqlHostProbe, type CircuitBreakerOptions } from '../protocol/circuit-breaker.js';
import { formatGatewayError, hostsOf } from './client-errors.js';
import { DASHBOARD_PATH, dashboardPages, type DashboardPages } from './dashboard.js';
import { serveGraphiQL } from './graphiql.js';
import { DEFAULT_GATEWAY_BODY_BYTES, DEFAULT_QUERY_LIMITS, introspectionPolicy, queryLimitSetup, type QueryLimits } from './limits.js';
import { finiteNumberLiterals, operationChecks } from './operation-checks.js';
import { ProvinceSource } from './province-source.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, callerKey, rateLimitedRequest, type RateLimitOptions } from './rate-limit.js';
import { ShardProbe } from './readiness.js';
import { ShardDirectory } from './shard-directory.js';
import { shardCallMetrics } from './shard-metrics.js';
import { ShardRouter, rootFieldRouting, type GatewayContext } from './shard-router.js';
import { TrustedDocuments, type TrustedDocumentsOptions } from './trusted-documents.js';

export const GRAPHQL_PATH = '/graphql';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** The province subgraph's GraphQL URL (LANTAI_PROVINCE_URL). */
  provinceUrl: string;
  /** Secret that signs the caller's identity to every subgraph (LANTAI_SUBGRAPH_SECRET). */
  subgraphSecret: string;
  /**
   * How client JWTs are verified (LANTAI_JWT_SECRET, LANTAI_JWT_PUBLIC_KEY_FILE or LANTAI_JWKS_FILE).
   * @default HS256 with DEMO_JWT_SECRET
   */
  jwt?: JwtKeySource;
  /**
   * Per-shard timeout in milliseconds (LANTAI_SHARD_TIMEOUT_MS).
   * @default DEFAULT_SHARD_TIMEOUT_MS (2000)
   */
  shardTimeoutMs?: number;
  /**
   * Timeout of a call to the province subgraph in milliseconds; it covers the province's own
   * scatter-gather to the shards.
   * @default 10000
   */
  provinceTimeoutMs?: number;
  /**
   * Interval of the shard directory refresh in milliseconds (LANTAI_DIRECTORY_REFRESH_MS).
   * @default 15000
   */
  directoryRefreshMs?: number;
  /**
   * Least time between two directory refreshes caused by unknown archive codes, in milliseconds.
   * @default 1000
   */
  unknownArchiveRefreshMs?: number;
  /**
   * Circuit breaker per archive host: opens after consecutive failed calls to the host, then
   * probes it and closes as soon as it answers.
   * @default { failureThreshold: 3, probeIntervalMs: 500 }
   */
  breaker?: CircuitBreakerOptions;
  /**
   * How long /ready reuses its probe of the shards, in milliseconds.
   * @default 5000
   */
  readinessCacheMs?: number;
  /**
   * Limits on the shape of an operation (LANTAI_MAX_DEPTH, LANTAI_MAX_ALIASES,
   * LANTAI_MAX_TOKENS, LANTAI_MAX_DIRECTIVES, LANTAI_MAX_COST); see gateway/limits.ts.
   * @default DEFAULT_QUERY_LIMITS
   */
  limits?: Partial<QueryLimits>;
  /**
   * Largest request body in bytes (LANTAI_MAX_BODY_BYTES); larger ones get 413.
   * @default 102400
   */
  maxBodyBytes?: number;
  /**
   * Largest catalogue file forwarded to an archive for import (目录上传导入), in bytes.
   * @default 268435456 (256 MiB)
   */
  maxUploadBytes?: number;
  /**
   * Longest wait for an archive's answer to an upload (LANTAI_UPLOAD_TIMEOUT_MS): the whole
   * import, unless the archivist asked for progress lines.
   * @default DEFAULT_UPLOAD_TIMEOUT_MS (30 minutes)
   */
  uploadTimeoutMs?: number;
  /**
   * Per-caller rate limit (LANTAI_RATE_LIMIT_BURST, LANTAI_RATE_LIMIT_PER_SECOND).
   * @default { burst: 120, perSecond: 20 }
   */
  rateLimit?: RateLimitOptions;
  /**
   * Whether every caller may introspect the schema (LANTAI_INTROSPECTION=on; the demo turns it
   * on). Otherwise only archivists and admins may, and the public gets FORBIDDEN.
   * @default false
   */
  introspection?: boolean;
  /**
   * Trusted documents (LANTAI_TRUSTED_DOCUMENTS, LANTAI_TRUSTED_DOCUMENTS_FILE): requests by
   * document id, and what happens to operations not in the manifest; see gateway/trusted-documents.ts.
   * @default { mode: 'off', manifestFile: 'client/generated/persisted-documents.json' }
   */
  trustedDocuments?: TrustedDocumentsOptions;
  /**
   * The provincial dashboard's pages at /dashboard/ (gateway/dashboard.ts).
   * @default dashboardPages(): the fresh build of dashboard/, made on the first request when missing
   */
  dashboard?: DashboardPages;
  /**
   * Whether /metrics is served on the gateway's own port; false when LANTAI_METRICS_PORT gives
   * it a port of its own.
   * @default true
   */
  metricsOnServicePort?: boolean;
  /** Where each request's log line goes (protocol/logging.ts); none when omitted. */
  requestLog?: RequestLog;
  /**
   * Where operational messages go (failed shards, failed refreshes, internal errors).
   * @default console.error
   */
  log?: (message: string) => void;
}

export interface LantaiGateway {
  /** The node:http server; the caller listens on it (protocol/http.ts listen). */
  httpServer: Server;
  directory: ShardDirectory;
  /** The trusted-documents manifest; its `untrusted` event reports operations not in it. */
  trustedDocuments: TrustedDocuments;
  /** The circuit breaker of each archive host called so far. */
  breakers: CircuitBreakers;
  metrics: ServiceMetrics;
  /** Loads the supergraph, reads the shard directory, starts its refresh. /graphql answers 503 until then. */
  start(): Promise<void>;
  /** Stops the refresh, Apollo and the shard connection pool; close the listening socket with protocol/http.ts close. */
  stop(): Promise<void>;
}

export function buildGateway(options: GatewayOptions): LantaiGateway {
  // Every line the gateway logs passes here: endpoints in failures may carry credentials.
  const sink = options.log ?? ((message: string) => console.error(message));
  const log = (message: string) => sink(redactSecrets(message));
  const timeoutMs = options.shardTimeoutMs ?? DEFAULT_SHARD_TIMEOUT_MS;
  const metrics = new ServiceMetrics('gateway');
  const rateLimited = metrics.counter('lantai_rate_limited_requests_total', 'Requests refused by the per-caller rate limit (HTTP 429).', []);
  const client = new ShardClient({ secret: options.subgraphSecret, timeoutMs });
  const directory = new ShardDirectory({
    client,
    provinceUrl: options.provinceUrl,
    refreshMs: options.directoryRefreshMs ?? 15_000,
    unknownArchiveRefreshMs: options.unknownArchiveRefreshMs ?? 1000,
    log,
  });
  const breakers = new CircuitBreakers(options.breaker, graphqlHostProbe(client, Math.min(timeoutMs, 1000)));
  breakerStateGauge(metrics, breakers);
  const router = new ShardRouter({
    directory,
    client,
    breakers,
    metrics: shardCallMetrics(metrics),
    routing: rootFieldRouting(options.supergraphSdl),
    timeoutMs,
    log,
  });
  const province = new ProvinceSource({ client, url: options.provinceUrl, directory, timeoutMs: options.provinceTimeoutMs ?? 10_000, log });
  const probe = new ShardProbe({ client, directory, cacheMs: options.readinessCacheMs ?? 5000, timeoutMs: Math.min(timeoutMs, 1000) });
  const verifyCaller = createCallerVerifier(options.jwt ?? { kind: 'secret', secret: DEMO_JWT_SECRET });
  const limits = queryLimitSetup({ ...DEFAULT_QUERY_LIMITS, ...options.limits });
  const dashboard = options.dashboard ?? dashboardPages();
  const rateLimiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const trustedDocuments = new TrustedDocuments(options.trustedDocuments ?? {}, log);
  const untrusted = metrics.counter('lantai_untrusted_operations_total', 'Operations not in the trusted-documents manifest, by whether they were refused.', ['refused']);
  trustedDocuments.on('untrusted', ({ refused }) => untrusted.inc({ refused: String(refused) }));

  /** The verified caller, after one token from their bucket; a refused token is charged to the address. */
  async function callerOf(request: IncomingMessage): Promise<GatewayContext> {
    let identity: Identity;
    try {
      identity = await verifyCaller(request.headers.authorization);
    } catch (error) {
      const decision = rateLimiter.take(callerKey(null, request, rateLimiter.trustedProxies));
      if (!decision.allowed) {
        rateLimited.inc();
        throw rateLimitedRequest(decision.retryAfterSeconds);
      }
      throw error;
    }
    const decision = rateLimiter.take(callerKey(identity, request, rateLimiter.trustedProxies));
    if (!decision.allowed) {
      rateLimited.inc();
      throw rateLimitedRequest(decision.retryAfterSeconds);
    }
    return { identity };
  }

  // @apollo/gateway otherwise starts, in its constructor, a metrics exporter that probes cloud
  // metadata endpoints and reports the host to Apollo's servers every hour: a timer and
  // outgoing connections no Lantai operator asked for. An explicit setting is left as it is.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      if (name === 'archive') return router;
      if (name === 'province') return province;
      throw new Error(`The supergraph names a subgraph the gateway does not know: ${name}`);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) =>
      formatGatewayError(formatted, error, log, () => hostsOf([options.provinceUrl, ...directory.entries().map(([, endpoint]) => endpoint)])),
    includeStacktraceInErrorResponses: false,
    // Apollo's switch would be one answer for every caller, also turned off by
    // NODE_ENV=production; introspectionPolicy decides per caller instead.
    introspection: true,
    allowBatchedHttpRequests: false,
    // Document ids resolve from the trusted-documents manifest only, never from registrations.
    persistedQueries: { cache: trustedDocuments.cache() },
    validationRules: [...limits.validationRules, finiteNumberLiterals],
    parseOptions: limits.parseOptions,
    // Apollo's landing page loads from a CDN; GraphiQL is served from local files instead.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      operationChecks<GatewayContext>(),
      metrics.graphqlPlugin<GatewayContext>(),
      operationSpanPlugin<GatewayContext>(),
      ...(options.requestLog ? [options.requestLog.plugin<GatewayContext>((context) => context.identity)] : []),
      introspectionPolicy(options.introspection ?? false),
      trustedDocuments.plugin(),
      ...limits.plugins,
    ],
  });
  const graphql = graphqlHttpHandler<GatewayContext>({
    server: apollo,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_GATEWAY_BODY_BYTES,
    context: callerOf,
  });

  let started = false;

  async function ready(response: ServerResponse): Promise<void> {
    const shards = directory.loaded ? await probe.count() : { total: 0, answering: 0 };
    const isReady = started && directory.loaded;
    sendJson(response, isReady ? 200 : 503, {
      status: isReady ? 'ready' : 'starting',
      supergraph: started,
      directory: { loaded: directory.loaded, version: directory.version },
      shards,
    });
  }

  function notStarted(response: ServerResponse): void {
    const starting = { message: 'The gateway is starting; retry shortly.', extensions: { code: ServiceErrorCode.SERVICE_UNAVAILABLE } };
    sendJson(response, 503, { errors: [starting] });
  }

  const archiveResource = (kind: 'oai' | 'export') => (request: IncomingMessage, response: ServerResponse, match: RegExpExecArray | null) =>
    serveArchiveResource(kind, match![1]!, match![2] ?? '', request, response, {
      directory,
      client,
      callerOf: async (incoming) => (await callerOf(incoming)).identity,
      timeoutMs,
      log,
    });

  const httpServer = createHttpShell({
    routes: [
      { path: '/ready', methods: ['GET'], handle: (_request, response) => ready(response) },
      {
        path: GRAPHQL_PATH,
        handle: (request, response) => {
          // A browser asking for the page at /graphql gets GraphiQL, not a GraphQL error.
          if (serveGraphiQL(request, response, GRAPHQL_PATH, GRAPHQL_PATH)) return;
          if (!started) return notStarted(response);
          return graphql(request, response);
        },
      },
      {
        path: GATEWAY_UPLOAD_PATH,
        methods: ['POST'],
        handle: (request, response, match) => {
          if (!started) return notStarted(response);
          return forwardCatalogueUpload(request, response, match![1]!, { directory, client, callerOf, maxUploadBytes: options.maxUploadBytes ?? 256 * 1024 * 1024, timeoutMs: options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS, log });
        },
      },
      {
        path: /^\/dashboard(?:\/.*)?$/,
        methods: ['GET', 'HEAD'],
        handle: async (request, response, match) => {
          const path = match![0];
          if (await dashboard.serve(request, response, path)) return;
          sendJson(response, 404, { errors: [{ message: `Nothing at ${path.slice(0, 100)}; the dashboard is at ${DASHBOARD_PATH}/.`, extensions: { code: ErrorCode.NOT_FOUND } }] });
        },
      },
      { path: OAI_GATEWAY_PATH, handle: archiveResource('oai') },
      { path: EXPORT_GATEWAY_PATH, handle: archiveResource('export') },
    ],
    fallback: (request, response, path) => serveGraphiQL(request, response, path, GRAPHQL_PATH),
    whereGraphQLIs: `GraphQL is at ${GRAPHQL_PATH}, GraphiQL at /graphiql, the dashboard at ${DASHBOARD_PATH}/.`,
    log: (error) => log(`gateway: ${String((error as Error)?.stack ?? error)}`),
    observation: {
      metrics,
      requestLog: options.requestLog,
      metricsOnServicePort: options.metricsOnServicePort,
      readiness: async () => ({
        ready: started && directory.loaded,
        checks: { supergraph: started, directory: { loaded: directory.loaded, version: directory.version } },
      }),
    },
  });

  return {
    httpServer,
    directory,
    trustedDocuments,
    breakers,
    metrics,
    async start() {
      await trustedDocuments.start();
      await apollo.start();
      started = true;
      await directory.refresh();
      directory.start();
    },
    async stop() {
      directory.stop();
      trustedDocuments.stop();
      breakers.close();
      if (started) await apollo.stop();
      started = false;
      await client.close();
    },
  };
}
