/**
 * The gateway's metrics of its calls to the archive shards: duration and failures by archive
 * and by host, and each host's circuit breaker. Archive codes and hosts come from the province
 * directory, so their label sets stay as small as the network.
 */
import type { ServiceMetrics } from '../protocol/metrics.js';
import { hostOf, type CircuitBreakers } from './circuit-breaker.js';

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

/** `lantai_circuit_breaker_state` per host: 0 closed, 0.5 half-open, 1 open. */
export function breakerStateGauge(metrics: ServiceMetrics, breakers: CircuitBreakers): void {
  const value = { closed: 0, 'half-open': 0.5, open: 1 } as const;
  metrics.gauge('lantai_circuit_breaker_state', 'Circuit breaker of each archive host: 0 closed, 0.5 half-open, 1 open.', ['host'], (gauge) => {
    gauge.reset();
    for (const [host, state] of breakers.states()) gauge.set({ host }, value[state]);
  });
}
