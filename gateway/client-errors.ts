/**
 * The gateway's `formatError`: what every error looks like when it leaves the network.
 *
 * protocol/errors.ts formatClientError already replaces errors without a client code. The
 * gateway adds two things, because it is the one place every answer passes through: it drops
 * the extensions @apollo/gateway adds to errors it relays from a subgraph (`serviceName`),
 * and it replaces the message of any error that would name an internal address, a file or a
 * stack frame. Subgraphs mask their own errors; this is the last net for whatever a shard,
 * the planner or a future data source lets through.
 */
import type { GraphQLFormattedError } from 'graphql';
import { formatClientError } from '../protocol/errors.js';

/** Extensions that describe the inside of the network, never the client's request. */
const INTERNAL_EXTENSIONS = ['serviceName', 'stacktrace', 'exception', 'query', 'variables', 'response'];

const INTERNAL_DETAIL = [
  // URLs of any scheme with a host: shard endpoints, database URLs.
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`]+/i,
  // IPv4 addresses, with or without a port.
  /\b(?:\d{1,3}\.){3}\d{1,3}\b/,
  /\blocalhost:\d+/i,
  // Source files and stack frames.
  /(?:^|[\s(])\/[\w.@-]+(?:\/[\w.@-]+)+\.(?:ts|js|mjs|cjs)\b/,
  /\n\s+at\s/,
];

/** Whether a message names an internal address, a file path or a stack frame. */
export function revealsInternals(message: string): boolean {
  return INTERNAL_DETAIL.some((pattern) => pattern.test(message));
}

export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string) => void,
): GraphQLFormattedError {
  const masked = formatClientError(formatted, error, (e) => log(`internal error: ${String((e as Error)?.stack ?? e)}`));
  const extensions = { ...masked.extensions };
  for (const name of INTERNAL_EXTENSIONS) delete extensions[name];
  let message = masked.message;
  if (revealsInternals(message)) {
    log(`masked an error message that named internal details: ${message}`);
    message = 'The request could not be completed (内部信息已隐藏).';
  }
  return { ...masked, message, extensions };
}
