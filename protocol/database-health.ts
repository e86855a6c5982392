/**
 * What an operator needs to know about a service's PostgreSQL pools: connections in use, idle
 * and waited for (a metric), and whether each database answers now (readiness).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { ServiceMetrics } from './metrics.js';

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

async function poolOf(orm: MikroORM): Promise<PoolCounts> {
  const connection = orm.driver.getConnection() as unknown as { getNativeClient(): Promise<PoolCounts> };
  return connection.getNativeClient();
}

/** `lantai_db_pool_connections{state="in_use"|"idle"|"waiting"}`, summed over `orms`. */
export function databasePoolGauge(metrics: ServiceMetrics, orms: readonly MikroORM[]): void {
  metrics.gauge('lantai_db_pool_connections', 'Database pool connections in use and idle, and requests waiting for one.', ['state'], async (gauge) => {
    const counts = { in_use: 0, idle: 0, waiting: 0 };
    for (const orm of new Set(orms)) {
      const pool = await poolOf(orm);
      counts.in_use += pool.totalCount - pool.idleCount;
      counts.idle += pool.idleCount;
      counts.waiting += pool.waitingCount;
    }
    for (const [state, value] of Object.entries(counts)) gauge.set({ state }, value);
  });
}

/** Whether every database of `orms` answers `select 1` within `timeoutMs`. */
export async function databasesAnswer(orms: readonly MikroORM[], timeoutMs = 1000): Promise<boolean> {
  const checks = [...new Set(orms)].map((orm) => orm.em.getConnection().execute('select 1').then(() => true, () => false));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, false);
  });
  try {
    return await Promise.race([Promise.all(checks).then((answers) => answers.every(Boolean)), late]);
  } finally {
    clearTimeout(timer);
  }
}
