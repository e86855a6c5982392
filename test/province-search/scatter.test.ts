/**
 * The province's scatter against fake archive hosts over real HTTP: one call per host for the
 * archives it serves, each archive's failure its own, hosts without a batch endpoint called
 * archive by archive, and a host that is down taking only its own archives with it.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, readBody, sendJson } from '../../protocol/http.js';
import { verifyIdentity, type Identity } from '../../protocol/identity.js';
import { ShardClient } from '../../protocol/shard-client.js';
import type { DirectoryEntryRow } from '../../subgraphs/province/entities/index.js';
import { batchEndpointOf, hostDeadlineMs } from '../../protocol/host-batch.js';
import { Scatter } from '../../subgraphs/province/scatter.js';

const SECRET = 'scatter-test-secret';
const PUBLIC: Identity = { role: 'public' };

interface FakeHost {
  server: Server;
  origin: string;
  /** Paths of the requests received. */
  calls: string[];
  batches: boolean;
  /** Archives that answer with an error, with bad input, or late. */
  failing: Set<string>;
  refusing: Set<string>;
  late: Set<string>;
  /** The timeoutMs of the last batch received. */
  deadlineMs?: number;
  /** Never answers. */
  hangs?: boolean;
}

function answerFor(host: FakeHost, archive: string) {
  if (host.failing.has(archive)) return { data: null, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  if (host.refusing.has(archive)) return { data: null, errors: [{ message: 'Bad search text.', extensions: { code: 'BAD_USER_INPUT' } }] };
  if (host.late.has(archive)) return { data: null, errors: [{ message: `Archive ${archive} did not answer in time.`, extensions: { code: 'ARCHIVE_UNAVAILABLE', archive } }] };
  return { data: { echo: { archive } } };
}

async function fakeHost(batches: boolean): Promise<FakeHost> {
  const host = { calls: [] as string[], batches, failing: new Set<string>(), refusing: new Set<string>(), late: new Set<string>() } as FakeHost;
  host.server = createServer(async (request, response) => {
    const path = request.url ?? '/';
    host.calls.push(path);
    if (host.hangs) return;
    verifyIdentity(request.headers, SECRET);
    const body = JSON.parse(await readBody(request, 1 << 20));
    if (path === '/archives/batch') {
      if (!host.batches) return sendJson(response, 404, { errors: [{ message: 'Nothing here', extensions: { code: 'NOT_FOUND' } }] });
      host.deadlineMs = body.timeoutMs;
      return sendJson(response, 200, {
        responses: (body.requests as { archive: string }[]).map(({ archive }) => ({ archive, ...answerFor(host, archive) })),
      });
    }
    sendJson(response, 200, answerFor(host, body.variables.archive));
  });
  host.origin = `http://127.0.0.1:${await listen(host.server, 0)}`;
  return host;
}

function entry(code: string, endpoint: string): DirectoryEntryRow {
  return { id: code, endpoint, region: { code } } as unknown as DirectoryEntryRow;
}

const at = (host: FakeHost, code: string) => entry(code, `${host.origin}/archives/${code}/graphql`);

let batching: FakeHost;
let legacy: FakeHost;
let client: ShardClient;
let scatter: Scatter;

beforeAll(async () => {
  batching = await fakeHost(true);
  legacy = await fakeHost(false);
  client = new ShardClient({ secret: SECRET, timeoutMs: 3000 });
  scatter = new Scatter(client, { log: () => undefined });
});

afterAll(async () => {
  for (const host of [batching, legacy]) {
    host.server.closeAllConnections();
    await close(host.server);
  }
  await client.close();
});

function gather(archives: DirectoryEntryRow[]) {
  return scatter.gather(
    archives,
    PUBLIC,
    (archive) => ({ query: 'query Echo($archive: ID!) { echo(archive: $archive) { archive } }', variables: { archive: archive.id } }),
    (data) => (data.echo as { archive: string }).archive,
  );
}

describe('scatter', () => {
  it('sends one call to a host for all the archives it serves, and gives each archive its own outcome, in order', async () => {
    batching.calls.length = 0;
    batching.failing = new Set(['360102']);
    batching.late = new Set(['360121']);
    const archives = [at(batching, '360121'), at(batching, '360100'), at(batching, '360102')];
    const outcomes = await gather(archives);
    expect(batching.calls).toEqual(['/archives/batch']);
    expect(outcomes.map((o) => [o.archive.id, o.ok ? o.data : o.reason])).toEqual([
      ['360121', 'did not answer in time'],
      ['360100', '360100'],
      ['360102', 'answered with an error'],
    ]);
    // The host is asked to answer a little before the call's own timeout (1,000 ms here).
    expect(batching.deadlineMs).toBe(hostDeadlineMs(3000));
    expect(hostDeadlineMs(1000)).toBe(800);
    expect(hostDeadlineMs(60_000)).toBe(59_750);
    batching.failing.clear();
    batching.late.clear();
  });

  it("calls a host without a batch endpoint archive by archive, and remembers it; an endpoint of another shape is called on its own", async () => {
    legacy.calls.length = 0;
    batching.calls.length = 0;
    const elsewhere = entry('360200', `${batching.origin}/graphql`);
    const archives = [at(legacy, '360100'), at(legacy, '360102'), elsewhere];
    const outcomes = await gather(archives);
    expect(outcomes.map((o) => o.ok && o.data)).toEqual(['360100', '360102', '360200']);
    expect(legacy.calls.sort()).toEqual(['/archives/360100/graphql', '/archives/360102/graphql', '/archives/batch']);
    expect(batching.calls).toEqual(['/graphql']);

    legacy.calls.length = 0;
    await gather(archives.slice(0, 2));
    expect(legacy.calls.sort()).toEqual(['/archives/360100/graphql', '/archives/360102/graphql']);
  });

  it('marks only the archives of a host that is down unavailable', async () => {
    const down = await fakeHost(true);
    const origin = down.origin;
    await close(down.server);
    const archives = [at(batching, '360100'), entry('360121', `${origin}/archives/360121/graphql`), entry('360122', `${origin}/archives/360122/graphql`)];
    const outcomes = await gather(archives);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['ok', 'did not answer', 'did not answer']);
  });

  it("marks the archives of a host that does not answer a batch in time unavailable, without waiting longer", async () => {
    const silent = await fakeHost(true);
    silent.hangs = true;
    try {
      const quick = new Scatter(client, { timeoutMs: 200, log: () => undefined });
      const outcomes = await quick.gather(
        [at(silent, '360100'), at(silent, '360102')],
        PUBLIC,
        (archive) => ({ query: '{ echo }', variables: { archive: archive.id } }),
        (data) => data,
      );
      expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['did not answer in time', 'did not answer in time']);
      expect(silent.calls).toEqual(['/archives/batch']);
    } finally {
      silent.server.closeAllConnections();
      await close(silent.server);
    }
  });

  it("fails the whole call with BAD_USER_INPUT when an archive in a batch refuses the client's input", async () => {
    batching.refusing = new Set(['360102']);
    await expect(gather([at(batching, '360100'), at(batching, '360102')])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    batching.refusing.clear();
  });

  it.each([
    ['http://h:1/archives/360100/graphql', 'http://h:1/archives/batch'],
    ['http://h:1/archives/360100/graphql/', 'http://h:1/archives/batch'],
    ['https://h/base/archives/360100/graphql', null],
    ['http://h:1/archives/360102/graphql', null],
    ['http://h:1/archives/360100/graphql?x=1', null],
    ['http://h:1/graphql', null],
    ['not a url', null],
  ])('the batch endpoint of archive 360100 at %s is %s', (endpoint, expected) => {
    expect(batchEndpointOf({ id: '360100', endpoint })).toBe(expected);
  });
});
