/**
 * Checks of client input that GraphQL's own validation cannot express, once for every
 * service. Each failure is a BAD_USER_INPUT whose message names the field and what was
 * expected, in the same words whichever service refuses it.
 */
import { badUserInput } from './errors.js';
import { printableText } from './text.js';

/** The largest value of a PostgreSQL integer column. */
export const INT4_MAX = 2_147_483_647;

export function requiredText(field: string, value: string | null | undefined, maxLength: number): string {
  const text = optionalText(field, value, maxLength);
  if (text === null) throw badUserInput(`"${field}" must not be empty.`);
  return text;
}

/** Trimmed text, or null when none or only spaces were given. */
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

export interface PageLimits {
  /** The size of a page when the client gives none. */
  default: number;
  max: number;
  /** @default 0 */
  min?: number;
}

/** The size of a page a client asks for with `first`. */
export function pageSize(first: number | null | undefined, limits: PageLimits): number {
  const size = first ?? limits.default;
  const min = limits.min ?? 0;
  if (!Number.isInteger(size) || size < min || size > limits.max) {
    const range = min === 0 ? 'a non-negative whole number' : `a whole number of at least ${min}`;
    throw badUserInput(`"first" must be ${range}, at most ${limits.max}, got ${size}.`);
  }
  return size;
}
