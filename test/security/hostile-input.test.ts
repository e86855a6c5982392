/**
 * The hostile-input battery: a real network (archive hosts in their own processes, the
 * province subgraph, the gateway) over a seeded test database, attacked through the gateway
 * and directly at the subgraphs. Every case asserts its exact error code or its exact
 * harmless result, that nothing internal leaked (stack, SQL, path, address), and, for
 * mutations, that nothing changed.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, type TypeNode } from 'graphql';
import { SignJWT } from 'jose';
import pg from 'pg';
import { signIdentity, type Identity } from '../../protocol/identity.js';
import { startNetwork, type Network } from '../../scripts/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

const JWT_SECRET = 'battery-jwt-secret';
const SUBGRAPH_SECRET = 'battery-subgraph-secret';
const CITY = '360100';
const COUNTY = '360121';
const ARCHIVES = ['360000', CITY, COUNTY];

let db: TestDatabase;
let network: Network;
let sql: pg.Client;

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

interface Answer {
  status: number;
  body: GraphQLBody;
  /** Every string in the response body (messages, extensions, data), for the leak check. */
  strings: string[];
}

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      stringsIn(item, into);
    }
  }
  return into;
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: GraphQLBody;
  try {
    parsed = JSON.parse(text) as GraphQLBody;
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, body: parsed, strings: stringsIn(parsed) };
}

const gateway = (query: string, variables?: Record<string, unknown>, bearer?: string) =>
  post(network.gatewayUrl, JSON.stringify({ query, variables }), bearer ? { authorization: `Bearer ${bearer}` } : {});

function archiveUrl(code: string): string {
  const host = network.archiveHosts.find((h) => h.archives.includes(code))!;
  return host.endpoint(code);
}

/** A request straight to a subgraph, signed as `identity` (or with the headers given instead). */
const direct = (url: string, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) =>
  post(url, JSON.stringify({ query, variables }), headers);
const signedAs = (identity: Identity, now?: number) => signIdentity(identity, SUBGRAPH_SECRET, now);

async function token(claims: Record<string, unknown>, options: { secret?: string; alg?: string; expiresIn?: string | number; notBefore?: string | number } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256' }).setIssuedAt();
  jwt.setExpirationTime(options.expiresIn ?? '10m');
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat\s+\S+\s+\(?\S+:\d+:\d+\)?|\n\s+at\s/],
  ['a stack trace', /stacktrace/i],
  ['a source path', /(?:\/[\w.@-]+){2,}\.(?:ts|js|mjs|cjs)\b|node_modules|file:\/\//],
  ['a loopback address', /127\.0\.0\.1|localhost|\[::1\]/],
  ['a database URL', /postgres(?:ql)?:\/\//i],
  ['SQL', /\b(?:select|insert|update|delete)\b[\s\S]{0,200}\b(?:from|into|set|where)\b|syntax error at or near|\brelation "|violates|duplicate key|invalid input syntax|archive_\d{6}\.|\$\d\b/i],
  ['a relayed service name', /serviceName/],
  ['ORM or driver internals', /mikro-?orm|DriverException|\bpg\b|tsquery|tsvector|ECONNREFUSED/i],
];

/** The ports the network's services listen on: none may appear in an answer. */
function servicePorts(): RegExp {
  const ports = [...network.archiveHosts.map((host) => host.process.port), network.province.port, network.gateway.port];
  return new RegExp(`:(?:${ports.join('|')})\\b`);
}

/** Asserts that nothing internal is in the answer, after removing what the client sent itself. */
function expectNoLeak(answer: Answer, sent: string[] = []): void {
  const ports = servicePorts();
  const echoes = sent.flatMap((text) => [text, text.slice(0, 80), text.slice(0, 40), text.slice(0, 20)]).filter((t) => t.length >= 3);
  for (const original of answer.strings) {
    let text = original;
    for (const echo of echoes.sort((a, b) => b.length - a.length)) text = text.split(echo).join(' ');
    for (const [what, pattern] of [...LEAKS, ['a service port', ports] as [string, RegExp]]) {
      expect(pattern.test(text), `${what} in ${JSON.stringify(original).slice(0, 300)}`).toBe(false);
    }
  }
}

/** Asserts that the answer has no data: none at all, or null for every field asked (the province's root fields are nullable). */
function expectNoFieldAnswered(answer: Answer): void {
  const data = answer.body.data ?? null;
  if (data !== null) expect(Object.values(data).every((value) => value === null), JSON.stringify(data)).toBe(true);
}

function codesOf(answer: Answer): string[] {
  return [...new Set((answer.body.errors ?? []).map((e) => String(e.extensions?.code)))];
}

/** Everything a mutation could change, as one hash per archive and one for the directory. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const code of ARCHIVES) {
    for (const table of ['fonds', 'record', 'open_review', 'digital_object', 'utilization', 'record_grant']) {
      const { rows } = await sql.query(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "archive_${code}".${table} t`);
      parts.push(`${code}.${table}:${rows[0].h}`);
    }
  }
  for (const table of ['directory_entry', 'access_request', 'access_request_transition']) {
    const { rows } = await sql.query(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from province.${table} t`);
    parts.push(`province.${table}:${rows[0].h}`);
  }
  return parts.join('\n');
}

let tokens: { archivist: string; otherArchivist: string; admin: string; publicPerson: string };
let ids: { openRecord: string; closedRecord: string; file: string; fonds: string; otherFonds: string };

beforeAll(async () => {
  db = await createTestDatabase('battery');
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  network = await startNetwork({
    databaseUrl: db.url,
    archives: ARCHIVES,
    hosts: 2,
    subgraphSecret: SUBGRAPH_SECRET,
    // The battery sends hundreds of requests from one address; rate limiting has its own test.
    env: { LANTAI_JWT_SECRET: JWT_SECRET, LANTAI_RATE_LIMIT_BURST: '0', LANTAI_PROBE_INTERVAL_MS: '600000' },
  });
  tokens = {
    archivist: await token({ sub: 'zhang', role: 'archivist', archive: CITY }),
    otherArchivist: await token({ sub: 'li', role: 'archivist', archive: COUNTY }),
    admin: await token({ sub: 'root', role: 'admin' }),
    publicPerson: await token({ sub: 'wang', role: 'public' }),
  };
  const pick = async (filter: string) => {
    const answer = await gateway(`{ archive(id: "${CITY}") { records(first: 1, filter: ${filter}) { nodes { id fonds { id } } } } }`, undefined, tokens.archivist);
    return answer.body.data!.archive.records.nodes[0] as { id: string; fonds: { id: string } };
  };
  const open = await pick('{ access: [OPEN], level: ITEM }');
  const closed = await pick('{ access: [DELAYED] }');
  const file = await pick('{ level: FILE }');
  const other = await gateway(`{ archive(id: "${COUNTY}") { fonds(first: 1) { nodes { id } } } }`, undefined, tokens.otherArchivist);
  ids = { openRecord: open.id, closedRecord: closed.id, file: file.id, fonds: open.fonds.id, otherFonds: other.body.data!.archive.fonds.nodes[0].id };
});

afterAll(async () => {
  await network?.stop();
  await sql?.end();
  await db?.drop();
});

describe('limits on the shape and size of a request (through the gateway)', () => {
  const deep = (depth: number) => {
    let selection = 'id';
    for (let i = 0; i < depth; i += 1) selection = `parent { ${selection} }`;
    return `{ record(id: "${CITY}:Record:1") { ${selection} } }`;
  };
  it.each([
    ['a query 30 levels deep', deep(30), 'GRAPHQL_VALIDATION_FAILED', 400],
    ['a wide query asking 3000 fields', `{ ${'__typename '.repeat(3000)} }`, 'GRAPHQL_PARSE_FAILED', 400],
    ['an alias flood of 40 archive lookups', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: archive(id: "${CITY}") { name }`).join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED', 400],
    ['a directive flood', `{ archive(id: "${CITY}") { name ${'@skip(if: false) '.repeat(60)} } }`, 'GRAPHQL_VALIDATION_FAILED', 400],
    [
      'a query whose cost is over the limit',
      `{ province { archives { records(first: 100) { nodes { items(first: 100) { nodes { fonds { records(first: 100) { nodes { title digitalObjects { sha256 } } } } } } } } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
      400,
    ],
    ['a batch of two operations in one body', '[batch]', 'BAD_REQUEST', 400],
  ])('refuses %s', async (_, query, code, status) => {
    const answer =
      query === '[batch]'
        ? await post(network.gatewayUrl, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]))
        : await gateway(query);
    expect(answer.status).toBe(status);
    expect(codesOf(answer)).toEqual([code]);
    expect(answer.body.data ?? null).toBeNull();
    expectNoLeak(answer);
  });

  const HUGE_PAGES: [string, string, string[]][] = [
    ['Archive.records', `{ archive(id: "${CITY}") { records(first: 1000) { totalCount } } }`, ['archive', 'records']],
    ['Archive.fonds', `{ archive(id: "${CITY}") { fonds(first: 101) { totalCount } } }`, ['archive', 'fonds']],
    ['Archive.exhibitions', `{ archive(id: "${CITY}") { exhibitions(first: 101) { totalCount } } }`, ['archive', 'exhibitions']],
    ['Archive.compilations', `{ archive(id: "${CITY}") { compilations(first: 101) { totalCount } } }`, ['archive', 'compilations']],
    ['Archive.utilizations', `{ archive(id: "${CITY}") { utilizations(first: 500) { totalCount } } }`, ['archive', 'utilizations']],
    ['Archive.auditLog', `{ archive(id: "${CITY}") { auditLog(first: 500) { totalCount } } }`, ['archive', 'auditLog']],
    ['Archive.records with a negative size', `{ archive(id: "${CITY}") { records(first: -1) { totalCount } } }`, ['archive', 'records']],
    // Fonds.records and Record.items are non-null: the error nulls their parent.
    ['Fonds.records', `query($f: ID!) { fonds(id: $f) { records(first: 1000) { totalCount } } }`, ['fonds']],
    ['Record.items', `query($r: ID!) { record(id: $r) { items(first: 1000) { totalCount } } }`, ['record']],
    // Statistics.ranking is non-null: the error nulls the statistics around it.
    ['Query.searchCatalogue', '{ searchCatalogue(query: "档案", first: 101) { totalCount } }', ['searchCatalogue']],
    ['Statistics.ranking', '{ statistics { ranking(by: HOLDINGS, first: 201) { rank } } }', ['statistics']],
    ['Query.myAccessRequests', '{ myAccessRequests(first: 101) { totalCount } }', ['myAccessRequests']],
    ['Archive.incomingRequests', `{ archive(id: "${COUNTY}") { incomingRequests(first: 101) { totalCount } } }`, ['archive', 'incomingRequests']],
    ['Archive.outgoingRequests', `{ archive(id: "${CITY}") { outgoingRequests(first: 101) { totalCount } } }`, ['archive', 'outgoingRequests']],
  ];
  it.each(HUGE_PAGES)('refuses a huge page of %s with BAD_USER_INPUT', async (name, query, path) => {
    const bearer = name === 'Query.myAccessRequests' ? tokens.publicPerson : name === 'Archive.incomingRequests' ? tokens.otherArchivist : tokens.archivist;
    const answer = await gateway(query, { f: ids.fonds, r: ids.file }, bearer);
    expect(answer.status).toBe(200);
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    let data: any = answer.body.data;
    if (path.length === 0) expect(data ?? null).toBeNull();
    else {
      for (const key of path.slice(0, -1)) data = data[key];
      expect(data[path.at(-1)!]).toBeNull();
    }
    expectNoLeak(answer);
  });

  it('covers every `first` argument of both subgraph schemas, and the internal searchRecords below', () => {
    const pages = new Set<string>();
    for (const file of ['archive.graphql', 'province.graphql']) {
      for (const definition of parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')).definitions) {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
        for (const field of definition.fields ?? []) {
          if (field.arguments?.some((argument) => argument.name.value === 'first')) pages.add(`${definition.name.value}.${field.name.value}`);
        }
      }
    }
    const tested = new Set([...HUGE_PAGES.map(([name]) => name.replace(/ with .*/, '')), 'Query.searchRecords']);
    expect([...pages].filter((page) => !tested.has(page)).sort()).toEqual([]);
  });

  it('refuses a huge page asked through a variable: at the gateway past the cost limit, else at the shard', async () => {
    const query = `query($n: Int) { archive(id: "${CITY}") { records(first: $n) { totalCount } } }`;
    const costly = await gateway(query, { n: 100000 });
    expect(costly.status).toBe(400);
    expect(codesOf(costly)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expectNoLeak(costly);
    const cheap = await gateway(query, { n: 1000 });
    expect(codesOf(cheap)).toEqual(['BAD_USER_INPUT']);
    expect(cheap.body.data).toEqual({ archive: { records: null } });
    expectNoLeak(cheap);
  });

  it('refuses a page size beyond 32-bit integers as GRAPHQL_VALIDATION_FAILED', async () => {
    const answer = await gateway(`{ archive(id: "${CITY}") { records(first: 2147483648) { totalCount } } }`);
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expectNoLeak(answer);
  });

  it('refuses a huge page of the internal searchRecords asked directly of a shard', async () => {
    const answer = await direct(archiveUrl(CITY), `{ searchRecords(archive: "${CITY}", query: "档案", first: 501) { totalCount } }`, undefined, signedAs({ role: 'public' }));
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.data ?? null).toBeNull();
    expectNoLeak(answer);
  });

  it.each([
    ['the gateway', () => network.gatewayUrl, 101 * 1024, {}],
    ['an archive host', () => archiveUrl(CITY), 1024 * 1024 + 1, null],
    ['the province subgraph', () => network.provinceUrl, 1024 * 1024 + 1, null],
  ])('refuses an oversized body at %s with 413 and changes nothing', async (_, url, size, headers) => {
    const before = await fingerprint();
    const body = JSON.stringify({
      query: `mutation($n: String!) { createFonds(archive: "${CITY}", input: { fondsCode: "BIG", name: $n, creator: "x" }) { id } }`,
      variables: { n: '档'.repeat(Math.ceil(size / 3)) },
    });
    const answer = await post(url(), body, headers ?? signedAs({ role: 'archivist', archive: CITY, sub: 'zhang' }));
    expect(answer.status).toBe(413);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
    expect(await fingerprint()).toBe(before);
    expectNoLeak(answer);
  });
});

