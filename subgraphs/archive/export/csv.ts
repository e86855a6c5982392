/**
 * The CSV export: the columns the catalogue import recognises, headed with the Chinese terms
 * archivists write (DA/T 18), coded values as their Chinese terms. Columns Lantai does not
 * keep (机构问题, 件号, 案卷号, 文号) are written empty, so a file keeps the layout of the
 * field; 层级 and 所属案卷 carry what a file of items and files needs to come back as it was.
 */
import { stringify } from 'csv-stringify/sync';
import { ACCESS_TERMS, CATEGORY_TERMS, CLASSIFICATION_TERMS, LEVEL_TERMS, RETENTION_TERMS } from '../../../protocol/catalogue-terms.js';
import type { ExportedRecord } from './catalogue-reader.js';

export const CSV_HEADER = [
  '档号', '全宗号', '全宗名称', '年度', '保管期限', '机构问题', '件号', '案卷号', '题名', '责任者', '文号', '日期', '页数',
  '密级', '开放状态', '门类', '备注', '层级', '所属案卷', '导出范围',
] as const;

function cells(record: ExportedRecord, scope: string): (string | number | null | undefined)[] {
  return [
    record.referenceCode,
    record.fondsCode,
    record.fondsName,
    record.year,
    RETENTION_TERMS[record.retention],
    null,
    null,
    null,
    record.title,
    record.author,
    null,
    record.date,
    record.pages,
    CLASSIFICATION_TERMS[record.classification],
    ACCESS_TERMS[record.access],
    CATEGORY_TERMS[record.category],
    record.remarks,
    LEVEL_TERMS[record.level],
    record.parentReferenceCode,
    scope,
  ];
}

export function csvHeader(): string {
  return stringify([[...CSV_HEADER]], { record_delimiter: 'windows' });
}

/** The rows of a page of records; `scope` states, in every row, what the file holds (导出范围). */
export function csvRows(records: readonly ExportedRecord[], scope: string): string {
  return stringify(
    records.map((record) => cells(record, scope)),
    // A cell a spreadsheet would run as a formula (=, +, -, @, their full-width forms) is
    // written with an apostrophe before it, which spreadsheets show as text; the import takes it off again.
    { record_delimiter: 'windows', escape_formulas: true, cast: { number: (value) => String(value) } },
  );
}
