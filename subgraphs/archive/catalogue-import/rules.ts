/**
 * The rules a catalogue row must meet to be imported, and how the values archivists type are
 * read: 档号 forms (DA/T 13-2022, DA/T 22-2015) and their agreement with the parts given
 * beside them, dates written several ways, old retention periods, and access statuses that
 * are never OPEN unless the file says 开放. A row that breaks a rule gets every reason, each
 * naming the column, the value and why, in Chinese and English.
 */
import type { AccessStatus, Category, Classification, RecordLevel, RecordRow, Retention } from '../bulk/tables.js';
import { year as checkedYear } from '../../../protocol/input.js';
import { CONTROL_CHARACTER } from '../../../protocol/text.js';
import type { Columns, ColumnMapping, ImportField } from './columns.js';

/** A checked row: the record's values as the bulk layout stores them, with what places it (fonds, file) by code. */
export interface ImportedRecord extends Omit<RecordRow, 'id' | 'fondsId' | 'parentId' | 'electronic'> {
  line: number;
  fondsCode: string;
  fondsName: string | null;
  /** The 档号 of the file (案卷) the item sits in, given or derived from the item's 档号. */
  fileReferenceCode: string | null;
  /** Whether the file's 档号 was given (a missing file is then an error) or only derived (then the item stands alone). */
  fileGiven: boolean;
}

export interface RejectionReason {
  column: string;
  value: string;
  reason: string;
  /** The rule broken, without the row's values: how rejections are counted in the summary. */
  rule: string;
}

export type CheckedRow = { ok: true; record: ImportedRecord } | { ok: false; line: number; reasons: RejectionReason[] };

// The tables below read what legacy catalogue software writes: the terms of
// protocol/catalogue-terms.ts (what the exports write) among older names and codes, so they
// are aliases of those terms, not a second list of them. test/export/round-trip.test.ts
// imports an export back, and fails when an exported term is not read here.

/** 保管期限: 永久 and the current periods, with the old 长期 and 短期 mapped to the periods that replaced them. */
const RETENTION: Record<string, Retention> = {
  永久: 'PERMANENT', Y: 'PERMANENT', PERMANENT: 'PERMANENT',
  定期30年: 'D30', '30年': 'D30', D30: 'D30', 长期: 'D30', C: 'D30',
  定期10年: 'D10', '10年': 'D10', D10: 'D10', 短期: 'D10', D: 'D10',
};

const ACCESS_OPEN = new Set(['开放', 'OPEN']);
const ACCESS_DELAYED = new Set(['控制', '不开放', '延期开放', '延期', 'DELAYED']);

const CLASSIFICATION: Record<string, Classification> = {
  '': 'NONE', 无: 'NONE', 公开: 'NONE', 非密: 'NONE', 普通: 'NONE', NONE: 'NONE',
  内部: 'INTERNAL', INTERNAL: 'INTERNAL',
  秘密: 'SECRET', SECRET: 'SECRET',
  机密: 'CONFIDENTIAL', CONFIDENTIAL: 'CONFIDENTIAL',
  绝密: 'TOP_SECRET', TOP_SECRET: 'TOP_SECRET',
};

/** 门类 by name and by the code DA/T 13 writes in a 档号 (WS·2003). */
const CATEGORY: Record<string, Category> = {
  文书: 'ADMINISTRATIVE', WS: 'ADMINISTRATIVE', 科技: 'SCIENTIFIC_TECHNICAL', KJ: 'SCIENTIFIC_TECHNICAL',
  会计: 'ACCOUNTING', KU: 'ACCOUNTING', 照片: 'PHOTO', ZP: 'PHOTO', 录音录像: 'AUDIOVISUAL', 音像: 'AUDIOVISUAL', LX: 'AUDIOVISUAL',
  实物: 'ARTEFACT', SW: 'ARTEFACT', 专业: 'SPECIALISED', ZY: 'SPECIALISED',
  婚姻: 'MARRIAGE', 婚姻登记: 'MARRIAGE', 社保: 'SOCIAL_SECURITY', 社会保险: 'SOCIAL_SECURITY',
  知青: 'RUSTICATED_YOUTH', 招工: 'RECRUITMENT',
};

const LEVEL: Record<string, RecordLevel> = { 案卷: 'FILE', 卷: 'FILE', FILE: 'FILE', 件: 'ITEM', 文件: 'ITEM', 卷内文件: 'ITEM', ITEM: 'ITEM' };

