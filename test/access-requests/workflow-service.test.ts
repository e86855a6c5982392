/**
 * The access-request workflow (异地查档, 跨馆出证) as a service, without a server: the state
 * machine with every allowed and forbidden transition and actor, deadlines and the overdue
 * flag in working days, masking of personal data, idempotent submission, grants at
 * fulfilment, the listings and the counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveUnavailable, errorCodeOf } from '../../protocol/errors.js';
import { ShardClient } from '../../protocol/shard-client.js';
import type { Identity } from '../../protocol/identity.js';
import { openProvinceDatabase, type ProvinceOrm } from '../../subgraphs/province/database.js';
import { AccessRequestEntity, AccessRequestTransitionEntity, ACCESS_REQUEST_STATUSES, type AccessRequestStatus, type DirectoryEntryRow } from '../../subgraphs/province/entities/index.js';
import { AccessRequests, type RecordGrant, type RecordGrantor } from '../../subgraphs/province/access-requests/access-requests.js';
import { isOverdue, type Transition } from '../../subgraphs/province/access-requests/policy.js';
import type { SubmitInput } from '../../subgraphs/province/access-requests/request-input.js';
import { Directory } from '../../subgraphs/province/directory/directory.js';
import { RequestCounts } from '../../subgraphs/province/statistics/request-counts.js';
import { ShardRecordGrantor } from '../../subgraphs/province/access-requests/record-grants.js';
import { CircuitBreakers } from '../../protocol/circuit-breaker.js';
import {
  checkedIdentityNumber,
  identityCheckCharacter,
  maskIdentityNumber,
  maskName,
  maskPhone,
} from '../../subgraphs/province/access-requests/personal-data.js';
import { RegionTree } from '../../subgraphs/province/directory/regions.js';
import { addWorkingDays, workingDaysBetween } from '../../subgraphs/province/access-requests/working-days.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { provinceSettings } from '../../subgraphs/province/settings.js';

/** The deadline the province reads from this environment at start. */
const deadlineFromEnvironment = (env: Record<string, string>) =>
  provinceSettings({ DATABASE_URL: 'postgres://db/lantai', LANTAI_SUBGRAPH_SECRET: 's', ...env }).requestDeadlineWorkingDays;

const RECEIVING = '360100';
const HOLDING = '360200';
const OTHER = '360121';

const REQUESTER: Identity = { role: 'public', sub: 'citizen-zhang' };
const STRANGER: Identity = { role: 'public', sub: 'citizen-li' };
const HOLDING_CLERK: Identity = { role: 'archivist', sub: 'clerk-jdz', archive: HOLDING };
const RECEIVING_CLERK: Identity = { role: 'archivist', sub: 'clerk-nc', archive: RECEIVING };
const OTHER_CLERK: Identity = { role: 'archivist', sub: 'clerk-ncx', archive: OTHER };
const ADMIN: Identity = { role: 'admin', sub: 'admin-1' };
const SUPERVISOR: Identity = { role: 'supervisor', sub: 'inspector-1', region: '360000' };

function identityNumber(first17: string): string {
  return first17 + identityCheckCharacter(first17);
}
const ZHANG_ID = identityNumber('36010219900101123');

const INPUT: SubmitInput = {
  receivingArchive: RECEIVING,
  holdingArchive: HOLDING,
  purpose: 'PERSONAL_AFFAIRS',
  records: [`${HOLDING}:Record:12`],
  description: '查询本人1985年招工录用审批表',
  delivery: 'ONLINE',
  requester: { name: '张三', identityNumber: ZHANG_ID, phone: '13812345678' },
};

let database: TestDatabase;
let orm: ProvinceOrm;
let entries: Map<string, DirectoryEntryRow>;
// Monday 2026-03-02, 10:00 in China.
let now = new Date('2026-03-02T02:00:00Z');
const clock = () => now;

