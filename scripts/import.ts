/**
 * 目录导入: imports an archive's catalogue from legacy exports (CSV, TSV, XLSX; GB18030,
 * UTF-8 or UTF-16 detected).
 *
 *   npm run import -- --archive 360100 [--database postgres://…] [--dry-run] [--partial]
 *                     [--mapping columns.json] [--encoding gb18030] [--sheet 目录] [--fonds 0012]
 *                     [--rejects rejected.csv] [--by 张三] catalogue.csv [more.xlsx …]
 *
 * The database is given as for `npm run archive` (`--archive 360100=postgres://…`, --database
 * or DATABASE_URL); the archive's schema is migrated first if needed. Each file is imported in
 * its own transaction, all or nothing unless --partial. Exit code 0 when every file went in
 * (or a dry run found nothing to reject), 1 when rows were rejected, 2 for a usage error.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { isConnectionLost } from '../protocol/database-faults.js';
import { isArchiveCode } from '../protocol/ids.js';
import { redactSecrets } from '../protocol/redaction.js';
import { terminalSafe } from '../protocol/text.js';
import { parseMapping, type ColumnMapping } from '../subgraphs/archive/catalogue-import/columns.js';
import { importCatalogueFile, type ImportProgress } from '../subgraphs/archive/catalogue-import/import.js';
import { formatImportSummary } from '../subgraphs/archive/catalogue-import/summary.js';
import { migrateArchive, openArchiveDatabase } from '../subgraphs/archive/database.js';

// A usage error ends the command with status 2, as `npm run seed` does (seeds/index.ts); each
// command declares its own flags below.
function fail(message: string): never {
  console.error(`import: ${redactSecrets(message)}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      archive: { type: 'string' },
      database: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      partial: { type: 'boolean', default: false },
      mapping: { type: 'string' },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      fonds: { type: 'string' },
      rejects: { type: 'string' },
      by: { type: 'string' },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals: files } = parsed;
const [code, ownUrl] = (values.archive ?? '').split(/=(.*)/s, 2);
if (!code || !isArchiveCode(code)) fail('give the archive to import into with --archive 360100 (its 6-digit code), or 360100=postgres://….');
const url = ownUrl || values.database || process.env.DATABASE_URL;
if (!url) fail(`no database for archive ${code}: give --database postgres://… or DATABASE_URL, or write --archive ${code}=postgres://….`);
if (files.length === 0) fail('give the catalogue file(s) to import: .csv, .tsv, .txt or .xlsx.');
if (values.rejects && files.length > 1) fail('--rejects names one file: import one catalogue file at a time with it.');

let mapping: ColumnMapping = {};
try {
  if (values.mapping) mapping = parseMapping(JSON.parse(readFileSync(values.mapping, 'utf8')));
} catch (error) {
  fail(`the mapping file ${values.mapping}: ${(error as Error).message}`);
}
if (values.fonds !== undefined) {
  if (values.fonds.trim() === '') fail('--fonds gives the 全宗号 of rows that give none: it cannot be empty.');
  mapping = { ...mapping, defaults: { ...mapping.defaults, fondsCode: values.fonds } };
}

const importedBy = values.by ?? `${userInfo().username} (npm run import)`;

const client = new pg.Client({ connectionString: url, application_name: 'lantai-import' });
// A connection that ends under the import fails the statement running, which reports it
// below; node-postgres then also emits 'error', which unheard would end the command with a
// stack trace before the archivist is told what happened.
client.on('error', () => undefined);
try {
  const orm = await openArchiveDatabase(url, { poolSize: 1 });
  try {
    const applied = await migrateArchive(orm, code);
    if (applied.length > 0) console.log(`import: ${code}: applied ${applied.join(', ')}`);
  } finally {
    await orm.close(true);
  }
  await client.connect();
} catch (error) {
  // A database that cannot be reached or does not exist, told in one line (as `npm run export` does).
  console.error(`import: archive ${code}: ${terminalSafe(redactSecrets((error as Error).message))}`);
  process.exit(1);
}

/**
 * Where an import stands, beyond its phase: the time left while the file is read (from the
 * bytes read so far), and afterwards the step of the writing, which has no bytes to count.
 */
function standing(p: ImportProgress): string {
  if (p.phase === 'waiting') return `waiting for another import into archive ${code} to finish (等待本馆另一导入完成)`;
  if (p.phase === 'writing' && p.step) return `step ${p.step.done} of ${p.step.total} (rows, indexes and keys, counters, vacuum)`;
  if (p.phase !== 'reading') return '';
  const share = p.totalBytes > 0 ? p.bytes / p.totalBytes : 1;
  const left = p.rowsPerSecond > 0 && share > 0 ? ((p.rows / share - p.rows) / p.rowsPerSecond).toFixed(0) : '?';
  return `about ${left} s left`;
}

/** The phase and where it stands, in a few words. */
const phaseAndStanding = (p: ImportProgress) => (p.phase === 'waiting' ? standing(p) : [p.phase, standing(p)].filter(Boolean).join(', '));

/** A progress bar on a terminal; plain lines (at most one every two seconds) otherwise. */
function progressReporter(file: string): { update(p: ImportProgress): void; stop(): void } {
  const number = new Intl.NumberFormat('en-US');
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${file} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | {standing}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rows: number.format(p.rows), speed: number.format(Math.round(p.rowsPerSecond)), standing: phaseAndStanding(p) };
        if (!started) {
          bar.start(p.totalBytes, 0, payload);
          started = true;
        }
        bar.update(p.bytes, payload);
      },
      stop: () => bar.stop(),
    };
  }
  let last = -Infinity;
  let lastPhase = '';
  return {
    update(p) {
      const now = performance.now();
      if (now - last < 2000 && p.phase === lastPhase) return;
      last = now;
      lastPhase = p.phase;
      if (p.phase === 'waiting') {
        console.log(`import: ${file}: ${standing(p)}`);
        return;
      }
      const share = p.totalBytes > 0 ? p.bytes / p.totalBytes : 1;
      const more = standing(p);
      console.log(`import: ${file}: ${p.phase}, ${number.format(p.rows)} rows (${(share * 100).toFixed(0)} %), ${number.format(Math.round(p.rowsPerSecond))} rows/s${more ? `, ${more}` : ''}`);
    },
    stop: () => undefined,
  };
}

let exitCode = 0;
try {
  for (const file of files) {
    const progress = progressReporter(terminalSafe(file));
    try {
      const report = await importCatalogueFile(client, file, {
        archive: code,
        importedBy,
        dryRun: values['dry-run'],
        partial: values.partial,
        mapping,
        encoding: values.encoding,
        sheet: values.sheet,
        rejectsPath: values.rejects,
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      console.log(formatImportSummary(report));
      if (report.rejected > 0) {
        if (values.rejects) console.log(`  rejected rows written to 被拒绝的行已写入 ${values.rejects}`);
        if (!report.written) exitCode = 1;
      }
    } catch (error) {
      progress.stop();
      exitCode = exitCode || 1;
      if (isConnectionLost(error)) {
        console.error(
          `import: ${terminalSafe(file)}: the database connection was lost (数据库连接中断): ${terminalSafe(redactSecrets((error as Error).message))}. ` +
            'The import did not finish; as it is all or nothing, run it again (导入未完成，可重新导入).',
        );
        break;
      }
      console.error(`import: ${terminalSafe(file)}: ${terminalSafe(redactSecrets((error as Error).message))}`);
    }
  }
} finally {
  await client.end();
}
process.exit(exitCode);
