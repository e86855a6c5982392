/**
 * The network the latency scenarios measure: the real services in their own processes
 * (scripts/network.ts), archive hosts, the province subgraph and the gateway, over the
 * benchmark's database, seeded where it is empty and reused as it is where it is loaded.
 */
import { DEMO_SUBGRAPH_SECRET } from '../protocol/identity.js';
import { startNetwork, type Network } from '../scripts/network.js';
import type { NetworkProgress } from '../seeds/network.js';
import type { Scale } from '../seeds/plan.js';
import { BenchClient } from './client.js';
import { BENCH_INSPECTOR_NODE_OPTIONS, inspectorUrlIn } from './heap-inspector.js';

export interface BenchNetworkOptions {
  databaseUrl: string;
  scale: Scale;
  /** Only these archives; the whole province when omitted. */
  archives?: readonly string[];
  /** @default 2 */
  hosts?: number;
  /** Whether the province caches search answers; off sets LANTAI_SEARCH_CACHE_BYTES=0. @default true */
  searchCache?: boolean;
  /**
   * Open each service's inspector on loopback, to read its V8 heap (the oai scenario). Anyone on
   * the machine could attach to it while the benchmark runs, so only a run that reads heaps opens it.
   * @default false
   */
  inspectors?: boolean;
  log?: (line: string) => void;
  onSeedProgress?: (progress: NetworkProgress) => void;
}

export interface BenchNetwork {
  network: Network;
  client: BenchClient;
  /** Archive codes served, in code order. */
  codes: string[];
  /** GraphQL through the gateway, as the anonymous public. */
  gateway(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** GraphQL straight to one archive's shard, signed for the anonymous public. */
  shard(code: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Which host process serves an archive (its index). */
  hostOf(code: string): number;
  /** The inspector address of an archive host process (by index), to read its V8 heap (heap-inspector.ts). */
  inspectorOf(host: number): string | undefined;
  stop(): Promise<void>;
}

/**
 * Environment for the benchmark's services: the rate limit is per caller, and every request
 * of the benchmark comes from one anonymous caller at loopback, so it is lifted; the shard
 * timeout leaves room for a province-scale scatter on a loaded machine.
 */
export const BENCH_SERVICE_ENV: Readonly<Record<string, string>> = Object.freeze({
  LANTAI_RATE_LIMIT_BURST: '1000000',
  LANTAI_RATE_LIMIT_PER_SECOND: '1000000',
  LANTAI_SHARD_TIMEOUT_MS: '60000',
  LANTAI_PROVINCE_TIMEOUT_MS: '120000',
  LANTAI_PROBE_INTERVAL_MS: '600000',
});

export async function startBenchNetwork(options: BenchNetworkOptions): Promise<BenchNetwork> {
  const secret = DEMO_SUBGRAPH_SECRET;
  const inspectors = new Map<string, string>();
  const network = await startNetwork({
    databaseUrl: options.databaseUrl,
    scale: options.scale,
    archives: options.archives,
    hosts: options.hosts ?? 2,
    subgraphSecret: secret,
    env: {
      ...BENCH_SERVICE_ENV,
      ...(options.inspectors ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${BENCH_INSPECTOR_NODE_OPTIONS}`.trim() } : {}),
      ...(options.searchCache === false ? { LANTAI_SEARCH_CACHE_BYTES: '0' } : {}),
    },
    log: (line) => {
      // Lines read "[<service name>] <line>".
      const url = inspectorUrlIn(line);
      if (url) inspectors.set(line.slice(1, line.indexOf(']')), url);
      options.log?.(line);
    },
    onSeedProgress: options.onSeedProgress,
  });
  const client = new BenchClient(secret);
  const codes = network.archiveHosts.flatMap((host) => host.archives).sort();
  const endpoints = new Map(network.archiveHosts.flatMap((host) => host.archives.map((code) => [code, host.endpoint(code)] as const)));
  return {
    network,
    client,
    codes,
    gateway: (query, variables) => client.post(network.gatewayUrl, query, variables),
    shard: (code, query, variables) => client.shard(endpoints.get(code)!, query, variables),
    hostOf: (code) => network.archiveHosts.findIndex((host) => host.archives.includes(code)),
    inspectorOf: (host) => inspectors.get(network.archiveHosts[host]?.process.spec.name ?? ''),
    async stop() {
      await client.close();
      await network.stop();
    },
  };
}
