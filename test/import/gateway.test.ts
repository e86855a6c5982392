/**
 * An imported catalogue through the gateway: a record imported without 开放状态 awaits review
 * (未审核), so the public finds it through no path (record, search, statistics), while the
 * archive's own archivists do; and what an import adds is counted at once, without a manual step.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogueFile } from '../../subgraphs/archive/catalogue-import/import.js';
import { archivistOf, PUBLIC, startCatalogueNetwork, type CatalogueNetwork } from '../province-search/catalogue-network.js';
import { fixtureFolder, ITEM_HEADER, itemRow, type FixtureFolder } from './fixtures.js';

const ARCHIVE = '360124';
let network: CatalogueNetwork;
let files: FixtureFolder;
const ids: Record<string, string> = {};

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'importgw', hosts: [[ARCHIVE]], withGateway: true });
  files = fixtureFolder();
  const path = files.text('目录.csv', [
    ITEM_HEADER,
    itemRow(1, { 档号: '0099-WS·2003-Y-BGS-0001', 全宗号: '0099', 题名: '兰台导入开放样本通知', 开放状态: '开放' }),
    itemRow(2, { 档号: '0099-WS·2003-Y-BGS-0002', 全宗号: '0099', 题名: '兰台导入未审样本通知', 开放状态: '' }),
  ], 'gb18030');
  const client = new pg.Client({ connectionString: network.database.url });
  await client.connect();
  try {
    expect(await importCatalogueFile(client, path, { archive: ARCHIVE, importedBy: 'tester' })).toMatchObject({ added: 2, written: true });
  } finally {
    await client.end();
  }
  for (const row of await network.sql(ARCHIVE, `select id, title from $schema.record where title like '兰台导入%'`)) ids[row.title] = `${ARCHIVE}:Record:${row.id}`;
});

afterAll(async () => {
  files?.remove();
  await network?.teardown();
});

const RECORD = `query R($id: ID!) { record(id: $id) { id title access } }`;
const SEARCH = `query S($query: String) { searchCatalogue(query: $query, first: 10) { totalCount hits { record { id title access } } } }`;
const STATISTICS = `query T($region: ID) { statistics(region: $region) { totals { items openItems } } }`;

describe('an imported catalogue through the gateway', () => {
  it('hides a record imported without 开放状态 from the public record field, and shows the open one', async () => {
    const hidden = await network.gateway$(PUBLIC, RECORD, { id: ids['兰台导入未审样本通知'] });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.record).toBeNull();
    const open = await network.gateway$(PUBLIC, RECORD, { id: ids['兰台导入开放样本通知'] });
    expect(open.data!.record).toMatchObject({ title: '兰台导入开放样本通知', access: 'OPEN' });
    const own = await network.gateway$(archivistOf(ARCHIVE), RECORD, { id: ids['兰台导入未审样本通知'] });
    expect(own.data!.record).toMatchObject({ title: '兰台导入未审样本通知', access: 'UNREVIEWED' });
  });

  it('finds only the open imported record in a public search, both for the archive\'s archivists', async () => {
    const found = await network.gateway$(PUBLIC, SEARCH, { query: '兰台导入' });
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchCatalogue.totalCount).toBe(1);
    expect(found.data!.searchCatalogue.hits.map((h: any) => h.record.title)).toEqual(['兰台导入开放样本通知']);
    const own = await network.gateway$(archivistOf(ARCHIVE), SEARCH, { query: '兰台导入' });
    expect(own.data!.searchCatalogue.totalCount).toBe(2);
  });

  it('counts the imported records in the statistics at once, the unreviewed one never as open', async () => {
    const [counts] = await network.sql(
      ARCHIVE,
      `select count(*)::int as items, (count(*) filter (where access = 'OPEN'))::int as "openItems" from $schema.record where level = 'ITEM' and parent_id is null`,
    );
    const own = await network.gateway$(archivistOf(ARCHIVE), STATISTICS, { region: ARCHIVE });
    expect(own.errors).toBeUndefined();
    expect(own.data!.statistics.totals).toEqual(counts);
    const open = await network.gateway$(PUBLIC, STATISTICS, { region: ARCHIVE });
    expect(open.data!.statistics.totals.openItems).toBe(counts.openItems);
  });
});