const FIELD_LABEL: Record<ImportField, string> = {
  referenceCode: '档号', fondsCode: '全宗号', fondsName: '全宗名称', year: '年度', retention: '保管期限', organisation: '机构(问题)',
  itemNumber: '件号', fileNumber: '案卷号', catalogueNumber: '目录号', title: '题名', author: '责任者', documentNumber: '文号',
  date: '日期', pages: '页数', classification: '密级', access: '开放状态', category: '门类', remarks: '备注', level: '层级',
  fileReferenceCode: '所属案卷',
};

const REFERENCE_CODE = /^[0-9A-Za-z\u3400-\u9fff][0-9A-Za-z\u3400-\u9fff·.\-/()]*$/;

const DESCRIPTIVE_FIELDS = new Set<ImportField>(['title', 'author', 'documentNumber', 'remarks', 'fondsName']);
const FULL_WIDTH = /[\u3000\uff01-\uff5e]/;

/**
 * Full-width letters, digits and punctuation (２００５, ＷＳ, （）) as their ASCII forms, as NFKC
 * folds them; other text is left as typed (NFKC would also rewrite ①, ㈠ and the like in titles).
 */
function folded(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface ReadDate {
  /** YYYY-MM-DD when the day is known. */
  date: string | null;
  year: number;
}

/**
 * A date as archivists type it: 20050312, 2005-03-12, 2005.3.12, 2005/3/12, 2005年3月12日, a
 * year and month (200503, 2005-03, 2005年3月) or a year alone. A partial date gives the year
 * and no day. Null when it is none of these, or not a day of the calendar (2005-02-30).
 */
export function readDate(text: string): ReadDate | null {
  const t = folded(text).trim();
  let match = /^(\d{4})(\d{2})(\d{2})?$/.exec(t) ?? /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(\d{1,2})\s*日?|月)?$/.exec(t) ?? /^(\d{4})\s*年?$/.exec(t);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1000 || year > 2999) return null;
  if (match[2] === undefined) return { date: null, year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { date: null, year };
  const day = Number(match[3]);
  if (day < 1 || day > daysIn(year, month)) return null;
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, year };
}

/** The parts of a DA/T 22 item 档号: 全宗号-门类代码·年度-保管期限代码-机构(问题)代码-件号. */
interface ReferenceParts {
  fondsCode: string;
  categoryCode: string | null;
  year: number | null;
  retention: Retention | null;
  organisation: string | null;
  number: number | null;
}

function referenceParts(code: string): ReferenceParts {
  const parts = code.split('-');
  const yearPart = /^(?:([A-Za-z]{1,4})[·.])?(\d{4})$/.exec(parts[1] ?? '');
  if (parts.length >= 4 && yearPart) {
    const last = parts[parts.length - 1]!;
    return {
      fondsCode: parts[0]!,
      categoryCode: yearPart[1]?.toUpperCase() ?? null,
      year: Number(yearPart[2]),
      retention: RETENTION[parts[2]!.toUpperCase()] ?? null,
      organisation: parts.length >= 5 ? parts.slice(3, -1).join('-') : null,
      number: /^\d+$/.test(last) ? Number(last) : null,
    };
  }
  return { fondsCode: parts[0]!, categoryCode: null, year: null, retention: null, organisation: null, number: null };
}

/** The apostrophe a spreadsheet or the CSV export puts before a cell that would read as a formula. */
const FORMULA_TEXT_MARK = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

