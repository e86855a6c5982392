import type { GraphQLResolveInfo } from 'graphql';
import type { ArchiveRow, FondsRow, RecordRow, OpenReviewRow, DigitalObjectRow, UtilizationRow, ExhibitionRow, CompilationRow, AuditEntryRow } from '../entities/index.js';
import type { Page } from '../services/pagination.js';
import type { ArchiveContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: any; output: any; }
};

/** 开放状态 — whether a record is open to the public (Archives Law 2020, 25-year rule). */
export type AccessStatus =
  /** 延期开放 — reviewed and kept closed for longer. */
  | 'DELAYED'
  /** 开放 — open to the public. */
  | 'OPEN'
  /** 未审核 — not yet reviewed for opening. */
  | 'UNREVIEWED';

/**
 * 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260).
 *
 * The fields below `level` come from the archive's own shard. They are nullable so that, when
 * that shard does not answer, a listing of many archives keeps the others and this archive's
 * directory data, with an ARCHIVE_UNAVAILABLE error naming it, instead of losing the whole list.
 */
export type Archive = {
  __typename?: 'Archive';
  /** Postal address (地址). */
  address?: Maybe<Scalars['String']['output']>;
  /**
   * 查阅审计 — the audit log of reads of this archive's records that are not open (延期开放 or
   * 未审核), newest first: who read which record, when, and through which field. Reads of open
   * (开放) records are not logged. Only the archive's own archivists may read it; anyone else,
   * administrators included, gets FORBIDDEN.
   */
  auditLog?: Maybe<AuditEntryConnection>;
  /** 编研 — compilations published by the archive, newest first. */
  compilations?: Maybe<CompilationConnection>;
  /** Version of the archive contract this subgraph implements. */
  contractVersion?: Maybe<Scalars['String']['output']>;
  /** 展览 — exhibitions held by the archive, newest first. */
  exhibitions?: Maybe<ExhibitionConnection>;
  /** 全宗 — the fonds held by the archive, ordered by 全宗号. */
  fonds?: Maybe<FondsConnection>;
  /** The archive code: the 6-digit administrative-division code of the area it serves, e.g. `360100`. */
  id: Scalars['ID']['output'];
  /** Administrative level of the archive (级别). */
  level: ArchiveLevel;
  /** Name of the archive (馆名), e.g. 南昌市档案馆. */
  name: Scalars['String']['output'];
  /** 案卷与文件 — the archive's records the caller may see, ordered by 档号, filtered. */
  records?: Maybe<RecordConnection>;
  /** Services the archive offers the public (服务项目), e.g. 查档, 出证, 展览. */
  services?: Maybe<Array<Scalars['String']['output']>>;
  /** 利用 — the utilization log, newest first. Only the archive's own archivists may read it. */
  utilizations?: Maybe<UtilizationConnection>;
};


/**
 * 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260).
 *
 * The fields below `level` come from the archive's own shard. They are nullable so that, when
 * that shard does not answer, a listing of many archives keeps the others and this archive's
 * directory data, with an ARCHIVE_UNAVAILABLE error naming it, instead of losing the whole list.
 */
export type ArchiveAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260).
 *
 * The fields below `level` come from the archive's own shard. They are nullable so that, when
 * that shard does not answer, a listing of many archives keeps the others and this archive's
 * directory data, with an ARCHIVE_UNAVAILABLE error naming it, instead of losing the whole list.
 */
export type ArchiveCompilationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260).
 *
 * The fields below `level` come from the archive's own shard. They are nullable so that, when
 * that shard does not answer, a listing of many archives keeps the others and this archive's
 * directory data, with an ARCHIVE_UNAVAILABLE error naming it, instead of losing the whole list.
 */
export type ArchiveExhibitionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260).
 *
 * The fields below `level` come from the archive's own shard. They are nullable so that, when
 * that shard does not answer, a listing of many archives keeps the others and this archive's
 * directory data, with an ARCHIVE_UNAVAILABLE error naming it, instead of losing the whole list.
 */
export type ArchiveFondsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260).
 *
 * The fields below `level` come from the archive's own shard. They are nullable so that, when
 * that shard does not answer, a listing of many archives keeps the others and this archive's
 * directory data, with an ARCHIVE_UNAVAILABLE error naming it, instead of losing the whole list.
 */
export type ArchiveRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260).
 *
 * The fields below `level` come from the archive's own shard. They are nullable so that, when
 * that shard does not answer, a listing of many archives keeps the others and this archive's
 * directory data, with an ARCHIVE_UNAVAILABLE error naming it, instead of losing the whole list.
 */
export type ArchiveUtilizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Administrative level of an archive (级别). */
export type ArchiveLevel =
  /** 市级 — a prefecture-level city archive. */
  | 'CITY'
  /** 县级 — a county-level archive (county, district or county-level city). */
  | 'COUNTY'
  /** 省级 — a provincial archive. */
  | 'PROVINCE';

/** 查阅审计 — one read of a record that is not open (延期开放 or 未审核). */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The record's access status (开放状态) when it was read. */
  access: AccessStatus;
  /**
   * The field the record was read through, as `Type.field`: `Query.record`, `Query._entities`
   * (a reference from the gateway, such as a search hit fetched by id), `Archive.records`,
   * `Fonds.records`, `Record.items`, `Record.parent` or `DigitalObject.record`.
   */
  field: Scalars['String']['output'];
  /** When the record was read (ISO 8601 timestamp). */
  readAt: Scalars['String']['output'];
  /** The record read, e.g. `360100:Record:42`. */
  recordId: Scalars['ID']['output'];
  /** The caller's role: `public`, `archivist`, `supervisor` or `admin`. */
  role: Scalars['String']['output'];
  /** The caller's subject (the token's `sub`); null for a caller without one. */
  subject?: Maybe<Scalars['String']['output']>;
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  nodes: Array<AuditEntry>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** 门类 — record category. */
export type Category =
  /** 会计 — accounting records. */
  | 'ACCOUNTING'
  /** 文书 — administrative records. */
  | 'ADMINISTRATIVE'
  /** 实物 — artefacts. */
  | 'ARTEFACT'
  /** 录音录像 — audio and video recordings. */
  | 'AUDIOVISUAL'
  /** 婚姻 — marriage registration records (民生). */
  | 'MARRIAGE'
  /** 照片 — photographs. */
  | 'PHOTO'
  /** 招工 — recruitment records (民生). */
  | 'RECRUITMENT'
  /** 知青 — records of rusticated educated youth (民生). */
  | 'RUSTICATED_YOUTH'
  /** 科技 — scientific and technical records. */
  | 'SCIENTIFIC_TECHNICAL'
  /** 社保 — social security records (民生). */
  | 'SOCIAL_SECURITY'
  /** 专业 — records of a specialised field. */
  | 'SPECIALISED';

