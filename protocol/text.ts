/**
 * The one rule every service applies to text a client sends: no C0 control characters other
 * than tab and line breaks. PostgreSQL refuses a NUL in text and in jsonb (so it would come
 * back as an internal error), and none of the others belongs in a catalogue, a directory or a
 * request.
 */
import { badUserInput } from './errors.js';

const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Refuses text holding control characters (a NUL byte among them) as the client's error. */
export function printableText(field: string, text: string): string {
  if (CONTROL_CHARACTER.test(text)) throw badUserInput(`"${field}" must not contain control characters (such as a NUL byte).`);
  return text;
}
