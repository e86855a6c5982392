/**
 * Keyset paging for the archive's connections, with the cursors of protocol/cursor.ts: each
 * holds the sort key of the last row, so a page never shifts when rows are added before it.
 */
import { encodeCursor } from '../../../protocol/cursor.js';
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
