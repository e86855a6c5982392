/**
 * OpenTelemetry traces across the network: the gateway, the province and an archive host run
 * as their own processes, exporting over OTLP/HTTP to a small receiver in this test. One
 * catalogue search sent with a W3C `traceparent` comes back as one trace, in which each
 * service continues the span of the service that called it, down to the SQL statements.
 */
import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetwork, type Network } from '../../scripts/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

/** One span as the OTLP/JSON encoding gives it, with the name of the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';
const SEARCH_TEXT = '档案';

/** What an OTLP AnyValue holds. */
function valueOf(value: Record<string, unknown>): unknown {
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('boolValue' in value) return value.boolValue;
  if ('doubleValue' in value) return value.doubleValue;
  if ('arrayValue' in value) return ((value.arrayValue as { values?: Record<string, unknown>[] }).values ?? []).map(valueOf);
  return undefined;
}

function attributesOf(list: { key: string; value: Record<string, unknown> }[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

/** A receiver of OTLP/HTTP trace exports (POST /v1/traces, JSON): collects the spans and says when more came. */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly contentTypes = new Set<string>();
  readonly server: Server;
  #listeners = new Set<() => void>();

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method !== 'POST' || request.url !== '/v1/traces') {
          response.writeHead(404).end();
          return;
        }
        this.contentTypes.add(String(request.headers['content-type']));
        let body = Buffer.concat(chunks);
        if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        const exported = JSON.parse(body.toString('utf8')) as {
          resourceSpans?: { resource?: { attributes?: any[] }; scopeSpans?: { spans?: any[] }[] }[];
        };
        for (const resourceSpans of exported.resourceSpans ?? []) {
          const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
          for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
            for (const span of scopeSpans.spans ?? []) {
              this.spans.push({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
                name: span.name,
                kind: span.kind,
                attributes: attributesOf(span.attributes),
              });
            }
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        for (const listener of this.#listeners) listener();
      });
    });
  }

  async listen(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /**
   * Resolves with `found(spans)` once it is not undefined, checked again on every export that
   * arrives; rejects after `deadlineMs` with what had arrived by then.
   */
  until<T>(found: (spans: ReceivedSpan[]) => T | undefined, deadlineMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const result = found(this.spans);
        if (result === undefined) return;
        this.#listeners.delete(check);
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`spans not complete after ${deadlineMs} ms; received: ${this.spans.map((s) => `${s.service} ${s.name}`).join(', ')}`));
      }, deadlineMs);
      this.#listeners.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The spans of one search's trace, each link of the chain the trace must show. */
interface SearchTrace {
  gatewayServer: ReceivedSpan;
  gatewayToProvince: ReceivedSpan;
  provinceServer: ReceivedSpan;
  provinceToHost: ReceivedSpan;
  hostServer: ReceivedSpan;
  hostOperation: ReceivedSpan;
  sql: ReceivedSpan;
  all: ReceivedSpan[];
}

/** Whether `ancestor` is `span`'s parent or an ancestor of it, within one service's spans. */
function descendsFrom(span: ReceivedSpan, ancestor: ReceivedSpan, spans: ReceivedSpan[]): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let current: ReceivedSpan | undefined = span; current; current = current.parentSpanId ? byId.get(current.parentSpanId) : undefined) {
    if (current.parentSpanId === ancestor.spanId) return true;
  }
  return false;
}

function childOf(spans: ReceivedSpan[], parent: ReceivedSpan | undefined, test: (span: ReceivedSpan) => boolean): ReceivedSpan | undefined {
  return parent && spans.find((span) => span.parentSpanId === parent.spanId && test(span));
}

/** The chain of the search's trace, once every link of it has been exported. */
function searchTrace(received: ReceivedSpan[]): SearchTrace | undefined {
  const all = received.filter((span) => span.traceId === TRACE_ID);
  const gatewayServer = childOf(all, { spanId: CALLER_SPAN_ID } as ReceivedSpan, (s) => s.service === 'lantai-gateway' && s.kind === SPAN_KIND.SERVER);
  const provinceServer = all.find((s) => s.service === 'lantai-province' && s.kind === SPAN_KIND.SERVER && s.attributes['http.route'] === '/graphql');
  const gatewayToProvince = provinceServer && all.find((s) => s.spanId === provinceServer.parentSpanId);
  const hostServer = all.find((s) => s.service === 'lantai-archive-host' && s.kind === SPAN_KIND.SERVER && s.attributes['http.route'] === '/archives/batch');
  const provinceToHost = hostServer && all.find((s) => s.spanId === hostServer.parentSpanId);
  const hostOperation = childOf(all, hostServer, (s) => s.kind === SPAN_KIND.INTERNAL && s.name === 'query SearchRecords');
  const sql = hostOperation && all.find((s) => s.attributes['db.system'] === 'postgresql' && descendsFrom(s, hostOperation, all));
  if (!gatewayServer || !gatewayToProvince || !provinceServer || !provinceToHost || !hostServer || !hostOperation || !sql) return undefined;
  return { gatewayServer, gatewayToProvince, provinceServer, provinceToHost, hostServer, hostOperation, sql, all };
}

const ARCHIVES = ['360000', '360100', '360121'];

