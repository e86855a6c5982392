/**
 * An imported catalogue through the gateway: a record imported without 开放状态 awaits review
 * (未审核), so the public finds it through no path (record, search, statistics), while the
 * archive's own archivists do; and what an import adds is counted at once, without a manual step.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogueFile } from '../../subgraphs/archive/catalogue-import/import.js';
import { signClientToken } from '../../gateway/caller.js';
import type { Identity } from '../../protocol/identity.js';
import { archivistOf, JWT_SECRET, PUBLIC, startCatalogueNetwork, type CatalogueNetwork } from '../province-search/catalogue-network.js';
import { fixtureFolder, holdImportLock, ITEM_HEADER, itemRow, type FixtureFolder } from './fixtures.js';

const ARCHIVE = '360124';
let network: CatalogueNetwork;
let files: FixtureFolder;
const ids: Record<string, string> = {};

beforeAll(async () => {
  network = await startCatalogueNetwork({ label: 'importgw', hosts: [[ARCHIVE]], withGateway: true });
  files = fixtureFolder();
  const path = files.text('目录.csv', [
    ITEM_HEADER,
    itemRow(1, { 档号: '0099-WS·2003-Y-BGS-0001', 全宗号: '0099', 题名: '兰台导入开放样本通知', 开放状态: '开放' }),
    itemRow(2, { 档号: '0099-WS·2003-Y-BGS-0002', 全宗号: '0099', 题名: '兰台导入未审样本通知', 开放状态: '' }),
  ], 'gb18030');
  const client = new pg.Client({ connectionString: network.database.url });
  await client.connect();
  try {
    expect(await importCatalogueFile(client, path, { archive: ARCHIVE, importedBy: 'tester' })).toMatchObject({ added: 2, written: true });
  } finally {
    await client.end();
  }
  for (const row of await network.sql(ARCHIVE, `select id, title from $schema.record where title like '兰台导入%'`)) ids[row.title] = `${ARCHIVE}:Record:${row.id}`;
});

afterAll(async () => {
  files?.remove();
  await network?.teardown();
});

const RECORD = `query R($id: ID!) { record(id: $id) { id title access } }`;
const SEARCH = `query S($query: String) { searchCatalogue(query: $query, first: 10) { totalCount hits { record { id title access } } } }`;
const STATISTICS = `query T($region: ID) { statistics(region: $region) { totals { items openItems } } }`;

describe('an imported catalogue through the gateway', () => {
  it('hides a record imported without 开放状态 from the public record field, and shows the open one', async () => {
    const hidden = await network.gateway$(PUBLIC, RECORD, { id: ids['兰台导入未审样本通知'] });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.record).toBeNull();
    const open = await network.gateway$(PUBLIC, RECORD, { id: ids['兰台导入开放样本通知'] });
    expect(open.data!.record).toMatchObject({ title: '兰台导入开放样本通知', access: 'OPEN' });
    const own = await network.gateway$(archivistOf(ARCHIVE), RECORD, { id: ids['兰台导入未审样本通知'] });
    expect(own.data!.record).toMatchObject({ title: '兰台导入未审样本通知', access: 'UNREVIEWED' });
  });

  it('finds only the open imported record in a public search, both for the archive\'s archivists', async () => {
    const found = await network.gateway$(PUBLIC, SEARCH, { query: '兰台导入' });
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchCatalogue.totalCount).toBe(1);
    expect(found.data!.searchCatalogue.hits.map((h: any) => h.record.title)).toEqual(['兰台导入开放样本通知']);
    const own = await network.gateway$(archivistOf(ARCHIVE), SEARCH, { query: '兰台导入' });
    expect(own.data!.searchCatalogue.totalCount).toBe(2);
  });

  it('counts the imported records in the statistics at once, the unreviewed one never as open', async () => {
    const [counts] = await network.sql(
      ARCHIVE,
      `select count(*)::int as items, (count(*) filter (where access = 'OPEN'))::int as "openItems" from $schema.record where level = 'ITEM' and parent_id is null`,
    );
    const own = await network.gateway$(archivistOf(ARCHIVE), STATISTICS, { region: ARCHIVE });
    expect(own.errors).toBeUndefined();
    expect(own.data!.statistics.totals).toEqual(counts);
    const open = await network.gateway$(PUBLIC, STATISTICS, { region: ARCHIVE });
    expect(open.data!.statistics.totals.openItems).toBe(counts.openItems);
  });
});

describe('a catalogue uploaded through the gateway (目录上传导入)', () => {
  async function upload(identity: Identity | null, query: string, body: Buffer, token?: string) {
    const headers: Record<string, string> = { 'content-type': 'text/csv' };
    if (token) headers.authorization = `Bearer ${token}`;
    else if (identity) headers.authorization = `Bearer ${await signClientToken({ expires: '1h', ...identity, sub: identity.sub ?? 'tester' }, JWT_SECRET)}`;
    const response = await fetch(`${network.gatewayUrl!.replace(/\/graphql$/, '')}/archives/${ARCHIVE}/catalogue-import?${query}`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as any };
  }
  const file = () => readFileSync(files.text('上传.csv', [ITEM_HEADER, itemRow(1, { 档号: '0098-WS·2004-Y-BGS-0001', 全宗号: '0098', 年度: '2004', 题名: '上传导入样本', 开放状态: '' })], 'gb18030'));

  it("imports an archivist's upload into their own archive, with the same report as the command", async () => {
    const dry = await upload(archivistOf(ARCHIVE), 'fileName=上传.csv&dryRun=true', file());
    expect(dry.status).toBe(200);
    expect(dry.body.report).toMatchObject({ file: '上传.csv', encoding: 'gb18030', dryRun: true, written: false, added: 1 });
    const done = await upload(archivistOf(ARCHIVE), 'fileName=上传.csv', file());
    expect(done.body.report).toMatchObject({ written: true, added: 1, byAccess: { UNREVIEWED: 1 } });
    const [review] = await network.sql(ARCHIVE, `select o.reviewer, o.reason from $schema.open_review o join $schema.record r on r.id = o.record_id where r.title = '上传导入样本'`);
    expect(review).toEqual({ reviewer: `archivist-${ARCHIVE}`, reason: '目录导入：上传.csv 第 2 行 / imported from 上传.csv, line 2' });
    const again = await upload(archivistOf(ARCHIVE), 'fileName=上传.csv', file());
    expect(again.body.report).toMatchObject({ added: 0, unchanged: 1 });
  });

  it('refuses the public, archivists of other archives and bad tokens, and says what is wrong with a bad upload', async () => {
    expect(await upload(PUBLIC, 'fileName=a.csv', file())).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    expect(await upload(archivistOf('360100'), 'fileName=a.csv', file())).toMatchObject({ status: 403 });
    expect(await upload(null, 'fileName=a.csv', file(), 'not.a.token')).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
    const noName = await upload(archivistOf(ARCHIVE), '', file());
    expect(noName).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    const xls = await upload(archivistOf(ARCHIVE), 'fileName=old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.status).toBe(400);
    expect(xls.body.errors[0].message).toMatch(/save the sheet as \.xlsx or CSV/);
  });

  it("takes the command's options as parameters (mapping, fonds, sheet, encoding), and refuses a parameter it does not know", async () => {
    const q = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();
    // An unknown header mapped to 题名, no 全宗号 column, on the workbook's second sheet.
    const header = ['档号', '年度', '文件材料题名', '开放状态'];
    const workbook = readFileSync(await files.xlsx('两表.xlsx', { 说明: [['本工作簿第二张表为目录']], 目录: [header, ['0096-WS·2006-Y-BGS-0001', '2006', '参数导入样本', '开放']] }));
    const mapping = JSON.stringify({ columns: { 文件材料题名: 'title' } });
    const unmapped = await upload(archivistOf(ARCHIVE), q({ fileName: '两表.xlsx', sheet: '目录', dryRun: 'true' }), workbook);
    expect(unmapped).toMatchObject({ status: 400 });
    expect(unmapped.body.errors[0].message).toMatch(/缺少“题名”列.*mapping= on an upload/);
    const done = await upload(archivistOf(ARCHIVE), q({ fileName: '两表.xlsx', sheet: '目录', mapping, fonds: '0096' }), workbook);
    expect(done).toMatchObject({ status: 200, body: { report: { written: true, added: 1, byAccess: { OPEN: 1 } } } });
    const [row] = await network.sql(ARCHIVE, `select f.fonds_code from $schema.record r join $schema.fonds f on f.id = r.fonds_id where r.title = '参数导入样本'`);
    expect(row).toEqual({ fonds_code: '0096' });

    const noSheet = await upload(archivistOf(ARCHIVE), q({ fileName: '两表.xlsx', sheet: '目录二' }), workbook);
    expect(noSheet.status).toBe(400);
    expect(noSheet.body.errors[0].message).toMatch(/no sheet "目录二" \(工作表不存在\); it has 说明, 目录/);
    const gb = file();
    const wrongEncoding = await upload(archivistOf(ARCHIVE), q({ fileName: 'a.csv', encoding: 'utf-16le', dryRun: 'true' }), gb);
    expect(wrongEncoding.status).toBe(400);
    expect(wrongEncoding.body.errors[0].message).toMatch(/encoding= on an upload/);
    expect((await upload(archivistOf(ARCHIVE), q({ fileName: 'a.csv', encoding: 'ebcdic-nonsense' }), gb)).body.errors[0].message).toMatch(/Unknown encoding "ebcdic-nonsense"/);
    expect((await upload(archivistOf(ARCHIVE), q({ fileName: 'a.csv', fonds: ' ' }), gb)).body.errors[0].message).toMatch(/"fonds" must be the 全宗号/);
    expect((await upload(archivistOf(ARCHIVE), q({ fileName: 'a.csv', mapping: '{"columns": ' }), gb)).body.errors[0].message).toMatch(/"mapping" must be a mapping file's JSON/);
    expect((await upload(archivistOf(ARCHIVE), q({ fileName: 'a.csv', mapping: '{"columns": {"x": "subject"}}' }), gb)).body.errors[0].message).toMatch(/maps to "subject"/);

    // A mistyped dryRun must not import for real.
    const before = await network.sql(ARCHIVE, `select count(*)::int as n from $schema.record`);
    const typo = await upload(archivistOf(ARCHIVE), q({ fileName: 'a.csv', dryrun: 'true' }), gb);
    expect(typo).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect(typo.body.errors[0].message).toMatch(/Unknown parameter "dryrun"/);
    expect((await upload(archivistOf(ARCHIVE), 'fileName=a.csv&dryRun=true&dryRun=false', gb)).body.errors[0].message).toMatch(/"dryRun" is given more than once/);
    expect(await network.sql(ARCHIVE, `select count(*)::int as n from $schema.record`)).toEqual(before);
  });

  async function uploadRequest(query: string, body: Buffer, headers: Record<string, string> = {}) {
    const token = await signClientToken({ expires: '1h', ...archivistOf(ARCHIVE) }, JWT_SECRET);
    return fetch(`${network.gatewayUrl!.replace(/\/graphql$/, '')}/archives/${ARCHIVE}/catalogue-import?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
    });
  }

  /** The lines of an answer as they arrive, each parsed. */
  async function* lines(response: Response): AsyncGenerator<Record<string, any>> {
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body!) {
      buffered += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffered.indexOf('\n')) !== -1) {
        yield JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
    }
    expect(buffered).toBe('');
  }

  it('sends progress lines while the import works, then the report, to a client that accepts application/x-ndjson', async () => {
    const body = readFileSync(
      files.text('进度.csv', [ITEM_HEADER, ...Array.from({ length: 50 }, (_, i) => itemRow(i + 1, { 档号: `0095-WS·2007-Y-BGS-${String(i + 1).padStart(4, '0')}`, 全宗号: '0095', 年度: '2007', 题名: '进度导入样本' }))], 'gb18030'),
    );
    // The import waits for the archive's import lock, held here: its first lines must come
    // through the gateway while it waits, so the gateway passes lines on as they come.
    const lock = await holdImportLock(network.database.url, ARCHIVE);
    try {
      const response = await uploadRequest('fileName=进度.csv', body, { accept: 'application/x-ndjson' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      const read = lines(response);
      const first = await read.next();
      expect(first.value).toEqual({ progress: { phase: 'reading', rows: 0, bytes: 0, totalBytes: body.length, rowsPerSecond: 0 } });
      // It says that it waits for another import into the archive (the lock's holder here), and
      // says it again while it waits (PROGRESS_HEARTBEAT_MS), so the wait is seen to be alive.
      expect((await read.next()).value).toMatchObject({ progress: { phase: 'waiting' } });
      expect((await read.next()).value).toMatchObject({ progress: { phase: 'waiting' } });
      await lock.release();
      const rest: Record<string, any>[] = [];
      for await (const line of read) rest.push(line);
      const report = rest.pop()!;
      expect(report).toMatchObject({ report: { file: '进度.csv', added: 50, written: true } });
      for (const line of rest) {
        expect(Object.keys(line.progress)).toEqual(['phase', 'rows', 'bytes', 'totalBytes', 'rowsPerSecond', ...(line.progress.phase === 'writing' ? ['step'] : [])]);
      }
      expect(rest.at(-1)!.progress).toMatchObject({ phase: 'writing' });
    } finally {
      await lock.release();
    }

    // An error once the lines have begun is the last line, as a GraphQL error.
    const headerless = readFileSync(files.text('无档号.csv', [['题名', '年度'], ['样本', '2007']], 'gb18030'));
    const failed = await uploadRequest('fileName=无档号.csv', headerless, { accept: 'application/x-ndjson' });
    const all: Record<string, any>[] = [];
    for await (const line of lines(failed)) all.push(line);
    expect(all.at(-1)).toMatchObject({ errors: [{ message: expect.stringMatching(/缺少“档号”列/), extensions: { code: 'BAD_USER_INPUT' } }] });
    // A client that asks for JSON, or for anything, gets the report alone.
    expect((await uploadRequest('fileName=进度.csv&dryRun=true', body, { accept: 'application/json, */*' })).headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('refuses an upload past the imports the host runs at once (429, Retry-After), and runs the others', async () => {
    const fileOf = (n: number) =>
      readFileSync(files.text(`并发${n}.csv`, [ITEM_HEADER, itemRow(n, { 档号: `0093-WS·2010-Y-BGS-000${n}`, 全宗号: '0093', 年度: '2010', 题名: `并发导入样本${n}` })], 'gb18030'));
    // Two imports into the archive, the first waiting for the lock held here, the second for the first.
    const lock = await holdImportLock(network.database.url, ARCHIVE);
    try {
      const running = await Promise.all([1, 2].map((n) => uploadRequest(`fileName=并发${n}.csv`, fileOf(n), { accept: 'application/x-ndjson' })));
      const readers = running.map((response) => lines(response));
      // Each has its file and its slot once its first line has come.
      for (const read of readers) expect((await read.next()).value).toMatchObject({ progress: { phase: 'reading' } });
      const third = await uploadRequest('fileName=并发3.csv', fileOf(3));
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('60');
      expect(await third.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/导入繁忙/), extensions: { code: 'RATE_LIMITED' } }] });
      await lock.release();
      for (const read of readers) {
        const all: Record<string, any>[] = [];
        for await (const line of read) all.push(line);
        expect(all.at(-1)).toMatchObject({ report: { added: 1, written: true } });
      }
    } finally {
      await lock.release();
    }
    // And once they are done, the next goes in.
    expect((await uploadRequest('fileName=并发3.csv', fileOf(3))).status).toBe(200);
  });

  it('answers the rejected rows as the command writes them, in the file\'s encoding, with rejects=true', async () => {
    const body = readFileSync(
      files.text('有误.csv', [ITEM_HEADER, itemRow(1, { 档号: '0094-WS·2008-Y-BGS-0001', 全宗号: '0094', 年度: '2008', 题名: '' }), itemRow(2, { 档号: '0094-WS·2008-Y-BGS-0002', 全宗号: '0094', 年度: '2008', 题名: '有误导入样本', 日期: '2008年2月30日' }), itemRow(3, { 档号: '0094-WS·2008-Y-BGS-0003', 全宗号: '0094', 年度: '2008', 题名: '无误导入样本' })], 'gb18030'),
    );
    const response = await uploadRequest('fileName=有误.csv&rejects=true', body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=gb18030');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('有误-rejects.csv')}`);
    const summary = JSON.parse(response.headers.get('lantai-import-summary')!);
    expect(summary).toMatchObject({ file: '有误.csv', rowsRead: 3, rejected: 2, written: false, added: 1 });
    expect(summary).not.toHaveProperty('rejections');
    const text = iconv.decode(Buffer.from(await response.arrayBuffer()), 'gb18030');
    const rows = text.trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe([...ITEM_HEADER, '拒绝原因 (reason)'].join(','));
    expect(rows[1]).toMatch(/^0094-WS·2008-Y-BGS-0001,.*第 2 行 line 2, 题名/);
    expect(rows[2]).toMatch(/^0094-WS·2008-Y-BGS-0002,.*第 3 行 line 3, 日期 “2008年2月30日”/);
    expect(await network.sql(ARCHIVE, `select id from $schema.record where title = '无误导入样本'`)).toEqual([]);

    const clean = await uploadRequest('fileName=无误.csv&rejects=true&dryRun=true', readFileSync(files.text('无误.csv', [ITEM_HEADER, itemRow(3, { 档号: '0094-WS·2008-Y-BGS-0003', 全宗号: '0094', 年度: '2008', 题名: '无误导入样本' })], 'gb18030')));
    expect(clean.status).toBe(204);
    expect(JSON.parse(clean.headers.get('lantai-import-summary')!)).toMatchObject({ file: '无误.csv', rejected: 0, added: 1, dryRun: true });
  });

  it('answers ARCHIVE_UNAVAILABLE when the database connection is cut under an import, writes nothing, and the host serves on', async () => {
    const body = readFileSync(files.text('断线.csv', [ITEM_HEADER, itemRow(1, { 档号: '0097-WS·2005-Y-BGS-0001', 全宗号: '0097', 年度: '2005', 题名: '断线导入样本', 开放状态: '' })], 'gb18030'));
    // The import waits for the archive's import lock, held here, so its connection is cut in
    // the middle of the import, as an operator's pg_terminate_backend or a restart would cut it.
    const lock = await holdImportLock(network.database.url, ARCHIVE);
    try {
      const cut = upload(archivistOf(ARCHIVE), 'fileName=断线.csv', body);
      await lock.cutWaitingImport();
      const answer = await cut;
      expect(answer).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'ARCHIVE_UNAVAILABLE', archive: ARCHIVE } }] } });
      expect(answer.body.errors[0].message).toMatch(/可重新上传/);
    } finally {
      await lock.release();
    }
    expect(await network.sql(ARCHIVE, `select id from $schema.record where title = '断线导入样本'`)).toEqual([]);
    const again = await upload(archivistOf(ARCHIVE), 'fileName=断线.csv', body);
    expect(again).toMatchObject({ status: 200, body: { report: { written: true, added: 1 } } });
  });
});
