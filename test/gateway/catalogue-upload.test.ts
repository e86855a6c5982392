/**
 * A catalogue upload through the gateway when the archive's host cannot be reached or does not
 * answer: the archivist is told the archive did not answer and nothing was imported (502), or
 * that the import did not finish in time and sending the file again is safe (504), both
 * ARCHIVE_UNAVAILABLE, never an internal server error, and never a wait without end.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardCatalogueUpload } from '../../gateway/catalogue-upload.js';
import type { ShardDirectory } from '../../gateway/shard-directory.js';
import { ShardClient } from '../../protocol/shard-client.js';

const ARCHIVE = '360124';
const FILE = '档号,题名\n0099-WS·2003-Y-BGS-0001,通知\n';
const servers: Server[] = [];

async function listening(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A gateway whose directory puts the archive at `hostPort`; resolves with its address and what it logged. */
async function gatewayTo(hostPort: number, timeoutMs: number): Promise<{ url: string; logged: string[] }> {
  const logged: string[] = [];
  const directory = { endpointOf: () => `http://127.0.0.1:${hostPort}/archives/${ARCHIVE}/graphql` } as unknown as ShardDirectory;
  const client = new ShardClient({ secret: 'subgraph-secret' });
  const port = await listening(
    createServer((request, response) => {
      void forwardCatalogueUpload(request, response, ARCHIVE, {
        directory,
        client,
        callerOf: async () => ({ identity: { role: 'archivist', archive: ARCHIVE, sub: 'li' } }),
        maxUploadBytes: 1024 * 1024,
        timeoutMs,
        log: (line) => logged.push(line),
      });
    }),
  );
  return { url: `http://127.0.0.1:${port}/archives/${ARCHIVE}/catalogue-import?fileName=a.csv`, logged };
}

async function upload(url: string): Promise<{ status: number; error: { message: string; extensions: { code: string; archive: string } } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: FILE });
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string; archive: string } }[] };
  return { status: response.status, error: body.errors[0]! };
}

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('a catalogue upload to an archive whose host does not answer', () => {
  it('answers 502 ARCHIVE_UNAVAILABLE saying nothing was imported, and logs why', async () => {
    const gateway = await gatewayTo(await closedPort(), 60_000);
    const { status, error } = await upload(gateway.url);
    expect(status).toBe(502);
    expect(error.extensions).toEqual({ code: 'ARCHIVE_UNAVAILABLE', archive: ARCHIVE });
    expect(error.message).toMatch(/未导入/);
    expect(gateway.logged.join('\n')).toMatch(new RegExp(`archive ${ARCHIVE}: catalogue upload unavailable`));
  });

  it('answers 504 ARCHIVE_UNAVAILABLE once a host that took the file stays silent past the timeout, saying sending it again is safe', async () => {
    // A hung host: it reads the whole file and never answers.
    let received = '';
    const host = createServer((request) => {
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (received += chunk));
    });
    const gateway = await gatewayTo(await listening(host), 500);
    const { status, error } = await upload(gateway.url);
    expect(received).toBe(FILE);
    expect(status).toBe(504);
    expect(error.extensions).toEqual({ code: 'ARCHIVE_UNAVAILABLE', archive: ARCHIVE });
    expect(error.message).toMatch(/did not finish the import within 1 s; it may still go in\. Sending the same file again is safe/);
  });
});
