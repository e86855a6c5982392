/**
 * Scenario 4, work per request: for each typical query through the gateway, the SQL
 * statements every service sent and the calls the shards and the province received, counted
 * in-process with nothing else running. A search page's statements must not grow with its
 * size: the gateway fetches a page's records with one batched _entities call per archive on
 * the page, and each archive answers a batch with a fixed number of statements.
 */
import type { CountingNetwork, WorkCount } from '../counting-network.js';
import { atMost, type Row, type ScenarioResult } from '../report.js';
import { openRecordIds, pickThreeArchives } from './routing.js';
import { SEARCH_PAGE } from './search.js';
import { STATISTICS } from './statistics.js';

const RECORD = `query Record($id: ID!) { record(id: $id) { id referenceCode title year access category } }`;
const THREE = `query Three($a: ID!, $b: ID!, $c: ID!) {
  a: record(id: $a) { id referenceCode title } b: record(id: $b) { id referenceCode title } c: record(id: $c) { id referenceCode title }
}`;
const RECORDS_PAGE = `query Page($archive: ID!, $first: Int!) { archive(id: $archive) { name records(first: $first) { totalCount nodes {
  id referenceCode title year fonds { fondsCode name } hasDigitalCopy } } } }`;

export const SEARCH_PAGE_SIZES = [5, 20, 100] as const;

export async function workScenario(net: CountingNetwork, options: { query?: string } = {}): Promise<ScenarioResult> {
  const query = options.query ?? '通知';
  const rows: Row[] = [];
  const row = (label: string, count: WorkCount, extra: Record<string, number> = {}) => {
    rows.push({ label, ...count, ...extra });
    return count;
  };
  const three = pickThreeArchives({ codes: net.codes, hostOf: () => 0 });
  const ids = await Promise.all(three.map((code) => openRecordIds((_, q, v) => net.gateway(q, v), code)));

  // Cold first: nothing has asked the province for statistics yet in this process.
  row('statistics, cold cache', await net.count(() => net.gateway(STATISTICS)));
  row('statistics, warm cache', await net.count(() => net.gateway(STATISTICS)));
  await net.gateway(RECORD, { id: ids[0]![1] });
  row('record(id)', await net.count(() => net.gateway(RECORD, { id: ids[0]![0] })));
  row('three archives, one record each', await net.count(() => net.gateway(THREE, { a: ids[0]![0], b: ids[1]![0], c: ids[2]![0] })));
  for (const first of [5, 50]) {
    row(`archive records page of ${first}`, await net.count(() => net.gateway(RECORDS_PAGE, { archive: three[0], first })));
  }

  const scoped: WorkCount[] = [];
  for (const first of SEARCH_PAGE_SIZES) {
    let hits = 0;
    const count = await net.count(async () => {
      const data = await net.gateway(SEARCH_PAGE, { query, first, filter: { archives: [three[0]] } });
      hits = data.searchCatalogue.hits.length;
    });
    scoped.push(row(`search "${query}" in ${three[0]}, page of ${first}`, count, { hits }));
  }
  for (const first of SEARCH_PAGE_SIZES) {
    let hits = 0;
    let archivesOnPage = 0;
    const count = await net.count(async () => {
      const data = await net.gateway(SEARCH_PAGE, { query, first });
      hits = data.searchCatalogue.hits.length;
      archivesOnPage = new Set(data.searchCatalogue.hits.map((h: { archive: { id: string } }) => h.archive.id)).size;
    });
    row(`search "${query}" province-wide, page of ${first}`, count, { hits, archivesOnPage });
  }

  const growth = Math.max(...scoped.map((c) => c.sqlStatements)) - scoped[0]!.sqlStatements;
  return {
    scenario: 'work',
    title: `work per request (in-process network over the same database, ${net.codes.length} archives)`,
    rows,
    targets: [
      atMost(
        `SQL statements per search page do not grow with the page size (extra statements at ${SEARCH_PAGE_SIZES.at(-1)} hits vs ${SEARCH_PAGE_SIZES[0]}, one archive)`,
        growth,
        0,
        'statements',
      ),
    ],
    notes: [
      'sqlStatements counts every statement of every service (gateway, province, shards); shardCalls counts HTTP requests the archive host received (one host serves every archive here), provinceCalls those of the province; ms is the wall time with every service in this one process.',
      'province-wide pages: the province reads the catalogue versions of each archive host\'s archives (POST /archives/versions, one statement) for its cache of search answers, and, each page size being a search not yet cached, asks each host once for the top hits of all its archives (POST /archives/batch), whose archives’ searches run combined, up to 16 in one statement, then the gateway fetches the page with one _entities call per archive on the page.',
    ],
  };
}
