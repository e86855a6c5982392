/**
 * The archive host's end of an upload broken off by the archivist (a closed browser tab, a
 * dropped line): it is not an error of the host's, so nothing is logged, and its temporary
 * file is gone.
 */
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../../protocol/identity.js';
import { handleCatalogueUpload } from '../../subgraphs/archive/catalogue-import/upload.js';

const SECRET = 'upload-test-secret';
const ARCHIVE = '360124';
let server: Server;
let port: number;
const logged: unknown[] = [];
const handled: Promise<void>[] = [];

// A temporary folder of this file's own, so that other test files' uploads are not counted.
const ownTmp = mkdtempSync(join(tmpdir(), 'lantai-upload-test-'));
const givenTmp = process.env.TMPDIR;

beforeAll(async () => {
  process.env.TMPDIR = ownTmp;
  server = createServer((request, response) => {
    // The database is never reached: the upload ends before the file has arrived.
    handled.push(handleCatalogueUpload(request, response, ARCHIVE, 'postgres://127.0.0.1:1/none', { secret: SECRET, log: (error) => logged.push(error) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.close();
  if (givenTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = givenTmp;
  rmSync(ownTmp, { recursive: true, force: true });
});

const uploadFolders = () => readdirSync(ownTmp);

describe('an upload broken off by the archivist', () => {
  it('logs nothing and leaves no temporary file', async () => {
    const headers = { host: `127.0.0.1:${port}`, 'content-type': 'text/csv', 'content-length': '1000000', ...signIdentity({ role: 'archivist', archive: ARCHIVE, sub: 'li' }, SECRET) };
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      `POST /archives/${ARCHIVE}/catalogue-import?fileName=a.csv HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n` +
        '档号,题名\n0099-WS·2003-Y-BGS-0001,通知\n',
    );
    // Once the host has made the upload's folder, the file is arriving: break it off.
    while (uploadFolders().length === 0) await new Promise((resolve) => setImmediate(resolve));
    socket.destroy();
    await Promise.all(handled);
    expect(logged).toEqual([]);
    expect(uploadFolders()).toEqual([]);
  });
});
