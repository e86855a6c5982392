import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, readBody } from '../../protocol/http.js';
import { verifyIdentity } from '../../protocol/identity.js';
import { ShardClient, ShardUnreachableError } from '../../protocol/shard-client.js';

const SECRET = 'shard-client-test-secret';

/** Each path is one way a shard can answer. */
const ANSWERS: Record<string, (request: IncomingMessage, response: ServerResponse, body: string) => void> = {
  '/ok': (request, response) => {
    const caller = verifyIdentity(request.headers, SECRET);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: { caller, contentType: request.headers['content-type'] } }));
  },
  '/bom': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"data":{"名":"档案"}}')]));
  },
  '/chunked': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const text = Buffer.from(JSON.stringify({ data: { title: '南昌市档案馆关于档案工作的通知' } }));
    // Split inside a multi-byte character.
    response.write(text.subarray(0, 20));
    setTimeout(() => response.end(text.subarray(20)), 10);
  },
  '/echo-in-parts': (request, response, body) => {
    const caller = verifyIdentity(request.headers, SECRET);
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.write(`${request.method} ${caller.sub}: `);
    setTimeout(() => response.end(body), 10);
  },
  '/hang': () => {},
  '/stall-body': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"data":');
  },
  '/break-body': (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"data":', () => setTimeout(() => request.socket.destroy(), 10));
  },
  '/500-text': (_, response) => {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end('Internal Server Error');
  },
  '/200-text': (_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html></html>');
  },
  '/200-not-graphql': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"hello":1}');
  },
};

let base: string;
let refused: string;
let stopServer: () => Promise<void>;
// Long enough for a loaded machine; the paths that hang are what times out.
const client = new ShardClient({ secret: SECRET, timeoutMs: 2000 });

beforeAll(async () => {
  const server = createServer(async (request, response) => {
    const body = await readBody(request, 65_536);
    ANSWERS[request.url ?? '']?.(request, response, body);
  });
  base = `http://127.0.0.1:${await listen(server, 0)}`;
  stopServer = () => close(server);
  const gone = createServer();
  refused = `http://127.0.0.1:${await listen(gone, 0)}/graphql`;
  await close(gone);
});

afterAll(async () => {
  await client.close();
  await stopServer();
});

async function failure(promise: Promise<unknown>): Promise<ShardUnreachableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShardUnreachableError);
  return error as ShardUnreachableError;
}

describe('the shard client', () => {
  it('posts JSON signed as the caller and returns the parsed answer', async () => {
    const answer = await client.request(`${base}/ok`, { query: '{ __typename }' }, { role: 'archivist', archive: '360100', sub: 'li' });
    expect(answer.data).toEqual({ caller: { role: 'archivist', archive: '360100', sub: 'li' }, contentType: 'application/json' });
  });

  it('reads a body that arrives in parts and one that starts with a byte-order mark', async () => {
    expect((await client.request(`${base}/chunked`, { query: '{ __typename }' }, { role: 'public' })).data).toEqual({ title: '南昌市档案馆关于档案工作的通知' });
    expect((await client.request(`${base}/bom`, { query: '{ __typename }' }, { role: 'public' })).data).toEqual({ 名: '档案' });
  });

  it('gives up on a shard that does not answer, or stops halfway through its answer, at the timeout', async () => {
    for (const path of ['/hang', '/stall-body']) {
      const error = await failure(client.request(`${base}${path}`, { query: '{ __typename }' }, { role: 'public' }));
      expect(error.reason).toBe('timeout');
    }
    const longer = await failure(client.request(`${base}/hang`, { query: '{ __typename }' }, { role: 'public' }, { timeoutMs: 50 }));
    expect(longer.message).toContain('no answer within 50 ms');
  });

  it('reports an answer cut off mid-body as a timeout, and a refused connection as a connection failure', async () => {
    expect((await failure(client.request(`${base}/break-body`, { query: '{ __typename }' }, { role: 'public' }))).reason).toBe('timeout');
    expect((await failure(client.request(refused, { query: '{ __typename }' }, { role: 'public' }))).reason).toBe('connection');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = client.request(`${base}/hang`, { query: '{ __typename }' }, { role: 'public' }, { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).reason).toBe('timeout');
    const already = new AbortController();
    already.abort();
    expect((await failure(client.request(`${base}/ok`, { query: '{ __typename }' }, { role: 'public' }, { signal: already.signal }))).reason).toBe('timeout');
  });

  it('streams a body to a host and its answer back, signed as the caller; gives up only on an answer that does not start', async () => {
    const upload = Readable.from([Buffer.from('档号,题名\n'), Buffer.from('0012-WS·1985-Y-BGS-1,关于档案工作的通知\n')]);
    const answer = await client.stream(`${base}/echo-in-parts`, { role: 'archivist', archive: '360100', sub: 'li' }, { method: 'POST', body: upload, headersTimeoutMs: 0 });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(await text(answer.body)).toBe('POST li: 档号,题名\n0012-WS·1985-Y-BGS-1,关于档案工作的通知\n');
    const hung = await failure(client.stream(`${base}/hang`, { role: 'public' }, { method: 'GET', headersTimeoutMs: 50 }));
    expect([hung.reason, hung.message]).toEqual(['timeout', expect.stringContaining('no answer within 50 ms')]);
    expect((await failure(client.stream(refused, { role: 'public' }, { method: 'GET' }))).reason).toBe('connection');
  });

  it('tells an HTTP error page from an answer that is not GraphQL', async () => {
    expect((await failure(client.request(`${base}/500-text`, { query: '{ __typename }' }, { role: 'public' }))).reason).toBe('http');
    expect((await failure(client.request(`${base}/200-text`, { query: '{ __typename }' }, { role: 'public' }))).reason).toBe('protocol');
    expect((await failure(client.request(`${base}/200-not-graphql`, { query: '{ __typename }' }, { role: 'public' }))).reason).toBe('protocol');
  });
});
