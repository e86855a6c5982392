/**
 * Reading a legacy catalogue export as rows of text cells, streamed: CSV, TSV (and .txt with
 * tabs) in UTF-8 with or without a BOM, UTF-16, or GB18030/GBK, the encoding told
 * by the BOM or detected (chardet) when not given; XLSX through exceljs's streaming reader.
 * Legacy .xls is refused: no maintained reader on the npm registry is safe on hostile files.
 * Parsing, detection and conversion are the libraries' (csv-parse, chardet, iconv-lite).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Transform } from 'node:stream';
import { detect } from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import unzipper from 'unzipper';

export type SourceFormat = 'csv' | 'tsv' | 'xlsx';

export interface SourceRow {
  /** The row's line in the file (its row number in a sheet), counting the header as 1. */
  line: number;
  cells: string[];
}

export interface SourceDescription {
  format: SourceFormat;
  /** The text encoding (iconv-lite's name), for delimited text; `utf-8` for XLSX. */
  encoding: string;
  /** Whether the text began with a byte-order mark (written again on the rejects file). */
  bom: boolean;
  bytes: number;
}

export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

const SAMPLE_BYTES = 64 * 1024;
/** The longest row read, in characters: far beyond any catalogue row, short of what a quote left open swallows. */
const MAX_RECORD_BYTES = 1 << 20;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the encoding detector may answer for Chinese text, as iconv-lite names it. */
function chineseEncoding(detected: string | null, sample: Buffer): string {
  // Valid UTF-8 is UTF-8 whatever a statistical guess says: GB18030 text of any length is
  // almost never valid UTF-8, and the reverse decode would garble every character.
  if (new TextDecoder('utf-8', { fatal: false }).decode(sample).indexOf('\ufffd') === -1) return 'utf-8';
  if (detected && /^(GB18030|GBK|GB2312|GB-?2312|EUC-CN)$/i.test(detected)) return 'gb18030';
  // Single-byte guesses (ISO-8859-x, windows-125x) of non-UTF-8 bytes from Chinese archive
  // software are GB text misread; GB18030 is a superset of GBK and GB2312.
  return 'gb18030';
}

/**
 * UTF-16 text saved without a byte-order mark, told by its zero bytes: the ASCII of a catalogue
 * (档号, digits, commas, line ends) has a zero high byte, on odd offsets in little-endian text
 * and on even ones in big-endian, while Chinese characters have none. chardet recognises
 * UTF-16 only by its mark. Text in UTF-8 or GB18030 has no zero byte, so many zero bytes
 * without that pattern mean the file is not text (a binary file, or a format not supported):
 * refused, rather than read as thousands of rejected rows.
 */
function unmarkedUtf16(sample: Buffer): string | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const zeros = even + odd;
  // A Chinese character may have a zero low byte (开 is U+5F00): one side dominates, not alone.
  if (zeros * 16 >= sample.length && odd >= 8 * even) return 'utf-16le';
  if (zeros * 16 >= sample.length && even >= 8 * odd) return 'utf-16be';
  // A stray NUL in a cell is that row's fault (rejected with the reason); many are not text.
  if (zeros * 64 < sample.length) return undefined;
  throw new SourceError('文件不是文本格式的目录（含有二进制内容），请导出为 CSV、TSV 或 .xlsx 后再导入。The file is not a text catalogue (it holds binary content): export it as CSV, TSV or .xlsx and import that.');
}

/**
 * How far an XLSX workbook may expand when unzipped. exceljs keeps every shared string in
 * memory and writes a sheet that comes before them to a temporary file, so a small upload that
 * unzips to gigabytes (a zip bomb) would take the archive host's memory or disk. As Apache
 * POI's ZipSecureFile does, the workbook is refused when it expands more than 100 times its
 * size; and past absolute limits that a catalogue of millions of rows stays within.
 */
const XLSX_LIMITS = {
  expansion: 100,
  /** Expansion allowed whatever the ratio: the XML parts of any small workbook. */
  graceBytes: 16 * 1024 * 1024,
  /** The shared strings, all held in memory: about three million titles, 档号 and 文号. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Every part together: a sheet of about four million catalogue rows. */
  totalBytes: 2 * 1024 * 1024 * 1024,
};

/**
 * Unzips the workbook as exceljs will (the same streaming parse, entry by entry in file order,
 * so a part hidden from the central directory is counted too), counting and dropping what
 * each part expands to, and stops at the first limit passed.
 */
