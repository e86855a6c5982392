/**
 * The gateway's own defences, over the gateway tests' fixture network (fixture shards and
 * province on port 0, the real gateway in this process): operation limits, body size,
 * introspection by role, rate limiting per caller, and errors that never name the inside of
 * the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnvironment } from '../../gateway/config.js';
import { DEFAULT_GATEWAY_BODY_BYTES, DEFAULT_QUERY_LIMITS } from '../../gateway/limits.js';
import type { IncomingMessage } from 'node:http';
import { DEFAULT_RATE_LIMIT, RateLimiter, callerKey, clientAddress } from '../../gateway/rate-limit.js';
import { startNetwork, type TestNetwork } from '../gateway/fixtures/network.js';

/** The gateway refuses to start without its secrets; these tests read its other settings. */
const SECRETS = { LANTAI_SUBGRAPH_SECRET: 'subgraph-secret', LANTAI_JWT_SECRET: 'jwt-secret' };

let network: TestNetwork;
let limited: TestNetwork;
const logged: string[] = [];

beforeAll(async () => {
  network = await startNetwork({ log: (line) => logged.push(line) });
  limited = await startNetwork({ rateLimit: { burst: 3, perSecond: 0 } });
});

afterAll(async () => {
  await network?.stop();
  await limited?.stop();
});

function shardCalls(): number {
  return network.nanchang.calls.length + network.donghu.calls.length + network.xihu.calls.length;
}

function nested(depth: number): string {
  let selection = 'name';
  for (let level = 0; level < depth; level += 1) selection = `parent { ${selection} }`;
  return selection;
}

describe('operation limits', () => {
  it.each([
    ['a query nested deeper than the depth limit', `{ record(id: "360100:Record:1") { ${nested(DEFAULT_QUERY_LIMITS.maxDepth + 1).replace(/name/, 'title')} } }`, /depth limit/],
    ['an alias flood', `{ ${Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: archive(id: "360100") { name }`).join(' ')} }`, /Aliases limit/],
    ['a directive flood', `{ archive(id: "360100") { name ${'@include(if: true) '.repeat(DEFAULT_QUERY_LIMITS.maxDirectives + 1)} } }`, /Directives limit/],
    [
      'a query costlier than the cost limit',
      `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: province { archives { records(first: 100) { nodes { title referenceCode year fonds { name records { nodes { title } } } } } } }`).join(' ')} }`,
      /Query Cost limit/,
    ],
  ])('refuses %s as GRAPHQL_VALIDATION_FAILED before any shard is called', async (_, query, message) => {
    const before = shardCalls();
    const { status, body } = await network.query(query);
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors!.map((e) => e.extensions!.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.message).join(' ')).toMatch(message);
    expect(shardCalls()).toBe(before);
  });

  it('prices a page size given as a variable, by its default or left out, like the same literal', async () => {
    const pages = `${Array.from({ length: 20 }, (_, i) => `a${i}: province { archives { records(first: $n) { nodes { title referenceCode year fonds { name records { nodes { title } } } } } } }`).join(' ')}`;
    const before = shardCalls();
    for (const [query, variables] of [
      [`query Pages($n: Int) { ${pages} }`, { n: 100 }],
      [`query Pages($n: Int = 100) { ${pages} }`, {}],
    ] as const) {
      const { status, body } = await network.query(query, variables);
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors!.map((e) => e.extensions!.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(body.errors![0]!.message).toMatch(/Query Cost limit/);
    }
    expect(shardCalls()).toBe(before);
    // Left out, a page size is its default (20 records), not 1: twenty such pages of pages are
    // refused like `first: 20` written out, and a page of records without `first` is answered.
    const defaults = (aliases: number, first: string) =>
      `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: province { archives { records${first} { nodes { title referenceCode year fonds { name records${first} { nodes { title } } } } } } }`).join(' ')} }`;
    for (const first of ['', '(first: 20)']) {
      const refused = await network.query(defaults(20, first));
      expect(refused.status, `records${first || ' without first'}`).toBe(400);
      expect(refused.body.errors![0]!.message).toMatch(/Query Cost limit/);
    }
    expect(shardCalls()).toBe(before);
    const one = await network.query('{ province { archives { records { nodes { title referenceCode year fonds { name } } } } } }');
    expect(one.status).toBe(200);
    expect(one.body.errors).toBeUndefined();
    const small = await network.query(`query Page($n: Int) { archive(id: "360100") { name fonds(first: $n) { nodes { name } } } }`, { n: 5 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data!.archive.name).toBe('南昌市档案馆');
  });

  it('refuses a document of more tokens than the limit as GRAPHQL_PARSE_FAILED with 400, not 500', async () => {
    const query = `{ ${'__typename '.repeat(DEFAULT_QUERY_LIMITS.maxTokens + 1)} }`;
    const { status, body } = await network.query(query);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a query within every limit', async () => {
    const { status, body } = await network.query(`{ a: archive(id: "360100") { name } b: record(id: "360102:Record:1") { title archive { name } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: { name: '南昌市档案馆' }, b: { title: '东湖区档案馆关于档案工作的通知（2001）', archive: { name: '东湖区档案馆' } } });
  });

  it('does not suggest field names, which would reveal internal fields', async () => {
    const { body } = await network.query('{ shardDirectry { version } }');
    expect(body.errors![0]!.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toContain('shardDirectory');
  });

  it('refuses a body over the limit with 413 and BAD_REQUEST, and a batch of operations', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(DEFAULT_GATEWAY_BODY_BYTES) } });
    const response = await fetch(`${network.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');

    const batch = await fetch(`${network.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('reads every limit from the environment, with the documented defaults', () => {
    expect(gatewayEnvironment(SECRETS)).toMatchObject({
      limits: DEFAULT_QUERY_LIMITS,
      maxBodyBytes: 102_400,
      rateLimit: DEFAULT_RATE_LIMIT,
      introspection: false,
    });
    expect(
      gatewayEnvironment({
        ...SECRETS,
        LANTAI_MAX_DEPTH: '8',
        LANTAI_MAX_ALIASES: '5',
        LANTAI_MAX_TOKENS: '900',
        LANTAI_MAX_DIRECTIVES: '4',
        LANTAI_MAX_COST: '1000',
        LANTAI_MAX_BODY_BYTES: '2048',
        LANTAI_RATE_LIMIT_BURST: '10',
        LANTAI_RATE_LIMIT_PER_SECOND: '2',
        LANTAI_INTROSPECTION: 'on',
      }),
    ).toMatchObject({
      limits: { maxDepth: 8, maxAliases: 5, maxTokens: 900, maxDirectives: 4, maxCost: 1000 },
      maxBodyBytes: 2048,
      rateLimit: { burst: 10, perSecond: 2 },
      introspection: true,
    });
    expect(() => gatewayEnvironment({ ...SECRETS, LANTAI_INTROSPECTION: 'yes' })).toThrow(/LANTAI_INTROSPECTION/);
  });
});

