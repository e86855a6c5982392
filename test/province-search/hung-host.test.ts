/**
 * Fault 2 of the outside battery, at the province: an archive host that stops answering (hung,
 * as under SIGSTOP, not refusing) is cut off by the scatter's circuit breaker after a few failed
 * calls, whichever of its archives they were for, so its archives are unavailable at once while
 * other hosts answer; calls go through again as soon as the host answers its probe.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreakers, graphqlHostProbe, type BreakerState } from '../../protocol/circuit-breaker.js';
import { close, listen, readBody, sendJson } from '../../protocol/http.js';
import type { Identity } from '../../protocol/identity.js';
import { ShardClient } from '../../protocol/shard-client.js';
import type { DirectoryEntryRow } from '../../subgraphs/province/entities/index.js';
import { HOST_CUT_OFF, Scatter } from '../../subgraphs/province/scatter.js';

const SECRET = 'hung-host-test-secret';
const PUBLIC: Identity = { role: 'public' };
// Long enough that an answering host of a busy machine is never taken for a hung one.
const TIMEOUT_MS = 3000;

interface FakeHost {
  server: Server;
  origin: string;
  /** Requests received other than probes (`{ __typename }`), by path. */
  calls: string[];
  /** Requests it holds without answering while it hangs. */
  held: ServerResponse[];
  hangs: boolean;
}

async function fakeHost(): Promise<FakeHost> {
  const host: FakeHost = { calls: [], held: [], hangs: false } as unknown as FakeHost;
  host.server = createServer(async (request, response) => {
    const path = request.url ?? '/';
    const body = JSON.parse(await readBody(request, 1 << 20)) as { query?: string; variables?: { archive: string }; requests?: { archive: string }[] };
    const probe = body.query === '{ __typename }';
    if (!probe) host.calls.push(path);
    if (host.hangs) {
      host.held.push(response);
      return;
    }
    if (probe) return sendJson(response, 200, { data: { __typename: 'Query' } });
    if (path === '/archives/batch') {
      return sendJson(response, 200, { responses: body.requests!.map(({ archive }) => ({ archive, data: { echo: { archive } } })) });
    }
    sendJson(response, 200, { data: { echo: { archive: body.variables!.archive } } });
  });
  host.origin = `http://127.0.0.1:${await listen(host.server, 0)}`;
  return host;
}

function at(host: FakeHost, code: string): DirectoryEntryRow {
  return { id: code, endpoint: `${host.origin}/archives/${code}/graphql`, region: { code } } as unknown as DirectoryEntryRow;
}

/** Resolves when the breaker of `origin` changes to `state`. */
function breakerOf(breakers: CircuitBreakers, origin: string, state: BreakerState): Promise<void> {
  return new Promise((resolve) => {
    const stop = breakers.onChange((host, changed) => {
      if (host !== origin || changed !== state) return;
      stop();
      resolve();
    });
  });
}

let hung: FakeHost;
let healthy: FakeHost;
let client: ShardClient;
let breakers: CircuitBreakers;
let scatter: Scatter;

beforeAll(async () => {
  hung = await fakeHost();
  healthy = await fakeHost();
  client = new ShardClient({ secret: SECRET, timeoutMs: TIMEOUT_MS });
  // As the province server makes them (subgraphs/province/server.ts), with a quicker probe.
  breakers = new CircuitBreakers({ failureThreshold: 3, probeIntervalMs: 100 }, graphqlHostProbe(client, 1000));
  scatter = new Scatter(client, { timeoutMs: TIMEOUT_MS, log: () => undefined, breakers });
});

afterAll(async () => {
  breakers.close();
  for (const host of [hung, healthy]) {
    for (const response of host.held) response.destroy();
    host.server.closeAllConnections();
    await close(host.server);
  }
  await client.close();
});

const gather = (archives: DirectoryEntryRow[]) =>
  scatter.gather(
    archives,
    PUBLIC,
    (archive) => ({ query: 'query Echo($archive: ID!) { echo(archive: $archive) { archive } }', variables: { archive: archive.id } }),
    (data) => (data.echo as { archive: string }).archive,
  );

const summary = (outcomes: Awaited<ReturnType<typeof gather>>) =>
  outcomes.map((outcome) => [outcome.archive.id, outcome.ok ? 'ok' : outcome.reason]);

describe('the province scatter and a hung archive host', () => {
  it('cuts the host off after three failed calls, whichever archives they were for, and lets calls through as soon as it answers', async () => {
    // Two archives on the host that will hang (one batch call), one alone on it, one on another host.
    const batched = [at(hung, '360100'), at(hung, '360121')];
    const everything = [...batched, at(healthy, '360200')];
    expect(summary(await gather(everything))).toEqual([
      ['360100', 'ok'],
      ['360121', 'ok'],
      ['360200', 'ok'],
    ]);
    expect(breakers.for(hung.origin).state).toBe('closed');

    hung.hangs = true;
    const opened = breakerOf(breakers, hung.origin, 'open');
    // Three failed calls: two batches and one call for a single archive of the host.
    const failed = await Promise.all([gather(everything), gather(everything), gather([at(hung, '360102')])]);
    await opened;
    expect(failed.map(summary)).toEqual([
      [
        ['360100', 'did not answer in time'],
        ['360121', 'did not answer in time'],
        ['360200', 'ok'],
      ],
      [
        ['360100', 'did not answer in time'],
        ['360121', 'did not answer in time'],
        ['360200', 'ok'],
      ],
      [['360102', 'did not answer in time']],
    ]);

    // Cut off: its archives are unavailable without a call reaching it, the other host answers.
    const callsWhileHung = hung.calls.length;
    expect(summary(await gather(everything))).toEqual([
      ['360100', HOST_CUT_OFF],
      ['360121', HOST_CUT_OFF],
      ['360200', 'ok'],
    ]);
    expect(summary(await gather([at(hung, '360102')]))).toEqual([['360102', HOST_CUT_OFF]]);
    expect(hung.calls.length).toBe(callsWhileHung);

    // The host answers again: its probe closes the breaker, and the next scatter reaches it.
    const closed = breakerOf(breakers, hung.origin, 'closed');
    hung.hangs = false;
    for (const response of hung.held.splice(0)) response.destroy();
    await closed;
    expect(summary(await gather(everything))).toEqual([
      ['360100', 'ok'],
      ['360121', 'ok'],
      ['360200', 'ok'],
    ]);
    expect(hung.calls.length).toBe(callsWhileHung + 1);
    expect(hung.calls.at(-1)).toBe('/archives/batch');
  });
});
