/**
 * Importing catalogue files into an archive: every encoding and format legacy software
 * writes, items in files, rejected rows (all or nothing, or --partial with a rejects file),
 * re-imports that change nothing, corrected files that update, and the open-review history
 * of imported statuses. Each scenario imports into an archive of its own.
 */
import { readFileSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogueFile, type ImportOptions } from '../../subgraphs/archive/catalogue-import/import.js';
import { migrateArchive, openArchiveDatabase } from '../../subgraphs/archive/database.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { fixtureFolder, ITEM_HEADER, itemRow, type FixtureFolder } from './fixtures.js';

let database: TestDatabase;
let orm: MikroORM;
let client: pg.Client;
let files: FixtureFolder;
let nextArchive = 360101;

beforeAll(async () => {
  database = await createTestDatabase('import');
  orm = await openArchiveDatabase(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  files = fixtureFolder();
});

afterAll(async () => {
  files?.remove();
  await client?.end();
  await orm?.close(true);
  await database?.drop();
});

/** A new, migrated, empty archive for one scenario. */
async function emptyArchive(): Promise<string> {
  const code = String(nextArchive++);
  await migrateArchive(orm, code);
  return code;
}

function run(archive: string, path: string, options: Partial<ImportOptions> = {}) {
  return importCatalogueFile(client, path, { archive, importedBy: '档案员甲', ...options });
}

async function records(archive: string) {
  const { rows } = await client.query(
    `select r.reference_code, r.level, r.title, r.author, to_char(r.date, 'YYYY-MM-DD') as date, r.year, r.retention, r.classification,
            r.access, r.category, r.pages, r.remarks, f.fonds_code, p.reference_code as file
       from archive_${archive}.record r join archive_${archive}.fonds f on f.id = r.fonds_id
       left join archive_${archive}.record p on p.id = r.parent_id
      order by r.reference_code`,
  );
  return rows;
}

const rows3 = [ITEM_HEADER, itemRow(1), itemRow(2, { 开放状态: '', 日期: '20030401' }), itemRow(3, { 开放状态: '控制', 密级: '秘密' })];

/** An archive's holdings counters, row by row, in a stable order. */
const grainOf = (archive: string, where = '') =>
  `select category, year, access, level, standalone, electronic, has_copy, has_items, has_open_items, records::int, copy_pages::int, copy_bytes::text
     from archive_${archive}.holdings_grain ${where} order by 1, 2, 3, 4, 5, 6, 7, 8, 9`;

describe('reading legacy exports', () => {
  it('imports the same catalogue alike from GB18030, UTF-8 with a BOM, UTF-16 with or without a BOM and tab-separated text, detected without being told', async () => {
    const imported = [];
    const cases = [['gb.csv', 'gb18030', ','], ['bom.csv', 'utf-8-bom', ','], ['utf16.csv', 'utf-16le-bom', ','], ['utf16le.csv', 'utf-16le', ','], ['utf16be.csv', 'utf-16be', ','], ['tabs.txt', 'gb18030', '\t']] as const;
    for (const [name, encoding, delimiter] of cases) {
      const archive = await emptyArchive();
      const report = await run(archive, files.text(name, rows3, encoding, delimiter));
      expect(report, name).toMatchObject({ rowsRead: 3, added: 3, rejected: 0, written: true, format: delimiter === '\t' ? 'tsv' : 'csv' });
      imported.push(await records(archive));
    }
    expect(imported[0]).toHaveLength(3);
    expect(imported[0]![0]).toMatchObject({
      reference_code: '0012-WS·2003-Y-BGS-0001', level: 'ITEM', title: '关于南昌市第1次婚姻登记工作的通知', author: '南昌市民政局', date: '2003-03-12',
      year: 2003, retention: 'PERMANENT', classification: 'NONE', access: 'OPEN', category: 'ADMINISTRATIVE', pages: 4, remarks: '文号：洪民发〔2003〕1号', fonds_code: '0012', file: null,
    });
    expect(imported[0]!.map((r) => r.access)).toEqual(['OPEN', 'UNREVIEWED', 'DELAYED']);
    for (const other of imported.slice(1)) expect(other).toEqual(imported[0]);
  });

  it('reads an XLSX workbook, its first sheet unless another is named', async () => {
    const path = await files.xlsx('catalogue.xlsx', {
      说明: [['本工作簿由档案管理系统导出']],
      目录: [['档号', '题名', '年度', '保管期限', '日期'], ['0012-WS·2010-Y-BGS-0001', '关于档案馆新馆建设的请示', 2010, '永久', new Date(Date.UTC(2010, 4, 6))]],
    });
    const archive = await emptyArchive();
    await expect(run(archive, path, { dryRun: true })).rejects.toThrow(/catalogue.xlsx has no 档号 column.*本工作簿由档案管理系统导出/);
    const report = await run(archive, path, { sheet: '目录' });
    expect(report).toMatchObject({ format: 'xlsx', rowsRead: 1, added: 1, written: true });
    expect(await records(archive)).toMatchObject([{ title: '关于档案馆新馆建设的请示', year: 2010, date: '2010-05-06', access: 'UNREVIEWED' }]);
    await expect(run(archive, path, { sheet: '没有' })).rejects.toThrow(/no sheet "没有"/);
  });

  it('refuses a workbook that unzips to far more than its size (a zip bomb), or that is cut short, writing nothing', async () => {
    const { default: JSZip } = await import('jszip');
    const { writeFileSync } = await import('node:fs');
    const archive = await emptyArchive();
    const good = await files.xlsx('good.xlsx', { 目录: [['档号', '题名', '年度', '保管期限'], ['0012-WS·2010-Y-BGS-0001', '关于档案馆新馆建设的请示', 2010, '永久']] });
    const zip = await JSZip.loadAsync(readFileSync(good));
    // 32 MiB of shared strings that deflate to a few dozen kilobytes: exceljs would hold them all.
    const strings = `<si><t>${'档'.repeat(30)}</t></si>`.repeat((32 * 2 ** 20) / 100);
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`);
    const bomb = files.path('bomb.xlsx');
    writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    await expect(run(archive, bomb)).rejects.toThrow(/解压后过大.*zip bomb/);
    const cut = files.path('cut.xlsx');
    writeFileSync(cut, readFileSync(good).subarray(0, 3000));
    await expect(run(archive, cut)).rejects.toThrow(/无法解压.*cannot be unzipped/);
    expect(await records(archive)).toEqual([]);
    expect(await run(archive, good)).toMatchObject({ added: 1, written: true });
  });

  it('refuses a legacy .xls file, telling the archivist to save it as .xlsx or CSV', async () => {
    const path = files.path('old.xls');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expect(run(await emptyArchive(), path)).rejects.toThrow(/另存为 \.xlsx 或 CSV.*save the sheet as \.xlsx or CSV/);
    // A workbook with a password to open is such a container too, named .xlsx.
    const locked = files.path('locked.xlsx');
    writeFileSync(locked, readFileSync(path));
    await expect(run(await emptyArchive(), locked)).rejects.toThrow(/已加密.*取消密码.*encrypted.*remove the password/);
  });

  it('reads headers it does not know through a mapping, with defaults for the fonds a file does not name', async () => {
    const archive = await emptyArchive();
    const path = files.text('mapped.csv', [['文件材料题名', '档号', '形成年度', '期限', '馆内分类'], ['关于修缮县志的请示', '0040-A3-0001', '1986', '长期', '地方志']], 'gb18030');
    const report = await run(archive, path, {
      mapping: { columns: { 文件材料题名: 'title', 形成年度: 'year' }, defaults: { fondsCode: '0040', fondsName: '某某县地方志办公室' } },
    });
    expect(report).toMatchObject({ added: 1, rejected: 0, ignoredColumns: ['馆内分类'] });
    expect(await records(archive)).toMatchObject([{ reference_code: '0040-A3-0001', title: '关于修缮县志的请示', year: 1986, retention: 'D30', fonds_code: '0040' }]);
    const { rows } = await client.query(`select name from archive_${archive}.fonds`);
    expect(rows).toEqual([{ name: '某某县地方志办公室' }]);
  });

  it('refuses a binary file and a header it cannot read, and says where a quote is left open, writing nothing', async () => {
    const { writeFileSync } = await import('node:fs');
    const archive = await emptyArchive();
    // An image saved as .csv: zero bytes throughout, not in UTF-16's pattern.
    const binary = files.path('photo.csv');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 5 === 0 ? 0 : (i * 37) % 256))));
    await expect(run(archive, binary)).rejects.toThrow(/不是文本格式的目录.*not a text catalogue/);
    // Bytes that are not GB18030 (nor UTF-8) text.
    const unreadable = files.path('unreadable.csv');
    writeFileSync(unreadable, Buffer.concat([Buffer.alloc(40, 0xff), Buffer.from('\r\n1,2\r\n')]));
    await expect(run(archive, unreadable)).rejects.toThrow(/表头无法按 gb18030 读取.*--encoding/);
    const open = files.path('open-quote.csv');
    writeFileSync(open, iconv.encode(`${ITEM_HEADER.join(',')}\r\n${itemRow(1).join(',')}\r\n"0012-WS·2003-Y-BGS-0002,0012,2003\r\n${itemRow(3).join(',')}\r\n`, 'gb18030'));
    await expect(run(archive, open)).rejects.toThrow(/第 2 行之后.*引号没有闭合.*after line 2/);
    expect(await records(archive)).toEqual([]);
  });

  it('refuses a row longer than 1 MB, in delimited text and in a workbook alike, writing nothing', async () => {
    const archive = await emptyArchive();
    const long = '长'.repeat(1_100_000);
    const csv = files.text('long.csv', [ITEM_HEADER, itemRow(1), itemRow(2, { 备注: long })], 'utf-8');
    await expect(run(archive, csv)).rejects.toThrow(/第 3 行超过 1 MB.*Line 3 is longer than 1 MB/);
    const xlsx = await files.xlsx('long.xlsx', { 目录: [ITEM_HEADER, itemRow(1), itemRow(2, { 备注: long })] });
    await expect(run(archive, xlsx)).rejects.toThrow(/第 3 行超过 1 MB.*Line 3 is longer than 1 MB/);
    expect(await records(archive)).toEqual([]);
  });

  it('refuses a file without a 档号 or 题名 column, showing its header', async () => {
    const path = files.text('noref.csv', [['编号', '题名'], ['1', '某文件']], 'utf-8');
    await expect(run(await emptyArchive(), path)).rejects.toThrow(/no 档号 column.*编号, 题名/);
  });
});

describe('files and items', () => {
  it('puts items in their files, by the file 档号 given or derived from the item 档号, and creates missing fonds', async () => {
    const archive = await emptyArchive();
    const path = files.text('files.csv', [
      ['档号', '全宗号', '全宗名称', '目录号', '案卷号', '件号', '题名', '年度', '保管期限', '所属案卷'],
      // An item before its file: the order of a file does not matter.
      ['0031-001-0001-0001', '0031', '南昌县革命委员会', '001', '0001', '1', '关于成立县革命委员会的决定', '1968', '永久', ''],
      ['0031-001-0001', '0031', '南昌县革命委员会', '001', '0001', '', '县革委会1968年文件', '1968', '永久', ''],
      ['0031-001-0001-0002', '0031', '', '001', '0001', '2', '关于春耕生产的通知', '1968', '永久', ''],
      ['0031-JZ-0007', '0031', '', '', '', '', '散存文件', '1969', '永久', '0031-001-0001'],
      ['0031-001-0002-0001', '0031', '', '001', '0002', '1', '卷不在文件中的件', '1968', '永久', ''],
    ], 'gb18030');
    expect(await run(archive, path)).toMatchObject({ added: 5, rejected: 0 });
    expect((await records(archive)).map((r) => [r.reference_code, r.level, r.file])).toEqual([
      ['0031-001-0001', 'FILE', null],
      ['0031-001-0001-0001', 'ITEM', '0031-001-0001'],
      ['0031-001-0001-0002', 'ITEM', '0031-001-0001'],
      ['0031-001-0002-0001', 'ITEM', null],
      ['0031-JZ-0007', 'ITEM', '0031-001-0001'],
    ]);
    const { rows: fonds } = await client.query(`select fonds_code, name, start_year, end_year from archive_${archive}.fonds`);
    expect(fonds).toEqual([{ fonds_code: '0031', name: '南昌县革命委员会', start_year: 1968, end_year: 1969 }]);
  });

  it('rejects an item whose given file is neither in the file nor in the archive', async () => {
    const path = files.text('orphan.csv', [['档号', '题名', '年度', '保管期限', '所属案卷'], ['0031-JZ-0001', '无卷之件', '1970', '永久', '0031-009-0009']], 'utf-8');
    const report = await run(await emptyArchive(), path);
    expect(report).toMatchObject({ rejected: 1, written: false });
    expect(report.rejections[0]!.reasons[0]).toMatchObject({ column: '所属案卷', value: '0031-009-0009' });
  });
});

describe('rejected rows', () => {
  const faulty = [
    ITEM_HEADER,
    itemRow(1),
    itemRow(2, { 题名: '' }),
    itemRow(3, { 日期: '2003年2月30日' }),
    itemRow(4, { 密级: '绝密' }),
    itemRow(5, { 全宗号: '0099' }),
    itemRow(1, { 题名: '重复的档号' }),
    itemRow(7, { 保管期限: '很久' }),
  ];

  it('writes nothing when any row is rejected, and says for each row its line, column, value and why', async () => {
    const archive = await emptyArchive();
    const rejects = files.path('faulty-rejects.csv');
    const report = await run(archive, files.text('faulty.csv', faulty, 'gb18030'), { rejectsPath: rejects });
    expect(report).toMatchObject({ rowsRead: 7, rejected: 6, written: false, added: 1 });
    expect(report.rejections.map((r) => [r.line, r.reasons.map((x) => x.column)])).toEqual([
      [3, ['题名']], [4, ['日期']], [5, ['开放状态']], [6, ['全宗号']], [7, ['档号']], [8, ['保管期限']],
    ]);
    expect(report.rejectedByRule['档号：档号在文件中重复']).toBe(1);
    expect(await records(archive)).toEqual([]);
    const { rows } = await client.query(`select (select count(*) from archive_${archive}.fonds)::int as fonds, (select count(*) from archive_${archive}.open_review)::int as reviews`);
    expect(rows[0]).toEqual({ fonds: 0, reviews: 0 });

    // The rejects file is in the input's encoding, with the rows as they were and a reason column.
    const text = iconv.decode(readFileSync(rejects), 'gb18030');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe([...ITEM_HEADER, '拒绝原因 (reason)'].join(','));
    expect(lines).toHaveLength(7);
    expect(lines[2]).toMatch(/^0012-WS·2003-Y-BGS-0003,.*2003年2月30日.*第 4 行 line 4, 日期 “2003年2月30日”: 日期无法识别或不存在/);
  });

  it('with partial, writes the valid rows and leaves the rejected ones to a file that imports once corrected', async () => {
    const archive = await emptyArchive();
    const rejects = files.path('partial-rejects.csv');
    const report = await run(archive, files.text('partial.csv', faulty, 'gb18030'), { partial: true, rejectsPath: rejects });
    expect(report).toMatchObject({ added: 1, rejected: 6, written: true });
    expect((await records(archive)).map((r) => r.reference_code)).toEqual(['0012-WS·2003-Y-BGS-0001']);

    // The archivist corrects the rejected rows in the rejects file and imports it; the reason column is ignored.
    const corrected = iconv.decode(readFileSync(rejects), 'gb18030').trim().split('\r\n').map((line) => line.split(','));
    const fixedRows = [corrected[0]!, ...corrected.slice(1).filter((row) => !row[6]!.startsWith('重复')).map((row) => {
      const fixed = itemRow(Number(row[5]));
      return [...fixed, ''];
    })];
    const again = await run(archive, files.text('corrected.csv', fixedRows, 'gb18030'));
    expect(again).toMatchObject({ added: 5, rejected: 0, written: true, ignoredColumns: ['拒绝原因 (reason)'] });
    expect(await records(archive)).toHaveLength(6);
  });

  it('rejects the same rows when a first import would copy straight in, all or nothing and partial', async () => {
    const path = files.text('faulty-straight.csv', faulty, 'gb18030');
    const whole = await emptyArchive();
    // rebuildIndexesFrom: 1 makes even this small file a first import copied straight in.
    const report = await run(whole, path, { rebuildIndexesFrom: 1 });
    expect(report).toMatchObject({ rowsRead: 7, rejected: 6, written: false, added: 1 });
    expect(report.rejections.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(await records(whole)).toEqual([]);
    const partial = await emptyArchive();
    // The repeated 档号 (line 7) is found when the unique key is built again; the staged path then decides.
    expect(await run(partial, path, { rebuildIndexesFrom: 1, partial: true })).toMatchObject({ rowsRead: 7, added: 1, rejected: 6, written: true, rejectedByRule: { '档号：档号在文件中重复': 1 } });
    expect((await records(partial)).map((r) => [r.reference_code, r.title])).toEqual([['0012-WS·2003-Y-BGS-0001', '关于南昌市第1次婚姻登记工作的通知']]);
    const { rows } = await client.query(`select count(*)::int as n from archive_${partial}.open_review`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('a dry run reports what an import would do and writes nothing', async () => {
    const archive = await emptyArchive();
    const report = await run(archive, files.text('dry.csv', rows3, 'utf-8-bom'), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, written: false, added: 3, byAccess: { OPEN: 1, DELAYED: 1, UNREVIEWED: 1 } });
    expect(await records(archive)).toEqual([]);
  });
});

describe('importing again', () => {
  it('changes nothing when the same file is imported again, and updates and adds from a corrected file, never duplicating', async () => {
    const archive = await emptyArchive();
    const path = files.text('again.csv', rows3, 'gb18030');
    await run(archive, path);
    const before = await records(archive);
    const { rows: [stamp] } = await client.query(`select max(updated_at) as at, (select version from archive_${archive}.holdings_version) as version from archive_${archive}.record`);

    const again = await run(archive, path);
    expect(again).toMatchObject({ rowsRead: 3, added: 0, updated: 0, unchanged: 3, written: true });
    expect(await records(archive)).toEqual(before);
    const { rows: [after] } = await client.query(`select max(updated_at) as at, (select version from archive_${archive}.holdings_version) as version from archive_${archive}.record`);
    expect(after).toEqual(stamp);

    const corrected = files.text('corrected-again.csv', [ITEM_HEADER, itemRow(1, { 题名: '关于婚姻登记工作的通知（更正）' }), itemRow(2, { 开放状态: '开放', 日期: '20030401' }), itemRow(3, { 开放状态: '控制', 密级: '秘密' }), itemRow(4)], 'gb18030');
    expect(await run(archive, corrected)).toMatchObject({ added: 1, updated: 2, unchanged: 1 });
    const now = await records(archive);
    expect(now.map((r) => [r.reference_code, r.title, r.access])).toEqual([
      ['0012-WS·2003-Y-BGS-0001', '关于婚姻登记工作的通知（更正）', 'OPEN'],
      ['0012-WS·2003-Y-BGS-0002', '关于南昌市第2次婚姻登记工作的通知', 'OPEN'],
      ['0012-WS·2003-Y-BGS-0003', '关于南昌市第3次婚姻登记工作的通知', 'DELAYED'],
      ['0012-WS·2003-Y-BGS-0004', '关于南昌市第4次婚姻登记工作的通知', 'OPEN'],
    ]);
    // The changed title is searchable under its new words.
    const { rows: found } = await client.query(`select reference_code from archive_${archive}.record where search_vector @@ '更正'::tsquery`);
    expect(found).toEqual([{ reference_code: '0012-WS·2003-Y-BGS-0001' }]);
  });

  it('writes each imported access status into the open-review history, saying who imported which file', async () => {
    const archive = await emptyArchive();
    await run(archive, files.text('history.csv', rows3, 'gb18030'));
    await run(archive, files.text('history-2.csv', [ITEM_HEADER, itemRow(1), itemRow(2, { 开放状态: '开放', 日期: '20030401' }), itemRow(3, { 开放状态: '控制', 密级: '秘密' })], 'gb18030'));
    const { rows } = await client.query(
      `select r.reference_code, o.previous_access, o.decided_access, o.reason, o.reviewer, o.recorded_by
         from archive_${archive}.open_review o join archive_${archive}.record r on r.id = o.record_id order by o.id`,
    );
    expect(rows).toEqual([
      { reference_code: '0012-WS·2003-Y-BGS-0001', previous_access: 'UNREVIEWED', decided_access: 'OPEN', reason: '目录导入：history.csv 第 2 行 / imported from history.csv, line 2', reviewer: '档案员甲', recorded_by: '档案员甲' },
      { reference_code: '0012-WS·2003-Y-BGS-0002', previous_access: 'UNREVIEWED', decided_access: 'UNREVIEWED', reason: '目录导入：history.csv 第 3 行 / imported from history.csv, line 3', reviewer: '档案员甲', recorded_by: '档案员甲' },
      { reference_code: '0012-WS·2003-Y-BGS-0003', previous_access: 'UNREVIEWED', decided_access: 'DELAYED', reason: '目录导入：history.csv 第 4 行 / imported from history.csv, line 4', reviewer: '档案员甲', recorded_by: '档案员甲' },
      { reference_code: '0012-WS·2003-Y-BGS-0002', previous_access: 'UNREVIEWED', decided_access: 'OPEN', reason: '目录导入：history-2.csv 第 3 行 / imported from history-2.csv, line 3', reviewer: '档案员甲', recorded_by: '档案员甲' },
    ]);
  });

  it('leaves the holdings counters current after an import', async () => {
    const archive = await emptyArchive();
    await run(archive, files.text('grain.csv', rows3, 'utf-8'));
    const { rows } = await client.query(
      `select (select version from archive_${archive}.holdings_version) = (select refreshed_version from archive_${archive}.holdings_grain_state) as current,
              (select sum(records)::int from archive_${archive}.holdings_grain) as records,
              (select sum(records)::int from archive_${archive}.holdings_grain where access = 'OPEN') as open`,
    );
    expect(rows[0]).toEqual({ current: true, records: 3, open: 1 });
  });

  it('gives the same records, fonds, review history and counters to a first import copied straight in as to one staged and merged', async () => {
    const rows = [[...ITEM_HEADER, '全宗名称'], ...[1, 2, 3, 4, 5, 6].map((n) => [...itemRow(n, n % 3 === 0 ? { 开放状态: '' } : n % 3 === 1 ? {} : { 开放状态: '控制' }), n > 4 ? '南昌市民政局' : ''])];
    const path = files.text('paths.csv', rows, 'gb18030');
    // An empty archive takes the straight path; one holding a record, the staged one.
    const straight = await emptyArchive();
    const staged = await emptyArchive();
    await run(staged, files.text('other.csv', [['档号', '题名', '年度', '保管期限'], ['0099-WS·1990-Y-BGS-0001', '其他全宗的文件', '1990', '永久']], 'utf-8'));
    const reports = [await run(straight, path, { rebuildIndexesFrom: 1 }), await run(staged, path, { rebuildIndexesFrom: 1 })];
    for (const report of reports) expect(report).toMatchObject({ rowsRead: 6, added: 6, rejected: 0, written: true, byAccess: { OPEN: 2, DELAYED: 2, UNREVIEWED: 2 } });
    const state = async (archive: string) => {
      const { rows: history } = await client.query(
        `select r.reference_code, o.previous_access, o.decided_access, o.reason from archive_${archive}.open_review o join archive_${archive}.record r on r.id = o.record_id
          where r.reference_code like '0012-%' order by o.id`,
      );
      const { rows: fonds } = await client.query(`select fonds_code, name, creator, start_year, end_year from archive_${archive}.fonds where fonds_code = '0012'`);
      const { rows: grain } = await client.query(grainOf(archive, 'where year = 2003'));
      const { rows: vectors } = await client.query(`select reference_code, search_vector::text from archive_${archive}.record where reference_code like '0012-%' order by 1`);
      return { records: (await records(archive)).filter((r) => r.fonds_code === '0012'), history, fonds, grain, vectors };
    };
    const [a, b] = [await state(straight), await state(staged)];
    expect(a.records).toHaveLength(6);
    expect(a.fonds).toEqual([{ fonds_code: '0012', name: '南昌市民政局', creator: '南昌市民政局', start_year: 2003, end_year: 2003 }]);
    expect(a).toEqual(b);
    expect(a.grain.map((g) => [g.access, g.records])).toEqual([['DELAYED', 2], ['OPEN', 2], ['UNREVIEWED', 2]]);
    // The straight path counted its rows as they went in: marked current, and what the
    // counters' own function counts again from the tables.
    const { rows: [current] } = await client.query(
      `select (select version from archive_${straight}.holdings_version) = (select refreshed_version from archive_${straight}.holdings_grain_state) as current`,
    );
    expect(current.current).toBe(true);
    const { rows: counted } = await client.query(grainOf(straight));
    await client.query(`update archive_${straight}.holdings_version set version = version + 1`);
    await client.query(`select archive_${straight}.refresh_holdings_grain()`);
    expect((await client.query(grainOf(straight))).rows).toEqual(counted);
    // The straight path left every index, key and trigger as the migrations made them.
    const { rows: [shape] } = await client.query(
      `select (select count(*) from pg_indexes where schemaname = $1)::int as indexes, (select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = $1)::int as constraints,
              (select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and t.tgenabled = 'O')::int as triggers`,
      [`archive_${straight}`],
    );
    const { rows: [expected] } = await client.query(
      `select (select count(*) from pg_indexes where schemaname = $1)::int as indexes, (select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = $1)::int as constraints,
              (select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and t.tgenabled = 'O')::int as triggers`,
      [`archive_${staged}`],
    );
    expect(shape).toEqual(expected);
    // New records and fonds added later through SQL get fresh ids.
    await client.query(`insert into archive_${straight}.fonds (fonds_code, name, creator, start_year, end_year) values ('0013', '新全宗', '新全宗', 2004, 2004)`);
    await client.query(`insert into archive_${straight}.record (fonds_id, level, reference_code, title, year, retention, category)
      select id, 'ITEM', '0013-WS·2004-Y-BGS-0001', '新增', 2004, 'PERMANENT', 'ADMINISTRATIVE' from archive_${straight}.fonds where fonds_code = '0013'`);
  });

  it('counts the steps of its writing, which has no bytes to count, from none to all, on either path', async () => {
    const path = files.text('steps.csv', [ITEM_HEADER, ...[1, 2, 3].map((n) => itemRow(n))], 'gb18030');
    const straight = await emptyArchive();
    const staged = await emptyArchive();
    await run(staged, files.text('first.csv', [['档号', '题名', '年度', '保管期限'], ['0099-WS·1990-Y-BGS-0001', '其他全宗的文件', '1990', '永久']], 'utf-8'));
    for (const archive of [straight, staged]) {
      const steps: { done: number; total: number }[] = [];
      await run(archive, path, { rebuildIndexesFrom: 1, onProgress: (p) => void (p.phase === 'writing' && steps.push(p.step!)) });
      const total = steps[0]!.total;
      // The rows, each index and key built again (more than one), the counters, the vacuum.
      expect(total).toBeGreaterThan(4);
      expect(steps).toEqual(Array.from({ length: total + 1 }, (_, done) => ({ done, total })));
    }
  });

  it('builds the record table\'s indexes again after a large first import', async () => {
    const archive = await emptyArchive();
    const { rows: before } = await client.query(`select count(*)::int as n from pg_indexes where schemaname = $1`, [`archive_${archive}`]);
    const many = [ITEM_HEADER, ...Array.from({ length: 60 }, (_, i) => itemRow(i + 1))];
    expect(await run(archive, files.text('many.csv', many, 'gb18030'), { rebuildIndexesFrom: 50 })).toMatchObject({ added: 60 });
    const { rows: after } = await client.query(`select count(*)::int as n from pg_indexes where schemaname = $1`, [`archive_${archive}`]);
    expect(after).toEqual(before);
    await expect(client.query(`insert into archive_${archive}.record (fonds_id, level, reference_code, title, year, retention, category)
      select fonds_id, level, reference_code, title, year, retention, category from archive_${archive}.record limit 1`)).rejects.toThrow(/unique/);
  });
});
