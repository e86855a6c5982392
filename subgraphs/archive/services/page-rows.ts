/**
 * Reading a page of many rows that a stream writes out (an OAI-PMH list, a catalogue export).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { retryLostRead } from '../../../protocol/database-faults.js';

/**
 * The rows of one read statement, as the connection's execute() gives them (the same SQL, the
 * same pool and type parsers), through the pool's own query(). execute() goes through
 * node-postgres' promise-returning client.query(), and a page read that way stayed reachable
 * through the young generation's collections: every page of a harvest went to the old
 * generation and waited there for a full collection, and an archive host grew by about
 * 140 MiB over the province archive's harvest. Read through the pool's query(), which takes
 * the client's callback, a page dies young. A lost connection is read again on a fresh one,
 * as execute() does (protocol/database-faults.ts).
 */
export async function readPage<Row>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const connection = em.getConnection();
  const text = connection.getPlatform().formatQuery(sql, params);
  const pool = await connection.getNativeClient();
  return retryLostRead(async () => (await pool.query(text)).rows as Row[]);
}
