/**
 * The deterministic catalogue of one archive: its fonds (全宗), files (案卷) with their items
 * (卷内文件), standalone items (件), digital copies, open-review history, utilization visits,
 * exhibitions and compilations. The same region, size and seed give the same rows on any
 * machine; records are produced fonds by fonds, in id order, so that a province-scale archive
 * is loaded without holding it in memory.
 */
import { createHash } from 'node:crypto';
import { CREATING_BODIES, type CreatingBody, enterpriseBodies, republicanBodies, townshipBody, type Topic } from './creating-bodies.js';
import { placesIn } from './places.js';
import type { ArchivePlan } from './plan.js';
import { apportion, Random, type Weighted } from './random.js';
import { archiveNameOf, loadRegionTree, type Region } from '../protocol/regions.js';
import type {
  AccessStatus,
  ArchiveRow,
  Category,
  Classification,
  CompilationRow,
  DigitalObjectRow,
  ExhibitionRow,
  FondsRow,
  OpenReviewRow,
  RecordRow,
  Retention,
  UseChannel,
  UsePurpose,
  UtilizationRow,
} from '../subgraphs/archive/bulk/tables.js';
import { composeTitle, personName, type TitleContext } from './titles.js';

/** The 民生 categories (婚姻, 社保, 知青, 招工) that citizens ask for most. */
export const LIVELIHOOD_CATEGORIES: readonly Category[] = ['MARRIAGE', 'SOCIAL_SECURITY', 'RUSTICATED_YOUTH', 'RECRUITMENT'];

/** The year the demo data is "as of": records are dated up to the year before. */
export const REFERENCE_YEAR = 2025;
/** Archives Law (2020), art. 27: records are opened to the public 25 years after they were formed. */
export const OPENING_PERIOD_YEARS = 25;
export const FIRST_YEAR_SINCE_1949 = 1949;
export const LAST_RECORD_YEAR = REFERENCE_YEAR - 1;
/** The earliest year of the 民国 fonds of provincial and city archives. */
export const FIRST_REPUBLICAN_YEAR = 1912;

/** Whether records of this year have passed the 25-year opening period by the reference year. */
export function isPastOpeningPeriod(year: number): boolean {
  return REFERENCE_YEAR - year >= OPENING_PERIOD_YEARS;
}

/** DA/T 13 门类代码. */
export const CATEGORY_CODES: Readonly<Record<Category, string>> = {
  ADMINISTRATIVE: 'WS',
  SCIENTIFIC_TECHNICAL: 'KJ',
  ACCOUNTING: 'KU',
  PHOTO: 'ZP',
  AUDIOVISUAL: 'LX',
  ARTEFACT: 'SW',
  SPECIALISED: 'ZY',
  MARRIAGE: 'HY',
  SOCIAL_SECURITY: 'SB',
  RUSTICATED_YOUTH: 'ZQ',
  RECRUITMENT: 'ZG',
};

/** DA/T 13 保管期限代码. */
export const RETENTION_CODES: Readonly<Record<Retention, string>> = { PERMANENT: 'Y', D30: 'D30', D10: 'D10' };

/** Records about persons, opened later and more often delayed (个人隐私). */
const PERSONAL: ReadonlySet<Category> = new Set(['MARRIAGE', 'SOCIAL_SECURITY']);

/** Subject recorded as the archivist who entered the seeded open-review decisions. */
export const SEED_RECORDER = 'lantai-seed';

export interface CatalogueChunk {
  records: RecordRow[];
  digitalObjects: DigitalObjectRow[];
  openReviews: OpenReviewRow[];
}

export interface ArchiveCatalogue {
  archive: ArchiveRow;
  fonds: FondsRow[];
  /** Files and standalone items planned (馆藏卷件); items inside files come on top. */
  holdings: number;
  /**
   * The records with their digital copies and review history, in id order, a few thousand
   * rows at a time. Each call starts again from the beginning and yields the same rows.
   */
  chunks(): Generator<CatalogueChunk>;
  utilizations: UtilizationRow[];
  exhibitions: ExhibitionRow[];
  compilations: CompilationRow[];
}

interface PlannedFonds {
  row: FondsRow;
  body: CreatingBody;
  holdings: number;
}