describe('malformed requests answered by the HTTP adapter', () => {
  it.each([
    ['a body that is not JSON, at the gateway', () => post(network.gatewayUrl, '{"query": "{ __typename }"'), 400, 'BAD_REQUEST'],
    ['a body that is not JSON, at an archive host', () => post(archiveUrl(CITY), '{"query":', signedAs({ role: 'public' })), 400, 'BAD_REQUEST'],
    ['a mutation sent as GET', () => fetch(`${network.gatewayUrl}?query=${encodeURIComponent('mutation { retireArchive(id: "360121") { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } }), 405, 'BAD_REQUEST'],
    ['a path that does not exist, at the gateway', () => fetch(network.gatewayUrl.replace('/graphql', '/../../etc/passwd%00.ts')), 404, null],
    ['an archive the host does not serve', () => post(archiveUrl(CITY).replace(CITY, '360999'), '{"query":"{ __typename }"}', signedAs({ role: 'public' })), 404, 'NOT_FOUND'],
    ['a path that does not exist, at the province', () => fetch(network.provinceUrl.replace('/graphql', '/admin')), 404, 'NOT_FOUND'],
  ])('answers %s without leaking anything', async (_, send, status, code) => {
    const response = await send();
    const answer: Answer =
      'strings' in response
        ? response
        : await (async () => {
            const text = await response.text();
            let body: GraphQLBody;
            try {
              body = JSON.parse(text) as GraphQLBody;
            } catch {
              body = { errors: [{ message: text }] };
            }
            return { status: response.status, body, strings: stringsIn(body) };
          })();
    expect(answer.status).toBe(status);
    if (code) expect(codesOf(answer)).toEqual([code]);
    expectNoLeak(answer, ['/../../etc/passwd%00.ts', '/etc/passwd%00.ts']);
  });
});

describe('requests that once gave a server error', () => {
  it.each([
    ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 'operationName'],
    ['an operationName that names no operation', { query: 'query A { __typename }', operationName: 'Nope' }, 'Nope'],
    ['a subscription', { query: 'subscription { __typename }' }, 'subscription'],
  ])('refuses %s with 400 BAD_REQUEST and says why', async (_, body, mentioned) => {
    const answer = await post(network.gatewayUrl, JSON.stringify(body));
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
    expect(answer.body.errors![0]!.message).toContain(mentioned);
    expect(answer.body.data ?? null).toBeNull();
    expectNoLeak(answer, [JSON.stringify(body)]);
  });

  const attach = (bytes: string) =>
    `mutation { attachDigitalObject(record: "${CITY}:Record:1", input: { format: "PDF", pages: 1, bytes: ${bytes}, sha256: "${'a'.repeat(64)}" }) { id } }`;
  it('refuses a number literal too large for a double (1e400) before anything runs', async () => {
    const before = await fingerprint();
    const answer = await gateway(attach('1e400'), undefined, tokens.archivist);
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.body.errors![0]!.message).toContain('1e400');
    expect(await fingerprint()).toBe(before);
    expectNoLeak(answer, ['1e400']);
  });

  it('refuses a variable too large for a double (1e400) as a bad input', async () => {
    const before = await fingerprint();
    const query = `mutation($b: Float!) { attachDigitalObject(record: "${CITY}:Record:1", input: { format: "PDF", pages: 1, bytes: $b, sha256: "${'a'.repeat(64)}" }) { id } }`;
    const answer = await post(network.gatewayUrl, `{"query":${JSON.stringify(query)},"variables":{"b":1e400}}`, { authorization: `Bearer ${tokens.archivist}` });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
    expectNoLeak(answer);
  });

  it.each([
    ['lacking __typename', [{ id: `${CITY}:Record:1` }]],
    ['that are not objects', ['x']],
    ['naming a type that is no entity', [{ __typename: 'Query', id: '1' }]],
  ])('refuses _entities representations %s, signed, at an archive shard, with BAD_USER_INPUT', async (_, representations) => {
    const answer = await direct(
      archiveUrl(CITY),
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Record { title } } }',
      { r: representations },
      signedAs({ role: 'public' }),
    );
    expect(answer.status).toBe(200);
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors![0]!.message).toContain('representation');
    expectNoLeak(answer, [JSON.stringify(representations)]);
  });
});

describe('reads of closed records through the gateway are audited in their archive', () => {
  it('logs the search hits an archivist fetches, through _entities, and the record read by id', async () => {
    await sql.query(`delete from "archive_${CITY}".audit_entry`);
    const search = await gateway(
      `{ searchCatalogue(filter: { archives: ["${CITY}"], access: [DELAYED, UNREVIEWED] }, first: 3) { hits { record { id access } } } }`,
      undefined,
      tokens.archivist,
    );
    expect(search.body.errors).toBeUndefined();
    const hits = (search.body.data!.searchCatalogue.hits as { record: { id: string; access: string } }[]).map((hit) => hit.record);
    expect(hits).toHaveLength(3);
    expect(hits.every((record) => record.access !== 'OPEN')).toBe(true);
    await gateway('query($r: ID!) { record(id: $r) { title } }', { r: ids.closedRecord }, tokens.archivist);
    // The public reading an open record is not logged.
    await gateway('query($r: ID!) { record(id: $r) { title } }', { r: ids.openRecord });

    const { rows } = await sql.query(`select subject, role, record_id, field from "archive_${CITY}".audit_entry order by id`);
    const key = (id: string) => Number(id.split(':')[2]);
    expect(rows).toEqual([
      ...hits.map((record) => ({ subject: 'zhang', role: 'archivist', record_id: key(record.id), field: 'Query._entities' })),
      { subject: 'zhang', role: 'archivist', record_id: key(ids.closedRecord), field: 'Query.record' },
    ]);

    const log = await gateway(`{ archive(id: "${CITY}") { auditLog(first: 10) { totalCount nodes { recordId field } } } }`, undefined, tokens.archivist);
    expect(log.body.data!.archive.auditLog.totalCount).toBe(4);
    for (const bearer of [undefined, tokens.publicPerson, tokens.admin]) {
      const refused = await gateway(`{ archive(id: "${CITY}") { auditLog { totalCount } } }`, undefined, bearer);
      expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('malformed and forged tokens (through the gateway)', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const farFuture = Math.floor(Date.now() / 1000) + 3600;
  const cases: [string, () => Promise<string>][] = [
    ['alg none', async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'admin', exp: farFuture })}.`],
    ['a token signed with the wrong key', async () => `Bearer ${await token({ sub: 'x', role: 'admin' }, { secret: 'not-the-secret' })}`],
    [
      'a tampered payload (archivist made admin)',
      async () => {
        const [header, , signature] = tokens.archivist.split('.');
        return `Bearer ${header}.${b64({ sub: 'zhang', role: 'admin', exp: farFuture })}.${signature}`;
      },
    ],
    ['an expired token', async () => `Bearer ${await token({ sub: 'x', role: 'public' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`],
    ['a token not yet valid', async () => `Bearer ${await token({ sub: 'x', role: 'admin' }, { notBefore: farFuture - 60 })}`],
    ['an unknown role', async () => `Bearer ${await token({ sub: 'x', role: 'root' })}`],
    ['an archivist token without its archive', async () => `Bearer ${await token({ sub: 'x', role: 'archivist' })}`],
    ['an archive claim carrying SQL', async () => `Bearer ${await token({ sub: 'x', role: 'archivist', archive: "360100' OR '1'='1" })}`],
    ['a supervisor token with a made-up region', async () => `Bearer ${await token({ sub: 'x', role: 'supervisor', region: 'all' })}`],
    ['a sub that is not a string', async () => `Bearer ${await token({ sub: 42, role: 'public' })}`],
    ['HS512 instead of the configured HS256', async () => `Bearer ${await token({ sub: 'x', role: 'admin' }, { alg: 'HS512' })}`],
    [
      'an RS256 header over an HMAC signature (algorithm confusion)',
      async () => {
        const [, payload, signature] = (await token({ sub: 'x', role: 'admin' })).split('.');
        return `Bearer ${b64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`;
      },
    ],
    ['Basic credentials', async () => 'Basic YWRtaW46YWRtaW4='],
    ['a bearer of two segments', async () => 'Bearer abc.def'],
    ['a bearer of 6 KB of garbage', async () => `Bearer ${'x'.repeat(6000)}.${'y'.repeat(10)}.z`],
  ];

  it.each(cases)('answers %s with 401 UNAUTHENTICATED and no data', async (_, authorization) => {
    const header = await authorization();
    const answer = await post(network.gatewayUrl, JSON.stringify({ query: `{ archive(id: "${CITY}") { name utilizations { totalCount } } }` }), {
      authorization: header,
    });
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.body.data ?? null).toBeNull();
    expectNoLeak(answer, [header]);
  });

  it('refuses a forged admin token’s directory mutation and changes nothing', async () => {
    const before = await fingerprint();
    const [header, , signature] = tokens.publicPerson.split('.');
    const forged = `${header}.${b64({ sub: 'wang', role: 'admin', exp: farFuture })}.${signature}`;
    const answer = await gateway(`mutation { retireArchive(id: "${COUNTY}") { id } }`, undefined, forged);
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(await fingerprint()).toBe(before);
    expectNoLeak(answer, [forged]);
  });
});

describe('forged or replayed identity headers (directly against the subgraphs)', () => {
  const archivist: Identity = { role: 'archivist', archive: CITY, sub: 'zhang' };
  const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const signRaw = (identityHeader: string, timestamp: string, secret = SUBGRAPH_SECRET) => {
    return {
      'x-lantai-identity': identityHeader,
      'x-lantai-timestamp': timestamp,
      'x-lantai-signature': createHmac('sha256', secret).update(`${timestamp}.${identityHeader}`).digest('hex'),
    };
  };
  const cases: [string, () => Record<string, string>][] = [
    ['no identity headers', () => ({})],
    ['headers signed with the wrong secret', () => signIdentity(archivist, 'not-the-secret')],
    [
      'an identity swapped after signing (public made admin)',
      () => ({ ...signedAs({ role: 'public' }), 'x-lantai-identity': encode({ role: 'admin', sub: 'x' }) }),
    ],
    ['headers replayed 61 s after they were signed', () => signedAs(archivist, Date.now() - 61_000)],
    ['headers signed 61 s in the future', () => signedAs(archivist, Date.now() + 61_000)],
    ['a timestamp that is not a number, signed', () => signRaw(encode(archivist), 'soon')],
    ['an identity that is not JSON, signed', () => signRaw(encode('{"role":'), String(Date.now()))],
    ['an identity that is an array, signed', () => signRaw(encode([archivist]), String(Date.now()))],
    ['an identity with an unknown role, signed', () => signRaw(encode({ role: 'root' }), String(Date.now()))],
    [
      'the right signature in upper case',
      () => {
        const headers = signedAs(archivist);
        return { ...headers, 'x-lantai-signature': headers['x-lantai-signature']!.toUpperCase() };
      },
    ],
  ];

  for (const [target, url, query] of [
    ['an archive host', () => archiveUrl(CITY), `{ _service { sdl } archive(id: "${CITY}") { utilizations { totalCount } } }`],
    ['the province subgraph', () => network.provinceUrl, '{ _service { sdl } archives { id } }'],
  ] as const) {
    it.each(cases)(`${target} refuses %s with 401 UNAUTHENTICATED`, async (_, headers) => {
      const answer = await direct(url(), query, undefined, headers());
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.body.data ?? null).toBeNull();
      expectNoLeak(answer);
    });
  }

  it('refuses a replayed archivist mutation at the archive host and changes nothing', async () => {
    const before = await fingerprint();
    const answer = await direct(
      archiveUrl(CITY),
      `mutation { createFonds(archive: "${CITY}", input: { fondsCode: "REPLAY", name: "重放", creator: "x" }) { id } }`,
      undefined,
      signedAs(archivist, Date.now() - 61_000),
    );
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a replayed admin directory mutation at the province and changes nothing', async () => {
    const before = await fingerprint();
    const answer = await direct(network.provinceUrl, `mutation { retireArchive(id: "${COUNTY}") { id } }`, undefined, signedAs({ role: 'admin', sub: 'root' }, Date.now() - 61_000));
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(await fingerprint()).toBe(before);
  });
});

