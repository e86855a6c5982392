import { describe, expect, it } from 'vitest';
import {
  type CatalogueChunk,
  FIRST_REPUBLICAN_YEAR,
  FIRST_YEAR_SINCE_1949,
  generateCatalogue,
  isPastOpeningPeriod,
  LAST_RECORD_YEAR,
  LIVELIHOOD_CATEGORIES,
} from '../../seeds/catalogue.js';
import { planNetwork } from '../../seeds/plan.js';
import { loadRegionTree } from '../../protocol/regions.js';
import type { RecordRow } from '../../subgraphs/archive/bulk/tables.js';

const plans = planNetwork(loadRegionTree('360000'), 'small', 1);
const planOf = (code: string) => plans.find((p) => p.region.code === code)!;

function collect(code: string, seed = 1): CatalogueChunk & { catalogue: ReturnType<typeof generateCatalogue> } {
  const catalogue = generateCatalogue(planOf(code), seed);
  const all: CatalogueChunk = { records: [], digitalObjects: [], openReviews: [] };
  for (const chunk of catalogue.chunks()) {
    all.records.push(...chunk.records);
    all.digitalObjects.push(...chunk.digitalObjects);
    all.openReviews.push(...chunk.openReviews);
  }
  return { ...all, catalogue };
}

// The provincial archive (民国 fonds), a city and a county.
const samples = ['360000', '360100', '360121'].map((code) => ({ code, ...collect(code) }));
const holdingsOf = (records: RecordRow[]) => records.filter((r) => r.parentId === null);

