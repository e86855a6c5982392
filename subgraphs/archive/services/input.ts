/**
 * Checks of client input that GraphQL's own validation cannot express. Each failure is a
 * BAD_USER_INPUT whose message names the field and what was expected.
 */
import { badUserInput } from '../../../protocol/errors.js';
import { parseEntityId, type EntityType } from '../../../protocol/ids.js';
import { printableText } from '../../../protocol/text.js';

const INT4_MAX = 2_147_483_647;

export function requiredText(field: string, value: string | null | undefined, maxLength: number): string {
  const text = printableText(field, value?.trim() ?? '');
  if (text.length === 0) throw badUserInput(`"${field}" must not be empty.`);
  if (text.length > maxLength) throw badUserInput(`"${field}" may be at most ${maxLength} characters, got ${text.length}.`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  if (value === null || value === undefined) return null;
  const text = printableText(field, value.trim());
  if (text.length > maxLength) throw badUserInput(`"${field}" may be at most ${maxLength} characters, got ${text.length}.`);
  return text.length === 0 ? null : text;
}

export function nonNegativeInt(field: string, value: number, max = INT4_MAX): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw badUserInput(`"${field}" must be a whole number from 0 to ${max}, got ${value}.`);
  }
  return value;
}

/** 年度: a plausible year of a record or a publication. */
export function year(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1000 || value > 2999) {
    throw badUserInput(`"${field}" must be a year (年度) from 1000 to 2999, got ${value}.`);
  }
  return value;
}

/** A real calendar date written YYYY-MM-DD. */
export function isoDate(field: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value || Number(match[1]) < 1000) {
    throw badUserInput(`"${field}" must be a real date written YYYY-MM-DD, got "${value.slice(0, 40)}".`);
  }
  return value;
}

/** Today's date in China Standard Time, where the archives keep their registers. */
export function todayInChina(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The integer key of an entity id of this archive. Malformed ids are the client's error;
 * a well-formed id of another archive or with a key that cannot exist gives null.
 */
export function localKey(id: string, type: EntityType, archive: string): number | null {
  const parsed = parseEntityId(id, type);
  if (parsed.archive !== archive || !/^[1-9]\d{0,9}$/.test(parsed.local)) return null;
  const key = Number(parsed.local);
  return key <= INT4_MAX ? key : null;
}
