/**
 * The creating bodies (立档单位) whose records a comprehensive archive holds, with the years
 * they existed, what their records are about and which categories (门类) they produce.
 * Names follow the real pattern of each level: 南昌县财政局, 南昌市财政局, 江西省财政厅.
 * Bodies that were reorganised appear as two fonds with adjoining years (劳动局 until 2009,
 * 人力资源和社会保障局 from 2010), as they do in a real archive's 全宗 list.
 */
import { type Place, townshipGovernmentOf } from './places.js';
import type { Weighted } from './random.js';
import type { Region } from '../protocol/regions.js';
import type { Category } from '../subgraphs/archive/bulk/tables.js';

/** A topic of a body's records; with years when it belongs to a period (人民公社化, 精准扶贫 …). */
export type Topic = string | readonly [text: string, from: number, to: number];

export interface CreatingBody {
  /** Stable key, used to seed the fonds' own random sequence. */
  key: string;
  /** 立档单位 of this body in a region. */
  nameIn(region: Region): string;
  /** First and last year of its records. */
  era: readonly [number, number];
  /** Relative size of its fonds. */
  weight: number;
  /** Before 1949: a fonds of the 民国 period, held by provincial and city archives only. */
  republican?: boolean;
  /** Only at these levels (all when omitted). */
  levels?: readonly Region['level'][];
  categories: Weighted<Category>;
  topics: readonly Topic[];
  /** 机构代码 and name of its internal units (内设机构), used in item 档号. */
  units: readonly (readonly [code: string, name: string])[];
}

const OFFICE: readonly [string, string] = ['BGS', '办公室'];
const PERSONNEL: readonly [string, string] = ['RSK', '人事科'];
const FINANCE_UNIT: readonly [string, string] = ['CWK', '计划财务科'];
const POLICY: readonly [string, string] = ['ZCK', '政策法规科'];

/** 南昌县财政局 / 南昌市财政局 / 江西省财政厅. */
function department(local: string, provincial: string) {
  return (region: Region) => `${region.name}${region.level === 'PROVINCE' ? provincial : local}`;
}

const ADMIN_MOSTLY: Weighted<Category> = [
  ['ADMINISTRATIVE', 80],
  ['ACCOUNTING', 8],
  ['PHOTO', 5],
  ['AUDIOVISUAL', 1],
  ['ARTEFACT', 1],
  ['SPECIALISED', 5],
];

const GENERAL_TOPICS: readonly Topic[] = [
  '安全生产',
  '防汛抗旱',
  '干部培训',
  '机构编制调整',
  '精神文明建设',
  '档案工作',
  '信访工作',
  '财务审计',
  '党风廉政建设',
  '目标管理考核',
  ['农业学大寨运动', 1964, 1978],
  ['整党工作', 1983, 1987],
  ['人口普查', 1953, 2020],
  ['精准扶贫', 2014, 2020],
  ['乡村振兴', 2018, 2024],
  ['新冠肺炎疫情防控', 2020, 2022],
];

