/**
 * The one reading of a whole-number setting (a port, a timeout, a limit) from the environment
 * or a flag, so every service accepts and refuses the same text with the same message.
 */

/** `text` as a whole number from 0 to `max`, `fallback` when it is unset or empty; throws otherwise. */
export function wholeNumber(name: string, text: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? '0 or more' : `from 0 to ${max}`;
    throw new Error(`${name} must be a whole number ${range}, not "${text}".`);
  }
  return value;
}

export const MAX_PORT = 65535;
