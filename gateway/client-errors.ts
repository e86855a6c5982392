/**
 * The gateway's `formatError`: what every error looks like when it leaves the network.
 *
 * protocol/errors.ts formatClientError already replaces errors without a client code. The
 * gateway adds two things, because it is the one place every answer passes through: it drops
 * the extensions @apollo/gateway adds to errors it relays from a subgraph (`serviceName`),
 * and it replaces the message of any error that would name an internal address (a shard's or
 * the province's host, a loopback address, a database URL), a file or a stack frame.
 * Subgraphs mask their own errors; this is the last net for whatever a shard, the planner or
 * a future data source lets through. Addresses in general are not masked: a message may show
 * the shape of a URL as an example (e.g. registerArchive's endpoint).
 */
import type { GraphQLFormattedError } from 'graphql';
import { formatClientError } from '../protocol/errors.js';

/** Extensions that describe the inside of the network, never the client's request. */
const INTERNAL_EXTENSIONS = ['serviceName', 'stacktrace', 'exception', 'query', 'variables', 'response'];

const INTERNAL_DETAIL = [
  /\bpostgres(?:ql)?:\/\//i,
  /\b127\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/,
  /\blocalhost\b/i,
  /\[::1\]/,
  // Source files and stack frames.
  /(?:^|[\s(])\/[\w.@-]+(?:\/[\w.@-]+)+\.(?:ts|js|mjs|cjs)\b/,
  /\n\s+at\s/,
];

/**
 * Whether a message names an internal address, a file path or a stack frame. `internalHosts`
 * are the `host:port` of every service behind the gateway (the shards and the province).
 */
export function revealsInternals(message: string, internalHosts: Iterable<string> = []): boolean {
  if (INTERNAL_DETAIL.some((pattern) => pattern.test(message))) return true;
  for (const host of internalHosts) if (host && message.includes(host)) return true;
  return false;
}

/** The `host:port` (and bare host) of each URL, for revealsInternals. */
export function hostsOf(urls: Iterable<string>): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      const parsed = new URL(url);
      hosts.add(parsed.host);
      if (parsed.port) hosts.add(`${parsed.hostname}:${parsed.port}`);
    } catch {
      // Not a URL: nothing to look for.
    }
  }
  return [...hosts];
}

export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string) => void,
  internalHosts: () => Iterable<string> = () => [],
): GraphQLFormattedError {
  const masked = formatClientError(formatted, error, (e) => log(`internal error: ${String((e as Error)?.stack ?? e)}`));
  const extensions = { ...masked.extensions };
  for (const name of INTERNAL_EXTENSIONS) delete extensions[name];
  let message = masked.message;
  if (revealsInternals(message, internalHosts())) {
    log(`masked an error message that named internal details: ${message}`);
    message = 'The request could not be completed (内部信息已隐藏).';
  }
  return { ...masked, message, extensions };
}
