/**
 * OpenTelemetry traces of every Lantai service, with W3C `traceparent` between them. A service
 * calls startTracing once, first thing in its index.ts: with OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, it registers a tracer provider whose spans leave in
 * batches over OTLP/HTTP (JSON), named after OTEL_SERVICE_NAME or the service's default name;
 * without it, nothing is registered, and every helper here falls through to the work it wraps
 * (the API's no-op tracer is not even asked for a span).
 *
 * Spans are made by hand at the few places every request passes, since the services run as
 * ESM under tsx, where require-hook instrumentation patches nothing:
 * - the HTTP shell of each service: a server span per request, continuing the caller's trace
 *   (`traceSpanOfRequest` gives its ids to the request log);
 * - the GraphQL layer: a span per operation, named `query SearchRecords` once Apollo knows it
 *   (`traceOperation` around the execution, `operationSpanPlugin` to name it);
 * - the one HTTP client between services (shard-client.ts): a client span per call, with the
 *   archives and the host called, and the `traceparent` the next service continues;
 * - the SQL layer of each ORM (`traceStatements`): a span per statement, with its text as the
 *   ORM holds it before binding, so no parameter value, and no literal, is in a span.
 *
 * Work done outside any request (a directory refresh, a probe of a host, a migration) makes no
 * span: a client or SQL span is only made inside a traced request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type SpanContext,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';

/** The service names spans carry when OTEL_SERVICE_NAME is unset. */
export const DEFAULT_SERVICE_NAMES = {
  gateway: 'lantai-gateway',
  province: 'lantai-province',
  archive: 'lantai-archive-host',
} as const;

/** Attributes of Lantai's own: the archive a shard call is for, or the archives of a host's batch. */
export const ATTR_LANTAI_ARCHIVE = 'lantai.archive';
export const ATTR_LANTAI_ARCHIVES = 'lantai.archives';

const TRACER_NAME = 'lantai';

let provider: NodeTracerProvider | null = null;

export interface Tracing {
  /** Whether spans are recorded and exported. */
  enabled: boolean;
  /** Exports the spans still buffered and stops; call on the way out (SIGTERM). */
  shutdown(): Promise<void>;
}

/** Whether OTLP export of traces is asked for by the environment. */
export function tracesRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_TRACES_EXPORTER !== 'none' && env.OTEL_SDK_DISABLED !== 'true';
}

/**
 * Registers the tracer provider of this process when the environment asks for traces. The
 * exporter reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables,
 * and the batch processor its delays and sizes from OTEL_BSP_*.
 */
export function startTracing(service: keyof typeof DEFAULT_SERVICE_NAMES, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (!tracesRequested(env) || provider) return { enabled: provider !== null, shutdown: async () => undefined };
  const started = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || DEFAULT_SERVICE_NAMES[service] }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  started.register({ propagator: new W3CTraceContextPropagator() });
  provider = started;
  return {
    enabled: true,
    async shutdown() {
      if (provider !== started) return;
      provider = null;
      await started.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** Whether this process records spans. */
export function tracingEnabled(): boolean {
  return provider !== null;
}

function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** Whether a span may be made here: inside a traced request only. */
function insideTrace(): boolean {
  return provider !== null && trace.getSpan(context.active()) !== undefined;
}

function failed(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name ?? 'Error' });
  span.setAttribute(ATTR_ERROR_TYPE, (error as Error)?.name ?? 'Error');
}

const serverSpans = new WeakMap<IncomingMessage, SpanContext>();

/**
 * The server span of one request, continuing the trace of its `traceparent`; `route` renames it
 * once the route is known. Runs `handle` inside it and ends it when the response is done.
 */
export function traceRequest(
  request: IncomingMessage,
  response: ServerResponse,
  handle: (request: IncomingMessage, response: ServerResponse, span: ServerSpan) => void,
): void {
  if (provider === null) return handle(request, response, NO_SERVER_SPAN);
  const method = request.method ?? 'GET';
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = tracer().startSpan(
    method,
    { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: (request.url ?? '/').split('?')[0] } },
    parent,
  );
  serverSpans.set(request, span.spanContext());
  response.once('close', () => {
    const status = response.statusCode;
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    if (status >= 500 || !response.writableFinished) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute(ATTR_ERROR_TYPE, response.writableFinished ? String(status) : 'aborted');
    }
    span.end();
  });
  const named: ServerSpan = {
    route(route: string) {
      span.updateName(`${method} ${route}`);
      span.setAttribute(ATTR_HTTP_ROUTE, route);
    },
  };
  context.with(trace.setSpan(parent, span), () => handle(request, response, named));
}

export interface ServerSpan {
  /** Names the span after the route that answers (a fixed path or a pattern's label). */
  route(route: string): void;
}

const NO_SERVER_SPAN: ServerSpan = { route: () => undefined };

/** The trace and span ids of a request's server span, when it is traced. */
export function traceSpanOfRequest(request: IncomingMessage): { traceId: string; spanId: string } | undefined {
  const span = serverSpans.get(request);
  return span ? { traceId: span.traceId, spanId: span.spanId } : undefined;
}

/**
 * Runs one GraphQL operation inside a span of its own (named by operationSpanPlugin once the
 * operation is known), so that its shard calls and SQL statements are its children.
 */