describe('an archivist acting on another archive (through the gateway)', () => {
  const mutations: [string, string, () => Record<string, unknown>][] = [
    ['createFonds', `mutation { m: createFonds(archive: "${CITY}", input: { fondsCode: "X1", name: "越权", creator: "x" }) { id } }`, () => ({})],
    ['updateFonds', 'mutation($f: ID!) { m: updateFonds(id: $f, input: { name: "越权" }) { id } }', () => ({ f: ids.fonds })],
    [
      'createRecord',
      'mutation($f: ID!) { m: createRecord(fonds: $f, input: { level: ITEM, referenceCode: "X-1", title: "越权", year: 2000, retention: D10, category: ADMINISTRATIVE }) { id } }',
      () => ({ f: ids.fonds }),
    ],
    ['updateRecord', 'mutation($r: ID!) { m: updateRecord(id: $r, input: { title: "越权" }) { id } }', () => ({ r: ids.closedRecord })],
    ['reviewAccess', 'mutation($r: ID!) { m: reviewAccess(record: $r, input: { access: OPEN, reason: "越权", reviewer: "li" }) { id } }', () => ({ r: ids.closedRecord })],
    [
      'attachDigitalObject',
      'mutation($r: ID!) { m: attachDigitalObject(record: $r, input: { format: "PDF", pages: 1, bytes: 1, sha256: "' + 'a'.repeat(64) + '" }) { id } }',
      () => ({ r: ids.openRecord }),
    ],
    ['logUtilization', `mutation { m: logUtilization(archive: "${CITY}", input: { date: "2024-01-02", visitors: 1, itemsProvided: 1, purpose: OTHER, channel: ONSITE }) { id } }`, () => ({})],
    ['registerArchive (directory, admin only)', `mutation { m: registerArchive(input: { id: "360123", name: "安义县档案馆", level: COUNTY, region: "360123", endpoint: "http://10.0.0.9/graphql" }) { id } }`, () => ({})],
    ['retireArchive (directory, admin only)', `mutation { m: retireArchive(id: "${CITY}") { id } }`, () => ({})],
  ];

  it.each(mutations)('%s is FORBIDDEN and changes nothing', async (_, mutation, variables) => {
    const before = await fingerprint();
    const answer = await gateway(mutation, variables(), tokens.otherArchivist);
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expectNoFieldAnswered(answer);
    expect(await fingerprint()).toBe(before);
    expectNoLeak(answer);
  });

  it('cannot read the other archive’s closed record, by id or through a filter', async () => {
    const byId = await gateway('query($r: ID!) { record(id: $r) { title } }', { r: ids.closedRecord }, tokens.otherArchivist);
    expect(byId.body).toEqual({ data: { record: null } });
    const filtered = await gateway(`{ archive(id: "${CITY}") { records(filter: { access: [DELAYED, UNREVIEWED] }) { totalCount nodes { id } } } }`, undefined, tokens.otherArchivist);
    expect(filtered.body).toEqual({ data: { archive: { records: { totalCount: 0, nodes: [] } } } });
  });

  it.each([
    ['the utilization log', `{ archive(id: "${CITY}") { utilizations { totalCount } } }`, ['archive', 'utilizations']],
    ['the audit log', `{ archive(id: "${CITY}") { auditLog { totalCount } } }`, ['archive', 'auditLog']],
  ])('cannot read %s of the other archive (FORBIDDEN)', async (_, query, [outer, inner]) => {
    const answer = await gateway(query, undefined, tokens.otherArchivist);
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expect(answer.body.data![outer!][inner!]).toBeNull();
    expectNoLeak(answer);
  });

  it('cannot read the open-review history of the other archive’s open record (FORBIDDEN)', async () => {
    const answer = await gateway('query($r: ID!) { record(id: $r) { title openReviews { reason } } }', { r: ids.openRecord }, tokens.otherArchivist);
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expectNoLeak(answer);
  });

  it('counts no closed record of the other archive in a direct search, even when asking for them', async () => {
    const answer = await direct(
      archiveUrl(CITY),
      `{ searchRecords(archive: "${CITY}", filter: { access: [DELAYED, UNREVIEWED] }) { totalCount hits { id } facets { byAccess { value count } } } }`,
      undefined,
      signedAs({ role: 'archivist', archive: COUNTY, sub: 'li' }),
    );
    expect(answer.body).toEqual({ data: { searchRecords: { totalCount: 0, hits: [], facets: { byAccess: [] } } } });
  });
});

