/**
 * The typed client against a small real network whose gateway enforces trusted documents:
 * documents go by id, answers come back with their typed errors, connections are walked page
 * by page, and the README's example runs.
 */
import { execFile } from 'node:child_process';
import { openAsBlob, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessRequestDocument,
  ArchiveRecordsDocument,
  createClient,
  IncomingRequestsDocument,
  pages,
  RecordsToReviewDocument,
  ReviewAccessDocument,
  SearchCatalogueDocument,
  StatisticsDocument,
  SubmitAccessRequestDocument,
  type LantaiClient,
} from '../../client/index.js';
import { close, listen } from '../../protocol/http.js';
import { identityCheckCharacter } from '../../subgraphs/province/access-requests/personal-data.js';
import { fixtureFolder, ITEM_HEADER, itemRow } from '../import/fixtures.js';
import { archivistOf, startCatalogueNetwork, type CatalogueNetwork } from '../province-search/catalogue-network.js';

const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

let network: CatalogueNetwork;
let url: string;
/** Every request body the clients of this file sent. */
const sent: Record<string, unknown>[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  sent.push(JSON.parse(String(init?.body)));
  return fetch(input, init);
};
const client = (token?: string): LantaiClient => createClient({ url, token, fetch: recordingFetch });

beforeAll(async () => {
  network = await startCatalogueNetwork({
    label: 'client',
    hosts: [['360100', '360121'], ['360200']],
    withGateway: true,
    gateway: { trustedDocuments: { mode: 'enforce' } },
  });
  url = network.gatewayUrl!;
});

afterAll(async () => {
  await network?.teardown();
});

