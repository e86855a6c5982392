/**
 * The one place that knows Lantai's id format.
 *
 * An archive's id is its code: the 6-digit administrative-division code (GB/T 2260) of the
 * area it serves. Every other entity of the archive contract has an id of the form
 * `<archive code>:<type>:<local key>`, e.g. `360100:Record:8f3a`. The gateway routes on the
 * text before the first colon and on nothing else, so that rule lives here once.
 */
import { badUserInput } from './errors.js';
import { isRegionCode } from './regions.js';

/** Entity types of the archive contract whose ids carry a type segment. */
export const ENTITY_TYPES = [
  'Fonds',
  'Record',
  'DigitalObject',
  'Utilization',
  'Exhibition',
  'Compilation',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const LOCAL_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export interface ParsedEntityId {
  archive: string;
  type: EntityType;
  local: string;
}

/** An archive's code is the code of the region it serves. */
export function isArchiveCode(value: string): boolean {
  return isRegionCode(value);
}

/**
 * The routing key of any id: the archive code before the first colon, or the id itself when
 * it has no colon (an archive's own id). Returns null when that text is not an archive code.
 */
export function routingKeyOf(id: string): string | null {
  const colon = id.indexOf(':');
  const key = colon === -1 ? id : id.slice(0, colon);
  return isArchiveCode(key) ? key : null;
}

export function entityId(archive: string, type: EntityType, local: string | number): string {
  return `${archive}:${type}:${local}`;
}

/** Parses an entity id, or returns null when it is not one (of the expected type). */
export function tryParseEntityId(id: string, expected?: EntityType): ParsedEntityId | null {
  const parts = id.split(':');
  if (parts.length !== 3) return null;
  const [archive, type, local] = parts as [string, string, string];
  if (!isArchiveCode(archive) || !LOCAL_KEY.test(local)) return null;
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) return null;
  if (expected && type !== expected) return null;
  return { archive, type: type as EntityType, local };
}

/** Parses an entity id given by a client; a malformed one is the client's error. */
export function parseEntityId(id: string, expected?: EntityType): ParsedEntityId {
  const parsed = tryParseEntityId(id, expected);
  if (!parsed) {
    const shape = expected ? `<archive code>:${expected}:<key>` : '<archive code>:<type>:<key>';
    throw badUserInput(`Malformed id "${truncate(id)}": expected ${shape}, e.g. 360100:${expected ?? 'Record'}:42.`);
  }
  return parsed;
}

/** Checks an archive id given by a client. */
export function parseArchiveCode(id: string): string {
  if (!isArchiveCode(id)) {
    throw badUserInput(`Malformed archive id "${truncate(id)}": expected a 6-digit administrative-division code (GB/T 2260), e.g. 360100.`);
  }
  return id;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
