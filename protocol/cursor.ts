/**
 * The one keyset-cursor codec: an opaque base64url text holding the sort key of the last row
 * of a page, so a page never shifts when rows are added before it. Every connection of every
 * service encodes and checks its cursors here, and a damaged one gets the same message.
 *
 * Each part of a key is checked strictly against the shape its connection declares, because a
 * cursor is client input that reaches SQL as a comparison value: PostgreSQL refuses a NUL in
 * text, a date that is not one, and Infinity, and such a refusal must be the client's error,
 * not the server's.
 */
import { badUserInput } from './errors.js';

/**
 * What a part of a cursor holds: any text, a calendar date (YYYY-MM-DD), an instant (ISO
 * 8601), a UUID, a whole number, or any finite number (a search score).
 */
export type CursorPart = 'string' | 'date' | 'instant' | 'uuid' | 'integer' | 'finite';
type PartValue<P extends CursorPart> = P extends 'integer' | 'finite' ? number : string;
export type CursorKey<T extends readonly CursorPart[]> = { [K in keyof T]: PartValue<T[K]> };

const MAX_CURSOR_LENGTH = 4096;
const MAX_TEXT_PART = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The client's error for a cursor this connection did not give out. */
export function invalidCursor(cursor: string): Error {
  return badUserInput(`Invalid cursor "${cursor.slice(0, 40)}": pass an endCursor or edge cursor returned by this connection.`);
}

function isCursorPart(part: unknown, kind: CursorPart): boolean {
  if (kind === 'integer') return Number.isSafeInteger(part);
  if (kind === 'finite') return typeof part === 'number' && Number.isFinite(part);
  if (typeof part !== 'string' || part.includes('\u0000') || part.length > MAX_TEXT_PART) return false;
  switch (kind) {
    case 'string':
      return true;
    case 'uuid':
      return UUID.test(part);
    case 'instant':
      return !Number.isNaN(Date.parse(part));
    case 'date': {
      const match = DATE.exec(part);
      return match !== null && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === part;
    }
  }
}

/** Decodes a cursor into its key, checking each part's type; a damaged cursor is the client's error. */
export function decodeCursor<T extends readonly CursorPart[]>(cursor: string | null | undefined, shape: T): CursorKey<T> | null {
  if (cursor === null || cursor === undefined) return null;
  let key: unknown;
  try {
    key = cursor.length <= MAX_CURSOR_LENGTH ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((part, i) => !isCursorPart(part, shape[i]!))) {
    throw invalidCursor(cursor);
  }
  return key as CursorKey<T>;
}
