/**
 * Scenario 6, catalogue import (目录导入): `npm run import`'s path on GB18030 CSV files the
 * scenario writes, into a scratch database dropped afterwards. Three imports in a row into
 * one archive: the whole catalogue into the empty archive, the same file again (every row
 * unchanged), and a corrected file of the same 档号 where every tenth row changed its title
 * and its access status (updates matched by 档号 in an archive that holds the catalogue).
 * Each runs in a process of its own (bench/import-child.ts), so its peak memory is its own.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { ImportReport } from '../../subgraphs/archive/catalogue-import/import.js';
import { migrateArchive, openArchiveDatabase } from '../../subgraphs/archive/database.js';
import { atLeast, atMost, type ScenarioResult } from '../report.js';
import { admin, withDatabase } from './loading.js';

export interface ImportScenarioOptions {
  /** A database URL on the server to import into; the scenario creates its own database there. */
  serverUrl: string;
  /** Rows of the catalogue file. @default 1,000,000 */
  rows: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARCHIVE = '360100';
const HEADER = '档号,全宗号,年度,保管期限,机构(问题),件号,题名,责任者,文号,日期,页数,密级,开放状态,备注';
const PLACES = ['南昌', '九江', '景德镇', '萍乡', '新余', '鹰潭', '赣州', '吉安', '宜春', '抚州', '上饶'];
const SUBJECTS = ['婚姻登记工作', '知识青年上山下乡', '招工录用', '社会保险缴费', '春耕生产', '防汛抗旱', '干部任免', '财务决算'];
const KINDS = ['通知', '报告', '请示', '批复', '决定', '意见'];

/** Writes a GB18030 catalogue of standalone items, as a legacy system exports it; `corrected` changes every tenth row. */
async function writeCatalogue(path: string, rows: number, corrected: boolean): Promise<void> {
  const out = createWriteStream(path);
  let text = `${HEADER}\r\n`;
  for (let i = 1; i <= rows; i++) {
    const year = 1950 + (i % 70);
    const number = String(i).padStart(7, '0');
    const changed = corrected && i % 10 === 0;
    const open = year <= 2000 && i % 3 !== 0;
    const title = `关于${PLACES[i % PLACES.length]}市${SUBJECTS[i % SUBJECTS.length]}的${KINDS[i % KINDS.length]}${changed ? '（更正）' : ''}`;
    const access = changed ? '控制' : open ? '开放' : i % 3 === 0 ? '' : '控制';
    text += `0012-WS·${year}-Y-BGS-${number},0012,${year},永久,BGS,${number},${title},${PLACES[i % PLACES.length]}市人民政府,赣府发〔${year}〕${i % 200}号,${year}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')},${(i % 40) + 1},,${access},\r\n`;
    if (text.length > 1 << 20) {
      if (!out.write(iconv.encode(text, 'gb18030'))) await once(out, 'drain');
      text = '';
    }
  }
  out.end(iconv.encode(text, 'gb18030'));
  await once(out, 'finish');
}

function importInChild(url: string, file: string): Promise<{ report: ImportReport; maxRssBytes: number; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'bench/import-child.ts', url, ARCHIVE, file], { cwd: ROOT, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the import failed: ${stderr.slice(-1000)}`));
      else resolve({ ...JSON.parse(stdout.trim().split('\n').at(-1)!), seconds: (performance.now() - started) / 1000 });
    });
  });
}

export async function importScenario(options: ImportScenarioOptions): Promise<ScenarioResult> {
  const name = `lantai_bench_import_${randomBytes(4).toString('hex')}`;
  const folder = mkdtempSync(join(tmpdir(), 'lantai-bench-import-'));
  await admin(options.serverUrl, (c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`));
  try {
    const url = withDatabase(options.serverUrl, name);
    const orm = await openArchiveDatabase(url, { poolSize: 1 });
    try {
      await migrateArchive(orm, ARCHIVE);
    } finally {
      await orm.close(true);
    }
    const catalogue = join(folder, 'catalogue.csv');
    const corrected = join(folder, 'corrected.csv');
    await writeCatalogue(catalogue, options.rows, false);
    await writeCatalogue(corrected, options.rows, true);
    const load = loadavg().map((n) => Math.round(n * 100) / 100);

    const runs = [
      { label: 'into the empty archive', file: catalogue },
      { label: 'the same file again (unchanged)', file: catalogue },
      { label: 'corrected file (1 row in 10 changed)', file: corrected },
    ];
    const measured = [];
    for (const { label, file } of runs) measured.push({ label, file, ...(await importInChild(url, file)) });
    const rows = measured.map(({ label, file, report, maxRssBytes, seconds }) => ({
      label,
      rows: report.rowsRead,
      megabytes: Math.round(statSync(file).size / 1e5) / 10,
      added: report.added,
      updated: report.updated,
      unchanged: report.unchanged,
      seconds: Math.round(report.milliseconds / 100) / 10,
      processSeconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(report.rowsRead / (report.milliseconds / 1000)),
      peakRssMB: Math.round(maxRssBytes / 1e6),
    }));
    const full = options.rows >= 1_000_000;
    const judged = full ? undefined : 'judged on a 1,000,000-row file only';
    return {
      scenario: 'import',
      title: `catalogue import (npm run import path) of a ${new Intl.NumberFormat('en-US').format(options.rows)}-row GB18030 CSV`,
      rows,
      targets: [
        atLeast('import into an empty archive ≥ 50,000 rows/s', rows[0]!.rowsPerSecond, 50_000, 'rows/s', full, judged),
        atLeast('import into an archive holding the catalogue ≥ 20,000 rows/s (updates matched by 档号)', rows[2]!.rowsPerSecond, 20_000, 'rows/s', full, judged),
        atMost('the import process stays under 300 MB resident', Math.max(...rows.map((r) => r.peakRssMB)), 300, 'MB', full, judged),
      ],
      notes: [
        `load average (1, 5, 15 min) when the imports began: ${load.join(', ')}; on a shared machine a figure above the core count means the times are disturbed.`,
        'seconds: the import itself (read, check, stage, merge, index, counters, commit); processSeconds adds the process start and schema check.',
      ],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await admin(options.serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}
