/**
 * One call for many archives of a host (POST /archives/batch): the province's scatter-gather
 * (catalogue search, holdings for statistics) sends one request per archive host instead of
 * one per archive. A province-wide search on two hosts is then two HTTP exchanges and two
 * identity checks instead of 112; each archive's query still runs through the same schema,
 * resolvers, visibility rules and audit plugin as at /archives/<code>/graphql.
 *
 * Body: `{ "requests": [{ "archive": "360100", "query": "…", "operationName"?, "variables"? }],
 * "timeoutMs"? }`, queries only (a mutation is refused: mutations go one by one, in order, to
 * their archive). Answer: `{ "responses": [{ "archive", "data"?, "errors"? }] }` in the order
 * of the requests; an archive's error is its own entry's, never the whole batch's. With
 * `timeoutMs`, the answer comes within it: an archive still working then is answered with an
 * ARCHIVE_UNAVAILABLE error, so one slow archive does not make its whole host look down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { OperationTypeNode, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { archiveUnavailable, ErrorCode, RequestErrorCode, type AnswerErrorCode } from '../../protocol/errors.js';
import { BodyTooLargeError, readBody, sendError, sendJson } from '../../protocol/http.js';
import { verifyIdentity, type Identity } from '../../protocol/identity.js';
import { ATTR_LANTAI_ARCHIVE, traceOperation } from '../../protocol/tracing.js';
import type { ArchiveContext } from './context.js';

const { BAD_REQUEST } = RequestErrorCode;

/** Archives one batch may name: a province has about a hundred. */
export const MAX_BATCH_REQUESTS = 500;

export interface BatchRequestItem {
  archive: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

export interface BatchResponseItem {
  archive: string;
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** The error of a request for an archive this host does not serve, at its own endpoint or in a batch. */
export function notHostedError(code: string): GraphQLFormattedError {
  return { message: `Archive ${code.slice(0, 20)} is not hosted here (本服务未托管该档案馆).`, extensions: { code: ErrorCode.NOT_FOUND } };
}

/** Answers a refused call between services with its status and one error carrying `code`. */
export function refuseCall(response: ServerResponse, status: number, message: string, code: AnswerErrorCode): void {
  sendError(response, status, code, message);
}

function isItem(value: unknown): value is BatchRequestItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.archive === 'string' &&
    typeof item.query === 'string' &&
    (item.operationName === undefined || typeof item.operationName === 'string') &&
    (item.variables === undefined || (typeof item.variables === 'object' && item.variables !== null && !Array.isArray(item.variables)))
  );
}

/** Whether every operation of a query text is a query; parsed once per distinct text (the province sends a handful). */
class QueryOnlyCheck {
  readonly #known = new Map<string, boolean>();

