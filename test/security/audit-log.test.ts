/**
 * 查阅审计: reads of records that are not open are logged in their archive, with who, which
 * record, when and through which field, in one insert per request; reads of open records are
 * not; only the archive's own archivists read the log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entityId } from '../../protocol/ids.js';
import { ADMIN, CITY, COUNTY, PUBLIC, archivistOf, seedCatalogue, startArchiveWorld, supervisorOf, type ArchiveWorld, type SeededCatalogue } from '../archive/fixture.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
const ARCHIVIST = archivistOf(CITY);

const recordId = (key: string) => entityId(CITY, 'Record', seeded.records[key]!);

interface AuditRow {
  subject: string | null;
  role: string;
  record_id: number;
  access: string;
  field: string;
}

async function auditRows(): Promise<AuditRow[]> {
  return world.sql(CITY, 'select subject, role, record_id, access, field from $schema.audit_entry order by id');
}

beforeAll(async () => {
  world = await startArchiveWorld('audit', [CITY, COUNTY]);
  seeded = await seedCatalogue(world, CITY);
});

afterAll(async () => {
  await world?.close();
});

beforeEach(async () => {
  await world.sql(CITY, 'delete from $schema.audit_entry');
});

describe('the audit log of reads of records that are not open', () => {
  it('logs the archivist’s read of a delayed record through record(id), with who, what and the field', async () => {
    const result = await world.graphql(ARCHIVIST, 'query($id: ID!) { record(id: $id) { title access } }', { id: recordId('s1') });
    expect(result.data.record).toEqual({ title: '关于知青返城安置工作的请示', access: 'DELAYED' });
    expect(await auditRows()).toEqual([
      { subject: ARCHIVIST.sub, role: 'archivist', record_id: seeded.records.s1, access: 'DELAYED', field: 'Query.record' },
    ]);
  });

  it('logs the archivist’s read of a delayed record’s digital copy, even without its record', async () => {
    const [copy] = await world.sql(CITY, 'select id from $schema.digital_object where record_id = ?', [seeded.records.s1]);
    const id = entityId(CITY, 'DigitalObject', (copy as { id: number }).id);
    const result = await world.graphql(ARCHIVIST, 'query($id: ID!) { digitalObject(id: $id) { format sha256 } }', { id });
    expect(result.data.digitalObject.format).toBe('PDF');
    expect(await auditRows()).toEqual([
      { subject: ARCHIVIST.sub, role: 'archivist', record_id: seeded.records.s1, access: 'DELAYED', field: 'Query.digitalObject' },
    ]);
  });

  it('does not log reads of open records', async () => {
    const result = await world.graphql(ARCHIVIST, 'query($id: ID!) { record(id: $id) { title } }', { id: recordId('f2') });
    expect(result.data.record.title).toBe('二〇〇一年财政预算报告');
    expect(await auditRows()).toEqual([]);
  });

  it('logs each closed record of a connection page through that connection, in one insert for the whole request', async () => {
    const before = world.statements.length;
    const result = await world.graphql(
      ARCHIVIST,
      `query($id: ID!) { archive(id: $id) { records(first: 20) { nodes { id access } } } }`,
      { id: CITY },
    );
    const closed = (result.data.archive.records.nodes as { id: string; access: string }[]).filter((r) => r.access !== 'OPEN');
    expect(closed.map((r) => r.id).sort()).toEqual([recordId('i2'), recordId('s1'), recordId('s2')].sort());
    const rows = await auditRows();
    expect(rows.map((r) => [r.record_id, r.field, r.access]).sort()).toEqual(
      [
        [seeded.records.i2, 'Archive.records', 'DELAYED'],
        [seeded.records.s1, 'Archive.records', 'DELAYED'],
        [seeded.records.s2, 'Archive.records', 'UNREVIEWED'],
      ].sort(),
    );
    const inserts = world.statements.slice(before).filter((sql) => /insert into .*audit_entry/i.test(sql));
    expect(inserts).toHaveLength(1);
  });

  it('logs reads through _entities (search hits fetched by id), items, parent and the fonds’ records with their own field names', async () => {
    await world.graphql(
      ARCHIVIST,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Record { title } } }',
      { r: [{ __typename: 'Record', id: recordId('s2') }, { __typename: 'Record', id: recordId('f2') }] },
    );
    await world.graphql(ARCHIVIST, 'query($id: ID!) { record(id: $id) { items { nodes { title } } } }', { id: recordId('f1') });
    await world.graphql(ARCHIVIST, 'query($id: ID!) { fonds(id: $id) { records(first: 50) { edges { node { title } } } } }', {
      id: entityId(CITY, 'Fonds', seeded.fonds.J002),
    });
    const rows = await auditRows();
    expect(rows.map((r) => [r.record_id, r.field])).toEqual([
      [seeded.records.s2, 'Query._entities'],
      [seeded.records.i2, 'Record.items'],
      [seeded.records.s2, 'Fonds.records'],
    ]);
  });

  it('logs an admin’s read as the admin’s', async () => {
    await world.graphql(ADMIN, 'query($id: ID!) { record(id: $id) { title } }', { id: recordId('s2') });
    expect(await auditRows()).toEqual([
      { subject: ADMIN.sub, role: 'admin', record_id: seeded.records.s2, access: 'UNREVIEWED', field: 'Query.record' },
    ]);
  });

  it('logs a person’s read of a closed record granted to them (查阅授权), with their sub', async () => {
    const until = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    const granted = await world.graphql(
      ARCHIVIST,
      'mutation($input: RecordGrantInput!) { grantRecordAccess(archive: "360100", input: $input) }',
      { input: { sub: 'citizen-zhao', records: [recordId('s2')], until, request: 'REQ-AUDIT' } },
    );
    expect(granted.errors).toBeUndefined();
    await world.sql(CITY, 'delete from $schema.audit_entry');
    const result = await world.graphql({ role: 'public', sub: 'citizen-zhao' }, 'query($id: ID!) { record(id: $id) { title } }', { id: recordId('s2') });
    expect(result.data.record).toEqual({ title: '民政局社保经办情况统计' });
    expect(await auditRows()).toEqual([
      { subject: 'citizen-zhao', role: 'public', record_id: seeded.records.s2, access: 'UNREVIEWED', field: 'Query.record' },
    ]);
  });

  it('logs nothing when the public asks for a closed record, which it cannot see', async () => {
    const result = await world.graphql(PUBLIC, 'query($id: ID!) { record(id: $id) { title } }', { id: recordId('s1') });
    expect(result.data.record).toBeNull();
    expect(await auditRows()).toEqual([]);
  });

  it('does not count an archivist’s own mutation answer as a read', async () => {
    const result = await world.graphql(ARCHIVIST, 'mutation($id: ID!) { updateRecord(id: $id, input: { pages: 11 }) { pages } }', {
      id: recordId('s2'),
    });
    expect(result.data.updateRecord.pages).toBe(11);
    expect(await auditRows()).toEqual([]);
  });
});

describe('reading the audit log', () => {
  it('gives the archive’s archivists its entries, newest first, paged by cursor', async () => {
    for (const key of ['s1', 's2', 'i2']) {
      await world.graphql(ARCHIVIST, 'query($id: ID!) { record(id: $id) { title } }', { id: recordId(key) });
    }
    const query = `query($id: ID!, $after: String) { archive(id: $id) { auditLog(first: 2, after: $after) {
      totalCount nodes { readAt subject role recordId access field } pageInfo { hasNextPage endCursor } } } }`;
    const first = await world.graphql(ARCHIVIST, query, { id: CITY });
    expect(first.errors).toBeUndefined();
    const page = first.data.archive.auditLog;
    expect(page.totalCount).toBe(3);
    expect(page.nodes.map((n: { recordId: string }) => n.recordId)).toEqual([recordId('i2'), recordId('s2')]);
    expect(page.nodes[0]).toMatchObject({ subject: ARCHIVIST.sub, role: 'archivist', access: 'DELAYED', field: 'Query.record' });
    expect(Number.isNaN(Date.parse(page.nodes[0].readAt))).toBe(false);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await world.graphql(ARCHIVIST, query, { id: CITY, after: page.pageInfo.endCursor });
    expect(second.data.archive.auditLog.nodes.map((n: { recordId: string }) => n.recordId)).toEqual([recordId('s1')]);
    expect(second.data.archive.auditLog.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['the public', PUBLIC],
    ['an archivist of another archive', archivistOf(COUNTY)],
    ['an admin', ADMIN],
    ['a supervisor of the province', supervisorOf('360000')],
  ])('refuses %s with FORBIDDEN', async (_, identity) => {
    await world.graphql(ARCHIVIST, 'query($id: ID!) { record(id: $id) { title } }', { id: recordId('s1') });
    const result = await world.graphql(identity, 'query($id: ID!) { archive(id: $id) { auditLog { totalCount nodes { recordId } } } }', { id: CITY });
    expect(result.data.archive.auditLog).toBeNull();
    expect(result.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(result.errors![0]!.message).not.toContain(recordId('s1'));
  });

  it('refuses a forged cursor as BAD_USER_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify(['1 or 1=1'])).toString('base64url');
    const result = await world.graphql(ARCHIVIST, 'query($id: ID!, $a: String) { archive(id: $id) { auditLog(after: $a) { totalCount } } }', { id: CITY, a: forged });
    expect(result.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
