/**
 * 异地查档, 跨馆出证 end to end through the gateway of a real network: a person submits at
 * Nanchang's archive a request for a delayed record of Jingdezhen's; Jingdezhen's archivist
 * accepts and fulfils it with a read grant stored in Jingdezhen's shard; the person then reads
 * the record through the gateway and nobody else can. Every forbidden transition is refused
 * with FORBIDDEN or CONFLICT and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { DEMO_JWT_SECRET } from '../../gateway/caller.js';
import { startNetwork, type Network } from '../../scripts/network.js';
import { identityCheckCharacter } from '../../subgraphs/province/access-requests/personal-data.js';
import { chinaDate } from '../../protocol/china-time.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

const RECEIVING = '360100';
const HOLDING = '360200';

interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

let db: TestDatabase;
let network: Network;
const tokens: Record<'requester' | 'stranger' | 'holding' | 'receiving' | 'admin' | 'supervisor', string> = {} as never;

async function token(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('30m').sign(new TextEncoder().encode(DEMO_JWT_SECRET));
}

async function gateway(query: string, variables?: Record<string, unknown>, bearer?: string): Promise<GraphQLAnswer> {
  const response = await fetch(network.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}

const codes = (answer: GraphQLAnswer) => (answer.errors ?? []).map((error) => error.extensions?.code);

const IDENTITY_NUMBER = '36020319880808123' + identityCheckCharacter('36020319880808123');
const SUBMIT = `mutation($input: SubmitAccessRequestInput!, $key: String!) {
  submitAccessRequest(input: $input, idempotencyKey: $key) { id status deadline overdue requester }
}`;
const READ_REQUEST = `query($id: ID!) { accessRequest(id: $id) {
  id status closedAt fulfilment { certificateNumber copies { sha256 } grant { until records { id } } }
  history { status actor actorRole }
  requesterData { name identityNumber phone masked }
} }`;
const READ_RECORD = `query($id: ID!) { record(id: $id) { id title access archive { id } } }`;

let delayed: { id: string; title: string };
let requestId: string;

function submission(records: string[]) {
  return {
    receivingArchive: RECEIVING,
    holdingArchive: HOLDING,
    purpose: 'PERSONAL_AFFAIRS',
    records,
    description: '查询本人父亲1978年招工录用档案',
    delivery: 'PICKUP',
    requester: { name: '张三', identityNumber: IDENTITY_NUMBER, phone: '13812345678' },
  };
}

/** The request as its holding archive sees it, to check that a refused transition changed nothing. */
async function readBack(id: string) {
  const answer = await gateway(READ_REQUEST, { id }, tokens.holding);
  expect(answer.errors).toBeUndefined();
  return answer.data!.accessRequest;
}

beforeAll(async () => {
  db = await createTestDatabase('arnetwork');
  network = await startNetwork({
    databaseUrl: db.url,
    archives: ['360000', RECEIVING, HOLDING],
    hosts: 2,
    env: { LANTAI_PROBE_INTERVAL_MS: '60000', LANTAI_RATE_LIMIT_BURST: '1000', LANTAI_RATE_LIMIT_PER_SECOND: '1000' },
  });
  tokens.requester = await token({ sub: 'citizen-zhang', role: 'public' });
  tokens.stranger = await token({ sub: 'citizen-li', role: 'public' });
  tokens.holding = await token({ sub: 'clerk-jdz', role: 'archivist', archive: HOLDING });
  tokens.receiving = await token({ sub: 'clerk-nc', role: 'archivist', archive: RECEIVING });
  tokens.admin = await token({ sub: 'admin-1', role: 'admin' });
  tokens.supervisor = await token({ sub: 'inspector-jdz', role: 'supervisor', region: HOLDING });
});

afterAll(async () => {
  await network?.stop();
  await db?.drop();
});