class FakeGrantor implements RecordGrantor {
  calls: { actor: Identity; archive: string; grant: RecordGrant }[] = [];
  failWith: Error | null = null;
  async grant(actor: Identity, archive: DirectoryEntryRow, grant: RecordGrant): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.calls.push({ actor, archive: archive.id, grant });
  }
}
const grantor = new FakeGrantor();
const service = () => new AccessRequests(orm.em.fork(), grantor, { deadlineWorkingDays: 10 }, clock);

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return errorCodeOf(error) ?? String(error);
  }
}

let keys = 0;
async function submitted(input: SubmitInput = INPUT, actor: Identity = REQUESTER) {
  return (await service().submit(actor, input, `key-${++keys}`)).row;
}

async function stateOf(id: string) {
  const em = orm.em.fork();
  const row = await em.findOneOrFail(AccessRequestEntity, { id });
  const history = await em.count(AccessRequestTransitionEntity, { request: id });
  return { status: row.status, closedAt: row.closedAt, fulfilment: row.fulfilment, history };
}

const FULFILMENT = { copies: [{ sha256: 'a'.repeat(64), fileName: '招工录用审批表.pdf' }], certificateNumber: '赣档证〔2026〕0001号' };

/** A request driven to `status` through allowed transitions. */
async function requestIn(status: AccessRequestStatus): Promise<string> {
  const { id } = await submitted();
  const s = service();
  if (status === 'ACCEPTED' || status === 'FULFILLED') await s.accept(HOLDING_CLERK, id);
  if (status === 'FULFILLED') await s.fulfil(HOLDING_CLERK, id, FULFILMENT);
  if (status === 'REJECTED') await s.reject(HOLDING_CLERK, id, '查无此档');
  if (status === 'CANCELLED') await s.cancel(REQUESTER, id);
  return id;
}

function attempt(transition: Transition, actor: Identity, id: string) {
  const s = service();
  switch (transition) {
    case 'accept': return s.accept(actor, id, '已受理');
    case 'reject': return s.reject(actor, id, '不属于本馆馆藏');
    case 'fulfil': return s.fulfil(actor, id, FULFILMENT);
    case 'cancel': return s.cancel(actor, id, '已自行解决');
  }
}

beforeAll(async () => {
  database = await createTestDatabase('arservice');
  orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 4 });
  const em = orm.em.fork();
  const directory = new Directory(em, await RegionTree.load(em));
  const registered = await directory.registerMany(ADMIN, [
    { id: RECEIVING, name: '南昌市档案馆', level: 'CITY', region: RECEIVING, endpoint: 'http://127.0.0.1:9/archives/360100/graphql' },
    { id: HOLDING, name: '景德镇市档案馆', level: 'CITY', region: HOLDING, endpoint: 'http://127.0.0.1:9/archives/360200/graphql' },
    { id: OTHER, name: '南昌县档案馆', level: 'COUNTY', region: OTHER, endpoint: 'http://127.0.0.1:9/archives/360121/graphql' },
  ]);
  entries = new Map(registered.map((entry) => [entry.id, entry]));
});

afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

describe('working days (工作日) and deadlines', () => {
  it('skip Saturdays and Sundays', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16'); // Monday → Monday two weeks on
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(workingDaysBetween('2026-03-02', '2026-03-16')).toBe(10);
    expect(workingDaysBetween('2026-03-09', '2026-03-02')).toBe(0);
  });

  it('take the deadline from LANTAI_REQUEST_DEADLINE_DAYS, 10 when unset, refusing nonsense', () => {
    expect(deadlineFromEnvironment({})).toBe(10);
    expect(deadlineFromEnvironment({ LANTAI_REQUEST_DEADLINE_DAYS: '5' })).toBe(5);
    for (const bad of ['0', '-3', '2.5', 'ten', '1000']) {
      expect(() => deadlineFromEnvironment({ LANTAI_REQUEST_DEADLINE_DAYS: bad })).toThrow(/LANTAI_REQUEST_DEADLINE_DAYS/);
    }
  });

  it('a request is due the configured working days after its submission day, in China Standard Time', async () => {
    const saved = now;
    now = new Date('2026-03-06T15:30:00Z'); // Friday 23:30 UTC+8... still Friday in China
    try {
      const row = await submitted();
      expect(row.deadline).toBe('2026-03-20');
      const shorter = await new AccessRequests(orm.em.fork(), grantor, { deadlineWorkingDays: 1 }, clock).submit(REQUESTER, INPUT, 'short-deadline');
      expect(shorter.row.deadline).toBe('2026-03-09');
    } finally {
      now = saved;
    }
  });
});