export const CREATING_BODIES: readonly CreatingBody[] = [
  // A table of data, one entry per kind of creating body: its entries share a shape, not logic.
  {
    key: 'government-office',
    nameIn: (r) => (r.level === 'PROVINCE' ? `${r.name}人民政府办公厅` : `${r.name}人民政府办公室`),
    era: [1949, 2024],
    weight: 10,
    categories: ADMIN_MOSTLY,
    topics: [
      ...GENERAL_TOPICS,
      '政府工作报告',
      '国民经济和社会发展计划',
      '招商引资',
      '行政区划调整',
      '重点工程建设',
      '城乡规划',
      ['人民公社化', 1958, 1962],
      ['家庭联产承包责任制', 1979, 1986],
      ['农村税费改革', 2000, 2006],
    ],
    units: [OFFICE, ['ZWK', '综合科'], ['MSK', '秘书科'], ['XXK', '信息科'], ['DCS', '督查室']],
  },
  {
    key: 'party-committee',
    nameIn: (r) => `中共${r.name}委员会`,
    era: [1949, 2024],
    weight: 8,
    categories: ADMIN_MOSTLY,
    topics: [...GENERAL_TOPICS, '党员发展', '基层党组织建设', '干部任免', '党史学习教育', '思想政治工作'],
    units: [OFFICE, ['ZZB', '组织部'], ['XCB', '宣传部'], ['TZB', '统战部']],
  },
  {
    key: 'congress',
    nameIn: (r) => `${r.name}人民代表大会常务委员会`,
    era: [1980, 2024],
    weight: 3,
    categories: [['ADMINISTRATIVE', 90], ['PHOTO', 6], ['AUDIOVISUAL', 4]],
    topics: [...GENERAL_TOPICS, '人大代表选举', '地方性法规审议', '执法检查', '代表建议办理'],
    units: [OFFICE, ['YJS', '研究室'], ['DBK', '代表工作科']],
  },
  {
    key: 'cppcc',
    nameIn: (r) => `中国人民政治协商会议${r.name}委员会`,
    era: [1955, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 88], ['PHOTO', 8], ['AUDIOVISUAL', 4]],
    topics: [...GENERAL_TOPICS, '政协提案办理', '文史资料征集', '委员视察'],
    units: [OFFICE, ['TAK', '提案科'], ['WSK', '文史资料科']],
  },
  {
    key: 'finance',
    nameIn: department('财政局', '财政厅'),
    era: [1949, 2024],
    weight: 7,
    categories: [['ADMINISTRATIVE', 55], ['ACCOUNTING', 45]],
    topics: [...GENERAL_TOPICS, '预算管理', '农业税征收', '专项资金拨付', '行政事业单位收费', '国库集中支付', '政府采购', ['财政包干体制', 1980, 1993], ['分税制改革', 1994, 1998]],
    units: [OFFICE, ['YSK', '预算科'], ['GKK', '国库科'], ['NYK', '农业科'], ['ZHK', '综合科'], FINANCE_UNIT],
  },
  {
    key: 'civil-affairs',
    nameIn: department('民政局', '民政厅'),
    era: [1949, 2024],
    weight: 6,
    categories: [['ADMINISTRATIVE', 70], ['MARRIAGE', 18], ['ACCOUNTING', 5], ['SPECIALISED', 7]],
    topics: [...GENERAL_TOPICS, '救灾救济', '优抚安置', '最低生活保障', '社会福利院建设', '地名普查', '殡葬改革', '社会组织登记', '婚姻登记管理'],
    units: [OFFICE, ['JZK', '救灾救济科'], ['YFK', '优抚安置科'], ['SWK', '社会事务科'], ['QHK', '区划地名科']],
  },
  {
    key: 'marriage-registry',
    nameIn: (r) => `${r.name}婚姻登记处`,
    era: [1981, 2024],
    weight: 3,
    levels: ['CITY', 'COUNTY'],
    categories: [['MARRIAGE', 92], ['ADMINISTRATIVE', 8]],
    topics: ['结婚登记', '离婚登记', '补领婚姻登记证', '婚姻登记档案管理', '涉外婚姻登记'],
    units: [OFFICE, ['DJK', '登记科']],
  },
  {
    key: 'education',
    nameIn: department('教育局', '教育厅'),
    era: [1949, 2024],
    weight: 6,
    categories: [['ADMINISTRATIVE', 75], ['SPECIALISED', 15], ['ACCOUNTING', 6], ['PHOTO', 4]],
    topics: [...GENERAL_TOPICS, '中小学教师培训', '校舍危房改造', '高考招生', '中考招生', '民办教师转正', ['扫除文盲', 1950, 1995], ['普及九年义务教育', 1986, 2000], '学前教育发展', '教育经费管理'],
    units: [OFFICE, ['JYK', '基础教育科'], ['ZSB', '招生办公室'], ['JSK', '教师工作科'], PERSONNEL],
  },
  {
    key: 'public-security',
    nameIn: department('公安局', '公安厅'),
    era: [1949, 2024],
    weight: 5,
    categories: [['ADMINISTRATIVE', 65], ['SPECIALISED', 30], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '户籍管理', '社会治安综合治理', '交通安全管理', '消防安全检查', '身份证换发', '禁毒工作'],
    units: [OFFICE, ['ZAK', '治安管理科'], ['HZK', '户政科'], ['XFK', '消防科']],
  },
  {
    key: 'health',
    nameIn: department('卫生局', '卫生厅'),
    era: [1949, 2017],
    weight: 4,
    categories: [['ADMINISTRATIVE', 80], ['SPECIALISED', 14], ['ACCOUNTING', 6]],
    topics: [...GENERAL_TOPICS, '血吸虫病防治', '爱国卫生运动', '计划免疫', '乡镇卫生院建设', ['农村合作医疗', 1968, 2002], ['新型农村合作医疗', 2003, 2017], '传染病防治'],
    units: [OFFICE, ['YZK', '医政科'], ['FYK', '防疫科'], ['FBK', '妇幼保健科']],
  },
  {
    key: 'health-commission',
    nameIn: department('卫生健康委员会', '卫生健康委员会'),
    era: [2018, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 85], ['SPECIALISED', 10], ['ACCOUNTING', 5]],
    topics: [...GENERAL_TOPICS, '医疗卫生体制改革', '家庭医生签约服务', '疫苗接种', '健康扶贫', '公立医院改革'],
    units: [OFFICE, ['YZK', '医政医管科'], ['JKK', '疾病预防控制科'], ['LLK', '老龄健康科']],
  },
  {
    key: 'family-planning',
    nameIn: department('计划生育委员会', '计划生育委员会'),
    era: [1979, 2017],
    weight: 2,
    categories: [['ADMINISTRATIVE', 85], ['SPECIALISED', 15]],
    topics: [...GENERAL_TOPICS, '计划生育目标管理', '独生子女证发放', '流动人口计划生育管理', '生育服务证'],
    units: [OFFICE, ['GHK', '规划统计科'], ['JSK', '科技服务科']],
  },
  {
    key: 'labour',
    nameIn: department('劳动局', '劳动厅'),
    era: [1949, 2009],
    weight: 5,
    categories: [['ADMINISTRATIVE', 50], ['RECRUITMENT', 30], ['SOCIAL_SECURITY', 15], ['ACCOUNTING', 5]],
    topics: [...GENERAL_TOPICS, '招工录用', '劳动工资', '劳动保护', '职工退休', '劳动合同制', '技工学校招生', ['城镇知青就业安置', 1978, 1985], '国有企业下岗职工再就业'],
    units: [OFFICE, ['ZGK', '招工调配科'], ['GZK', '劳动工资科'], ['BXK', '社会保险科']],
  },
  {
    key: 'human-resources',
    nameIn: department('人力资源和社会保障局', '人力资源和社会保障厅'),
    era: [2010, 2024],
    weight: 4,
    categories: [['ADMINISTRATIVE', 45], ['SOCIAL_SECURITY', 35], ['RECRUITMENT', 15], ['ACCOUNTING', 5]],
    topics: [...GENERAL_TOPICS, '企业职工养老保险', '城乡居民养老保险', '就业创业', '职称评审', '工伤认定', '事业单位公开招聘', '农民工工资支付'],
    units: [OFFICE, ['YLK', '养老保险科'], ['JYK', '就业促进科'], ['ZJK', '专业技术人员管理科'], ['GSK', '工伤保险科']],
  },
  {
    key: 'rusticated-youth-office',
    nameIn: (r) => `${r.name}知识青年上山下乡办公室`,
    era: [1962, 1981],
    weight: 2,
    categories: [['RUSTICATED_YOUTH', 85], ['ADMINISTRATIVE', 15]],
    topics: ['知识青年上山下乡', '知青安置经费', '知青点建设', '知识青年返城', '知青病困退审批', '知青招工招生'],
    units: [OFFICE, ['AZZ', '安置组']],
  },
  {
    key: 'agriculture',
    nameIn: department('农业局', '农业厅'),
    era: [1949, 2018],
    weight: 4,
    categories: [['ADMINISTRATIVE', 80], ['SCIENTIFIC_TECHNICAL', 12], ['PHOTO', 4], ['ACCOUNTING', 4]],
    topics: [...GENERAL_TOPICS, '粮食生产', '双季稻推广', '农业技术推广', '柑橘种植', '生猪生产', '病虫害防治', '农业机械化'],
    units: [OFFICE, ['NZK', '农业生产科'], ['KJK', '科技教育科'], ['JJK', '经营管理科']],
  },
  {
    key: 'agriculture-rural',
    nameIn: department('农业农村局', '农业农村厅'),
    era: [2019, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 85], ['SCIENTIFIC_TECHNICAL', 10], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '高标准农田建设', '农村人居环境整治', '农村集体产权制度改革', '粮食安全'],
    units: [OFFICE, ['NCK', '农村经济科'], ['ZZK', '种植业科']],
  },
  {
    key: 'water',
    nameIn: department('水利局', '水利厅'),
    era: [1952, 2024],
    weight: 3,
    categories: [['ADMINISTRATIVE', 60], ['SCIENTIFIC_TECHNICAL', 35], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '水库除险加固', '圩堤建设', '农田水利基本建设', '鄱阳湖治理', '河长制', '农村饮水安全'],
    units: [OFFICE, ['GCK', '工程建设科'], ['FBB', '防汛抗旱办公室'], ['SZK', '水政科']],
  },
  {
    key: 'planning',
    nameIn: department('计划委员会', '计划委员会'),
    era: [1952, 2003],
    weight: 3,
    categories: [['ADMINISTRATIVE', 90], ['ACCOUNTING', 5], ['SPECIALISED', 5]],
    topics: [...GENERAL_TOPICS, '国民经济计划', '基本建设投资', '物资分配', '五年计划编制', '物价管理'],
    units: [OFFICE, ['ZHK', '综合计划科'], ['JSK', '基本建设科']],
  },
  {
    key: 'development-reform',
    nameIn: department('发展和改革委员会', '发展和改革委员会'),
    era: [2004, 2024],
    weight: 3,
    categories: [['ADMINISTRATIVE', 90], ['SCIENTIFIC_TECHNICAL', 5], ['ACCOUNTING', 5]],
    topics: [...GENERAL_TOPICS, '重大项目审批', '五年规划编制', '价格监测', '节能减排', '以工代赈'],
    units: [OFFICE, ['GHK', '发展规划科'], ['TZK', '固定资产投资科'], ['JGK', '价格科']],
  },
  {
    key: 'construction',
    nameIn: department('城乡建设局', '建设厅'),
    era: [1956, 2009],
    weight: 4,
    categories: [['SCIENTIFIC_TECHNICAL', 55], ['ADMINISTRATIVE', 40], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '城市总体规划', '自来水厂建设', '旧城改造', '建筑工程质量监督', '公房管理'],
    units: [OFFICE, ['GHK', '规划科'], ['JZK', '建筑管理科'], ['CSK', '城市建设科']],
  },
  {
    key: 'housing',
    nameIn: department('住房和城乡建设局', '住房和城乡建设厅'),
    era: [2010, 2024],
    weight: 3,
    categories: [['SCIENTIFIC_TECHNICAL', 50], ['ADMINISTRATIVE', 45], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '保障性住房建设', '棚户区改造', '老旧小区改造', '建筑市场监管', '农村危房改造'],
    units: [OFFICE, ['ZBK', '住房保障科'], ['JZK', '建筑市场监管科']],
  },
  {
    key: 'land',
    nameIn: department('国土资源局', '国土资源厅'),
    era: [1987, 2018],
    weight: 3,
    categories: [['ADMINISTRATIVE', 50], ['SPECIALISED', 45], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '土地登记', '耕地保护', '土地征收', '矿产资源管理', '土地利用总体规划'],
    units: [OFFICE, ['DJK', '地籍科'], ['GDK', '耕地保护科'], ['KCK', '矿产资源科']],
  },
  {
    key: 'natural-resources',
    nameIn: department('自然资源局', '自然资源厅'),
    era: [2019, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 55], ['SPECIALISED', 40], ['SCIENTIFIC_TECHNICAL', 5]],
    topics: [...GENERAL_TOPICS, '国土空间规划', '不动产登记', '生态修复', '自然资源确权登记'],
    units: [OFFICE, ['GHK', '国土空间规划科'], ['DJK', '不动产登记科']],
  },
  {
    key: 'transport',
    nameIn: department('交通运输局', '交通运输厅'),
    era: [1950, 2024],
    weight: 3,
    categories: [['ADMINISTRATIVE', 60], ['SCIENTIFIC_TECHNICAL', 35], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '公路建设', '农村公路', '大桥建设', '道路运输管理', '航道整治'],
    units: [OFFICE, ['GLK', '公路建设科'], ['YSK', '运输管理科']],
  },
  {
    key: 'industry-commerce',
    nameIn: department('工商行政管理局', '工商行政管理局'),
    era: [1954, 2018],
    weight: 3,
    categories: [['ADMINISTRATIVE', 55], ['SPECIALISED', 45]],
    topics: [...GENERAL_TOPICS, '企业登记', '个体工商户登记', '市场管理', '商标管理', '消费者权益保护'],
    units: [OFFICE, ['QYK', '企业注册科'], ['SCK', '市场管理科']],
  },
  {
    key: 'market-regulation',
    nameIn: department('市场监督管理局', '市场监督管理局'),
    era: [2019, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 60], ['SPECIALISED', 40]],
    topics: [...GENERAL_TOPICS, '食品安全监管', '市场主体登记', '特种设备安全', '知识产权保护'],
    units: [OFFICE, ['DJK', '登记注册科'], ['SPK', '食品安全科']],
  },
  {
    key: 'statistics',
    nameIn: department('统计局', '统计局'),
    era: [1952, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 60], ['SPECIALISED', 40]],
    topics: [...GENERAL_TOPICS, '统计年报', '农业普查', '经济普查', '统计执法检查', '住户调查'],
    units: [OFFICE, ['ZHK', '综合科'], ['PCZ', '普查中心']],
  },
  {
    key: 'audit',
    nameIn: department('审计局', '审计厅'),
    era: [1983, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 60], ['SPECIALISED', 40]],
    topics: [...GENERAL_TOPICS, '经济责任审计', '预算执行审计', '专项资金审计', '投资审计'],
    units: [OFFICE, ['JZK', '经济责任审计科'], ['CZK', '财政审计科']],
  },
  {
    key: 'culture',
    nameIn: department('文化局', '文化厅'),
    era: [1950, 2018],
    weight: 3,
    categories: [['ADMINISTRATIVE', 70], ['PHOTO', 15], ['AUDIOVISUAL', 10], ['ARTEFACT', 5]],
    topics: [...GENERAL_TOPICS, '文物保护', '群众文化活动', '采茶戏剧团', '图书馆建设', '非物质文化遗产保护'],
    units: [OFFICE, ['WWK', '文物科'], ['SYK', '社会文化科']],
  },
  {
    key: 'grain',
    nameIn: department('粮食局', '粮食厅'),
    era: [1952, 2018],
    weight: 2,
    categories: [['ADMINISTRATIVE', 70], ['ACCOUNTING', 30]],
    topics: [...GENERAL_TOPICS, '粮食统购统销', '粮油供应', '粮库建设', '粮食收购'],
    units: [OFFICE, ['CCK', '仓储科'], ['GXK', '购销科']],
  },
  {
    key: 'supply-marketing',
    nameIn: (r) => `${r.name}供销合作社联合社`,
    era: [1950, 2024],
    weight: 2,
    categories: [['ADMINISTRATIVE', 60], ['ACCOUNTING', 40]],
    topics: [...GENERAL_TOPICS, '农资供应', '农副产品收购', '基层供销社改革'],
    units: [OFFICE, ['YWK', '业务科']],
  },
  {
    key: 'trade-union',
    nameIn: (r) => `${r.name}总工会`,
    era: [1950, 2024],
    weight: 1,
    categories: [['ADMINISTRATIVE', 85], ['PHOTO', 10], ['ARTEFACT', 5]],
    topics: [...GENERAL_TOPICS, '劳动模范评选', '职工困难帮扶', '职工代表大会'],
    units: [OFFICE, ['ZZB', '组织部']],
  },
  {
    key: 'youth-league',
    nameIn: (r) => `共青团${r.name}委员会`,
    era: [1950, 2024],
    weight: 1,
    categories: [['ADMINISTRATIVE', 85], ['PHOTO', 15]],
    topics: [...GENERAL_TOPICS, '青年志愿者行动', '希望工程', '团员发展'],
    units: [OFFICE, ['ZZB', '组织部']],
  },
  {
    key: 'womens-federation',
    nameIn: (r) => `${r.name}妇女联合会`,
    era: [1950, 2024],
    weight: 1,
    categories: [['ADMINISTRATIVE', 90], ['PHOTO', 10]],
    topics: [...GENERAL_TOPICS, '妇女儿童权益保护', '三八红旗手评选', '巾帼建功'],
    units: [OFFICE],
  },
  {
    key: 'court',
    nameIn: (r) => (r.level === 'PROVINCE' ? `${r.name}高级人民法院` : r.level === 'CITY' ? `${r.name}中级人民法院` : `${r.name}人民法院`),
    era: [1950, 2024],
    weight: 4,
    categories: [['SPECIALISED', 70], ['ADMINISTRATIVE', 30]],
    topics: [...GENERAL_TOPICS, '民事审判', '刑事审判', '人民调解', '执行工作', '审判监督'],
    units: [OFFICE, ['MSB', '民事审判庭'], ['XSB', '刑事审判庭']],
  },
  {
    key: 'procuratorate',
    nameIn: (r) => `${r.name}人民检察院`,
    era: [1955, 2024],
    weight: 2,
    categories: [['SPECIALISED', 60], ['ADMINISTRATIVE', 40]],
    topics: [...GENERAL_TOPICS, '审查起诉', '控告申诉', '法律监督'],
    units: [OFFICE, ['GSK', '公诉科']],
  },
  {
    key: 'hospital',
    nameIn: (r) => `${r.name}人民医院`,
    era: [1951, 2024],
    weight: 2,
    levels: ['CITY', 'COUNTY'],
    categories: [['ADMINISTRATIVE', 55], ['SPECIALISED', 30], ['ACCOUNTING', 15]],
    topics: [...GENERAL_TOPICS, '医院等级评审', '医疗设备购置', '科室建设'],
    units: [OFFICE, ['YWK', '医务科']],
  },
  {
    key: 'middle-school',
    nameIn: (r) => `${r.name}第一中学`,
    era: [1950, 2024],
    weight: 1,
    levels: ['CITY', 'COUNTY'],
    categories: [['ADMINISTRATIVE', 55], ['SPECIALISED', 30], ['PHOTO', 15]],
    topics: [...GENERAL_TOPICS, '学籍管理', '教学质量', '校舍建设', '毕业生名册'],
    units: [OFFICE, ['JWC', '教务处']],
  },
  {
    key: 'archives-bureau',
    nameIn: (r) => `${r.name}档案局`,
    era: [1959, 2024],
    weight: 1,
    categories: [['ADMINISTRATIVE', 90], ['PHOTO', 10]],
    topics: [...GENERAL_TOPICS, '档案接收进馆', '档案开放鉴定', '馆藏档案数字化', '机关档案工作目标管理'],
    units: [OFFICE, ['YWK', '业务指导科']],
  },
];

