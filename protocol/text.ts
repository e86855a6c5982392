/**
 * The one rule every service applies to text a client sends: no C0 control characters other
 * than tab and line breaks. PostgreSQL refuses a NUL in text and in jsonb (so it would come
 * back as an internal error), and none of the others belongs in a catalogue, a directory or a
 * request.
 */
import { badUserInput } from './errors.js';

export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Refuses text holding control characters (a NUL byte among them) as the client's error. */
export function printableText(field: string, text: string): string {
  if (CONTROL_CHARACTER.test(text)) throw badUserInput(`"${field}" must not contain control characters (such as a NUL byte).`);
  return text;
}

/**
 * Control characters (line breaks and tabs among them) and bidirectional-text controls shown
 * as \u escapes, for text from a file or a client printed on a terminal: a cell must not be
 * able to move the cursor, clear the screen, start a new line of the report or reorder what is
 * printed around it.
 */
const UNSAFE_ON_A_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return unicodeEscaped(text, UNSAFE_ON_A_TERMINAL);
}

/** `text` with each UTF-16 unit that `pattern` (global) matches written as a `\uXXXX` escape, as JSON reads it. */
export function unicodeEscaped(text: string, pattern: RegExp): string {
  return text.replace(pattern, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
