/**
 * EAD3 and CSV exports from the archive host, as the public, as the archive's archivist and
 * as another archive's archivist: each holds what that caller may see and says which, and
 * every finding aid is well-formed XML of EAD3's structure (SAA's schema is not in the repository).
 */
import { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, type Identity } from '../../protocol/identity.js';
import { CATALOGUE, CITY, COUNTY, PUBLIC, SECRET, archivistOf, seedCatalogue, startArchiveWorld, type ArchiveWorld } from '../archive/fixture.js';
import { expectEad3FindingAid } from '../harness/ead3-structure.js';
import { archiveSchemaName } from '../../subgraphs/archive/database.js';
import { ExportAbandoned, writeCsv } from '../../subgraphs/archive/export/export.js';

let world: ArchiveWorld;

beforeAll(async () => {
  world = await startArchiveWorld('export', [CITY, COUNTY]);
  await seedCatalogue(world, CITY);
});

afterAll(async () => {
  await world?.close();
});

async function exportAs(identity: Identity | null, query: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`http://127.0.0.1:${world.port}/archives/${CITY}/export?${query}`, { headers: identity ? signIdentity(identity, SECRET) : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const OPEN = CATALOGUE.filter((record) => record.access === 'OPEN');
const CLOSED = CATALOGUE.filter((record) => record.access !== 'OPEN');
const OUTSIDERS: [string, Identity][] = [
  ['the public', PUBLIC],
  ["another archive's archivist", archivistOf(COUNTY)],
];

function expectOpenOnly(text: string, fonds?: 'J001' | 'J002'): void {
  for (const record of OPEN.filter((candidate) => !fonds || candidate.fonds === fonds)) expect(text).toContain(record.title);
  for (const record of CLOSED) {
    expect(text).not.toContain(record.title);
    expect(text).not.toContain(record.referenceCode);
  }
}

describe('EAD3 finding aids', () => {
  it.each(OUTSIDERS)('%s gets open records only, in well-formed EAD3 finding aids, saying so', async (_name, identity) => {
    for (const fonds of ['J001', 'J002'] as const) {
      const answer = await exportAs(identity, `format=ead3&fonds=${fonds}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      const xml = answer.bytes.toString('utf8');
      await expectEad3FindingAid(xml);
      expectOpenOnly(xml, fonds);
      expect(xml).toContain('公众导出：仅开放档案');
      expect(xml).toContain('<archdesc level="fonds">');
    }
  });

  it("the archive's archivist gets every record, files holding their items, and the finding aid says it is complete", async () => {
    const answer = await exportAs(archivistOf(CITY), 'format=ead3&fonds=J001');
    const xml = answer.bytes.toString('utf8');
    const described = await expectEad3FindingAid(xml);
    expect(described.fonds).toBe('J001');
    expect(described.files + described.items).toBe(CATALOGUE.filter((candidate) => candidate.fonds === 'J001').length);
    for (const record of CATALOGUE.filter((candidate) => candidate.fonds === 'J001')) expect(xml).toContain(record.title);
    expect(xml).toContain('本馆档案工作人员导出：全部档案');
    // 婚姻登记办法 (i1) and the delayed i2 sit inside their file f1.
    const file = /<c level="file"><did><unitid localtype="档号">J001-WS·1948-Y-BGS-0001<\/unitid>[\s\S]*?<\/c><\/c>/.exec(xml)![0];
    expect(file).toContain('<c level="item"><did><unitid localtype="档号">J001-WS·1948-Y-BGS-0001-001</unitid><unittitle>婚姻登记办法</unittitle>');
    expect(file).toContain('婚姻登记婚姻纠纷调解记录');
    expect(xml).toContain('<unitdate normal="1948-06-01">1948-06-01</unitdate>');
    expect(xml).toContain('<languageset><language langcode="chi">中文</language><script scriptcode="Hans">简体汉字</script></languageset>');
    expect(xml).toContain('<quantity>10</quantity><unittype>页</unittype>');
  });

  it('an open item of a delayed file stands alone in the public finding aid, and nothing of the file appears', async () => {
    const delayedFile = await startArchiveWorld('exportdelayed', [CITY]);
    try {
      await seedCatalogue(delayedFile, CITY);
      await delayedFile.sql(CITY, `update $schema.record set access = 'DELAYED' where reference_code = 'J001-WS·1948-Y-BGS-0001'`);
      const response = await fetch(`http://127.0.0.1:${delayedFile.port}/archives/${CITY}/export?format=ead3&fonds=J001`, { headers: signIdentity(PUBLIC, SECRET) });
      const xml = await response.text();
      await expectEad3FindingAid(xml);
      expect(xml).toContain('<c level="item"><did><unitid localtype="档号">J001-WS·1948-Y-BGS-0001-001</unitid>');
      expect(xml).not.toContain('南昌县政府关于婚姻登记的通知');
      expect(xml).not.toContain('<c level="file"><did><unitid localtype="档号">J001-WS·1948-Y-BGS-0001</unitid>');
    } finally {
      await delayedFile.close();
    }
  });

  it('a fonds with no record the caller may see is still a well-formed finding aid', async () => {
    await world.sql(CITY, `insert into $schema.fonds (fonds_code, name, creator) values ('J009', '空全宗', '某单位')`);
    const xml = (await exportAs(PUBLIC, 'format=ead3&fonds=J009')).bytes.toString('utf8');
    expect(await expectEad3FindingAid(xml)).toEqual({ fonds: 'J009', files: 0, items: 0 });
    expect(xml).not.toContain('<dsc>');
  });
});

describe('CSV export', () => {
  const rowsOf = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];

  it.each(OUTSIDERS)('%s gets open records only, UTF-8 with a BOM, with the import\'s Chinese headers', async (_name, identity) => {
    const answer = await exportAs(identity, 'format=csv');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = answer.bytes.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe('档号,全宗号,全宗名称,年度,保管期限,机构问题,件号,案卷号,题名,责任者,文号,日期,页数,密级,开放状态,门类,备注,层级,所属案卷,导出范围');
    const rows = rowsOf(text);
    expect(rows.map((row) => row['档号']).sort()).toEqual(OPEN.map((record) => record.referenceCode).sort());
    expect(rows.every((row) => row['开放状态'] === '开放' && row['导出范围']!.startsWith('公众导出'))).toBe(true);
    expectOpenOnly(text);
  });

  it("the archive's archivist gets every record with its status, level and file, in GB18030 when asked", async () => {
    const answer = await exportAs(archivistOf(CITY), 'format=csv&encoding=gb18030');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=gb18030');
    expect([...answer.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(iconv.decode(answer.bytes, 'gb18030'));
    expect(rows).toHaveLength(CATALOGUE.length);
    const byCode = new Map(rows.map((row) => [row['档号'], row]));
    expect(byCode.get('J001-WS·1948-Y-BGS-0001-002')).toMatchObject({ 题名: '婚姻登记婚姻纠纷调解记录', 开放状态: '延期开放', 层级: '件', 所属案卷: 'J001-WS·1948-Y-BGS-0001', 门类: '婚姻' });
    expect(byCode.get('J002-WS·2010-D10-MZJ-0001')).toMatchObject({ 开放状态: '未审核', 全宗号: 'J002', 全宗名称: '南昌县民政局', 年度: '2010', 保管期限: '永久', 日期: '2010-06-01', 页数: '10', 密级: '公开' });
    expect(rows.every((row) => row['导出范围']!.startsWith('本馆档案工作人员导出'))).toBe(true);
  });

  it('a fonds alone, and refusals: unsigned, bad format or encoding, EAD without a fonds, an unknown fonds', async () => {
    const one = rowsOf((await exportAs(PUBLIC, 'format=csv&fonds=J002')).bytes.toString('utf8'));
    expect(one.map((row) => row['档号']).sort()).toEqual(['J002-WS·1965-Y-MZJ-0002', 'J002-ZP·1978-Y-MZJ-0003']);
    expect((await exportAs(null, 'format=csv')).status).toBe(401);
    expect((await exportAs(PUBLIC, 'format=pdf')).status).toBe(400);
    expect((await exportAs(PUBLIC, 'format=csv&encoding=big5')).status).toBe(400);
    expect((await exportAs(PUBLIC, 'format=ead3')).status).toBe(400);
    expect((await exportAs(PUBLIC, 'format=ead3&fonds=J404')).status).toBe(404);
  });
});

describe('streaming', () => {
  it('ends an export whose reader stops reading and goes away, instead of waiting for it for ever', async () => {
    // A reader that takes the first chunk and never asks for more, then hangs up.
    const stalled = new Writable({ highWaterMark: 1, write: () => undefined });
    const schema = archiveSchemaName(CITY);
    const running = writeCsv({ archive: CITY, schema, em: world.orm.em.fork({ schema }), viewer: PUBLIC }, stalled);
    stalled.destroy();
    await expect(running).rejects.toBeInstanceOf(ExportAbandoned);
  });
});
