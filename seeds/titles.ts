/**
 * Titles (题名) and names in the style archivists catalogue them: 关于…的通知/请示/报告/批复,
 * …会议纪要, …年度工作总结, 婚姻登记档案, 社会保险缴费记录, 知识青年上山下乡…, 招工录用审批表.
 * Each category has its own templates, files (案卷) and items (件) have different ones, and
 * 民国 fonds use the document kinds of their time (训令, 呈, 代电).
 */
import { STATE_ENTERPRISES as ENTERPRISES } from './creating-bodies.js';
import type { Random } from './random.js';
import type { Category, RecordLevel } from '../subgraphs/archive/bulk/tables.js';

export interface TitleContext {
  /** 立档单位 */
  creator: string;
  /** The region of the archive, e.g. 南昌县. */
  regionName: string;
  /** A place inside the region, e.g. 莲塘镇. */
  place: string;
  year: number;
  topic: string;
  /** 内设机构, e.g. 预算科. */
  unit: string;
  level: RecordLevel;
  category: Category;
  republican: boolean;
}

type Template = (c: TitleContext, rng: Random) => string;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国华明文军平志红伟丽芳英强国斌勇杰娟霞秀兰海军春梅小林德荣桂珍玉金水发根生福华新庆东云凤清';

export function personName(rng: Random): string {
  const given = rng.chance(0.7) ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

const PROJECTS = ['大桥', '自来水厂', '污水处理厂', '中学教学楼', '防洪堤', '一级公路', '水库除险加固工程', '农贸市场', '人民医院门诊楼', '体育中心', '变电站', '垃圾处理场'];
const EVENTS = ['抗洪抢险', '春耕生产', '劳动模范表彰大会', '人民代表大会开幕', '新农村建设', '大桥通车仪式', '经济工作会议', '义务植树', '国庆文艺汇演', '招商引资推介会', '抗旱保收'];
const HONOURS = ['先进集体', '文明单位', '档案工作目标管理达标', '综合治理先进单位', '抗洪救灾先进集体'];

function meetingOf(c: TitleContext): string {
  if (c.creator.endsWith('人民政府') || c.creator.endsWith('办公室') || c.creator.endsWith('办公厅')) return '常务会议';
  if (c.creator.startsWith('中共')) return '常委会议';
  if (/(局|厅)$/.test(c.creator)) return c.creator.endsWith('局') ? '局务会议' : '厅务会议';
  return '办公会议';
}

const month = (rng: Random) => rng.int(1, 12);

const ADMINISTRATIVE_ITEMS: readonly Template[] = [
  (c) => `关于${c.topic}的通知`,
  (c) => `关于${c.topic}工作的请示`,
  (c) => `关于${c.place}${c.topic}情况的报告`,
  (c) => `关于同意${c.place}${c.topic}有关事项的批复`,
  (c) => `关于进一步加强${c.topic}工作的意见`,
  (c) => `关于${c.year}年${c.topic}工作的安排意见`,
  (c) => `${c.creator}${c.year}年度工作总结`,
  (c) => `${c.creator}${c.year}年工作要点`,
  (c, r) => `${c.creator}${meetingOf(c)}纪要（${c.year}年第${r.int(1, 24)}次）`,
  (c) => `关于表彰${c.year}年度${c.topic}先进集体和先进个人的决定`,
  (c, r) => `关于${personName(r)}同志任职的通知`,
  (c, r) => `关于${personName(r)}等同志职务任免的通知`,
  (c) => `关于${c.place}${c.topic}的调查报告`,
  (c) => `关于印发《${c.regionName}${c.topic}实施方案》的通知`,
  (c) => `${c.creator}关于${c.topic}的情况通报`,
  (c) => `关于召开${c.year}年${c.topic}工作会议的通知`,
  (c) => `${c.unit}${c.year}年${c.topic}工作台账`,
  (c) => `关于${c.place}${c.topic}问题的函`,
];

const ADMINISTRATIVE_FILES: readonly Template[] = [
  (c) => `${c.creator}${c.year}年关于${c.topic}的通知、请示、报告`,
  (c) => `${c.creator}${c.year}年${meetingOf(c)}记录`,
  (c) => `${c.creator}${c.year}年${c.topic}工作文件材料`,
  (c) => `${c.creator}${c.year}年度工作计划、总结`,
  (c) => `${c.creator}关于${c.place}${c.topic}的调查材料（${c.year}年）`,
  (c) => `上级机关${c.year}年关于${c.topic}的指示、通知`,
  (c) => `${c.creator}${c.unit}${c.year}年${c.topic}工作的请示、批复`,
];

const REPUBLICAN: readonly Template[] = [
  (c) => `${c.creator}关于${c.topic}的训令`,
  (c) => `${c.place}关于${c.topic}的呈`,
  (c) => `关于${c.topic}事项的代电`,
  (c) => `${c.place}${c.topic}案`,
  (c) => `${c.creator}${c.year}年${c.topic}卷`,
  (c) => `关于${c.place}${c.topic}的指令`,
];

const ACCOUNTING: readonly Template[] = [
  (c, r) => `${c.creator}${c.year}年${month(r)}月记账凭证`,
  (c) => `${c.creator}${c.year}年度财务决算报告`,
  (c) => `${c.creator}${c.year}年总账`,
  (c) => `${c.creator}${c.year}年明细账`,
  (c) => `${c.creator}${c.year}年度预算执行情况报告`,
  (c, r) => `${c.creator}${c.year}年${month(r)}月工资发放表`,
  (c) => `${c.creator}${c.year}年固定资产登记簿`,
];

const SCIENTIFIC_TECHNICAL: readonly Template[] = [
  (c, r) => `${c.place}${r.pick(PROJECTS)}工程竣工图`,
  (c, r) => `${c.place}${r.pick(PROJECTS)}初步设计文件`,
  (c, r) => `${c.place}${r.pick(PROJECTS)}施工图设计`,
  (c, r) => `${c.place}${r.pick(PROJECTS)}竣工验收报告`,
  (c, r) => `${c.place}${r.pick(PROJECTS)}可行性研究报告`,
  (c) => `${c.place}${c.topic}技术资料（${c.year}年）`,
];

const PHOTO: readonly Template[] = [
  (c, r) => `${c.place}${r.pick(EVENTS)}照片`,
  (c, r) => `${c.creator}${c.year}年${r.pick(EVENTS)}照片（${r.int(2, 60)}张）`,
  (c) => `${c.regionName}${c.topic}工作照片（${c.year}年）`,
];

const AUDIOVISUAL: readonly Template[] = [
  (c, r) => `${c.creator}${c.year}年${r.pick(EVENTS)}录像`,
  (c, r) => `${c.place}${r.pick(EVENTS)}录音`,
  (c) => `${c.regionName}${c.topic}专题片（${c.year}年）`,
];

const ARTEFACT: readonly Template[] = [
  (c, r) => `${c.creator}${r.pick(HONOURS)}奖牌（${c.year}年）`,
  (c) => `${c.creator}印章（${c.year}年启用）`,
  (c, r) => `${c.place}赠送${c.creator}${r.pick(EVENTS)}锦旗`,
];

const SPECIALISED: readonly Template[] = [
  (c) => `${c.place}${c.year}年${c.topic}档案`,
  (c) => `${c.year}年${c.topic}登记簿`,
  (c, r) => `${c.topic}案卷（${c.year}年第${r.int(1, 480)}号）`,
  (c) => `${c.regionName}${c.year}年${c.topic}统计报表`,
];

const MARRIAGE: readonly Template[] = [
  (c) => `${c.place}${c.year}年结婚登记档案`,
  (c) => `${c.place}${c.year}年离婚登记档案`,
  (c) => `${c.year}年婚姻登记审查处理表`,
  (c) => `${c.year}年补发结婚证登记表`,
  (c) => `${c.place}${c.year}年婚姻登记花名册`,
  (c, r) => `${personName(r)}、${personName(r)}结婚登记档案（${c.year}年）`,
];

const SOCIAL_SECURITY: readonly Template[] = [
  (c, r) => `${c.place}${r.pick(ENTERPRISES)}职工社会保险缴费记录（${c.year}年）`,
  (c) => `${c.year}年企业职工养老保险参保登记表`,
  (c) => `${c.year}年失业保险金发放名册`,
  (c) => `${c.place}${c.year}年城乡居民养老保险待遇审批表`,
  (c) => `${c.year}年离退休人员养老金核定表`,
  (c, r) => `${c.regionName}${r.pick(ENTERPRISES)}${c.year}年${month(r)}月社会保险费缴纳明细`,
];

const RUSTICATED_YOUTH: readonly Template[] = [
  (c) => `${c.year}年知识青年上山下乡${c.place}安置名册`,
  (c) => `关于知识青年到${c.place}插队落户的通知`,
  (c) => `${c.year}年知识青年返城审批表`,
  (c) => `${c.place}知青点${c.year}年情况报告`,
  (c) => `${c.year}年下乡知识青年花名册`,
  (c) => `知识青年病退回城审批表（${c.year}年）`,
  (c) => `${c.year}年知青安置经费拨付表`,
];

const RECRUITMENT: readonly Template[] = [
  (c, r) => `${c.year}年${c.regionName}${r.pick(ENTERPRISES)}招工录用审批表`,
  (c) => `${c.year}年全民所有制单位招工计划`,
  (c) => `${c.place}${c.year}年合同制工人招收录用名册`,
  (c) => `${c.year}年招收全民合同制工人审批表`,
  (c) => `${c.year}年子女顶替招工审批表`,
  (c) => `${c.year}年事业单位公开招聘人员名册`,
];

const BY_CATEGORY: Readonly<Record<Exclude<Category, 'ADMINISTRATIVE'>, readonly Template[]>> = {
  ACCOUNTING,
  SCIENTIFIC_TECHNICAL,
  PHOTO,
  AUDIOVISUAL,
  ARTEFACT,
  SPECIALISED,
  MARRIAGE,
  SOCIAL_SECURITY,
  RUSTICATED_YOUTH,
  RECRUITMENT,
};

export function composeTitle(c: TitleContext, rng: Random): string {
  let templates: readonly Template[];
  if (c.republican && c.category === 'ADMINISTRATIVE') templates = REPUBLICAN;
  else if (c.category === 'ADMINISTRATIVE') templates = c.level === 'FILE' ? ADMINISTRATIVE_FILES : ADMINISTRATIVE_ITEMS;
  else templates = BY_CATEGORY[c.category];
  return rng.pick(templates)(c, rng);
}
