/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

export type AccessGrantInput = {
  /** Records of the holding archive, 1 to 100. */
  records: Array<Scalars['ID']['input']>;
  /** Last day of the grant (YYYY-MM-DD, China Standard Time): today or later, at most 366 days away. */
  until: Scalars['String']['input'];
};

/** Status of an access request. */
export type AccessRequestStatus =
  /** 已受理 — accepted by the holding archive. */
  | 'ACCEPTED'
  /** 已撤回 — cancelled by the requester before acceptance. */
  | 'CANCELLED'
  /** 已办结 — fulfilled: copies, a certificate or a grant delivered. */
  | 'FULFILLED'
  /** 不予受理 — rejected by the holding archive, with a reason. */
  | 'REJECTED'
  /** 已提交 — submitted, awaiting the holding archive. */
  | 'SUBMITTED';

/** 开放状态 — whether a record is open to the public (Archives Law 2020, 25-year rule). */
export type AccessStatus =
  /** 延期开放 — reviewed and kept closed for longer. */
  | 'DELAYED'
  /** 开放 — open to the public. */
  | 'OPEN'
  /** 未审核 — not yet reviewed for opening. */
  | 'UNREVIEWED';

/** Administrative level of an archive (级别). */
export type ArchiveLevel =
  /** 市级 — a prefecture-level city archive. */
  | 'CITY'
  /** 县级 — a county-level archive (county, district or county-level city). */
  | 'COUNTY'
  /** 省级 — a provincial archive. */
  | 'PROVINCE';

