/** How the import reads what archivists type, and the rules a row must meet (no database). */
import { describe, expect, it } from 'vitest';
import { columnsOf, headerKey } from '../../subgraphs/archive/catalogue-import/columns.js';
import { checkRow, readDate } from '../../subgraphs/archive/catalogue-import/rules.js';
import { ITEM_HEADER, itemRow } from './fixtures.js';

const columns = columnsOf(ITEM_HEADER);
const check = (overrides: Parameters<typeof itemRow>[1]) => checkRow(2, itemRow(1, overrides), columns);
const rejectionOf = (overrides: Parameters<typeof itemRow>[1]) => {
  const checked = check(overrides);
  if (checked.ok) throw new Error('expected the row to be rejected');
  return checked.reasons;
};
const recordOf = (overrides: Parameters<typeof itemRow>[1] = {}) => {
  const checked = check(overrides);
  if (!checked.ok) throw new Error(`expected the row to pass: ${JSON.stringify(checked.reasons)}`);
  return checked.record;
};

describe('reading dates as archivists type them', () => {
  it('normalises every written form of a day', () => {
    for (const text of ['20050312', '2005-03-12', '2005.3.12', '2005/3/12', '2005年3月12日', '２００５年３月１２日']) {
      expect(readDate(text), text).toEqual({ date: '2005-03-12', year: 2005 });
    }
  });

  it('takes a year and month or a year alone as the year, without a day', () => {
    for (const text of ['200503', '2005-03', '2005年3月', '2005', '2005年']) expect(readDate(text), text).toEqual({ date: null, year: 2005 });
  });

  it('refuses impossible dates and text that is no date', () => {
    for (const text of ['20050230', '2005-13-01', '2005.2.29', '2005年2月30日', 'March 2005', '05-03-12', '0999']) expect(readDate(text), text).toBeNull();
    expect(readDate('2004.2.29')).toEqual({ date: '2004-02-29', year: 2004 });
  });
});

describe('header names', () => {
  it('recognises the DA/T 18 and DA/T 22 names and their variants, full-width forms folded', () => {
    const { index, ignored } = columnsOf(['文件题名', '档 号', '归档年度', '机构问题', '顺序号', '发文单位', '成文日期', '开放标识', '档案门类', '密级', '页号', '（自定义）', 'ＦＯＯ']);
    expect(index).toMatchObject({ title: 0, referenceCode: 1, year: 2, organisation: 3, itemNumber: 4, author: 5, date: 6, access: 7, category: 8, classification: 9, pages: 10 });
    expect(ignored).toEqual(['（自定义）', 'ＦＯＯ']);
    expect(headerKey('机构（问题）')).toBe(headerKey('机构(问题)'));
  });

  it('maps headers it does not know through the mapping', () => {
    const { index, ignored } = columnsOf(['文件材料题名', '档号'], { columns: { 文件材料题名: 'title' } });
    expect(index).toEqual({ title: 0, referenceCode: 1 });
    expect(ignored).toEqual([]);
  });
});

