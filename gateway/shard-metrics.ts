/**
 * The gateway's metrics of its calls to the archive shards: duration and failures by archive
 * and by host (each host's breaker state is protocol/circuit-breaker.ts's gauge). Archive codes
 * and hosts come from the province directory, so their label sets stay as small as the network.
 */
import type { ServiceMetrics } from '../protocol/metrics.js';
import { hostOf } from '../protocol/circuit-breaker.js';

export interface ShardCallMetrics {
  /** One call to `archive` at `endpoint`; `failure` is why it failed (timeout, connection, breaker open …), or null. */
  observe(archive: string, endpoint: string, startedAt: bigint, failure: string | null): void;
}

export function shardCallMetrics(metrics: ServiceMetrics): ShardCallMetrics {
  const duration = metrics.histogram('lantai_shard_call_duration_seconds', 'Duration of the gateway’s calls to archive shards, by archive and host.', [
    'archive',
    'host',
  ]);
  const errors = metrics.counter('lantai_shard_call_errors_total', 'Failed calls to archive shards, by archive, host and reason.', ['archive', 'host', 'reason']);
  return {
    observe(archive, endpoint, startedAt, failure) {
      const host = hostOf(endpoint);
      if (failure === null || failure !== 'breaker_open') {
        duration.observe({ archive, host }, Number(process.hrtime.bigint() - startedAt) / 1e9);
      }
      if (failure !== null) errors.inc({ archive, host, reason: failure });
    },
  };
}
