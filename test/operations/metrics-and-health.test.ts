/**
 * What an operator scrapes and probes on every service: Prometheus text at /metrics (HTTP
 * durations by route, GraphQL operations by type, name and outcome, shard calls by archive and
 * host, breakers, rate-limit refusals, database pools), /health/live and /health/ready, and
 * /metrics on a port of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close } from '../../protocol/http.js';
import { MAX_OPERATION_NAMES, ServiceMetrics } from '../../protocol/metrics.js';
import { startMetricsServer } from '../../protocol/operations.js';
import { CITY, PUBLIC, startArchiveWorld, type ArchiveWorld } from '../archive/fixture.js';
import { startNetwork, type TestNetwork } from '../gateway/fixtures/network.js';
import { startProvince, type ProvinceFixture } from '../province/province-fixture.js';

let network: TestNetwork;
let world: ArchiveWorld;
let province: ProvinceFixture;

beforeAll(async () => {
  network = await startNetwork({ rateLimit: { burst: 30, perSecond: 0.001 } });
  world = await startArchiveWorld('metrics');
  province = await startProvince('metrics');
});

afterAll(async () => {
  await network?.stop();
  await world?.close();
  await province?.teardown();
});

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample: `name{…labels…} value`, every label given having the value given. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('the gateway’s /metrics', () => {
  it('counts operations by type, name and outcome, HTTP requests by route, and shard calls by archive and host', async () => {
    await network.query('query ArchiveName { archive(id: "360100") { name } }');
    await network.query('{ record(id: "360102:Record:1") { title } }');
    await network.donghu.down();
    try {
      await network.query('query Donghu { record(id: "360102:Record:1") { title } }');
    } finally {
      await network.donghu.up();
    }
    const text = await scrape(`${network.gatewayUrl}/metrics`);
    expect(sample(text, 'lantai_graphql_operations_total', { operation_type: 'query', operation_name: 'ArchiveName', outcome: 'ok', service: 'gateway' })).toBe(1);
    expect(sample(text, 'lantai_graphql_operations_total', { operation_name: 'anonymous', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lantai_graphql_operations_total', { operation_name: 'Donghu', outcome: 'partial' })).toBe(1);
    expect(sample(text, 'lantai_graphql_operation_duration_seconds_count', { operation_name: 'ArchiveName' })).toBe(1);
    expect(sample(text, 'http_server_request_duration_seconds_count', { http_route: '/graphql', http_request_method: 'POST', http_response_status_code: '200' })).toBeGreaterThanOrEqual(3);
    const host = new URL(network.nanchang.url).origin;
    expect(sample(text, 'lantai_shard_call_duration_seconds_count', { archive: '360100', host })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lantai_shard_call_errors_total', { archive: '360102', reason: 'connection' })).toBe(1);
    expect(sample(text, 'lantai_circuit_breaker_state', { host })).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total', { service: 'gateway' })).toBeGreaterThan(0);
  });

  it('counts rate-limit refusals', async () => {
    let refused = 0;
    while (refused === 0) {
      const { status } = await network.query('{ __typename }');
      if (status === 429) refused += 1;
    }
    const text = await scrape(`${network.gatewayUrl}/metrics`);
    expect(sample(text, 'lantai_rate_limited_requests_total', {})).toBeGreaterThanOrEqual(1);
  });

  it('keeps the operation-name label set bounded whatever names clients make up', () => {
    const metrics = new ServiceMetrics('gateway');
    const labels = new Set<string>();
    for (let i = 0; i < MAX_OPERATION_NAMES + 100; i += 1) labels.add(metrics.operationName(`Made${i}`));
    labels.add(metrics.operationName(null));
    expect(labels.size).toBe(MAX_OPERATION_NAMES + 2);
    expect(labels).toContain('other');
    expect(labels).toContain('anonymous');
    expect(metrics.operationName('Made0')).toBe('Made0');
  });
});

describe('/health/live and /health/ready', () => {
  it('answer on the gateway, the province and an archive host', async () => {
    for (const base of [network.gatewayUrl, new URL(province.url).origin, `http://127.0.0.1:${world.port}`]) {
      const live = await fetch(`${base}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
      // The old route stays.
      expect((await fetch(`${base}/health`)).status).toBe(200);
    }
  });
});

describe('the archive host’s and the province’s /metrics', () => {
  it('show operations, HTTP routes without archive codes, and the database pool', async () => {
    await world.graphql(PUBLIC, `query Name { archive(id: "${CITY}") { name } }`);
    const archive = await scrape(`http://127.0.0.1:${world.port}/metrics`);
    expect(sample(archive, 'lantai_graphql_operations_total', { service: 'archive', operation_name: 'Name', outcome: 'ok' })).toBe(1);
    expect(sample(archive, 'http_server_request_duration_seconds_count', { http_route: '/archives/:code/graphql' })).toBeGreaterThanOrEqual(1);
    expect(archive).not.toContain(`http_route="/archives/${CITY}`);
    expect(sample(archive, 'lantai_db_pool_connections', { state: 'in_use' })).toBe(0);
    expect(sample(archive, 'lantai_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);

    await province.call('query Regions { regions { code } }');
    const text = await scrape(`${new URL(province.url).origin}/metrics`);
    expect(sample(text, 'lantai_graphql_operations_total', { service: 'province', operation_name: 'Regions', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'lantai_db_pool_connections', { state: 'waiting' })).toBe(0);
  });
});

describe('LANTAI_METRICS_PORT', () => {
  it('serves /metrics on a port of its own and nothing else there', async () => {
    const { server, port } = await startMetricsServer(network.gateway.metrics, 0);
    try {
      expect(await scrape(`http://127.0.0.1:${port}/metrics`)).toContain('lantai_graphql_operations_total');
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await close(server);
    }
  });
});
