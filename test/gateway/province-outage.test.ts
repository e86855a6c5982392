/**
 * The province is down: every query that mixes its fields with the archives' keeps the
 * archives' data, with the province's fields null and PROVINCE_UNAVAILABLE. Found under load:
 * a non-null province field carried its null up to `data: null`, or to the archive around it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetwork, type TestNetwork } from './fixtures/network.js';

let network: TestNetwork;

beforeAll(async () => {
  network = await startNetwork();
  await network.province.down();
});

afterAll(async () => {
  await network?.stop();
});

function codes(errors: { extensions?: Record<string, unknown> }[] | undefined): string[] {
  return [...new Set((errors ?? []).map((e) => String(e.extensions?.code)))];
}

describe('a query mixing province and archive fields while the province is down', () => {
  it('keeps a record next to a null cross-region search', async () => {
    const { status, body } = await network.query(
      '{ r0: record(id: "360102:Record:2") { id title } s: searchCatalogue(query: "档案", first: 1) { totalCount } }',
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ r0: { id: '360102:Record:2', title: '东湖区档案馆关于档案工作的通知（2002）' }, s: null });
    expect(codes(body.errors)).toEqual(['PROVINCE_UNAVAILABLE']);
  });

  it('keeps an archive whose directory entry and region are null', async () => {
    const { body } = await network.query('{ archive(id: "360100") { id name address directory { status } region { name } } }');
    expect(body.data).toEqual({ archive: { id: '360100', name: '南昌市档案馆', address: '南昌市档案馆, 南昌', directory: null, region: null } });
    expect(codes(body.errors)).toEqual(['PROVINCE_UNAVAILABLE']);
  });

  it('keeps archive fields next to null statistics, the province, the directory listing and a person’s requests', async () => {
    const { body } = await network.query(`{
      a: archive(id: "360103") { name }
      statistics(region: "360000") { totals { files } }
      province { name }
      regions { code }
      archives { id }
      r: record(id: "360104:Record:1") { title archive { directory { status } } }
    }`);
    expect(body.data).toEqual({
      a: { name: '西湖区档案馆' },
      statistics: null,
      province: null,
      regions: null,
      archives: null,
      r: { title: '青云谱区档案馆关于档案工作的通知（2001）', archive: { directory: null } },
    });
    expect(codes(body.errors)).toEqual(['PROVINCE_UNAVAILABLE']);
  });
});