/** Bodies every archive of a level has, so that every archive holds 民生 records. */
const CORE_BODIES = [
  'government-office',
  'party-committee',
  'finance',
  'civil-affairs',
  'marriage-registry',
  'labour',
  'human-resources',
  'rusticated-youth-office',
  'education',
  'public-security',
  'health',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dateIn(rng: Random, year: number): string {
  const month = rng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month, 2)}-${pad(rng.int(1, days), 2)}`;
}

function topicText(topic: Topic): string {
  return typeof topic === 'string' ? topic : topic[0];
}

function topicFits(topic: Topic, year: number): boolean {
  return typeof topic === 'string' || (year >= topic[1] && year <= topic[2]);
}

function fondsCountFor(holdings: number, available: number): number {
  return Math.max(1, Math.min(available, Math.max(5, Math.round(2.2 * Math.cbrt(holdings)))));
}

function shuffled<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function planFonds(region: Region, holdings: number, seed: number): PlannedFonds[] {
  const rng = new Random(seed, region.code, 'fonds');
  const modern = CREATING_BODIES.filter((b) => !b.levels || b.levels.includes(region.level));
  const core = CORE_BODIES.map((key) => modern.find((b) => b.key === key)).filter((b): b is CreatingBody => !!b);
  const others = shuffled(modern.filter((b) => !CORE_BODIES.includes(b.key)), rng);
  const townships = region.level === 'COUNTY' ? placesIn(region).map(townshipBody) : [];
  const republican = region.level === 'COUNTY' ? [] : republicanBodies(region);

  const candidates = [...core, ...others, ...shuffled([...townships, ...enterpriseBodies()], rng)];
  const count = fondsCountFor(holdings, candidates.length + republican.length);
  const modernCount = Math.max(1, count - republican.length);
  // 民国 fonds come first in a real 全宗 list: they were the first to be received.
  const chosen = [...republican.slice(0, count - modernCount), ...candidates.slice(0, modernCount)];

  const spans = chosen.map((body) => {
    const [from, to] = body.era;
    const start = body.republican ? from : Math.min(to, from + (rng.chance(0.6) ? 0 : rng.int(1, 6)));
    return [start, to] as const;
  });
  const weights = chosen.map((body, i) => body.weight * rng.between(0.6, 1.4) * ((spans[i][1] - spans[i][0] + 1) / 76));
  // Every fonds holds at least one record, so no 全宗 of the list is empty.
  const sizes = holdings >= chosen.length
    ? apportion(holdings - chosen.length, weights).map((n) => n + 1)
    : apportion(holdings, weights);

  return chosen.map((body, i) => {
    const [startYear, endYear] = spans[i];
    const creator = body.nameIn(region);
    const topics = body.topics.filter((t) => typeof t === 'string').slice(-4).map(topicText).join('、');
    return {
      body,
      holdings: sizes[i],
      row: {
        id: i + 1,
        fondsCode: `J${pad(i + 1, 3)}`,
        name: body.republican ? `${creator}（民国）` : creator,
        creator,
        startYear,
        endYear,
        description: `${creator}全宗，收录${startYear}—${endYear}年形成的档案，主要反映${topics}等方面的工作。`,
      },
    };
  });
}

/** Weight of a year in a fonds: records grow with the years, and thin out in 1966–1969. */
function yearWeight(year: number, start: number, republican: boolean): number {
  if (republican) return 1;
  // Repeated multiplication rather than Math.pow, whose last bit may differ between engines.
  let growth = 1;
  for (let y = start; y < year; y++) growth *= 1.04;
  return year >= 1966 && year <= 1969 ? growth * 0.5 : growth;
}

function accessOf(rng: Random, year: number, category: Category, classification: Classification): AccessStatus {
  const past = isPastOpeningPeriod(year);
  if (classification !== 'NONE') return past && rng.chance(0.7) ? 'DELAYED' : 'UNREVIEWED';
  if (past) {
    return PERSONAL.has(category)
      ? rng.weighted([['OPEN', 30], ['DELAYED', 45], ['UNREVIEWED', 25]])
      : rng.weighted([['OPEN', 62], ['DELAYED', 8], ['UNREVIEWED', 30]]);
  }
  // Opening before 25 years is allowed for economic, scientific and cultural records only.
  if (PERSONAL.has(category)) return 'UNREVIEWED';
  const early = category === 'SCIENTIFIC_TECHNICAL' || category === 'ACCOUNTING' ? 0.12 : 0.05;
  return rng.chance(early) ? 'OPEN' : 'UNREVIEWED';
}

const DEFAULT_RETENTION: Weighted<Retention> = [['PERMANENT', 40], ['D30', 35], ['D10', 25]];
/** Records that prove a person's rights are kept permanently; vouchers (会计凭证) for 30 years. */
const RETENTION_WEIGHTS: Partial<Record<Category, Weighted<Retention>>> = {
  MARRIAGE: [['PERMANENT', 100]],
  SOCIAL_SECURITY: [['PERMANENT', 80], ['D30', 20]],
  RUSTICATED_YOUTH: [['PERMANENT', 90], ['D30', 10]],
  RECRUITMENT: [['PERMANENT', 85], ['D30', 15]],
  ACCOUNTING: [['PERMANENT', 20], ['D30', 70], ['D10', 10]],
  PHOTO: [['PERMANENT', 80], ['D30', 20]],
  AUDIOVISUAL: [['PERMANENT', 80], ['D30', 20]],
  ARTEFACT: [['PERMANENT', 100]],
};

const REMARKS = ['原件破损，已修复', '有复制件', '附件另存', '部分页面字迹模糊', '含外文材料', '原件为手写稿'];

const OPEN_REASON = '已满二十五年，经开放审核不涉及国家秘密、个人隐私，准予开放';
const EARLY_REASON = '属经济、科学、技术类档案，经开放审核提前向社会开放';
const REOPEN_REASON = '延期开放期满，经复审准予开放';
const PRIVACY_REASON = '涉及个人隐私，延期开放';
const DELAY_REASONS = ['涉及国家安全和重大利益，延期开放', '涉及商业秘密，延期开放', '内容涉及尚未办结事项，延期开放', PRIVACY_REASON];

interface Counters {
  record: number;
  digitalObject: number;
  openReview: number;
}

interface DigitisationProfile {
  format: string;
  pages: number;
  bytesPerPage: readonly [number, number];
}

function digitisationOf(rng: Random, record: RecordRow): DigitisationProfile {
  switch (record.category) {
    case 'PHOTO':
      return { format: rng.chance(0.6) ? 'TIFF' : 'JPEG', pages: record.pages ?? 1, bytesPerPage: [8_000_000, 30_000_000] };
    case 'AUDIOVISUAL':
      return { format: 'MP4', pages: 1, bytesPerPage: [200_000_000, 2_000_000_000] };
    case 'ARTEFACT':
      return { format: 'JPEG', pages: rng.int(2, 6), bytesPerPage: [2_000_000, 6_000_000] };
    default: {
      const format = rng.weighted([['PDF', 55], ['TIFF', 20], ['OFD', 15], ['JPEG', 10]] as const);
      const perPage = format === 'TIFF' ? [2_500_000, 6_000_000] as const : format === 'JPEG' ? [800_000, 3_000_000] as const : [150_000, 600_000] as const;
      return { format, pages: record.pages ?? 1, bytesPerPage: perPage };
    }
  }
}

function digitalObjectRow(rng: Random, code: string, id: number, record: RecordRow, profile: DigitisationProfile, year: number): DigitalObjectRow {
  const bytes = Math.round(profile.pages * rng.between(profile.bytesPerPage[0], profile.bytesPerPage[1]));
  // The hash of deterministic bytes naming the copy: stable across runs and unique per copy.
  const sha256 = createHash('sha256').update(`lantai-seed:${code}:${record.referenceCode}:${id}:${profile.format}`).digest('hex');
  return {
    id,
    recordId: record.id,
    format: profile.format,
    pages: profile.pages,
    bytes,
    sha256,
    createdAt: `${dateIn(rng, year)}T${pad(rng.int(0, 9), 2)}:${pad(rng.int(0, 59), 2)}:00.000Z`,
  };
}

function reviewRow(id: number, recordId: number, from: AccessStatus, to: AccessStatus, reason: string, reviewer: string, decidedOn: string): OpenReviewRow {
  return {
    id,
    recordId,
    previousAccess: from,
    decidedAccess: to,
    reason,
    reviewer,
    decidedOn,
    recordedBy: SEED_RECORDER,
    recordedAt: `${decidedOn}T01:30:00.000Z`,
  };
}

/** The review history that led to a record's current access, ending in that access. */
function reviewsOf(rng: Random, record: RecordRow, reviewers: readonly string[], counters: Counters): OpenReviewRow[] {
  if (record.access === 'UNREVIEWED') return [];
  const reviewer = rng.pick(reviewers);
  const past = isPastOpeningPeriod(record.year);
  const earliest = Math.min(REFERENCE_YEAR, past ? Math.max(record.year + OPENING_PERIOD_YEARS, 1988) : record.year + 1);
  const decided = (from: number, to: number) => dateIn(rng, rng.int(from, Math.max(from, to)));
  if (record.access === 'DELAYED') {
    const reason = PERSONAL.has(record.category) ? PRIVACY_REASON : rng.pick(DELAY_REASONS);
    return [reviewRow(++counters.openReview, record.id, 'UNREVIEWED', 'DELAYED', reason, reviewer, decided(earliest, REFERENCE_YEAR))];
  }
  if (!past) return [reviewRow(++counters.openReview, record.id, 'UNREVIEWED', 'OPEN', EARLY_REASON, reviewer, decided(earliest, REFERENCE_YEAR))];
  if (earliest <= REFERENCE_YEAR - 2 && rng.chance(0.25)) {
    const first = rng.int(earliest, REFERENCE_YEAR - 2);
    return [
      reviewRow(++counters.openReview, record.id, 'UNREVIEWED', 'DELAYED', rng.pick(DELAY_REASONS), reviewer, dateIn(rng, first)),
      reviewRow(++counters.openReview, record.id, 'DELAYED', 'OPEN', REOPEN_REASON, rng.pick(reviewers), decided(first + 1, REFERENCE_YEAR)),
    ];
  }
  return [reviewRow(++counters.openReview, record.id, 'UNREVIEWED', 'OPEN', OPEN_REASON, reviewer, decided(earliest, REFERENCE_YEAR))];
}

interface FondsContext {
  code: string;
  region: Region;
  places: readonly string[];
  reviewers: readonly string[];
  seed: number;
}

// Module functions rather than closures made for every record: the generator runs millions of times.

/** Who is recorded as the author (责任者) of an item: mostly the creating body, for some documents the government or one of the body's units. */
function authorOf(rng: Random, ctx: FondsContext, creator: string, unit: string, category: Category, republican: boolean): string {
  return republican || category !== 'ADMINISTRATIVE' || rng.chance(0.85) ? creator : rng.chance(0.5) ? `${ctx.region.name}人民政府` : `${creator}${unit}`;
}

function itemPagesOf(rng: Random, category: Category): number | null {
  return category === 'AUDIOVISUAL' || category === 'ARTEFACT' ? null : category === 'PHOTO' ? rng.int(1, 3) : Math.min(rng.int(1, 8) * rng.int(1, 4), 30);
}

function remarksOf(rng: Random): string | null {
  return rng.chance(0.03) ? rng.pick(REMARKS) : null;
}

/** One fonds' records, year by year, in id order. */
function* fondsChunks(ctx: FondsContext, fonds: PlannedFonds, counters: Counters): Generator<CatalogueChunk> {
  const { body, row } = fonds;
  const rng = new Random(ctx.seed, ctx.code, row.fondsCode);
  const republican = body.republican === true;
  const years: number[] = [];
  for (let y = row.startYear; y <= row.endYear; y++) years.push(y);
  const perYear = apportion(fonds.holdings, years.map((y) => yearWeight(y, row.startYear, republican) * rng.between(0.7, 1.3)));
  // DA/T 22 (2000) moved archives from arranging files (卷) to arranging items (件).
  const itemsFrom = republican ? Infinity : rng.int(1999, 2006);
  const sequence = new Map<string, number>();
  const next = (key: string) => {
    const n = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, n);
    return n;
  };

  let chunk: CatalogueChunk = { records: [], digitalObjects: [], openReviews: [] };
  for (let yi = 0; yi < years.length; yi++) {
    const year = years[yi];
    const topics = body.topics.filter((t) => topicFits(t, year)).map(topicText);
    const past = isPastOpeningPeriod(year);
    for (let k = 0; k < perYear[yi]; k++) {
      const category = rng.weighted(body.categories);
      const retention: Retention = republican ? 'PERMANENT' : rng.weighted(RETENTION_WEIGHTS[category] ?? DEFAULT_RETENTION);
      const classification: Classification = republican
        ? 'NONE'
        : rng.weighted([['NONE', 955], ['INTERNAL', 35], ['SECRET', 8], ['CONFIDENTIAL', 2]]);
      const access = accessOf(rng, year, category, classification);
      const unit = rng.pick(body.units);
      const title: TitleContext = {
        creator: row.creator,
        regionName: ctx.region.name,
        place: rng.pick(ctx.places),
        year,
        topic: rng.pick(topics),
        unit: unit[1],
        level: year >= itemsFrom ? 'ITEM' : 'FILE',
        category,
        republican,
      };
      const shared = { fondsId: row.id, year, retention, classification, access, category };
      let holding: RecordRow;
      if (title.level === 'FILE') {
        const number = next(`${category}|${year}|${retention}`);
        const referenceCode = `${row.fondsCode}-${CATEGORY_CODES[category]}-${year}-${RETENTION_CODES[retention]}-${pad(number, 3)}`;
        holding = {
          ...shared,
          id: ++counters.record,
          parentId: null,
          level: 'FILE',
          referenceCode,
          title: composeTitle(title, rng),
          author: row.creator,
          date: null,
          pages: category === 'AUDIOVISUAL' || category === 'ARTEFACT' ? null : rng.int(20, 200),
          electronic: false,
          remarks: remarksOf(rng),
        };
        chunk.records.push(holding);
        if (rng.chance(republican ? 0.35 : 0.22)) {
          const itemCount = rng.int(2, 8);
          let itemPageSum = 0;
          for (let j = 1; j <= itemCount; j++) {
            const pages = itemPagesOf(rng, category);
            itemPageSum += pages ?? 0;
            const undated = rng.chance(0.05);
            chunk.records.push({
              ...shared,
              id: ++counters.record,
              parentId: holding.id,
              level: 'ITEM',
              referenceCode: `${referenceCode}-${pad(j, 3)}`,
              // Most documents of a file are about what the file is about.
              title: composeTitle({ ...title, level: 'ITEM', topic: rng.chance(0.7) ? title.topic : rng.pick(topics) }, rng),
              author: authorOf(rng, ctx, row.creator, unit[1], category, republican),
              date: undated ? null : dateIn(rng, year),
              pages,
              electronic: false,
              remarks: undated ? '原档无日期' : null,
            });
          }
          // A file's page count is its items' pages plus the cover, contents and 备考表.
          if (holding.pages !== null) holding.pages = itemPageSum + rng.int(2, 4);
        }
      } else {
        const number = next(`${category}|${year}|${retention}|${unit[0]}`);
        const electronic = year >= 2012 && rng.chance(0.2 + (year - 2012) * 0.035);
        holding = {
          ...shared,
          id: ++counters.record,
          parentId: null,
          level: 'ITEM',
          referenceCode: `${row.fondsCode}-${CATEGORY_CODES[category]}·${year}-${RETENTION_CODES[retention]}-${unit[0]}-${pad(number, 4)}`,
          title: composeTitle(title, rng),
          author: authorOf(rng, ctx, row.creator, unit[1], category, republican),
          date: dateIn(rng, year),
          pages: itemPagesOf(rng, category),
          electronic,
          remarks: remarksOf(rng),
        };
        chunk.records.push(holding);
      }

      // Born-digital records need no digitisation; open records are digitised first.
      const digitised = !holding.electronic && rng.chance(access === 'OPEN' ? 0.42 : past ? 0.15 : 0.07);
      if (digitised) {
        const profile = digitisationOf(rng, holding);
        const digitisedIn = rng.int(Math.max(2008, year + 1), LAST_RECORD_YEAR);
        chunk.digitalObjects.push(digitalObjectRow(rng, ctx.code, ++counters.digitalObject, holding, profile, digitisedIn));
        if (profile.format === 'TIFF' && rng.chance(0.5)) {
          // A TIFF master with a PDF copy for the reading room.
          const copy = { format: 'PDF', pages: profile.pages, bytesPerPage: [150_000, 600_000] as const };
          chunk.digitalObjects.push(digitalObjectRow(rng, ctx.code, ++counters.digitalObject, holding, copy, digitisedIn));
        }
      }
      if (access !== 'UNREVIEWED' && (!past || rng.chance(0.04))) {
        chunk.openReviews.push(...reviewsOf(rng, holding, ctx.reviewers, counters));
      }
    }
    if (chunk.records.length >= 2000) {
      yield chunk;
      chunk = { records: [], digitalObjects: [], openReviews: [] };
    }
  }
  if (chunk.records.length > 0) yield chunk;
}

const ROADS = ['人民路', '八一大道', '解放路', '中山路', '建设路', '胜利路', '文化路', '迎宾大道', '沿江路', '府前路', '阳明路', '井冈山大道'];

function archiveRow(region: Region, rng: Random): ArchiveRow {
  const tree = loadRegionTree(`${region.code.slice(0, 2)}0000`);
  const chain: string[] = [];
  for (let r: Region | undefined = region; r; r = tree.find((t) => t.code === r!.parentCode)) chain.unshift(r.name);
  const services = ['查档', '出证', '异地查档', '展览', '编研'];
  if (region.level !== 'COUNTY' || rng.chance(0.6)) services.push('网上查档');
  if (region.level !== 'COUNTY' || rng.chance(0.3)) services.push('档案寄存');
  return {
    code: region.code,
    name: archiveNameOf(region),
    level: region.level,
    address: `${chain.join('')}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
    services,
  };
}

