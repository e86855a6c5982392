/**
 * completeListSize, the size of a list a harvester is told on its first page: it is the
 * number of items the list then holds, whether the archive's holdings counters are current
 * (they are summed) or behind a change (the records are counted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFeed, readFeed, type FeedScope, type FeedSelection } from '../../subgraphs/archive/oai/feed.js';
import { CATALOGUE, CITY, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from '../archive/fixture.js';

const SCHEMA = `archive_${CITY}`;
const END = new Date('9999-12-31T00:00:00Z');

let world: ArchiveWorld;
let seeded: SeededCatalogue;

beforeAll(async () => {
  world = await startArchiveWorld('oaicount', [CITY]);
  seeded = await seedCatalogue(world, CITY);
});

afterAll(async () => {
  await world?.close();
});

function scope(): FeedScope {
  return { archive: CITY, schema: SCHEMA, em: world.orm.em.fork() as FeedScope['em'] };
}

async function countersCurrent(): Promise<boolean> {
  const [row] = await world.sql<{ current: boolean }>(
    CITY,
    `select (select version from ${SCHEMA}.holdings_version) = (select refreshed_version from ${SCHEMA}.holdings_grain_state) as current`,
  );
  return row!.current;
}

/** Every selection a whole harvest can make: the archive, each category, each fonds. */
async function selections(): Promise<FeedSelection[]> {
  const fonds = await world.sql<{ id: number }>(CITY, `select id from ${SCHEMA}.fonds`);
  const categories = [...new Set(CATALOGUE.map((record) => record.category))] as FeedSelection['category'][];
  return [
    { from: null, before: END },
    ...categories.map((category) => ({ from: null, before: END, category })),
    ...fonds.map(({ id }) => ({ from: null, before: END, fondsId: id })),
  ];
}

async function expectCountsToBeTheLists(): Promise<void> {
  for (const selection of await selections()) {
    const items = await readFeed(scope(), selection, null, 10_000);
    expect(await countFeed(scope(), selection), JSON.stringify(selection)).toBe(items.length);
  }
}

describe('completeListSize', () => {
  it('is the size of the list when the holdings counters are current', async () => {
    await world.sql(CITY, `select ${SCHEMA}.refresh_holdings_grain()`);
    expect(await countersCurrent()).toBe(true);
    await expectCountsToBeTheLists();
  });

  it('is the size of the list when a record has opened since the counters were made, and again once they are', async () => {
    await world.sql(CITY, `update ${SCHEMA}.record set access = 'OPEN' where id = ?`, [seeded.records['s1']]);
    expect(await countersCurrent()).toBe(false);
    await expectCountsToBeTheLists();
    const whole = await countFeed(scope(), { from: null, before: END });
    expect(whole).toBe(CATALOGUE.filter((record) => record.access === 'OPEN').length + 1);

    await world.sql(CITY, `select ${SCHEMA}.refresh_holdings_grain()`);
    expect(await countersCurrent()).toBe(true);
    await expectCountsToBeTheLists();
  });
});