/** Injection strings, each one's own hazard. None starts or ends with white space, which inputs trim. */
const PAYLOADS = {
  sql: "x' OR '1'='1'; DROP TABLE record; --",
  tsquery: "婚姻 & !(登记 | :*) <-> '",
  like: '%_%\\%_',
  unicode: '\u202e档案\u200b\u0301ｓｅｌｅｃｔ😀\u{20000}',
  nul: '档案\u0000馆',
} as const;
type PayloadKind = keyof typeof PAYLOADS;
const PAYLOAD_KINDS = Object.keys(PAYLOADS) as PayloadKind[];

/** What a case does with a payload, and what must come of it. */
interface InjectionCase {
  /** The schema coordinates (`Type.field(argument)` or `Input.field`) whose text it fills. */
  covers: string[];
  name: string;
  run(payload: string, kind: PayloadKind): Promise<Answer>;
  /** Asserts the outcome; the leak check and, for refused mutations, the fingerprint are done around it. */
  check(answer: Answer, payload: string, kind: PayloadKind): Promise<void> | void;
  mutation?: boolean;
  /** The payloads this case is run with; all of them unless given. */
  payloads?: PayloadKind[];
  /** Sets up what the case acts on, before the fingerprint that a refused mutation must leave as it was. */
  prepare?: () => Promise<void>;
}

function refused(code: string, path?: string[]) {
  return (answer: Answer) => {
    expect(codesOf(answer)).toEqual([code]);
    if (path) {
      let data: any = answer.body.data;
      for (const key of path.slice(0, -1)) data = data?.[key];
      expect(data?.[path.at(-1)!] ?? null).toBeNull();
    }
  };
}

/** Text stored as given (after trimming); a NUL or other control character is BAD_USER_INPUT. */
function storedVerbatim(readBack: (answer: Answer, payload: string) => Promise<unknown[]> | unknown[], transform: (payload: string) => string = (p) => p) {
  return async (answer: Answer, payload: string, kind: PayloadKind) => {
    if (kind === 'nul') {
      expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
      return;
    }
    expect(answer.body.errors).toBeUndefined();
    for (const value of await readBack(answer, payload)) expect(value).toBe(transform(payload));
  };
}

let uniqueCounter = 0;
const unique = () => `${Date.now().toString(36)}${(uniqueCounter += 1)}`;

const asArchivist = (query: string, variables?: Record<string, unknown>) => gateway(query, variables, tokens.archivist);
const asAdmin = (query: string, variables?: Record<string, unknown>) => gateway(query, variables, tokens.admin);

async function readFonds(id: string) {
  const answer = await asArchivist('query($id: ID!) { fonds(id: $id) { fondsCode name creator description } }', { id });
  return answer.body.data!.fonds as Record<string, string>;
}

async function readRecord(id: string) {
  const answer = await asArchivist('query($id: ID!) { record(id: $id) { referenceCode title author remarks } }', { id });
  return answer.body.data!.record as Record<string, string>;
}

