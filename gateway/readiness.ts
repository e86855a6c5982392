/**
 * What GET /ready reports: whether the gateway can plan queries (supergraph loaded) and route
 * them (shard directory read at least once), and how many of the directory's archives answer.
 * Shards are probed with `{ __typename }`, each within a short bound, and the result is cached
 * so that a load balancer polling /ready does not turn into a storm of shard calls.
 */
import { ANONYMOUS } from '../protocol/identity.js';
import type { ShardClient } from '../protocol/shard-client.js';
import type { ShardDirectory } from './shard-directory.js';

export interface ShardCount {
  /** Archives in the directory. */
  total: number;
  /** Archives whose endpoint answered the last probe. */
  answering: number;
}

export interface ShardProbeOptions {
  client: ShardClient;
  directory: ShardDirectory;
  /**
   * How long a probe result is reused, in milliseconds.
   * @default 5000
   */
  cacheMs?: number;
  /**
   * Time bound of each endpoint's probe, in milliseconds.
   * @default 1000
   */
  timeoutMs?: number;
}

export class ShardProbe {
  #cached: { at: number; version: string | null; result: Promise<ShardCount> } | null = null;

  constructor(readonly options: ShardProbeOptions) {}

  count(): Promise<ShardCount> {
    const { directory, cacheMs = 5000 } = this.options;
    const now = Date.now();
    if (this.#cached && this.#cached.version === directory.version && now - this.#cached.at < cacheMs) {
      return this.#cached.result;
    }
    const result = this.#probe();
    this.#cached = { at: now, version: directory.version, result };
    return result;
  }

  async #probe(): Promise<ShardCount> {
    const { client, directory, timeoutMs = 1000 } = this.options;
    const entries = directory.entries();
    const endpoints = [...new Set(entries.map(([, endpoint]) => endpoint))];
    const answers = await Promise.all(
      endpoints.map((endpoint) =>
        client.request(endpoint, { query: '{ __typename }' }, ANONYMOUS, { timeoutMs }).then(
          (response) => response.data?.__typename !== undefined,
          () => false,
        ),
      ),
    );
    const up = new Set(endpoints.filter((_, i) => answers[i]));
    return { total: entries.length, answering: entries.filter(([, endpoint]) => up.has(endpoint)).length };
  }
}
