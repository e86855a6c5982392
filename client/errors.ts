/**
 * The errors of a Lantai answer as typed values. Each carries the `extensions.code` the README
 * documents (section Errors); the two a client acts on with more than the code carry what it
 * needs: ARCHIVE_UNAVAILABLE the archive that did not answer, RATE_LIMITED how long to wait.
 */
import type { CombinedError } from '@urql/core';
import type { ErrorCode } from '../protocol/errors.js';

/** Codes of requests refused before they run (Apollo Server's and the gateway's own). */
export type RequestErrorCode =
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'QUERY_NOT_IN_SAFELIST'
  | 'INTERNAL_SERVER_ERROR';

/** NETWORK_ERROR: no GraphQL answer came (refused connection, cut-off or non-JSON body). */
export type LantaiErrorCode = ErrorCode | RequestErrorCode | 'NETWORK_ERROR';

interface ErrorFields {
  message: string;
  /** The field the error belongs to, as GraphQL gives it; absent for a request-level error. */
  path?: readonly (string | number)[];
}

export type LantaiError =
  | (ErrorFields & { code: 'ARCHIVE_UNAVAILABLE'; /** The archive code that did not answer. */ archive: string })
  | (ErrorFields & { code: 'RATE_LIMITED'; /** Seconds to wait (Retry-After); null when the answer gave none. */ retryAfterSeconds: number | null })
  | (ErrorFields & { code: Exclude<LantaiErrorCode, 'ARCHIVE_UNAVAILABLE' | 'RATE_LIMITED'> });

/** Every code, once: TypeScript refuses this object when a code is missing or unknown. */
const KNOWN_CODES: Readonly<Record<LantaiErrorCode, true>> = {
  BAD_USER_INPUT: true,
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  ARCHIVE_UNAVAILABLE: true,
  CONFLICT: true,
  RATE_LIMITED: true,
  PROVINCE_UNAVAILABLE: true,
  GRAPHQL_PARSE_FAILED: true,
  GRAPHQL_VALIDATION_FAILED: true,
  BAD_REQUEST: true,
  PERSISTED_QUERY_NOT_FOUND: true,
  PERSISTED_QUERY_NOT_SUPPORTED: true,
  QUERY_NOT_IN_SAFELIST: true,
  INTERNAL_SERVER_ERROR: true,
  NETWORK_ERROR: true,
};

/** Seconds from a Retry-After header: a number of seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** An error as an answer's JSON gives it. */
export interface AnsweredError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** One error of an answer, typed; `retryAfter` is the answer's Retry-After header. */
export function typedError(error: AnsweredError, retryAfter: string | null | undefined): LantaiError {
  const given = error.extensions?.code;
  const fields: ErrorFields = { message: String(error.message), ...(error.path ? { path: error.path } : {}) };
  if (given === 'ARCHIVE_UNAVAILABLE') return { ...fields, code: given, archive: String(error.extensions?.archive ?? '') };
  if (given === 'RATE_LIMITED') return { ...fields, code: given, retryAfterSeconds: retryAfterSeconds(retryAfter) };
  // A code outside the documented set is a fault the client cannot act on, as the gateway's
  // masked errors are.
  const code = typeof given === 'string' && Object.hasOwn(KNOWN_CODES, given) ? (given as Exclude<LantaiErrorCode, 'ARCHIVE_UNAVAILABLE' | 'RATE_LIMITED'>) : 'INTERNAL_SERVER_ERROR';
  return { ...fields, code };
}

/** The typed errors of one urql result: its GraphQL errors, or its network error. */
export function lantaiErrors(error: CombinedError | undefined): LantaiError[] {
  if (!error) return [];
  if (error.graphQLErrors.length === 0) {
    return [{ code: 'NETWORK_ERROR', message: error.networkError?.message ?? error.message }];
  }
  const response = error.response as { headers?: { get(name: string): string | null } } | undefined;
  return error.graphQLErrors.map((graphQLError) =>
    typedError({ message: graphQLError.message, path: graphQLError.path, extensions: graphQLError.extensions as Record<string, unknown> | undefined }, response?.headers?.get('retry-after')),
  );
}

/** Thrown by `pages` when a page has no data to walk on; `errors` says why. */
export class LantaiRequestError extends Error {
  readonly errors: LantaiError[];

  constructor(errors: LantaiError[]) {
    super(errors.map((error) => `${error.code}: ${error.message}`).join('; ') || 'The answer had no data.');
    this.errors = errors;
    this.name = 'LantaiRequestError';
  }
}
