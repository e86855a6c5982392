/**
 * Cross-region search and statistics on the network as it runs: archive hosts, the province
 * and the gateway each in their own process (scripts/network.ts), seeded with the demo
 * generator. One archive host process is killed; both fields still answer, naming its archives.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNetwork, type Network } from '../../scripts/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

const ARCHIVES = ['360100', '360121', '360200', '360222'];
const JINGDEZHEN = ['360200', '360222'];

let db: TestDatabase;
let network: Network;

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function gateway(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(network.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

const SEARCH = `{ searchCatalogue(query: "通知", first: 20) {
  totalCount partial unavailableArchives { id name }
  hits { score archive { id } record { id title } }
  facets { byRegion { region { code } count } }
} }`;

const STATISTICS = `{ statistics { totals { holdings } coverage { archives contributed partial unavailable { id } stale { id } asOf } } }`;

// The network started as test/e2e/network.test.ts starts it, with the settings these tests need.
beforeAll(async () => {
  db = await createTestDatabase('provprocs');
  network = await startNetwork({
    databaseUrl: db.url,
    archives: ARCHIVES,
    hosts: 2,
    // Figures are stale at once, so every statistics request refreshes them in the background.
    env: { LANTAI_SHARD_TIMEOUT_MS: '10000', LANTAI_PROBE_INTERVAL_MS: '60000', LANTAI_STATISTICS_TTL_MS: '1' },
  });
});

afterAll(async () => {
  await network?.stop();
  await db?.drop();
});

describe('search and statistics across archive processes', () => {
  it('search ranks hits of several regions and the gateway fetches their records; statistics cover every archive', async () => {
    const search = await gateway(SEARCH);
    expect(search.errors).toBeUndefined();
    const result = search.data!.searchCatalogue;
    expect(result.partial).toBe(false);
    expect(result.facets.byRegion.map((r: any) => r.region.code).sort()).toEqual(['360100', '360200']);
    for (const hit of result.hits) expect(hit.record.title).toContain('通知');

    const statistics = await gateway(STATISTICS);
    expect(statistics.errors).toBeUndefined();
    expect(statistics.data!.statistics.coverage).toMatchObject({ archives: 4, contributed: 4, partial: false });
  });

  it('with one archive host process killed, both still answer and name its archives', async () => {
    const host = network.archiveHosts.find((h) => h.archives.includes('360200'))!;
    expect(host.archives.sort()).toEqual(JINGDEZHEN);
    const before = (await gateway(STATISTICS)).data!.statistics;
    await host.process.stop();

    const search = await gateway(SEARCH);
    const result = search.data!.searchCatalogue;
    expect(result.partial).toBe(true);
    expect(result.unavailableArchives.map((a: any) => a.id)).toEqual(JINGDEZHEN);
    for (const hit of result.hits) expect(JINGDEZHEN).not.toContain(hit.archive.id);
    const named = (answer: Answer) =>
      (answer.errors ?? []).filter((e) => e.extensions?.code === 'ARCHIVE_UNAVAILABLE').map((e) => e.extensions?.archive).sort();
    expect(named(search)).toEqual(JINGDEZHEN);

    // Their last figures stay, stale, while their refresh fails; the errors name them.
    // Each request serves the cached figures and starts a refresh; the errors come once a refresh has failed.
    const statistics = await vi.waitFor(
      async () => {
        const answer: Answer = await gateway(STATISTICS);
        expect(named(answer)).toEqual(JINGDEZHEN);
        return answer;
      },
      { timeout: 60_000, interval: 100 },
    );
    const coverage = statistics.data!.statistics.coverage;
    expect(coverage).toMatchObject({ archives: 4, contributed: 4, partial: true, unavailable: [] });
    expect(coverage.stale.map((a: any) => a.id)).toEqual(expect.arrayContaining(JINGDEZHEN));
    expect(statistics.data!.statistics.totals.holdings).toBe(before.totals.holdings);
  });
});
