/**
 * The integer keys of this archive's entity ids. Every row of the archive has an integer
 * key (a PostgreSQL integer), so an id whose key cannot be one names nothing here. The checks
 * of other client input every service shares are in protocol/input.ts.
 */
import { INT4_MAX } from '../../../protocol/input.js';
import { parseEntityId, tryParseEntityId, type EntityType, type ParsedEntityId } from '../../../protocol/ids.js';

function keyOf(parsed: ParsedEntityId | null, archive: string): number | null {
  if (!parsed || parsed.archive !== archive || !/^[1-9]\d{0,9}$/.test(parsed.local)) return null;
  const key = Number(parsed.local);
  return key <= INT4_MAX ? key : null;
}

/**
 * The integer key of an entity id a client gives. A malformed id is the client's error; a
 * well-formed id of another archive or with a key that cannot exist gives null.
 */
export function localKey(id: string, type: EntityType, archive: string): number | null {
  return keyOf(parseEntityId(id, type), archive);
}

/**
 * The integer key of a representation sent by the gateway, or null when it is not one of
 * this archive's ids: a representation that cannot exist here resolves to null.
 */
export function referenceKey(reference: { id?: unknown }, type: EntityType, archive: string): number | null {
  return typeof reference.id === 'string' ? keyOf(tryParseEntityId(reference.id, type), archive) : null;
}