/** State enterprises of a region (国营…厂), many closed or restructured (改制) around 2000. */
export const STATE_ENTERPRISES = ['机械厂', '纺织厂', '化肥厂', '陶瓷厂', '农机厂', '粮食加工厂', '造纸厂', '水泥厂', '百货公司', '运输公司', '食品公司', '电机厂', '棉纺厂', '糖厂'];

/**
 * The records of restructured state enterprises, received by the archive when they closed:
 * a main source of 民生 requests (招工, 社保, 工龄).
 */
export function enterpriseBodies(): CreatingBody[] {
  return STATE_ENTERPRISES.map((kind, i) => ({
    key: `enterprise-${i}`,
    nameIn: (r: Region) => `国营${r.name}${kind}`,
    era: [1950 + (i % 7), 1998 + (i % 8)] as const,
    weight: 1.5,
    categories: [['ADMINISTRATIVE', 45], ['ACCOUNTING', 20], ['SCIENTIFIC_TECHNICAL', 10], ['RECRUITMENT', 15], ['SOCIAL_SECURITY', 10]] as const,
    topics: ['生产计划', '职工招收', '劳动工资', '企业整顿', '技术改造', '产品质量', '企业改制', '职工安置', '安全生产'],
    units: [['CBK', '厂部办公室'], ['LZK', '劳动工资科'], ['CWK', '财务科'], ['JSK', '技术科']] as const,
  }));
}

