/**
 * One catalogue import in a process of its own, for the bench's import scenario: it prints the
 * import's report and the process's peak resident memory as JSON, so the memory measured is
 * the import's alone, not the bench's.
 *
 *   node --import tsx bench/import-child.ts <database url> <archive> <file>
 */
import pg from 'pg';
import { importCatalogueFile } from '../subgraphs/archive/catalogue-import/import.js';

const [url, archive, file] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const report = await importCatalogueFile(client, file!, { archive: archive!, importedBy: 'bench' });
  // resourceUsage().maxRSS is in kilobytes.
  console.log(JSON.stringify({ report: { ...report, rejections: [] }, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
} finally {
  await client.end();
}