export function traceOperation<T>(run: () => Promise<T>, attributes: Attributes = {}): Promise<T> {
  if (!insideTrace()) return run();
  return tracer().startActiveSpan('graphql', { kind: SpanKind.INTERNAL, attributes }, async (span) => {
    try {
      return await run();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Apollo Server plugin: names the operation's span `<type> <name>` and marks it failed when errors came. */
export function operationSpanPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      if (provider === null) return;
      const span = trace.getActiveSpan();
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          const name = operationName?.slice(0, 100);
          span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
          span.setAttribute('graphql.operation.type', operation.operation);
          if (name) span.setAttribute('graphql.operation.name', name);
        },
        async willSendResponse({ response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          if (!body.errors?.length) return;
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.setAttribute(ATTR_ERROR_TYPE, String(body.errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}

/** What a client span says about the call: the archive it is for, or the archives of a batch. */
export interface CallTarget {
  archive?: string;
  archives?: readonly string[];
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** A shard endpoint's path with its archive code as a placeholder, for a span name of few values. */
function pathTemplate(path: string): string {
  return path.split('?')[0]!.replace(/^\/archives\/[^/]+\/graphql\/?$/, '/archives/:code/graphql');
}

/**
 * Runs one call to another service inside a client span, giving `call` the headers that carry
 * the trace on (W3C traceparent). Outside a traced request, `call` runs with no headers added.
 */
export function traceCall<T>(
  target: { origin: string; path: string },
  calling: CallTarget,
  call: (traceHeaders: Record<string, string>) => Promise<T>,
  statusOf: (result: T) => number,
): Promise<T> {
  if (!insideTrace()) return call(NO_HEADERS);
  const url = new URL(target.origin);
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: 'POST',
    [ATTR_SERVER_ADDRESS]: url.hostname,
    [ATTR_SERVER_PORT]: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    [ATTR_URL_PATH]: target.path.split('?')[0],
  };
  if (calling.archive) attributes[ATTR_LANTAI_ARCHIVE] = calling.archive;
  if (calling.archives) attributes[ATTR_LANTAI_ARCHIVES] = [...calling.archives];
  return tracer().startActiveSpan(`POST ${pathTemplate(target.path)}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    try {
      const result = await call(headers);
      const status = statusOf(result);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 400) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute(ATTR_ERROR_TYPE, String(status));
      }
      return result;
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * The headers that carry the active trace on (W3C traceparent), for a request forwarded as a
 * stream (an OAI-PMH page, an export, a catalogue upload): the service it goes to continues the
 * forwarding request's server span. Empty outside a traced request.
 */
export function traceContextHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  if (insideTrace()) propagation.inject(context.active(), headers);
  return headers;
}

type Execute = (query: unknown, params?: unknown, method?: unknown, ctx?: unknown, loggerContext?: unknown) => Promise<unknown>;

interface TracedConnection {
  execute: Execute;
  prepareQuery(query: unknown, params?: unknown): { query: string };
}

const traced = new WeakSet<object>();

/** Longest statement text put in a span. */
const MAX_STATEMENT_CHARS = 2000;

/**
 * A statement's text fit for a span: the ORM's text before binding (placeholders, not values),
 * with any literal written into it (a quoted string, a number) replaced by `?` as well.
 */
export function statementText(sql: string): string {
  const sanitized = sql
    .replace(/(?:\bE)?'(?:[^']|'')*'/g, '?')
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, '?')
    .replace(/(?<![\w$."])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, '?');
  return sanitized.length > MAX_STATEMENT_CHARS ? `${sanitized.slice(0, MAX_STATEMENT_CHARS)}…` : sanitized;
}

/** The SQL verb of a statement (SELECT, INSERT …), its operation name. */
function operationOf(sql: string): string {
  return /^\s*(?:\/\*.*?\*\/\s*)*(\w+)/s.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
}

/**
 * Makes every statement an ORM runs (through MikroORM's connection, which its entity manager,
 * query builders and raw `execute` all use) a span, inside traced requests.
 */
export function traceStatements(orm: { driver: { getConnection(type?: 'read' | 'write'): unknown } }): void {
  for (const type of ['write', 'read'] as const) {
    const connection = orm.driver.getConnection(type) as TracedConnection;
    if (traced.has(connection)) continue;
    traced.add(connection);
    const execute = connection.execute.bind(connection);
    connection.execute = (query, params, method, ctx, loggerContext) => {
      if (!insideTrace()) return execute(query, params, method, ctx, loggerContext);
      let text: string;
      try {
        text = connection.prepareQuery(query, params).query;
      } catch {
        return execute(query, params, method, ctx, loggerContext);
      }
      const operation = operationOf(text);
      const attributes: Attributes = {
        [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
        'db.system': DB_SYSTEM_NAME_VALUE_POSTGRESQL,
        [ATTR_DB_OPERATION_NAME]: operation,
        [ATTR_DB_QUERY_TEXT]: statementText(text),
        'db.statement': statementText(text),
      };
      return tracer().startActiveSpan(operation, { kind: SpanKind.CLIENT, attributes }, async (span) => {
        try {
          return await execute(query, params, method, ctx, loggerContext);
        } catch (error) {
          failed(span, error);
          throw error;
        } finally {
          span.end();
        }
      });
    };
  }
}