async function checkExpansion(path: string, size: number): Promise<void> {
  const total = Math.min(XLSX_LIMITS.totalBytes, Math.max(XLSX_LIMITS.graceBytes, XLSX_LIMITS.expansion * size));
  const refuse = (what: string) =>
    new SourceError(
      `工作簿解压后过大（${what}），可能是压缩炸弹或并非目录，未导入。请另存为 CSV 后再导入。` +
        `The workbook expands too far when unzipped (${what}): it may be a zip bomb, or not a catalogue, and was not read. Save the sheet as CSV and import that.`,
    );
  const input = createReadStream(path);
  const zip = input.pipe(unzipper.Parse());
  let expanded = 0;
  try {
    // Events rather than `for await`: a file that ends inside a part fails the parse, and a
    // reader waiting on that part would wait for ever. Done when the parse has closed and every
    // part it gave has ended.
    await new Promise<void>((resolve, reject) => {
      let unfinished = 0;
      let closed = false;
      const settle = () => closed && unfinished === 0 && resolve();
      zip.on('entry', (entry: unzipper.Entry) => {
        unfinished += 1;
        let part = 0;
        entry.on('data', (chunk: Buffer) => {
          part += chunk.length;
          expanded += chunk.length;
          if (entry.path === 'xl/sharedStrings.xml' && part > XLSX_LIMITS.sharedStringsBytes) reject(refuse(`shared strings over ${XLSX_LIMITS.sharedStringsBytes / 2 ** 20} MiB`));
          else if (expanded > total) reject(refuse(`over ${Math.round(total / 2 ** 20)} MiB from ${(size / 2 ** 20).toFixed(1)} MiB`));
        });
        entry.on('error', reject);
        entry.on('end', () => {
          unfinished -= 1;
          settle();
        });
      });
      zip.on('error', reject);
      zip.on('close', () => {
        closed = true;
        settle();
      });
    });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`工作簿无法解压，不是有效的 .xlsx 文件。The workbook cannot be unzipped: it is not a valid .xlsx file (${(error as Error).message}).`);
  } finally {
    input.destroy();
    zip.destroy();
  }
}

function utf8Truncated(sample: Buffer): Buffer {
  // The sample may cut a character in two; drop an incomplete sequence at its end.
  let end = sample.length;
  for (let i = Math.max(0, end - 4); i < end; i++) {
    const b = sample[i]!;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (b >= 0xc0 && i + length > end) return sample.subarray(0, i);
  }
  return sample;
}

/**
 * Tells the file's format and text encoding from its name, its first bytes and, for text
 * without a BOM, the detector. `encoding` overrides detection (any name iconv-lite knows).
 */
export async function describeSource(path: string, encoding?: string): Promise<SourceDescription> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  let sample: Buffer;
  try {
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const extension = extname(path).toLowerCase();
  if (sample.subarray(0, 8).equals(OLE_MAGIC) && extension === '.xlsx') {
    // Excel saves a workbook with a password to open as an OLE container around the encrypted package.
    throw new SourceError('该 .xlsx 工作簿已加密（设置了打开密码），或是改了扩展名的旧版 .xls 文件，无法读取。请在 Excel 中取消密码并另存为 .xlsx 或 CSV 后再导入。The workbook is encrypted (it has a password to open), or is a legacy .xls file named .xlsx: remove the password in Excel and save it as .xlsx or CSV, then import that.');
  }
  if (sample.subarray(0, 8).equals(OLE_MAGIC) || extension === '.xls') {
    throw new SourceError('旧版 Excel (.xls) 文件无法安全读取，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。Legacy .xls files are not read (no maintained reader is safe on them): save the sheet as .xlsx or CSV and import that.');
  }
  if (sample.subarray(0, 4).equals(ZIP_MAGIC) || extension === '.xlsx') {
    if (!sample.subarray(0, 4).equals(ZIP_MAGIC)) throw new SourceError(`${path} is named .xlsx but is not an XLSX workbook (文件不是 .xlsx 格式).`);
    await checkExpansion(path, size);
    return { format: 'xlsx', encoding: 'utf-8', bom: false, bytes: size };
  }
  let bom = false;
  let chosen = '';
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) [chosen, bom] = ['utf-8', true];
  else if (sample[0] === 0xff && sample[1] === 0xfe) [chosen, bom] = ['utf-16le', true];
  else if (sample[0] === 0xfe && sample[1] === 0xff) [chosen, bom] = ['utf-16be', true];
  if (encoding !== undefined) {
    if (!iconv.encodingExists(encoding)) throw new SourceError(`Unknown encoding "${encoding}" (未知编码); use e.g. gb18030, utf-8 or utf-16le.`);
    chosen = encoding.toLowerCase() === 'gbk' || encoding.toLowerCase() === 'gb2312' ? 'gb18030' : encoding.toLowerCase();
  } else if (!bom) {
    chosen = unmarkedUtf16(sample) ?? chineseEncoding(detect(sample), utf8Truncated(sample));
  }
  const firstLine = iconv.decode(sample, chosen).split(/\r?\n/, 1)[0] ?? '';
  const tabbed = extension === '.tsv' || extension === '.tab' || (firstLine.includes('\t') && !firstLine.includes(','));
  return { format: tabbed ? 'tsv' : 'csv', encoding: chosen, bom, bytes: size };
}

