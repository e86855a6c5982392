/**
 * What many people searching a public catalogue at once ask for: a few popular words asked
 * again and again, many rarer ones, and a long tail asked about once each (people looking for
 * a person's records by name). Deterministic (a seeded generator), so every run asks the same
 * searches in the same order; BENCHMARKS.md gives the same table.
 *
 * | share | searches | words |
 * |--:|---|---|
 * | 50 % | five popular words | 通知 15 %, 婚姻登记 12 %, 工作总结 9 %, 会议纪要 7 %, 照片 7 % |
 * | 10 % | a popular word with a filter | one of FILTERED, evenly |
 * | 20 % | 24 less frequent words | MIDDLE, evenly (about 0.8 % each) |
 * | 20 % | a person's name (surname and given name), drawn afresh each time | the long tail: nearly every one asked once |
 *
 * Every search asks for the first page of 20 hits with the fields a result list shows.
 */
export const POPULAR: readonly { query: string; share: number }[] = [
  { query: '通知', share: 0.15 },
  { query: '婚姻登记', share: 0.12 },
  { query: '工作总结', share: 0.09 },
  { query: '会议纪要', share: 0.07 },
  { query: '照片', share: 0.07 },
];

export const FILTERED: readonly Record<string, unknown>[] = [
  { query: '工作', filter: { categories: ['ADMINISTRATIVE'], yearFrom: 1980, yearTo: 1999 } },
  { query: '通知', filter: { yearFrom: 1990, yearTo: 1999 } },
  { query: '婚姻登记', filter: { categories: ['MARRIAGE'] } },
  { query: '照片', filter: { hasDigitalCopy: true } },
];
const FILTERED_SHARE = 0.1;

export const MIDDLE: readonly string[] = [
  '结婚登记', '离婚登记', '养老保险', '社会保险', '竣工图', '记账凭证', '财务决算', '工资发放',
  '请示', '批复', '调查报告', '职务任免', '表彰', '抗洪抢险', '春耕生产', '自来水厂',
  '人民医院', '防洪堤', '知识青年', '招工', '预算执行', '固定资产', '实施方案', '训令',
];
const MIDDLE_SHARE = 0.2;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '建国华明文军平志红伟丽芳英强国斌勇杰娟霞秀兰海春梅小林德荣桂珍玉金水发根生福新庆东云凤清';

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The variables of the searches of the mix, one after another, the same sequence for the same seed. */
export function searchMix(seed = 18): () => Record<string, unknown> {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return () => {
    let draw = random();
    for (const { query, share } of POPULAR) {
      if (draw < share) return { query, first: 20 };
      draw -= share;
    }
    if (draw < FILTERED_SHARE) return { ...pick(FILTERED), first: 20 };
    draw -= FILTERED_SHARE;
    if (draw < MIDDLE_SHARE) return { query: pick(MIDDLE), first: 20 };
    const given = random() < 0.7 ? pick([...GIVEN]) + pick([...GIVEN]) : pick([...GIVEN]);
    return { query: pick([...SURNAMES]) + given, first: 20 };
  };
}