function utilizationRows(rng: Random, holdings: number): UtilizationRow[] {
  const count = Math.max(12, Math.round(holdings * 0.03));
  const dates = Array.from({ length: count }, () => dateIn(rng, rng.int(2019, LAST_RECORD_YEAR))).sort();
  return dates.map((visitedOn, i) => {
    const channel = rng.weighted<UseChannel>([['ONSITE', 70], ['ONLINE', 22], ['REMOTE', 8]]);
    const purpose = channel === 'REMOTE'
      ? 'PERSONAL_AFFAIRS'
      : rng.weighted<UsePurpose>([
          ['PERSONAL_AFFAIRS', 55],
          ['OFFICIAL_REFERENCE', 22],
          ['ACADEMIC_RESEARCH', 6],
          ['ECONOMIC_DEVELOPMENT', 5],
          ['HISTORY_COMPILATION', 6],
          ['PUBLICITY_EDUCATION', 4],
          ['OTHER', 2],
        ]);
    const visitors = rng.weighted([[1, 70], [2, 20], [3, 7], [5, 3]] as const);
    return { id: i + 1, visitedOn, visitors, itemsProvided: visitors * rng.int(1, 6), purpose, channel };
  });
}

const EXHIBITIONS: readonly ((name: string, place: string) => readonly [title: string, year?: number])[] = [
  (n) => [`${n}改革开放四十年档案图片展`, 2018],
  (n) => [`庆祝中华人民共和国成立七十周年${n}档案展`, 2019],
  (n) => [`庆祝中国共产党成立一百周年${n}档案文献展`, 2021],
  (n) => [`档案见证${n}脱贫攻坚成就展`, 2020],
  (n) => [`${n}红色档案展`],
  (n) => [`${n}老照片展`],
  (n) => [`${n}知青岁月档案展`],
  (n) => [`${n}非物质文化遗产档案展`],
  (n) => [`${n}抗洪抢险档案图片展`],
  (_, p) => [`${p}古村落档案图片展`],
  (n) => [`“6·9国际档案日”${n}档案珍品展`],
  (n) => [`${n}城市变迁档案展`],
  (n) => [`${n}家谱档案展`],
  (n) => [`${n}名人档案展`],
];

