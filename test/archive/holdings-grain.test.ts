/**
 * The holdings summary reads materialised counters (holdings_grain); every write to records or
 * digital copies must show in the next summary, whoever asks. Each
 * check compares the summary with the same counters computed straight over the records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CITY, PUBLIC, seedCatalogue, startArchiveWorld, type ArchiveWorld, type SeededCatalogue } from './fixture.js';

let world: ArchiveWorld;
let seeded: SeededCatalogue;

const COUNTERS = 'files items openFiles openItems fileLevelEntries itemLevelEntries itemLevelCatalogued digitised digitalPages digitalBytes electronic';
const QUERY = `{ holdings(archive: "${CITY}") { complete total { ${COUNTERS} } byCategory { category counters { files items } } byYear { year counters { files items } } } }`;

/** The counters computed over the records themselves, as the summary defines them. */
async function countedOverRecords() {
  const [row] = await world.sql(
    CITY,
    `with copies as (select record_id, sum(pages) as pages, sum(bytes) as bytes from $schema.digital_object group by record_id),
          r as (select r.*, (r.level = 'FILE' or r.parent_id is null) as holding, (r.level = 'ITEM' and r.parent_id is null) as standalone,
                       c.record_id is not null as has_copy, coalesce(c.pages, 0) as copy_pages, coalesce(c.bytes, 0) as copy_bytes,
                       exists (select 1 from $schema.record i where i.parent_id = r.id) as has_items
                  from $schema.record r left join copies c on c.record_id = r.id)
     select count(*) filter (where level = 'FILE')::int as files, count(*) filter (where standalone)::int as items,
            count(*) filter (where level = 'FILE' and access = 'OPEN')::int as "openFiles",
            count(*) filter (where standalone and access = 'OPEN')::int as "openItems",
            count(*) filter (where level = 'FILE')::int as "fileLevelEntries", count(*) filter (where level = 'ITEM')::int as "itemLevelEntries",
            count(*) filter (where standalone or (level = 'FILE' and has_items))::int as "itemLevelCatalogued",
            count(*) filter (where holding and has_copy)::int as digitised, coalesce(sum(copy_pages), 0)::int as "digitalPages",
            coalesce(sum(copy_bytes), 0)::float8 as "digitalBytes", count(*) filter (where holding and electronic)::int as electronic
       from r`,
  );
  return row;
}

async function expectSummaryToFollowTheRecords(): Promise<void> {
  const counted = await countedOverRecords();
  for (const caller of [ADMIN, PUBLIC]) {
    const result = await world.graphql(caller, QUERY);
    expect(result.errors).toBeUndefined();
    const holdings = result.data.holdings;
    expect(holdings.complete).toBe(true);
    expect(holdings.total).toEqual(counted);
    const files = (rows: { counters: { files: number } }[]) => rows.reduce((s, r) => s + r.counters.files, 0);
    expect(files(holdings.byCategory)).toBe(holdings.total.files);
    if (caller === ADMIN) expect(files(holdings.byYear)).toBe(holdings.total.files);
  }
}

beforeAll(async () => {
  world = await startArchiveWorld('grain');
  seeded = await seedCatalogue(world, CITY);
});

afterAll(async () => {
  await world?.close();
});

describe('holdings from materialised counters follow every write', () => {
  it('match the records after they are written', async () => {
    await expectSummaryToFollowTheRecords();
  });

  it('count a new file and its first item (it becomes catalogued at item level)', async () => {
    const [file] = await world.sql(
      CITY,
      `insert into $schema.record (fonds_id, level, reference_code, title, year, retention, access, category)
       values (?, 'FILE', 'J002-WS·1990-Y-MZJ-0100', '民政局1990年救灾卷', 1990, 'PERMANENT', 'OPEN', 'ADMINISTRATIVE') returning id`,
      [seeded.fonds.J002],
    );
    await expectSummaryToFollowTheRecords();
    await world.sql(
      CITY,
      `insert into $schema.record (fonds_id, parent_id, level, reference_code, title, year, retention, access, category)
       values (?, ?, 'ITEM', 'J002-WS·1990-Y-MZJ-0100-001', '关于救灾款发放的通知', 1990, 'PERMANENT', 'DELAYED', 'ADMINISTRATIVE')`,
      [seeded.fonds.J002, file.id],
    );
    await expectSummaryToFollowTheRecords();
  });

  it('count an item opened by review, a new digital copy, a removed copy and a removed record', async () => {
    await world.sql(CITY, `update $schema.record set access = 'OPEN' where id = ?`, [seeded.records.i2]);
    await expectSummaryToFollowTheRecords();
    await world.sql(CITY, `insert into $schema.digital_object (record_id, format, pages, bytes, sha256) values (?, 'PDF', 7, 700, ?)`, [seeded.records.s3, 'c'.repeat(64)]);
    await expectSummaryToFollowTheRecords();
    await world.sql(CITY, `delete from $schema.digital_object where record_id = ?`, [seeded.records.f2]);
    await expectSummaryToFollowTheRecords();
    await world.sql(CITY, `delete from $schema.record where id = ?`, [seeded.records.s2]);
    await expectSummaryToFollowTheRecords();
  });

  it('recompute the grain only when a write left it behind', async () => {
    await world.graphql(ADMIN, QUERY);
    const [before] = await world.sql(CITY, `select refreshed_version from $schema.holdings_grain_state`);
    await world.graphql(PUBLIC, QUERY);
    const [after] = await world.sql(CITY, `select refreshed_version from $schema.holdings_grain_state`);
    expect(after.refreshed_version).toBe(before.refreshed_version);
    await world.sql(CITY, `update $schema.record set electronic = true where id = ?`, [seeded.records.s4]);
    await expectSummaryToFollowTheRecords();
    const [moved] = await world.sql(CITY, `select refreshed_version from $schema.holdings_grain_state`);
    expect(Number(moved.refreshed_version)).toBeGreaterThan(Number(before.refreshed_version));
  });
});