describe('the rules of a catalogue row', () => {
  it('reads a complete row of a DA/T 22 catalogue', () => {
    expect(recordOf()).toMatchObject({
      referenceCode: '0012-WS·2003-Y-BGS-0001', fondsCode: '0012', level: 'ITEM', fileReferenceCode: null, year: 2003, date: '2003-03-12',
      retention: 'PERMANENT', classification: 'NONE', access: 'OPEN', category: 'ADMINISTRATIVE', pages: 4, remarks: '文号：洪民发〔2003〕1号',
    });
  });

  it('folds full-width codes, dates and statuses, and keeps the full-width punctuation of titles', () => {
    const record = recordOf({ 档号: '００１２－ＷＳ·２００３－Ｙ－ＢＧＳ－０００１', 全宗号: '００１２', 日期: '２００３．３．１２', 保管期限: 'Ｙ', 题名: '关于（更正）〔2003〕的通知' });
    expect(record).toMatchObject({ referenceCode: '0012-WS·2003-Y-BGS-0001', fondsCode: '0012', date: '2003-03-12', retention: 'PERMANENT', title: '关于（更正）〔2003〕的通知' });
  });

  it('maps the old retention periods 长期 to D30 and 短期 to D10', () => {
    expect(recordOf({ 保管期限: '长期', 档号: '0012-WS·2003-C-BGS-0001' }).retention).toBe('D30');
    expect(recordOf({ 保管期限: '短期', 档号: '0012-WS·2003-D-BGS-0001' }).retention).toBe('D10');
    expect(recordOf({ 保管期限: '定期30年', 档号: '0012-WS·2003-D30-BGS-0001' }).retention).toBe('D30');
    expect(recordOf({ 保管期限: '10年', 档号: '0012-WS·2003-D10-BGS-0001' }).retention).toBe('D10');
  });

  it('never opens a record by default: only 开放 is OPEN', () => {
    expect(recordOf({ 开放状态: '' }).access).toBe('UNREVIEWED');
    expect(recordOf({ 开放状态: '待审' }).access).toBe('UNREVIEWED');
    expect(recordOf({ 开放状态: '是' }).access).toBe('UNREVIEWED');
    expect(recordOf({ 开放状态: '控制' }).access).toBe('DELAYED');
    expect(recordOf({ 开放状态: '延期开放' }).access).toBe('DELAYED');
    expect(recordOf({ 开放状态: '开放' }).access).toBe('OPEN');
  });

  it('rejects a classified record marked open', () => {
    for (const level of ['秘密', '机密', '绝密']) {
      expect(rejectionOf({ 密级: level }).map((r) => r.column), level).toEqual(['开放状态']);
    }
    expect(recordOf({ 密级: '机密', 开放状态: '控制' }).classification).toBe('CONFIDENTIAL');
  });

  it('rejects a 档号 whose parts disagree with the columns beside it, naming each column', () => {
    const reasons = rejectionOf({ 全宗号: '0013', 年度: '2004', 保管期限: 'D10', '机构(问题)': 'CWK' });
    expect(reasons.map((r) => r.column)).toEqual(['全宗号', '年度', '保管期限', '机构(问题)']);
    expect(reasons[0]!.reason).toMatch(/全宗号与档号 0012-WS·2003-Y-BGS-0001 不一致 \/ does not agree/);
  });

  it('requires 档号 and 题名, and takes a missing 年度 from the 档号 or the date', () => {
    expect(rejectionOf({ 档号: '' }).map((r) => r.column)).toEqual(['档号']);
    expect(rejectionOf({ 题名: ' ' }).map((r) => r.column)).toEqual(['题名']);
    expect(recordOf({ 年度: '' }).year).toBe(2003);
    const noParts = checkRow(2, ['A-1', '题名', '2007.5.1', '永久'], columnsOf(['档号', '题名', '日期', '保管期限']));
    expect(noParts.ok && noParts.record.year).toBe(2007);
    const noYear = checkRow(2, ['A-1', '题名', ''], columnsOf(['档号', '题名', '日期']));
    expect(!noYear.ok && noYear.reasons.map((r) => r.column)).toEqual(['年度', '保管期限']);
  });

  it('rejects impossible dates, unknown categories and classifications, with the value and a bilingual reason', () => {
    const [reason] = rejectionOf({ 日期: '2003.2.30' });
    expect(reason).toMatchObject({ column: '日期', value: '2003.2.30' });
    expect(reason!.reason).toMatch(/日期无法识别或不存在 \/ not a date/);
    expect(rejectionOf({ 密级: '很秘密' }).map((r) => r.column)).toEqual(['密级']);
    expect(rejectionOf({ 页数: '很多' }).map((r) => r.column)).toEqual(['页数']);
    expect(rejectionOf({ 题名: 'a\u0000b' }).map((r) => r.column)).toEqual(['题名']);
  });
});
