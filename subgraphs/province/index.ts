/**
 * Runs the province subgraph: opens (and migrates) its database, serves GraphQL, and probes
 * the directory's shards until stopped.
 *
 * The folder is grouped by what the province does, each feature with its resolvers, services
 * and rules: directory/ (档案馆名录 and the region tree), search/ (跨馆检索), statistics/
 * (馆藏统计, snapshots and the counts of access requests) and access-requests/ (异地查档).
 * Around them a small core: server.ts builds the server and index.ts listens; settings.ts,
 * context.ts, database.ts, scatter.ts (the calls to every shard), entities/, migrations/ and
 * generated/ (types from schema/province.graphql and from the shard operations).
 *
 *   npm run province -- --database postgres://… --port 4100
 *
 * The environment it reads, and each default, are in settings.ts. Flags win over the
 * environment.
 *
 * The province is grouped by what it does, around a small core (this file, server.ts,
 * settings.ts, context.ts, database.ts, resolvers.ts, scatter.ts, entities/, migrations/):
 * directory/ (the network directory, the region tree, the shard probe), search/ (cross-region
 * catalogue search), statistics/ (holdings figures rolled up by region, their cache and
 * snapshots), access-requests/ (异地查档, 跨馆出证).
 */
import { parseArgs } from 'node:util';
import { close, listen } from '../../protocol/http.js';
import { RequestLog, createServiceLogger } from '../../protocol/logging.js';
import { metricsPortOf, startMetricsServer } from '../../protocol/operations.js';
import { describeForLog } from '../../protocol/redaction.js';
import { announceListening, settingsOrExit, stopOnSignals } from '../../protocol/service-lifecycle.js';
import { ShardClient } from '../../protocol/shard-client.js';
import { startTracing } from '../../protocol/tracing.js';
import { openProvinceDatabase } from './database.js';
import { Directory } from './directory/directory.js';
import { DirectoryProbe } from './directory/probe.js';
import { buildProvinceServer } from './server.js';
import { provinceSettings } from './settings.js';

// The command's own flags, declared as node:util's parseArgs declares them: every command's
// declaration has this shape.
const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    province: { type: 'string' },
  },
});

const settings = settingsOrExit('province', (warn) => provinceSettings(process.env, values, warn));
const { port, host, subgraphSecret: secret } = settings;
const tracing = startTracing('province');

const orm = await openProvinceDatabase(settings.databaseUrl, { province: settings.province });
const client = new ShardClient({ secret, timeoutMs: settings.shardTimeoutMs });
const logger = createServiceLogger('province');
const server = await buildProvinceServer({
  orm,
  secret,
  shardClient: client,
  shardTimeoutMs: settings.shardTimeoutMs,
  shardConcurrency: settings.shardConcurrency,
  statisticsTtlMs: settings.statisticsTtlMs,
  statisticsTimeoutMs: settings.statisticsTimeoutMs,
  targets: settings.targets,
  requestDeadlineWorkingDays: settings.requestDeadlineWorkingDays,
  searchMatchBudget: settings.searchMatchBudget,
  searchCacheBytes: settings.searchCacheBytes,
  metricsOnServicePort: metricsPortOf() === undefined,
  log: (error) => logger.error(describeForLog(error)),
  requestLog: new RequestLog(logger),
});
const probe = new DirectoryProbe(orm, client, { intervalMs: settings.probeIntervalMs });

const bound = await listen(server.http, port, host);
const metricsPort = metricsPortOf();
const metrics = metricsPort === undefined ? null : await startMetricsServer(server.metrics, metricsPort, host);
announceListening('province', bound, [`http://${host}:${bound}/graphql (${server.regions.root.name}, ${server.regions.size} regions)`]);
// Filled in the background, so that the first dashboard after a start does not wait on the
// shards. The first probe round waits for it: both ask every shard at once, and a dashboard
// opened right after a restart waits on the warm-up, not on the probe.
let stopping = false;
new Directory(orm.em.fork(), server.regions)
  .list()
  .then((active) => server.crossRegion.statistics.warm(active))
  .catch((error: unknown) => console.error(`province: could not warm the statistics cache: ${describeForLog(error)}`))
  .finally(() => {
    if (!stopping) probe.start();
  });

stopOnSignals('province', async () => {
  stopping = true;
  await probe.stop();
  if (metrics) await close(metrics.server);
  await close(server.http);
  await server.stop();
  await client.close();
  await orm.close();
  await tracing.shutdown();
});