/** A township's government (乡镇人民政府), for county-level archives. */
export function townshipBody(place: Place): CreatingBody {
  return {
    key: `township-${place.code}`,
    nameIn: () => townshipGovernmentOf(place),
    era: [1958, 2024],
    weight: 1.5,
    categories: [['ADMINISTRATIVE', 75], ['ACCOUNTING', 10], ['MARRIAGE', 5], ['SOCIAL_SECURITY', 5], ['PHOTO', 5]],
    topics: [...GENERAL_TOPICS, '农业生产', '计划生育', '村级组织建设', '农村土地承包', ['人民公社管理', 1958, 1983]],
    units: [['DZB', '党政办公室'], ['CZS', '财政所'], ['MZS', '民政所']],
  };
}

/** Fonds of the 民国 period (1912–1949) held by provincial and city archives. */
export function republicanBodies(region: Region): CreatingBody[] {
  const names = region.level === 'PROVINCE'
    ? ['政府', '民政厅', '财政厅', '建设厅', '教育厅', '田赋粮食管理处']
    : ['政府', '商会', '警察局'];
  return names.map((suffix, i) => ({
    key: `republican-${i}`,
    nameIn: (r) => `${r.name}${suffix}`,
    era: [suffix === '商会' ? 1912 : 1927, 1949] as const,
    weight: region.level === 'PROVINCE' ? 2 : 1.5,
    republican: true,
    categories: [['ADMINISTRATIVE', 88], ['ACCOUNTING', 8], ['PHOTO', 4]] as const,
    topics: ['田赋征收', '保甲编查', '赈济灾民', '地方自治', '禁烟', '兵役', '筑路', '教育经费', '抗战损失调查', '物价管制'],
    units: [OFFICE],
  }));
}