describe('personal data (个人信息)', () => {
  it('is masked as archivists mask it', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskIdentityNumber('360102199001011234')).toBe('3601**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('an identity number needs a real birth date and a valid check character', () => {
    expect(checkedIdentityNumber(ZHANG_ID)).toBe(ZHANG_ID);
    expect(checkedIdentityNumber(identityNumber('11010519491231002').toLowerCase())).toMatch(/^\d{17}[\dX]$/);
    const wrongCheck = ZHANG_ID.slice(0, 17) + (ZHANG_ID[17] === '0' ? '1' : '0');
    for (const bad of [wrongCheck, identityNumber('36010219901301123'), '3601021990010112', 'abcdefghijklmnopqr']) {
      expect(() => checkedIdentityNumber(bad)).toThrow(/身份证号/);
    }
  });

  it('the requester and both archives see it in full; admins see it masked; strangers and supervisors see no request', async () => {
    const { id } = await submitted({ ...INPUT, delivery: 'POST', postalAddress: '江西省南昌市东湖区八一大道100号' });
    for (const party of [REQUESTER, HOLDING_CLERK, RECEIVING_CLERK]) {
      const view = (await service().find(party, id))!;
      expect(AccessRequests.personalData(view)).toEqual(INPUT.requester);
      expect(AccessRequests.postalAddress(view)).toBe('江西省南昌市东湖区八一大道100号');
    }
    const masked = (await service().find(ADMIN, id))!;
    expect(AccessRequests.personalData(masked)).toEqual({ name: '张*', identityNumber: `${ZHANG_ID.slice(0, 4)}**********${ZHANG_ID.slice(-4)}`, phone: '138****5678' });
    expect(AccessRequests.postalAddress(masked)).toBe('江西省南昌市**********');
    for (const outsider of [STRANGER, OTHER_CLERK, SUPERVISOR, { role: 'public' } as Identity]) {
      expect(await service().find(outsider, id)).toBeNull();
    }
  });
});

describe('submission', () => {
  it('records a SUBMITTED request with its first history entry, by the requester', async () => {
    const view = await service().submit(REQUESTER, INPUT, 'first-submission');
    expect(view.row).toMatchObject({ status: 'SUBMITTED', requesterSub: REQUESTER.sub, records: INPUT.records, deadline: '2026-03-16', closedAt: null });
    const history = await service().history(view.row);
    expect(history.map((h) => [h.status, h.actorSub, h.actorRole])).toEqual([['SUBMITTED', REQUESTER.sub, 'public']]);
  });

  it('is refused to anonymous callers and to staff (FORBIDDEN), and for bad input, creating nothing', async () => {
    const before = await orm.em.fork().count(AccessRequestEntity, {});
    const cases: [Identity, SubmitInput, string][] = [
      [{ role: 'public' }, INPUT, 'FORBIDDEN'],
      [HOLDING_CLERK, INPUT, 'FORBIDDEN'],
      [ADMIN, INPUT, 'FORBIDDEN'],
      [REQUESTER, { ...INPUT, holdingArchive: RECEIVING, records: [] }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, records: [`${OTHER}:Record:1`] }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, records: ['Record:1'] }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, holdingArchive: '360300', records: [] }, 'NOT_FOUND'],
      [REQUESTER, { ...INPUT, holdingArchive: '36', records: [] }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, delivery: 'POST' }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, description: '   ' }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, requester: { ...INPUT.requester, phone: '12345' } }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, requester: { ...INPUT.requester, identityNumber: '360102199001011230X' } }, 'BAD_USER_INPUT'],
      // PostgreSQL refuses a NUL in text: it must be the client's error, never a 500.
      [REQUESTER, { ...INPUT, description: '查档\u0000' }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, delivery: 'POST', postalAddress: '南昌\u0000' }, 'BAD_USER_INPUT'],
      [REQUESTER, { ...INPUT, requester: { ...INPUT.requester, name: '张\u0000三' } }, 'BAD_USER_INPUT'],
    ];
    for (const [actor, input, code] of cases) {
      expect(await codeOf(service().submit(actor, input, `refused-${++keys}`)), JSON.stringify(input)).toBe(code);
    }
    expect(await codeOf(service().submit(REQUESTER, INPUT, 'key\u0000'))).toBe('BAD_USER_INPUT');
    expect(await orm.em.fork().count(AccessRequestEntity, {})).toBe(before);
  });
});