describe('introspection', () => {
  const introspect = '{ __schema { queryType { name } } }';

  it('is FORBIDDEN (403) to the public outside the demo, through __schema and __type alike', async () => {
    for (const query of [introspect, '{ __type(name: "Record") { fields { name } } }', 'query { ...F } fragment F on Query { __schema { types { name } } }']) {
      const { status, body } = await network.query(query);
      expect(status).toBe(403);
      expect(body.data ?? null).toBeNull();
      expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await network.query('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it('is allowed to archivists and admins, not to supervisors', async () => {
    for (const request of [{ role: 'archivist' as const, archive: '360100', sub: 'a' }, { role: 'admin' as const, sub: 'root' }]) {
      const { status, body } = await network.query(introspect, undefined, { authorization: `Bearer ${await network.token(request)}` });
      expect(status).toBe(200);
      expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    }
    const supervisor = await network.token({ role: 'supervisor', region: '360000', sub: 's' });
    expect((await network.query(introspect, undefined, { authorization: `Bearer ${supervisor}` })).status).toBe(403);
  });

  it('is open to everyone when LANTAI_INTROSPECTION=on, as in the demo', async () => {
    const open = await startNetwork({ introspection: true });
    try {
      const { status, body } = await open.query(introspect);
      expect(status).toBe(200);
      expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await open.stop();
    }
  });
});

describe('rate limiting per caller', () => {
  it('answers a caller over the limit with 429 RATE_LIMITED and Retry-After, while another caller goes on', async () => {
    const zhang = `Bearer ${await limited.token({ role: 'public', sub: 'zhang' })}`;
    const li = `Bearer ${await limited.token({ role: 'public', sub: 'li' })}`;
    const ask = (authorization?: string) =>
      fetch(`${limited.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    for (let i = 0; i < 3; i += 1) expect((await ask(zhang)).status).toBe(200);
    const refused = await ask(zhang);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]!.extensions).toEqual({ code: 'RATE_LIMITED' });

    // Another subject, and the anonymous public from the same address, have their own buckets.
    expect((await ask(li)).status).toBe(200);
    expect((await ask()).status).toBe(200);
  });

  it('charges refused tokens to the address, so guessing tokens is limited too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await fetch(`${limited.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer not.a.token${i}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      statuses.push(response.status);
    }
    // The anonymous request of the test before took one token of this address's three.
    expect(statuses).toEqual([401, 401, 429, 429]);
  });

  it('refills a bucket at the configured rate, up to the burst', () => {
    const limiter = new RateLimiter({ burst: 2, perSecond: 1 });
    expect(limiter.take('a', 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 1000)).toEqual({ allowed: true });
    expect(limiter.take('a', 1000).allowed).toBe(false);
    expect(limiter.take('a', 60_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 60_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 60_000).allowed).toBe(false);
  });

  it('believes X-Forwarded-For only from a trusted proxy, and then the last address before the proxies', () => {
    const request = (remoteAddress: string, forwarded?: string) =>
      ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;
    const proxies = new Set(['10.0.0.1', '10.0.0.2']);
    expect(clientAddress(request('203.0.113.9', '198.51.100.7'), proxies)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.1', '198.51.100.7'), proxies)).toBe('198.51.100.7');
    // A client's own X-Forwarded-For entries come first; the proxies append the address they saw.
    expect(clientAddress(request('10.0.0.1', '1.2.3.4, 198.51.100.7, 10.0.0.2'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.1'), proxies)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1', '198.51.100.7'))).toBe('10.0.0.1');
    expect(callerKey({ role: 'public', sub: 'zhang' }, request('10.0.0.1', '198.51.100.7'), proxies)).toBe('sub:zhang');
    expect(callerKey({ role: 'public' }, request('10.0.0.1', '198.51.100.7'), proxies)).toBe('address:198.51.100.7');
    expect(gatewayEnvironment({ ...SECRETS, LANTAI_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.2' }).rateLimit!.trustedProxies).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('forgets idle callers when it holds too many, never refusing a new one', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 1, maxCallers: 10 });
    for (let i = 0; i < 100; i += 1) expect(limiter.take(`caller-${i}`, i * 10).allowed).toBe(true);
  });
});

describe('errors leaving the gateway', () => {
  it('never carry a relayed subgraph’s name, an internal address or a source path', async () => {
    network.archives['360102']!.addressError = 'connect ECONNREFUSED 10.0.3.7:5432 (postgres://archive:hunter2@10.0.3.7/lantai) at /srv/lantai/subgraphs/archive/server.ts:12';
    try {
      const { body } = await network.query('{ archive(id: "360102") { name address } }');
      expect(body.data).toEqual({ archive: { name: '东湖区档案馆', address: null } });
      const [error] = body.errors!;
      expect(error!.extensions).toEqual({ code: 'NOT_FOUND' });
      const text = JSON.stringify(body);
      for (const leak of ['10.0.3.7', 'hunter2', '/srv/lantai', 'serviceName', '127.0.0.1']) expect(text).not.toContain(leak);
      expect(logged.join('\n')).not.toContain('hunter2');
    } finally {
      delete network.archives['360102']!.addressError;
    }
  });

  it('name no address when a shard and then the province are down, only the archive', async () => {
    const broken = await startNetwork();
    try {
      await broken.donghu.stop();
      const shardDown = await broken.query('{ a: archive(id: "360102") { name address } b: record(id: "360102:Record:1") { title } }');
      expect(shardDown.body.data).toEqual({ a: null, b: null });
      expect([...new Set(shardDown.body.errors!.map((e) => e.extensions!.code))]).toEqual(['ARCHIVE_UNAVAILABLE']);
      expect(shardDown.body.errors!.every((e) => e.extensions!.archive === '360102')).toBe(true);

      await broken.province.stop();
      const provinceDown = await broken.query('{ province { name } }');
      expect(provinceDown.body.data).toEqual({ province: null });
      expect(provinceDown.body.errors!.map((e) => e.extensions!.code)).toEqual(['PROVINCE_UNAVAILABLE']);
      expect(provinceDown.body.errors![0]!.message).toMatch(/省级服务.*try again later/);
      // Fields of the archives are routed by the directory the gateway holds, and still answer.
      const archiveStillAnswers = await broken.query('{ archive(id: "360100") { name } }');
      expect(archiveStillAnswers.body.errors).toBeUndefined();
      expect(archiveStillAnswers.body.data).toEqual({ archive: { name: '南昌市档案馆' } });

      for (const answer of [shardDown, provinceDown]) {
        const text = JSON.stringify(answer.body);
        for (const leak of ['127.0.0.1', 'localhost', 'ECONNREFUSED', 'serviceName', 'stacktrace', '/graphql']) expect(text).not.toContain(leak);
        for (const url of [broken.donghu.url, broken.province.url]) expect(text).not.toContain(new URL(url).host);
      }
    } finally {
      await broken.stop().catch(() => undefined);
    }
  });
});
