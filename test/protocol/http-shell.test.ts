import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, sendJson } from '../../protocol/http.js';
import { createHttpShell } from '../../protocol/http-shell.js';

describe('the HTTP shell every service answers in', () => {
  const logged: unknown[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createHttpShell({
      routes: [
        { path: '/graphql', handle: (_request, response) => sendJson(response, 200, { data: { ok: true } }) },
        { path: /^\/archives\/(\d{6})\/graphql$/, handle: (_request, response, match) => sendJson(response, 200, { archive: match![1] }) },
        { path: '/only-get', methods: ['GET'], handle: (_request, response) => sendJson(response, 200, {}) },
        { path: '/fails', handle: async () => Promise.reject(new Error('SELECT secret FROM vault')) },
        {
          path: '/fails-at-once',
          handle: () => {
            throw new Error('/srv/lantai/internal.ts');
          },
        },
      ],
      health: () => ({ service: 'test' }),
      whereGraphQLIs: 'GraphQL is at /graphql.',
      log: (error) => logged.push(error),
    });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(() => close(server));

  it('answers /health to GET and to HEAD, with what the service adds', async () => {
    const get = await fetch(`${base}/health`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ status: 'ok', service: 'test' });
    const head = await fetch(`${base}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('hands a pattern route its match', async () => {
    expect(await (await fetch(`${base}/archives/360100/graphql`)).json()).toEqual({ archive: '360100' });
    expect(await (await fetch(`${base}/graphql?query=x`)).json()).toEqual({ data: { ok: true } });
  });

  it('answers any other path, or a method a route does not take, with NOT_FOUND in GraphQL error form', async () => {
    for (const answer of [await fetch(`${base}/admin`), await fetch(`${base}/only-get`, { method: 'POST' })]) {
      expect(answer.status).toBe(404);
      const body = (await answer.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
      expect(body.errors[0]!.message).toMatch(/GraphQL is at \/graphql\./);
    }
  });

  it('turns a failing handler into a fixed 500 and logs the cause, never shows it', async () => {
    for (const path of ['/fails', '/fails-at-once']) {
      const answer = await fetch(`${base}${path}`);
      expect(answer.status).toBe(500);
      const text = await answer.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(text).not.toMatch(/SELECT|\/srv/);
    }
    expect(logged.map((error) => (error as Error).message)).toEqual(['SELECT secret FROM vault', '/srv/lantai/internal.ts']);
  });
});
