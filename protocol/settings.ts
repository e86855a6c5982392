/**
 * The one reading of a setting from the environment or a flag (a port, a timeout, a limit, a
 * fraction, the signing secret), so every service accepts and refuses the same text with the
 * same message. Each service's settings module (gateway/config.ts, subgraphs/province/settings.ts,
 * subgraphs/archive/settings.ts) reads its variables once, at start, through these.
 */
import { DEMO_SUBGRAPH_SECRET } from './identity.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * `text` as a whole number from `min` (default 0) to `max`, `fallback` when it is unset or
 * empty; throws otherwise.
 */
export function wholeNumber(name: string, text: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER, min = 0): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    throw new Error(`${name} must be a whole number ${range}, not "${text}".`);
  }
  return value;
}

/** `text` as a fraction from 0 to 1, `fallback` when it is unset or blank; throws otherwise. */
export function fraction(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${name} must be a fraction from 0 to 1, not "${text}".`);
  return value;
}

export const MAX_PORT = 65535;

/**
 * Opts a service into the public demo secrets where none is set. Only the demo network
 * (scripts/network.ts) and the tests set it; a service started any other way without its
 * secrets refuses to start.
 */
export const DEMO_SECRETS_VARIABLE = 'LANTAI_DEMO_SECRETS';

export function usesDemoSecrets(env: Environment): boolean {
  return env[DEMO_SECRETS_VARIABLE] === 'on';
}

/**
 * The network's shared signing secret (LANTAI_SUBGRAPH_SECRET). Unset, it is the public demo
 * secret when LANTAI_DEMO_SECRETS=on (with a warning from `warn`), and otherwise an error that
 * says which variable to set: a service signing with a secret everyone knows would accept
 * forged identities.
 */
export function subgraphSecret(env: Environment, warn: (message: string) => void): string {
  const secret = env.LANTAI_SUBGRAPH_SECRET;
  if (secret) return secret;
  if (!usesDemoSecrets(env)) {
    throw new Error(`set LANTAI_SUBGRAPH_SECRET to the network's shared signing secret (or ${DEMO_SECRETS_VARIABLE}=on to use the public demo secret, for the demo only).`);
  }
  warn('LANTAI_SUBGRAPH_SECRET is unset; using the public demo secret (LANTAI_DEMO_SECRETS=on).');
  return DEMO_SUBGRAPH_SECRET;
}
