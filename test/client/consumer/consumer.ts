// A developer's code against lantai/client, type-checked by test/client/types.test.ts with the
// settings of consumer/tsconfig.json (those README "Writing a client" names). Each expected
// error below marks a mistake the types must catch: were they loose, the line would compile
// and tsc would report the directive itself as unused (TS2578).
import { createClient, pages, ArchiveRecordsDocument, RecordWithCopiesDocument, SearchCatalogueDocument, SubmitAccessRequestDocument, type LantaiError } from 'lantai/client';

const client = createClient({ url: 'http://127.0.0.1:4000/graphql' });

export async function consumer(): Promise<string[]> {
  const { data, errors } = await client.request(SearchCatalogueDocument, { query: '婚姻登记', first: 10 });
  const titles: string[] = data?.searchCatalogue ? data.searchCatalogue.hits.map((hit) => hit.record?.title ?? '') : [];
  // @ts-expect-error a misspelt field of the result
  titles.push(data!.searchCatalogue.totalCuont);
  // @ts-expect-error a field the document does not select
  titles.push(data!.searchCatalogue.hits[0]!.record!.remarks);
  // @ts-expect-error a variable of the wrong type
  await client.request(SearchCatalogueDocument, { first: '10' });
  // @ts-expect-error a variable the operation does not declare
  await client.request(SearchCatalogueDocument, { text: '婚姻登记' });
  // @ts-expect-error a required variable left out
  await client.request(RecordWithCopiesDocument, {});
  // @ts-expect-error required variables left out altogether
  await client.request(RecordWithCopiesDocument);
  // @ts-expect-error an enum value the schema does not have
  await client.request(ArchiveRecordsDocument, { archive: '360100', filter: { categories: ['WEDDING'] } });
  await client.request(SubmitAccessRequestDocument, {
    idempotencyKey: 'k',
    // @ts-expect-error an input object missing its required fields
    input: { receivingArchive: '360100', holdingArchive: '360200' },
  });
  // @ts-expect-error data may be null: the answer may carry only errors
  titles.push(data.searchCatalogue.partial ? 'partial' : 'whole');

  for (const error of errors) {
    if (error.code === 'ARCHIVE_UNAVAILABLE') titles.push(error.archive);
    if (error.code === 'RATE_LIMITED') titles.push(String(error.retryAfterSeconds));
    // @ts-expect-error only ARCHIVE_UNAVAILABLE names an archive
    if (error.code === 'FORBIDDEN') titles.push(error.archive);
    // @ts-expect-error a code that is not documented
    if (error.code === 'ARCHIVE_DOWN') titles.push(error.message);
  }
  const unknown: LantaiError = { code: 'NOT_FOUND', message: '档号 not found' };
  titles.push(unknown.message);

  for await (const { page } of pages(client, ArchiveRecordsDocument, { archive: '360100', first: 20 }, (result) => result.archive?.records)) {
    titles.push(...page.nodes.map((record) => record.referenceCode));
    // @ts-expect-error a page has the selected connection's fields only
    titles.push(page.edges);
  }
  // @ts-expect-error pages walks only a connection with pageInfo
  pages(client, ArchiveRecordsDocument, { archive: '360100' }, (result) => result.archive?.name);

  const imported = await client.importCatalogue({
    archive: '360124',
    file: new Uint8Array(),
    fileName: '目录.csv',
    dryRun: true,
    mapping: { columns: { 文件题名: 'title' } },
    onProgress: (progress) => titles.push(progress.phase),
  });
  if (imported.report) titles.push(String(imported.report.added));
  // @ts-expect-error the report may be null: the import may have been refused
  titles.push(String(imported.report.rejected));
  // @ts-expect-error a mapping names the import's fields only
  await client.importCatalogue({ archive: '360124', file: new Uint8Array(), fileName: '目录.csv', mapping: { columns: { 题名: 'heading' } } });
  return titles;
}
