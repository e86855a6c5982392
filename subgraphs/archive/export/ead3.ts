/**
 * The EAD3 export: one finding aid per fonds (全宗), written to the Society of American
 * Archivists' EAD3 1.1.1 (whose schema is not in the repository; the tests check
 * well-formedness and structure). <archdesc level="fonds"> carries 全宗号,
 * name, 立档单位 and years; <dsc> holds the files (<c level="file">) with their items
 * (<c level="item">) nested, and the standalone items; each with 档号 as unitid, 题名, 日期
 * with its normal form, 责任者, pages, 门类, 保管期限, 密级 and 开放状态. <control> says whose
 * export it is and what it holds.
 */
import { ACCESS_TERMS, CATEGORY_TERMS, CLASSIFICATION_TERMS, RETENTION_TERMS } from '../../../protocol/catalogue-terms.js';
import { XmlWriter } from '../interchange/xml-writer.js';
import type { ExportedFonds, ExportedRecord } from './catalogue-reader.js';

export const EAD3_NAMESPACE = 'http://ead3.archivists.org/schema/';

export interface FindingAidHeading {
  archive: { code: string; name: string };
  fonds: ExportedFonds;
  /** What the finding aid holds, said in <control> (all records, or open records only). */
  scopeNote: string;
  /** When it was written. */
  at: Date;
}

const CHINESE = { language: ['chi', '中文'], script: ['Hans', '简体汉字'] } as const;

function languageAndScript(xml: XmlWriter): void {
  xml.open('languageset').leaf('language', CHINESE.language[1], { langcode: CHINESE.language[0] }).leaf('script', CHINESE.script[1], { scriptcode: CHINESE.script[0] }).close();
}

/** The finding aid up to its description of the fonds (<archdesc><did>). */
export function findingAidStart({ archive, fonds, scopeNote, at }: FindingAidHeading): string {
  const xml = new XmlWriter().declaration();
  xml.open('ead', { xmlns: EAD3_NAMESPACE, audience: 'external' });
  xml.open('control', { langencoding: 'iso639-2b', scriptencoding: 'iso15924', dateencoding: 'iso8601', repositoryencoding: 'otherrepositoryencoding' });
  xml.leaf('recordid', `${archive.code}-${fonds.fondsCode}`);
  xml.open('filedesc');
  xml.open('titlestmt').leaf('titleproper', `${fonds.name} 全宗档案目录（全宗号 ${fonds.fondsCode}）`).close();
  xml.open('publicationstmt').leaf('publisher', archive.name).close();
  xml.open('notestmt').open('controlnote', { localtype: 'export-scope' }).leaf('p', scopeNote).close().close();
  xml.close();
  xml.empty('maintenancestatus', { value: 'derived' });
  xml.open('maintenanceagency').leaf('agencycode', archive.code).leaf('agencyname', archive.name).close();
  xml.open('languagedeclaration').leaf('language', CHINESE.language[1], { langcode: CHINESE.language[0] }).leaf('script', CHINESE.script[1], { scriptcode: CHINESE.script[0] }).close();
  xml.open('maintenancehistory').open('maintenanceevent');
  xml.empty('eventtype', { value: 'derived' });
  xml.leaf('eventdatetime', at.toISOString().slice(0, 19), { standarddatetime: at.toISOString().slice(0, 19) });
  xml.empty('agenttype', { value: 'machine' });
  xml.leaf('agent', '兰台 Lantai');
  xml.leaf('eventdescription', scopeNote);
  xml.close().close();
  xml.close();

  xml.open('archdesc', { level: 'fonds' });
  xml.open('did');
  xml.leaf('unitid', fonds.fondsCode, { localtype: '全宗号' });
  xml.leaf('unittitle', fonds.name);
  xml.open('origination', { label: '立档单位' }).open('corpname').leaf('part', fonds.creator).close().close();
  if (fonds.startYear !== null || fonds.endYear !== null) {
    const from = fonds.startYear ?? fonds.endYear!;
    const to = fonds.endYear ?? fonds.startYear!;
    xml.leaf('unitdate', from === to ? String(from) : `${from}—${to}`, { normal: from === to ? String(from) : `${from}/${to}`, unitdatetype: 'inclusive' });
  }
  xml.open('langmaterial');
  languageAndScript(xml);
  xml.close();
  xml.open('repository').open('corpname').leaf('part', archive.name).close().close();
  xml.close();
  // ead and archdesc stay open: <dsc> and its components follow, then findingAidEnd().
  return xml.take();
}

export const DSC_START = '<dsc>';

export function findingAidEnd(withComponents: boolean): string {
  return `${withComponents ? '</dsc>' : ''}</archdesc></ead>\n`;
}

function openComponent(xml: XmlWriter, record: ExportedRecord): void {
  xml.open('c', { level: record.level === 'FILE' ? 'file' : 'item' });
  xml.open('did');
  xml.leaf('unitid', record.referenceCode, { localtype: '档号' });
  xml.leaf('unittitle', record.title);
  if (record.author !== null) xml.open('origination', { label: '责任者' }).open('name').leaf('part', record.author).close().close();
  if (record.date !== null) xml.leaf('unitdate', record.date, { normal: record.date });
  else xml.leaf('unitdate', String(record.year), { normal: String(record.year), label: '年度' });
  if (record.pages !== null) {
    xml.open('physdescstructured', { physdescstructuredtype: 'spaceoccupied', coverage: 'whole' }).leaf('quantity', record.pages).leaf('unittype', '页').close();
  }
  xml.open('langmaterial');
  languageAndScript(xml);
  xml.close();
  xml.close();
  xml.open('accessrestrict').leaf('p', `开放状态：${ACCESS_TERMS[record.access]}；密级：${CLASSIFICATION_TERMS[record.classification]}`).close();
  xml.open('appraisal').leaf('p', `保管期限：${RETENTION_TERMS[record.retention]}`).close();
  xml.open('controlaccess').open('genreform').leaf('part', CATEGORY_TERMS[record.category]).close().close();
  if (record.remarks !== null) xml.open('odd').leaf('p', record.remarks).close();
}

/** The <c> elements of a page of arranged records: each file with its items inside. */
export function components(page: readonly { record: ExportedRecord; items: readonly ExportedRecord[] }[]): string {
  const xml = new XmlWriter();
  for (const { record, items } of page) {
    openComponent(xml, record);
    for (const item of items) {
      openComponent(xml, item);
      xml.close();
    }
    xml.close();
  }
  return xml.take();
}
