/**
 * Single-row statements of many archives that arrive together run as one statement per
 * database. A host's batch (POST /archives/batch) runs a province-wide search as one operation
 * per archive; each asks for its own hits and facets, and sending those as 56 statements costs
 * more than running them: each is a round trip and a socket write, the largest CPU cost of a
 * search on the host. Statements queued within one turn of the event loop on one connection
 * are sent as `select 0 as part, s.* from (…) s union all select 1, …` (up to
 * MAX_COMBINED_STATEMENTS in one), and each caller gets its own row back. Should a combined
 * statement fail (one archive's schema not migrated, say), each of its statements runs again
 * on its own, so one archive's failure stays its own.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

type Connection = ReturnType<EntityManager['getConnection']>;

interface Queued {
  sql: string;
  params: unknown[];
  resolve(row: Record<string, unknown> | undefined): void;
  reject(error: unknown): void;
}

const queues = new WeakMap<Connection, Queued[]>();

async function runAlone(connection: Connection, statement: Queued): Promise<void> {
  try {
    const [row] = await connection.execute<Record<string, unknown>[]>(statement.sql, statement.params);
    statement.resolve(row);
  } catch (error) {
    statement.reject(error);
  }
}

/**
 * Statements combined into one at most: a host serving a whole province still sends several
 * statements, which run side by side on the pool's connections (and the server's cores)
 * instead of one after another in one backend.
 */
export const MAX_COMBINED_STATEMENTS = 16;

async function flush(connection: Connection, queue: Queued[]): Promise<void> {
  queues.delete(connection);
  const chunks = Math.ceil(queue.length / MAX_COMBINED_STATEMENTS);
  const size = Math.ceil(queue.length / chunks);
  await Promise.all(Array.from({ length: chunks }, (_, i) => runTogether(connection, queue.slice(i * size, (i + 1) * size))));
}

async function runTogether(connection: Connection, queue: Queued[]): Promise<void> {
  if (queue.length === 1) return runAlone(connection, queue[0]!);
  let rows: Record<string, unknown>[];
  try {
    rows = await connection.execute<Record<string, unknown>[]>(
      queue.map((statement, part) => `select ${part} as part, s.* from (${statement.sql}) s`).join('\nunion all\n'),
      queue.flatMap((statement) => statement.params),
    );
  } catch {
    await Promise.all(queue.map((statement) => runAlone(connection, statement)));
    return;
  }
  const byPart = new Map(rows.map(({ part, ...row }) => [Number(part), row]));
  queue.forEach((statement, part) => statement.resolve(byPart.get(part)));
}

/**
 * Runs a statement that returns at most one row, together with the others queued on the same
 * connection in this turn of the event loop; resolves with its row (undefined for none).
 * Every statement queued together must return the same columns.
 */
export function executeBatched<Row extends Record<string, unknown>>(connection: Connection, sql: string, params: unknown[]): Promise<Row | undefined> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(connection);
    if (!queue) {
      const fresh: Queued[] = [];
      queues.set(connection, fresh);
      setImmediate(() => void flush(connection, fresh));
      queue = fresh;
    }
    queue.push({ sql, params, resolve: resolve as Queued['resolve'], reject });
  });
}