/** Counts the bytes that flow through, for progress and time left. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

export interface ReadOptions {
  /** XLSX: the sheet to read. @default the first sheet */
  sheet?: string;
  /** Called with the bytes of the file read so far. */
  onBytes?: (bytes: number) => void;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function* xlsxRows(path: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const counter = new ByteCounter();
  const input = createReadStream(path).pipe(counter);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', styles: 'cache', entries: 'ignore' });
  const seen: string[] = [];
  for await (const worksheet of workbook) {
    const name = (worksheet as unknown as { name: string }).name;
    seen.push(name);
    if (options.sheet !== undefined && name !== options.sheet) {
      for await (const _rows of worksheet) {
        // A sheet not asked for is read past: the streaming reader goes through sheets in order.
      }
      continue;
    }
    for await (const rows of worksheet as unknown as AsyncIterable<ExcelJS.Row | ExcelJS.Row[]>) {
      // exceljs 4.4 yields a row at a time; its README speaks of arrays of rows.
      for (const row of Array.isArray(rows) ? rows : [rows]) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        // exceljs puts column A at index 1.
        let length = 0;
        for (let i = 1; i < values.length; i++) {
          const text = cellText(values[i]);
          cells.push(text);
          length += text.length;
        }
        // As for delimited text: no catalogue row comes near it (Excel holds 32,767 characters a cell).
        if (length > MAX_RECORD_BYTES) throw tooLong(row.number);
        options.onBytes?.(counter.bytes);
        yield { line: row.number, cells };
      }
    }
    return;
  }
  if (options.sheet !== undefined) throw new SourceError(`The workbook has no sheet "${options.sheet}" (工作表不存在); it has ${seen.join(', ') || 'none'}.`);
}

async function* delimitedRows(path: string, source: SourceDescription, options: ReadOptions): AsyncGenerator<SourceRow> {
  const counter = new ByteCounter();
  // The last row parsed whole, to say where the file stops being readable: the rows parsed
  // ahead of the reader are dropped when the parser fails.
  let last = 0;
  const parser = createReadStream(path)
    .pipe(counter)
    .pipe(iconv.decodeStream(source.encoding, { stripBOM: true }))
    .pipe(
      parse({
        delimiter: source.format === 'tsv' ? '\t' : ',',
        relax_column_count: true,
        skip_empty_lines: true,
        // Exports from some systems quote sloppily: a quote inside an unquoted cell is text.
        relax_quotes: true,
        info: true,
        max_record_size: MAX_RECORD_BYTES,
        on_record: (record, { lines }) => {
          last = lines;
          return record;
        },
      }),
    );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      options.onBytes?.(counter.bytes);
      yield { line: info.lines, cells: record };
    }
  } catch (error) {
    throw unreadableText(error, last);
  }
}

/** A row longer than any catalogue row, with a likely cause where one is known. */
function tooLong(line: number, cause?: string, causeInEnglish?: string): SourceError {
  const mb = MAX_RECORD_BYTES / 2 ** 20;
  return new SourceError(
    `第 ${line} 行超过 ${mb} MB，不像是一行目录${cause ? `（${cause}）` : ''}，未导入。` +
      `Line ${line} is longer than ${mb} MB, which no catalogue row is${causeInEnglish ? ` (${causeInEnglish})` : ''}; nothing was imported.`,
  );
}

/** csv-parse's error for a file it cannot read, told as the archivist needs it: where, and what to do. */
function unreadableText(error: unknown, lastRowLine: number): unknown {
  const { code, lines } = error as { code?: string; lines?: number };
  if (typeof code !== 'string' || !code.startsWith('CSV_')) return error;
  const [after, afterInEnglish] = lastRowLine > 0 ? [`第 ${lastRowLine} 行之后`, `after line ${lastRowLine}`] : ['文件开头', 'at the start of the file'];
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return new SourceError(`${after} / ${afterInEnglish}：有一个单元格的引号没有闭合，直到文件末尾（第 ${lines} 行）。请检查该行的英文双引号。A quoted cell is never closed: its opening quote (") comes ${afterInEnglish} and the file ends (line ${lines}) inside it. Check that row's double quotes.`);
  }
  if (code === 'CSV_MAX_RECORD_SIZE') return tooLong(lines ?? 0, `常见原因：${after}有引号没有闭合`, `often a quote left open ${afterInEnglish}`);
  return new SourceError(`${after} / ${afterInEnglish}：文件无法按 CSV 读取。The file cannot be read as CSV ${afterInEnglish}: ${(error as Error).message}`);
}

/** The file's rows, header first, as text cells. */
export function readRows(path: string, source: SourceDescription, options: ReadOptions = {}): AsyncGenerator<SourceRow> {
  return source.format === 'xlsx' ? xlsxRows(path, options) : delimitedRows(path, source, options);
}
