/**
 * The Chinese terms archivists write for the catalogue's coded values (门类, 保管期限, 密级,
 * 开放状态, 著录层次), as the schema's descriptions give them: what the exports write and
 * what a harvester shows.
 */
import type { AccessStatus, Category, Classification, RecordLevel, Retention } from '../generated/resolvers-types.js';

export const CATEGORY_TERMS: Readonly<Record<Category, string>> = Object.freeze({
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
});

export const RETENTION_TERMS: Readonly<Record<Retention, string>> = Object.freeze({
  PERMANENT: '永久',
  D30: '定期30年',
  D10: '定期10年',
});

export const CLASSIFICATION_TERMS: Readonly<Record<Classification, string>> = Object.freeze({
  NONE: '公开',
  INTERNAL: '内部',
  SECRET: '秘密',
  CONFIDENTIAL: '机密',
  TOP_SECRET: '绝密',
});

export const ACCESS_TERMS: Readonly<Record<AccessStatus, string>> = Object.freeze({
  OPEN: '开放',
  DELAYED: '延期开放',
  UNREVIEWED: '未审核',
});

export const LEVEL_TERMS: Readonly<Record<RecordLevel, string>> = Object.freeze({
  FILE: '案卷',
  ITEM: '件',
});
