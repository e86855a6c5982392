/**
 * 查阅授权 in the holding archive: the internal grantRecordAccess mutation, and the visibility
 * policy letting exactly the grant's holder read exactly the granted records by id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '../../protocol/ids.js';
import type { Identity } from '../../protocol/identity.js';
import { chinaDate, endOfDayInChina } from '../../protocol/china-time.js';
import { ADMIN, CITY, COUNTY, PUBLIC, archivistOf, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from '../archive/fixture.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;
const GRANTEE: Identity = { role: 'public', sub: 'citizen-zhang' };
const STRANGER: Identity = { role: 'public', sub: 'citizen-li' };
const recordId = (key: string) => entityId(CITY, 'Record', seeded.records[key]!);
const inDays = (days: number) => chinaDate(Date.now() + days * 86_400_000);

const GRANT = `mutation($archive: ID!, $input: RecordGrantInput!) { grantRecordAccess(archive: $archive, input: $input) }`;
const READ = `query($id: ID!) { record(id: $id) { id title access digitalObjects { id sha256 } } }`;

beforeAll(async () => {
  world = await startArchiveWorld('grants', [CITY, COUNTY]);
  seeded = await seedCatalogue(world, CITY);
});

afterAll(async () => {
  await world?.close();
});

describe('read grants (查阅授权) in the holding archive', () => {
  it('a grant lasts to the end of its day in China Standard Time', () => {
    expect(endOfDayInChina('2026-03-01').toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('only the archive\'s own archivists may grant; anyone else gets FORBIDDEN and nothing is stored', async () => {
    const input = { sub: GRANTEE.sub, records: [recordId('s1')], until: inDays(10), request: 'req-forbidden' };
    for (const caller of [PUBLIC, GRANTEE, archivistOf(COUNTY), ADMIN]) {
      const result = await world.graphql(caller, GRANT, { archive: CITY, input });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await world.sql(CITY, `select * from $schema.record_grant`)).toEqual([]);
  });

  it('refuses a record of another archive or a missing one (NOT_FOUND), a past or far date (BAD_USER_INPUT), storing nothing', async () => {
    const archivist = archivistOf(CITY);
    const base = { sub: GRANTEE.sub, until: inDays(10), request: 'req-bad' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, records: [recordId('s1'), entityId(COUNTY, 'Record', 1)] }, 'NOT_FOUND'],
      [{ ...base, records: [entityId(CITY, 'Record', 999999)] }, 'NOT_FOUND'],
      [{ ...base, records: ['not-an-id'] }, 'BAD_USER_INPUT'],
      [{ ...base, records: [] }, 'BAD_USER_INPUT'],
      [{ ...base, records: [recordId('s1')], until: inDays(-1) }, 'BAD_USER_INPUT'],
      [{ ...base, records: [recordId('s1')], until: inDays(400) }, 'BAD_USER_INPUT'],
      [{ ...base, records: [recordId('s1')], until: '2026-02-30' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      const result = await world.graphql(archivist, GRANT, { archive: CITY, input });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    }
    expect(await world.sql(CITY, `select * from $schema.record_grant`)).toEqual([]);
  });

  it('lets the grantee, and nobody else, read the granted delayed record by id, through _entities and its digital copies', async () => {
    const before = await world.graphql(GRANTEE, READ, { id: recordId('s1') });
    expect(before.data.record).toBeNull();

    const granted = await world.graphql(archivistOf(CITY), GRANT, {
      archive: CITY,
      input: { sub: GRANTEE.sub, records: [recordId('s1')], until: inDays(10), request: 'req-1' },
    });
    expect(granted).toEqual({ status: 200, data: { grantRecordAccess: true } });

    const read = await world.graphql(GRANTEE, READ, { id: recordId('s1') });
    expect(read.data.record).toMatchObject({ id: recordId('s1'), access: 'DELAYED' });
    expect(read.data.record.digitalObjects).toHaveLength(1);
    const copy = await world.graphql(GRANTEE, `query($id: ID!) { digitalObject(id: $id) { id record { id } } }`, {
      id: read.data.record.digitalObjects[0].id,
    });
    expect(copy.data.digitalObject.record.id).toBe(recordId('s1'));

    const entities = await world.graphql(
      GRANTEE,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Record { id } } }`,
      { r: [recordId('s1'), recordId('s2'), recordId('i2')].map((id) => ({ __typename: 'Record', id })) },
    );
    // Only the granted record: the other closed records stay hidden.
    expect(entities.data._entities).toEqual([{ id: recordId('s1') }, null, null]);

    for (const other of [STRANGER, PUBLIC, archivistOf(COUNTY)]) {
      const hidden = await world.graphql(other, READ, { id: recordId('s1') });
      expect(hidden.data.record).toBeNull();
    }
    // The same person at another archive gains nothing there.
    const elsewhere = await world.graphql(GRANTEE, `{ record(id: "${entityId(COUNTY, 'Record', seeded.records.s1!)}") { id } }`, undefined, COUNTY);
    expect(elsewhere.data.record).toBeNull();
  });

  it('keeps listings and counts as the role allows: a grant opens reads by id only', async () => {
    const result = await world.graphql(GRANTEE, `{ archive(id: "360100") { records(first: 100, filter: { access: [DELAYED] }) { totalCount } } }`);
    expect(result.data.archive.records.totalCount).toBe(0);
  });

  it('granting again for the same request replaces the end date instead of adding rows', async () => {
    const input = { sub: GRANTEE.sub, records: [recordId('s1')], until: inDays(30), request: 'req-1' };
    await world.graphql(archivistOf(CITY), GRANT, { archive: CITY, input });
    const rows = await world.sql(CITY, `select expires_at from $schema.record_grant where request = 'req-1'`);
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0].expires_at).toISOString()).toBe(endOfDayInChina(inDays(30)).toISOString());
  });

  it('an ended grant shows nothing', async () => {
    await world.sql(CITY, `insert into $schema.record_grant (subject, record_id, expires_at, request, granted_by) values (?, ?, now() - interval '1 minute', 'req-old', 'x')`, [
      STRANGER.sub,
      seeded.records.s2,
    ]);
    const read = await world.graphql(STRANGER, READ, { id: recordId('s2') });
    expect(read.data.record).toBeNull();
  });
});