const INJECTION_CASES: InjectionCase[] = [
  // Ids and codes: routed by the gateway, parsed by the shard; never a valid id.
  ...(
    [
      ['Query.archive(id)', (p: string) => asArchivist('query($v: ID!) { archive(id: $v) { name } }', { v: `${CITY}${p}` }), ['archive']],
      ['Query.fonds(id)', (p: string) => asArchivist('query($v: ID!) { fonds(id: $v) { name } }', { v: `${CITY}:Fonds:${p}` }), ['fonds']],
      ['Query.record(id)', (p: string) => asArchivist('query($v: ID!) { record(id: $v) { title } }', { v: `${CITY}:Record:${p}` }), ['record']],
      ['Query.digitalObject(id)', (p: string) => asArchivist('query($v: ID!) { digitalObject(id: $v) { sha256 } }', { v: `${CITY}:DigitalObject:${p}` }), ['digitalObject']],
      ['Query.record(id) without an archive code', (p: string) => asArchivist('query($v: ID!) { record(id: $v) { title } }', { v: p }), ['record']],
      ['RecordFilter.fonds', (p: string) => asArchivist(`query($v: ID!) { archive(id: "${CITY}") { records(filter: { fonds: [$v] }) { totalCount } } }`, { v: p }), ['archive', 'records']],
      ['Query.region(code)', (p: string) => gateway('query($v: ID!) { region(code: $v) { name } }', { v: p }), ['region']],
      ['Query.archives(region)', (p: string) => gateway('query($v: ID) { archives(region: $v) { id } }', { v: p }), ['archives']],
    ] as const
  ).map(
    ([coordinate, run, path]): InjectionCase => ({
      covers: [coordinate.replace(' without an archive code', '')],
      name: coordinate,
      run: (payload) => run(payload),
      check: (answer) => {
        if (coordinate === 'Query.archives(region)') {
          expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
          expectNoFieldAnswered(answer);
          return;
        }
        refused('BAD_USER_INPUT', [...path])(answer);
      },
    }),
  ),
  // Cursors: opaque to the client, checked strictly by the shard.
  ...(
    [
      ['Archive.fonds(after)', (a: string) => asArchivist(`query($a: String) { archive(id: "${CITY}") { fonds(after: $a) { totalCount } } }`, { a }), ['archive', 'fonds']],
      ['Archive.records(after)', (a: string) => asArchivist(`query($a: String) { archive(id: "${CITY}") { records(after: $a) { totalCount } } }`, { a }), ['archive', 'records']],
      ['Archive.exhibitions(after)', (a: string) => asArchivist(`query($a: String) { archive(id: "${CITY}") { exhibitions(after: $a) { totalCount } } }`, { a }), ['archive', 'exhibitions']],
      ['Archive.compilations(after)', (a: string) => asArchivist(`query($a: String) { archive(id: "${CITY}") { compilations(after: $a) { totalCount } } }`, { a }), ['archive', 'compilations']],
      ['Archive.utilizations(after)', (a: string) => asArchivist(`query($a: String) { archive(id: "${CITY}") { utilizations(after: $a) { totalCount } } }`, { a }), ['archive', 'utilizations']],
      ['Archive.auditLog(after)', (a: string) => asArchivist(`query($a: String) { archive(id: "${CITY}") { auditLog(after: $a) { totalCount } } }`, { a }), ['archive', 'auditLog']],
      ['Fonds.records(after)', (a: string) => asArchivist('query($f: ID!, $a: String) { fonds(id: $f) { records(after: $a) { totalCount } } }', { f: ids.fonds, a }), ['fonds', 'records']],
      ['Record.items(after)', (a: string) => asArchivist('query($r: ID!, $a: String) { record(id: $r) { items(after: $a) { totalCount } } }', { r: ids.file, a }), ['record', 'items']],
    ] as const
  ).flatMap(([coordinate, run, path]): InjectionCase[] => [
    {
      covers: [coordinate],
      name: `${coordinate} as the raw cursor`,
      run: (payload) => run(payload),
      check: refused('BAD_USER_INPUT', [...path]),
    },
    {
      covers: [coordinate],
      name: `${coordinate} inside a well-formed cursor`,
      // A cursor that decodes to JSON of the right arity, carrying the payload to SQL.
      run: (payload) => run(Buffer.from(JSON.stringify(/exhibitions|compilations|utilizations/.test(coordinate) ? [payload, 1] : [payload])).toString('base64url')),
      check: (answer, _, kind) => {
        // Text cursors (档号, 全宗号) accept any text but a NUL; dates, numbers and audit ids accept none of these.
        const textCursor = /Archive\.(fonds|records)|Fonds\.records|Record\.items/.test(coordinate);
        if (textCursor && kind !== 'nul') {
          expect(answer.body.errors).toBeUndefined();
          return;
        }
        refused('BAD_USER_INPUT', [...path])(answer);
      },
    },
  ]),
  {
    covers: ['Archive.exhibitions(after)', 'Archive.records(after)'],
    name: 'cursors carrying Infinity and an impossible date',
    run: async () => {
      const infinity = Buffer.from('["2020-01-01",1e400]').toString('base64url');
      const february = Buffer.from('["2021-02-31",1]').toString('base64url');
      const answers = await Promise.all([
        asArchivist(`query($a: String) { archive(id: "${CITY}") { exhibitions(after: $a) { totalCount } } }`, { a: infinity }),
        asArchivist(`query($a: String) { archive(id: "${CITY}") { exhibitions(after: $a) { totalCount } } }`, { a: february }),
      ]);
      return { ...answers[0]!, strings: answers.flatMap((a) => a.strings), body: { errors: answers.flatMap((a) => a.body.errors ?? []) } };
    },
    check: (answer) => {
      expect(answer.body.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    },
  },
  {
    covers: [],
    name: 'entity representations (_Any) sent straight to a shard',
    run: (payload) =>
      direct(
        archiveUrl(CITY),
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Record { title } ... on Fonds { name } ... on Archive { name } } }',
        {
          r: [
            { __typename: 'Record', id: `${CITY}:Record:${payload}` },
            { __typename: 'Fonds', id: payload },
            { __typename: 'Archive', id: `${CITY}${payload}` },
            { __typename: 'Record', id: { $ne: null } },
          ],
        },
        signedAs({ role: 'archivist', archive: CITY, sub: 'zhang' }),
      ),
    check: (answer) => expect(answer.body).toEqual({ data: { _entities: [null, null, null, null] } }),
  },
  // Search text: the shard's own part of the province's search, asked directly.
  {
    covers: ['Query.searchRecords(query)'],
    name: 'Query.searchRecords(query) (direct)',
    run: (payload) =>
      direct(archiveUrl(CITY), 'query($q: String) { searchRecords(archive: "360100", query: $q) { totalCount } }', { q: payload }, signedAs({ role: 'archivist', archive: CITY, sub: 'zhang' })),
    check: async (answer, payload, kind) => {
      if (kind === 'nul') return refused('BAD_USER_INPUT', ['searchRecords'])(answer);
      expect(answer.body.errors).toBeUndefined();
      // The same search written plainly: the payload's syntax adds and removes nothing.
      const plain = { sql: 'x OR 1 1 DROP TABLE record', tsquery: '婚姻 登记', like: 'zzzzz-no-such-档号', unicode: '档案 ｓｅｌｅｃｔ' }[kind];
      const expected = await direct(archiveUrl(CITY), 'query($q: String) { searchRecords(archive: "360100", query: $q) { totalCount } }', { q: plain }, signedAs({ role: 'archivist', archive: CITY, sub: 'zhang' }));
      expect(answer.body.data!.searchRecords.totalCount).toBe(expected.body.data!.searchRecords.totalCount);
      if (kind === 'like' || kind === 'sql') expect(answer.body.data!.searchRecords.totalCount).toBe(0);
    },
  },
  {
    covers: ['Query.searchRecords(archive)', 'Query.holdings(archive)', 'SearchKeyInput.id'],
    name: 'the archive and key arguments of the internal fields (direct)',
    run: async (payload) => {
      const headers = signedAs({ role: 'public' });
      const answers = await Promise.all([
        direct(archiveUrl(CITY), 'query($a: ID!) { searchRecords(archive: $a) { totalCount } }', { a: `${CITY}${payload}` }, headers),
        direct(archiveUrl(CITY), 'query($a: ID!) { holdings(archive: $a) { complete } }', { a: payload }, headers),
        direct(archiveUrl(CITY), 'query($k: ID!) { searchRecords(archive: "360100", after: { score: 1, id: $k }) { totalCount } }', { k: `${CITY}:Record:${payload}` }, headers),
      ]);
      return { status: 200, strings: answers.flatMap((a) => a.strings), body: { data: null, errors: answers.flatMap((a) => a.body.errors ?? []) } };
    },
    check: (answer) => {
      expect(answer.body.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    },
  },
  // Mutations whose ids carry the payload: refused, nothing changes.
  ...(
    [
      ['Mutation.createFonds(archive)', `mutation($v: ID!) { m: createFonds(archive: $v, input: { fondsCode: "Z", name: "n", creator: "c" }) { id } }`, (p: string) => `${CITY}${p}`],
      ['Mutation.updateFonds(id)', 'mutation($v: ID!) { m: updateFonds(id: $v, input: { name: "n" }) { id } }', (p: string) => `${CITY}:Fonds:${p}`],
      [
        'Mutation.createRecord(fonds)',
        'mutation($v: ID!) { m: createRecord(fonds: $v, input: { level: ITEM, referenceCode: "Z", title: "t", year: 2000, retention: D10, category: ADMINISTRATIVE }) { id } }',
        (p: string) => `${CITY}:Fonds:${p}`,
      ],
      ['Mutation.updateRecord(id)', 'mutation($v: ID!) { m: updateRecord(id: $v, input: { title: "t" }) { id } }', (p: string) => `${CITY}:Record:${p}`],
      ['Mutation.reviewAccess(record)', 'mutation($v: ID!) { m: reviewAccess(record: $v, input: { access: OPEN, reason: "r", reviewer: "v" }) { id } }', (p: string) => `${CITY}:Record:${p}`],
      [
        'Mutation.attachDigitalObject(record)',
        `mutation($v: ID!) { m: attachDigitalObject(record: $v, input: { format: "PDF", pages: 1, bytes: 1, sha256: "${'b'.repeat(64)}" }) { id } }`,
        (p: string) => `${CITY}:Record:${p}`,
      ],
      ['Mutation.logUtilization(archive)', 'mutation($v: ID!) { m: logUtilization(archive: $v, input: { date: "2024-01-02", visitors: 1, itemsProvided: 1, purpose: OTHER, channel: ONSITE }) { id } }', (p: string) => `${CITY}${p}`],
      ['Mutation.updateArchive(id)', 'mutation($v: ID!) { m: updateArchive(id: $v, input: { name: "n" }) { id } }', (p: string) => p],
      ['Mutation.retireArchive(id)', 'mutation($v: ID!) { m: retireArchive(id: $v) { id } }', (p: string) => p],
    ] as const
  ).map(
    ([coordinate, mutation, value]): InjectionCase => ({
      covers: [coordinate],
      name: coordinate,
      mutation: true,
      run: (payload) => gateway(mutation, { v: value(payload) }, coordinate.includes('Archive(') ? tokens.admin : tokens.archivist),
      check: refused('BAD_USER_INPUT', ['m']),
    }),
  ),
  {
    covers: ['RecordInput.parent'],
    name: 'RecordInput.parent',
    mutation: true,
    run: (payload) =>
      asArchivist('mutation($f: ID!, $p: ID) { m: createRecord(fonds: $f, input: { level: ITEM, parent: $p, referenceCode: "Z-P", title: "t", year: 2000, retention: D10, category: ADMINISTRATIVE }) { id } }', {
        f: ids.fonds,
        p: `${CITY}:Record:${payload}`,
      }),
    check: refused('BAD_USER_INPUT', ['m']),
  },
  // Text fields with a format: refused whatever the payload.
  ...(
    [
      ['RecordInput.date', (p: string) => asArchivist('mutation($f: ID!, $d: String) { m: createRecord(fonds: $f, input: { level: ITEM, referenceCode: "Z-D", title: "t", date: $d, year: 2000, retention: D10, category: ADMINISTRATIVE }) { id } }', { f: ids.fonds, d: `2020-01-01${p}` })],
      ['RecordUpdateInput.date', (p: string) => asArchivist('mutation($r: ID!, $d: String) { m: updateRecord(id: $r, input: { date: $d }) { id } }', { r: ids.openRecord, d: p })],
      ['OpenReviewInput.decidedOn', (p: string) => asArchivist('mutation($r: ID!, $d: String) { m: reviewAccess(record: $r, input: { access: OPEN, reason: "r", reviewer: "v", decidedOn: $d }) { id } }', { r: ids.closedRecord, d: p })],
      ['DigitalObjectInput.sha256', (p: string) => asArchivist('mutation($r: ID!, $s: String!) { m: attachDigitalObject(record: $r, input: { format: "PDF", pages: 1, bytes: 1, sha256: $s }) { id } }', { r: ids.openRecord, s: `${'c'.repeat(40)}${p}`.slice(0, 64).padEnd(64, 'c') })],
      ['UtilizationInput.date', (p: string) => asArchivist(`mutation($d: String!) { m: logUtilization(archive: "${CITY}", input: { date: $d, visitors: 1, itemsProvided: 1, purpose: OTHER, channel: ONSITE }) { id } }`, { d: p })],
      [
        'RegisterArchiveInput.id',
        (p: string) => asAdmin('mutation($v: ID!) { m: registerArchive(input: { id: $v, name: "n", level: COUNTY, region: "360123", endpoint: "http://10.0.0.9/graphql" }) { id } }', { v: p }),
      ],
      [
        'RegisterArchiveInput.region',
        (p: string) => asAdmin('mutation($v: ID!) { m: registerArchive(input: { id: "360123", name: "n", level: COUNTY, region: $v, endpoint: "http://10.0.0.9/graphql" }) { id } }', { v: p }),
      ],
      [
        'RegisterArchiveInput.endpoint',
        (p: string) => asAdmin('mutation($v: String!) { m: registerArchive(input: { id: "360123", name: "n", level: COUNTY, region: "360123", endpoint: $v }) { id } }', { v: p }),
      ],
      ['UpdateArchiveInput.endpoint', (p: string) => asAdmin(`mutation($v: String) { m: updateArchive(id: "${COUNTY}", input: { endpoint: $v }) { id } }`, { v: p })],
    ] as const
  ).map(
    ([coordinate, run]): InjectionCase => ({
      covers: [coordinate],
      name: coordinate,
      mutation: true,
      run: (payload) => run(payload),
      check: refused('BAD_USER_INPUT', ['m']),
    }),
  ),
  // Free text: stored exactly as given, whatever it looks like; a NUL is refused.
  {
    covers: ['FondsInput.fondsCode', 'FondsInput.name', 'FondsInput.creator', 'FondsInput.description'],
    name: 'FondsInput text',
    run: (payload) =>
      asArchivist(`mutation($c: String!, $p: String!) { m: createFonds(archive: "${CITY}", input: { fondsCode: $c, name: $p, creator: $p, description: $p }) { id fondsCode } }`, {
        c: `${payload}${unique()}`,
        p: payload,
      }),
    check: storedVerbatim(async (answer, payload) => {
      const fonds = await readFonds(answer.body.data!.m.id);
      return [fonds.name, fonds.creator, fonds.description, fonds.fondsCode.slice(0, payload.length)];
    }),
  },
  // One case per input type that stores text: the cases share a shape so that the table covers
  // every such field of the schema (the test fails on one left out).
  {
    covers: ['FondsUpdateInput.name', 'FondsUpdateInput.creator', 'FondsUpdateInput.description'],
    name: 'FondsUpdateInput text',
    run: (payload) => asArchivist('mutation($f: ID!, $p: String) { m: updateFonds(id: $f, input: { name: $p, creator: $p, description: $p }) { id } }', { f: ids.fonds, p: payload }),
    check: storedVerbatim(async () => {
      const fonds = await readFonds(ids.fonds);
      return [fonds.name, fonds.creator, fonds.description];
    }),
  },
  {
    covers: ['RecordInput.referenceCode', 'RecordInput.title', 'RecordInput.author', 'RecordInput.remarks'],
    name: 'RecordInput text',
    run: (payload) =>
      asArchivist('mutation($f: ID!, $c: String!, $p: String!) { m: createRecord(fonds: $f, input: { level: ITEM, referenceCode: $c, title: $p, author: $p, remarks: $p, year: 2000, retention: D10, category: ADMINISTRATIVE }) { id } }', {
        f: ids.fonds,
        c: `${payload}${unique()}`,
        p: payload,
      }),
    check: storedVerbatim(async (answer, payload) => {
      const record = await readRecord(answer.body.data!.m.id);
      return [record.title, record.author, record.remarks, record.referenceCode.slice(0, payload.length)];
    }),
  },
  {
    covers: ['RecordUpdateInput.title', 'RecordUpdateInput.author', 'RecordUpdateInput.remarks'],
    name: 'RecordUpdateInput text',
    run: (payload) => asArchivist('mutation($r: ID!, $p: String) { m: updateRecord(id: $r, input: { title: $p, author: $p, remarks: $p }) { id } }', { r: ids.openRecord, p: payload }),
    check: storedVerbatim(async () => {
      const record = await readRecord(ids.openRecord);
      return [record.title, record.author, record.remarks];
    }),
  },
  {
    covers: ['OpenReviewInput.reason', 'OpenReviewInput.reviewer'],
    name: 'OpenReviewInput text',
    run: (payload) =>
      asArchivist('mutation($r: ID!, $p: String!) { m: reviewAccess(record: $r, input: { access: DELAYED, reason: $p, reviewer: $p }) { openReviews { reason reviewer } } }', { r: ids.closedRecord, p: payload }),
    check: storedVerbatim((answer) => {
      const last = (answer.body.data!.m.openReviews as { reason: string; reviewer: string }[]).at(-1)!;
      return [last.reason, last.reviewer];
    }),
  },
  {
    covers: ['DigitalObjectInput.format'],
    name: 'DigitalObjectInput.format',
    run: (payload) =>
      asArchivist(`mutation($r: ID!, $p: String!) { m: attachDigitalObject(record: $r, input: { format: $p, pages: 1, bytes: 1, sha256: "${'d'.repeat(64)}" }) { format } }`, {
        r: ids.openRecord,
        p: payload.slice(0, 20),
      }),
    check: storedVerbatim((answer) => [answer.body.data!.m.format], (payload) => payload.slice(0, 20).trim().toUpperCase()),
  },
  {
    covers: ['UpdateArchiveInput.name'],
    name: 'UpdateArchiveInput.name (馆名)',
    mutation: true,
    run: (payload) => asAdmin(`mutation($p: String) { m: updateArchive(id: "${COUNTY}", input: { name: $p }) { name } }`, { p: payload }),
    check: async (answer, payload, kind) => {
      try {
        await storedVerbatim(async () => [(await gateway(`{ archives(region: "${COUNTY}") { name } }`)).body.data!.archives[0].name])(answer, payload, kind);
      } finally {
        await asAdmin(`mutation { updateArchive(id: "${COUNTY}", input: { name: "南昌县档案馆" }) { name } }`);
      }
    },
  },
  {
    covers: ['RegisterArchiveInput.name'],
    name: 'RegisterArchiveInput.name (馆名)',
    mutation: true,
    run: (payload) =>
      asAdmin('mutation($p: String!) { m: registerArchive(input: { id: "360123", name: $p, level: COUNTY, region: "360123", endpoint: "http://10.0.0.9/graphql" }) { name } }', { p: payload }),
    check: async (answer, payload, kind) => {
      try {
        await storedVerbatim(async () => [(await gateway('{ archives(region: "360123") { name } }')).body.data!.archives[0].name])(answer, payload, kind);
      } finally {
        if (!answer.body.errors) await asAdmin('mutation { retireArchive(id: "360123") { id } }');
      }
    },
  },
  // The province's cross-region search and statistics, through the gateway as the public.
  {
    covers: ['Query.searchCatalogue(query)'],
    name: 'Query.searchCatalogue(query)',
    run: (payload) => gateway('query($q: String) { searchCatalogue(query: $q) { totalCount partial } }', { q: payload }),
    check: async (answer, _, kind) => {
      if (kind === 'nul') {
        expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
        expectNoFieldAnswered(answer);
        return;
      }
      expect(answer.body.errors).toBeUndefined();
      const plain = { sql: 'x OR 1 1 DROP TABLE record', tsquery: '婚姻 登记', like: 'zzzzz-no-such-档号', unicode: '档案 ｓｅｌｅｃｔ' }[kind];
      const expected = await gateway('query($q: String) { searchCatalogue(query: $q) { totalCount partial } }', { q: plain });
      expect(answer.body.data!.searchCatalogue).toEqual(expected.body.data!.searchCatalogue);
      expect(answer.body.data!.searchCatalogue.partial).toBe(false);
      if (kind === 'like' || kind === 'sql') expect(answer.body.data!.searchCatalogue.totalCount).toBe(0);
    },
  },
  ...(
    [
      ['Query.searchCatalogue(after)', 'query($v: String) { searchCatalogue(query: "档案", after: $v) { totalCount } }', (p: string) => p],
      ['Query.searchCatalogue(after) inside a well-formed cursor', 'query($v: String) { searchCatalogue(query: "档案", after: $v) { totalCount } }', (p: string) => Buffer.from(JSON.stringify([1, p])).toString('base64url')],
      ['CatalogueFilter.regions', 'query($v: ID!) { searchCatalogue(filter: { regions: [$v] }) { totalCount } }', (p: string) => `${CITY}${p}`],
      ['CatalogueFilter.archives', 'query($v: ID!) { searchCatalogue(filter: { archives: [$v] }) { totalCount } }', (p: string) => p],
      ['Query.statistics(region)', 'query($v: ID) { statistics(region: $v) { __typename } }', (p: string) => `${CITY}${p}`],
    ] as const
  ).map(
    ([coordinate, query, value]): InjectionCase => ({
      covers: [coordinate.replace(' inside a well-formed cursor', '')],
      name: coordinate,
      run: (payload) => gateway(query, { v: value(payload) }),
      check: (answer) => {
        expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
        expectNoFieldAnswered(answer);
      },
    }),
  ),
  // Cross-region access requests (异地查档): a person submits at 360100 for records of 360121.
  {
    covers: ['SubmitAccessRequestInput.description', 'SubmitAccessRequestInput.postalAddress', 'RequesterDataInput.name', 'Mutation.submitAccessRequest(idempotencyKey)'],
    name: 'SubmitAccessRequestInput text and the idempotency key',
    mutation: true,
    run: (payload, kind) => submitRequest({ description: payload, postalAddress: payload, requester: { ...PERSON, name: payload.slice(0, 50) } }, `${payload}-${kind}`),
    check: async (answer, payload, kind) => {
      if (kind === 'nul') return refused('BAD_USER_INPUT', ['m'])(answer);
      expect(answer.body.errors).toBeUndefined();
      const request = answer.body.data!.m;
      expect([request.description, request.postalAddress, request.requesterData.name]).toEqual([payload, payload, payload.slice(0, 50).trim()]);
      const retried = await submitRequest({ description: payload, postalAddress: payload, requester: { ...PERSON, name: payload.slice(0, 50) } }, `${payload}-${kind}`);
      expect(retried.body.data!.m.id).toBe(request.id);
    },
  },
  ...(
    [
      ['RequesterDataInput.identityNumber', (p: string) => ({ requester: { ...PERSON, identityNumber: `${'3'.repeat(17)}${p}` } })],
      ['RequesterDataInput.phone', (p: string) => ({ requester: { ...PERSON, phone: `138${p}` } })],
      ['SubmitAccessRequestInput.receivingArchive', (p: string) => ({ receivingArchive: `${CITY}${p}` })],
      ['SubmitAccessRequestInput.holdingArchive', (p: string) => ({ holdingArchive: p })],
      ['SubmitAccessRequestInput.records', (p: string) => ({ records: [`${COUNTY}:Record:${p}`] })],
    ] as const
  ).map(
    ([coordinate, overrides]): InjectionCase => ({
      covers: [coordinate],
      name: coordinate,
      mutation: true,
      run: (payload) => submitRequest(overrides(payload)),
      check: refused('BAD_USER_INPUT', ['m']),
    }),
  ),
  {
    covers: ['Query.accessRequest(id)'],
    name: 'Query.accessRequest(id)',
    run: (payload) => gateway('query($v: ID!) { accessRequest(id: $v) { id } }', { v: payload }, tokens.publicPerson),
    check: (answer) => expect(answer.body).toEqual({ data: { accessRequest: null } }),
  },
  ...(
    [
      ['Mutation.acceptAccessRequest(id)', 'mutation($v: ID!) { m: acceptAccessRequest(id: $v) { id } }', () => tokens.otherArchivist],
      ['Mutation.rejectAccessRequest(id)', 'mutation($v: ID!) { m: rejectAccessRequest(id: $v, reason: "无") { id } }', () => tokens.otherArchivist],
      ['Mutation.cancelAccessRequest(id)', 'mutation($v: ID!) { m: cancelAccessRequest(id: $v) { id } }', () => tokens.publicPerson],
      ['Mutation.fulfilAccessRequest(id)', 'mutation($v: ID!) { m: fulfilAccessRequest(id: $v, input: { certificateNumber: "C-1" }) { id } }', () => tokens.otherArchivist],
    ] as const
  ).map(
    ([coordinate, mutation, bearer]): InjectionCase => ({
      covers: [coordinate],
      name: coordinate,
      mutation: true,
      run: (payload) => gateway(mutation, { v: `00000000-0000-4000-8000-00000000000${payload}` }, bearer()),
      check: refused('NOT_FOUND', ['m']),
    }),
  ),
  ...(
    [
      ['Mutation.acceptAccessRequest(note)', (p: string) => gateway('mutation($id: ID!, $v: String) { m: acceptAccessRequest(id: $id, note: $v) { history { note } } }', { id: prepared, v: p }, tokens.otherArchivist)],
      ['Mutation.rejectAccessRequest(reason)', (p: string) => gateway('mutation($id: ID!, $v: String!) { m: rejectAccessRequest(id: $id, reason: $v) { history { note } } }', { id: prepared, v: p }, tokens.otherArchivist)],
      ['Mutation.cancelAccessRequest(reason)', (p: string) => gateway('mutation($id: ID!, $v: String) { m: cancelAccessRequest(id: $id, reason: $v) { history { note } } }', { id: prepared, v: p }, tokens.publicPerson)],
    ] as const
  ).map(
    ([coordinate, run]): InjectionCase => ({
      covers: [coordinate],
      name: coordinate,
      mutation: true,
      prepare: async () => {
        prepared = await submittedRequest();
      },
      run: (payload) => run(payload),
      check: (answer, payload, kind) => {
        if (kind === 'nul') return refused('BAD_USER_INPUT', ['m'])(answer);
        expect(answer.body.errors).toBeUndefined();
        expect((answer.body.data!.m.history as { note: string | null }[]).at(-1)!.note).toBe(payload);
      },
    }),
  ),
  {
    covers: ['FulfilAccessRequestInput.certificateNumber', 'FulfilAccessRequestInput.note', 'DeliveredCopyInput.fileName'],
    name: 'FulfilAccessRequestInput text',
    mutation: true,
    prepare: async () => {
      prepared = await acceptedRequest();
    },
    run: async (payload) => {
      const id = prepared;
      return gateway(
        'mutation($id: ID!, $input: FulfilAccessRequestInput!) { m: fulfilAccessRequest(id: $id, input: $input) { fulfilment { certificateNumber note copies { fileName } } } }',
        { id, input: { certificateNumber: payload, note: payload, copies: [{ fileName: payload, sha256: 'e'.repeat(64) }] } },
        tokens.otherArchivist,
      );
    },
    check: (answer, payload, kind) => {
      if (kind === 'nul') return refused('BAD_USER_INPUT', ['m'])(answer);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data!.m.fulfilment).toEqual({ certificateNumber: payload, note: payload, copies: [{ fileName: payload }] });
    },
  },
  ...(
    [
      ['DeliveredCopyInput.sha256', (p: string) => ({ copies: [{ sha256: `${'f'.repeat(50)}${p}`.slice(0, 64).padEnd(64, 'f') }] })],
      ['DeliveredCopyInput.digitalObject', (p: string) => ({ copies: [{ digitalObject: `${COUNTY}:DigitalObject:${p}`, sha256: 'a'.repeat(64) }] })],
      ['AccessGrantInput.records', (p: string) => ({ certificateNumber: 'C-2', grant: { records: [`${COUNTY}:Record:${p}`], until: '2099-01-01' } })],
      ['AccessGrantInput.until', (p: string) => ({ certificateNumber: 'C-3', grant: { records: [`${COUNTY}:Record:1`], until: p } })],
    ] as const
  ).map(
    ([coordinate, input]): InjectionCase => ({
      covers: [coordinate],
      name: coordinate,
      mutation: true,
      prepare: async () => {
        prepared = await sharedAcceptedRequest();
      },
      run: (payload) =>
        gateway('mutation($id: ID!, $input: FulfilAccessRequestInput!) { m: fulfilAccessRequest(id: $id, input: $input) { id } }', { id: prepared, input: input(payload) }, tokens.otherArchivist),
      check: refused('BAD_USER_INPUT', ['m']),
    }),
  ),
  ...(
    [
      ['Query.myAccessRequests(after)', 'query($a: String) { myAccessRequests(after: $a) { totalCount } }', tokens_('publicPerson'), [] as string[]],
      ['Archive.incomingRequests(after)', `query($a: String) { archive(id: "${COUNTY}") { incomingRequests(after: $a) { totalCount } } }`, tokens_('otherArchivist'), ['archive', 'incomingRequests']],
      ['Archive.outgoingRequests(after)', `query($a: String) { archive(id: "${CITY}") { outgoingRequests(after: $a) { totalCount } } }`, tokens_('archivist'), ['archive', 'outgoingRequests']],
    ] as const
  ).flatMap(([coordinate, query, bearer, path]): InjectionCase[] =>
    [(p: string) => p, (p: string) => Buffer.from(JSON.stringify([p, p])).toString('base64url')].map((cursor, i) => ({
      covers: [coordinate],
      name: `${coordinate}${i === 0 ? '' : ' inside a well-formed cursor'}`,
      run: (payload) => gateway(query, { a: cursor(payload) }, bearer()),
      check: (answer) => {
        expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
        if (path.length === 0) expectNoFieldAnswered(answer);
        else expect(answer.body.data![path[0]!][path[1]!]).toBeNull();
      },
    })),
  ),
  // Read grants (查阅授权): internal, asked directly of the archive host by its archivist.
  ...(
    [
      ['Mutation.grantRecordAccess(archive)', (p: string) => ({ archive: `${CITY}${p}`, input: grantInput({}) })],
      ['RecordGrantInput.records', (p: string) => ({ archive: CITY, input: grantInput({ records: [`${CITY}:Record:${p}`] }) })],
      ['RecordGrantInput.until', (p: string) => ({ archive: CITY, input: grantInput({ until: p }) })],
    ] as const
  ).map(
    ([coordinate, variables]): InjectionCase => ({
      covers: [coordinate],
      name: coordinate,
      mutation: true,
      run: (payload) => grant(variables(payload)),
      check: refused('BAD_USER_INPUT', ['grantRecordAccess']),
    }),
  ),
  {
    covers: ['RecordGrantInput.sub', 'RecordGrantInput.request'],
    name: 'RecordGrantInput text (sub, request)',
    run: (payload) => grant({ archive: CITY, input: grantInput({ sub: payload, request: payload }) }),
    check: storedVerbatim(async (_, payload) => {
      const { rows } = await sql.query(`select subject, request from "archive_${CITY}".record_grant where subject = $1`, [payload]);
      expect(rows).toHaveLength(1);
      return [rows[0].subject, rows[0].request];
    }),
  },
];

