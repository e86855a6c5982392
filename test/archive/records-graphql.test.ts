import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CITY, COUNTY, PUBLIC, archivistOf, startArchiveWorld, type ArchiveWorld } from './fixture.js';

let world: ArchiveWorld;
const archivist = archivistOf(CITY);

beforeAll(async () => {
  world = await startArchiveWorld('crud', [CITY, COUNTY]);
});

afterAll(async () => {
  await world?.close();
});

const CREATE_FONDS = `mutation($archive: ID!, $input: FondsInput!) { createFonds(archive: $archive, input: $input) { id fondsCode name creator startYear endYear } }`;
const CREATE_RECORD = `mutation($fonds: ID!, $input: RecordInput!) {
  createRecord(fonds: $fonds, input: $input) { id level referenceCode title access classification electronic year date parent { id } fonds { id } }
}`;
const READ_RECORD = `query($id: ID!) { record(id: $id) {
  id referenceCode title author date year retention classification access category pages electronic remarks level
  fonds { id fondsCode } parent { id } items { totalCount nodes { id } }
  digitalObjects { id format pages bytes sha256 record { id } } hasDigitalCopy
  openReviews { previousAccess decidedAccess reason reviewer decidedOn recordedBy recordedAt }
} }`;

async function createFonds(fondsCode: string) {
  const result = await world.graphql(archivist, CREATE_FONDS, {
    archive: CITY,
    input: { fondsCode, name: '南昌市财政局', creator: '南昌市财政局', startYear: 1950, endYear: 2000 },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createFonds.id as string;
}

const fileInput = (referenceCode: string) => ({
  level: 'FILE',
  referenceCode,
  title: '一九五六年财政决算',
  year: 1956,
  date: '1956-12-31',
  retention: 'PERMANENT',
  category: 'ACCOUNTING',
  pages: 42,
});

describe('creating, updating and reading through GraphQL', () => {
  it('an archivist creates a fonds, a file and an item in it, and reads them back', async () => {
    const fonds = await createFonds('J101');
    expect(fonds).toMatch(/^360100:Fonds:\d+$/);

    const file = await world.graphql(archivist, CREATE_RECORD, { fonds, input: fileInput('J101-KJ·1956-Y-0001') });
    expect(file.errors).toBeUndefined();
    expect(file.data.createRecord).toMatchObject({
      level: 'FILE',
      referenceCode: 'J101-KJ·1956-Y-0001',
      access: 'UNREVIEWED',
      classification: 'NONE',
      electronic: false,
      date: '1956-12-31',
      parent: null,
      fonds: { id: fonds },
    });
    const fileId = file.data.createRecord.id as string;

    const item = await world.graphql(archivist, CREATE_RECORD, {
      fonds,
      input: { level: 'ITEM', parent: fileId, referenceCode: 'J101-KJ·1956-Y-0001-001', title: '决算说明', year: 1956, retention: 'PERMANENT', category: 'ACCOUNTING' },
    });
    expect(item.errors).toBeUndefined();
    expect(item.data.createRecord.parent).toEqual({ id: fileId });

    const read = await world.graphql(archivist, READ_RECORD, { id: fileId });
    expect(read.errors).toBeUndefined();
    expect(read.data.record).toMatchObject({
      id: fileId,
      title: '一九五六年财政决算',
      pages: 42,
      fonds: { id: fonds, fondsCode: 'J101' },
      items: { totalCount: 1, nodes: [{ id: item.data.createRecord.id }] },
      digitalObjects: [],
      hasDigitalCopy: false,
      openReviews: [],
    });
  });

  it('updates change only the fields given', async () => {
    const fonds = await createFonds('J102');
    const created = await world.graphql(archivist, CREATE_RECORD, { fonds, input: { ...fileInput('J102-KJ·1956-Y-0001'), remarks: '原件破损' } });
    const id = created.data.createRecord.id;
    const updated = await world.graphql(
      archivist,
      `mutation($id: ID!, $input: RecordUpdateInput!) { updateRecord(id: $id, input: $input) { title pages remarks author year date } }`,
      { id, input: { title: '一九五六年财政决算（修订）', author: '南昌市财政局', date: null } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateRecord).toEqual({ title: '一九五六年财政决算（修订）', pages: 42, remarks: '原件破损', author: '南昌市财政局', year: 1956, date: null });
    const read = await world.graphql(archivist, READ_RECORD, { id });
    expect(read.data.record.title).toBe('一九五六年财政决算（修订）');

    const fondsUpdate = await world.graphql(
      archivist,
      `mutation($id: ID!) { updateFonds(id: $id, input: { description: "财政局档案", endYear: 2005 }) { name startYear endYear description } }`,
      { id: fonds },
    );
    expect(fondsUpdate.data.updateFonds).toEqual({ name: '南昌市财政局', startYear: 1950, endYear: 2005, description: '财政局档案' });
  });

  it('an open review sets the access and keeps the history, oldest first', async () => {
    const fonds = await createFonds('J103');
    const created = await world.graphql(archivist, CREATE_RECORD, { fonds, input: fileInput('J103-KJ·1956-Y-0001') });
    const id = created.data.createRecord.id;
    const REVIEW = `mutation($id: ID!, $input: OpenReviewInput!) { reviewAccess(record: $id, input: $input) { id access } }`;

    const delayed = await world.graphql(archivist, REVIEW, { id, input: { access: 'DELAYED', reason: '涉及个人隐私', reviewer: '张三', decidedOn: '2024-01-10' } });
    expect(delayed.errors).toBeUndefined();
    expect(delayed.data.reviewAccess).toEqual({ id, access: 'DELAYED' });
    expect((await world.graphql(PUBLIC, READ_RECORD, { id })).data.record).toBeNull();

    const opened = await world.graphql(archivist, REVIEW, { id, input: { access: 'OPEN', reason: '已满二十五年，无限制内容', reviewer: '李四' } });
    expect(opened.data.reviewAccess.access).toBe('OPEN');

    const read = await world.graphql(archivist, READ_RECORD, { id });
    const reviews = read.data.record.openReviews;
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toMatchObject({ previousAccess: 'UNREVIEWED', decidedAccess: 'DELAYED', reason: '涉及个人隐私', reviewer: '张三', decidedOn: '2024-01-10', recordedBy: 'archivist-360100' });
    expect(reviews[1]).toMatchObject({ previousAccess: 'DELAYED', decidedAccess: 'OPEN', reviewer: '李四' });
    expect(reviews[1].decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(reviews[1].recordedAt)).not.toBeNaN();

    // Open now, the record is there for the public; its review history is not theirs to read.
    const publicRead = await world.graphql(PUBLIC, `query($id: ID!) { record(id: $id) { id access } }`, { id });
    expect(publicRead.data.record).toEqual({ id, access: 'OPEN' });
    const publicHistory = await world.graphql(PUBLIC, `query($id: ID!) { record(id: $id) { openReviews { reason } } }`, { id });
    expect(publicHistory.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('attaches digital copies and logs utilization visits', async () => {
    const fonds = await createFonds('J104');
    const created = await world.graphql(archivist, CREATE_RECORD, { fonds, input: fileInput('J104-KJ·1956-Y-0001') });
    const id = created.data.createRecord.id;
    const sha256 = 'ab'.repeat(32);
    const attached = await world.graphql(
      archivist,
      `mutation($id: ID!, $input: DigitalObjectInput!) { attachDigitalObject(record: $id, input: $input) { id format pages bytes sha256 record { id } } }`,
      { id, input: { format: 'ofd', pages: 42, bytes: 5_000_000_000, sha256 } },
    );
    expect(attached.errors).toBeUndefined();
    expect(attached.data.attachDigitalObject).toMatchObject({ format: 'OFD', pages: 42, bytes: 5_000_000_000, sha256, record: { id } });
    const read = await world.graphql(archivist, READ_RECORD, { id });
    expect(read.data.record.hasDigitalCopy).toBe(true);
    expect(read.data.record.digitalObjects).toHaveLength(1);

    const logged = await world.graphql(
      archivist,
      `mutation { logUtilization(archive: "360100", input: { date: "2024-05-01", visitors: 2, itemsProvided: 5, purpose: PERSONAL_AFFAIRS, channel: ONSITE }) { id date visitors itemsProvided purpose channel archive { id } } }`,
    );
    expect(logged.errors).toBeUndefined();
    expect(logged.data.logUtilization).toMatchObject({ date: '2024-05-01', visitors: 2, itemsProvided: 5, archive: { id: CITY } });
    const log = await world.graphql(archivist, `{ archive(id: "360100") { utilizations { totalCount nodes { id date } } } }`);
    expect(log.data.archive.utilizations.nodes).toContainEqual({ id: logged.data.logUtilization.id, date: '2024-05-01' });
    const publicLog = await world.graphql(PUBLIC, `{ archive(id: "360100") { utilizations { totalCount } } }`);
    expect(publicLog.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a duplicate 全宗号 or 档号 is a CONFLICT', async () => {
    const fonds = await createFonds('J105');
    const again = await world.graphql(archivist, CREATE_FONDS, { archive: CITY, input: { fondsCode: 'J105', name: '重复', creator: '重复' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain('全宗号 J105');

    await world.graphql(archivist, CREATE_RECORD, { fonds, input: fileInput('J105-KJ·1956-Y-0001') });
    const duplicate = await world.graphql(archivist, CREATE_RECORD, { fonds, input: fileInput('J105-KJ·1956-Y-0001') });
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(duplicate.errors?.[0]?.message).toContain('档号 J105-KJ·1956-Y-0001');
  });

  it("an item's parent must be a file of the same archive", async () => {
    const fonds = await createFonds('J106');
    const file = await world.graphql(archivist, CREATE_RECORD, { fonds, input: fileInput('J106-KJ·1956-Y-0001') });
    const item = await world.graphql(archivist, CREATE_RECORD, {
      fonds,
      input: { level: 'ITEM', parent: file.data.createRecord.id, referenceCode: 'J106-KJ·1956-Y-0001-001', title: '件', year: 1956, retention: 'D30', category: 'ACCOUNTING' },
    });
    const itemId = item.data.createRecord.id;
    const attempts = [
      { level: 'ITEM', parent: itemId },
      { level: 'ITEM', parent: '360121:Record:1' },
      { level: 'FILE', parent: file.data.createRecord.id },
    ];
    for (const [n, attempt] of attempts.entries()) {
      const result = await world.graphql(archivist, CREATE_RECORD, {
        fonds,
        input: { ...attempt, referenceCode: `J106-X-${n}`, title: '件', year: 1956, retention: 'D30', category: 'ACCOUNTING' },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('only the archive\'s own archivists may change it: FORBIDDEN for the public, admins and other archives', async () => {
    const fonds = await createFonds('J107');
    for (const caller of [PUBLIC, ADMIN, archivistOf(COUNTY), { role: 'supervisor' as const, region: '360000' }]) {
      const result = await world.graphql(caller, CREATE_RECORD, { fonds, input: fileInput('J107-KJ·1956-Y-0009') });
      expect(result.status).toBe(200);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toContain('360100');
      const fondsResult = await world.graphql(caller, CREATE_FONDS, { archive: CITY, input: { fondsCode: 'J999', name: 'x', creator: 'x' } });
      expect(fondsResult.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const rows = await world.sql(CITY, `select count(*)::int as n from $schema.record where reference_code = 'J107-KJ·1956-Y-0009'`);
    expect(rows[0].n).toBe(0);
  });

  it('one host serves several archives, each from its own schema through one pool', async () => {
    const county = archivistOf(COUNTY);
    const created = await world.graphql(county, CREATE_FONDS, { archive: COUNTY, input: { fondsCode: 'J101', name: '新建县档案', creator: '新建县人民政府' } }, COUNTY);
    expect(created.errors).toBeUndefined();
    expect(created.data.createFonds.id).toMatch(/^360121:Fonds:\d+$/);
    const cityFonds = await world.graphql(PUBLIC, `{ archive(id: "360100") { fonds { nodes { fondsCode name } } } }`);
    const countyFonds = await world.graphql(PUBLIC, `{ archive(id: "360121") { fonds { totalCount nodes { fondsCode name } } } }`, {}, COUNTY);
    expect(countyFonds.data.archive.fonds).toEqual({ totalCount: 1, nodes: [{ fondsCode: 'J101', name: '新建县档案' }] });
    expect(cityFonds.data.archive.fonds.nodes.find((f: { fondsCode: string }) => f.fondsCode === 'J101').name).toBe('南昌市财政局');
    // An archive asked for at another archive's endpoint is not there.
    expect((await world.graphql(PUBLIC, `{ archive(id: "360121") { id } }`)).data.archive).toBeNull();
    // A county archivist cannot write into the city archive through the county endpoint.
    const crossed = await world.graphql(county, CREATE_FONDS, { archive: CITY, input: { fondsCode: 'J777', name: 'x', creator: 'x' } }, COUNTY);
    expect(crossed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers 404 for an archive it does not host, and reports health', async () => {
    const response = await fetch(`http://127.0.0.1:${world.port}/archives/360199/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(404);
    const health = await fetch(`http://127.0.0.1:${world.port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'archive', archives: [CITY, COUNTY] });
  });
});
