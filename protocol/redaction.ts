/**
 * The one place that takes secrets out of what Lantai prints. Database URLs carry their
 * password (`postgres://user:password@host/db`), and the URL of a shard or of the province may
 * carry credentials too; every log line and printed URL goes through redactSecrets first.
 * Tokens, the signing secrets and the identity headers are never put into a log line at all.
 */

const REDACTED = '***';

// scheme://user:password@ — the password stops at the last "@" before the host.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*):([^\s/?#]*)@/gi;
// key=value passwords of libpq connection strings and query parameters.
const PASSWORD_PARAMETER = /\b(password|passwd|pwd|secret|token)=([^\s&;'"]+)/gi;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

/** A database or service URL with its password replaced by ***, for printing. */
export function redactUrl(url: string): string {
  return redactSecrets(url);
}

/** A text (a log line, an error message) with every URL password, password parameter and bearer token replaced by ***. */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_CREDENTIALS, (_, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`)
    .replace(PASSWORD_PARAMETER, (_, key: string) => `${key}=${REDACTED}`)
    .replace(BEARER, (_, prefix: string) => `${prefix}${REDACTED}`);
}

/** A thrown value as one redacted log line, with its stack when it has one. */
export function describeForLog(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return redactSecrets(text);
}
