/**
 * The metadata formats a record is disseminated in: `oai_dc` (unqualified Dublin Core, which
 * every harvester reads) and `lantai` (every DA/T 18 element the archive contract has, under
 * the project's own namespace and XML Schema, schema/xml/lantai-record-1.0.xsd).
 */
import type { XmlWriter } from '../interchange/xml-writer.js';
import { ACCESS_TERMS, CATEGORY_TERMS, CLASSIFICATION_TERMS, LEVEL_TERMS, RETENTION_TERMS } from '../../../protocol/catalogue-terms.js';
import type { HarvestedRecord } from './feed.js';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export const LANTAI_RECORD_NAMESPACE = 'urn:lantai:xmlns:record:1.0';
/** The file name the schema is served under, beside each OAI-PMH base URL. */
export const LANTAI_RECORD_SCHEMA_FILE = 'lantai-record-1.0.xsd';

export interface ArchiveDescription {
  code: string;
  name: string;
}

export interface MetadataFormat {
  prefix: string;
  namespace: string;
  /** The schema's URL, given the OAI-PMH base URL. */
  schema(baseUrl: string): string;
  write(xml: XmlWriter, record: HarvestedRecord, archive: ArchiveDescription, schemaUrl: string): void;
}

const OAI_DC: MetadataFormat = {
  prefix: 'oai_dc',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  schema: () => 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  write(xml, record, archive, schemaUrl) {
    const zh = { 'xml:lang': 'zh' };
    xml.open('oai_dc:dc', {
      'xmlns:oai_dc': OAI_DC.namespace,
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': `${OAI_DC.namespace} ${schemaUrl}`,
    });
    xml.leaf('dc:title', record.title, zh);
    xml.leaf('dc:creator', record.author, zh);
    xml.leaf('dc:date', record.date ?? String(record.year));
    xml.leaf('dc:identifier', record.referenceCode);
    xml.leaf('dc:type', CATEGORY_TERMS[record.category], zh);
    xml.leaf('dc:type', LEVEL_TERMS[record.level], zh);
    xml.leaf('dc:publisher', archive.name, zh);
    xml.leaf('dc:relation', `全宗 ${record.fondsCode} ${record.fondsName}`, zh);
    xml.leaf('dc:language', 'zh');
    xml.leaf('dc:rights', `${ACCESS_TERMS.OPEN}：依《中华人民共和国档案法》向社会开放，可查阅利用。`, zh);
    xml.leaf('dc:rights', 'Open to the public under the Archives Law of the People\'s Republic of China.', { 'xml:lang': 'en' });
    xml.close();
  },
};

const LANTAI: MetadataFormat = {
  prefix: 'lantai',
  namespace: LANTAI_RECORD_NAMESPACE,
  schema: (baseUrl) => `${baseUrl}/${LANTAI_RECORD_SCHEMA_FILE}`,
  write(xml, record, archive, schemaUrl) {
    xml.open('record', {
      xmlns: LANTAI_RECORD_NAMESPACE,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': `${LANTAI_RECORD_NAMESPACE} ${schemaUrl}`,
      level: record.level,
    });
    xml.leaf('referenceCode', record.referenceCode);
    xml.leaf('fondsCode', record.fondsCode);
    xml.leaf('fondsName', record.fondsName);
    xml.leaf('year', record.year);
    xml.leaf('retention', RETENTION_TERMS[record.retention], { code: record.retention });
    xml.leaf('title', record.title);
    xml.leaf('author', record.author);
    xml.leaf('date', record.date);
    xml.leaf('pages', record.pages);
    xml.leaf('classification', CLASSIFICATION_TERMS[record.classification], { code: record.classification });
    xml.leaf('access', ACCESS_TERMS[record.access], { code: record.access });
    xml.leaf('category', CATEGORY_TERMS[record.category], { code: record.category });
    xml.leaf('electronic', String(record.electronic));
    xml.leaf('remarks', record.remarks);
    xml.leaf('archive', archive.name, { code: archive.code });
    xml.close();
  },
};

export const METADATA_FORMATS: ReadonlyMap<string, MetadataFormat> = new Map([OAI_DC, LANTAI].map((format) => [format.prefix, format]));
