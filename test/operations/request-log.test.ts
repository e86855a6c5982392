/**
 * Request logs: one JSON line per request with time, level, service, request id, trace id,
 * operation, caller's role and archive, duration, outcome and error codes, a refused token
 * included; no token or secret in any line; turned down by level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestLog, createServiceLogger, readableLines } from '../../protocol/logging.js';
import { SUBGRAPH_SECRET, JWT_SECRET, startNetwork, type TestNetwork } from '../gateway/fixtures/network.js';

const lines: Record<string, any>[] = [];
let network: TestNetwork;

beforeAll(async () => {
  const logger = createServiceLogger('gateway', { level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  network = await startNetwork({ requestLog: new RequestLog(logger), log: (message) => logger.error(message) });
});

afterAll(async () => {
  await network?.stop();
});

/** The request line with this request id, once the response is done (its `close` may follow the body). */
async function lineOf(requestId: string): Promise<Record<string, any>> {
  for (;;) {
    const line = lines.find((l) => l.requestId === requestId);
    if (line) return line;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('request logs', () => {
  it('write one line per request with the operation, the caller, the outcome and the trace id', async () => {
    const token = await network.token({ sub: 'zhang', role: 'archivist', archive: '360100' });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const answer = await network.query('query ArchiveName { archive(id: "360100") { name } }', undefined, {
      authorization: `Bearer ${token}`,
      'x-request-id': 'req-1',
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(answer.status).toBe(200);
    const line = await lineOf('req-1');
    expect(line).toMatchObject({
      level: 'info',
      service: 'gateway',
      msg: 'request',
      traceId,
      method: 'POST',
      route: '/graphql',
      status: 200,
      operation: { type: 'query', name: 'ArchiveName' },
      role: 'archivist',
      archive: '360100',
      outcome: 'ok',
    });
    expect(typeof line.durationMs).toBe('number');
    expect(Date.parse(line.time)).not.toBeNaN();

    await network.donghu.down();
    try {
      await network.query('{ record(id: "360102:Record:1") { title } }', undefined, { 'x-request-id': 'req-2' });
    } finally {
      await network.donghu.up();
    }
    expect(await lineOf('req-2')).toMatchObject({ level: 'warn', role: 'public', outcome: 'partial', codes: ['ARCHIVE_UNAVAILABLE'] });
  });

  it('log a refused token as a 401, and never a token or a secret', async () => {
    const forged = `${(await network.token({ sub: 'x', role: 'admin' })).slice(0, -4)}AAAA`;
    const answer = await network.query('{ __typename }', undefined, { authorization: `Bearer ${forged}`, 'x-request-id': 'req-3' });
    expect(answer.status).toBe(401);
    expect(await lineOf('req-3')).toMatchObject({ level: 'warn', status: 401, route: '/graphql' });
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    for (const secret of [forged, forged.split('.')[2]!, JWT_SECRET, SUBGRAPH_SECRET]) expect(text).not.toContain(secret);
  });

  it('are left out below the level set, and made readable for the demo', () => {
    const written: string[] = [];
    const quiet = createServiceLogger('province', { level: 'warn', destination: { write: (line: string) => void written.push(line) } });
    quiet.info({ status: 200 }, 'request');
    quiet.warn({ status: 401 }, 'request');
    expect(written).toHaveLength(1);

    const readable: string[] = [];
    const out = { write: (text: string) => readable.push(text) } as unknown as NodeJS.WritableStream;
    const demo = createServiceLogger('archive', { destination: readableLines(out) });
    demo.error('province: postgres://lantai:hunter2@db/lantai did not answer');
    expect(readable[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} error archive: province: postgres:\/\/lantai:\*\*\*@db\/lantai did not answer\n$/);
  });
});
