/**
 * `npm run export -- --archive <code> [--database <url>] --format csv|ead3 [--fonds <全宗号>]
 * [--out <file or folder>] [--encoding utf-8|gb18030] [--public]`
 *
 * Writes an archive's catalogue out (目录导出) from its database. Whoever runs it holds the
 * database, so by default it is the archive's own export: every record, open or not, and the
 * file says so; --public writes what the public may see, open records only. CSV goes to
 * --out or standard output, UTF-8 with a BOM (Excel opens it with Chinese intact) or GB18030.
 * EAD3 is one finding aid per fonds: with --fonds to --out or standard output; without it,
 * one file per fonds into the folder --out, named <code>-<全宗号>.ead3.xml.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ANONYMOUS, type Identity } from '../protocol/identity.js';
import { isArchiveCode } from '../protocol/ids.js';
import { archiveSchemaName, openArchiveDatabase } from '../subgraphs/archive/database.js';
import { CSV_ENCODINGS, EXPORT_FORMATS, exportedFonds, writeCsv, writeFindingAid, type CsvEncoding, type ExportFormat } from '../subgraphs/archive/export/export.js';

const usage =
  'usage: npm run export -- --archive 360100 [--database postgres://…] --format csv|ead3 [--fonds J001] [--out file|folder] [--encoding utf-8|gb18030] [--public]';

function fail(message: string): never {
  console.error(`export: ${message}\n${usage}`);
  process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      archive: { type: 'string' },
      database: { type: 'string' },
      format: { type: 'string' },
      fonds: { type: 'string' },
      out: { type: 'string' },
      encoding: { type: 'string', default: 'utf-8' },
      public: { type: 'boolean', default: false },
    },
    strict: true,
  });
}
try {
  ({ values } = parse());
} catch (error) {
  fail((error as Error).message);
}

const code = values.archive ?? '';
if (!isArchiveCode(code)) fail('--archive must be an archive code (6 digits, GB/T 2260), e.g. 360100.');
const url = values.database ?? process.env.DATABASE_URL;
if (!url) fail('give the database with --database postgres://… or DATABASE_URL.');
const format = values.format as ExportFormat;
if (!EXPORT_FORMATS.includes(format)) fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
const encoding = values.encoding as CsvEncoding;
if (!CSV_ENCODINGS.includes(encoding)) fail(`--encoding must be one of ${CSV_ENCODINGS.join(', ')}.`);
if (format === 'ead3' && values.fonds === undefined && values.out === undefined) fail('EAD3 without --fonds writes one file per fonds: give the folder with --out.');

const viewer: Identity = values.public ? ANONYMOUS : { role: 'archivist', archive: code, sub: 'npm-run-export' };
const orm = await openArchiveDatabase(url!, { poolSize: 2 });
let exitCode = 0;
try {
  const schema = archiveSchemaName(code);
  const em = orm.em.fork({ schema });
  const [profile] = await em.getConnection().execute<{ name: string }[]>(`select name from "${schema}".archive where code = ?`, [code]);
  if (!profile) throw new Error(`archive ${code} has no catalogue in this database (no ${schema}.archive row).`);
  const scope = { archive: code, schema, em, viewer };
  const archive = { code, name: profile.name };
  const fonds = await exportedFonds(scope, values.fonds);
  if (values.fonds !== undefined && fonds.length === 0) throw new Error(`archive ${code} has no fonds ${values.fonds} (全宗不存在).`);

  const open = async (path: string | undefined, run: (sink: Writable) => Promise<number>): Promise<number> => {
    const sink = path === undefined ? process.stdout : createWriteStream(path);
    const count = await run(sink);
    if (path !== undefined) {
      sink.end();
      await finished(sink);
    }
    return count;
  };
  let records = 0;
  if (format === 'csv') {
    records = await open(values.out, (sink) => writeCsv(scope, sink, { fonds: values.fonds !== undefined ? fonds[0] : undefined, encoding }));
  } else if (values.fonds !== undefined) {
    records = await open(values.out, (sink) => writeFindingAid(scope, archive, fonds[0]!, sink));
  } else {
    mkdirSync(values.out!, { recursive: true });
    for (const one of fonds) records += await open(join(values.out!, `${code}-${one.fondsCode}.ead3.xml`), (sink) => writeFindingAid(scope, archive, one, sink));
  }
  console.error(`export: archive ${code}: ${records} records (${values.public ? 'open records only' : 'all records'}) as ${format}${values.out ? ` to ${values.out}` : ''}`);
} catch (error) {
  console.error(`export: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await orm.close(true);
}
process.exit(exitCode);
