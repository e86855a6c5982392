/**
 * Runs the province subgraph: opens (and migrates) its database, serves GraphQL, and probes
 * the directory's shards until stopped.
 *
 *   npm run province -- --database postgres://… --port 4100
 *
 * Environment: DATABASE_URL, PORT (default 4100), LANTAI_SUBGRAPH_SECRET, LANTAI_PROVINCE
 * (default 360000), LANTAI_PROBE_INTERVAL_MS (default 15000), LANTAI_SHARD_TIMEOUT_MS
 * (default 2000), LANTAI_STATISTICS_TTL_MS (default 300000), LANTAI_SHARD_CONCURRENCY
 * (default 16), LANTAI_SEARCH_MATCH_BUDGET (default 20000), LANTAI_TARGET_* (see statistics/statistics.ts), LANTAI_REQUEST_DEADLINE_DAYS
 * (working days to answer an access request, default 10). Flags win over the environment.
 */
import { parseArgs } from 'node:util';
import { close, listen } from '../../protocol/http.js';
import { DEMO_SUBGRAPH_SECRET } from '../../protocol/identity.js';
import { describeForLog } from '../../protocol/redaction.js';
import { announceListening, stopOnSignals } from '../../protocol/service-lifecycle.js';
import { ShardClient } from '../../protocol/shard-client.js';
import { openProvinceDatabase } from './database.js';
import { buildProvinceServer } from './server.js';
import { deadlineFromEnvironment } from './access-requests/access-requests.js';
import { Directory } from './directory/directory.js';
import { DEFAULT_PROBE_INTERVAL_MS, DirectoryProbe } from './directory/probe.js';
import { SEARCH_MATCH_BUDGET } from './search/search.js';
import { targetsFromEnvironment } from './statistics/statistics.js';
import { wholeNumber } from '../../protocol/settings.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    province: { type: 'string' },
  },
});

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  try {
    return wholeNumber(name, text, fallback);
  } catch (error) {
    console.error(`province: ${(error as Error).message}`);
    process.exit(2);
  }
}

const databaseUrl = values.database ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('province: give the database with --database postgres://… or DATABASE_URL.');
  process.exit(2);
}
const port = positiveInteger('the port', values.port ?? process.env.PORT, 4100);
const host = values.host ?? '127.0.0.1';
const secret = process.env.LANTAI_SUBGRAPH_SECRET || DEMO_SUBGRAPH_SECRET;
if (!process.env.LANTAI_SUBGRAPH_SECRET) {
  console.warn('province: LANTAI_SUBGRAPH_SECRET is unset; using the public demo secret.');
}

let targets;
let requestDeadlineWorkingDays;
try {
  targets = targetsFromEnvironment(process.env);
  requestDeadlineWorkingDays = deadlineFromEnvironment(process.env);
} catch (error) {
  console.error(`province: ${(error as Error).message}`);
  process.exit(2);
}
const shardTimeoutMs = positiveInteger('LANTAI_SHARD_TIMEOUT_MS', process.env.LANTAI_SHARD_TIMEOUT_MS, 2000);
const orm = await openProvinceDatabase(databaseUrl, { province: values.province ?? process.env.LANTAI_PROVINCE ?? '360000' });
const client = new ShardClient({ secret, timeoutMs: shardTimeoutMs });
const server = await buildProvinceServer({
  orm,
  secret,
  shardClient: client,
  shardTimeoutMs,
  shardConcurrency: positiveInteger('LANTAI_SHARD_CONCURRENCY', process.env.LANTAI_SHARD_CONCURRENCY, 16) || 16,
  statisticsTtlMs: positiveInteger('LANTAI_STATISTICS_TTL_MS', process.env.LANTAI_STATISTICS_TTL_MS, 300_000),
  statisticsTimeoutMs: positiveInteger('LANTAI_STATISTICS_TIMEOUT_MS', process.env.LANTAI_STATISTICS_TIMEOUT_MS, 8000),
  targets,
  requestDeadlineWorkingDays,
  searchMatchBudget: positiveInteger('LANTAI_SEARCH_MATCH_BUDGET', process.env.LANTAI_SEARCH_MATCH_BUDGET, SEARCH_MATCH_BUDGET) || SEARCH_MATCH_BUDGET,
});
const probe = new DirectoryProbe(orm, client, {
  intervalMs: positiveInteger('LANTAI_PROBE_INTERVAL_MS', process.env.LANTAI_PROBE_INTERVAL_MS, DEFAULT_PROBE_INTERVAL_MS),
});

const bound = await listen(server.http, port, host);
probe.start();
announceListening('province', bound, [`http://${host}:${bound}/graphql (${server.regions.root.name}, ${server.regions.size} regions)`]);
// Filled in the background, so that the first dashboard after a start does not wait on the shards.
new Directory(orm.em.fork(), server.regions)
  .list()
  .then((active) => server.crossRegion.statistics.warm(active))
  .catch((error: unknown) => console.error(`province: could not warm the statistics cache: ${describeForLog(error)}`));

stopOnSignals('province', async () => {
  await probe.stop();
  await close(server.http);
  await server.stop();
  await client.close();
  await orm.close();
});