function exhibitionRows(rng: Random, region: Region, places: readonly string[]): ExhibitionRow[] {
  const base = region.level === 'PROVINCE' ? 12 : region.level === 'CITY' ? 7 : 3;
  const templates = shuffled(EXHIBITIONS, rng).slice(0, base + rng.int(0, 3));
  const scaleVisitors = region.level === 'PROVINCE' ? 4 : region.level === 'CITY' ? 2 : 1;
  return templates
    .map((t) => {
      const [title, fixedYear] = t(region.name, rng.pick(places));
      const year = fixedYear ?? rng.int(2012, LAST_RECORD_YEAR);
      const startDate = dateIn(rng, year);
      const online = rng.chance(0.25);
      const closing = new Date(`${startDate}T00:00:00Z`);
      closing.setUTCDate(closing.getUTCDate() + rng.int(30, 180));
      const stillOpen = year === LAST_RECORD_YEAR && rng.chance(0.5);
      return {
        title,
        startDate,
        endDate: stillOpen ? null : closing.toISOString().slice(0, 10),
        visitors: Math.round((online ? rng.int(2_000, 80_000) : rng.int(500, 30_000)) * scaleVisitors),
        online,
      };
    })
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((e, i) => ({ id: i + 1, ...e }));
}

const COMPILATIONS: readonly ((name: string, rng: Random) => readonly [title: string, year: number])[] = [
  (n, r) => { const y = r.int(1990, LAST_RECORD_YEAR); return [`${n}大事记（1949—${y - 1}）`, y]; },
  (n, r) => [`${n}档案馆指南`, r.int(1995, LAST_RECORD_YEAR)],
  (n, r) => [`${n}组织史资料（第${r.int(1, 3)}卷）`, r.int(1988, LAST_RECORD_YEAR)],
  (n, r) => [`${n}知青档案选编`, r.int(2008, LAST_RECORD_YEAR)],
  (n, r) => [`${n}民国档案史料选编`, r.int(1995, LAST_RECORD_YEAR)],
  (n, r) => [`${n}抗战损失调查档案汇编`, r.int(2010, LAST_RECORD_YEAR)],
  (n, r) => { const y = r.int(2000, LAST_RECORD_YEAR); return [`${n}年鉴（${y}）`, y]; },
  (n, r) => [`${n}红色档案故事`, r.int(2019, LAST_RECORD_YEAR)],
  (n, r) => [`${n}老地名`, r.int(2005, LAST_RECORD_YEAR)],
  (n) => [`${n}改革开放实录`, 2018],
  (n, r) => [`${n}脱贫攻坚档案汇编`, r.int(2021, LAST_RECORD_YEAR)],
  (n, r) => [`${n}馆藏珍品图录`, r.int(2010, LAST_RECORD_YEAR)],
];

