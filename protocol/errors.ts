/**
 * The small, documented set of error codes a client can act on. Anything else that goes
 * wrong reaches a client as INTERNAL_SERVER_ERROR with a fixed message (see formatClientError), so no
 * stack trace, SQL or internal address ever leaves a service.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describeForLog } from './redaction.js';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ARCHIVE_UNAVAILABLE: 'ARCHIVE_UNAVAILABLE',
  CONFLICT: 'CONFLICT',
  // Added for the gateway's per-caller rate limit (HTTP 429): a client must tell "slow down
  // and retry" apart from the other codes, none of which asks it to wait.
  RATE_LIMITED: 'RATE_LIMITED',
  // Added for the gateway when the province subgraph does not answer: the cross-region fields
  // (directory, search, statistics, requests) fail as a whole, while fields of the archives
  // still answer, and a dashboard must tell "retry later" apart from a fault of its own.
  PROVINCE_UNAVAILABLE: 'PROVINCE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes a service sets itself, outside the set a resolver may throw: they are not passed
 * through formatClientError, because Apollo Server gives INTERNAL_SERVER_ERROR to any error
 * without a code, whose message must not reach a client.
 */
export const ServiceErrorCode = {
  /** Something failed inside a service; the message is fixed and the cause only logged. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The service is starting and answers nothing yet (HTTP 503). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type ServiceErrorCode = (typeof ServiceErrorCode)[keyof typeof ServiceErrorCode];

/**
 * Codes of requests refused before any operation runs: Apollo Server's own, the services'
 * refusals of a body they cannot read, and the gateway's refusal of an operation that is not
 * a trusted document (gateway/trusted-documents.ts), named as Apollo Router names it.
 */
export const RequestErrorCode = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  QUERY_NOT_IN_SAFELIST: 'QUERY_NOT_IN_SAFELIST',
} as const;
export type RequestErrorCode = (typeof RequestErrorCode)[keyof typeof RequestErrorCode];

/** Every code a Lantai service writes in `extensions.code`. */
export type AnswerErrorCode = ErrorCode | RequestErrorCode | ServiceErrorCode;

/** The one error a client sees for anything that failed inside a service. */
export const INTERNAL_ERROR: GraphQLFormattedError = Object.freeze({
  message: 'Internal server error.',
  extensions: Object.freeze({ code: ServiceErrorCode.INTERNAL_SERVER_ERROR }),
});

const CLIENT_CODES = new Set<string>([...Object.values(ErrorCode), ...Object.values(RequestErrorCode)]);

function lantaiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, extensions?: Record<string, unknown>) =>
  lantaiError(ErrorCode.BAD_USER_INPUT, message, extensions);
/** Always HTTP 401, wherever it is thrown: Apollo Server reads `extensions.http` and removes it. */
export const unauthenticated = (message = 'Authentication required: the credentials are missing, malformed or expired.') =>
  lantaiError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
export const forbidden = (message: string) => lantaiError(ErrorCode.FORBIDDEN, message);
export const notFound = (message: string, extensions?: Record<string, unknown>) =>
  lantaiError(ErrorCode.NOT_FOUND, message, extensions);
export const conflict = (message: string) => lantaiError(ErrorCode.CONFLICT, message);
export const archiveUnavailable = (archive: string, reason = 'did not answer') =>
  lantaiError(ErrorCode.ARCHIVE_UNAVAILABLE, `Archive ${archive} ${reason}.`, { archive });

export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Apollo Server `formatError`: errors carrying a client code pass through without stack
 * traces; anything else is logged here and replaced by a fixed message, because its text may
 * hold SQL, a file path or an internal address.
 */
export function formatClientError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = (e) => console.error(describeForLog(e)),
  unavailable?: (error: unknown) => GraphQLFormattedError | undefined,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log(error);
  // An error that means the service is away for now (its database, protocol/database-faults.ts)
  // is told as such, so that the client retries.
  const replacement = unavailable?.(error);
  if (replacement) return { ...replacement, ...(formatted.path ? { path: formatted.path } : {}) };
  return {
    message: INTERNAL_ERROR.message,
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { ...INTERNAL_ERROR.extensions },
  };
}
