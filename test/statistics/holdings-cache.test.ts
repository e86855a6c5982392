/**
 * The province's holdings cache and its scatter, against small fake shards over real HTTP:
 * stale-while-revalidate with a time-to-live, one fan-out for concurrent cold requests, the
 * one set of true figures for every caller, and shards that time out, fail or refuse the input.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, readBody, sendJson as send } from '../../protocol/http.js';
import { verifyIdentity, type Identity } from '../../protocol/identity.js';
import { ShardClient } from '../../protocol/shard-client.js';
import type { DirectoryEntryRow } from '../../subgraphs/province/entities/index.js';
import { COUNTER_NAMES, HoldingsCache } from '../../subgraphs/province/statistics/holdings-cache.js';
import { Scatter } from '../../subgraphs/province/scatter.js';
import { ServiceMetrics } from '../../protocol/metrics.js';
import { holdingsCacheMetrics } from '../../subgraphs/province/cross-region-metrics.js';
import { loadRegionTree } from '../../protocol/regions.js';
import { RegionTree } from '../../subgraphs/province/directory/regions.js';
import { byChildRegion, StatisticsService, totalsOf } from '../../subgraphs/province/statistics/statistics.js';

const SECRET = 'holdings-cache-test-secret';
const PUBLIC: Identity = { role: 'public' };

type Behaviour = 'answer' | 'open-only' | 'hang' | 'error' | 'bad-input';

interface FakeShard {
  server: Server;
  url: string;
  /** Calls received, as `archive:complete|open`. */
  calls: string[];
  behaviour: Behaviour;
  /** Holdings the shard reports: files = this value (complete) or half of it (open). */
  files: number;
  /** Most calls it was answering at once, and how long each answer waits. */
  maxInFlight: number;
  inFlight: number;
  delayMs: number;
}