describe('idempotent submission', () => {
  it('a retry with the same key returns the first request and creates no second one', async () => {
    const first = await service().submit(REQUESTER, INPUT, 'retry-key');
    const again = await service().submit(REQUESTER, { ...INPUT, description: ` ${INPUT.description} ` }, 'retry-key');
    expect(again.row.id).toBe(first.row.id);
    expect(await orm.em.fork().count(AccessRequestEntity, { idempotencyKey: 'retry-key' })).toBe(1);
    expect(await orm.em.fork().count(AccessRequestTransitionEntity, { request: first.row.id })).toBe(1);
  });

  it('retries racing each other still make one request', async () => {
    const views = await Promise.all(Array.from({ length: 5 }, () => service().submit(REQUESTER, INPUT, 'racing-key')));
    expect(new Set(views.map((v) => v.row.id)).size).toBe(1);
    expect(await orm.em.fork().count(AccessRequestEntity, { idempotencyKey: 'racing-key' })).toBe(1);
  });

  it('the same key with a different payload is CONFLICT; the same key of another person is theirs', async () => {
    const first = await service().submit(REQUESTER, INPUT, 'reused-key');
    expect(await codeOf(service().submit(REQUESTER, { ...INPUT, purpose: 'ACADEMIC_RESEARCH' }, 'reused-key'))).toBe('CONFLICT');
    const theirs = await service().submit(STRANGER, INPUT, 'reused-key');
    expect(theirs.row.id).not.toBe(first.row.id);
    expect(theirs.row.requesterSub).toBe(STRANGER.sub);
  });
});