/** Checks one data row against the rules, reading each field from its column or the mapping's default. */
export function checkRow(line: number, cells: readonly string[], columns: Columns, mapping: ColumnMapping = {}): CheckedRow {
  const reasons: RejectionReason[] = [];
  const cell = (field: ImportField): string => {
    const i = columns.index[field];
    // An apostrophe before a formula character is a spreadsheet's text mark (the export writes
    // it, as Excel does), not part of the value.
    const value = i === undefined ? '' : (cells[i] ?? '').trim().replace(FORMULA_TEXT_MARK, '');
    const text = value.length > 0 ? value : (mapping.defaults?.[field]?.trim() ?? '');
    // Codes, dates and statuses are compared folded; titles and names keep their full-width （）〔〕.
    return DESCRIPTIVE_FIELDS.has(field) ? text : folded(text);
  };
  const reject = (field: ImportField, value: string, chinese: string, english: string) => {
    const column = FIELD_LABEL[field];
    reasons.push({ column, value: value.slice(0, 100), reason: `${chinese} / ${english}`, rule: `${column}：${chinese.replace(/档号 \S+ /, '档号')}` });
  };
  for (const field of Object.keys(columns.index) as ImportField[]) {
    const value = cell(field);
    if (CONTROL_CHARACTER.test(value)) reject(field, value, '含有控制字符', 'holds control characters (such as a NUL byte)');
  }
  if (reasons.length > 0) return { ok: false, line, reasons };

  const referenceCode = cell('referenceCode');
  if (referenceCode.length === 0) reject('referenceCode', '', '档号为空', 'the 档号 (reference code) is required');
  else if (referenceCode.length > 100 || !REFERENCE_CODE.test(referenceCode) || !referenceCode.includes('-')) {
    reject('referenceCode', referenceCode, '档号格式不符合 DA/T 13 或 DA/T 22', 'not a 档号 of DA/T 13 or DA/T 22 form (parts joined by "-", e.g. 0012-WS·2003-Y-BGS-0001)');
  }
  const parts = referenceParts(referenceCode);

  const title = cell('title');
  if (title.length === 0) reject('title', '', '题名为空', 'the title (题名) is required');
  else if (title.length > 1000) reject('title', title, '题名超过 1000 字', 'the title is longer than 1000 characters');

  let fondsCode = cell('fondsCode');
  if (fondsCode.length === 0) fondsCode = parts.fondsCode;
  else if (referenceCode.length > 0 && fondsCode !== parts.fondsCode) {
    reject('fondsCode', fondsCode, `全宗号与档号 ${referenceCode} 不一致`, `does not agree with the 档号 ${referenceCode}, which starts with ${parts.fondsCode}`);
  }
  if ((fondsCode.length === 0 && referenceCode.length > 0) || fondsCode.length > 20) reject('fondsCode', fondsCode, '全宗号为空或过长', 'the 全宗号 (fonds code) is missing or longer than 20 characters');

  const dateText = cell('date');
  let date: ReadDate | null = null;
  if (dateText.length > 0) {
    date = readDate(dateText);
    if (!date) reject('date', dateText, '日期无法识别或不存在', 'not a date (e.g. 20050312, 2005-03-12, 2005年3月12日, 2005-03, 2005) or not a day of the calendar');
  }
  const yearText = cell('year');
  let year: number | null = null;
  if (yearText.length > 0) {
    try {
      year = /^\d{4}$/.test(yearText) ? checkedYear('年度', Number(yearText)) : null;
    } catch {
      year = null;
    }
    if (year === null) reject('year', yearText, '年度应为四位年份', 'the year (年度) must be a year such as 2003');
    else if (parts.year !== null && parts.year !== year) reject('year', yearText, `年度与档号 ${referenceCode} 不一致`, `does not agree with the 档号 ${referenceCode} (year ${parts.year})`);
  } else {
    year = parts.year ?? date?.year ?? null;
    if (year === null && (dateText.length === 0 || date !== null)) reject('year', '', '年度为空且无法从日期或档号得出', 'the year (年度) is required, and neither a date nor the 档号 gives it');
  }

  const retentionText = cell('retention').toUpperCase();
  let retention: Retention | null = null;
  if (retentionText.length > 0) {
    retention = RETENTION[retentionText] ?? null;
    if (!retention) reject('retention', retentionText, '保管期限无法识别', 'not a retention period (永久/Y, 定期30年/30年/D30/长期, 定期10年/10年/D10/短期)');
    else if (parts.retention !== null && parts.retention !== retention) reject('retention', retentionText, `保管期限与档号 ${referenceCode} 不一致`, `does not agree with the 档号 ${referenceCode}`);
  } else {
    retention = parts.retention;
    if (!retention) reject('retention', '', '保管期限为空且无法从档号得出', 'the retention period (保管期限) is required, and the 档号 does not give it');
  }

  const organisation = cell('organisation');
  if (organisation.length > 0 && parts.organisation !== null && organisation.toUpperCase() !== parts.organisation.toUpperCase()) {
    reject('organisation', organisation, `机构(问题)与档号 ${referenceCode} 不一致`, `does not agree with the 档号 ${referenceCode} (${parts.organisation})`);
  }
  const itemNumber = cell('itemNumber');
  if (itemNumber.length > 0 && (!/^\d+$/.test(itemNumber) || (parts.number !== null && Number(itemNumber) !== parts.number && cell('fileNumber').length === 0))) {
    reject('itemNumber', itemNumber, `件号应为数字且与档号 ${referenceCode} 一致`, `the item number must be a number agreeing with the 档号 ${referenceCode}`);
  }

  const classificationText = cell('classification').toUpperCase();
  const classification = CLASSIFICATION[classificationText] ?? null;
  if (!classification) reject('classification', classificationText, '密级无法识别', 'not a classification (无, 内部, 秘密, 机密, 绝密)');

  const accessText = cell('access').toUpperCase();
  // Never OPEN by default: only an explicit 开放 opens a record; anything unrecognised awaits review.
  const access: AccessStatus = ACCESS_OPEN.has(accessText) ? 'OPEN' : ACCESS_DELAYED.has(accessText) ? 'DELAYED' : 'UNREVIEWED';
  if (access === 'OPEN' && classification && classification !== 'NONE' && classification !== 'INTERNAL') {
    reject('access', accessText, `${classificationText}级档案不得标为开放`, `a classified record (${classificationText}) cannot be open`);
  }

  const categoryText = cell('category').toUpperCase();
  let category: Category | null = null;
  if (categoryText.length > 0) {
    category = CATEGORY[categoryText] ?? null;
    if (!category) reject('category', categoryText, '门类无法识别', 'not a category (文书, 科技, 会计, 照片, 录音录像, 实物, 专业, 婚姻, 社保, 知青, 招工)');
  } else {
    // A 档号 of DA/T 22 names its category; an export without either is 文书, the usual case.
    category = (parts.categoryCode && CATEGORY[parts.categoryCode]) || 'ADMINISTRATIVE';
  }

  const pagesText = cell('pages');
  let pages: number | null = null;
  if (pagesText.length > 0) {
    const range = /^(\d+)\s*[-~～]\s*(\d+)$/.exec(pagesText);
    pages = /^\d{1,6}$/.test(pagesText) ? Number(pagesText) : range && Number(range[2]) >= Number(range[1]) ? Number(range[2]) - Number(range[1]) + 1 : null;
    if (pages === null) reject('pages', pagesText, '页数应为非负整数或页号范围', 'the pages must be a whole number or a page range such as 1-12');
  }

  const levelText = cell('level').toUpperCase();
  let level: RecordLevel | null = null;
  const fileReference = cell('fileReferenceCode');
  if (levelText.length > 0) {
    level = LEVEL[levelText] ?? null;
    if (!level) reject('level', levelText, '层级无法识别', 'not a level (案卷 or 件)');
  } else {
    level = fileReference.length > 0 || itemNumber.length > 0 || cell('fileNumber').length === 0 ? 'ITEM' : 'FILE';
  }
  let fileReferenceCode: string | null = null;
  let fileGiven = false;
  if (fileReference.length > 0) {
    if (level === 'FILE') reject('fileReferenceCode', fileReference, '案卷不能属于另一案卷', 'a file (案卷) cannot sit in another file');
    fileReferenceCode = fileReference;
    fileGiven = true;
  } else if (level === 'ITEM' && cell('fileNumber').length > 0 && referenceCode.lastIndexOf('-') > 0) {
    // On a list of items in files (卷内目录) the item's 档号 is its file's 档号 and its number.
    fileReferenceCode = referenceCode.slice(0, referenceCode.lastIndexOf('-'));
  }

  const author = cell('author');
  if (author.length > 200) reject('author', author, '责任者超过 200 字', 'the author is longer than 200 characters');
  const documentNumber = cell('documentNumber');
  const remarksText = cell('remarks');
  // The catalogue has no column for 文号; it is kept in the remarks rather than lost.
  const remarks = [documentNumber.length > 0 ? `文号：${documentNumber}` : '', remarksText].filter((s) => s.length > 0).join('；');
  if (remarks.length > 2000) reject('remarks', remarks, '备注超过 2000 字', 'the remarks are longer than 2000 characters');
  const fondsName = cell('fondsName');

  if (reasons.length > 0) return { ok: false, line, reasons };
  return {
    ok: true,
    record: {
      line,
      referenceCode,
      fondsCode,
      fondsName: fondsName.length > 0 ? fondsName.slice(0, 200) : null,
      level: level!,
      fileReferenceCode,
      fileGiven,
      title,
      author: author.length > 0 ? author : null,
      date: date?.date ?? null,
      year: year!,
      retention: retention!,
      classification: classification!,
      access,
      category: category!,
      pages,
      remarks: remarks.length > 0 ? remarks : null,
    },
  };
}
