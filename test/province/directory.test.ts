import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ARCHIVIST, codesOf, PUBLIC, startProvince, SUPERVISOR, type ProvinceFixture } from './province-fixture.js';

const REGISTER = `mutation Register($input: RegisterArchiveInput!) {
  registerArchive(input: $input) {
    id name level region { code name }
    directory { status lastSeenAt contractVersion registeredAt retired retiredAt }
  }
}`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateArchiveInput!) { updateArchive(id: $id, input: $input) { id name directory { status retired } } }`;
const RETIRE = `mutation Retire($id: ID!) { retireArchive(id: $id) { id directory { retired retiredAt } } }`;
const SHARDS = `{ shardDirectory { version shards { archive endpoint } } }`;

function registration(id: string, name: string, region = id, endpoint = `http://10.0.0.1:4001/graphql?archive=${id}`) {
  const level = id.endsWith('0000') ? 'PROVINCE' : id.endsWith('00') ? 'CITY' : 'COUNTY';
  return { id, name, level, region, endpoint };
}

describe('network directory through GraphQL', () => {
  let province: ProvinceFixture;

  async function shardDirectory() {
    const answer = await province.call<{ shardDirectory: { version: string; shards: { archive: string; endpoint: string }[] } }>(SHARDS);
    expect(answer.errors).toBeUndefined();
    return answer.data!.shardDirectory;
  }

  beforeAll(async () => {
    province = await startProvince('provdir');
  });

  afterAll(async () => {
    await province.teardown();
  });

  it('registers an archive as admin, UNKNOWN until probed, and changes the directory version', async () => {
    const before = await shardDirectory();
    const answer = await province.call(REGISTER, { input: registration('360100', '南昌市档案馆') }, ADMIN);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.registerArchive).toMatchObject({
      id: '360100',
      name: '南昌市档案馆',
      level: 'CITY',
      region: { code: '360100', name: '南昌市' },
      directory: { status: 'UNKNOWN', lastSeenAt: null, contractVersion: null, retired: false, retiredAt: null },
    });
    expect(Date.parse(answer.data!.registerArchive.directory.registeredAt)).not.toBeNaN();
    const after = await shardDirectory();
    expect(after.version).not.toBe(before.version);
    expect(after.shards).toEqual([{ archive: '360100', endpoint: 'http://10.0.0.1:4001/graphql?archive=360100' }]);
  });

  it('refuses to register an archive that is already registered and active, with CONFLICT', async () => {
    const before = await shardDirectory();
    const answer = await province.call(REGISTER, { input: registration('360100', '又一个南昌市档案馆') });
    expect(codesOf(answer)).toEqual(['CONFLICT']);
    expect(answer.errors![0]!.message).toMatch(/360100.*already registered/);
    expect(await shardDirectory()).toEqual(before);
  });

  it.each([
    ['a malformed archive code', registration('36010', '南昌市档案馆'), /Malformed archive id "36010"/],
    ['an unknown region', registration('369900', '某档案馆', '369900'), /369900 is not a region .*江西省/],
    ['a malformed region code', registration('360102', '东湖区档案馆', 'east-lake'), /Malformed region code "east-lake"/],
    ['an archive outside its region', registration('360202', '昌江区档案馆', '360100'), /360202 does not lie within region 360100/],
    ['an endpoint that is not a URL', registration('360102', '东湖区档案馆', '360102', 'shard-7'), /"shard-7" is not a URL/],
    ['an endpoint that is not http(s)', registration('360102', '东湖区档案馆', '360102', 'ftp://10.0.0.2/graphql'), /http or https URL, not ftp/],
    ['an empty name', registration('360102', '  ', '360102'), /name \(馆名\) must not be empty/],
  ])('refuses %s with BAD_USER_INPUT and a clear message', async (_case, input, message) => {
    const before = await shardDirectory();
    const answer = await province.call(REGISTER, { input });
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0]!.message).toMatch(message);
    expect(await shardDirectory()).toEqual(before);
  });

  it('updates an archive name and endpoint as admin, bumping the version', async () => {
    const before = await shardDirectory();
    const answer = await province.call(UPDATE, { id: '360100', input: { name: '南昌市档案馆（新馆）', endpoint: 'https://10.0.0.9/graphql' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.updateArchive).toEqual({ id: '360100', name: '南昌市档案馆（新馆）', directory: { status: 'UNKNOWN', retired: false } });
    const after = await shardDirectory();
    expect(after.version).not.toBe(before.version);
    expect(after.shards).toEqual([{ archive: '360100', endpoint: 'https://10.0.0.9/graphql' }]);
  });

  it('refuses updates of an unknown archive (NOT_FOUND), with nothing to change or a bad endpoint (BAD_USER_INPUT)', async () => {
    const before = await shardDirectory();
    const unknown = await province.call(UPDATE, { id: '360199', input: { name: 'x' } });
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors![0]!.message).toMatch(/No archive 360199/);
    const nothing = await province.call(UPDATE, { id: '360100', input: {} });
    expect(codesOf(nothing)).toEqual(['BAD_USER_INPUT']);
    expect(nothing.errors![0]!.message).toMatch(/Nothing to change/);
    const badEndpoint = await province.call(UPDATE, { id: '360100', input: { endpoint: 'file:///etc/passwd' } });
    expect(codesOf(badEndpoint)).toEqual(['BAD_USER_INPUT']);
    expect(await shardDirectory()).toEqual(before);
  });

  it('lets only an admin change the directory: public, archivist and supervisor get FORBIDDEN and change nothing', async () => {
    const before = await shardDirectory();
    for (const identity of [PUBLIC, ARCHIVIST, SUPERVISOR]) {
      const register = await province.call(REGISTER, { input: registration('360102', '东湖区档案馆') }, identity);
      const update = await province.call(UPDATE, { id: '360100', input: { name: '改名' } }, identity);
      const retire = await province.call(RETIRE, { id: '360100' }, identity);
      for (const answer of [register, update, retire]) {
        expect(codesOf(answer)).toEqual(['FORBIDDEN']);
        expect(answer.errors![0]!.message).toMatch(/Only an admin/);
        expect(Object.values(answer.data ?? {})).toEqual([null]);
      }
    }
    expect(await shardDirectory()).toEqual(before);
    const listing = await province.call(`{ archives(includeRetired: true) { id name } }`, {}, PUBLIC);
    expect(listing.data!.archives).toEqual([{ id: '360100', name: '南昌市档案馆（新馆）' }]);
  });

  it('retires an archive: the entry stays, marked retired, and leaves the shard directory', async () => {
    await province.call(REGISTER, { input: registration('360102', '东湖区档案馆', '360102', 'http://10.0.0.2:4001/graphql') });
    const before = await shardDirectory();
    expect(before.shards.map((s) => s.archive)).toEqual(['360100', '360102']);

    const answer = await province.call(RETIRE, { id: '360102' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.retireArchive.directory.retired).toBe(true);
    expect(Date.parse(answer.data!.retireArchive.directory.retiredAt)).not.toBeNaN();

    const after = await shardDirectory();
    expect(after.version).not.toBe(before.version);
    expect(after.shards).toEqual([{ archive: '360100', endpoint: 'https://10.0.0.9/graphql' }]);

    const active = await province.call(`{ archives { id } }`);
    expect(active.data!.archives).toEqual([{ id: '360100' }]);
    const all = await province.call(`{ archives(includeRetired: true) { id directory { retired } } }`);
    expect(all.data!.archives).toEqual([
      { id: '360100', directory: { retired: false } },
      { id: '360102', directory: { retired: true } },
    ]);
  });

  it('refuses to retire or update a retired archive with CONFLICT, and registers it again', async () => {
    const retire = await province.call(RETIRE, { id: '360102' });
    expect(codesOf(retire)).toEqual(['CONFLICT']);
    expect(retire.errors![0]!.message).toMatch(/360102.*retired/);
    const update = await province.call(UPDATE, { id: '360102', input: { name: '东湖区档案馆' } });
    expect(codesOf(update)).toEqual(['CONFLICT']);

    const before = await shardDirectory();
    const again = await province.call(REGISTER, { input: registration('360102', '东湖区档案馆', '360102', 'http://10.0.0.3:4001/graphql') });
    expect(again.errors).toBeUndefined();
    expect(again.data!.registerArchive.directory).toMatchObject({ retired: false, retiredAt: null, status: 'UNKNOWN' });
    const after = await shardDirectory();
    expect(after.version).not.toBe(before.version);
    expect(after.shards).toContainEqual({ archive: '360102', endpoint: 'http://10.0.0.3:4001/graphql' });
  });

  it('lists archives of a region and every region below it, filtered by status', async () => {
    await province.call(REGISTER, { input: registration('360000', '江西省档案馆') });
    await province.call(REGISTER, { input: registration('360202', '昌江区档案馆') });
    const nanchang = await province.call(`{ archives(region: "360100") { id } }`, {}, PUBLIC);
    expect(nanchang.data!.archives).toEqual([{ id: '360100' }, { id: '360102' }]);
    const whole = await province.call(`{ archives(region: "360000") { id } }`, {}, PUBLIC);
    expect(whole.data!.archives.map((a: { id: string }) => a.id)).toEqual(['360000', '360100', '360102', '360202']);
    const up = await province.call(`{ archives(status: UP) { id } }`, {}, PUBLIC);
    expect(up.data!.archives).toEqual([]);
    const unknown = await province.call(`{ archives(status: UNKNOWN, region: "360200") { id } }`, {}, PUBLIC);
    expect(unknown.data!.archives).toEqual([{ id: '360202' }]);
    const missing = await province.call(`{ archives(region: "369900") { id } }`, {}, PUBLIC);
    expect(codesOf(missing)).toEqual(['NOT_FOUND']);
  });

  it('answers the region tree: province, region, regions by level, parent, children and archives', async () => {
    const answer = await province.call(
      `{
        province { code name level parent { code } children { code } archives { id } }
        nanchang: region(code: "360100") { name level parent { code } children { code level } archives { id name level } }
        county: region(code: "360102") { name level parent { name } children { code } archives { id } }
        none: region(code: "369900") { code }
        cities: regions(level: CITY) { code }
        all: regions { code }
      }`,
      {},
      PUBLIC,
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data!;
    expect(data.province).toMatchObject({ code: '360000', name: '江西省', level: 'PROVINCE', parent: null });
    expect(data.province.children).toHaveLength(11);
    expect(data.province.archives.map((a: { id: string }) => a.id)).toEqual(['360000', '360100', '360102', '360202']);
    expect(data.nanchang).toMatchObject({ name: '南昌市', level: 'CITY', parent: { code: '360000' } });
    expect(data.nanchang.children.every((c: { level: string }) => c.level === 'COUNTY')).toBe(true);
    expect(data.nanchang.archives).toEqual([
      { id: '360100', name: '南昌市档案馆（新馆）', level: 'CITY' },
      { id: '360102', name: '东湖区档案馆', level: 'COUNTY' },
    ]);
    expect(data.county).toEqual({ name: '东湖区', level: 'COUNTY', parent: { name: '南昌市' }, children: [], archives: [{ id: '360102' }] });
    expect(data.none).toBeNull();
    expect(data.cities).toHaveLength(11);
    expect(data.all).toHaveLength(112);
    expect(data.all[0]).toEqual({ code: '360000' });

    const malformed = await province.call(`{ region(code: "36") { code } }`, {}, PUBLIC);
    expect(codesOf(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});