function tokens_(name: keyof typeof tokens) {
  return () => tokens[name];
}

const PERSON = { name: '王小明', identityNumber: '11010519491231002X', phone: '13800138000' };

function submitRequest(overrides: Record<string, unknown> = {}, key = `key-${unique()}`) {
  return gateway(
    `mutation($input: SubmitAccessRequestInput!, $key: String!) {
      m: submitAccessRequest(input: $input, idempotencyKey: $key) { id status description postalAddress requesterData { name } }
    }`,
    {
      input: { receivingArchive: CITY, holdingArchive: COUNTY, purpose: 'PERSONAL_AFFAIRS', description: '查婚姻登记档案', delivery: 'POST', postalAddress: '南昌市红谷滩区', requester: PERSON, ...overrides },
      key,
    },
    tokens.publicPerson,
  );
}

async function submittedRequest(): Promise<string> {
  const answer = await submitRequest();
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.m.id;
}

async function acceptedRequest(): Promise<string> {
  const id = await submittedRequest();
  const accepted = await gateway('mutation($id: ID!) { acceptAccessRequest(id: $id) { status } }', { id }, tokens.otherArchivist);
  expect(accepted.body.data!.acceptAccessRequest.status).toBe('ACCEPTED');
  return id;
}

/** The access request a case prepared to act on. */
let prepared = '';
let sharedAccepted: Promise<string> | undefined;
/** One accepted request that every refused fulfilment leaves as it was. */
const sharedAcceptedRequest = () => (sharedAccepted ??= acceptedRequest());

