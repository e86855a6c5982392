/**
 * What protocol/tracing.ts decides without a network: whether traces are on, and what of a
 * SQL statement may go into a span.
 */
import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { startTracing, statementText, tracesRequested, tracingEnabled } from '../../protocol/tracing.js';

describe('tracing', () => {
  it('registers nothing when no OTLP endpoint is set', async () => {
    expect(tracesRequested({})).toBe(false);
    const tracing = startTracing('gateway', {});
    expect(tracing.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    // The API's own no-op: a span that records nothing.
    expect(trace.getTracer('lantai').startSpan('x').isRecording()).toBe(false);
    await tracing.shutdown();
  });

  it('is asked for by either OTLP endpoint variable, and turned off by OTEL_SDK_DISABLED', () => {
    expect(tracesRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracesRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracesRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracesRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });

  it('puts no literal value of a statement into its span text', () => {
    expect(statementText(`select * from "archive_360100"."record" where title like '%张三%' and year = 1958 and id = ? limit 20`)).toBe(
      `select * from "archive_360100"."record" where title like ? and year = ? and id = ? limit ?`,
    );
    expect(statementText(`select E'it''s', $tag$secret$tag$, $$x$$ from t`)).toBe('select ?, ?, ? from t');
    expect(statementText('select a1, t.b2 from archive_360100.t2 where c = $1')).toBe('select a1, t.b2 from archive_360100.t2 where c = $1');
  });
});
