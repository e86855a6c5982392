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

/** Administrative level of an archive (级别). */
export type ArchiveLevel =
  /** 市级 — a prefecture-level city archive. */
  | 'CITY'
  /** 县级 — a county-level archive (county, district or county-level city). */
  | 'COUNTY'
  /** 省级 — a provincial archive. */
  | 'PROVINCE';

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

export type DigitalObjectInput = {
  bytes: Scalars['Float']['input'];
  format: Scalars['String']['input'];
  pages: Scalars['Int']['input'];
  /** SHA-256, 64 lowercase hex digits. */
  sha256: Scalars['String']['input'];
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

export type HoldingsPeriod =
  /** 1949年以前 — records dated before 1949. */
  | 'BEFORE_1949'
  /** 1949年以后 — records dated 1949 or later. */
  | 'SINCE_1949';

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

export type UtilizationInput = {
  channel: UseChannel;
  /** YYYY-MM-DD */
  date: Scalars['String']['input'];
  itemsProvided: Scalars['Int']['input'];
  purpose: UsePurpose;
  visitors: Scalars['Int']['input'];
};

export type GrantRecordAccessMutationVariables = Exact<{
  archive: Scalars['ID']['input'];
  input: RecordGrantInput;
}>;


export type GrantRecordAccessMutation = { __typename?: 'Mutation', grantRecordAccess: boolean };

export type SearchRecordsQueryVariables = Exact<{
  archive: Scalars['ID']['input'];
  query: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<RecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<SearchKeyInput>;
  matchLimit: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchRecordsQuery = { __typename?: 'Query', searchRecords: { __typename?: 'SearchHits', totalCount: number, countsAreExact: boolean, hits: Array<{ __typename?: 'SearchHit', id: string, score: number }>, facets: { __typename?: 'SearchFacets', byCategory: Array<{ __typename?: 'FacetCount', value: string, count: number }>, byYear: Array<{ __typename?: 'FacetCount', value: string, count: number }>, byAccess: Array<{ __typename?: 'FacetCount', value: string, count: number }> } } };

export type HoldingsQueryVariables = Exact<{
  archive: Scalars['ID']['input'];
}>;


export type HoldingsQuery = { __typename?: 'Query', holdings: { __typename?: 'Holdings', archive: string, asOf: string, complete: boolean, total: { __typename?: 'HoldingsCounters', fonds: number, files: number, items: number, openFiles: number, openItems: number, fileLevelEntries: number, itemLevelEntries: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number }, byCategory: Array<{ __typename?: 'CategoryHoldings', category: Category, counters: { __typename?: 'HoldingsCounters', fonds: number, files: number, items: number, openFiles: number, openItems: number, fileLevelEntries: number, itemLevelEntries: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number } }>, byPeriod: Array<{ __typename?: 'PeriodHoldings', period: HoldingsPeriod, counters: { __typename?: 'HoldingsCounters', fonds: number, files: number, items: number, openFiles: number, openItems: number, fileLevelEntries: number, itemLevelEntries: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number } }> } };

export type CountersFragment = { __typename?: 'HoldingsCounters', fonds: number, files: number, items: number, openFiles: number, openItems: number, fileLevelEntries: number, itemLevelEntries: number, itemLevelCatalogued: number, digitised: number, digitalPages: number, digitalBytes: number, electronic: number, visitors: number, itemsProvided: number, exhibitions: number, exhibitionVisitors: number, compilations: number, compilationCharacters: number };
