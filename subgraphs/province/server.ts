/**
 * Builds the province subgraph: the Apollo server over schema/province.graphql and the
 * node:http server around it, without listening (index.ts listens; tests bind port 0).
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import { archiveUnavailable, formatClientError } from '../../protocol/errors.js';
import { graphqlHttpHandler } from '../../protocol/http.js';
import { createHttpShell } from '../../protocol/http-shell.js';
import { verifyIdentity } from '../../protocol/identity.js';
import { describeForLog } from '../../protocol/redaction.js';
import { ShardClient } from '../../protocol/shard-client.js';
import { breakerStateGauge, CircuitBreakers, graphqlHostProbe, type CircuitBreakerOptions } from '../../protocol/circuit-breaker.js';
import { createProvinceContext, type CrossRegionServices, type ProvinceContext } from './context.js';
import type { ProvinceOrm } from './database.js';
import { provinceResolvers } from './resolvers.js';
import { DEFAULT_STATISTICS_TIMEOUT_MS, HoldingsCache } from './statistics/holdings-cache.js';
import { ShardRecordGrantor } from './access-requests/record-grants.js';
import { RegionTree } from './directory/regions.js';
import { DirectorySnapshot } from './directory/snapshot.js';
import { SEARCH_MATCH_BUDGET } from './search/search.js';
import { DEFAULT_SEARCH_CACHE_BYTES, SearchAnswerCache } from './search/answer-cache.js';
import { CatalogueVersions } from './search/catalogue-versions.js';
import { ShardSearch, type ShardHits } from './search/shard-search.js';
import { Scatter } from './scatter.js';
import { holdingsCacheMetrics, searchMetrics } from './cross-region-metrics.js';
import { DEFAULT_TARGETS, StatisticsService, type StatisticsTargets } from './statistics/statistics.js';
import { provinceDatabaseDown, retryReadsOnLostConnection } from '../../protocol/database-faults.js';
import { databasePoolGauge, databasesAnswer } from '../../protocol/database-health.js';
import { checkEntityRepresentations } from '../../protocol/entity-representations.js';
import type { RequestLog } from '../../protocol/logging.js';
import { ServiceMetrics } from '../../protocol/metrics.js';
import { operationSpanPlugin, traceStatements } from '../../protocol/tracing.js';

export const PROVINCE_SCHEMA_FILE = new URL('../../schema/province.graphql', import.meta.url);

export interface ProvinceServerOptions {
  /** The opened (migrated) province database. */
  orm: ProvinceOrm;
  /** Secret that signs identity headers (LANTAI_SUBGRAPH_SECRET). */
  secret: string;
  /**
   * Largest request body accepted, in bytes.
   * @default 1048576
   */
  maxBodyBytes?: number;
  /**
   * Whether /metrics is served on the province's own port; false when LANTAI_METRICS_PORT
   * gives it a port of its own.
   * @default true
   */
  metricsOnServicePort?: boolean;
  /** Where each request's log line goes (protocol/logging.ts); none when omitted. */
  requestLog?: RequestLog;
  /** Where errors that reach no client are logged. */
  log?: (error: unknown) => void;
  /**
   * The client for calls to the shards (search, statistics); the server makes and closes its
   * own when omitted.
   */
  shardClient?: ShardClient;
  /**
   * Timeout of one shard call of a cross-region field (LANTAI_SHARD_TIMEOUT_MS).
   * @default DEFAULT_SHARD_TIMEOUT_MS (2000)
   */
  shardTimeoutMs?: number;
  /**
   * Circuit breaker per archive host for the scatter's calls: opens after consecutive failed
   * calls to the host, then probes it and closes as soon as it answers.
   * @default { failureThreshold: 3, probeIntervalMs: 500 }
   */
  breaker?: CircuitBreakerOptions;
  /**
   * Shard calls in flight at once for one scatter.
   * @default DEFAULT_SHARD_CONCURRENCY (16)
   */
  shardConcurrency?: number;
  /**
   * How long cached holdings figures are fresh (LANTAI_STATISTICS_TTL_MS).
   * @default DEFAULT_STATISTICS_TTL_MS (300000)
   */
  statisticsTtlMs?: number;
  /**
   * Timeout of one archive's holdings call for statistics (LANTAI_STATISTICS_TIMEOUT_MS).
   * @default DEFAULT_STATISTICS_TIMEOUT_MS (8000)
   */
  statisticsTimeoutMs?: number;
  /** Provincial targets (规划目标). @default DEFAULT_TARGETS */
  targets?: StatisticsTargets;
  /**
   * Working days an archive has to answer an access request (LANTAI_REQUEST_DEADLINE_DAYS).
   * @default DEFAULT_DEADLINE_WORKING_DAYS (10)
   */
  requestDeadlineWorkingDays?: number;
  /**
   * Matches one catalogue search examines, shared among the archives in scope
   * (LANTAI_SEARCH_MATCH_BUDGET): the bound on a search's work.
   * @default SEARCH_MATCH_BUDGET
   */
  searchMatchBudget?: number;
  /**
   * Largest estimated size of the cache of search answers, in bytes (LANTAI_SEARCH_CACHE_BYTES);
   * 0 turns the cache off.
   * @default DEFAULT_SEARCH_CACHE_BYTES (64 MiB)
   */
  searchCacheBytes?: number;
}

