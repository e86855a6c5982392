/**
 * Structured logs of every service: one JSON line per event (pino), with time, level, service,
 * and for requests the request id, the trace id and span id of the request's server span when
 * traces are on (protocol/tracing.ts; otherwise the trace id of a W3C `traceparent`), the operation, the
 * caller's role and archive, the duration, the outcome and the error codes. Request lines are
 * at `info` (a refusal or a client error at `warn`, a server error at `error`), so an operator
 * turns them down with LANTAI_LOG_LEVEL=warn. Every string goes through redactSecrets; tokens,
 * signing secrets and identity headers are never put into a line.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { ServiceErrorCode } from './errors.js';
import type { Identity } from './identity.js';
import { redactSecrets } from './redaction.js';
import { traceSpanOfRequest } from './tracing.js';

export type ServiceLogger = Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface ServiceLoggerOptions {
  /**
   * Lowest level written (LANTAI_LOG_LEVEL).
   * @default 'info'
   */
  level?: string;
  /** Where lines go. @default standard output */
  destination?: DestinationStream;
}

/**
 * A destination that writes each JSON line as a readable one (LANTAI_LOG_FORMAT=text, which
 * the demo sets): `time level service message key=value …`.
 */
export function readableLines(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return {
    write(line: string) {
      const { time, level, service, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
      const rest = Object.entries(fields)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      out.write(`${String(time).slice(11, 23)} ${String(level).padEnd(5)} ${String(service)}: ${String(msg ?? '')}${rest ? ` ${rest}` : ''}\n`);
    },
  };
}

/** A pino logger whose lines carry `service` and have every string argument redacted. */
export function createServiceLogger(service: string, options: ServiceLoggerOptions = {}): ServiceLogger {
  const level = options.level ?? process.env.LANTAI_LOG_LEVEL ?? 'info';
  const destination = options.destination ?? (process.env.LANTAI_LOG_FORMAT === 'text' ? readableLines() : undefined);
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LANTAI_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(level)}.`);
  return pino(
    {
      base: { service },
      level,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace id of a W3C `traceparent` header, or undefined. */
export function traceIdOf(traceparent: string | string[] | undefined): string | undefined {
  const value = Array.isArray(traceparent) ? traceparent[0] : traceparent;
  const match = value === undefined ? null : TRACEPARENT.exec(value.trim());
  return match && !/^0+$/.test(match[1]!) ? match[1] : undefined;
}

const REQUEST_ID = 'x-request-id';

/** What the GraphQL layer adds to a request's log line. */
interface OperationDetails {
  operation?: { type: string; name: string | null };
  role?: string;
  archive?: string;
  outcome?: string;
  codes?: string[];
}

/**
 * One log line per HTTP request, written when its response is finished, with what the GraphQL
 * layer learnt about it (plugin) when it reached GraphQL.
 */
export class RequestLog {
  readonly #details = new Map<string, OperationDetails>();

  constructor(readonly logger: ServiceLogger) {}

  /** Gives the request an id (its own `x-request-id` when it is short and plain); call first. */
  begin(request: IncomingMessage): string {
    const given = request.headers[REQUEST_ID];
    const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    request.headers[REQUEST_ID] = id;
    return id;
  }

  /** Writes the request's line. */
  end(request: IncomingMessage, response: ServerResponse, route: string, durationMs: number): void {
    const id = request.headers[REQUEST_ID] as string;
    const details = this.#details.get(id) ?? {};
    this.#details.delete(id);
    const status = response.statusCode;
    const failed = status >= 500 || details.codes?.includes(ServiceErrorCode.INTERNAL_SERVER_ERROR);
    const traced = traceSpanOfRequest(request);
    const level = failed ? 'error' : status >= 400 || (details.codes?.length ?? 0) > 0 ? 'warn' : 'info';
    this.logger[level](
      {
        requestId: id,
        traceId: traced?.traceId ?? traceIdOf(request.headers.traceparent),
        ...(traced ? { spanId: traced.spanId } : {}),
        method: request.method,
        route,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        ...details,
      },
      'request',
    );
  }

  /** Apollo Server plugin: the operation, the caller and the outcome of each request. */
  plugin<TContext extends object>(callerOf: (context: TContext) => Identity | undefined): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ request, operation, operationName, response, contextValue }) => {
          const id = request.http?.headers.get(REQUEST_ID);
          if (!id) return;
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const codes = [...new Set((body.errors ?? []).map((e) => String(e.extensions?.code ?? ServiceErrorCode.INTERNAL_SERVER_ERROR)))];
          const caller = callerOf(contextValue);
          this.#details.set(id, {
            operation: { type: operation?.operation ?? 'unknown', name: operationName?.slice(0, 100) ?? null },
            ...(caller ? { role: caller.role, ...(caller.archive ? { archive: caller.archive } : {}) } : {}),
            outcome: codes.length === 0 ? 'ok' : body.data ? 'partial' : 'error',
            ...(codes.length ? { codes } : {}),
          });
        },
      }),
    };
  }
}