describe('catalogue generator', () => {
  it('gives the same rows for the same seed and other rows for another seed', () => {
    const again = collect('360121');
    const first = samples[2];
    expect(again.records).toEqual(first.records);
    expect(again.digitalObjects).toEqual(first.digitalObjects);
    expect(again.openReviews).toEqual(first.openReviews);
    expect(again.catalogue.fonds).toEqual(first.catalogue.fonds);
    expect(again.catalogue.utilizations).toEqual(first.catalogue.utilizations);
    expect(again.catalogue.archive).toEqual(first.catalogue.archive);

    const other = collect('360121', 2);
    expect(other.records.map((r) => r.title)).not.toEqual(first.records.map((r) => r.title));
    expect(other.catalogue.fonds.map((f) => f.creator)).not.toEqual(first.catalogue.fonds.map((f) => f.creator));
  });

  it('yields the same rows on every pass over chunks(), with ids in order from 1', () => {
    const catalogue = generateCatalogue(planOf('360121'), 1);
    const ids = [...catalogue.chunks()].flatMap((c) => c.records.map((r) => r.id));
    expect(ids).toEqual(samples[2].records.map((r) => r.id));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });

  it('puts every item of a file in a FILE of the same fonds, with the 档号 of that file', () => {
    for (const { records } of samples) {
      const byId = new Map(records.map((r) => [r.id, r]));
      const inFiles = records.filter((r) => r.parentId !== null);
      expect(inFiles.length).toBeGreaterThan(0);
      for (const item of inFiles) {
        const file = byId.get(item.parentId!)!;
        expect(item.level).toBe('ITEM');
        expect(file.level).toBe('FILE');
        expect(file.parentId).toBeNull();
        expect(item.fondsId).toBe(file.fondsId);
        expect(item.id).toBeGreaterThan(file.id);
        expect(item.referenceCode.startsWith(`${file.referenceCode}-`)).toBe(true);
      }
    }
  });

  it('writes DA/T 13 档号, unique inside the archive', () => {
    for (const { records, catalogue } of samples) {
      expect(new Set(records.map((r) => r.referenceCode)).size).toBe(records.length);
      const fondsCodes = new Set(catalogue.fonds.map((f) => f.fondsCode));
      for (const r of records) {
        expect(fondsCodes.has(r.referenceCode.slice(0, 4))).toBe(true);
        if (r.level === 'FILE') expect(r.referenceCode).toMatch(/^J\d{3}-[A-Z]{2}-\d{4}-(Y|D30|D10)-\d{3,}$/);
        else if (r.parentId !== null) expect(r.referenceCode).toMatch(/^J\d{3}-[A-Z]{2}-\d{4}-(Y|D30|D10)-\d{3,}-\d{3}$/);
        else expect(r.referenceCode).toMatch(/^J\d{3}-[A-Z]{2}·\d{4}-(Y|D30|D10)-[A-Z]{3}-\d{4,}$/);
        expect(r.referenceCode).toContain(String(r.year));
      }
    }
  });

  it('dates records 1949–2024, with 民国 fonds only in the provincial and city archives', () => {
    const [province, city, county] = samples;
    for (const { records } of samples) {
      for (const r of records) {
        expect(r.year).toBeGreaterThanOrEqual(FIRST_REPUBLICAN_YEAR);
        expect(r.year).toBeLessThanOrEqual(LAST_RECORD_YEAR);
        if (r.date !== null) expect(Number(r.date.slice(0, 4))).toBe(r.year);
      }
    }
    expect(Math.min(...county.records.map((r) => r.year))).toBeGreaterThanOrEqual(FIRST_YEAR_SINCE_1949);
    expect(province.records.some((r) => r.year < 1949)).toBe(true);
    expect(city.records.some((r) => r.year < 1949)).toBe(true);
    expect(province.catalogue.fonds.some((f) => f.name.endsWith('（民国）'))).toBe(true);
    for (const { catalogue, records } of samples) {
      const fonds = new Map(catalogue.fonds.map((f) => [f.id, f]));
      for (const f of catalogue.fonds) expect(f.startYear).toBeLessThanOrEqual(f.endYear);
      for (const r of records) {
        expect(r.year).toBeGreaterThanOrEqual(fonds.get(r.fondsId)!.startYear);
        expect(r.year).toBeLessThanOrEqual(fonds.get(r.fondsId)!.endYear);
      }
    }
  });

  it('follows the 25-year rule: older records mostly open, newer ones unreviewed and never delayed', () => {
    for (const { records } of samples) {
      const holdings = holdingsOf(records);
      const past = holdings.filter((r) => isPastOpeningPeriod(r.year));
      const recent = holdings.filter((r) => !isPastOpeningPeriod(r.year));
      expect(recent.filter((r) => r.access === 'DELAYED')).toEqual([]);
      const share = (rows: RecordRow[], access: string) => rows.filter((r) => r.access === access).length / rows.length;
      expect(share(past, 'OPEN')).toBeGreaterThan(0.45);
      expect(share(past, 'DELAYED')).toBeGreaterThan(0);
      expect(share(past, 'UNREVIEWED')).toBeGreaterThan(0);
      expect(share(recent, 'UNREVIEWED')).toBeGreaterThan(0.85);
      expect(share(recent, 'OPEN')).toBeGreaterThan(0);
      // Classified records are never open.
      expect(records.filter((r) => r.classification !== 'NONE' && r.access === 'OPEN')).toEqual([]);
    }
  });

  it('keeps the open-review history consistent with each record: from UNREVIEWED, in date order, ending in its access', () => {
    for (const { records, openReviews } of samples) {
      expect(openReviews.length).toBeGreaterThan(0);
      const byId = new Map(records.map((r) => [r.id, r]));
      const histories = new Map<number, typeof openReviews>();
      for (const review of openReviews) histories.set(review.recordId, [...(histories.get(review.recordId) ?? []), review]);
      for (const [recordId, history] of histories) {
        const record = byId.get(recordId)!;
        expect(history[0].previousAccess).toBe('UNREVIEWED');
        expect(history.at(-1)!.decidedAccess).toBe(record.access);
        for (let i = 1; i < history.length; i++) {
          expect(history[i].previousAccess).toBe(history[i - 1].decidedAccess);
          expect(history[i].decidedOn > history[i - 1].decidedOn).toBe(true);
        }
        for (const review of history) expect(Number(review.decidedOn.slice(0, 4))).toBeGreaterThan(record.year);
      }
    }
  });

  it('includes the 民生 categories (婚姻, 社保, 知青, 招工) in every archive', () => {
    for (const { records } of samples) {
      const categories = new Set(records.map((r) => r.category));
      for (const category of LIVELIHOOD_CATEGORIES) expect(categories).toContain(category);
      expect(categories).toContain('ADMINISTRATIVE');
    }
  });

  it('digitises only a share of the holdings, never an item inside a file or a born-digital record', () => {
    for (const { records, digitalObjects } of samples) {
      const byId = new Map(records.map((r) => [r.id, r]));
      const digitised = new Set(digitalObjects.map((d) => d.recordId));
      const share = digitised.size / holdingsOf(records).length;
      expect(share).toBeGreaterThan(0.08);
      expect(share).toBeLessThan(0.3);
      for (const copy of digitalObjects) {
        const record = byId.get(copy.recordId)!;
        expect(record.parentId).toBeNull();
        expect(record.electronic).toBe(false);
        expect(copy.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(copy.bytes).toBeGreaterThan(0);
      }
      expect(new Set(digitalObjects.map((d) => d.sha256)).size).toBe(digitalObjects.length);
    }
  });

  it('titles records in Chinese from many templates', () => {
    for (const { records } of samples) {
      const titles = records.map((r) => r.title);
      expect(new Set(titles).size).toBeGreaterThan(titles.length * 0.5);
      for (const title of titles) expect(title).toMatch(/^[\p{Script=Han}0-9（）《》、—“”·，\p{Script=Han}]+$/u);
    }
    const all = samples.flatMap((s) => s.records.map((r) => r.title));
    for (const pattern of [/的通知$/, /的请示$/, /的报告$/, /的批复$/, /会议纪要/, /年度工作总结$/, /婚姻登记|结婚登记/, /社会保险缴费记录/, /知识青年/, /招工录用审批表$/]) {
      expect(all.some((t) => pattern.test(t)), String(pattern)).toBe(true);
    }
  });

  it('names fonds after the creating bodies of the region, with 全宗号 J001 onwards', () => {
    const county = samples[2].catalogue;
    expect(county.archive).toMatchObject({ code: '360121', name: '南昌县档案馆', level: 'COUNTY' });
    expect(county.archive.address.startsWith('江西省南昌市南昌县')).toBe(true);
    expect(county.fonds[0]).toMatchObject({ fondsCode: 'J001', creator: '南昌县人民政府办公室' });
    const creators = county.fonds.map((f) => f.creator);
    for (const body of ['南昌县财政局', '南昌县民政局', '南昌县婚姻登记处', '南昌县知识青年上山下乡办公室']) expect(creators).toContain(body);
    expect(samples[0].catalogue.fonds.map((f) => f.creator)).toContain('江西省财政厅');
  });

  it('adds utilization visits, exhibitions and compilations', () => {
    for (const { catalogue } of samples) {
      expect(catalogue.utilizations.length).toBeGreaterThanOrEqual(12);
      expect(catalogue.exhibitions.length).toBeGreaterThan(0);
      expect(catalogue.compilations.length).toBeGreaterThan(0);
      for (const e of catalogue.exhibitions) if (e.endDate) expect(e.endDate > e.startDate).toBe(true);
      const visits = catalogue.utilizations.map((u) => u.visitedOn);
      expect(visits).toEqual([...visits].sort());
    }
  });

  it('gives the whole province a plausible open rate (about 20%) and digitised share (10–30%)', () => {
    let holdings = 0;
    let open = 0;
    let digitised = 0;
    for (const plan of plans) {
      for (const chunk of generateCatalogue(plan, 1).chunks()) {
        for (const r of chunk.records) {
          if (r.parentId !== null) continue;
          holdings++;
          if (r.access === 'OPEN') open++;
        }
        digitised += new Set(chunk.digitalObjects.map((d) => d.recordId)).size;
      }
    }
    expect(open / holdings).toBeGreaterThan(0.16);
    expect(open / holdings).toBeLessThan(0.26);
    expect(digitised / holdings).toBeGreaterThan(0.1);
    expect(digitised / holdings).toBeLessThan(0.3);
  });
});
