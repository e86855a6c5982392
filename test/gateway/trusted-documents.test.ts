/**
 * Trusted documents at the gateway: requests by document id (Apollo's persistedQuery extension
 * and `documentId`), the three modes of LANTAI_TRUSTED_DOCUMENTS, and the manifest followed
 * while the gateway runs.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../client/index.js';
import { gatewayEnvironment } from '../../gateway/config.js';
import { TrustedDocuments, type TrustedDocumentsMode, type UntrustedOperation } from '../../gateway/trusted-documents.js';
import { startNetwork, type GraphQLAnswer, type TestNetwork } from './fixtures/network.js';

/** The gateway refuses to start without its secrets; these tests read its other settings. */
const SECRETS = { LANTAI_SUBGRAPH_SECRET: 'subgraph-secret', LANTAI_JWT_SECRET: 'jwt-secret' };

/** A manifest entry as the typed client's codegen writes it: normalised text under its sha256. */
function entry(document: string): [string, string] {
  const text = printExecutableGraphQLDocument(parse(document));
  return [createHash('sha256').update(text).digest('hex'), text];
}

const ARCHIVE_NAME = entry('query ArchiveName($id: ID!) { archive(id: $id) { id name } }');
const RECORD_TITLE = entry('query RecordTitle($id: ID!) { record(id: $id) { title } }');
const AD_HOC = '{ archive(id: "360100") { name level } }';

const directory = mkdtempSync(join(tmpdir(), 'lantai-trusted-'));
const manifestFile = join(directory, 'persisted-documents.json');

function writeManifest(entries: [string, string][], file = manifestFile): void {
  // Written beside and renamed over, as a build would replace it.
  writeFileSync(`${file}.tmp`, JSON.stringify(Object.fromEntries(entries)));
  renameSync(`${file}.tmp`, file);
}

