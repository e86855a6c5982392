/**
 * Keyset paging for the archive's connections, with the cursors of protocol/cursor.ts: each
 * holds the sort key of the last row, so a page never shifts when rows are added before it.
 */
import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor } from '../../../protocol/cursor.js';
import { pageSize as checkedPageSize } from '../../../protocol/input.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** One page of a connection; the total is counted only when a client asks for it. */
export interface Page<T> {
  nodes: T[];
  cursorOf(node: T): string;
  hasNextPage: boolean;
  count(): Promise<number>;
}

/** The size of a page of an archive's connection. */
export function pageSize(first: number | null | undefined): number {
  return checkedPageSize(first, { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE });
}

/** Builds a page from rows fetched with one extra row, which tells whether another page follows. */
export function pageOf<T>(rows: T[], size: number, keyOf: (row: T) => unknown[], count: () => Promise<number>): Page<T> {
  let total: Promise<number> | undefined;
  return {
    nodes: rows.slice(0, size),
    hasNextPage: rows.length > size,
    cursorOf: (row) => encodeCursor(keyOf(row)),
    count: () => (total ??= count()),
  };
}

/**
 * A page of one of the archive's registers (exhibitions, compilations, the utilization log),
 * newest first: by `field` (a date or a year) descending, then by id; the cursor holds both.
 */
export async function newestFirst<Row extends { id: number }>(
  em: EntityManager,
  entity: EntityName<Row>,
  field: keyof Row & string,
  kind: 'date' | 'integer',
  args: { first?: number | null; after?: string | null },
): Promise<Page<Row>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, [kind, 'integer'] as const);
  const where = after ? { $or: [{ [field]: { $lt: after[0] } }, { [field]: after[0], id: { $lt: after[1] } }] } : {};
  const rows = await em.find(entity, where as never, { orderBy: { [field]: 'desc', id: 'desc' } as never, limit: size + 1 });
  return pageOf(rows as Row[], size, (row) => [row[field], row.id], () => em.count(entity, {}));
}
