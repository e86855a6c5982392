/**
 * The columns of a catalogue export: header names as archivists write them (DA/T 18 and
 * DA/T 22 terms and their common variants), full-width characters normalised, mapped to the
 * fields the import reads; `--mapping` adds names for headers it does not know.
 */

/** The fields a catalogue row can give. */
export const IMPORT_FIELDS = [
  'referenceCode', 'fondsCode', 'fondsName', 'year', 'retention', 'organisation', 'itemNumber', 'fileNumber',
  'catalogueNumber', 'title', 'author', 'documentNumber', 'date', 'pages', 'classification', 'access', 'category',
  'remarks', 'level', 'fileReferenceCode',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header names (normalised by headerKey) of each field. */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  referenceCode: ['档号', '文件档号', '件档号', '案卷档号'],
  fondsCode: ['全宗号', '全宗代号', '全宗编号'],
  fondsName: ['全宗名称', '全宗名', '立档单位', '立档单位名称'],
  year: ['年度', '归档年度', '年份'],
  retention: ['保管期限', '期限'],
  organisation: ['机构(问题)', '机构问题', '机构', '问题', '部门', '机构或问题', '机构(问题)代码'],
  itemNumber: ['件号', '顺序号', '室编件号', '馆编件号'],
  fileNumber: ['案卷号', '卷号'],
  catalogueNumber: ['目录号'],
  title: ['题名', '文件题名', '标题', '案卷题名', '正题名'],
  author: ['责任者', '发文单位', '作者', '责任单位'],
  documentNumber: ['文号', '发文字号', '文件编号'],
  date: ['日期', '成文日期', '形成日期', '文件日期', '形成时间'],
  pages: ['页数', '页号', '总页数'],
  classification: ['密级'],
  access: ['开放状态', '开放标识', '控制标识', '开放鉴定', '划控状态'],
  category: ['门类', '档案门类', '门类代码'],
  remarks: ['备注', '附注'],
  level: ['层级', '级别', '整理方式'],
  fileReferenceCode: ['所属案卷', '所属案卷档号', '所属案卷号档号', '卷档号'],
};

/** A header name as compared: full-width forms folded (NFKC), spaces and a trailing colon removed. */
export function headerKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/[:：*＊]$/, '');
}

const KNOWN = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const name of HEADER_NAMES[field]) KNOWN.set(headerKey(name), field);
// "案卷档号" names the file's own 档号 in a file list, but the file an item sits in on a list of
// items; it is the record's 档号 unless the list also has a 档号 column (columnsOf below).
const FILE_REFERENCE_WHEN_BOTH = headerKey('案卷档号');

export interface ColumnMapping {
  /** Header names (as written in the file) to fields. */
  columns?: Record<string, ImportField>;
  /** Values for fields no column gives, e.g. `{ "fondsName": "南昌市人民政府办公厅" }`. */
  defaults?: Partial<Record<ImportField, string>>;
}

export interface Columns {
  /** The cell index of each field the file gives. */
  index: Partial<Record<ImportField, number>>;
  /** Headers neither known nor mapped, which the import ignores (reported). */
  ignored: string[];
}

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/** Checks a --mapping file's content, naming what is wrong with it. */
export function parseMapping(json: unknown): ColumnMapping {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new MappingError('The mapping must be a JSON object with "columns" and/or "defaults".');
  const { columns, defaults, ...rest } = json as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new MappingError(`Unknown key(s) in the mapping: ${Object.keys(rest).join(', ')}; use "columns" and "defaults".`);
  const fields = new Set<string>(IMPORT_FIELDS);
  const checked = (what: string, value: unknown, check: (k: string, v: unknown) => void) => {
    if (value === undefined) return;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MappingError(`"${what}" must be an object.`);
    for (const [k, v] of Object.entries(value)) check(k, v);
  };
  checked('columns', columns, (name, field) => {
    if (typeof field !== 'string' || !fields.has(field)) throw new MappingError(`Column "${name}" maps to "${String(field)}", which is not one of: ${IMPORT_FIELDS.join(', ')}.`);
  });
  checked('defaults', defaults, (field, value) => {
    if (!fields.has(field)) throw new MappingError(`Default for "${field}", which is not one of: ${IMPORT_FIELDS.join(', ')}.`);
    if (typeof value !== 'string') throw new MappingError(`The default for "${field}" must be text.`);
  });
  return { columns: columns as ColumnMapping['columns'], defaults: defaults as ColumnMapping['defaults'] };
}

/** Which cell holds which field, from the header row; the first column named for a field wins. */
export function columnsOf(header: readonly string[], mapping: ColumnMapping = {}): Columns {
  const mapped = new Map(Object.entries(mapping.columns ?? {}).map(([name, field]) => [headerKey(name), field]));
  const keys = header.map(headerKey);
  const hasOwnReference = keys.some((key) => key !== FILE_REFERENCE_WHEN_BOTH && KNOWN.get(key) === 'referenceCode' && !mapped.has(key));
  const index: Columns['index'] = {};
  const ignored: string[] = [];
  keys.forEach((key, i) => {
    let field = mapped.get(key) ?? KNOWN.get(key);
    if (field === 'referenceCode' && key === FILE_REFERENCE_WHEN_BOTH && hasOwnReference && !mapped.has(key)) field = 'fileReferenceCode';
    if (field === undefined) {
      if (key.length > 0) ignored.push(header[i]!);
    } else if (index[field] === undefined) {
      index[field] = i;
    } else {
      ignored.push(header[i]!);
    }
  });
  return { index, ignored };
}