async function post(network: TestNetwork, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  const response = await fetch(`${network.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
}

async function startWith(mode: TrustedDocumentsMode) {
  const logged: string[] = [];
  const network = await startNetwork({ trustedDocuments: { mode, manifestFile }, log: (line) => logged.push(line) });
  const untrusted: UntrustedOperation[] = [];
  network.gateway.trustedDocuments.on('untrusted', (operation) => untrusted.push(operation));
  return { network, logged, untrusted };
}

const byHash = (id: string, version = 1) => ({ extensions: { persistedQuery: { version, sha256Hash: id } } });

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('requests by document id (mode off, as in the demo)', () => {
  let network: TestNetwork;
  beforeAll(async () => {
    writeManifest([ARCHIVE_NAME]);
    ({ network } = await startWith('off'));
  });
  afterAll(() => network?.stop());

  it('answers an id-only request (extensions.persistedQuery) with the manifest’s document', async () => {
    const { status, body } = await post(network, { ...byHash(ARCHIVE_NAME[0]), variables: { id: '360100' } });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { archive: { id: '360100', name: '南昌市档案馆' } } });
  });

  it('answers a documentId, bare or with its sha256: prefix', async () => {
    for (const documentId of [ARCHIVE_NAME[0], `sha256:${ARCHIVE_NAME[0]}`]) {
      const { status, body } = await post(network, { documentId, variables: { id: '360102' } });
      expect(status).toBe(200);
      expect(body.data).toEqual({ archive: { id: '360102', name: '东湖区档案馆' } });
    }
  });

  it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND and HTTP 200, so that Apollo’s clients send the document instead', async () => {
    for (const request of [byHash('0'.repeat(64)), { documentId: 'f'.repeat(64) }]) {
      const { status, body } = await post(network, request);
      expect(status).toBe(200);
      expect(body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    }
  });

  it('answers an unknown persisted-query version with PERSISTED_QUERY_NOT_SUPPORTED, not an internal error', async () => {
    const { status, body } = await post(network, byHash(ARCHIVE_NAME[0], 2));
    expect(status).toBe(200);
    expect(body.errors).toEqual([{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }]);
  });

  it('answers an id-only GET, by persistedQuery extension or by documentId', async () => {
    const variables = encodeURIComponent(JSON.stringify({ id: '360100' }));
    for (const parameter of [`extensions=${encodeURIComponent(JSON.stringify(byHash(ARCHIVE_NAME[0]).extensions))}`, `documentId=${ARCHIVE_NAME[0]}`]) {
      // Apollo Server's CSRF prevention asks a GET for a header a browser form cannot send.
      const response = await fetch(`${network.gatewayUrl}/graphql?${parameter}&variables=${variables}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { archive: { id: '360100', name: '南昌市档案馆' } } });
    }
  });

  it('lets a client that sent an unknown id fall back to the text, as urql and Apollo Client do', async () => {
    const [id, text] = entry('query ArchiveLevel($id: ID!) { archive(id: $id) { level } }');
    const document = Object.assign(parse(text), { __meta__: { hash: id } }) as unknown as TypedDocumentNode<{ archive: { level: string } | null }, { id: string }>;
    const bodies: Record<string, unknown>[] = [];
    const client = createClient({
      url: `${network.gatewayUrl}/graphql`,
      fetch: async (input, init) => {
        bodies.push(JSON.parse(String(init!.body)));
        return fetch(input, init);
      },
    });
    expect(await client.request(document, { id: '360102' })).toEqual({ data: { archive: { level: 'COUNTY' } }, errors: [] });
    expect(bodies.map((body) => typeof body.query)).toEqual(['undefined', 'string']);
  });

  it('registers nothing: a document sent with its hash runs, but its hash alone is still not found', async () => {
    const [id, text] = entry('query Levels { archive(id: "360100") { level } }');
    const sent = await post(network, { query: text, ...byHash(id) });
    expect(sent.body).toEqual({ data: { archive: { level: 'CITY' } } });
    const again = await post(network, byHash(id));
    expect(again.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  // Each test posts a document and checks the one thing it proves: the requests read alike.
  it('runs a document sent with a hash that is not its own as the document it is', async () => {
    const { status, body } = await post(network, { query: AD_HOC, ...byHash(ARCHIVE_NAME[0]) });
    expect(status).toBe(200);
    expect(body.data).toEqual({ archive: { name: '南昌市档案馆', level: 'CITY' } });
  });
});

describe('mode enforce', () => {
  let network: TestNetwork;
  let untrusted: UntrustedOperation[];
  let logged: string[];
  beforeAll(async () => {
    writeManifest([ARCHIVE_NAME]);
    ({ network, untrusted, logged } = await startWith('enforce'));
  });
  afterAll(() => network?.stop());

  it('refuses an ad-hoc public query with QUERY_NOT_IN_SAFELIST, reports it, and calls no shard', async () => {
    const callsBefore = network.nanchang.calls.length;
    const { status, body } = await network.query(AD_HOC);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual({ code: 'QUERY_NOT_IN_SAFELIST' });
    expect(body.errors![0]!.message).toMatch(/可信文档/);
    expect(network.nanchang.calls.length).toBe(callsBefore);
    expect(untrusted.at(-1)).toEqual({
      operationName: null,
      documentHash: createHash('sha256').update(AD_HOC).digest('hex'),
      role: 'public',
      refused: true,
    });
    expect(logged.some((line) => line.includes('refused') && line.includes('public'))).toBe(true);
  });

  it('answers the same ad-hoc query for an archivist, who may use GraphiQL', async () => {
    const token = await network.token({ role: 'archivist', archive: '360100', sub: 'li.si' });
    const { status, body } = await network.query(AD_HOC, undefined, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { archive: { name: '南昌市档案馆', level: 'CITY' } } });
    expect(untrusted.at(-1)).toMatchObject({ role: 'archivist', refused: false });
  });

  it('answers the public’s manifest documents by id and in full, in any layout, with comments, beside other operations', async () => {
    const byId = await post(network, { ...byHash(ARCHIVE_NAME[0]), variables: { id: '360100' } });
    expect(byId.body.data).toEqual({ archive: { id: '360100', name: '南昌市档案馆' } });
    const exact = await network.query(ARCHIVE_NAME[1], { id: '360100' });
    expect(exact.body.data).toEqual({ archive: { id: '360100', name: '南昌市档案馆' } });
    const reordered = await post(network, {
      query: `# the dashboard's file\nquery ArchiveName($id: ID!) {\n  archive(id: $id) {\n    name\n    id\n  }\n}\n\nquery Other { province { name } }\n`,
      operationName: 'ArchiveName',
      variables: { id: '360102' },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.data).toEqual({ archive: { name: '东湖区档案馆', id: '360102' } });
    // The file's other operation is not in the manifest.
    const other = await post(network, { query: 'query ArchiveName($id: ID!) { archive(id: $id) { id name } }\nquery Other { province { name } }', operationName: 'Other' });
    expect(other.body.errors![0]!.extensions!.code).toBe('QUERY_NOT_IN_SAFELIST');
  });

  it('follows the manifest file while running: a new document is answered once the file is replaced', async () => {
    const refused = await post(network, { ...byHash(RECORD_TITLE[0]), variables: { id: '360100:Record:1' } });
    expect(refused.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const loaded = once(network.gateway.trustedDocuments, 'loaded');
    writeManifest([ARCHIVE_NAME, RECORD_TITLE]);
    expect(await loaded).toEqual([{ documents: 2 }]);
    const { status, body } = await post(network, { ...byHash(RECORD_TITLE[0]), variables: { id: '360100:Record:1' } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.record.title).toEqual(expect.any(String));
  });

  it('keeps the manifest in force when the file is replaced by one that cannot be read', async () => {
    const failed = once(network.gateway.trustedDocuments, 'load-failed');
    writeFileSync(manifestFile, '{ "half written": ');
    const [error] = await failed;
    expect((error as Error).message).toMatch(/JSON/);
    const { body } = await post(network, { ...byHash(ARCHIVE_NAME[0]), variables: { id: '360100' } });
    expect(body.data).toEqual({ archive: { id: '360100', name: '南昌市档案馆' } });
  });
});

describe('mode log', () => {
  let network: TestNetwork;
  let untrusted: UntrustedOperation[];
  let logged: string[];
  beforeAll(async () => {
    writeManifest([ARCHIVE_NAME]);
    ({ network, untrusted, logged } = await startWith('log'));
  });
  afterAll(() => network?.stop());

  it('answers an ad-hoc public query, and logs and reports it', async () => {
    const { status, body } = await network.query(`query Adhoc ${AD_HOC}`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ archive: { name: '南昌市档案馆', level: 'CITY' } });
    expect(untrusted).toEqual([{ operationName: 'Adhoc', documentHash: expect.stringMatching(/^[0-9a-f]{64}$/), role: 'public', refused: false }]);
    expect(logged.filter((line) => line.includes('Adhoc'))).toHaveLength(1);
  });

  it('reports nothing for a manifest document', async () => {
    const before = untrusted.length;
    await network.query(ARCHIVE_NAME[1], { id: '360100' });
    await post(network, { ...byHash(ARCHIVE_NAME[0]), variables: { id: '360100' } });
    expect(untrusted.length).toBe(before);
  });
});

describe('configuration', () => {
  it('reads LANTAI_TRUSTED_DOCUMENTS and LANTAI_TRUSTED_DOCUMENTS_FILE, off by default', () => {
    expect(gatewayEnvironment(SECRETS).trustedDocuments).toEqual({ mode: 'off' });
    expect(gatewayEnvironment({ ...SECRETS, LANTAI_TRUSTED_DOCUMENTS: 'enforce', LANTAI_TRUSTED_DOCUMENTS_FILE: '/etc/lantai/documents.json' }).trustedDocuments).toEqual({
      mode: 'enforce',
      manifestFile: '/etc/lantai/documents.json',
    });
    expect(() => gatewayEnvironment({ ...SECRETS, LANTAI_TRUSTED_DOCUMENTS: 'strict' })).toThrow(/LANTAI_TRUSTED_DOCUMENTS/);
  });

  it('refuses to start enforcing without a readable manifest, and starts without one when off', async () => {
    const missing = join(directory, 'missing.json');
    const enforcing = new TrustedDocuments({ mode: 'enforce', manifestFile: missing }, () => undefined);
    await expect(enforcing.start()).rejects.toThrow(/missing\.json/);
    const off = new TrustedDocuments({ mode: 'off', manifestFile: missing }, () => undefined);
    await off.start();
    expect(off.size).toBe(0);
    off.stop();
  });

  it('refuses a manifest entry whose id is not the sha256 of its document', async () => {
    const forged = join(directory, 'forged.json');
    writeFileSync(forged, JSON.stringify({ [ARCHIVE_NAME[0]]: AD_HOC }));
    await expect(new TrustedDocuments({ mode: 'log', manifestFile: forged }, () => undefined).start()).rejects.toThrow(/sha256/);
  });

  it('reads the typed client’s manifest by default', async () => {
    const trusted = new TrustedDocuments({ mode: 'enforce' }, () => undefined);
    await trusted.start();
    expect(trusted.manifestFile).toMatch(/client\/generated\/persisted-documents\.json$/);
    expect(trusted.size).toBeGreaterThan(10);
    trusted.stop();
  });
});
