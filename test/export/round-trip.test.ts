/**
 * Round trip: an archive's own CSV export, imported into an empty archive, brings back every
 * record, fonds and access status as it was (UTF-8 with BOM and GB18030 alike), titles that a
 * spreadsheet would run as formulas included: the export marks them as text, the import takes
 * the mark off.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNetwork } from '../../seeds/network.js';
import { importCatalogueFile } from '../../subgraphs/archive/catalogue-import/import.js';
import { archiveSchemaName, migrateArchive, openArchiveDatabase } from '../../subgraphs/archive/database.js';
import { writeCsv, type CsvEncoding } from '../../subgraphs/archive/export/export.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

const SOURCE = '360124';
let database: TestDatabase;
let orm: MikroORM;
let client: pg.Client;
let folder: string;

beforeAll(async () => {
  database = await createTestDatabase('exportroundtrip');
  await seedNetwork({ url: database.url, scale: 'small', seed: 1, archives: [SOURCE], existing: 'refuse' });
  orm = await openArchiveDatabase(database.url, { poolSize: 2 });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  folder = mkdtempSync(join(tmpdir(), 'lantai-roundtrip-'));
  // Titles and remarks a spreadsheet would take for formulas (CSV injection), in ASCII and full width.
  const schema = archiveSchemaName(SOURCE);
  await client.query(
    `update ${schema}.record r set title = v.title, remarks = v.remarks
       from (select id, row_number() over (order by id) as n from ${schema}.record order by id limit 5) t
       join (values (1, '=HYPERLINK("http://example.invalid","通知")', '+86 电话'), (2, '-附件目录', '@领导批示'),
                    (3, '＝全角等号', '＋全角'), (4, '@某局函', null), (5, '+1 补充', '-')) v(n, title, remarks) on v.n = t.n
      where r.id = t.id`,
  );
});

afterAll(async () => {
  await client?.end();
  await orm?.close(true);
  await database?.drop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const catalogue = async (code: string) =>
  (
    await client.query(
      `select r.reference_code, r.title, r.author, r.date::text, r.year, r.retention, r.classification, r.access, r.category, r.pages,
              r.remarks, r.level, p.reference_code as file, f.fonds_code, f.name as fonds_name
         from ${archiveSchemaName(code)}.record r join ${archiveSchemaName(code)}.fonds f on f.id = r.fonds_id
         left join ${archiveSchemaName(code)}.record p on p.id = r.parent_id order by r.reference_code`,
    )
  ).rows;

describe('CSV export, then import into an empty archive', () => {
  it.each([
    ['utf-8', '360125'],
    ['gb18030', '360126'],
  ] as [CsvEncoding, string][])('brings back every record, fonds and access status (%s)', async (encoding, target) => {
    const path = join(folder, `${SOURCE}-${encoding}.csv`);
    const schema = archiveSchemaName(SOURCE);
    const sink = createWriteStream(path);
    await writeCsv({ archive: SOURCE, schema, em: orm.em.fork({ schema }), viewer: { role: 'archivist', archive: SOURCE, sub: 'roundtrip' } }, sink, { encoding });
    sink.end();
    await finished(sink);

    await migrateArchive(orm, target);
    const report = await importCatalogueFile(client, path, { archive: target, importedBy: 'roundtrip' });
    expect(report.rejected).toBe(0);
    expect(report.ignoredColumns).toEqual(['导出范围']);
    if (encoding === 'utf-8') {
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""通知"")"`);
      expect(text).toContain(`,'-附件目录,`);
      expect(text).toContain(`,'＝全角等号,`);
      expect(text).not.toMatch(/,[=+@]/);
    }
    const original = await catalogue(SOURCE);
    expect(original.filter((row) => /^[=+\-@＝＋]/.test(row.title)).length).toBe(5);
    expect(original.length).toBeGreaterThan(0);
    expect(new Set(original.map((row) => row.access)).size).toBeGreaterThan(1);
    expect(await catalogue(target)).toEqual(original);
  });
});