function grantInput(overrides: Record<string, unknown>) {
  const until = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  return { sub: 'grantee', records: [ids.closedRecord], until, request: 'REQ-1', ...overrides };
}

const grant = (variables: Record<string, unknown>) =>
  direct(
    archiveUrl(CITY),
    'mutation($archive: ID!, $input: RecordGrantInput!) { grantRecordAccess(archive: $archive, input: $input) }',
    variables,
    signedAs({ role: 'archivist', archive: CITY, sub: 'zhang' }),
  );

describe('injection strings in every text argument', () => {
  const cases = INJECTION_CASES.flatMap((injection) => (injection.payloads ?? PAYLOAD_KINDS).map((kind) => [`${injection.name} ← ${kind}`, injection, kind] as const));

  it.each(cases)('%s', async (_, injection, kind) => {
    const payload = PAYLOADS[kind];
    await injection.prepare?.();
    const before = injection.mutation ? await fingerprint() : null;
    const answer = await injection.run(payload, kind);
    await injection.check(answer, payload, kind);
    if (before !== null && (answer.body.errors?.length ?? 0) > 0) expect(await fingerprint()).toBe(before);
    expect(answer.status).toBeLessThan(500);
    expectNoLeak(answer, [payload]);
  });

  it('covers every text argument and text input field of both subgraph schemas', () => {
    const coordinates = new Set<string>();
    const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));
    for (const file of ['archive.graphql', 'province.graphql']) {
      const document = parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'));
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
          for (const field of definition.fields ?? []) {
            for (const argument of field.arguments ?? []) {
              if (['String', 'ID'].includes(named(argument.type))) coordinates.add(`${definition.name.value}.${field.name.value}(${argument.name.value})`);
            }
          }
        }
        if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
          for (const field of definition.fields ?? []) {
            if (['String', 'ID'].includes(named(field.type))) coordinates.add(`${definition.name.value}.${field.name.value}`);
          }
        }
      }
    }
    const covered = new Set(INJECTION_CASES.flatMap((injection) => injection.covers));
    expect([...coordinates].filter((coordinate) => !covered.has(coordinate)).sort()).toEqual([]);
  });
});
