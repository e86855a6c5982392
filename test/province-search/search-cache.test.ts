/**
 * The province's cache of search answers is never stale: a record created, edited, re-reviewed
 * (开放审核), given a digital copy or rewritten in its tables shows (or is gone) in the very next
 * search through the gateway, for the public and for every role, and one role's cached answer
 * never reaches another. Each step also checks the cache's counters, so the test fails if the
 * answers were right only because nothing was cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, archivistOf, PUBLIC, SECRET, startCatalogueNetwork, supervisorOf, type CatalogueNetwork } from './catalogue-network.js';
import { signIdentity, type Identity } from '../../protocol/identity.js';

const HOSTS = [['360100', '360121'], ['360200']];
const ARCHIVE = '360121';
const ARCHIVIST = archivistOf(ARCHIVE);

const SEARCH = `query Search($query: String, $filter: CatalogueFilter, $first: Int) {
  searchCatalogue(query: $query, filter: $filter, first: $first) {
    totalCount
    partial
    hits { archive { id } record { id title access } }
  }
}`;

let network: CatalogueNetwork;
let fonds: string;

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'searchcache', hosts: HOSTS, withGateway: true });
  const [row] = await network.sql(ARCHIVE, 'select id from $schema.fonds order by id limit 1');
  fonds = `${ARCHIVE}:Fonds:${row.id}`;
});

afterAll(async () => {
  await network?.teardown();
});

async function counter(name: string): Promise<number> {
  const metric = network.province.metrics.registry.getSingleMetric(name);
  return (await metric!.get()).values[0]?.value ?? 0;
}

/** The search's hits as record ids, with how many archive answers came from the cache and how many were asked. */
async function search(identity: Identity, variables: Record<string, unknown>): Promise<{ ids: string[]; titles: string[]; total: number; cached: number; asked: number }> {
  const [hitsBefore, missesBefore] = [await counter('lantai_search_cache_hits_total'), await counter('lantai_search_cache_misses_total')];
  const answer = await network.gateway$(identity, SEARCH, { first: 50, ...variables });
  expect(answer.errors).toBeUndefined();
  const result = answer.data!.searchCatalogue;
  expect(result.partial).toBe(false);
  return {
    ids: result.hits.map((hit: any) => hit.record.id),
    titles: result.hits.map((hit: any) => hit.record.title),
    total: result.totalCount,
    cached: (await counter('lantai_search_cache_hits_total')) - hitsBefore,
    asked: (await counter('lantai_search_cache_misses_total')) - missesBefore,
  };
}