export type CategoryHoldings = {
  __typename?: 'CategoryHoldings';
  category: Category;
  counters: HoldingsCounters;
};

/** 密级 — security classification. */
export type Classification =
  /** 机密 — confidential. */
  | 'CONFIDENTIAL'
  /** 内部 — internal. */
  | 'INTERNAL'
  /** 公开 — not classified. */
  | 'NONE'
  /** 秘密 — secret. */
  | 'SECRET'
  /** 绝密 — top secret. */
  | 'TOP_SECRET';

/** 编研 — a compilation published by an archive. */
export type Compilation = {
  __typename?: 'Compilation';
  /** The archive that published it. */
  archive: Archive;
  /** 字数 — number of characters. */
  characters: Scalars['Int']['output'];
  /** Id of the form `<archive code>:Compilation:<key>`. */
  id: Scalars['ID']['output'];
  /** 出版单位 — publisher. */
  publisher?: Maybe<Scalars['String']['output']>;
  /** 题名 — title. */
  title: Scalars['String']['output'];
  /** 出版年度 — year of publication. */
  year: Scalars['Int']['output'];
};

export type CompilationConnection = {
  __typename?: 'CompilationConnection';
  nodes: Array<Compilation>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** 数字化副本 — a digital copy of a record. */
export type DigitalObject = {
  __typename?: 'DigitalObject';
  /** Size in bytes (exact up to 2^53). */
  bytes: Scalars['Float']['output'];
  /** When the copy was attached (ISO 8601 timestamp). */
  createdAt: Scalars['String']['output'];
  /** File format, e.g. PDF, OFD, TIFF, JPEG. */
  format: Scalars['String']['output'];
  /** Id of the form `<archive code>:DigitalObject:<key>`. */
  id: Scalars['ID']['output'];
  /** 画幅 — number of page images. */
  pages: Scalars['Int']['output'];
  /** The record it copies. */
  record: ArchiveRecord;
  /** SHA-256 of the file, lowercase hex. */
  sha256: Scalars['String']['output'];
};

export type DigitalObjectInput = {
  bytes: Scalars['Float']['input'];
  format: Scalars['String']['input'];
  pages: Scalars['Int']['input'];
  /** SHA-256, 64 lowercase hex digits. */
  sha256: Scalars['String']['input'];
};

/** 展览 — an exhibition held by an archive. */
export type Exhibition = {
  __typename?: 'Exhibition';
  /** The archive that held it. */
  archive: Archive;
  /** 闭展日期 — closing date (YYYY-MM-DD), when it has closed. */
  endDate?: Maybe<Scalars['String']['output']>;
  /** Id of the form `<archive code>:Exhibition:<key>`. */
  id: Scalars['ID']['output'];
  /** 网上展览 — whether it is an online exhibition. */
  online: Scalars['Boolean']['output'];
  /** 开展日期 — opening date (YYYY-MM-DD). */
  startDate: Scalars['String']['output'];
  /** 展览名称 — title. */
  title: Scalars['String']['output'];
  /** 参观人次 — number of visitors. */
  visitors: Scalars['Int']['output'];
};

export type ExhibitionConnection = {
  __typename?: 'ExhibitionConnection';
  nodes: Array<Exhibition>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type FacetCount = {
  __typename?: 'FacetCount';
  count: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

/** 全宗 — the records of one creating body (立档单位) held by an archive. */
export type Fonds = {
  __typename?: 'Fonds';
  /** The archive that holds the fonds. */
  archive: Archive;
  /** 立档单位 — the creating body, e.g. 南昌县人民政府办公室. */
  creator: Scalars['String']['output'];
  /** 全宗介绍 — a description of the fonds. */
  description?: Maybe<Scalars['String']['output']>;
  /** 终止年度 — the last year of its records. */
  endYear?: Maybe<Scalars['Int']['output']>;
  /** 全宗号 — the fonds code, unique inside its archive, e.g. `J001`. */
  fondsCode: Scalars['String']['output'];
  /** Id of the form `<archive code>:Fonds:<key>`. */
  id: Scalars['ID']['output'];
  /** 全宗名称 — the fonds name. */
  name: Scalars['String']['output'];
  /** The fonds' records the caller may see, ordered by 档号, filtered. */
  records: RecordConnection;
  /** 起始年度 — the first year of its records. */
  startYear?: Maybe<Scalars['Int']['output']>;
};


/** 全宗 — the records of one creating body (立档单位) held by an archive. */
export type FondsRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type FondsConnection = {
  __typename?: 'FondsConnection';
  edges: Array<FondsEdge>;
  nodes: Array<Fonds>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type FondsEdge = {
  __typename?: 'FondsEdge';
  cursor: Scalars['String']['output'];
  node: Fonds;
};

export type FondsInput = {
  /** 立档单位. */
  creator: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  endYear?: InputMaybe<Scalars['Int']['input']>;
  /** 全宗号 — unique inside the archive. */
  fondsCode: Scalars['String']['input'];
  /** 全宗名称. */
  name: Scalars['String']['input'];
  startYear?: InputMaybe<Scalars['Int']['input']>;
};

export type FondsUpdateInput = {
  creator?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  endYear?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  startYear?: InputMaybe<Scalars['Int']['input']>;
};

/** Additive counters of one archive's holdings (全国档案事业统计年报). */
export type Holdings = {
  __typename?: 'Holdings';
  archive: Scalars['ID']['output'];
  /** When the counters were computed (ISO 8601 timestamp). */
  asOf: Scalars['String']['output'];
  byCategory: Array<CategoryHoldings>;
  byPeriod: Array<PeriodHoldings>;
  byYear: Array<YearHoldings>;
  /** Whether the counters include records that are not open: always true (an archive of an older version answered false to the public). */
  complete: Scalars['Boolean']['output'];
  total: HoldingsCounters;
};

/**
 * Counters that add up across archives and regions. Holdings (馆藏) are counted in 卷 (files)
 * and 件 (standalone items, not inside a file); items inside files are catalogue entries only.
 * Counters of digital copies, utilization, exhibitions and compilations are overall only and
 * zero in the category, period and year breakdowns unless stated.
 */
export type HoldingsCounters = {
  __typename?: 'HoldingsCounters';
  /** 编研字数 — characters of compilations (overall only). */
  compilationCharacters: Scalars['Float']['output'];
  /** 编研 — compilations (overall only). */
  compilations: Scalars['Int']['output'];
  /** 数字化容量 — bytes of digital copies. */
  digitalBytes: Scalars['Float']['output'];
  /** 数字化画幅 — page images of digital copies. */
  digitalPages: Scalars['Int']['output'];
  /** 已数字化 — files and standalone items with at least one digital copy. */
  digitised: Scalars['Int']['output'];
  /** 电子档案 — records received born-digital. */
  electronic: Scalars['Int']['output'];
  /** 参观人次 — exhibition visitors (overall only). */
  exhibitionVisitors: Scalars['Int']['output'];
  /** 展览 — exhibitions (overall only). */
  exhibitions: Scalars['Int']['output'];
  /** 案卷级目录 — catalogue entries at file level. */
  fileLevelEntries: Scalars['Int']['output'];
  /** 卷 — files. */
  files: Scalars['Int']['output'];
  /** 全宗 — number of fonds (overall only). */
  fonds: Scalars['Int']['output'];
  /** Holdings catalogued down to item level: standalone items, plus files with item entries. */
  itemLevelCatalogued: Scalars['Int']['output'];
  /** 文件级目录 — catalogue entries at item level (all items, inside files or not). */
  itemLevelEntries: Scalars['Int']['output'];
  /** 件 — standalone items. */
  items: Scalars['Int']['output'];
  /** 利用卷件次 — files and items provided (overall only). */
  itemsProvided: Scalars['Int']['output'];
  /** 开放卷 — open files. */
  openFiles: Scalars['Int']['output'];
  /** 开放件 — open standalone items. */
  openItems: Scalars['Int']['output'];
  /** 利用人次 — visitors (overall only). */
  visitors: Scalars['Int']['output'];
};

export type HoldingsPeriod =
  /** 1949年以前 — records dated before 1949. */
  | 'BEFORE_1949'
  /** 1949年以后 — records dated 1949 or later. */
  | 'SINCE_1949';

/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Attaches the metadata of a digital copy (数字化副本) to a record. */
  attachDigitalObject: DigitalObject;
  /** Creates a fonds (全宗) in an archive. */
  createFonds: Fonds;
  /** Creates a record (案卷 or 件) in a fonds. A new record is UNREVIEWED (未审核) until an open review decides. */
  createRecord: ArchiveRecord;
  /**
   * Internal, for the province's cross-region requests (异地查档): grants a person (`sub`) read
   * access to some of this archive's records until a date, as the fulfilment of a request.
   * Stored and enforced here: the person then sees exactly those records (record, _entities,
   * digital copies), whatever their 开放 status, and nobody else does. Only this archive's
   * archivists may grant; granting again for the same request replaces the date.
   */
  grantRecordAccess: Scalars['Boolean']['output'];
  /** Logs a utilization visit (利用登记) at an archive. */
  logUtilization: Utilization;
  /** Records an open-review decision (开放审核) on a record: its new access status, with reason, reviewer and date. The history is kept. */
  reviewAccess: ArchiveRecord;
  /** Updates a fonds; only the fields given change. */
  updateFonds: Fonds;
  /** Updates a record's descriptive fields; only the fields given change. Access changes only through reviewAccess. */
  updateRecord: ArchiveRecord;
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationAttachDigitalObjectArgs = {
  input: DigitalObjectInput;
  record: Scalars['ID']['input'];
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationCreateFondsArgs = {
  archive: Scalars['ID']['input'];
  input: FondsInput;
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationCreateRecordArgs = {
  fonds: Scalars['ID']['input'];
  input: RecordInput;
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationGrantRecordAccessArgs = {
  archive: Scalars['ID']['input'];
  input: RecordGrantInput;
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationLogUtilizationArgs = {
  archive: Scalars['ID']['input'];
  input: UtilizationInput;
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationReviewAccessArgs = {
  input: OpenReviewInput;
  record: Scalars['ID']['input'];
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationUpdateFondsArgs = {
  id: Scalars['ID']['input'];
  input: FondsUpdateInput;
};


/** Changes an archive's own archivists may make. Anyone else gets FORBIDDEN. */
export type MutationUpdateRecordArgs = {
  id: Scalars['ID']['input'];
  input: RecordUpdateInput;
};

/** 开放审核 — one open-review decision on a record. */
export type OpenReview = {
  __typename?: 'OpenReview';
  /** The access status decided. */
  decidedAccess: AccessStatus;
  /** 审核日期 — the date of the decision (YYYY-MM-DD). */
  decidedOn: Scalars['String']['output'];
  /** The access status before the decision. */
  previousAccess: AccessStatus;
  /** 理由 — the reason for the decision. */
  reason: Scalars['String']['output'];
  /** When the decision was recorded (ISO 8601 timestamp). */
  recordedAt: Scalars['String']['output'];
  /** The subject of the archivist who recorded the decision. */
  recordedBy: Scalars['String']['output'];
  /** 审核人 — the reviewer named in the decision. */
  reviewer: Scalars['String']['output'];
};

export type OpenReviewInput = {
  /** The access status decided. */
  access: AccessStatus;
  /** 审核日期 (YYYY-MM-DD); today when omitted. */
  decidedOn?: InputMaybe<Scalars['String']['input']>;
  /** 理由 — why. */
  reason: Scalars['String']['input'];
  /** 审核人 — who decided. */
  reviewer: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PeriodHoldings = {
  __typename?: 'PeriodHoldings';
  counters: HoldingsCounters;
  period: HoldingsPeriod;
};

/**
 * The archive contract: the subgraph every city and county comprehensive archive (综合档案馆)
 * runs over its own database. The gateway federates many copies of it as one shard set and
 * routes by the archive code that starts every id.
 *
 * Every public root field takes an archive id or an entity id as its first argument, so that
 * it can be routed to one shard. Fields marked @inaccessible are internal: the province
 * subgraph calls them directly on each shard, and they never appear in the public API.
 */
export type Query = {
  __typename?: 'Query';
  /** An archive (档案馆) by its code, e.g. `360100`; null when this shard does not host it. */
  archive?: Maybe<Archive>;
  /** A digital copy (数字化副本) by id; null when it does not exist or its record is hidden from the caller. */
  digitalObject?: Maybe<DigitalObject>;
  /** A fonds (全宗) by id, e.g. `360100:Fonds:3`; null when it does not exist. */
  fonds?: Maybe<Fonds>;
  /**
   * Internal, for the province's statistics: additive counters of this archive's holdings,
   * overall and broken down by category, period and year. The counters are true for every
   * caller, records not open (延期开放, 未审核) included: they are the annual report's published
   * figures. The breakdown by year (`byYear`), finer than any published grain, is given only to
   * the archive's archivists, supervisors of a region containing it and admins; anyone else
   * gets it empty.
   */
  holdings: Holdings;
  /**
   * A record (案卷 or 件) by id, e.g. `360100:Record:42`; null when it does not exist or the
   * caller may not see it (a record that is not open, 开放, is absent for the public).
   */
  record?: Maybe<ArchiveRecord>;
  /**
   * Internal, for the province's cross-region search (query-then-fetch): the ids and scores of
   * this archive's best hits after `after`, ordered by score descending then id ascending,
   * with the total and facet counts of the matches. Visibility rules apply.
   *
   * A search examines at most `matchLimit` matches, so that a frequent word (a two-character
   * term can match a tenth of the catalogue) costs a bounded amount of work: when more records
   * match, the counts are those of the matches examined, which are lower bounds (至少), and
   * the hits are the best of them. The matches examined are the same for every page of the
   * same search while the catalogue does not change.
   */
  searchRecords: SearchHits;
};


/**
 * The archive contract: the subgraph every city and county comprehensive archive (综合档案馆)
 * runs over its own database. The gateway federates many copies of it as one shard set and
 * routes by the archive code that starts every id.
 *
 * Every public root field takes an archive id or an entity id as its first argument, so that
 * it can be routed to one shard. Fields marked @inaccessible are internal: the province
 * subgraph calls them directly on each shard, and they never appear in the public API.
 */
export type QueryArchiveArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The archive contract: the subgraph every city and county comprehensive archive (综合档案馆)
 * runs over its own database. The gateway federates many copies of it as one shard set and
 * routes by the archive code that starts every id.
 *
 * Every public root field takes an archive id or an entity id as its first argument, so that
 * it can be routed to one shard. Fields marked @inaccessible are internal: the province
 * subgraph calls them directly on each shard, and they never appear in the public API.
 */
export type QueryDigitalObjectArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The archive contract: the subgraph every city and county comprehensive archive (综合档案馆)
 * runs over its own database. The gateway federates many copies of it as one shard set and
 * routes by the archive code that starts every id.
 *
 * Every public root field takes an archive id or an entity id as its first argument, so that
 * it can be routed to one shard. Fields marked @inaccessible are internal: the province
 * subgraph calls them directly on each shard, and they never appear in the public API.
 */
export type QueryFondsArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The archive contract: the subgraph every city and county comprehensive archive (综合档案馆)
 * runs over its own database. The gateway federates many copies of it as one shard set and
 * routes by the archive code that starts every id.
 *
 * Every public root field takes an archive id or an entity id as its first argument, so that
 * it can be routed to one shard. Fields marked @inaccessible are internal: the province
 * subgraph calls them directly on each shard, and they never appear in the public API.
 */
export type QueryHoldingsArgs = {
  archive: Scalars['ID']['input'];
};


/**
 * The archive contract: the subgraph every city and county comprehensive archive (综合档案馆)
 * runs over its own database. The gateway federates many copies of it as one shard set and
 * routes by the archive code that starts every id.
 *
 * Every public root field takes an archive id or an entity id as its first argument, so that
 * it can be routed to one shard. Fields marked @inaccessible are internal: the province
 * subgraph calls them directly on each shard, and they never appear in the public API.
 */
export type QueryRecordArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The archive contract: the subgraph every city and county comprehensive archive (综合档案馆)
 * runs over its own database. The gateway federates many copies of it as one shard set and
 * routes by the archive code that starts every id.
 *
 * Every public root field takes an archive id or an entity id as its first argument, so that
 * it can be routed to one shard. Fields marked @inaccessible are internal: the province
 * subgraph calls them directly on each shard, and they never appear in the public API.
 */
export type QuerySearchRecordsArgs = {
  after?: InputMaybe<SearchKeyInput>;
  archive: Scalars['ID']['input'];
  filter?: InputMaybe<RecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  matchLimit?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
};

/** 案卷 (卷) or 件 — a record described by DA/T 18's required elements. */
export type ArchiveRecord = {
  __typename?: 'Record';
  /** 开放状态 — whether the record is open. */
  access: AccessStatus;
  /** The archive that holds the record. */
  archive: Archive;
  /** 责任者 — author or issuing body. */
  author?: Maybe<Scalars['String']['output']>;
  /** 门类 — category. */
  category: Category;
  /** 密级 — security classification. */
  classification: Classification;
  /** 日期 — date of the record (ISO 8601, YYYY-MM-DD), when known. */
  date?: Maybe<Scalars['String']['output']>;
  /** 数字化副本 — the digital copies of the record. */
  digitalObjects: Array<DigitalObject>;
  /** 电子档案 — whether the record was received born-digital. */
  electronic: Scalars['Boolean']['output'];
  /** The fonds (全宗) the record belongs to. */
  fonds: Fonds;
  /** Whether the record has at least one digital copy (数字化副本). */
  hasDigitalCopy: Scalars['Boolean']['output'];
  /** Id of the form `<archive code>:Record:<key>`. */
  id: Scalars['ID']['output'];
  /** The items (卷内文件) of a file the caller may see; empty for an item. */
  items: RecordConnection;
  /** Level of description: 案卷 (FILE) or 件 (ITEM). */
  level: RecordLevel;
  /** 开放审核记录 — the history of open-review decisions, oldest first. Only the archive's own archivists may read it. */
  openReviews: Array<OpenReview>;
  /** 页数 — number of pages. */
  pages?: Maybe<Scalars['Int']['output']>;
  /** The file (案卷) an item sits in; null for a file or a standalone item. */
  parent?: Maybe<ArchiveRecord>;
  /** 档号 — reference code (DA/T 13), unique only inside the archive, e.g. `J001-WS·2001-Y-BGS-0012`. */
  referenceCode: Scalars['String']['output'];
  /** 备注 — remarks. */
  remarks?: Maybe<Scalars['String']['output']>;
  /** 保管期限 — retention period. */
  retention: Retention;
  /** 题名 — title. */
  title: Scalars['String']['output'];
  /** 年度 — year. */
  year: Scalars['Int']['output'];
};


/** 案卷 (卷) or 件 — a record described by DA/T 18's required elements. */
export type RecordItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RecordConnection = {
  __typename?: 'RecordConnection';
  edges: Array<RecordEdge>;
  nodes: Array<ArchiveRecord>;
  pageInfo: PageInfo;
  /** How many records match, counting only those the caller may see. */
  totalCount: Scalars['Int']['output'];
};

export type RecordEdge = {
  __typename?: 'RecordEdge';
  cursor: Scalars['String']['output'];
  node: ArchiveRecord;
};

/** Filters on records; every filter given narrows the result. */
export type RecordFilter = {
  /** Only records with these access statuses (开放状态); the public only ever sees OPEN. */
  access?: InputMaybe<Array<AccessStatus>>;
  /** Only records of these categories (门类). */
  categories?: InputMaybe<Array<Category>>;
  /** Only records of these fonds (ids). */
  fonds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only records with (true) or without (false) a digital copy. */
  hasDigitalCopy?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only files or only items. */
  level?: InputMaybe<RecordLevel>;
  /** Only records of this year or later (年度). */
  yearFrom?: InputMaybe<Scalars['Int']['input']>;
  /** Only records of this year or earlier (年度). */
  yearTo?: InputMaybe<Scalars['Int']['input']>;
};

/** Internal: a read grant (查阅授权) given when a cross-region request (异地查档) is fulfilled. */
export type RecordGrantInput = {
  /** Records of this archive, by id (`<archive code>:Record:<key>`), at most 100. */
  records: Array<Scalars['ID']['input']>;
  /** The id of the access request the grant fulfils. */
  request: Scalars['ID']['input'];
  /** The person granted: the `sub` of their token. */
  sub: Scalars['String']['input'];
  /** Last day of the grant (YYYY-MM-DD, China Standard Time), today or later, at most a year away. */
  until: Scalars['String']['input'];
};

export type RecordInput = {
  author?: InputMaybe<Scalars['String']['input']>;
  category: Category;
  classification?: InputMaybe<Classification>;
  /** YYYY-MM-DD */
  date?: InputMaybe<Scalars['String']['input']>;
  electronic?: InputMaybe<Scalars['Boolean']['input']>;
  level: RecordLevel;
  pages?: InputMaybe<Scalars['Int']['input']>;
  /** The file (案卷) this item sits in; only for an ITEM. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** 档号 — unique inside the archive. */
  referenceCode: Scalars['String']['input'];
  remarks?: InputMaybe<Scalars['String']['input']>;
  retention: Retention;
  title: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

/** Level of description of a record (著录层次, ISAD(G)). */
export type RecordLevel =
  /** 案卷 (卷) — a file: a bound unit of related documents. */
  | 'FILE'
  /** 件 — an item: a single document, on its own or inside a file. */
  | 'ITEM';

export type RecordUpdateInput = {
  author?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Category>;
  classification?: InputMaybe<Classification>;
  /** YYYY-MM-DD */
  date?: InputMaybe<Scalars['String']['input']>;
  pages?: InputMaybe<Scalars['Int']['input']>;
  remarks?: InputMaybe<Scalars['String']['input']>;
  retention?: InputMaybe<Retention>;
  title?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** 保管期限 — retention period. */
export type Retention =
  /** 定期10年 — ten years. */
  | 'D10'
  /** 定期30年 — thirty years. */
  | 'D30'
  /** 永久 — permanent. */
  | 'PERMANENT';

export type SearchFacets = {
  __typename?: 'SearchFacets';
  byAccess: Array<FacetCount>;
  byCategory: Array<FacetCount>;
  byFonds: Array<FacetCount>;
  byYear: Array<FacetCount>;
};

export type SearchHit = {
  __typename?: 'SearchHit';
  id: Scalars['ID']['output'];
  /** Relevance; higher is better. Deterministic for the same record and query. */
  score: Scalars['Float']['output'];
};

/** One archive's best hits for a search, with totals and facets of everything that matched. */
export type SearchHits = {
  __typename?: 'SearchHits';
  /**
   * True when every match was examined, so `totalCount` and the facet counts are exact; false
   * when the matches reached `matchLimit` and the counts are lower bounds (至少).
   */
  countsAreExact: Scalars['Boolean']['output'];
  facets: SearchFacets;
  hits: Array<SearchHit>;
  /**
   * How many records match, counting only those the caller may see; when `countsAreExact` is
   * false, how many of them were examined (a lower bound).
   */
  totalCount: Scalars['Int']['output'];
};

/** Position of a hit in the cross-archive order: score descending, then id ascending. */
export type SearchKeyInput = {
  /** The id of the last hit seen. */
  id: Scalars['ID']['input'];
  /** The score of the last hit seen, as returned. */
  score: Scalars['Float']['input'];
};

/** 利用方式 — how records were used. */
export type UseChannel =
  /** 网上 — online. */
  | 'ONLINE'
  /** 到馆 — at the archive's reading room. */
  | 'ONSITE'
  /** 异地 — through another archive (异地查档). */
  | 'REMOTE';

/** 利用目的 — purpose of use. */
export type UsePurpose =
  /** 学术研究 — academic research. */
  | 'ACADEMIC_RESEARCH'
  /** 经济建设 — economic development. */
  | 'ECONOMIC_DEVELOPMENT'
  /** 编史修志 — compiling histories and gazetteers. */
  | 'HISTORY_COMPILATION'
  /** 工作查考 — official reference. */
  | 'OFFICIAL_REFERENCE'
  /** 其他 — other. */
  | 'OTHER'
  /** 个人事务 — personal affairs. */
  | 'PERSONAL_AFFAIRS'
  /** 宣传教育 — publicity and education. */
  | 'PUBLICITY_EDUCATION';

/** 利用 — one utilization visit. */
export type Utilization = {
  __typename?: 'Utilization';
  /** The archive visited. */
  archive: Archive;
  /** 利用方式 — channel. */
  channel: UseChannel;
  /** 利用日期 — date of the visit (YYYY-MM-DD). */
  date: Scalars['String']['output'];
  /** Id of the form `<archive code>:Utilization:<key>`. */
  id: Scalars['ID']['output'];
  /** 卷件次 — number of files and items provided. */
  itemsProvided: Scalars['Int']['output'];
  /** 利用目的 — purpose. */
  purpose: UsePurpose;
  /** 人次 — number of visitors. */
  visitors: Scalars['Int']['output'];
};

export type UtilizationConnection = {
  __typename?: 'UtilizationConnection';
  nodes: Array<Utilization>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UtilizationInput = {
  channel: UseChannel;
  /** YYYY-MM-DD */
  date: Scalars['String']['input'];
  itemsProvided: Scalars['Int']['input'];
  purpose: UsePurpose;
  visitors: Scalars['Int']['input'];
};

export type YearHoldings = {
  __typename?: 'YearHoldings';
  counters: HoldingsCounters;
  year: Scalars['Int']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = {}, TContext = {}, TArgs = {}> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessStatus: AccessStatus;
  Archive: ResolverTypeWrapper<ArchiveRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ArchiveLevel: ArchiveLevel;
  AuditEntry: ResolverTypeWrapper<AuditEntryRow>;
  AuditEntryConnection: ResolverTypeWrapper<Page<AuditEntryRow>>;
  Category: Category;
  CategoryHoldings: ResolverTypeWrapper<CategoryHoldings>;
  Classification: Classification;
  Compilation: ResolverTypeWrapper<CompilationRow>;
  CompilationConnection: ResolverTypeWrapper<Page<CompilationRow>>;
  DigitalObject: ResolverTypeWrapper<DigitalObjectRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DigitalObjectInput: DigitalObjectInput;
  Exhibition: ResolverTypeWrapper<ExhibitionRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ExhibitionConnection: ResolverTypeWrapper<Page<ExhibitionRow>>;
  FacetCount: ResolverTypeWrapper<FacetCount>;
  Fonds: ResolverTypeWrapper<FondsRow>;
  FondsConnection: ResolverTypeWrapper<Page<FondsRow>>;
  FondsEdge: ResolverTypeWrapper<Omit<FondsEdge, 'node'> & { node: ResolversTypes['Fonds'] }>;
  FondsInput: FondsInput;
  FondsUpdateInput: FondsUpdateInput;
  Holdings: ResolverTypeWrapper<Holdings>;
  HoldingsCounters: ResolverTypeWrapper<HoldingsCounters>;
  HoldingsPeriod: HoldingsPeriod;
  Mutation: ResolverTypeWrapper<{}>;
  OpenReview: ResolverTypeWrapper<OpenReviewRow>;
  OpenReviewInput: OpenReviewInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PeriodHoldings: ResolverTypeWrapper<PeriodHoldings>;
  Query: ResolverTypeWrapper<{}>;
  Record: ResolverTypeWrapper<RecordRow>;
  RecordConnection: ResolverTypeWrapper<Page<RecordRow>>;
  RecordEdge: ResolverTypeWrapper<Omit<RecordEdge, 'node'> & { node: ResolversTypes['Record'] }>;
  RecordFilter: RecordFilter;
  RecordGrantInput: RecordGrantInput;
  RecordInput: RecordInput;
  RecordLevel: RecordLevel;
  RecordUpdateInput: RecordUpdateInput;
  Retention: Retention;
  SearchFacets: ResolverTypeWrapper<SearchFacets>;
  SearchHit: ResolverTypeWrapper<SearchHit>;
  SearchHits: ResolverTypeWrapper<SearchHits>;
  SearchKeyInput: SearchKeyInput;
  UseChannel: UseChannel;
  UsePurpose: UsePurpose;
  Utilization: ResolverTypeWrapper<UtilizationRow>;
  UtilizationConnection: ResolverTypeWrapper<Page<UtilizationRow>>;
  UtilizationInput: UtilizationInput;
  YearHoldings: ResolverTypeWrapper<YearHoldings>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Archive: ArchiveRow;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  AuditEntry: AuditEntryRow;
  AuditEntryConnection: Page<AuditEntryRow>;
  CategoryHoldings: CategoryHoldings;
  Compilation: CompilationRow;
  CompilationConnection: Page<CompilationRow>;
  DigitalObject: DigitalObjectRow;
  Float: Scalars['Float']['output'];
  DigitalObjectInput: DigitalObjectInput;
  Exhibition: ExhibitionRow;
  Boolean: Scalars['Boolean']['output'];
  ExhibitionConnection: Page<ExhibitionRow>;
  FacetCount: FacetCount;
  Fonds: FondsRow;
  FondsConnection: Page<FondsRow>;
  FondsEdge: Omit<FondsEdge, 'node'> & { node: ResolversParentTypes['Fonds'] };
  FondsInput: FondsInput;
  FondsUpdateInput: FondsUpdateInput;
  Holdings: Holdings;
  HoldingsCounters: HoldingsCounters;
  Mutation: {};
  OpenReview: OpenReviewRow;
  OpenReviewInput: OpenReviewInput;
  PageInfo: PageInfo;
  PeriodHoldings: PeriodHoldings;
  Query: {};
  Record: RecordRow;
  RecordConnection: Page<RecordRow>;
  RecordEdge: Omit<RecordEdge, 'node'> & { node: ResolversParentTypes['Record'] };
  RecordFilter: RecordFilter;
  RecordGrantInput: RecordGrantInput;
  RecordInput: RecordInput;
  RecordUpdateInput: RecordUpdateInput;
  SearchFacets: SearchFacets;
  SearchHit: SearchHit;
  SearchHits: SearchHits;
  SearchKeyInput: SearchKeyInput;
  Utilization: UtilizationRow;
  UtilizationConnection: Page<UtilizationRow>;
  UtilizationInput: UtilizationInput;
  YearHoldings: YearHoldings;
}>;

export type ArchiveResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Archive'] = ResolversParentTypes['Archive']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Archive']>, { __typename: 'Archive' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  auditLog?: Resolver<Maybe<ResolversTypes['AuditEntryConnection']>, ParentType, ContextType, RequireFields<ArchiveAuditLogArgs, 'first'>>;
  compilations?: Resolver<Maybe<ResolversTypes['CompilationConnection']>, ParentType, ContextType, RequireFields<ArchiveCompilationsArgs, 'first'>>;
  contractVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exhibitions?: Resolver<Maybe<ResolversTypes['ExhibitionConnection']>, ParentType, ContextType, RequireFields<ArchiveExhibitionsArgs, 'first'>>;
  fonds?: Resolver<Maybe<ResolversTypes['FondsConnection']>, ParentType, ContextType, RequireFields<ArchiveFondsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ArchiveLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<Maybe<ResolversTypes['RecordConnection']>, ParentType, ContextType, RequireFields<ArchiveRecordsArgs, 'first'>>;
  services?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  utilizations?: Resolver<Maybe<ResolversTypes['UtilizationConnection']>, ParentType, ContextType, RequireFields<ArchiveUtilizationsArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AuditEntryResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = ResolversObject<{
  access?: Resolver<ResolversTypes['AccessStatus'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  readAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AuditEntryConnectionResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryHoldingsResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['CategoryHoldings'] = ResolversParentTypes['CategoryHoldings']> = ResolversObject<{
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  counters?: Resolver<ResolversTypes['HoldingsCounters'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CompilationResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Compilation'] = ResolversParentTypes['Compilation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Compilation']>, { __typename: 'Compilation' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  characters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CompilationConnectionResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['CompilationConnection'] = ResolversParentTypes['CompilationConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Compilation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DigitalObjectResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['DigitalObject'] = ResolversParentTypes['DigitalObject']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DigitalObject']>, { __typename: 'DigitalObject' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  record?: Resolver<ResolversTypes['Record'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ExhibitionResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Exhibition'] = ResolversParentTypes['Exhibition']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Exhibition']>, { __typename: 'Exhibition' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  visitors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ExhibitionConnectionResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['ExhibitionConnection'] = ResolversParentTypes['ExhibitionConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Exhibition']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FacetCountResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['FacetCount'] = ResolversParentTypes['FacetCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FondsResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Fonds'] = ResolversParentTypes['Fonds']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Fonds']>, { __typename: 'Fonds' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  creator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  fondsCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['RecordConnection'], ParentType, ContextType, RequireFields<FondsRecordsArgs, 'first'>>;
  startYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FondsConnectionResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['FondsConnection'] = ResolversParentTypes['FondsConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FondsEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Fonds']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FondsEdgeResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['FondsEdge'] = ResolversParentTypes['FondsEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Fonds'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HoldingsResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Holdings'] = ResolversParentTypes['Holdings']> = ResolversObject<{
  archive?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  byCategory?: Resolver<Array<ResolversTypes['CategoryHoldings']>, ParentType, ContextType>;
  byPeriod?: Resolver<Array<ResolversTypes['PeriodHoldings']>, ParentType, ContextType>;
  byYear?: Resolver<Array<ResolversTypes['YearHoldings']>, ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['HoldingsCounters'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HoldingsCountersResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['HoldingsCounters'] = ResolversParentTypes['HoldingsCounters']> = ResolversObject<{
  compilationCharacters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  compilations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  digitalBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  digitalPages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  digitised?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  electronic?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exhibitionVisitors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exhibitions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fileLevelEntries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  files?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fonds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemLevelCatalogued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemLevelEntries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemsProvided?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openFiles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openItems?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  attachDigitalObject?: Resolver<ResolversTypes['DigitalObject'], ParentType, ContextType, RequireFields<MutationAttachDigitalObjectArgs, 'input' | 'record'>>;
  createFonds?: Resolver<ResolversTypes['Fonds'], ParentType, ContextType, RequireFields<MutationCreateFondsArgs, 'archive' | 'input'>>;
  createRecord?: Resolver<ResolversTypes['Record'], ParentType, ContextType, RequireFields<MutationCreateRecordArgs, 'fonds' | 'input'>>;
  grantRecordAccess?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationGrantRecordAccessArgs, 'archive' | 'input'>>;
  logUtilization?: Resolver<ResolversTypes['Utilization'], ParentType, ContextType, RequireFields<MutationLogUtilizationArgs, 'archive' | 'input'>>;
  reviewAccess?: Resolver<ResolversTypes['Record'], ParentType, ContextType, RequireFields<MutationReviewAccessArgs, 'input' | 'record'>>;
  updateFonds?: Resolver<ResolversTypes['Fonds'], ParentType, ContextType, RequireFields<MutationUpdateFondsArgs, 'id' | 'input'>>;
  updateRecord?: Resolver<ResolversTypes['Record'], ParentType, ContextType, RequireFields<MutationUpdateRecordArgs, 'id' | 'input'>>;
}>;

export type OpenReviewResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['OpenReview'] = ResolversParentTypes['OpenReview']> = ResolversObject<{
  decidedAccess?: Resolver<ResolversTypes['AccessStatus'], ParentType, ContextType>;
  decidedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousAccess?: Resolver<ResolversTypes['AccessStatus'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reviewer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PeriodHoldingsResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['PeriodHoldings'] = ResolversParentTypes['PeriodHoldings']> = ResolversObject<{
  counters?: Resolver<ResolversTypes['HoldingsCounters'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['HoldingsPeriod'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  archive?: Resolver<Maybe<ResolversTypes['Archive']>, ParentType, ContextType, RequireFields<QueryArchiveArgs, 'id'>>;
  digitalObject?: Resolver<Maybe<ResolversTypes['DigitalObject']>, ParentType, ContextType, RequireFields<QueryDigitalObjectArgs, 'id'>>;
  fonds?: Resolver<Maybe<ResolversTypes['Fonds']>, ParentType, ContextType, RequireFields<QueryFondsArgs, 'id'>>;
  holdings?: Resolver<ResolversTypes['Holdings'], ParentType, ContextType, RequireFields<QueryHoldingsArgs, 'archive'>>;
  record?: Resolver<Maybe<ResolversTypes['Record']>, ParentType, ContextType, RequireFields<QueryRecordArgs, 'id'>>;
  searchRecords?: Resolver<ResolversTypes['SearchHits'], ParentType, ContextType, RequireFields<QuerySearchRecordsArgs, 'archive' | 'first' | 'matchLimit'>>;
}>;

export type RecordResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Record'] = ResolversParentTypes['Record']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Record']>, { __typename: 'Record' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  access?: Resolver<ResolversTypes['AccessStatus'], ParentType, ContextType>;
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  classification?: Resolver<ResolversTypes['Classification'], ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  digitalObjects?: Resolver<Array<ResolversTypes['DigitalObject']>, ParentType, ContextType>;
  electronic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  fonds?: Resolver<ResolversTypes['Fonds'], ParentType, ContextType>;
  hasDigitalCopy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['RecordConnection'], ParentType, ContextType, RequireFields<RecordItemsArgs, 'first'>>;
  level?: Resolver<ResolversTypes['RecordLevel'], ParentType, ContextType>;
  openReviews?: Resolver<Array<ResolversTypes['OpenReview']>, ParentType, ContextType>;
  pages?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Record']>, ParentType, ContextType>;
  referenceCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  remarks?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retention?: Resolver<ResolversTypes['Retention'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RecordConnectionResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['RecordConnection'] = ResolversParentTypes['RecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RecordEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Record']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RecordEdgeResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['RecordEdge'] = ResolversParentTypes['RecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Record'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SearchFacetsResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['SearchFacets'] = ResolversParentTypes['SearchFacets']> = ResolversObject<{
  byAccess?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  byCategory?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  byFonds?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  byYear?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SearchHitResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SearchHitsResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['SearchHits'] = ResolversParentTypes['SearchHits']> = ResolversObject<{
  countsAreExact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['SearchFacets'], ParentType, ContextType>;
  hits?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UtilizationResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['Utilization'] = ResolversParentTypes['Utilization']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Utilization']>, { __typename: 'Utilization' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['UseChannel'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemsProvided?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['UsePurpose'], ParentType, ContextType>;
  visitors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UtilizationConnectionResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['UtilizationConnection'] = ResolversParentTypes['UtilizationConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Utilization']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type YearHoldingsResolvers<ContextType = ArchiveContext, ParentType extends ResolversParentTypes['YearHoldings'] = ResolversParentTypes['YearHoldings']> = ResolversObject<{
  counters?: Resolver<ResolversTypes['HoldingsCounters'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ArchiveContext> = ResolversObject<{
  Archive?: ArchiveResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  CategoryHoldings?: CategoryHoldingsResolvers<ContextType>;
  Compilation?: CompilationResolvers<ContextType>;
  CompilationConnection?: CompilationConnectionResolvers<ContextType>;
  DigitalObject?: DigitalObjectResolvers<ContextType>;
  Exhibition?: ExhibitionResolvers<ContextType>;
  ExhibitionConnection?: ExhibitionConnectionResolvers<ContextType>;
  FacetCount?: FacetCountResolvers<ContextType>;
  Fonds?: FondsResolvers<ContextType>;
  FondsConnection?: FondsConnectionResolvers<ContextType>;
  FondsEdge?: FondsEdgeResolvers<ContextType>;
  Holdings?: HoldingsResolvers<ContextType>;
  HoldingsCounters?: HoldingsCountersResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OpenReview?: OpenReviewResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PeriodHoldings?: PeriodHoldingsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Record?: RecordResolvers<ContextType>;
  RecordConnection?: RecordConnectionResolvers<ContextType>;
  RecordEdge?: RecordEdgeResolvers<ContextType>;
  SearchFacets?: SearchFacetsResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SearchHits?: SearchHitsResolvers<ContextType>;
  Utilization?: UtilizationResolvers<ContextType>;
  UtilizationConnection?: UtilizationConnectionResolvers<ContextType>;
  YearHoldings?: YearHoldingsResolvers<ContextType>;
}>;