let db: TestDatabase;
let network: Network;
const receiver = new OtlpReceiver();
const output: string[] = [];
const outputListeners = new Set<() => void>();

/** The first line of the services' output containing `text`, once it has been written. */
function lineWith(text: string): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const line = output.find((l) => l.includes(text));
      if (line === undefined) return;
      outputListeners.delete(check);
      resolve(line);
    };
    outputListeners.add(check);
    check();
  });
}

beforeAll(async () => {
  const endpoint = await receiver.listen();
  db = await createTestDatabase('traces');
  network = await startNetwork({
    databaseUrl: db.url,
    archives: ARCHIVES,
    hosts: 1,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      // Exports every 100 ms, so that the test's spans come without waiting on the 5 s default.
      OTEL_BSP_SCHEDULE_DELAY: '100',
      // Long enough that an archive of a busy machine is never taken for a dead one.
      LANTAI_SHARD_TIMEOUT_MS: '20000',
    },
    log: (line) => {
      output.push(line);
      for (const listener of outputListeners) listener();
    },
  });
});

afterAll(async () => {
  await network?.stop();
  await receiver.close();
  await db?.drop();
});

describe('OpenTelemetry traces', () => {
  it('show one search as one trace through the gateway, the province, an archive host and its SQL', async () => {
    const response = await fetch(network.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, 'x-request-id': 'traced-search' },
      body: JSON.stringify({
        query: `query TracedSearch($q: String) { searchCatalogue(query: $q, first: 3) { totalCount hits { record { id title } } } }`,
        variables: { q: SEARCH_TEXT },
      }),
    });
    const body = (await response.json()) as { data?: { searchCatalogue: { totalCount: number; hits: { record: { id: string } }[] } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data!.searchCatalogue.hits.length).toBeGreaterThan(0);

    const found = await receiver.until(searchTrace, 60_000);
    expect([...receiver.contentTypes]).toEqual(['application/json']);

    // Each service continues its caller's span: the caller's traceparent at the gateway, the
    // gateway's call at the province, the province's batch call at the archive host.
    expect(found.gatewayServer).toMatchObject({ name: 'POST /graphql', attributes: { 'http.route': '/graphql', 'http.response.status_code': 200 } });
    expect(found.gatewayToProvince).toMatchObject({ service: 'lantai-gateway', kind: SPAN_KIND.CLIENT });
    expect(descendsFrom(found.gatewayToProvince, found.gatewayServer, found.all)).toBe(true);
    expect(found.provinceToHost).toMatchObject({ service: 'lantai-province', kind: SPAN_KIND.CLIENT, name: 'POST /archives/batch' });
    expect(found.provinceToHost.attributes['lantai.archives']).toEqual(ARCHIVES);
    expect(found.provinceToHost.attributes['server.address']).toBe('127.0.0.1');
    expect(descendsFrom(found.provinceToHost, found.provinceServer, found.all)).toBe(true);
    expect(found.hostOperation.attributes['lantai.archive']).toMatch(/^36\d{4}$/);
    expect(found.sql).toMatchObject({ service: 'lantai-archive-host', kind: SPAN_KIND.CLIENT });
    expect(found.sql.attributes['db.operation.name']).toBe('SELECT');

    // The operation spans are named after the operations (the gateway names the province's part of it).
    expect(found.all.filter((s) => s.kind === SPAN_KIND.INTERNAL).map((s) => `${s.service} ${s.name}`)).toEqual(
      expect.arrayContaining(['lantai-gateway query TracedSearch', 'lantai-province query TracedSearch__province__0', 'lantai-archive-host query SearchRecords']),
    );

    // The gateway fetches the hits' fields from their archive: a client span per shard, naming it.
    const hitArchives = new Set(body.data!.searchCatalogue.hits.map((hit) => hit.record.id.split(':')[0]));
    const fetches = await receiver.until((spans) => {
      const calls = spans.filter(
        (s) => s.traceId === TRACE_ID && s.service === 'lantai-gateway' && s.kind === SPAN_KIND.CLIENT && s.name === 'POST /archives/:code/graphql',
      );
      return calls.length >= hitArchives.size ? calls : undefined;
    }, 60_000);
    expect(new Set(fetches.map((s) => s.attributes['lantai.archive']))).toEqual(hitArchives);
    for (const call of fetches) expect(descendsFrom(call, found.gatewayServer, found.all.concat(fetches))).toBe(true);

    // No statement text carries a value: the search text is in no span.
    const statements = receiver.spans.filter((s) => s.traceId === TRACE_ID && s.attributes['db.system'] === 'postgresql');
    for (const statement of statements) {
      expect(statement.attributes['db.statement']).toBe(statement.attributes['db.query.text']);
      expect(String(statement.attributes['db.statement'])).not.toContain(SEARCH_TEXT);
    }
    expect(receiver.spans.some((s) => JSON.stringify(s.attributes).includes(SEARCH_TEXT))).toBe(false);

    // The gateway's request line carries the trace and its own server span.
    const line = await lineWith('requestId=traced-search');
    expect(line).toContain(`traceId=${TRACE_ID}`);
    expect(line).toContain(`spanId=${found.gatewayServer.spanId}`);
  });
});