async function mutate(identity: Identity, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await network.gateway$(identity, query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

async function createRecord(title: string, referenceCode: string): Promise<string> {
  const data = await mutate(
    ARCHIVIST,
    `mutation ($fonds: ID!, $input: RecordInput!) { createRecord(fonds: $fonds, input: $input) { id access } }`,
    { fonds, input: { level: 'ITEM', referenceCode, title, year: 1975, retention: 'PERMANENT', category: 'ADMINISTRATIVE' } },
  );
  expect(data.createRecord.access).toBe('UNREVIEWED');
  return data.createRecord.id;
}

const review = (id: string, access: string) =>
  mutate(ARCHIVIST, `mutation ($id: ID!, $access: AccessStatus!) { reviewAccess(record: $id, input: { access: $access, reason: "开放审核", reviewer: "审核员" }) { access } }`, { id, access });

const retitle = (id: string, title: string) =>
  mutate(ARCHIVIST, `mutation ($id: ID!, $title: String!) { updateRecord(id: $id, input: { title: $title }) { title } }`, { id, title });

describe('the cache of search answers', () => {
  it('serves an unchanged search from the cache, every archive of it', async () => {
    const first = await search(PUBLIC, { query: '通知' });
    expect(first.ids.length).toBeGreaterThan(0);
    const again = await search(PUBLIC, { query: '通知' });
    expect(again).toMatchObject({ ids: first.ids, total: first.total, cached: 3, asked: 0 });
  });

  it('shows a new record, its open reviews and its edits in the very next search, for each role', async () => {
    const word = 'qzcachea';
    for (const identity of [PUBLIC, ARCHIVIST, ADMIN, archivistOf('360100')]) {
      expect((await search(identity, { query: word })).ids).toEqual([]);
      expect(await search(identity, { query: word })).toMatchObject({ ids: [], cached: 3, asked: 0 });
    }

    // Created: 未审核, seen by its archive's archivists and admins only.
    const id = await createRecord(`关于${word.toUpperCase()}缓存验证的通知`, `CACHE-A-${Date.now()}`);
    expect(await search(ARCHIVIST, { query: word })).toMatchObject({ ids: [id], cached: 2, asked: 1 });
    expect(await search(PUBLIC, { query: word })).toMatchObject({ ids: [], cached: 2, asked: 1 });
    // Callers who see the same records of an archive share its answer: an admin sees all of
    // 360121 as its archivists do, an archivist of 360100 sees its open records as the public does.
    expect(await search(ADMIN, { query: word })).toMatchObject({ ids: [id], cached: 3, asked: 0 });
    expect(await search(archivistOf('360100'), { query: word })).toMatchObject({ ids: [], cached: 3, asked: 0 });
    expect(await search(supervisorOf('360100'), { query: word })).toMatchObject({ ids: [] });
    // The archivist's answer never reaches the public, nor the reverse.
    expect(await search(PUBLIC, { query: word })).toMatchObject({ ids: [], cached: 3, asked: 0 });
    expect(await search(ARCHIVIST, { query: word })).toMatchObject({ ids: [id], cached: 3, asked: 0 });

    // Opened (开放): the public finds it at once.
    await review(id, 'OPEN');
    expect(await search(PUBLIC, { query: word })).toMatchObject({ ids: [id], cached: 2, asked: 1 });
    expect((await search(PUBLIC, { query: word })).cached).toBe(3);

    // Its title edited: found by the new words, no longer by the old.
    await retitle(id, '关于QZCACHEB缓存验证的通知');
    expect(await search(PUBLIC, { query: word })).toMatchObject({ ids: [], asked: 1 });
    expect(await search(PUBLIC, { query: 'qzcacheb' })).toMatchObject({ ids: [id], titles: ['关于QZCACHEB缓存验证的通知'] });

    // Delayed (延期开放): gone for the public, still there for its archivists.
    await search(ARCHIVIST, { query: 'qzcacheb' });
    await review(id, 'DELAYED');
    expect(await search(PUBLIC, { query: 'qzcacheb' })).toMatchObject({ ids: [], asked: 1 });
    expect(await search(ARCHIVIST, { query: 'qzcacheb' })).toMatchObject({ ids: [id], asked: 1 });

    // Changed in the catalogue's own tables, as a catalogue import or a reload writes them.
    await network.sql(ARCHIVE, `update $schema.record set title = '关于QZCACHED缓存验证的通知' where id = ?`, [Number(id.split(':')[2])]);
    expect(await search(ARCHIVIST, { query: 'qzcacheb' })).toMatchObject({ ids: [], asked: 1 });
    expect(await search(ARCHIVIST, { query: 'qzcached' })).toMatchObject({ ids: [id] });
  });

  it('shows a new digital copy in the very next search filtered by hasDigitalCopy', async () => {
    const id = await createRecord('关于QZCACHEC数字化副本的通知', `CACHE-C-${Date.now()}`);
    await review(id, 'OPEN');
    const filter = { hasDigitalCopy: true };
    expect((await search(PUBLIC, { query: 'qzcachec', filter })).ids).toEqual([]);
    expect(await search(PUBLIC, { query: 'qzcachec', filter })).toMatchObject({ ids: [], cached: 3 });
    await mutate(
      ARCHIVIST,
      `mutation ($id: ID!) { attachDigitalObject(record: $id, input: { format: "PDF", pages: 3, bytes: 1024, sha256: "${'a'.repeat(64)}" }) { id } }`,
      { id },
    );
    expect(await search(PUBLIC, { query: 'qzcachec', filter })).toMatchObject({ ids: [id], asked: 1 });
  });

  it("answers the catalogue versions of a host only to a signed caller, naming an archive it does not host", async () => {
    const url = `http://127.0.0.1:${network.hosts[0]!.port}/archives/versions`;
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ archives: ['360100'] }) });
    expect(unsigned.status).toBe(401);
    const signed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(archivistOf('360100'), SECRET) },
      body: JSON.stringify({ archives: ['360100', '360121', '360200'] }),
    });
    const { versions } = (await signed.json()) as { versions: any[] };
    expect(versions[0]).toMatchObject({ archive: '360100', sees: ['OPEN', 'DELAYED', 'UNREVIEWED'] });
    expect(versions[0].version).toMatch(/^\d+\.\d+$/);
    expect(versions[1]).toMatchObject({ archive: '360121', sees: ['OPEN'] });
    expect(versions[2]).toMatchObject({ archive: '360200', error: { extensions: { code: 'NOT_FOUND' } } });
  });

  it('keeps a search of one archive apart from the same words over the whole province', async () => {
    const all = await search(PUBLIC, { query: '婚姻登记' });
    const one = await search(PUBLIC, { query: '婚姻登记', filter: { archives: ['360200'] } });
    expect(one.ids.every((id) => id.startsWith('360200:'))).toBe(true);
    expect(one.total).toBeLessThan(all.total);
  });
});