  accepts(text: string): boolean {
    let accepted = this.#known.get(text);
    if (accepted === undefined) {
      let document: DocumentNode;
      try {
        document = parse(text);
      } catch {
        // Not cached: Apollo reports the syntax error in the archive's own entry.
        return true;
      }
      accepted = document.definitions.every((d) => d.kind !== 'OperationDefinition' || d.operation === OperationTypeNode.QUERY);
      if (this.#known.size >= 100) this.#known.clear();
      this.#known.set(text, accepted);
    }
    return accepted;
  }
}

/**
 * Reads a call between services to a host route (a batch, catalogue versions): a POST of JSON
 * within `limit` bytes, signed. Answers a refused call itself (405, 415, 401, 413, 400) and
 * resolves with null then.
 */
export async function readSignedJsonCall(
  request: IncomingMessage,
  response: ServerResponse,
  options: { secret: string; limit: number; refusals: { notPost: string; notJson: string } },
): Promise<{ viewer: Identity; body: unknown } | null> {
  if (request.method !== 'POST') return (refuseCall(response, 405, options.refusals.notPost, BAD_REQUEST), null);
  // A JSON content type is what keeps a browser from sending this cross-site without a preflight.
  if (!(request.headers['content-type'] ?? '').includes('application/json')) return (refuseCall(response, 415, options.refusals.notJson, BAD_REQUEST), null);
  let viewer: Identity;
  try {
    viewer = verifyIdentity(request.headers, options.secret);
  } catch (error) {
    return (refuseCall(response, 401, (error as Error).message, ErrorCode.UNAUTHENTICATED), null);
  }
  try {
    return { viewer, body: JSON.parse(await readBody(request, options.limit)) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return (refuseCall(response, 413, `请求体过大: the request body is larger than ${options.limit} bytes.`, BAD_REQUEST), null);
    if (error instanceof SyntaxError) return (refuseCall(response, 400, 'The request body is not valid JSON.', BAD_REQUEST), null);
    throw error;
  }
}

export function batchHandler(options: {
  apollo: ApolloServer<ArchiveContext>;
  secret: string;
  maxBodyBytes?: number;
  /** The context of one archive's operation, or null when the archive is not hosted here. */
  contextFor(archive: string, viewer: Identity): ArchiveContext | null;
}) {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const queriesOnly = new QueryOnlyCheck();
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const call = await readSignedJsonCall(request, response, {
      secret: options.secret,
      limit,
      refusals: { notPost: 'POST a batch of archive queries here.', notJson: 'A batch is sent as application/json.' },
    });
    if (!call) return;
    const { viewer, body } = call;
    const { requests, timeoutMs } = (body ?? {}) as { requests?: unknown; timeoutMs?: unknown };
    if (
      !Array.isArray(requests) ||
      requests.length > MAX_BATCH_REQUESTS ||
      !requests.every(isItem) ||
      (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && (timeoutMs as number) > 0))
    ) {
      return refuseCall(
        response,
        400,
        `A batch is {"requests": [{"archive", "query", "operationName"?, "variables"?}], "timeoutMs"?}, at most ${MAX_BATCH_REQUESTS} requests, timeoutMs a positive whole number.`,
        BAD_REQUEST,
      );
    }
    if (!requests.every((item) => queriesOnly.accepts(item.query))) {
      return refuseCall(response, 400, 'A batch carries queries only; send mutations to the archive’s own endpoint.', BAD_REQUEST);
    }

    const run = async (item: BatchRequestItem): Promise<BatchResponseItem> => {
      const contextValue = options.contextFor(item.archive, viewer);
      if (!contextValue) {
        return { archive: item.archive, errors: [notHostedError(item.archive)] };
      }
      const result = await traceOperation(
        () => options.apollo.executeOperation({ query: item.query, operationName: item.operationName, variables: item.variables }, { contextValue }),
        { [ATTR_LANTAI_ARCHIVE]: item.archive },
      );
      if (result.body.kind !== 'single') {
        return { archive: item.archive, errors: [{ message: 'Incremental delivery is not supported in a batch.', extensions: { code: BAD_REQUEST } }] };
      }
      const { data, errors } = result.body.singleResult;
      return { archive: item.archive, ...(data !== undefined ? { data } : {}), ...(errors ? { errors } : {}) };
    };
    let timer: NodeJS.Timeout | undefined;
    const late =
      timeoutMs === undefined
        ? null
        : new Promise<'late'>((resolve) => {
            timer = setTimeout(() => resolve('late'), timeoutMs as number);
          });
    const answer = async (item: BatchRequestItem): Promise<BatchResponseItem> => {
      const answered = run(item);
      if (!late) return answered;
      // An archive answered late is dropped, and so is a failure it may still come to.
      answered.catch(() => undefined);
      const first = await Promise.race([answered, late]);
      if (first !== 'late') return first;
      const error = archiveUnavailable(item.archive, 'did not answer in time');
      return { archive: item.archive, data: null, errors: [{ message: error.message, extensions: error.extensions }] };
    };
    try {
      sendJson(response, 200, { responses: await Promise.all(requests.map(answer)) });
    } finally {
      clearTimeout(timer);
    }
  };
}
