/**
 * A catalogue upload through the gateway when the archive's host cannot be reached: the
 * archivist is told the archive did not answer and nothing was imported (502,
 * ARCHIVE_UNAVAILABLE), never an internal server error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardCatalogueUpload } from '../../gateway/catalogue-upload.js';
import type { ShardDirectory } from '../../gateway/shard-directory.js';
import { ShardClient } from '../../protocol/shard-client.js';

const ARCHIVE = '360124';
let gateway: Server;
let gatewayUrl: string;
const logged: string[] = [];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await closedPort();
  const directory = { endpointOf: () => `http://127.0.0.1:${port}/archives/${ARCHIVE}/graphql` } as unknown as ShardDirectory;
  const client = new ShardClient({ secret: 'subgraph-secret' });
  gateway = createServer((request, response) => {
    void forwardCatalogueUpload(request, response, ARCHIVE, {
      directory,
      client,
      callerOf: async () => ({ identity: { role: 'archivist', archive: ARCHIVE, sub: 'li' } }),
      maxUploadBytes: 1024 * 1024,
      log: (line) => logged.push(line),
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => gateway?.close(() => resolve()));
});

describe('a catalogue upload to an archive whose host does not answer', () => {
  it('answers 502 ARCHIVE_UNAVAILABLE saying nothing was imported, and logs why', async () => {
    const response = await fetch(`${gatewayUrl}/archives/${ARCHIVE}/catalogue-import?fileName=a.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: '档号,题名\n0099-WS·2003-Y-BGS-0001,通知\n',
    });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string; archive: string } }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'ARCHIVE_UNAVAILABLE', archive: ARCHIVE });
    expect(body.errors[0]!.message).toMatch(/未导入/);
    expect(logged.join('\n')).toMatch(new RegExp(`archive ${ARCHIVE}: catalogue upload unavailable`));
  });
});