async function fakeShard(): Promise<FakeShard> {
  const shard = { calls: [] as string[], behaviour: 'answer' as Behaviour, files: 100, maxInFlight: 0, inFlight: 0, delayMs: 0 } as FakeShard;
  shard.server = createServer(async (request, response) => {
    shard.inFlight += 1;
    shard.maxInFlight = Math.max(shard.maxInFlight, shard.inFlight);
    const sendJson = (res: typeof response, status: number, body: unknown) => {
      shard.inFlight -= 1;
      send(res, status, body);
    };
    if (shard.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, shard.delayMs));
    const identity = verifyIdentity(request.headers, SECRET);
    const body = JSON.parse(await readBody(request, 1 << 20)) as { variables: { archive: string } };
    const archive = body.variables.archive;
    // An archive of the older rule: complete counters for admins and its own archivists, open-only ones for anyone else.
    const complete = shard.behaviour !== 'open-only' && (identity.role === 'admin' || (identity.role === 'archivist' && identity.archive === archive));
    shard.calls.push(`${archive}:${complete ? 'complete' : 'open'}`);
    if (shard.behaviour === 'hang') return; // never answers
    if (shard.behaviour === 'error') return sendJson(response, 200, { data: null, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    if (shard.behaviour === 'bad-input') return sendJson(response, 200, { data: null, errors: [{ message: 'Bad search text.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const counters = Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0]));
    counters.files = complete ? shard.files : shard.files / 2;
    counters.openFiles = shard.files / 2;
    sendJson(response, 200, {
      data: { holdings: { archive, asOf: new Date().toISOString(), complete, total: counters, byCategory: [], byPeriod: [] } },
    });
  });
  shard.url = `http://127.0.0.1:${await listen(shard.server, 0)}/graphql`;
  return shard;
}

function entry(code: string, endpoint: string): DirectoryEntryRow {
  return { id: code, endpoint, region: { code } } as unknown as DirectoryEntryRow;
}

let shard: FakeShard;
let client: ShardClient;

beforeAll(async () => {
  shard = await fakeShard();
  client = new ShardClient({ secret: SECRET, timeoutMs: 3000 });
});

afterAll(async () => {
  shard.server.closeAllConnections();
  await close(shard.server);
  await client.close();
});

function cacheAt(clock: { now: number }, ttlMs = 1000) {
  return new HoldingsCache(new Scatter(client, { timeoutMs: 3000, log: () => undefined }), { ttlMs, now: () => clock.now });
}

describe('holdings cache', () => {
  it('serves fresh figures from the cache, stale ones while refreshing in the background, then the refreshed ones', async () => {
    shard.calls.length = 0;
    shard.behaviour = 'answer';
    shard.files = 100;
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    const archives = [entry('360100', shard.url)];

    const cold = await cache.lookup(archives);
    expect(cold.figures.map((f) => [f.summary.total.files, f.stale])).toEqual([[100, false]]);
    expect(shard.calls).toEqual(['360100:complete']);

    shard.files = 120;
    clock.now = 999;
    expect((await cache.lookup(archives)).figures[0]!.summary.total.files).toBe(100);
    expect(shard.calls).toHaveLength(1);

    clock.now = 1000;
    const stale = await cache.lookup(archives);
    expect(stale.figures.map((f) => [f.summary.total.files, f.stale])).toEqual([[100, true]]);
    await cache.settled();
    expect(shard.calls).toHaveLength(2);
    expect((await cache.lookup(archives)).figures.map((f) => [f.summary.total.files, f.stale])).toEqual([[120, false]]);
  });

  it('sums the refreshed figures in the next answer, though unchanged figures reuse the sums of the last', async () => {
    shard.calls.length = 0;
    shard.behaviour = 'answer';
    shard.files = 100;
    const clock = { now: 0 };
    const statistics = new StatisticsService(cacheAt(clock));
    const regions = new RegionTree(loadRegionTree('360000'));
    const archives = ['360100', '360102', '360200'].map((code) => entry(code, shard.url));
    const figures = () => statistics.statistics(null as never, regions, archives, PUBLIC, {});
    const sums = async () => {
      const answer = await figures();
      const byCity = Object.fromEntries(byChildRegion(answer).filter((row) => row.archives > 0).map((row) => [row.region.code, row.totals.files]));
      return { province: totalsOf(answer).files, byCity };
    };

    expect(await sums()).toEqual({ province: 300, byCity: { '360100': 200, '360200': 100 } });
    const [first, second] = [await figures(), await figures()];
    expect(second.rollup).toBe(first.rollup);
    expect(await statistics.statistics(null as never, regions, archives, PUBLIC, { region: '360100' }).then((f) => totalsOf(f).files)).toBe(200);

    shard.files = 150;
    clock.now = 1000;
    await figures(); // stale: served while the cache refreshes
    await statistics.cache.settled();
    expect(await sums()).toEqual({ province: 450, byCity: { '360100': 300, '360200': 150 } });
  });

  it('counts hits, fresh and stale, misses, and the age of the figures it serves', async () => {
    shard.behaviour = 'answer';
    const metrics = new ServiceMetrics('province');
    const clock = { now: 0 };
    const cache = new HoldingsCache(new Scatter(client, { timeoutMs: 3000, log: () => undefined }), {
      ttlMs: 1000,
      now: () => clock.now,
      metrics: holdingsCacheMetrics(metrics),
    });
    const archives = [entry('360100', shard.url), entry('360200', shard.url)];
    await cache.lookup(archives);
    clock.now = 400;
    await cache.lookup(archives);
    clock.now = 2000;
    await cache.lookup(archives.slice(0, 1));
    await cache.settled();

    const text = (await metrics.text()).body;
    const value = (sample: string) => Number(new RegExp(`^${sample.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('lantai_holdings_cache_misses_total{service="province"}')).toBe(2);
    expect(value('lantai_holdings_cache_hits_total{state="fresh",service="province"}')).toBe(2);
    expect(value('lantai_holdings_cache_hits_total{state="stale",service="province"}')).toBe(1);
    expect(value('lantai_holdings_cache_served_age_seconds_count{service="province"}')).toBe(3);
    expect(value('lantai_holdings_cache_served_age_seconds_sum{service="province"}')).toBeCloseTo(0.4 + 0.4 + 2);
    expect(value('lantai_holdings_cache_served_age_seconds_bucket{le="1",service="province"}')).toBe(2);
  });

  it('fans out once for concurrent cold requests', async () => {
    shard.calls.length = 0;
    shard.behaviour = 'answer';
    const cache = cacheAt({ now: 0 });
    const archives = ['360100', '360102', '360121'].map((code) => entry(code, shard.url));
    const results = await Promise.all([1, 2, 3, 4].map(() => cache.lookup(archives)));
    for (const result of results) expect(result.figures).toHaveLength(3);
    expect(shard.calls.sort()).toEqual(['360100:complete', '360102:complete', '360121:complete']);
  });

  it('fetches every archive once, as the province, and serves the same true figures to every caller', async () => {
    shard.calls.length = 0;
    shard.behaviour = 'answer';
    shard.files = 100;
    const cache = cacheAt({ now: 0 });
    const archives = [entry('360100', shard.url), entry('360200', shard.url)];

    const first = await cache.lookup(archives);
    expect(first.figures.map((f) => [f.archive.id, f.summary.complete, f.summary.total.files])).toEqual([['360100', true, 100], ['360200', true, 100]]);
    expect((await cache.lookup(archives)).figures.map((f) => f.summary)).toEqual(first.figures.map((f) => f.summary));
    expect(shard.calls.sort()).toEqual(['360100:complete', '360200:complete']);
  });

  it('never serves counters an archive marks as open records only: the archive is unavailable, saying so', async () => {
    shard.calls.length = 0;
    shard.behaviour = 'open-only';
    const cache = cacheAt({ now: 0 });
    const lookup = await cache.lookup([entry('360100', shard.url)]);
    expect(lookup.figures).toEqual([]);
    expect(lookup.unavailable.map((u) => [u.archive.id, u.reason])).toEqual([['360100', 'answered with counters of open records only']]);
  });

  it('names archives that time out or answer with an error as unavailable, and serves stale figures of one that stopped answering, saying why', async () => {
    shard.calls.length = 0;
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    const archives = [entry('360100', shard.url)];
    shard.behaviour = 'hang';
    const hung = await cache.lookup(archives);
    expect(hung.figures).toEqual([]);
    expect(hung.unavailable.map((u) => [u.archive.id, u.reason])).toEqual([['360100', 'did not answer in time']]);

    shard.behaviour = 'error';
    expect((await cache.lookup(archives)).unavailable.map((u) => u.reason)).toEqual(['answered with an error']);

    shard.behaviour = 'answer';
    await cache.lookup(archives);
    shard.behaviour = 'error';
    clock.now = 5000;
    const stale = await cache.lookup(archives);
    expect(stale.figures.map((f) => f.stale)).toEqual([true]);
    await cache.settled();
    const failing = await cache.lookup(archives);
    expect(failing.figures.map((f) => [f.stale, f.refreshFailure])).toEqual([[true, 'answered with an error']]);
    await cache.settled();

    shard.behaviour = 'answer';
    await cache.lookup(archives);
    await cache.settled();
    expect((await cache.lookup(archives)).figures.map((f) => [f.stale, f.refreshFailure])).toEqual([[false, undefined]]);
  });

  it('refreshes and fetches many archives within the concurrency limit', async () => {
    shard.behaviour = 'answer';
    shard.delayMs = 20;
    const clock = { now: 0 };
    const cache = new HoldingsCache(new Scatter(client, { timeoutMs: 3000, concurrency: 2, log: () => undefined }), { ttlMs: 1000, now: () => clock.now });
    const archives = Array.from({ length: 8 }, (_, i) => entry(String(360101 + i), shard.url));
    // Requests an earlier test left hanging are not this test's.
    shard.inFlight = 0;
    shard.maxInFlight = 0;
    await cache.lookup(archives);
    expect(shard.maxInFlight).toBe(2);
    clock.now = 2000;
    shard.maxInFlight = 0;
    shard.calls.length = 0;
    expect((await cache.lookup(archives)).figures.every((f) => f.stale)).toBe(true);
    await cache.settled();
    expect(shard.calls).toHaveLength(8);
    expect(shard.maxInFlight).toBe(2);
    shard.delayMs = 0;
  });

  it("turns a shard's BAD_USER_INPUT into the client's error", async () => {
    shard.behaviour = 'bad-input';
    const scatter = new Scatter(client, { log: () => undefined });
    await expect(
      scatter.gather([entry('360100', shard.url)], PUBLIC, () => ({ query: '{ x }', variables: { archive: '360100' } }), (data) => data),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'Bad search text.' });
  });
});