/** Filters of a cross-archive catalogue search (跨馆检索); every filter given narrows the result. */
export type CatalogueFilter = {
  /** Only records with these access statuses (开放状态); the public only ever finds OPEN ones. */
  access?: InputMaybe<Array<AccessStatus>>;
  /** Only these archives (档案馆 codes). */
  archives?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only records of these categories (门类). */
  categories?: InputMaybe<Array<Category>>;
  /** Only records with (true) or without (false) a digital copy (数字化副本). */
  hasDigitalCopy?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only archives in these regions (行政区划 codes); a region means every archive in it or below it. */
  regions?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only records of this year (年度) or later. */
  yearFrom?: InputMaybe<Scalars['Int']['input']>;
  /** Only records of this year (年度) or earlier. */
  yearTo?: InputMaybe<Scalars['Int']['input']>;
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

export type DeliveredCopyInput = {
  /** The archive's digital copy, if the file is one (`<archive code>:DigitalObject:<key>`). */
  digitalObject?: InputMaybe<Scalars['ID']['input']>;
  fileName?: InputMaybe<Scalars['String']['input']>;
  /** SHA-256 of the delivered file: 64 hexadecimal digits. */
  sha256: Scalars['String']['input'];
};

/** How the result reaches the requester (送达方式). */
export type DeliveryMethod =
  /** 网上 — online. */
  | 'ONLINE'
  /** 到馆自取 — picked up at the receiving archive. */
  | 'PICKUP'
  /** 邮寄 — by post. */
  | 'POST';

export type DigitalObjectInput = {
  bytes: Scalars['Float']['input'];
  format: Scalars['String']['input'];
  pages: Scalars['Int']['input'];
  /** SHA-256, 64 lowercase hex digits. */
  sha256: Scalars['String']['input'];
};

/** Health of an archive's shard, as seen by the province's periodic probe. */
export type DirectoryStatus =
  /** 离线 — the shard did not answer its last probe, or answered with an error. */
  | 'DOWN'
  /** 未知 — the shard has not been probed since it was registered. */
  | 'UNKNOWN'
  /** 在线 — the shard answered its last probe. */
  | 'UP';

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

/** What the holding archive delivers (出证): copies, a certificate number, or both; optionally a grant. */
export type FulfilAccessRequestInput = {
  /** 出证编号 of the certificate issued, at most 64 characters. */
  certificateNumber?: InputMaybe<Scalars['String']['input']>;
  /** Digital copies delivered, at most 100. */
  copies?: InputMaybe<Array<DeliveredCopyInput>>;
  /** A read grant (查阅授权) on records of the holding archive. */
  grant?: InputMaybe<AccessGrantInput>;
  note?: InputMaybe<Scalars['String']['input']>;
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

/** Which end of a ranking (排名) comes first. */
export type RankingOrder =
  /** The highest values first (前列). */
  | 'HIGHEST_FIRST'
  /** The lowest values first (后列). */
  | 'LOWEST_FIRST';

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

/** Administrative level of a region (行政区划级别). */
export type RegionLevel =
  /** 市 — a prefecture-level city. */
  | 'CITY'
  /** 县 — a county-level region (county, district or county-level city). */
  | 'COUNTY'
  /** 省 — the province. */
  | 'PROVINCE';

/** An archive to register (登记) in the network directory. */
export type RegisterArchiveInput = {
  /** The http(s) URL of the archive's GraphQL shard, e.g. `http://10.0.3.7:4001/graphql`. Internal; never shown to clients. */
  endpoint: Scalars['String']['input'];
  /** The archive code (6 digits, GB/T 2260), e.g. `360100`; it must lie within `region`. */
  id: Scalars['ID']['input'];
  /** Administrative level of the archive (级别). */
  level: ArchiveLevel;
  /** Name of the archive (馆名), e.g. 南昌市档案馆. */
  name: Scalars['String']['input'];
  /** Code of the region (行政区划) the archive serves; it must be a region of this province. */
  region: Scalars['ID']['input'];
};

/** The requester's personal data (个人信息). */
export type RequesterDataInput = {
  /** 身份证号: 18 characters with a valid check character. */
  identityNumber: Scalars['String']['input'];
  /** 姓名 */
  name: Scalars['String']['input'];
  /** 联系电话: an 11-digit mobile number or a landline with area code. */
  phone: Scalars['String']['input'];
};

/** 保管期限 — retention period. */
export type Retention =
  /** 定期10年 — ten years. */
  | 'D10'
  /** 定期30年 — thirty years. */
  | 'D30'
  /** 永久 — permanent. */
  | 'PERMANENT';

/** What archives can be ranked by: a counter or a rate. */
export type StatisticsMeasure =
  | 'COMPILATIONS'
  | 'DIGITAL_BYTES'
  | 'DIGITAL_PAGES'
  /** 数字化率 */
  | 'DIGITISATION_RATE'
  | 'DIGITISED'
  | 'ELECTRONIC'
  | 'EXHIBITIONS'
  | 'EXHIBITION_VISITORS'
  | 'FILES'
  | 'FONDS'
  | 'HOLDINGS'
  | 'ITEMS'
  | 'ITEMS_PROVIDED'
  | 'ITEM_LEVEL_CATALOGUED'
  /** 文件级目录率 */
  | 'ITEM_LEVEL_CATALOGUE_RATE'
  | 'OPEN'
  /** 开放率 */
  | 'OPEN_RATE'
  | 'VISITORS';

/** Period of a record's year, split at 1949 as the annual report does. */
export type StatisticsPeriod =
  /** 1949年以前 — records dated before 1949. */
  | 'BEFORE_1949'
  /** 1949年以后 — records dated 1949 or later. */
  | 'SINCE_1949';

/** An access request (异地查档申请) to submit. */
export type SubmitAccessRequestInput = {
  delivery: DeliveryMethod;
  /** What is looked for (查档内容), at most 2000 characters. */
  description: Scalars['String']['input'];
  /** 出证馆 — the archive holding the records (its code); another archive than the receiving one. */
  holdingArchive: Scalars['ID']['input'];
  /** Required for delivery by post (邮寄). */
  postalAddress?: InputMaybe<Scalars['String']['input']>;
  purpose: UsePurpose;
  /** 受理馆 — the archive where the request is made (its code). */
  receivingArchive: Scalars['ID']['input'];
  /** Records of the holding archive by id, at most 50, when the requester knows them. */
  records?: InputMaybe<Array<Scalars['ID']['input']>>;
  requester: RequesterDataInput;
};

/** A provincial target (规划目标). */
export type TargetKind =
  /** 文书档案开放率 — share of administrative (文书) holdings that are open. */
  | 'ADMINISTRATIVE_OPEN_RATE'
  /** 数字化率 — share of holdings digitised. */
  | 'DIGITISATION_RATE'
  /** 文件级目录率 — share of holdings catalogued at item level. */
  | 'ITEM_LEVEL_CATALOGUE_RATE';

/** Changes to an archive's directory entry; only the fields given change. */
export type UpdateArchiveInput = {
  /** New http(s) URL of the archive's GraphQL shard. */
  endpoint?: InputMaybe<Scalars['String']['input']>;
  /** New name of the archive (馆名). */
  name?: InputMaybe<Scalars['String']['input']>;
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

export type UtilizationInput = {
  channel: UseChannel;
  /** YYYY-MM-DD */
  date: Scalars['String']['input'];
  itemsProvided: Scalars['Int']['input'];
  purpose: UsePurpose;
  visitors: Scalars['Int']['input'];
};

export type SubmitAccessRequestMutationVariables = Exact<{
  input: SubmitAccessRequestInput;
  idempotencyKey: Scalars['String']['input'];
}>;


export type SubmitAccessRequestMutation = { __typename?: 'Mutation', submitAccessRequest?: { __typename?: 'AccessRequest', id: string, status: AccessRequestStatus, purpose: UsePurpose, description: string, delivery: DeliveryMethod, submittedAt: string, deadline: string, overdue: boolean, closedAt?: string | null, receivingArchive: { __typename?: 'Archive', id: string, name: string }, holdingArchive: { __typename?: 'Archive', id: string, name: string } } | null };

export type AccessRequestQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AccessRequestQuery = { __typename?: 'Query', accessRequest?: { __typename?: 'AccessRequest', id: string, status: AccessRequestStatus, purpose: UsePurpose, description: string, delivery: DeliveryMethod, submittedAt: string, deadline: string, overdue: boolean, closedAt?: string | null, history: Array<{ __typename?: 'AccessRequestTransition', status: AccessRequestStatus, actor: string, actorRole: string, at: string, note?: string | null }>, fulfilment?: { __typename?: 'AccessRequestFulfilment', certificateNumber?: string | null, note?: string | null, copies: Array<{ __typename?: 'DeliveredCopy', fileName?: string | null, sha256: string }>, grant?: { __typename?: 'AccessGrant', until: string, records: Array<{ __typename?: 'Record', id: string, referenceCode: string, title: string } | null> } | null } | null, receivingArchive: { __typename?: 'Archive', id: string, name: string }, holdingArchive: { __typename?: 'Archive', id: string, name: string } } | null };

export type MyAccessRequestsQueryVariables = Exact<{
  status?: InputMaybe<Array<AccessRequestStatus> | AccessRequestStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyAccessRequestsQuery = { __typename?: 'Query', myAccessRequests?: { __typename?: 'AccessRequestConnection', totalCount: number, nodes: Array<{ __typename?: 'AccessRequest', id: string, status: AccessRequestStatus, purpose: UsePurpose, description: string, delivery: DeliveryMethod, submittedAt: string, deadline: string, overdue: boolean, closedAt?: string | null, receivingArchive: { __typename?: 'Archive', id: string, name: string }, holdingArchive: { __typename?: 'Archive', id: string, name: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type AccessRequestFieldsFragment = { __typename?: 'AccessRequest', id: string, status: AccessRequestStatus, purpose: UsePurpose, description: string, delivery: DeliveryMethod, submittedAt: string, deadline: string, overdue: boolean, closedAt?: string | null, receivingArchive: { __typename?: 'Archive', id: string, name: string }, holdingArchive: { __typename?: 'Archive', id: string, name: string } };

export type ArchivesQueryVariables = Exact<{
  region?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ArchivesQuery = { __typename?: 'Query', archives?: Array<{ __typename?: 'Archive', id: string, name: string, level: ArchiveLevel, region?: { __typename?: 'Region', code: string, name: string } | null, directory?: { __typename?: 'DirectoryEntry', status: DirectoryStatus, lastSeenAt?: string | null } | null }> | null };

export type ArchiveFondsQueryVariables = Exact<{
  archive: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ArchiveFondsQuery = { __typename?: 'Query', archive?: { __typename?: 'Archive', id: string, name: string, fonds?: { __typename?: 'FondsConnection', totalCount: number, nodes: Array<{ __typename?: 'Fonds', id: string, fondsCode: string, name: string, creator: string, startYear?: number | null, endYear?: number | null }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null } | null };

export type ArchiveRecordsQueryVariables = Exact<{
  archive: Scalars['ID']['input'];
  filter?: InputMaybe<RecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ArchiveRecordsQuery = { __typename?: 'Query', archive?: { __typename?: 'Archive', id: string, name: string, records?: { __typename?: 'RecordConnection', totalCount: number, nodes: Array<{ __typename?: 'Record', id: string, referenceCode: string, title: string, year: number, level: RecordLevel, category: Category, access: AccessStatus, hasDigitalCopy: boolean, fonds: { __typename?: 'Fonds', id: string, fondsCode: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null } | null };

export type RecordWithCopiesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RecordWithCopiesQuery = { __typename?: 'Query', record?: { __typename?: 'Record', author?: string | null, date?: string | null, retention: Retention, classification: Classification, pages?: number | null, electronic: boolean, remarks?: string | null, id: string, referenceCode: string, title: string, year: number, level: RecordLevel, category: Category, access: AccessStatus, hasDigitalCopy: boolean, archive: { __typename?: 'Archive', id: string, name: string }, fonds: { __typename?: 'Fonds', id: string, fondsCode: string, name: string, creator: string }, parent?: { __typename?: 'Record', id: string, referenceCode: string, title: string } | null, items: { __typename?: 'RecordConnection', totalCount: number, nodes: Array<{ __typename?: 'Record', id: string, referenceCode: string, title: string, year: number, level: RecordLevel, category: Category, access: AccessStatus, hasDigitalCopy: boolean }> }, digitalObjects: Array<{ __typename?: 'DigitalObject', id: string, format: string, pages: number, bytes: number, sha256: string, createdAt: string }> } | null };

export type IncomingRequestsQueryVariables = Exact<{
  archive: Scalars['ID']['input'];
  status?: InputMaybe<Array<AccessRequestStatus> | AccessRequestStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type IncomingRequestsQuery = { __typename?: 'Query', archive?: { __typename?: 'Archive', id: string, name: string, incomingRequests?: { __typename?: 'AccessRequestConnection', totalCount: number, nodes: Array<{ __typename?: 'AccessRequest', id: string, status: AccessRequestStatus, purpose: UsePurpose, description: string, delivery: DeliveryMethod, submittedAt: string, deadline: string, overdue: boolean, closedAt?: string | null, requesterData: { __typename?: 'RequesterData', name: string, phone: string, masked: boolean }, records: Array<{ __typename?: 'Record', id: string, referenceCode: string, title: string, access: AccessStatus } | null>, receivingArchive: { __typename?: 'Archive', id: string, name: string }, holdingArchive: { __typename?: 'Archive', id: string, name: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null } | null };

export type AcceptAccessRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type AcceptAccessRequestMutation = { __typename?: 'Mutation', acceptAccessRequest?: { __typename?: 'AccessRequest', id: string, status: AccessRequestStatus } | null };

export type RejectAccessRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type RejectAccessRequestMutation = { __typename?: 'Mutation', rejectAccessRequest?: { __typename?: 'AccessRequest', id: string, status: AccessRequestStatus, closedAt?: string | null } | null };

export type FulfilAccessRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: FulfilAccessRequestInput;
}>;


export type FulfilAccessRequestMutation = { __typename?: 'Mutation', fulfilAccessRequest?: { __typename?: 'AccessRequest', id: string, status: AccessRequestStatus, closedAt?: string | null } | null };

export type RecordsToReviewQueryVariables = Exact<{
  archive: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RecordsToReviewQuery = { __typename?: 'Query', archive?: { __typename?: 'Archive', id: string, records?: { __typename?: 'RecordConnection', totalCount: number, nodes: Array<{ __typename?: 'Record', id: string, referenceCode: string, title: string, year: number, level: RecordLevel, category: Category, access: AccessStatus, hasDigitalCopy: boolean, openReviews: Array<{ __typename?: 'OpenReview', decidedAccess: AccessStatus, reason: string, reviewer: string, decidedOn: string }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null } | null };

export type ReviewAccessMutationVariables = Exact<{
  record: Scalars['ID']['input'];
  input: OpenReviewInput;
}>;


export type ReviewAccessMutation = { __typename?: 'Mutation', reviewAccess: { __typename?: 'Record', id: string, referenceCode: string, title: string, year: number, level: RecordLevel, category: Category, access: AccessStatus, hasDigitalCopy: boolean, openReviews: Array<{ __typename?: 'OpenReview', previousAccess: AccessStatus, decidedAccess: AccessStatus, reason: string, reviewer: string, decidedOn: string, recordedAt: string }> } };

export type RecordSummaryFragment = { __typename?: 'Record', id: string, referenceCode: string, title: string, year: number, level: RecordLevel, category: Category, access: AccessStatus, hasDigitalCopy: boolean };

export type PageInfoFieldsFragment = { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null };

export type SearchCatalogueQueryVariables = Exact<{
  query?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CatalogueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchCatalogueQuery = { __typename?: 'Query', searchCatalogue?: { __typename?: 'CatalogueSearch', totalCount: number, countsAreExact: boolean, partial: boolean, unavailableArchives: Array<{ __typename?: 'Archive', id: string, name: string }>, hits: Array<{ __typename?: 'CatalogueHit', score: number, cursor: string, archive: { __typename?: 'Archive', id: string, name: string }, record?: { __typename?: 'Record', author?: string | null, date?: string | null, id: string, referenceCode: string, title: string, year: number, level: RecordLevel, category: Category, access: AccessStatus, hasDigitalCopy: boolean, fonds: { __typename?: 'Fonds', fondsCode: string, name: string } } | null }>, facets: { __typename?: 'CatalogueFacets', byArchive: Array<{ __typename?: 'ArchiveFacet', count: number, countIsExact: boolean, archive: { __typename?: 'Archive', id: string, name: string } }>, byRegion: Array<{ __typename?: 'RegionFacet', count: number, region: { __typename?: 'Region', code: string, name: string } }>, byCategory: Array<{ __typename?: 'CategoryFacet', category: Category, count: number }>, byDecade: Array<{ __typename?: 'DecadeFacet', decade: number, count: number }>, byAccess: Array<{ __typename?: 'AccessFacet', access: AccessStatus, count: number }> }, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type StatisticsQueryVariables = Exact<{
  region?: InputMaybe<Scalars['ID']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
  rankBy?: StatisticsMeasure;
  rankFirst?: InputMaybe<Scalars['Int']['input']>;
}>;


export type StatisticsQuery = { __typename?: 'Query', statistics?: { __typename?: 'Statistics', year?: number | null, region: { __typename?: 'Region', code: string, name: string, level: RegionLevel }, totals: { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, digitised: number, digitalPages: number, electronic: number, visitors: number, itemsProvided: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null }, targets: Array<{ __typename?: 'TargetCheck', target: TargetKind, threshold: number, value?: number | null, met: boolean }>, byRegion: Array<{ __typename?: 'RegionStatistics', archives: number, region: { __typename?: 'Region', code: string, name: string }, totals: { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, digitised: number, digitalPages: number, electronic: number, visitors: number, itemsProvided: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null } }>, ranking: Array<{ __typename?: 'RankedArchive', rank: number, value?: number | null, archive: { __typename?: 'Archive', id: string, name: string } }>, series: Array<{ __typename?: 'YearOverYear', year: number, archives: number, holdings: number, holdingsGrowth?: number | null, open: number, newlyOpened?: number | null, digitised: number, newlyDigitised?: number | null }>, coverage: { __typename?: 'StatisticsCoverage', partial: boolean, complete: boolean, archives: number, contributed: number, asOf?: string | null, unavailable: Array<{ __typename?: 'Archive', id: string, name: string }>, stale: Array<{ __typename?: 'Archive', id: string, name: string }> } } | null };

export type StatisticsBreakdownQueryVariables = Exact<{
  region?: InputMaybe<Scalars['ID']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
}>;


export type StatisticsBreakdownQuery = { __typename?: 'Query', statistics?: { __typename?: 'Statistics', byCategory: Array<{ __typename?: 'CategoryStatistics', category: Category, totals: { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, digitised: number, digitalPages: number, electronic: number, visitors: number, itemsProvided: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null } }>, byPeriod: Array<{ __typename?: 'PeriodStatistics', period: StatisticsPeriod, totals: { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, digitised: number, digitalPages: number, electronic: number, visitors: number, itemsProvided: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null } }> } | null };

export type HoldingsCountersFragment = { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, digitised: number, digitalPages: number, electronic: number, visitors: number, itemsProvided: number };

export type HoldingsRatesFragment = { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null };

export type DashboardViewQueryVariables = Exact<{
  region?: InputMaybe<Scalars['ID']['input']>;
  rankBy: StatisticsMeasure;
  rankMinHoldings?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DashboardViewQuery = { __typename?: 'Query', statistics?: { __typename?: 'Statistics', region: { __typename?: 'Region', code: string, name: string, level: RegionLevel, parent?: { __typename?: 'Region', code: string, name: string, parent?: { __typename?: 'Region', code: string, name: string } | null } | null }, totals: { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null }, targets: Array<{ __typename?: 'TargetCheck', target: TargetKind, threshold: number, value?: number | null, met: boolean }>, byRegion: Array<{ __typename?: 'RegionStatistics', archives: number, region: { __typename?: 'Region', code: string, name: string, level: RegionLevel }, totals: { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null }, byCategory: Array<{ __typename?: 'CategoryStatistics', category: Category, totals: { __typename?: 'StatisticsCounters', holdings: number, open: number } }> }>, byCategory: Array<{ __typename?: 'CategoryStatistics', category: Category, totals: { __typename?: 'StatisticsCounters', files: number, items: number, holdings: number, open: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null } }>, byPeriod: Array<{ __typename?: 'PeriodStatistics', period: StatisticsPeriod, totals: { __typename?: 'StatisticsCounters', files: number, items: number, holdings: number, open: number } }>, archives: Array<{ __typename?: 'ArchiveStatistics', asOf: string, archive: { __typename?: 'Archive', id: string, name: string, level: ArchiveLevel, region?: { __typename?: 'Region', code: string } | null }, totals: { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number }, rates: { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null } }>, best: Array<{ __typename?: 'RankedArchive', rank: number, holdings: number, value?: number | null, archive: { __typename?: 'Archive', id: string, name: string } }>, last: Array<{ __typename?: 'RankedArchive', rank: number, holdings: number, value?: number | null, archive: { __typename?: 'Archive', id: string, name: string } }>, coverage: { __typename?: 'StatisticsCoverage', partial: boolean, archives: number, contributed: number, asOf?: string | null, unavailable: Array<{ __typename?: 'Archive', id: string, name: string }>, stale: Array<{ __typename?: 'Archive', id: string, name: string }> }, series: Array<{ __typename?: 'YearOverYear', year: number, archives: number, holdings: number, holdingsGrowth?: number | null, open: number, newlyOpened?: number | null, digitised: number, newlyDigitised?: number | null }>, accessRequests?: { __typename?: 'AccessRequestCounts', received: number, submitted: number, fulfilled: number, rejected: number, open: number, overdue: number, medianTurnaroundWorkingDays?: number | null, deadlineWorkingDays: number, byRegion: Array<{ __typename?: 'RegionAccessRequestCounts', received: number, fulfilled: number, overdue: number, region: { __typename?: 'Region', code: string } }> } | null } | null };

export type DashboardCountersFragment = { __typename?: 'StatisticsCounters', fonds: number, files: number, items: number, holdings: number, openFiles: number, openItems: number, open: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number };

export type DashboardRatesFragment = { __typename?: 'StatisticsRates', openRate?: number | null, digitisationRate?: number | null, itemLevelCatalogueRate?: number | null };

export type GraphiqlExampleQueryVariables = Exact<{ [key: string]: never; }>;


export type GraphiqlExampleQuery = { __typename?: 'Query', archive?: { __typename?: 'Archive', name: string } | null };

export const AccessRequestFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AccessRequestFieldsFragment, unknown>;
export const RecordSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Record"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"hasDigitalCopy"}}]}}]} as unknown as DocumentNode<RecordSummaryFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const HoldingsCountersFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HoldingsCounters"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsCounters"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fonds"}},{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"openFiles"}},{"kind":"Field","name":{"kind":"Name","value":"openItems"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"digitised"}},{"kind":"Field","name":{"kind":"Name","value":"digitalPages"}},{"kind":"Field","name":{"kind":"Name","value":"electronic"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"itemsProvided"}}]}}]} as unknown as DocumentNode<HoldingsCountersFragment, unknown>;
export const HoldingsRatesFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HoldingsRates"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsRates"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openRate"}},{"kind":"Field","name":{"kind":"Name","value":"digitisationRate"}},{"kind":"Field","name":{"kind":"Name","value":"itemLevelCatalogueRate"}}]}}]} as unknown as DocumentNode<HoldingsRatesFragment, unknown>;
export const DashboardCountersFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardCounters"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsCounters"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fonds"}},{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"openFiles"}},{"kind":"Field","name":{"kind":"Name","value":"openItems"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"itemLevelCatalogued"}},{"kind":"Field","name":{"kind":"Name","value":"digitised"}},{"kind":"Field","name":{"kind":"Name","value":"digitalPages"}},{"kind":"Field","name":{"kind":"Name","value":"digitalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"electronic"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"itemsProvided"}},{"kind":"Field","name":{"kind":"Name","value":"exhibitions"}},{"kind":"Field","name":{"kind":"Name","value":"exhibitionVisitors"}},{"kind":"Field","name":{"kind":"Name","value":"compilations"}},{"kind":"Field","name":{"kind":"Name","value":"compilationCharacters"}}]}}]} as unknown as DocumentNode<DashboardCountersFragment, unknown>;
export const DashboardRatesFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardRates"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsRates"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openRate"}},{"kind":"Field","name":{"kind":"Name","value":"digitisationRate"}},{"kind":"Field","name":{"kind":"Name","value":"itemLevelCatalogueRate"}}]}}]} as unknown as DocumentNode<DashboardRatesFragment, unknown>;
export const SubmitAccessRequestDocument = {"__meta__":{"hash":"d0ee57e860b5bec2e1b37cfe3f4a101e01ec1607e8fb30f1cf00a68cb20f2de7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitAccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitAccessRequestInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitAccessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessRequestFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SubmitAccessRequestMutation, SubmitAccessRequestMutationVariables>;
export const AccessRequestDocument = {"__meta__":{"hash":"46722b9b4e72c2bb4dd2e6b85a5964890eaadbf323bbd71841fc4c34bf7fc6da"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessRequestFields"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fulfilment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"copies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AccessRequestQuery, AccessRequestQueryVariables>;
export const MyAccessRequestsDocument = {"__meta__":{"hash":"cd4dca5f7c76b8b13352ce776925e64473915a709db63227506f8f91aa286ec5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccessRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequestStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAccessRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessRequestFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<MyAccessRequestsQuery, MyAccessRequestsQueryVariables>;
export const ArchivesDocument = {"__meta__":{"hash":"cac45faabb076d74d3ecfc65f77e03724f70e30320ca1f1de4cc6964188e860e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Archives"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archives"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"directory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}}]}}]}}]}}]} as unknown as DocumentNode<ArchivesQuery, ArchivesQueryVariables>;
export const ArchiveFondsDocument = {"__meta__":{"hash":"eb96e20a6fd843cd7af6778edcaf3002aba013b18dcf85c8bab1471665b5773e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArchiveFonds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"archive"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"archive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fonds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fondsCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creator"}},{"kind":"Field","name":{"kind":"Name","value":"startYear"}},{"kind":"Field","name":{"kind":"Name","value":"endYear"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ArchiveFondsQuery, ArchiveFondsQueryVariables>;
export const ArchiveRecordsDocument = {"__meta__":{"hash":"8e62cdb7d0b4bcf289fe97ef731c90a5c1683838c2ed3e3df38329c815007414"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArchiveRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"archive"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"archive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordSummary"}},{"kind":"Field","name":{"kind":"Name","value":"fonds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fondsCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Record"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"hasDigitalCopy"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ArchiveRecordsQuery, ArchiveRecordsQueryVariables>;
export const RecordWithCopiesDocument = {"__meta__":{"hash":"7b736d0651f873b2af10d46fd887e28f018e9e926de702d92bbdc8a47f892228"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecordWithCopies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordSummary"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"retention"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"electronic"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fonds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fondsCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creator"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordSummary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"digitalObjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Record"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"hasDigitalCopy"}}]}}]} as unknown as DocumentNode<RecordWithCopiesQuery, RecordWithCopiesQueryVariables>;
export const IncomingRequestsDocument = {"__meta__":{"hash":"c6a4f579cda1317eb99248454596373ca63c3b5ef824d21305d76e4ac7eb11d1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncomingRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"archive"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequestStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"archive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incomingRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessRequestFields"}},{"kind":"Field","name":{"kind":"Name","value":"requesterData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdingArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<IncomingRequestsQuery, IncomingRequestsQueryVariables>;
export const AcceptAccessRequestDocument = {"__meta__":{"hash":"7cbfedfdd1dcb2948ec20735d9bed9307655670355f128ed6976411cd75724b0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptAccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptAccessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AcceptAccessRequestMutation, AcceptAccessRequestMutationVariables>;
export const RejectAccessRequestDocument = {"__meta__":{"hash":"c08af1455b4f9e409c333a7723bd847e83db8af71e0661b9cd86722281979e4d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectAccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectAccessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<RejectAccessRequestMutation, RejectAccessRequestMutationVariables>;
export const FulfilAccessRequestDocument = {"__meta__":{"hash":"a74583ee181062ffc49f1314bd3e7183b027878fd269dae777fcf9e4b99d3fb4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FulfilAccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FulfilAccessRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulfilAccessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<FulfilAccessRequestMutation, FulfilAccessRequestMutationVariables>;
export const RecordsToReviewDocument = {"__meta__":{"hash":"b9af355be2c0fe10209fa2562c84b5c435c8322cd3be9a26bb6ad1fb307ee39c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecordsToReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"archive"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"archive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"access"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"UNREVIEWED"},{"kind":"EnumValue","value":"DELAYED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordSummary"}},{"kind":"Field","name":{"kind":"Name","value":"openReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedAccess"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Record"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"hasDigitalCopy"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<RecordsToReviewQuery, RecordsToReviewQueryVariables>;
export const ReviewAccessDocument = {"__meta__":{"hash":"21d2318928fd1f4fac7fd49a1caaa83b5d87947a3195e5f61620e166fa59e42f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"record"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"record"},"value":{"kind":"Variable","name":{"kind":"Name","value":"record"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordSummary"}},{"kind":"Field","name":{"kind":"Name","value":"openReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousAccess"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAccess"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Record"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"hasDigitalCopy"}}]}}]} as unknown as DocumentNode<ReviewAccessMutation, ReviewAccessMutationVariables>;
export const SearchCatalogueDocument = {"__meta__":{"hash":"34fc3966abd549c8ab73689f9d242c49ea3e814b613885ccb7c6d1974829646d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCatalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogueFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchCatalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"countsAreExact"}},{"kind":"Field","name":{"kind":"Name","value":"partial"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableArchives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordSummary"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"fonds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fondsCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"byArchive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"countIsExact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byDecade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decade"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Record"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"hasDigitalCopy"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<SearchCatalogueQuery, SearchCatalogueQueryVariables>;
export const StatisticsDocument = {"__meta__":{"hash":"483ad650d78f9fb1edbff5ece779e2a24cc3b03744985938cab70809babead3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Statistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rankBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsMeasure"}}},"defaultValue":{"kind":"EnumValue","value":"OPEN_RATE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rankFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsCounters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsRates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"archives"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsCounters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsRates"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ranking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rankBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rankFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"archives"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"holdingsGrowth"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"newlyOpened"}},{"kind":"Field","name":{"kind":"Name","value":"digitised"}},{"kind":"Field","name":{"kind":"Name","value":"newlyDigitised"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partial"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"archives"}},{"kind":"Field","name":{"kind":"Name","value":"contributed"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HoldingsCounters"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsCounters"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fonds"}},{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"openFiles"}},{"kind":"Field","name":{"kind":"Name","value":"openItems"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"digitised"}},{"kind":"Field","name":{"kind":"Name","value":"digitalPages"}},{"kind":"Field","name":{"kind":"Name","value":"electronic"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"itemsProvided"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HoldingsRates"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsRates"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openRate"}},{"kind":"Field","name":{"kind":"Name","value":"digitisationRate"}},{"kind":"Field","name":{"kind":"Name","value":"itemLevelCatalogueRate"}}]}}]} as unknown as DocumentNode<StatisticsQuery, StatisticsQueryVariables>;
export const StatisticsBreakdownDocument = {"__meta__":{"hash":"0f1a6b9bbc4ad67ef0964a3356e49be3a966f984dc519a1d2e966cc2413ac211"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsCounters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsRates"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPeriod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsCounters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HoldingsRates"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HoldingsCounters"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsCounters"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fonds"}},{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"openFiles"}},{"kind":"Field","name":{"kind":"Name","value":"openItems"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"digitised"}},{"kind":"Field","name":{"kind":"Name","value":"digitalPages"}},{"kind":"Field","name":{"kind":"Name","value":"electronic"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"itemsProvided"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HoldingsRates"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsRates"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openRate"}},{"kind":"Field","name":{"kind":"Name","value":"digitisationRate"}},{"kind":"Field","name":{"kind":"Name","value":"itemLevelCatalogueRate"}}]}}]} as unknown as DocumentNode<StatisticsBreakdownQuery, StatisticsBreakdownQueryVariables>;
export const DashboardViewDocument = {"__meta__":{"hash":"d60452abb6a1e6c1401e9fce819850c9777bbb5668e9b58319c76ad53fcb6181"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rankBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsMeasure"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rankMinHoldings"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardCounters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardRates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"archives"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardCounters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardRates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPeriod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"archives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardCounters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardRates"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"best"},"name":{"kind":"Name","value":"ranking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rankBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"minHoldings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rankMinHoldings"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"last"},"name":{"kind":"Name","value":"ranking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rankBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"minHoldings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rankMinHoldings"}}},{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"EnumValue","value":"LOWEST_FIRST"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partial"}},{"kind":"Field","name":{"kind":"Name","value":"archives"}},{"kind":"Field","name":{"kind":"Name","value":"contributed"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"archives"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"holdingsGrowth"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"newlyOpened"}},{"kind":"Field","name":{"kind":"Name","value":"digitised"}},{"kind":"Field","name":{"kind":"Name","value":"newlyDigitised"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"fulfilled"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"medianTurnaroundWorkingDays"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineWorkingDays"}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"fulfilled"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardCounters"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsCounters"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fonds"}},{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"}},{"kind":"Field","name":{"kind":"Name","value":"openFiles"}},{"kind":"Field","name":{"kind":"Name","value":"openItems"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"itemLevelCatalogued"}},{"kind":"Field","name":{"kind":"Name","value":"digitised"}},{"kind":"Field","name":{"kind":"Name","value":"digitalPages"}},{"kind":"Field","name":{"kind":"Name","value":"digitalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"electronic"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"itemsProvided"}},{"kind":"Field","name":{"kind":"Name","value":"exhibitions"}},{"kind":"Field","name":{"kind":"Name","value":"exhibitionVisitors"}},{"kind":"Field","name":{"kind":"Name","value":"compilations"}},{"kind":"Field","name":{"kind":"Name","value":"compilationCharacters"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardRates"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsRates"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openRate"}},{"kind":"Field","name":{"kind":"Name","value":"digitisationRate"}},{"kind":"Field","name":{"kind":"Name","value":"itemLevelCatalogueRate"}}]}}]} as unknown as DocumentNode<DashboardViewQuery, DashboardViewQueryVariables>;
export const GraphiqlExampleDocument = {"__meta__":{"hash":"ebbd22fc76db2c50f805afceba08e535f4062a76a8f536c1353bfef2d7133888"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GraphiqlExample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"360100","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GraphiqlExampleQuery, GraphiqlExampleQueryVariables>;