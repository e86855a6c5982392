/**
 * Keyset paging for the archive's connections: opaque base64url cursors holding the sort key
 * of the last row, so a page never shifts when rows are added before it.
 */
import { badUserInput } from '../../../protocol/errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** One page of a connection; the total is counted only when a client asks for it. */
export interface Page<T> {
  nodes: T[];
  cursorOf(node: T): string;
  hasNextPage: boolean;
  count(): Promise<number>;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0) throw badUserInput(`"first" must be a non-negative integer, got ${size}.`);
  if (size > MAX_PAGE_SIZE) throw badUserInput(`"first" may be at most ${MAX_PAGE_SIZE}, got ${size}.`);
  return size;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * What a part of a cursor holds: any text, a calendar date (YYYY-MM-DD) or a whole number.
 * Checked strictly because a cursor is client input that reaches SQL as a comparison value:
 * PostgreSQL refuses a NUL in text, a date that is not one, and Infinity, and such a refusal
 * must be the client's error, not the server's.
 */
type CursorPart = 'string' | 'date' | 'number';

function isCursorPart(part: unknown, kind: CursorPart): boolean {
  if (kind === 'number') return Number.isSafeInteger(part);
  if (typeof part !== 'string' || part.includes('\u0000') || part.length > 1000) return false;
  if (kind === 'string') return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(part);
  return match !== null && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === part;
}

/** Decodes a cursor into its key, checking each part's type; a damaged cursor is the client's error. */
export function decodeCursor<T extends readonly CursorPart[]>(
  cursor: string | null | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } | null {
  if (cursor === null || cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((part, i) => !isCursorPart(part, shape[i]!))) {
    throw badUserInput(`Invalid cursor "${cursor.slice(0, 40)}": pass an endCursor or edge cursor returned by this connection.`);
  }
  return key as { [K in keyof T]: T[K] extends 'number' ? number : string };
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