export interface ProvinceServer {
  /** The node:http server: GraphQL at /graphql, liveness at /health. Not listening yet. */
  http: Server;
  apollo: ApolloServer<ProvinceContext>;
  regions: RegionTree;
  crossRegion: CrossRegionServices;
  /** The circuit breaker of each archive host the scatter has called. */
  breakers: CircuitBreakers;
  metrics: ServiceMetrics;
  /** Stops the Apollo server; close `http` first when it listens. The ORM stays open. */
  stop(): Promise<void>;
}

/**
 * A cross-region answer still comes when some archives do not answer; each of them is named
 * in an ARCHIVE_UNAVAILABLE error beside the data.
 */
const archivesUnavailablePlugin: ApolloServerPlugin<ProvinceContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.unavailableArchives.size === 0) return;
        const errors = [...contextValue.unavailableArchives].sort(([a], [b]) => (a < b ? -1 : 1)).map(([archive, reason]) => {
          const error = archiveUnavailable(archive, reason);
          return { message: error.message, extensions: error.extensions };
        });
        response.body.singleResult.errors = [...(response.body.singleResult.errors ?? []), ...errors];
      },
    };
  },
};

export async function buildProvinceServer(options: ProvinceServerOptions): Promise<ProvinceServer> {
  const { orm, secret } = options;
  if (!secret) throw new Error('The province subgraph needs the identity signing secret (LANTAI_SUBGRAPH_SECRET).');
  retryReadsOnLostConnection(orm);
  traceStatements(orm);
  const regions = await RegionTree.load(orm.em.fork());
  const directorySnapshot = new DirectorySnapshot();
  const metrics = new ServiceMetrics('province');
  const ownClient = options.shardClient ? undefined : new ShardClient({ secret, timeoutMs: options.shardTimeoutMs });
  const client = options.shardClient ?? ownClient!;
  const breakers = new CircuitBreakers(options.breaker, graphqlHostProbe(client, Math.min(options.shardTimeoutMs ?? client.timeoutMs, 1000)));
  breakerStateGauge(metrics, breakers);
  breakers.onChange((host, state) => (options.log ?? console.error)(`province: archive host ${host}: circuit breaker ${state}`));
  const scatter = new Scatter(client, {
    timeoutMs: options.shardTimeoutMs,
    concurrency: options.shardConcurrency,
    log: options.log ? (message) => options.log!(message) : undefined,
    breakers,
  });
  const searchCacheBytes = options.searchCacheBytes ?? DEFAULT_SEARCH_CACHE_BYTES;
  const answers = searchCacheBytes > 0 ? new SearchAnswerCache<ShardHits>(searchCacheBytes) : null;
  if (answers) metrics.gauge('lantai_search_cache_bytes', 'Estimated size of the cached search answers of the archives.', [], (gauge) => gauge.set(answers.bytes));
  const crossRegion: CrossRegionServices = {
    scatter,
    statistics: new StatisticsService(
      new HoldingsCache(scatter, {
        ttlMs: options.statisticsTtlMs,
        timeoutMs: options.statisticsTimeoutMs ?? DEFAULT_STATISTICS_TIMEOUT_MS,
        metrics: holdingsCacheMetrics(metrics),
      }),
      options.targets ?? DEFAULT_TARGETS,
    ),
    search: searchMetrics(metrics),
    shardSearch: new ShardSearch(
      scatter,
      answers && {
        answers,
        versions: new CatalogueVersions(client, {
          timeoutMs: scatter.timeoutMs,
          log: options.log ? (message) => options.log!(message) : undefined,
        }),
        hits: metrics.counter('lantai_search_cache_hits_total', "Archives' search answers served from the province's cache (their catalogue unchanged).", []),
        misses: metrics.counter('lantai_search_cache_misses_total', "Archives' search answers asked of the archive (not cached, or its catalogue changed).", []),
      },
    ),
    recordGrantor: new ShardRecordGrantor(client, options.log ? (message) => options.log!(message) : undefined, breakers),
    accessRequestSettings: { deadlineWorkingDays: options.requestDeadlineWorkingDays },
    searchMatchBudget: options.searchMatchBudget ?? SEARCH_MATCH_BUDGET,
  };
  const typeDefs = parse(readFileSync(PROVINCE_SCHEMA_FILE, 'utf8'));
  databasePoolGauge(metrics, [orm]);
  const partialAnswers = metrics.counter('lantai_partial_answers_total', 'Cross-region answers (search, statistics) some archives did not contribute to.', []);
  const apollo = new ApolloServer<ProvinceContext>({
    schema: checkEntityRepresentations(buildSubgraphSchema([{ typeDefs, resolvers: provinceResolvers as GraphQLResolverMap<ProvinceContext> }])),
    formatError: (formatted, error) => formatClientError(formatted, error, options.log, provinceDatabaseDown),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's cache-control plugin, on by default, hooks the resolution of every field of
      // every answer to work out an HTTP cache policy that is always no-store here (protocol/http.ts).
      ApolloServerPluginCacheControlDisabled(),
      archivesUnavailablePlugin,
      metrics.graphqlPlugin<ProvinceContext>(),
      operationSpanPlugin<ProvinceContext>(),
      ...(options.requestLog ? [options.requestLog.plugin<ProvinceContext>((context) => context.identity)] : []),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue }) {
              if (contextValue.unavailableArchives.size > 0) partialAnswers.inc();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const graphql = graphqlHttpHandler<ProvinceContext>({
    server: apollo,
    maxBodyBytes: options.maxBodyBytes,
    context: async (request) => createProvinceContext(orm, regions, verifyIdentity(request.headers, secret), crossRegion, directorySnapshot),
  });
  const http = createHttpShell({
    routes: [{ path: '/graphql', handle: graphql }],
    health: () => ({ service: 'province' }),
    whereGraphQLIs: 'GraphQL is at /graphql.',
    log: options.log ?? ((e: unknown) => console.error(describeForLog(e))),
    observation: {
      metrics,
      requestLog: options.requestLog,
      metricsOnServicePort: options.metricsOnServicePort,
      async readiness() {
        const database = await databasesAnswer([orm]);
        return { ready: database, checks: { database } };
      },
    },
  });

  return {
    http,
    apollo,
    regions,
    crossRegion,
    breakers,
    metrics,
    async stop() {
      breakers.close();
      await apollo.stop();
      await crossRegion.statistics.cache.settled();
      await ownClient?.close();
    },
  };
}
