/**
 * The province reads catalogue versions once per host for many searches at once, but a search
 * never takes a version read that was already on its way when it arrived: that read may have
 * started before a change the search must see.
 */
import { describe, expect, it } from 'vitest';
import type { ShardClient } from '../../protocol/shard-client.js';
import type { DirectoryEntryRow } from '../../subgraphs/province/entities/index.js';
import { CatalogueVersions } from '../../subgraphs/province/search/catalogue-versions.js';

const archive = (id: string, origin = 'http://host-a') => ({ id, endpoint: `${origin}/archives/${id}/graphql` }) as DirectoryEntryRow;

/** A shard client whose answers the test gives, one version per call, in order. */
function heldClient() {
  const calls: { url: string; archives: string[]; answer(version: string): void }[] = [];
  const client = {
    postJson: (url: string, body: { archives: string[] }) =>
      new Promise((resolve) => {
        calls.push({
          url,
          archives: body.archives,
          answer: (version) => resolve({ status: 200, json: { versions: body.archives.map((code) => ({ archive: code, version, sees: ['OPEN'] })) } }),
        });
      }),
  } as unknown as ShardClient;
  return { client, calls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('catalogue versions', () => {
  it('send searches arriving during a read to the next read, one for all of them', async () => {
    const { client, calls } = heldClient();
    const versions = new CatalogueVersions(client, { timeoutMs: 1000, log: () => undefined });
    const first = versions.read([archive('360100')], { role: 'public' });
    await settle();
    expect(calls).toHaveLength(1);
    const second = versions.read([archive('360100')], { role: 'public' });
    const third = versions.read([archive('360121')], { role: 'public' });
    await settle();
    expect(calls).toHaveLength(1);
    calls[0]!.answer('1.1');
    expect((await first).get('360100')).toEqual({ version: '1.1', sees: 'OPEN' });
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.archives.sort()).toEqual(['360100', '360121']);
    calls[1]!.answer('2.1');
    expect((await second).get('360100')?.version).toBe('2.1');
    expect((await third).get('360121')?.version).toBe('2.1');
  });

  it('read each host and each caller apart, and give no version for an archive outside an archive host', async () => {
    const { client, calls } = heldClient();
    const versions = new CatalogueVersions(client, { timeoutMs: 1000, log: () => undefined });
    const elsewhere = { id: '360300', endpoint: 'http://standalone/graphql' } as DirectoryEntryRow;
    const asPublic = versions.read([archive('360100'), archive('360200', 'http://host-b'), elsewhere], { role: 'public' });
    const asAdmin = versions.read([archive('360100')], { role: 'admin', sub: 'a' });
    await settle();
    expect(calls.map((call) => call.url).sort()).toEqual(['http://host-a/archives/versions', 'http://host-a/archives/versions', 'http://host-b/archives/versions']);
    for (const call of calls) call.answer('3.1');
    expect([...(await asPublic).keys()].sort()).toEqual(['360100', '360200']);
    expect([...(await asAdmin).keys()]).toEqual(['360100']);
  });
});
