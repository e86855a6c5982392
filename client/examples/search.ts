// npm run example:search -- 婚姻登记
// 跨馆检索 through the gateway with the typed client: the first pages of hits, with the facets.
import { createClient, pages, SearchCatalogueDocument } from 'lantai/client';

const query = process.argv[2] ?? '婚姻登记';
const client = createClient({
  url: process.env.LANTAI_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
  token: process.env.LANTAI_TOKEN, // npm run token -- --role archivist --archive 360100
});

let shown = 0;
for await (const { page, errors } of pages(client, SearchCatalogueDocument, { query, first: 10 }, (data) => data.searchCatalogue)) {
  for (const error of errors) {
    if (error.code === 'ARCHIVE_UNAVAILABLE') console.warn(`${error.archive} 未响应 (did not answer); its records are missing`);
    else console.warn(`${error.code}: ${error.message}`);
  }
  if (shown === 0) {
    const total = page.countsAreExact ? `${page.totalCount}` : `${page.totalCount}+`;
    console.log(`「${query}」: ${total} records`);
    for (const { category, count } of page.facets.byCategory) console.log(`  ${category}: ${count}`);
  }
  for (const hit of page.hits) {
    const record = hit.record;
    console.log(`${hit.archive.name}  ${record?.referenceCode ?? '-'}  ${record?.title ?? '(archive did not answer)'}`);
  }
  shown += page.hits.length;
  if (shown >= 30) break;
}
