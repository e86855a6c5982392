/**
 * A database connection that goes away under a service (PostgreSQL restarted, a backend
 * terminated by an operator or a pooler, a network blip) must not reach a client as an
 * internal error. A read that finds its connection gone is run once more on a fresh one from
 * the pool (READ_ATTEMPTS): the client does not notice. A write is not
 * run again, since it may have been applied. When the database is really down, the service
 * answers ARCHIVE_UNAVAILABLE (an archive) or PROVINCE_UNAVAILABLE (the province), which
 * tells a client to retry later, never INTERNAL_SERVER_ERROR.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors.js';

/** SQLSTATE classes and codes of a lost or refused connection, and Node's socket errors. */
const LOST_CONNECTION_CODES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or stopping
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/** What node-postgres and the pool say when a connection ends under a query, in their own words. */
const LOST_CONNECTION_MESSAGES =
  /Connection terminated|terminating connection|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|the database system is (?:starting up|shutting down)|is not currently accepting connections/i;

/** Whether `error` (or an error it wraps) says the database connection was lost or refused. */
export function isConnectionLost(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && LOST_CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && LOST_CONNECTION_MESSAGES.test(message)) return true;
    const next = current as { originalError?: unknown; cause?: unknown; previous?: unknown };
    current = next.originalError ?? next.cause ?? next.previous;
  }
  return false;
}

/** A statement that only reads: safe to run again. */
function isRead(sql: string): boolean {
  return /^\s*(?:\/\*.*?\*\/\s*)*select\b/is.test(sql);
}

const retrying = new WeakSet<object>();

/**
 * Tries of a read whose connection is lost. The server's goodbye fails the statement, but the
 * end of its socket may come a moment later, after the pool has taken the dead connection
 * back and handed it to the retry, which then fails at once without reaching the server; the
 * pool drops it then, and the third try runs on a fresh connection.
 */
const READ_ATTEMPTS = 3;

type Execute = (query: unknown, params?: unknown, method?: unknown, ctx?: unknown, loggerContext?: unknown) => Promise<unknown>;

/**
 * Runs `read`, a read outside any transaction, again when its connection was lost, on a fresh
 * one from the pool (READ_ATTEMPTS tries in all). Every read of an ORM given to
 * retryReadsOnLostConnection goes through it; a read that does not go through execute()
 * (services/page-rows.ts) calls it itself.
 */
export async function retryLostRead<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt === READ_ATTEMPTS || !isConnectionLost(error)) throw error;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Makes every read of `orm` outside a transaction run once more when its connection was lost.
 * A statement inside a transaction is not retried: its transaction is gone with the connection.
 */
export function retryReadsOnLostConnection(orm: MikroORM): void {
  for (const type of ['write', 'read'] as const) {
    const connection = orm.driver.getConnection(type) as unknown as {
      execute: Execute;
      prepareQuery(query: unknown, params?: unknown): { query: string };
    };
    if (retrying.has(connection)) continue;
    retrying.add(connection);
    const execute = connection.execute.bind(connection);
    connection.execute = (query, params, method, ctx, loggerContext) => {
      const run = () => execute(query, params, method, ctx, loggerContext);
      return ctx || !isRead(connection.prepareQuery(query, params).query) ? run() : retryLostRead(run);
    };
  }
}

/** formatClientError's `unavailable` for an archive host: a lost database is ARCHIVE_UNAVAILABLE. */
export function archiveDatabaseDown(error: unknown): GraphQLFormattedError | undefined {
  if (!isConnectionLost(error)) return undefined;
  return { message: '档案馆暂时无法访问: the archive’s database did not answer; try again later.', extensions: { code: ErrorCode.ARCHIVE_UNAVAILABLE } };
}

/** formatClientError's `unavailable` for the province: a lost database is PROVINCE_UNAVAILABLE. */
export function provinceDatabaseDown(error: unknown): GraphQLFormattedError | undefined {
  if (!isConnectionLost(error)) return undefined;
  return { message: '省级服务暂时无法访问: the province’s database did not answer; try again later.', extensions: { code: ErrorCode.PROVINCE_UNAVAILABLE } };
}

/**
 * An archive host's plugin: ARCHIVE_UNAVAILABLE names its archive (`extensions.archive`), which
 * formatClientError, shared by every archive of the host, cannot know.
 */
export function nameUnavailableArchive<TContext extends { archive: string }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.some((e) => e.extensions?.code === ErrorCode.ARCHIVE_UNAVAILABLE && !e.extensions.archive)) return;
          response.body.singleResult.errors = errors.map((e) =>
            e.extensions?.code === ErrorCode.ARCHIVE_UNAVAILABLE && !e.extensions.archive
              ? { ...e, extensions: { ...e.extensions, archive: contextValue.archive } }
              : e,
          );
        },
      };
    },
  };
}
