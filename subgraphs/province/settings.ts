/**
 * The province subgraph's settings, read once at start from its flags and environment, each
 * default defined once beside the part it configures. A bad value, or a missing signing
 * secret outside the demo, is an error that says which variable to set.
 */
import { DEFAULT_SHARD_TIMEOUT_MS } from '../../protocol/shard-client.js';
import { DEFAULT_PROVINCE } from '../../protocol/regions.js';
import { fraction, MAX_PORT, subgraphSecret, wholeNumber, type Environment } from '../../protocol/settings.js';
import { DEFAULT_DEADLINE_WORKING_DAYS } from './access-requests/access-requests.js';
import { DEFAULT_PROBE_INTERVAL_MS } from './directory/probe.js';
import { DEFAULT_SHARD_CONCURRENCY } from './scatter.js';
import { SEARCH_MATCH_BUDGET } from './search/search.js';
import { DEFAULT_SEARCH_CACHE_BYTES } from './search/answer-cache.js';
import { DEFAULT_STATISTICS_TIMEOUT_MS, DEFAULT_STATISTICS_TTL_MS } from './statistics/holdings-cache.js';
import { DEFAULT_TARGETS, type StatisticsTargets } from './statistics/statistics.js';

/** Flags of `npm run province`; each wins over its variable. */
export interface ProvinceFlags {
  database?: string;
  port?: string;
  host?: string;
  province?: string;
}

export interface ProvinceSettings {
  /** DATABASE_URL or --database; required. */
  databaseUrl: string;
  /** PORT or --port. @default 4100 */
  port: number;
  /** --host. @default 127.0.0.1 */
  host: string;
  /** LANTAI_PROVINCE or --province. @default DEFAULT_PROVINCE (360000) */
  province: string;
  /** LANTAI_SUBGRAPH_SECRET; required outside the demo. */
  subgraphSecret: string;
  /** LANTAI_SHARD_TIMEOUT_MS. @default DEFAULT_SHARD_TIMEOUT_MS */
  shardTimeoutMs: number;
  /** LANTAI_SHARD_CONCURRENCY, at least 1. @default DEFAULT_SHARD_CONCURRENCY */
  shardConcurrency: number;
  /** LANTAI_STATISTICS_TTL_MS. @default DEFAULT_STATISTICS_TTL_MS */
  statisticsTtlMs: number;
  /** LANTAI_STATISTICS_TIMEOUT_MS. @default DEFAULT_STATISTICS_TIMEOUT_MS */
  statisticsTimeoutMs: number;
  /** LANTAI_TARGET_ADMINISTRATIVE_OPEN_RATE, …_DIGITISATION_RATE, …_ITEM_LEVEL_CATALOGUE_RATE. @default DEFAULT_TARGETS */
  targets: StatisticsTargets;
  /** LANTAI_REQUEST_DEADLINE_DAYS, 1 to 365. @default DEFAULT_DEADLINE_WORKING_DAYS */
  requestDeadlineWorkingDays: number;
  /** LANTAI_SEARCH_MATCH_BUDGET, at least 1. @default SEARCH_MATCH_BUDGET */
  searchMatchBudget: number;
  /** LANTAI_SEARCH_CACHE_BYTES, 0 for no cache. @default DEFAULT_SEARCH_CACHE_BYTES */
  searchCacheBytes: number;
  /** LANTAI_PROBE_INTERVAL_MS. @default DEFAULT_PROBE_INTERVAL_MS */
  probeIntervalMs: number;
}

/** Reads the settings; throws, saying which variable or flag to set, when one is missing or malformed. */
export function provinceSettings(env: Environment, flags: ProvinceFlags = {}, warn: (message: string) => void = () => {}): ProvinceSettings {
  const databaseUrl = flags.database ?? env.DATABASE_URL;
  if (!databaseUrl) throw new Error('give the database with --database postgres://… or DATABASE_URL.');
  const number = (name: string, fallback: number, max?: number, min?: number) => wholeNumber(name, env[name], fallback, max, min);
  return {
    databaseUrl,
    port: wholeNumber('the port', flags.port ?? env.PORT, 4100, MAX_PORT),
    host: flags.host ?? '127.0.0.1',
    province: flags.province ?? (env.LANTAI_PROVINCE || DEFAULT_PROVINCE),
    subgraphSecret: subgraphSecret(env, warn),
    shardTimeoutMs: number('LANTAI_SHARD_TIMEOUT_MS', DEFAULT_SHARD_TIMEOUT_MS),
    shardConcurrency: number('LANTAI_SHARD_CONCURRENCY', DEFAULT_SHARD_CONCURRENCY, undefined, 1),
    statisticsTtlMs: number('LANTAI_STATISTICS_TTL_MS', DEFAULT_STATISTICS_TTL_MS),
    statisticsTimeoutMs: number('LANTAI_STATISTICS_TIMEOUT_MS', DEFAULT_STATISTICS_TIMEOUT_MS),
    targets: {
      administrativeOpenRate: fraction('LANTAI_TARGET_ADMINISTRATIVE_OPEN_RATE', env.LANTAI_TARGET_ADMINISTRATIVE_OPEN_RATE, DEFAULT_TARGETS.administrativeOpenRate),
      digitisationRate: fraction('LANTAI_TARGET_DIGITISATION_RATE', env.LANTAI_TARGET_DIGITISATION_RATE, DEFAULT_TARGETS.digitisationRate),
      itemLevelCatalogueRate: fraction('LANTAI_TARGET_ITEM_LEVEL_CATALOGUE_RATE', env.LANTAI_TARGET_ITEM_LEVEL_CATALOGUE_RATE, DEFAULT_TARGETS.itemLevelCatalogueRate),
    },
    requestDeadlineWorkingDays: number('LANTAI_REQUEST_DEADLINE_DAYS', DEFAULT_DEADLINE_WORKING_DAYS, 365, 1),
    searchMatchBudget: number('LANTAI_SEARCH_MATCH_BUDGET', SEARCH_MATCH_BUDGET, undefined, 1),
    searchCacheBytes: number('LANTAI_SEARCH_CACHE_BYTES', DEFAULT_SEARCH_CACHE_BYTES),
    probeIntervalMs: number('LANTAI_PROBE_INTERVAL_MS', DEFAULT_PROBE_INTERVAL_MS),
  };
}
