/**
 * The Chinese terms archivists write for the coded values of the archive contract (门类,
 * 保管期限, 密级, 开放状态, 著录层次), as the schema's descriptions give them, written once:
 * what the exports write, what a harvester shows and what the dashboard labels its figures
 * with. Plain objects without imports, so that the browser bundle takes them as they are;
 * indexing one with a type generated from the schema fails the type check when the schema
 * gains a value this file does not name.
 */

// One table per coded value of the contract: the tables share a shape, not entries.
export const CATEGORY_TERMS = Object.freeze({
  ADMINISTRATIVE: '文书',
  SCIENTIFIC_TECHNICAL: '科技',
  ACCOUNTING: '会计',
  PHOTO: '照片',
  AUDIOVISUAL: '录音录像',
  ARTEFACT: '实物',
  SPECIALISED: '专业',
  MARRIAGE: '婚姻',
  SOCIAL_SECURITY: '社保',
  RUSTICATED_YOUTH: '知青',
  RECRUITMENT: '招工',
} as const);

export const RETENTION_TERMS = Object.freeze({
  PERMANENT: '永久',
  D30: '定期30年',
  D10: '定期10年',
} as const);

export const CLASSIFICATION_TERMS = Object.freeze({
  NONE: '公开',
  INTERNAL: '内部',
  SECRET: '秘密',
  CONFIDENTIAL: '机密',
  TOP_SECRET: '绝密',
} as const);

export const ACCESS_TERMS = Object.freeze({
  OPEN: '开放',
  DELAYED: '延期开放',
  UNREVIEWED: '未审核',
} as const);

export const LEVEL_TERMS = Object.freeze({
  FILE: '案卷',
  ITEM: '件',
} as const);