describe('the state machine', () => {
  const actors: [string, Identity][] = [
    ['the requester', REQUESTER],
    ['the holding archive', HOLDING_CLERK],
    ['the receiving archive', RECEIVING_CLERK],
    ['another archive', OTHER_CLERK],
    ['a stranger', STRANGER],
    ['an admin', ADMIN],
    ['a supervisor', SUPERVISOR],
  ];
  const allowedFrom: Record<Transition, AccessRequestStatus[]> = {
    accept: ['SUBMITTED'],
    fulfil: ['ACCEPTED'],
    reject: ['SUBMITTED', 'ACCEPTED'],
    cancel: ['SUBMITTED'],
  };
  const target: Record<Transition, AccessRequestStatus> = { accept: 'ACCEPTED', fulfil: 'FULFILLED', reject: 'REJECTED', cancel: 'CANCELLED' };

  for (const transition of ['accept', 'reject', 'fulfil', 'cancel'] as Transition[]) {
    it(`${transition}: only its actor from its statuses; any other try is FORBIDDEN or CONFLICT and changes nothing`, async () => {
      for (const status of ACCESS_REQUEST_STATUSES) {
        const id = await requestIn(status);
        for (const [name, actor] of actors) {
          const rightActor = transition === 'cancel' ? actor === REQUESTER : actor === HOLDING_CLERK;
          if (rightActor && allowedFrom[transition].includes(status)) continue;
          const before = await stateOf(id);
          const expected = rightActor ? 'CONFLICT' : 'FORBIDDEN';
          expect(await codeOf(attempt(transition, actor, id)), `${name} ${transition} from ${status}`).toBe(expected);
          expect(await stateOf(id)).toEqual(before);
        }
        if (allowedFrom[transition].includes(status)) {
          const actor = transition === 'cancel' ? REQUESTER : HOLDING_CLERK;
          const moved = await attempt(transition, actor, id);
          expect(moved.row.status).toBe(target[transition]);
          const history = await service().history(moved.row);
          expect(history.at(-1)).toMatchObject({ status: target[transition], actorSub: actor.sub, actorRole: actor.role });
          expect(history.at(-1)!.at).toEqual(now);
        }
      }
    });
  }

  it('keeps every transition with actor, role, archive, time and note, oldest first', async () => {
    const { id } = await submitted();
    await service().accept(HOLDING_CLERK, id, '已受理，正在调卷');
    const view = await service().reject(HOLDING_CLERK, id, '经查，该档案已移交省档案馆');
    expect(view.row.closedAt).toEqual(now);
    const history = await service().history(view.row);
    expect(history.map((h) => ({ status: h.status, actor: h.actorSub, role: h.actorRole, archive: h.actorArchive, note: h.note }))).toEqual([
      { status: 'SUBMITTED', actor: REQUESTER.sub, role: 'public', archive: null, note: null },
      { status: 'ACCEPTED', actor: HOLDING_CLERK.sub, role: 'archivist', archive: HOLDING, note: '已受理，正在调卷' },
      { status: 'REJECTED', actor: HOLDING_CLERK.sub, role: 'archivist', archive: HOLDING, note: '经查，该档案已移交省档案馆' },
    ]);
  });

  it('archivists racing to accept the same request: one wins, the others get CONFLICT, one history entry', async () => {
    const id = await requestIn('SUBMITTED');
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => codeOf(service().accept(HOLDING_CLERK, id))));
    expect(outcomes.sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(await stateOf(id)).toMatchObject({ status: 'ACCEPTED', history: 2 });
  });

  it('a rejection needs a reason; an unknown id is NOT_FOUND', async () => {
    const id = await requestIn('SUBMITTED');
    expect(await codeOf(service().reject(HOLDING_CLERK, id, '  '))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service().reject(HOLDING_CLERK, id, '查无\u0000'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service().accept(HOLDING_CLERK, id, '\u0007'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service().cancel(REQUESTER, id, '\u0000'))).toBe('BAD_USER_INPUT');
    expect((await stateOf(id)).status).toBe('SUBMITTED');
    expect(await codeOf(service().accept(HOLDING_CLERK, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(await codeOf(service().accept(HOLDING_CLERK, 'not-a-uuid'))).toBe('NOT_FOUND');
  });
});

describe('fulfilment (出证)', () => {
  it('needs copies with their sha256 or a certificate number, and grants only records of the holding archive', async () => {
    const id = await requestIn('ACCEPTED');
    const bad = [
      {},
      { certificateNumber: 'C\u0000' },
      { certificateNumber: 'C1', note: '\u0000' },
      { copies: [{ sha256: 'a'.repeat(64), fileName: 'a\u0000.pdf' }] },
      { copies: [] },
      { copies: [{ sha256: 'xyz' }] },
      { copies: [{ sha256: 'a'.repeat(64), digitalObject: `${OTHER}:DigitalObject:1` }] },
      { certificateNumber: 'C1', grant: { records: [`${OTHER}:Record:1`], until: '2026-04-01' } },
      { certificateNumber: 'C1', grant: { records: [], until: '2026-04-01' } },
      { certificateNumber: 'C1', grant: { records: [`${HOLDING}:Record:12`], until: '2026-03-01' } },
      { certificateNumber: 'C1', grant: { records: [`${HOLDING}:Record:12`], until: '2027-06-01' } },
    ];
    for (const input of bad) {
      expect(await codeOf(service().fulfil(HOLDING_CLERK, id, input)), JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect((await stateOf(id)).status).toBe('ACCEPTED');
  });

  it('asks the holding archive for the grant as the fulfilling archivist, then records the delivery', async () => {
    const id = await requestIn('ACCEPTED');
    grantor.calls = [];
    const input = {
      copies: [{ digitalObject: `${HOLDING}:DigitalObject:7`, sha256: 'B'.repeat(64), fileName: '审批表.pdf' }],
      grant: { records: [`${HOLDING}:Record:12`], until: '2026-04-30' },
    };
    const view = await service().fulfil(HOLDING_CLERK, id, input);
    expect(grantor.calls).toEqual([{ actor: HOLDING_CLERK, archive: HOLDING, grant: { sub: REQUESTER.sub, records: [`${HOLDING}:Record:12`], until: '2026-04-30', request: id } }]);
    expect(view.row.status).toBe('FULFILLED');
    expect(view.row.fulfilment).toEqual({
      copies: [{ digitalObject: `${HOLDING}:DigitalObject:7`, sha256: 'b'.repeat(64), fileName: '审批表.pdf' }],
      certificateNumber: null,
      grant: { records: [`${HOLDING}:Record:12`], until: '2026-04-30' },
      note: null,
    });
  });

  it('when the archive does not store the grant, the request stays ACCEPTED with nothing recorded', async () => {
    const id = await requestIn('ACCEPTED');
    const before = await stateOf(id);
    grantor.failWith = archiveUnavailable(HOLDING);
    try {
      expect(await codeOf(service().fulfil(HOLDING_CLERK, id, { ...FULFILMENT, grant: { records: [`${HOLDING}:Record:12`], until: '2026-04-30' } }))).toBe('ARCHIVE_UNAVAILABLE');
    } finally {
      grantor.failWith = null;
    }
    expect(await stateOf(id)).toEqual(before);
    expect(before).toMatchObject({ status: 'ACCEPTED', fulfilment: null, closedAt: null });
  });
});

describe('the grant call to the holding archive', () => {
  it('an archive that does not answer is ARCHIVE_UNAVAILABLE naming it, and the grant is not stored', async () => {
    const client = new ShardClient({ secret: 'unused', timeoutMs: 500 });
    const messages: string[] = [];
    try {
      const grantorOverNetwork = new ShardRecordGrantor(client, (message) => messages.push(message));
      const archive = { ...entries.get(HOLDING)!, endpoint: 'http://127.0.0.1:9/archives/360200/graphql' };
      let error: unknown;
      try {
        await grantorOverNetwork.grant(HOLDING_CLERK, archive, { sub: REQUESTER.sub!, records: [`${HOLDING}:Record:1`], until: '2026-04-01', request: 'r' });
      } catch (caught) {
        error = caught;
      }
      expect(errorCodeOf(error)).toBe('ARCHIVE_UNAVAILABLE');
      expect((error as { extensions: { archive: string } }).extensions.archive).toBe(HOLDING);
      expect(messages).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});

describe('the grant call through its host\'s circuit breaker', () => {
  it('after repeated failures the host is cut off: the grant is refused at once, ARCHIVE_UNAVAILABLE naming the archive, with no call', async () => {
    const client = new ShardClient({ secret: 'unused', timeoutMs: 500 });
    const messages: string[] = [];
    const breakers = new CircuitBreakers({ failureThreshold: 2, coolDownMs: 60_000 });
    try {
      const grantorOverNetwork = new ShardRecordGrantor(client, (message) => messages.push(message), breakers);
      const archive = { ...entries.get(HOLDING)!, endpoint: 'http://127.0.0.1:9/archives/360200/graphql' };
      const attempt = async () => {
        try {
          await grantorOverNetwork.grant(HOLDING_CLERK, archive, { sub: REQUESTER.sub!, records: [`${HOLDING}:Record:1`], until: '2026-04-01', request: 'r' });
        } catch (caught) {
          return caught as { message: string; extensions: { code: string; archive: string } };
        }
        return null;
      };
      for (let i = 0; i < 2; i++) expect((await attempt())?.extensions.code).toBe('ARCHIVE_UNAVAILABLE');
      expect(messages).toHaveLength(2);
      expect(breakers.for(archive.endpoint).state).toBe('open');
      const refused = await attempt();
      expect(refused?.extensions).toMatchObject({ code: 'ARCHIVE_UNAVAILABLE', archive: HOLDING });
      expect(refused?.message).toContain('cut off');
      // Refused by the breaker: no third call went out, so nothing more was logged.
      expect(messages).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});

describe('overdue (超期) and counts', () => {
  it('is overdue once the deadline day has passed while open, or when answered after it', async () => {
    const saved = now;
    try {
      now = new Date('2026-06-01T02:00:00Z'); // Monday; due 2026-06-15
      const open = await submitted();
      const late = await submitted();
      const onTime = await submitted();
      await service().accept(HOLDING_CLERK, onTime.id);
      await service().fulfil(HOLDING_CLERK, onTime.id, FULFILMENT);
      const cancelled = await submitted();
      await service().cancel(REQUESTER, cancelled.id);

      now = new Date('2026-06-15T15:00:00Z'); // 23:00 on the deadline day in China
      expect((await service().find(REQUESTER, open.id))!.row.deadline).toBe('2026-06-15');
      expect(isOverdue((await service().find(REQUESTER, open.id))!.row, now)).toBe(false);

      now = new Date('2026-06-16T02:00:00Z');
      await service().accept(HOLDING_CLERK, late.id);
      await service().fulfil(HOLDING_CLERK, late.id, FULFILMENT);
      const rows = await Promise.all([open, late, onTime, cancelled].map(async (r) => (await service().find(ADMIN, r.id))!.row));
      expect(rows.map((row) => isOverdue(row, now))).toEqual([true, true, false, false]);
    } finally {
      now = saved;
    }
  });

  it('counts received, fulfilled and overdue requests and the median turnaround per archive and for a region, without personal data', async () => {
    const fresh = await createTestDatabase('arcounts');
    const countsOrm = await openProvinceDatabase(fresh.url, { province: '360000', poolSize: 2 });
    const saved = now;
    try {
      const em = countsOrm.em.fork();
      const directory = new Directory(em, await RegionTree.load(em));
      const archives = await directory.registerMany(ADMIN, [...entries.values()].map((e) => ({ id: e.id, name: e.name, level: e.level, region: e.id, endpoint: e.endpoint })));
      const counting = () => new AccessRequests(countsOrm.em.fork(), grantor, { deadlineWorkingDays: 10 }, clock);
      const counter = () => new RequestCounts(countsOrm.em.fork(), 10, clock);
      now = new Date('2026-06-01T02:00:00Z');
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await counting().submit(REQUESTER, INPUT, `count-${i}`)).row.id);
      await counting().submit(REQUESTER, { ...INPUT, receivingArchive: HOLDING, holdingArchive: OTHER, records: [] }, 'count-other');
      // Fulfilled after 2 and after 4 working days; one rejected; one left open past its deadline.
      now = new Date('2026-06-03T02:00:00Z');
      await counting().accept(HOLDING_CLERK, ids[0]!);
      await counting().fulfil(HOLDING_CLERK, ids[0]!, FULFILMENT);
      now = new Date('2026-06-05T02:00:00Z');
      await counting().accept(HOLDING_CLERK, ids[1]!);
      await counting().fulfil(HOLDING_CLERK, ids[1]!, FULFILMENT);
      await counting().reject(HOLDING_CLERK, ids[2]!, '查无此档');
      now = new Date('2026-06-20T02:00:00Z');

      const tree = await RegionTree.load(countsOrm.em.fork());
      const scope = (code: string) => {
        const region = tree.get(code)!;
        const codes = new Set(tree.subtreeCodes(region));
        return {
          region,
          archives: archives.filter((a) => codes.has(a.id)),
          children: tree.childrenOf(region).map((child) => ({ region: child, codes: tree.subtreeCodes(child) })),
        };
      };
      const city = await counter().counts(SUPERVISOR, scope(HOLDING));
      expect(city).toMatchObject({ received: 4, submitted: 1, fulfilled: 2, rejected: 1, cancelled: 0, open: 1, overdue: 1, medianTurnaroundWorkingDays: 3, deadlineWorkingDays: 10 });
      const province = await counter().counts(SUPERVISOR, scope('360000'));
      expect(province).toMatchObject({ received: 5, submitted: 5, fulfilled: 2, open: 2, overdue: 2 });
      // Rolled up by city: Nanchang's county archive counts under Nanchang.
      const byCity = Object.fromEntries(province.byRegion.filter((r) => r.archives > 0).map((r) => [r.region.code, [r.archives, r.received, r.submitted]]));
      expect(byCity).toEqual({ [RECEIVING]: [2, 1, 4], [HOLDING]: [1, 4, 1] });
      expect(province.byRegion).toHaveLength(11);
      expect((await counter().counts(SUPERVISOR, scope(HOLDING), 2025)).received).toBe(0);
      expect((await counter().counts(SUPERVISOR, scope(HOLDING), 2026)).received).toBe(4);
      const perArchive = Object.fromEntries(province.byArchive.map((a) => [a.archive.id, [a.received, a.submitted, a.fulfilled]]));
      expect(perArchive).toEqual({ [RECEIVING]: [0, 4, 0], [HOLDING]: [4, 1, 2], [OTHER]: [1, 0, 0] });
      expect(JSON.stringify(province)).not.toContain('张三');

      expect(await codeOf(counter().counts(HOLDING_CLERK, scope(HOLDING)))).toBe('OK');
      expect(await codeOf(counter().counts(ADMIN, scope('360000')))).toBe('OK');
      expect(await codeOf(counter().counts({ role: 'supervisor', sub: 's', region: '360100' }, scope(HOLDING)))).toBe('FORBIDDEN');
      for (const outsider of [REQUESTER, RECEIVING_CLERK]) {
        expect(await codeOf(counter().counts(outsider, scope(HOLDING)))).toBe('FORBIDDEN');
      }
    } finally {
      now = saved;
      await countsOrm.close(true);
      await fresh.drop();
    }
  });
});

describe('listings', () => {
  it('the requester lists their own requests, newest first, by status, page by page', async () => {
    const person: Identity = { role: 'public', sub: 'citizen-wang' };
    const saved = now;
    const ids: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        now = new Date(Date.UTC(2026, 2, 2, 2, i));
        ids.push((await service().submit(person, INPUT, `wang-${i}`)).row.id);
      }
      await service().cancel(person, ids[1]!);
      const first = await service().mine(person, { first: 2 });
      expect(first.nodes.map((n) => n.row.id)).toEqual([ids[2], ids[1]]);
      expect(first.hasNextPage).toBe(true);
      expect(await first.count()).toBe(3);
      const second = await service().mine(person, { first: 2, after: first.endCursor });
      expect(second.nodes.map((n) => n.row.id)).toEqual([ids[0]]);
      expect(second.hasNextPage).toBe(false);
      const cancelled = await service().mine(person, { status: ['CANCELLED'] });
      expect(cancelled.nodes.map((n) => n.row.id)).toEqual([ids[1]]);
      expect(await codeOf(service().mine({ role: 'public' }, {}))).toBe('FORBIDDEN');
      expect(await codeOf(service().mine(person, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
      expect(await codeOf(service().mine(person, { first: 101 }))).toBe('BAD_USER_INPUT');
    } finally {
      now = saved;
    }
  });

  it('an archive lists the requests it holds (incoming) and those submitted at it (outgoing), for its own archivists and admins', async () => {
    const { id } = await submitted();
    const incoming = await service().forArchive(HOLDING_CLERK, HOLDING, 'incoming', { first: 100, status: ['SUBMITTED'] });
    expect(incoming.nodes.map((n) => n.row.id)).toContain(id);
    expect(incoming.nodes.every((n) => n.row.status === 'SUBMITTED' && n.personalDataVisible)).toBe(true);
    const outgoing = await service().forArchive(RECEIVING_CLERK, RECEIVING, 'outgoing', { first: 100 });
    expect(outgoing.nodes.map((n) => n.row.id)).toContain(id);
    expect((await service().forArchive(RECEIVING_CLERK, RECEIVING, 'incoming', { first: 100 })).nodes).toEqual([]);
    const admin = await service().forArchive(ADMIN, HOLDING, 'incoming', { first: 1 });
    expect(admin.nodes[0]!.personalDataVisible).toBe(false);
    for (const outsider of [RECEIVING_CLERK, REQUESTER, SUPERVISOR]) {
      expect(await codeOf(service().forArchive(outsider, HOLDING, 'incoming', {}))).toBe('FORBIDDEN');
    }
  });
});