const PUBLISHERS = ['江西人民出版社', '百花洲文艺出版社', '江西高校出版社', '中国文史出版社', '中国档案出版社'];

function compilationRows(rng: Random, region: Region): CompilationRow[] {
  const base = region.level === 'PROVINCE' ? 9 : region.level === 'CITY' ? 6 : 3;
  return shuffled(COMPILATIONS, rng)
    .slice(0, base + rng.int(0, 3))
    .map((t) => {
      const [title, year] = t(region.name, rng);
      // A third are printed for internal use (内部资料) without a publisher.
      return { title, year, characters: rng.int(100, 1500) * 1000, publisher: rng.chance(0.33) ? null : rng.pick(PUBLISHERS) };
    })
    .sort((a, b) => a.year - b.year || a.title.localeCompare(b.title))
    .map((c, i) => ({ id: i + 1, ...c }));
}

/** The catalogue of one archive, as planned by planNetwork (or any region and size). */
export function generateCatalogue(plan: ArchivePlan, seed: number): ArchiveCatalogue {
  const { region, holdings } = plan;
  const rng = new Random(seed, region.code, 'archive');
  const places = placesIn(region).map((p) => p.name);
  const fonds = planFonds(region, holdings, seed);
  const reviewers = Array.from({ length: 3 }, () => personName(rng));
  const ctx: FondsContext = { code: region.code, region, places, reviewers, seed };
  return {
    archive: archiveRow(region, rng),
    fonds: fonds.map((f) => f.row),
    holdings,
    *chunks() {
      const counters: Counters = { record: 0, digitalObject: 0, openReview: 0 };
      for (const f of fonds) yield* fondsChunks(ctx, f, counters);
    },
    utilizations: utilizationRows(new Random(seed, region.code, 'utilization'), holdings),
    exhibitions: exhibitionRows(new Random(seed, region.code, 'exhibitions'), region, places),
    compilations: compilationRows(new Random(seed, region.code, 'compilations'), region),
  };
}

