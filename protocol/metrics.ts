/**
 * Prometheus metrics of one Lantai service (gateway, province, archive host), in prom-client's
 * text format at GET /metrics. Names follow OpenTelemetry's HTTP semantic conventions where one
 * exists (`http_server_request_duration_seconds` with `http_route`,
 * `http_request_method`, `http_response_status_code`); Lantai's own start with `lantai_`.
 *
 * Every label has a bounded set of values: routes are the service's few fixed routes, and
 * operation names are kept once each up to MAX_OPERATION_NAMES; beyond that, and for
 * operations that never resolved, the name is a bucket (`other`, `unknown`), so a client
 * sending made-up names cannot grow the label set. Archive codes and hosts come from the
 * province directory, not from the client.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Distinct operation names kept as labels; later new names count as `other`. */
export const MAX_OPERATION_NAMES = 200;

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'http_route' | 'http_request_method' | 'http_response_status_code'>;
  readonly operationDuration: Histogram<'operation_type' | 'operation_name' | 'outcome'>;
  readonly operations: Counter<'operation_type' | 'operation_name' | 'outcome'>;
  readonly #names = new Set<string>();

  constructor(readonly service: 'gateway' | 'province' | 'archive') {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = this.histogram('http_server_request_duration_seconds', 'Duration of HTTP server requests, by route, method and status.', [
      'http_route',
      'http_request_method',
      'http_response_status_code',
    ]);
    const operationLabels = ['operation_type', 'operation_name', 'outcome'] as const;
    this.operationDuration = this.histogram(
      'lantai_graphql_operation_duration_seconds',
      'Duration of GraphQL operations, by type, name and outcome (ok, error, partial).',
      operationLabels,
    );
    this.operations = this.counter('lantai_graphql_operations_total', 'GraphQL operations, by type, name and outcome (ok, error, partial).', operationLabels);
  }

  /** A counter in this service's registry. */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge in this service's registry; `collect` sets its values when it is scraped. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect?: (gauge: Gauge<L>) => void | Promise<void>): Gauge<L> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      ...(collect ? { async collect(this: Gauge<L>) { await collect(this); } } : {}),
    });
  }

  /** A histogram of durations in seconds in this service's registry, in `buckets` (upper bounds, seconds) when given. */
  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[] = SECONDS): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  /** The label of an operation name: itself while few names are known, else a bucket. */
  operationName(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.#names.has(name)) return name;
    if (this.#names.size >= MAX_OPERATION_NAMES || name.length > 100) return 'other';
    this.#names.add(name);
    return name;
  }

  /** Observes one HTTP request once its response is finished. */
  observeHttp(route: string, method: string | undefined, startedAt: bigint, status: number): void {
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    this.httpDuration.observe({ http_route: route, http_request_method: method ?? 'GET', http_response_status_code: String(status) }, seconds);
  }

  /** Apollo Server plugin: duration, type, name and outcome of every operation. */
  graphqlPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => {
        const startedAt = process.hrtime.bigint();
        return {
          willSendResponse: async ({ operation, operationName, response, errors }) => {
            const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
            const failed = (errors?.length ?? 0) > 0 || (body.errors?.length ?? 0) > 0;
            const outcome = !failed ? 'ok' : body.data ? 'partial' : 'error';
            const labels = {
              operation_type: operation?.operation ?? 'unknown',
              operation_name: operation ? this.operationName(operationName) : 'unknown',
              outcome,
            };
            this.operations.inc(labels);
            this.operationDuration.observe(labels, Number(process.hrtime.bigint() - startedAt) / 1e9);
          },
        };
      },
    };
  }

  /** The Prometheus text of every metric. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
