import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, close, listen, readBody, sendJson } from '../../protocol/http.js';

/** A server that reads each request's body with readBody and hands the outcome to the test. */
async function bodyServer(limit: number) {
  const outcomes: Promise<string>[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const outcome = readBody(request, limit);
    outcomes.push(outcome);
    outcome.then(
      (text) => sendJson(response, 200, { length: text.length }),
      (error: unknown) => {
        if (error instanceof BodyTooLargeError && !response.destroyed) sendJson(response, 413, { tooLarge: true });
      },
    );
  });
  const port = await listen(server, 0);
  return { server, port, outcomes };
}

/** POSTs `chunks` one by one without a content-length (chunked transfer encoding). */
function postChunked(port: number, chunks: (string | Buffer)[]): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', (error) => resolve({ error: error.message }));
    let i = 0;
    const next = () => {
      if (i === chunks.length) return void request.end();
      request.write(chunks[i++]!, () => setTimeout(next, 5));
    };
    next();
  });
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('reading a request body', () => {
  it('joins a body sent in several chunks, multi-byte characters split across chunks included', async () => {
    const { server, port, outcomes } = await bodyServer(1024);
    stop = () => close(server);
    const text = JSON.stringify({ query: '{ record(id: "360100:Record:1") { title } }', variables: { title: '档案工作的通知' } });
    const bytes = Buffer.from(text, 'utf8');
    const cut = bytes.indexOf(Buffer.from('档', 'utf8')) + 1;
    const answer = await postChunked(port, [bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(answer).toMatchObject({ status: 200 });
    expect(await outcomes[0]).toBe(text);
  });

  it('stops reading a streamed body at the limit and refuses it as too large', async () => {
    const { server, port, outcomes } = await bodyServer(100);
    stop = () => close(server);
    await postChunked(port, ['x'.repeat(60), 'x'.repeat(60), 'x'.repeat(60)]);
    await expect(outcomes[0]).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const { server, port, outcomes } = await bodyServer(100);
    stop = () => close(server);
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: 'x'.repeat(101) });
    expect(response.status).toBe(413);
    await expect(outcomes[0]).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('rejects when the client goes away before the body is complete', async () => {
    const { server, port, outcomes } = await bodyServer(1024);
    stop = () => close(server);
    await new Promise<void>((resolve) => {
      const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/graphql', headers: { 'content-length': '500' } });
      request.on('error', () => resolve());
      request.write('x'.repeat(10), () => setTimeout(() => request.destroy(), 20));
      request.on('close', () => resolve());
    });
    await expect(outcomes[0]).rejects.toBeInstanceOf(Error);
  });
});