describe('the typed client', () => {
  it('sends documents by their trusted id, and a gateway that enforces trusted documents answers the public', async () => {
    sent.length = 0;
    const { data, errors } = await client().request(SearchCatalogueDocument, { query: '婚姻登记', first: 5 });
    expect(errors).toEqual([]);
    expect(data!.searchCatalogue!.hits).toHaveLength(5);
    for (const hit of data!.searchCatalogue!.hits) expect(hit.record!.title).toContain('婚姻登记');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toBeUndefined();
    expect(sent[0]!.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: (SearchCatalogueDocument as unknown as { __meta__: { hash: string } }).__meta__.hash } });
  });

  it('sends the text when asked to, which the gateway recognises as the same trusted document', async () => {
    sent.length = 0;
    const { data, errors } = await createClient({ url, sendDocumentIds: false, fetch: recordingFetch }).request(SearchCatalogueDocument, { query: '婚姻登记', first: 1 });
    expect(errors).toEqual([]);
    expect(data!.searchCatalogue!.hits).toHaveLength(1);
    expect(sent[0]!.query).toEqual(expect.stringContaining('query SearchCatalogue'));
  });

  it('returns a refused ad-hoc document as a typed QUERY_NOT_IN_SAFELIST error, not a throw', async () => {
    const adHoc = parse('query AdHoc { archive(id: "360100") { name } }') as TypedDocumentNode<{ archive: { name: string } | null }, Record<string, never>>;
    const { data, errors } = await client().request(adHoc);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ code: 'QUERY_NOT_IN_SAFELIST' })]);
    // An archivist may send it.
    const archivist = await client(await network.token(archivistOf('360100'))).request(adHoc);
    expect(archivist).toEqual({ data: { archive: { name: '南昌市档案馆' } }, errors: [] });
  });

  it('reads the province’s statistics (统计) with its ranking, series and coverage', async () => {
    const { data, errors } = await client().request(StatisticsDocument, { rankBy: 'HOLDINGS', rankFirst: 3 });
    expect(errors).toEqual([]);
    const statistics = data!.statistics!;
    expect(statistics.region.code).toBe('360000');
    expect(statistics.coverage).toMatchObject({ archives: 3, contributed: 3, partial: false });
    expect(statistics.ranking).toHaveLength(3);
    expect(statistics.totals.holdings).toBe(statistics.byRegion.reduce((sum, region) => sum + region.totals.holdings, 0));
  });

  it('walks a connection page by page', async () => {
    const walked: string[] = [];
    for await (const { page, errors } of pages(client(), ArchiveRecordsDocument, { archive: '360100', first: 10 }, (data) => data.archive?.records)) {
      expect(errors).toEqual([]);
      walked.push(...page.nodes.map((record) => record.id));
      if (walked.length >= 30) break;
    }
    const { data } = await client().request(ArchiveRecordsDocument, { archive: '360100', first: 30 });
    expect(walked).toEqual(data!.archive!.records!.nodes.map((record) => record.id));
    expect(new Set(walked).size).toBe(30);
  });

  it('gives errors their documented codes: UNAUTHENTICATED, BAD_USER_INPUT, FORBIDDEN', async () => {
    const badToken = await client('not-a-jwt').request(ArchiveRecordsDocument, { archive: '360100' });
    expect(badToken.data).toBeNull();
    expect(badToken.errors.map((error) => error.code)).toEqual(['UNAUTHENTICATED']);
    const tooMany = await client().request(ArchiveRecordsDocument, { archive: '360100', first: 101 });
    expect(tooMany.errors.map((error) => [error.code, error.path])).toEqual([['BAD_USER_INPUT', ['archive', 'records']]]);
    const notTheirs = await client().request(IncomingRequestsDocument, { archive: '360100' });
    expect(notTheirs.data!.archive!.incomingRequests).toBeNull();
    expect(notTheirs.errors.map((error) => error.code)).toEqual(['FORBIDDEN']);
  });

  it('returns NETWORK_ERROR when nothing answers, not a throw', async () => {
    const closed = createServer();
    const port = await listen(closed, 0);
    await close(closed);
    const { data, errors } = await createClient({ url: `http://127.0.0.1:${port}/graphql` }).request(SearchCatalogueDocument, { query: '婚姻' });
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ code: 'NETWORK_ERROR' })]);
  });

  it('submits an access request (异地查档) and follows it, by document id', async () => {
    const person = client(await network.token({ role: 'public', sub: 'zhang.san' }));
    const first17 = '36020319880808123';
    const submitted = await person.request(SubmitAccessRequestDocument, {
      idempotencyKey: 'client-test-1',
      input: {
        receivingArchive: '360100',
        holdingArchive: '360200',
        purpose: 'PERSONAL_AFFAIRS',
        description: '查询本人父亲1978年招工录用档案',
        delivery: 'PICKUP',
        requester: { name: '张三', identityNumber: first17 + identityCheckCharacter(first17), phone: '13812345678' },
      },
    });
    expect(submitted.errors).toEqual([]);
    const id = submitted.data!.submitAccessRequest!.id;
    const followed = await person.request(AccessRequestDocument, { id });
    expect(followed.errors).toEqual([]);
    expect(followed.data!.accessRequest).toMatchObject({ id, status: 'SUBMITTED', holdingArchive: { id: '360200' }, history: [{ status: 'SUBMITTED' }] });
  });

  it('lets an archivist review a record’s opening (开放审核) with a mutation by id', async () => {
    const archivist = client(await network.token(archivistOf('360121')));
    const toReview = await archivist.request(RecordsToReviewDocument, { archive: '360121', first: 1 });
    expect(toReview.errors).toEqual([]);
    const record = toReview.data!.archive!.records!.nodes[0]!;
    const reviewed = await archivist.request(ReviewAccessDocument, {
      record: record.id,
      input: { access: 'OPEN', reason: '已满二十五年，经审核开放', reviewer: '李四' },
    });
    expect(reviewed.errors).toEqual([]);
    expect(reviewed.data!.reviewAccess).toMatchObject({ id: record.id, access: 'OPEN' });
    expect(reviewed.data!.reviewAccess.openReviews.at(-1)).toMatchObject({ previousAccess: record.access, decidedAccess: 'OPEN', reviewer: '李四' });
  });

  it('runs the README’s example, npm run example:search -- 婚姻登记, whose code the README shows', async () => {
    const example = readFileSync(new URL('../../client/examples/search.ts', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('```ts\n' + example + '```');
    const { stdout } = await run(process.execPath, [tsx, 'client/examples/search.ts', '婚姻登记'], { env: { ...process.env, LANTAI_GATEWAY_URL: url } });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^「婚姻登记」: \d+\+? records$/);
    const hits = lines.filter((line) => line.includes('婚姻登记') && line.includes('档案馆'));
    expect(hits.length).toBeGreaterThan(10);
  });

  it('uploads a catalogue file for an archivist: a dry run with its progress, the import, the same file again', async () => {
    const files = fixtureFolder();
    try {
      const path = files.text('客户端目录.csv', [ITEM_HEADER, ...[1, 2, 3].map((n) => itemRow(n, { 档号: `0077-WS·2003-Y-BGS-000${n}`, 全宗号: '0077', 开放状态: n === 1 ? '开放' : '' }))], 'gb18030');
      const archivist = createClient({ url, token: await network.token(archivistOf('360121')) });
      const upload = { archive: '360121', file: await openAsBlob(path), fileName: '客户端目录.csv' };
      const phases: string[] = [];
      const dry = await archivist.importCatalogue({ ...upload, dryRun: true, onProgress: (progress) => phases.push(progress.phase) });
      expect(dry.errors).toEqual([]);
      expect(dry.report).toMatchObject({ file: '客户端目录.csv', encoding: 'gb18030', rowsRead: 3, added: 3, written: false, dryRun: true, byAccess: { OPEN: 1, UNREVIEWED: 2 } });
      expect(phases).toContain('reading');
      const imported = await archivist.importCatalogue(upload);
      expect(imported.report).toMatchObject({ added: 3, written: true });
      const again = await archivist.importCatalogue({ ...upload, file: readFileSync(path) });
      expect(again.report).toMatchObject({ added: 0, unchanged: 3 });
    } finally {
      files.remove();
    }
  });

  it('answers an upload it refuses with a null report and the typed errors', async () => {
    const file = new TextEncoder().encode('档号,题名,年度,保管期限\r\n0078-WS·2003-Y-BGS-0001,通知,2003,永久\r\n');
    const upload = { archive: '360121', file, fileName: '目录.csv' };
    const anonymous = await createClient({ url }).importCatalogue(upload);
    expect(anonymous.report).toBeNull();
    expect(anonymous.errors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    const otherArchive = await createClient({ url, token: await network.token(archivistOf('360100')) }).importCatalogue(upload);
    expect(otherArchive.errors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    const archivist = createClient({ url, token: await network.token(archivistOf('360121')) });
    const encoding = await archivist.importCatalogue({ ...upload, encoding: 'klingon', onProgress: () => {} });
    expect(encoding.report).toBeNull();
    expect(encoding.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/klingon/) })]);
    await expect(archivist.importCatalogue({ ...upload, archive: '../360121' })).rejects.toThrow(TypeError);
  });

  it('returns a partial answer with ARCHIVE_UNAVAILABLE naming the archive that is down', async () => {
    await network.stopHostOf('360200');
    const { data, errors } = await client().request(SearchCatalogueDocument, { query: '婚姻登记', first: 5 });
    expect(data!.searchCatalogue!.partial).toBe(true);
    expect(data!.searchCatalogue!.hits.length).toBeGreaterThan(0);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'ARCHIVE_UNAVAILABLE', archive: '360200' }));
    const unavailable = errors.find((error) => error.code === 'ARCHIVE_UNAVAILABLE');
    // The type narrows on the code: `archive` exists only on ARCHIVE_UNAVAILABLE.
    if (unavailable?.code === 'ARCHIVE_UNAVAILABLE') expect(unavailable.archive).toBe('360200');
  });
});
