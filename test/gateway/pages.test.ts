import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../gateway/composition.js';
import { buildGateway } from '../../gateway/server.js';
import { close, listen } from '../../protocol/http.js';
import { SUBGRAPH_SECRET, startNetwork, type TestNetwork } from './fixtures/network.js';

let network: TestNetwork;

beforeAll(async () => {
  network = await startNetwork({ readinessCacheMs: 0 });
});

afterAll(async () => {
  await network?.stop();
});

describe('health and readiness', () => {
  it('/health answers 200 while the gateway is alive', async () => {
    const response = await fetch(`${network.gatewayUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  // A gateway of its own, built as test/gateway/directory.test.ts builds one: each test starts the
  // gateway in the state it proves something about.
  it('/ready is 503 before the supergraph is loaded and the directory read, and /graphql waits with it', async () => {
    const gateway = buildGateway({
      supergraphSdl: composeSupergraph().supergraphSdl,
      provinceUrl: network.province.url,
      subgraphSecret: SUBGRAPH_SECRET,
      log: () => {},
    });
    const port = await listen(gateway.httpServer, 0);
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const before = await fetch(`${base}/ready`);
      expect(before.status).toBe(503);
      expect(await before.json()).toMatchObject({ status: 'starting', supergraph: false });
      const early = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(early.status).toBe(503);

      await gateway.start();
      const after = await fetch(`${base}/ready`);
      expect(after.status).toBe(200);
      expect(await after.json()).toMatchObject({ status: 'ready', supergraph: true, directory: { loaded: true }, shards: { total: 4, answering: 4 } });
    } finally {
      await close(gateway.httpServer);
      await gateway.stop();
    }
  });

  it('/ready counts the archives whose shard answers', async () => {
    await network.xihu.down();
    try {
      const response = await fetch(`${network.gatewayUrl}/ready`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { shards: unknown }).shards).toEqual({ total: 4, answering: 2 });
    } finally {
      await network.xihu.up();
    }
    expect(((await (await fetch(`${network.gatewayUrl}/ready`)).json()) as { shards: unknown }).shards).toEqual({ total: 4, answering: 4 });
  });
});

describe('GraphiQL served by the gateway, with no internet', () => {
  it('serves the page at /graphiql and at /graphql for a browser, referencing only its own assets', async () => {
    for (const [path, headers] of [
      ['/graphiql', {}],
      ['/graphql', { accept: 'text/html,application/xhtml+xml' }],
    ] as const) {
      const response = await fetch(`${network.gatewayUrl}${path}`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const page = await response.text();
      expect(page).not.toMatch(/https?:\/\//);
      expect(page).not.toMatch(/(src|href)="\/\//);
      const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(assets.sort()).toEqual([
        '/graphiql/assets/graphiql.min.css',
        '/graphiql/assets/graphiql.min.js',
        '/graphiql/assets/react-dom.production.min.js',
        '/graphiql/assets/react.production.min.js',
      ]);
    }
  });

  it('serves every asset the page loads from local files, none loading anything from outside', async () => {
    for (const [asset, type] of [
      ['react.production.min.js', 'text/javascript'],
      ['react-dom.production.min.js', 'text/javascript'],
      ['graphiql.min.js', 'text/javascript'],
      ['graphiql.min.css', 'text/css'],
    ] as const) {
      const response = await fetch(`${network.gatewayUrl}/graphiql/assets/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      const text = await response.text();
      expect(text.length).toBeGreaterThan(1000);
      expect(text).not.toMatch(/sourceMappingURL/);
      if (type === 'text/css') expect(text).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    }
    expect((await fetch(`${network.gatewayUrl}/graphiql/assets/../../package.json`)).status).toBe(404);
    expect((await fetch(`${network.gatewayUrl}/graphiql/assets/index.umd.js.map`)).status).toBe(404);
  });

  it('keeps CSRF prevention on: a simple (text/plain) POST is refused, JSON from GraphiQL passes', async () => {
    const simple = await fetch(`${network.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ archive(id: "360100") { name } }' }),
    });
    expect(simple.status).toBe(400);
    const getQuery = await fetch(`${network.gatewayUrl}/graphql?query=${encodeURIComponent('{ archive(id: "360100") { name } }')}`);
    expect(getQuery.status).toBe(400);
    const json = await network.query('{ archive(id: "360100") { name } }');
    expect(json.body).toEqual({ data: { archive: { name: '南昌市档案馆' } } });
  });
});
