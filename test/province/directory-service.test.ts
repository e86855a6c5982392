import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveNameOf, loadRegionTree } from '../../protocol/regions.js';
import { openProvinceDatabase, type ProvinceOrm } from '../../subgraphs/province/database.js';
import { Directory, type ArchiveRegistration } from '../../subgraphs/province/directory/directory.js';
import { RegionTree } from '../../subgraphs/province/directory/regions.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { ADMIN, ARCHIVIST } from './province-fixture.js';

function errorCode(error: unknown): unknown {
  return (error as { extensions?: { code?: unknown } }).extensions?.code;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('directory service', () => {
  let database: TestDatabase;
  let orm: ProvinceOrm;
  let regions: RegionTree;
  const directory = () => new Directory(orm.em.fork(), regions);

  const wholeNetwork: ArchiveRegistration[] = loadRegionTree('360000').map((region) => ({
    id: region.code,
    name: archiveNameOf(region),
    level: region.level,
    region: region.code,
    endpoint: `http://127.0.0.1:${region.level === 'COUNTY' ? 4002 : 4001}/graphql`,
  }));

  beforeAll(async () => {
    database = await createTestDatabase('provsvc');
    orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 8 });
    regions = await RegionTree.load(orm.em.fork());
  });

  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('registers nothing from a batch that names one archive twice, has an unknown level, or comes from a non-admin', async () => {
    const version = await directory().version();
    const twice = await rejectionOf(directory().registerMany(ADMIN, [wholeNetwork[1]!, wholeNetwork[2]!, wholeNetwork[1]!]));
    expect(errorCode(twice)).toBe('CONFLICT');
    const forbidden = await rejectionOf(directory().registerMany(ARCHIVIST, wholeNetwork));
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    const badLevel = await rejectionOf(directory().registerMany(ADMIN, [{ ...wholeNetwork[1]!, level: 'TOWN' as 'CITY' }]));
    expect(errorCode(badLevel)).toBe('BAD_USER_INPUT');
    expect((badLevel as Error).message).toMatch(/Unknown archive level \(级别\) "TOWN"/);
    expect(await directory().list({ includeRetired: true })).toEqual([]);
    expect(await directory().version()).toBe(version);
  });

  it('registers the 112 archives of the demo province at once, with one version change', async () => {
    const version = await directory().version();
    const entries = await directory().registerMany(ADMIN, wholeNetwork);
    expect(entries).toHaveLength(112);
    const after = await directory().version();
    expect(after).not.toBe(version);
    expect(after.split('-')[0]).toBe(String(Number(version.split('-')[0]) + 1));
    const shards = await directory().shardDirectory();
    expect(shards.version).toBe(after);
    expect(shards.shards).toHaveLength(112);
    expect(shards.shards[0]).toEqual({ archive: '360000', endpoint: 'http://127.0.0.1:4001/graphql' });
  });

  it('registers nothing from a batch in which one archive is already active', async () => {
    await directory().retire(ADMIN, '360102');
    const version = await directory().version();
    const error = await rejectionOf(directory().registerMany(ADMIN, [wholeNetwork.find((r) => r.id === '360102')!, wholeNetwork[0]!]));
    expect(errorCode(error)).toBe('CONFLICT');
    expect((error as Error).message).toMatch(/360000.*already registered/);
    expect(await directory().version()).toBe(version);
    const [retired] = await directory().entriesByCode(['360102']);
    expect(retired!.retiredAt).not.toBeNull();
  });

  it('lets exactly one of several simultaneous registrations of one archive win; the others get CONFLICT', async () => {
    await directory().retire(ADMIN, '360103');
    const registration = wholeNetwork.find((r) => r.id === '360103')!;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => directory().register(ADMIN, { ...registration, endpoint: `http://10.0.0.${i + 1}/graphql` })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected.map((o) => errorCode(o.reason))).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it('gives each region its own archives and those below it, from one query for many regions', async () => {
    const [province, nanchang, county, unknown] = await directory().activeEntriesBelow(['360000', '360100', '360121', '369999']);
    expect(province).toHaveLength(111);
    expect(nanchang!.map((e) => e.id)).toEqual(regions.subtreeCodes(regions.get('360100')!).filter((c) => c !== '360102').sort());
    expect(county!.map((e) => e.id)).toEqual(['360121']);
    expect(unknown).toEqual([]);
  });
});