describe('a cross-region request through the gateway', () => {
  it('the holding archive’s archivist finds a delayed record that the person cannot read', async () => {
    const found = await gateway(
      `{ archive(id: "${HOLDING}") { records(first: 1, filter: { access: [DELAYED] }) { nodes { id title access } } } }`,
      undefined,
      tokens.holding,
    );
    expect(found.errors).toBeUndefined();
    delayed = found.data!.archive.records.nodes[0];
    expect(delayed.id.startsWith(`${HOLDING}:Record:`)).toBe(true);
    const hidden = await gateway(READ_RECORD, { id: delayed.id }, tokens.requester);
    expect(hidden.data!.record).toBeNull();
  });

  it('anonymous callers cannot submit (FORBIDDEN, asked to sign in); a person submits at the receiving archive', async () => {
    const anonymous = await gateway(SUBMIT, { input: submission([delayed.id]), key: 'anon' });
    expect(codes(anonymous)).toEqual(['FORBIDDEN']);

    const submitted = await gateway(SUBMIT, { input: submission([delayed.id]), key: 'zhang-2026-001' }, tokens.requester);
    expect(submitted.errors).toBeUndefined();
    const request = submitted.data!.submitAccessRequest;
    expect(request).toMatchObject({ status: 'SUBMITTED', overdue: false, requester: 'citizen-zhang' });
    expect(request.deadline > chinaDate(new Date())).toBe(true);
    requestId = request.id;
  });

  it('a retried submission with the same key returns the first request and creates no second one', async () => {
    const retried = await gateway(SUBMIT, { input: submission([delayed.id]), key: 'zhang-2026-001' }, tokens.requester);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.submitAccessRequest.id).toBe(requestId);
    const mine = await gateway(`{ myAccessRequests { totalCount nodes { id } } }`, undefined, tokens.requester);
    expect(mine.data!.myAccessRequests).toEqual({ totalCount: 1, nodes: [{ id: requestId }] });
    const changed = await gateway(SUBMIT, { input: { ...submission([delayed.id]), purpose: 'ACADEMIC_RESEARCH' }, key: 'zhang-2026-001' }, tokens.requester);
    expect(codes(changed)).toEqual(['CONFLICT']);
  });

  it('a stranger or the receiving archive accepting is FORBIDDEN and changes nothing', async () => {
    const before = await readBack(requestId);
    for (const bearer of [tokens.stranger, tokens.receiving, tokens.admin]) {
      const answer = await gateway(`mutation($id: ID!) { acceptAccessRequest(id: $id) { status } }`, { id: requestId }, bearer);
      expect(codes(answer)).toEqual(['FORBIDDEN']);
    }
    expect(await readBack(requestId)).toEqual(before);
    expect(before.status).toBe('SUBMITTED');
  });

  it('the holding archive accepts; cancelling after acceptance is CONFLICT and changes nothing', async () => {
    const accepted = await gateway(`mutation($id: ID!) { acceptAccessRequest(id: $id, note: "已受理") { status } }`, { id: requestId }, tokens.holding);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptAccessRequest.status).toBe('ACCEPTED');
    const before = await readBack(requestId);
    const cancelled = await gateway(`mutation($id: ID!) { cancelAccessRequest(id: $id) { status } }`, { id: requestId }, tokens.requester);
    expect(codes(cancelled)).toEqual(['CONFLICT']);
    expect(await readBack(requestId)).toEqual(before);
  });

  it('the receiving archive fulfilling is FORBIDDEN; a grant on another archive’s record is refused; nothing changes', async () => {
    const before = await readBack(requestId);
    const until = chinaDate(Date.now() + 30 * 86_400_000);
    const byReceiving = await gateway(
      `mutation($id: ID!, $input: FulfilAccessRequestInput!) { fulfilAccessRequest(id: $id, input: $input) { status } }`,
      { id: requestId, input: { certificateNumber: '洪档证〔2026〕1号', grant: { records: [delayed.id], until } } },
      tokens.receiving,
    );
    expect(codes(byReceiving)).toEqual(['FORBIDDEN']);
    const elsewhere = await gateway(
      `mutation($id: ID!, $input: FulfilAccessRequestInput!) { fulfilAccessRequest(id: $id, input: $input) { status } }`,
      { id: requestId, input: { certificateNumber: '景档证〔2026〕1号', grant: { records: [`${RECEIVING}:Record:1`], until } } },
      tokens.holding,
    );
    expect(codes(elsewhere)).toEqual(['BAD_USER_INPUT']);
    const missing = await gateway(
      `mutation($id: ID!, $input: FulfilAccessRequestInput!) { fulfilAccessRequest(id: $id, input: $input) { status } }`,
      { id: requestId, input: { certificateNumber: '景档证〔2026〕1号', grant: { records: [`${HOLDING}:Record:999999999`], until } } },
      tokens.holding,
    );
    // The holding archive itself refuses to grant a record it does not have; the request stays ACCEPTED.
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(await readBack(requestId)).toEqual(before);
  });

  it('the holding archive fulfils with copies, a certificate number and a grant; fulfilling twice is CONFLICT', async () => {
    const until = chinaDate(Date.now() + 30 * 86_400_000);
    const sha256 = 'c'.repeat(64);
    const fulfilled = await gateway(
      `mutation($id: ID!, $input: FulfilAccessRequestInput!) { fulfilAccessRequest(id: $id, input: $input) { status closedAt } }`,
      { id: requestId, input: { copies: [{ sha256, fileName: '招工录用审批表.pdf' }], certificateNumber: '景档证〔2026〕1号', grant: { records: [delayed.id], until } } },
      tokens.holding,
    );
    expect(fulfilled.errors).toBeUndefined();
    expect(fulfilled.data!.fulfilAccessRequest.status).toBe('FULFILLED');
    const after = await readBack(requestId);
    expect(after.fulfilment).toEqual({ certificateNumber: '景档证〔2026〕1号', copies: [{ sha256 }], grant: { until, records: [{ id: delayed.id }] } });
    expect(after.history.map((h: { status: string; actor: string }) => [h.status, h.actor])).toEqual([
      ['SUBMITTED', 'citizen-zhang'],
      ['ACCEPTED', 'clerk-jdz'],
      ['FULFILLED', 'clerk-jdz'],
    ]);

    const twice = await gateway(
      `mutation($id: ID!, $input: FulfilAccessRequestInput!) { fulfilAccessRequest(id: $id, input: $input) { status } }`,
      { id: requestId, input: { certificateNumber: '景档证〔2026〕2号' } },
      tokens.holding,
    );
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(await readBack(requestId)).toEqual(after);
  });

  it('the requester now reads the granted record through the gateway, also from the request; nobody else can', async () => {
    const read = await gateway(READ_RECORD, { id: delayed.id }, tokens.requester);
    expect(read.errors).toBeUndefined();
    expect(read.data!.record).toEqual({ id: delayed.id, title: delayed.title, access: 'DELAYED', archive: { id: HOLDING } });

    const viaRequest = await gateway(
      `query($id: ID!) { accessRequest(id: $id) { records { id title } fulfilment { grant { records { title } } } } }`,
      { id: requestId },
      tokens.requester,
    );
    expect(viaRequest.errors).toBeUndefined();
    expect(viaRequest.data!.accessRequest.records).toEqual([{ id: delayed.id, title: delayed.title }]);
    expect(viaRequest.data!.accessRequest.fulfilment.grant.records).toEqual([{ title: delayed.title }]);

    for (const bearer of [tokens.stranger, tokens.receiving, undefined]) {
      const hidden = await gateway(READ_RECORD, { id: delayed.id }, bearer);
      expect(hidden.data!.record).toBeNull();
    }
  });

  it('personal data: in full for the requester and both archives, masked for admins; strangers do not see the request', async () => {
    for (const bearer of [tokens.requester, tokens.holding, tokens.receiving]) {
      const answer = await gateway(READ_REQUEST, { id: requestId }, bearer);
      expect(answer.data!.accessRequest.requesterData).toEqual({ name: '张三', identityNumber: IDENTITY_NUMBER, phone: '13812345678', masked: false });
    }
    const admin = await gateway(READ_REQUEST, { id: requestId }, tokens.admin);
    expect(admin.data!.accessRequest.requesterData).toEqual({
      name: '张*',
      identityNumber: `${IDENTITY_NUMBER.slice(0, 4)}**********${IDENTITY_NUMBER.slice(-4)}`,
      phone: '138****5678',
      masked: true,
    });
    const stranger = await gateway(READ_REQUEST, { id: requestId }, tokens.stranger);
    expect(stranger.data!.accessRequest).toBeNull();
  });

  it('each archive lists the request beside its own data; others get FORBIDDEN for that field only', async () => {
    const holding = await gateway(
      `{ archive(id: "${HOLDING}") { name incomingRequests(status: [FULFILLED]) { totalCount nodes { id receivingArchive { name } } } } }`,
      undefined,
      tokens.holding,
    );
    expect(holding.errors).toBeUndefined();
    expect(holding.data!.archive).toEqual({ name: '景德镇市档案馆', incomingRequests: { totalCount: 1, nodes: [{ id: requestId, receivingArchive: { name: '南昌市档案馆' } }] } });
    const receiving = await gateway(
      `{ archive(id: "${RECEIVING}") { name outgoingRequests { totalCount nodes { id holdingArchive { name } } } } }`,
      undefined,
      tokens.receiving,
    );
    expect(receiving.errors).toBeUndefined();
    expect(receiving.data!.archive.outgoingRequests).toEqual({ totalCount: 1, nodes: [{ id: requestId, holdingArchive: { name: '景德镇市档案馆' } }] });

    const stranger = await gateway(`{ archive(id: "${HOLDING}") { name incomingRequests { totalCount } } }`, undefined, tokens.stranger);
    expect(stranger.data!.archive).toEqual({ name: '景德镇市档案馆', incomingRequests: null });
    expect(codes(stranger)).toEqual(['FORBIDDEN']);
  });

  it('the counts join the statistics for a supervisor of the region', async () => {
    const answer = await gateway(
      `{ statistics(region: "${HOLDING}") { accessRequests { received fulfilled overdue open byArchive { archive { id } received } byRegion { region { code } received } } } }`,
      undefined,
      tokens.supervisor,
    );
    expect(answer.errors).toBeUndefined();
    const counts = answer.data!.statistics.accessRequests;
    expect(counts).toMatchObject({ received: 1, fulfilled: 1, overdue: 0, open: 0, byArchive: [{ archive: { id: HOLDING }, received: 1 }] });
    // Jingdezhen's counties have no archive in this network: each counts nothing.
    expect(counts.byRegion.length).toBeGreaterThan(0);
    expect(counts.byRegion.every((r: { region: { code: string }; received: number }) => r.region.code.startsWith('3602') && r.received === 0)).toBe(true);
    const publicAnswer = await gateway(`{ statistics(region: "${HOLDING}") { accessRequests { received } } }`, undefined, tokens.requester);
    expect(publicAnswer.data!.statistics.accessRequests).toBeNull();
    expect(codes(publicAnswer)).toEqual(['FORBIDDEN']);
  });
});
