/**
 * Catalogue files made by the tests (never large files in the repository): delimited text in
 * the encodings legacy archive software writes, and XLSX workbooks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import pg from 'pg';
import { archiveSchemaName } from '../../subgraphs/archive/database.js';

export type FileEncoding = 'gb18030' | 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16le' | 'utf-16be';

export interface FixtureFolder {
  path(name: string): string;
  /** Writes rows (header first) as delimited text in an encoding, with CRLF line ends as Windows software writes them. */
  text(name: string, rows: readonly (readonly string[])[], encoding: FileEncoding, delimiter?: string): string;
  xlsx(name: string, sheets: Record<string, readonly (readonly (string | number | Date)[])[]>): Promise<string>;
  remove(): void;
}

function quoted(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
  }
}

export function fixtureFolder(): FixtureFolder {
  const dir = mkdtempSync(join(tmpdir(), 'lantai-import-'));
  return {
    path: (name) => join(dir, name),
    text(name, rows, encoding, delimiter = ',') {
      const path = join(dir, name);
      const text = rows.map((row) => row.map((cell) => quoted(cell, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
      writeFileSync(path, encodeText(text, encoding));
      return path;
    },
    async xlsx(name, sheets) {
      const path = join(dir, name);
      const workbook = new ExcelJS.Workbook();
      for (const [sheet, rows] of Object.entries(sheets)) {
        const worksheet = workbook.addWorksheet(sheet);
        for (const row of rows) worksheet.addRow([...row]);
      }
      await workbook.xlsx.writeFile(path);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A 文书 catalogue of standalone items (DA/T 22), in the header names archivists use. */
export const ITEM_HEADER = ['档号', '全宗号', '年度', '保管期限', '机构(问题)', '件号', '题名', '责任者', '文号', '日期', '页数', '密级', '开放状态', '备注'];

export function itemRow(n: number, overrides: Partial<Record<(typeof ITEM_HEADER)[number], string>> = {}): string[] {
  const number = String(n).padStart(4, '0');
  const base: Record<string, string> = {
    档号: `0012-WS·2003-Y-BGS-${number}`,
    全宗号: '0012',
    年度: '2003',
    保管期限: '永久',
    '机构(问题)': 'BGS',
    件号: number,
    题名: `关于南昌市第${n}次婚姻登记工作的通知`,
    责任者: '南昌市民政局',
    文号: `洪民发〔2003〕${n}号`,
    日期: '2003年3月12日',
    页数: '4',
    密级: '',
    开放状态: '开放',
    备注: '',
  };
  return ITEM_HEADER.map((column) => overrides[column] ?? base[column]!);
}

/**
 * Holds an archive's import lock, as an import into it running elsewhere does, until released:
 * an import started meanwhile waits for it, so a test can act while that import is under way.
 */
export async function holdImportLock(databaseUrl: string, archive: string): Promise<{ cutWaitingImport(): Promise<void>; release(): Promise<void> }> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('begin');
  await holder.query('select pg_advisory_xact_lock(hashtext($1))', [`${archiveSchemaName(archive)}.catalogue-import`]);
  let released = false;
  return {
    /** Terminates the connection of the import waiting for the lock, once it waits, as an operator's pg_terminate_backend would. */
    async cutWaitingImport() {
      for (;;) {
        // The activity view is read once a transaction unless its snapshot is cleared.
        await holder.query('select pg_stat_clear_snapshot()');
        const { rows } = await holder.query<{ pid: number }>(
          `select pid from pg_stat_activity where application_name = 'lantai-import' and wait_event_type = 'Lock' and datname = current_database()`,
        );
        if (rows[0]) return void (await holder.query('select pg_terminate_backend($1)', [rows[0].pid]));
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async release() {
      if (released) return;
      released = true;
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    },
  };
}
