/**
 * Reading a page of many rows that a stream writes out (an OAI-PMH list, a catalogue export).
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** Rows a cursor hands over at a time. */
const CURSOR_CHUNK = 128;

/**
 * The rows of one statement, read through a cursor in chunks: the same rows, in the same
 * snapshot, as the connection's execute() gives. execute() goes through node-postgres'
 * promise-returning query(), and a page read that way stayed reachable through the young
 * generation's collections: every page of a harvest went to the old generation and waited
 * there for a full collection, and an archive host grew by about 140 MiB over the province
 * archive's harvest (a reading through the same driver's callbacks, or through a cursor,
 * stayed flat). Read through a cursor, a page dies young.
 */
export async function readThroughCursor<Row>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of em.getConnection().stream<Row & object>(sql, params, undefined, undefined, CURSOR_CHUNK)) rows.push(row);
  return rows;
}
