import type { GraphQLResolveInfo } from 'graphql';
import type { DirectoryEntryRow, AccessRequestTransitionRow, Fulfilment, DeliveredCopyRow, AccessGrantRow } from '../entities/index.js';
import type { RegionNode } from '../directory/regions.js';
import type { RegionFigures } from '../statistics/statistics.js';
import type { AccessRequestView, AccessRequestPage } from '../access-requests/access-requests.js';
import type { RegionRequestCounts } from '../statistics/request-counts.js';
import type { ProvinceContext } from '../context.js';
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

/** Matches with one access status (开放状态). */
export type AccessFacet = {
  __typename?: 'AccessFacet';
  access: AccessStatus;
  count: Scalars['Int']['output'];
};

/** A read grant (查阅授权): the requester may read these records of the holding archive through the gateway until the end of `until`. */
export type AccessGrant = {
  __typename?: 'AccessGrant';
  /** The records granted; null for one the caller may not (or no longer) see. */
  records: Array<Maybe<ArchiveRecord>>;
  /** Last day of the grant (YYYY-MM-DD, China Standard Time). */
  until: Scalars['String']['output'];
};

export type AccessGrantInput = {
  /** Records of the holding archive, 1 to 100. */
  records: Array<Scalars['ID']['input']>;
  /** Last day of the grant (YYYY-MM-DD, China Standard Time): today or later, at most 366 days away. */
  until: Scalars['String']['input'];
};

/**
 * 异地查档申请 — a request made at one archive (受理馆) for records held by another (出证馆).
 * Its id is a UUID: requests live in the province, not in an archive's shard.
 */
export type AccessRequest = {
  __typename?: 'AccessRequest';
  /** When it was fulfilled, rejected or cancelled (ISO 8601 timestamp); null while open. */
  closedAt?: Maybe<Scalars['String']['output']>;
  /**
   * 办理期限 — the last day (YYYY-MM-DD, China Standard Time) for an answer: the configured
   * number of working days (LANTAI_REQUEST_DEADLINE_DAYS, default 10) after the submission day.
   * Saturdays and Sundays are skipped; public holidays (法定节假日) are not modelled.
   */
  deadline: Scalars['String']['output'];
  delivery: DeliveryMethod;
  /** What the requester is looking for (查档内容). */
  description: Scalars['String']['output'];
  /** What was delivered; null until fulfilled. */
  fulfilment?: Maybe<AccessRequestFulfilment>;
  /** Every transition, oldest first, from the submission on. */
  history: Array<AccessRequestTransition>;
  /** 出证馆 — the archive that holds the records and answers the request. */
  holdingArchive: Archive;
  id: Scalars['ID']['output'];
  /** 超期 — open after its deadline day, or fulfilled or rejected after it. */
  overdue: Scalars['Boolean']['output'];
  /** 邮寄地址 for delivery by post; masked for anyone but the requester and the two archives. */
  postalAddress?: Maybe<Scalars['String']['output']>;
  /** 利用目的 — purpose of use. */
  purpose: UsePurpose;
  /** 受理馆 — the archive where the request was submitted. */
  receivingArchive: Archive;
  /** The records asked for, of the holding archive; null for one the caller may not see. Empty when the request only describes them. */
  records: Array<Maybe<ArchiveRecord>>;
  /** The requester's `sub`. */
  requester: Scalars['String']['output'];
  /** The requester's personal data: in full for the requester and the two archives, masked (脱敏) for anyone else. */
  requesterData: RequesterData;
  status: AccessRequestStatus;
  /** When it was submitted (ISO 8601 timestamp). */
  submittedAt: Scalars['String']['output'];
};

/** A page of access requests, newest first. */
export type AccessRequestConnection = {
  __typename?: 'AccessRequestConnection';
  nodes: Array<AccessRequest>;
  pageInfo: PageInfo;
  /** How many requests match, over every page. */
  totalCount: Scalars['Int']['output'];
};

/** Counters of access requests (异地查档统计), rolled up over archives. */
export type AccessRequestCounts = {
  __typename?: 'AccessRequestCounts';
  /** Each archive's own counters, ordered by code. */
  byArchive: Array<ArchiveAccessRequestCounts>;
  /** The region's children (下级行政区划), each summed over the archives in it, ordered by code. */
  byRegion: Array<RegionAccessRequestCounts>;
  /** 已撤回 — cancelled by the requester. */
  cancelled: Scalars['Int']['output'];
  /** 办理时限 — working days a holding archive has to answer a request, the deadline `overdue` is judged by. */
  deadlineWorkingDays: Scalars['Int']['output'];
  /** 办结 — fulfilled. */
  fulfilled: Scalars['Int']['output'];
  /** Median working days (工作日) from submission to fulfilment; null when none was fulfilled. */
  medianTurnaroundWorkingDays?: Maybe<Scalars['Float']['output']>;
  /** Submitted or accepted, not yet answered. */
  open: Scalars['Int']['output'];
  /** 超期 — open past the deadline, or answered after it. */
  overdue: Scalars['Int']['output'];
  /** 受理 — requests for records the archives hold, whatever their status. */
  received: Scalars['Int']['output'];
  /** 不予受理 — rejected. */
  rejected: Scalars['Int']['output'];
  /** 代转 — requests people submitted at these archives for records held elsewhere. */
  submitted: Scalars['Int']['output'];
};

/** What the holding archive delivered (出证). */
export type AccessRequestFulfilment = {
  __typename?: 'AccessRequestFulfilment';
  /** 出证编号 — the number of the certificate issued; null when none was. */
  certificateNumber?: Maybe<Scalars['String']['output']>;
  /** Digital copies delivered (数字化副本), each with its sha256. */
  copies: Array<DeliveredCopy>;
  /** The read grant (查阅授权) stored in the holding archive; null when none was given. */
  grant?: Maybe<AccessGrant>;
  /** A note from the archivist. */
  note?: Maybe<Scalars['String']['output']>;
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

/** One step of an access request's history. */
export type AccessRequestTransition = {
  __typename?: 'AccessRequestTransition';
  /** The `sub` of who moved it. */
  actor: Scalars['String']['output'];
  /** The archive of an archivist actor. */
  actorArchive?: Maybe<Archive>;
  /** Their role: public, archivist, supervisor or admin. */
  actorRole: Scalars['String']['output'];
  /** When (ISO 8601 timestamp). */
  at: Scalars['String']['output'];
  /** The note or reason given. */
  note?: Maybe<Scalars['String']['output']>;
  /** The status entered. */
  status: AccessRequestStatus;
};

/** 开放状态 — whether a record is open to the public (Archives Law 2020, 25-year rule). */
export type AccessStatus =
  /** 延期开放 — reviewed and kept closed for longer. */
  | 'DELAYED'
  /** 开放 — open to the public. */
  | 'OPEN'
  /** 未审核 — not yet reviewed for opening. */
  | 'UNREVIEWED';

/** 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260). */
export type Archive = {
  __typename?: 'Archive';
  /** The archive's entry in the network directory (名录): registration and health. */
  directory?: Maybe<DirectoryEntry>;
  /** The archive code: the 6-digit administrative-division code of the area it serves, e.g. `360100`. */
  id: Scalars['ID']['output'];
  /**
   * Access requests for records this archive holds, which it must answer (来函), newest first.
   * Its own archivists and admins only: anyone else gets FORBIDDEN and null.
   */
  incomingRequests?: Maybe<AccessRequestConnection>;
  /** Administrative level of the archive (级别). */
  level: ArchiveLevel;
  /** Name of the archive (馆名), e.g. 南昌市档案馆. */
  name: Scalars['String']['output'];
  /**
   * Access requests people submitted at this archive for records held by other archives (代转),
   * newest first. Its own archivists and admins only: anyone else gets FORBIDDEN and null.
   */
  outgoingRequests?: Maybe<AccessRequestConnection>;
  /** The region (行政区划) the archive serves. */
  region?: Maybe<Region>;
};


/** 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260). */
export type ArchiveIncomingRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<AccessRequestStatus>>;
};


/** 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260). */
export type ArchiveOutgoingRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<AccessRequestStatus>>;
};

/** One archive's access-request counters. */
export type ArchiveAccessRequestCounts = {
  __typename?: 'ArchiveAccessRequestCounts';
  archive: Archive;
  cancelled: Scalars['Int']['output'];
  fulfilled: Scalars['Int']['output'];
  medianTurnaroundWorkingDays?: Maybe<Scalars['Float']['output']>;
  open: Scalars['Int']['output'];
  overdue: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  submitted: Scalars['Int']['output'];
};

/** Matches in one archive. */
export type ArchiveFacet = {
  __typename?: 'ArchiveFacet';
  archive: Archive;
  count: Scalars['Int']['output'];
  /** False when the archive had more matches than the search examines: `count` is then a lower bound (至少). */
  countIsExact: Scalars['Boolean']['output'];
};

/** Administrative level of an archive (级别). */
export type ArchiveLevel =
  /** 市级 — a prefecture-level city archive. */
  | 'CITY'
  /** 县级 — a county-level archive (county, district or county-level city). */
  | 'COUNTY'
  /** 省级 — a provincial archive. */
  | 'PROVINCE';

/** The holdings of one archive. */
export type ArchiveStatistics = {
  __typename?: 'ArchiveStatistics';
  archive: Archive;
  /** When the archive computed the counters (ISO 8601 timestamp). */
  asOf: Scalars['String']['output'];
  /** Whether the counters include records that are not open (延期开放, 未审核): true for every caller. */
  complete: Scalars['Boolean']['output'];
  rates: StatisticsRates;
  targets: Array<TargetCheck>;
  totals: StatisticsCounters;
};

/** Facet counts of a catalogue search, summed over the archives that answered, largest first. */
export type CatalogueFacets = {
  __typename?: 'CatalogueFacets';
  /** By access status (开放状态). */
  byAccess: Array<AccessFacet>;
  /** By archive (档案馆). */
  byArchive: Array<ArchiveFacet>;
  /** By category (门类). */
  byCategory: Array<CategoryFacet>;
  /** By decade of the record's year (年度), e.g. 1950 for 1950–1959. */
  byDecade: Array<DecadeFacet>;
  /** By city (市): each archive counts under the city it lies in; the provincial archive under the province. */
  byRegion: Array<RegionFacet>;
};

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

/** One hit of a catalogue search. */
export type CatalogueHit = {
  __typename?: 'CatalogueHit';
  /** The archive (档案馆) that holds the record. */
  archive: Archive;
  /** Cursor of this hit, for `after`. */
  cursor: Scalars['String']['output'];
  /**
   * The record found (案卷 or 件); the gateway fetches its fields from the archive that holds it.
   * Null when that archive stopped answering between the search and the fetch.
   */
  record?: Maybe<ArchiveRecord>;
  /** Relevance; higher is better (题名 word rank, plus 1 when the 档号 contains the search text). */
  score: Scalars['Float']['output'];
};

/** One page of a cross-archive catalogue search (跨馆检索), with the totals and facets of its matches. */
export type CatalogueSearch = {
  __typename?: 'CatalogueSearch';
  /**
   * True when every match in the archives that answered was examined, so `totalCount` and the
   * facets are exact; false when an archive had more matches than the search examines, so the
   * counts are lower bounds (display them as "20,000+") and `byArchive` tells which archives.
   */
  countsAreExact: Scalars['Boolean']['output'];
  /** Counts of the matches (not only this page) by archive, region, category, decade and access. */
  facets: CatalogueFacets;
  /** The hits of this page, by score descending, then archive code and record key ascending. */
  hits: Array<CatalogueHit>;
  pageInfo: PageInfo;
  /** True when an archive in scope did not answer, so its records are missing from hits, totals and facets. */
  partial: Scalars['Boolean']['output'];
  /**
   * How many records match in the archives that answered, counting only those the caller may see;
   * a lower bound (至少) when `countsAreExact` is false.
   */
  totalCount: Scalars['Int']['output'];
  /** The archives in scope that did not answer (未响应). */
  unavailableArchives: Array<Archive>;
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

/** Matches of one category (门类). */
export type CategoryFacet = {
  __typename?: 'CategoryFacet';
  category: Category;
  count: Scalars['Int']['output'];
};

/** One category's holdings. */
export type CategoryStatistics = {
  __typename?: 'CategoryStatistics';
  category: Category;
  rates: StatisticsRates;
  totals: StatisticsCounters;
};

/** Matches from one decade. */
export type DecadeFacet = {
  __typename?: 'DecadeFacet';
  count: Scalars['Int']['output'];
  /** First year of the decade, e.g. 1980. */
  decade: Scalars['Int']['output'];
};

/** A digital copy delivered. */
export type DeliveredCopy = {
  __typename?: 'DeliveredCopy';
  /** The archive's digital copy, when the file is one (`<archive code>:DigitalObject:<key>`). */
  digitalObject?: Maybe<DigitalObject>;
  /** File name as delivered. */
  fileName?: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the delivered file, lowercase hex. */
  sha256: Scalars['String']['output'];
};

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

/** 数字化副本 — a digital copy, held by one archive's shard; the gateway fetches its fields from there. */
export type DigitalObject = {
  __typename?: 'DigitalObject';
  /** Id of the form `<archive code>:DigitalObject:<key>`. */
  id: Scalars['ID']['output'];
};

/** An archive's entry in the network directory (名录). */
export type DirectoryEntry = {
  __typename?: 'DirectoryEntry';
  /** The archive contract version the shard last reported; null if it never answered. */
  contractVersion?: Maybe<Scalars['String']['output']>;
  /** When the shard last answered a health probe (ISO 8601 timestamp); null if it never has. */
  lastSeenAt?: Maybe<Scalars['String']['output']>;
  /** When the archive was (last) registered (登记) in the network (ISO 8601 timestamp). */
  registeredAt: Scalars['String']['output'];
  /** Whether the archive has been retired (已撤销) from the network and is no longer routed. */
  retired: Scalars['Boolean']['output'];
  /** When the archive was retired (ISO 8601 timestamp); null while it is active. */
  retiredAt?: Maybe<Scalars['String']['output']>;
  /** Whether the archive's shard answered its last health probe. */
  status: DirectoryStatus;
};

/** Health of an archive's shard, as seen by the province's periodic probe. */
export type DirectoryStatus =
  /** 离线 — the shard did not answer its last probe, or answered with an error. */
  | 'DOWN'
  /** 未知 — the shard has not been probed since it was registered. */
  | 'UNKNOWN'
  /** 在线 — the shard answered its last probe. */
  | 'UP';

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

export type Mutation = {
  __typename?: 'Mutation';
  /** Accepts (受理) a SUBMITTED request. Archivists of the holding archive only (else FORBIDDEN); another status is CONFLICT. */
  acceptAccessRequest?: Maybe<AccessRequest>;
  /** Cancels (撤回) a SUBMITTED request. The requester only; once accepted, a request can no longer be cancelled (CONFLICT). */
  cancelAccessRequest?: Maybe<AccessRequest>;
  /**
   * Fulfils (办结, 出证) an ACCEPTED request: digital copies delivered with their sha256, or a
   * certificate number (出证编号), and optionally a read grant (查阅授权) on records of the holding
   * archive until a date. The grant is stored in the holding archive first; when it cannot be
   * stored the request stays ACCEPTED and nothing changes. Archivists of the holding archive only.
   */
  fulfilAccessRequest?: Maybe<AccessRequest>;
  /**
   * Registers (登记) an archive in the network directory, or registers again an archive that
   * was retired. Admin only (else FORBIDDEN); CONFLICT when the archive is already registered
   * and active.
   */
  registerArchive?: Maybe<Archive>;
  /** Rejects (不予受理) a SUBMITTED or ACCEPTED request, with a reason. Archivists of the holding archive only. */
  rejectAccessRequest?: Maybe<AccessRequest>;
  /**
   * Retires (撤销) an archive: its entry stays in the directory, marked retired, and the gateway
   * stops routing to it. Admin only.
   */
  retireArchive?: Maybe<Archive>;
  /**
   * Takes the yearly snapshot (年报快照) of every active archive's holdings for `year`, replacing
   * an earlier snapshot of that year; it feeds the year-over-year series of `statistics`.
   * Admin only (else FORBIDDEN).
   */
  snapshotYear?: Maybe<YearSnapshot>;
  /**
   * Submits an access request (异地查档) at a receiving archive for records held by another
   * archive, in the caller's own name: a signed-in person (role public) only, else FORBIDDEN.
   * A retried submission with the same `idempotencyKey` returns the first request and never
   * creates a second; the same key with a different request is CONFLICT.
   */
  submitAccessRequest?: Maybe<AccessRequest>;
  /** Changes an active archive's name or endpoint in the directory; only the fields given change. Admin only. */
  updateArchive?: Maybe<Archive>;
};


export type MutationAcceptAccessRequestArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelAccessRequestArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationFulfilAccessRequestArgs = {
  id: Scalars['ID']['input'];
  input: FulfilAccessRequestInput;
};


export type MutationRegisterArchiveArgs = {
  input: RegisterArchiveInput;
};


export type MutationRejectAccessRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRetireArchiveArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSnapshotYearArgs = {
  year: Scalars['Int']['input'];
};


export type MutationSubmitAccessRequestArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: SubmitAccessRequestInput;
};


export type MutationUpdateArchiveArgs = {
  id: Scalars['ID']['input'];
  input: UpdateArchiveInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** One period's holdings. */
export type PeriodStatistics = {
  __typename?: 'PeriodStatistics';
  period: StatisticsPeriod;
  rates: StatisticsRates;
  totals: StatisticsCounters;
};

export type Query = {
  __typename?: 'Query';
  /**
   * An access request (异地查档申请) by id; null when it does not exist or the caller may not see
   * it. The requester and the archivists of the receiving and the holding archive see it with
   * the requester's personal data; admins see it with that data masked (脱敏).
   */
  accessRequest?: Maybe<AccessRequest>;
  /**
   * The network directory (档案馆名录): archives registered in `region` or any region below it
   * (every region when omitted), ordered by code. Retired archives are left out unless
   * `includeRetired` is true.
   */
  archives?: Maybe<Array<Archive>>;
  /** The caller's own access requests, newest first. Signed-in callers only (else FORBIDDEN). */
  myAccessRequests?: Maybe<AccessRequestConnection>;
  /** The province itself: the root of the region tree. */
  province?: Maybe<Region>;
  /** A region (行政区划) by its 6-digit code, e.g. `360100`; null when the province has no such region. */
  region?: Maybe<Region>;
  /** The province's regions, the province first, then each city followed by its counties; only those of `level` when given. */
  regions?: Maybe<Array<Region>>;
  /**
   * 跨馆检索 — searches the catalogues (目录) of every archive in scope at once: 题名 words
   * (Chinese unigrams and bigrams; every word must match) or a 档号 fragment of at least 3
   * characters. Hits are ranked by score, then by id; each archive applies its own access rules
   * (the public finds only 开放 records). The scope is the whole province unless `filter` narrows it.
   * Archives that do not answer are named in `unavailableArchives` and in ARCHIVE_UNAVAILABLE errors.
   *
   * The work of a search is bounded: it examines at most 20,000 matches, shared among the archives
   * in scope (at least 200 each; 20,000 for a single archive). Where an archive has more matches,
   * its counts are lower bounds (至少: `countsAreExact` is false) and its hits are the best of the
   * matches examined; narrow the search (words, 门类, 年度, region) to reach the others.
   */
  searchCatalogue?: Maybe<CatalogueSearch>;
  /** Internal, for the gateway: where every active archive's shard answers. */
  shardDirectory: ShardDirectory;
  /**
   * 馆藏统计 — the holdings counters of the national annual report (全国档案事业统计年报)
   * summed over every archive in `region` (the province when omitted), with rates, targets,
   * breakdowns and a ranking of archives. Without `year` the figures are current (cached for a
   * short time); with `year` they come from that year's snapshot (年报快照). The figures are the
   * same for every caller and include records that are not open (延期开放, 未审核): they are the
   * annual report's published figures, at its grains (totals, open, by category, before and after
   * 1949, digitised, use) and no finer. One query gives a region's figures and every child
   * region's, with their breakdowns (`byRegion`).
   */
  statistics?: Maybe<Statistics>;
};


export type QueryAccessRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryArchivesArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  region?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<DirectoryStatus>;
};


export type QueryMyAccessRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<AccessRequestStatus>>;
};


export type QueryRegionArgs = {
  code: Scalars['ID']['input'];
};


export type QueryRegionsArgs = {
  level?: InputMaybe<RegionLevel>;
};


export type QuerySearchCatalogueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CatalogueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
};


export type QueryStatisticsArgs = {
  region?: InputMaybe<Scalars['ID']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** An archive's place in a ranking (排名). */
export type RankedArchive = {
  __typename?: 'RankedArchive';
  archive: Archive;
  /** 馆藏 — the archive's holdings (卷件), its size. */
  holdings: Scalars['Int']['output'];
  /** 1 for the first in the ranking's order; archives with equal values share a rank. */
  rank: Scalars['Int']['output'];
  /** The value ranked by; null for a rate without holdings. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** Which end of a ranking (排名) comes first. */
export type RankingOrder =
  /** The highest values first (前列). */
  | 'HIGHEST_FIRST'
  /** The lowest values first (后列). */
  | 'LOWEST_FIRST';

/**
 * 案卷 or 件 — a record, held by one archive's shard. The province only names it by id; the
 * gateway fetches the fields asked for from the archive that holds it.
 */
export type ArchiveRecord = {
  __typename?: 'Record';
  /** Id of the form `<archive code>:Record:<key>`. */
  id: Scalars['ID']['output'];
};

/** A region (行政区划) of the province, by its GB/T 2260 code. Each region has one comprehensive archive (综合档案馆). */
export type Region = {
  __typename?: 'Region';
  /**
   * The active archives registered in this region or any region below it (a city's listing
   * includes its counties' archives), ordered by code; retired archives are left out.
   */
  archives: Array<Archive>;
  /** The regions directly below it, ordered by code. */
  children: Array<Region>;
  /** The 6-digit administrative-division code (行政区划代码, GB/T 2260), e.g. `360100`. */
  code: Scalars['ID']['output'];
  /** Administrative level: province (省), city (市) or county (县). */
  level: RegionLevel;
  /** Name of the region, e.g. 南昌市. */
  name: Scalars['String']['output'];
  /** The region it belongs to; null for the province. */
  parent?: Maybe<Region>;
};


/** A region (行政区划) of the province, by its GB/T 2260 code. Each region has one comprehensive archive (综合档案馆). */
export type RegionArchivesArgs = {
  status?: InputMaybe<DirectoryStatus>;
};

/** The access-request counters of one region's archives. */
export type RegionAccessRequestCounts = {
  __typename?: 'RegionAccessRequestCounts';
  /** How many archives are counted. */
  archives: Scalars['Int']['output'];
  cancelled: Scalars['Int']['output'];
  fulfilled: Scalars['Int']['output'];
  medianTurnaroundWorkingDays?: Maybe<Scalars['Float']['output']>;
  open: Scalars['Int']['output'];
  overdue: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  region: Region;
  rejected: Scalars['Int']['output'];
  submitted: Scalars['Int']['output'];
};

/** Matches in the archives of one region. */
export type RegionFacet = {
  __typename?: 'RegionFacet';
  count: Scalars['Int']['output'];
  region: Region;
};

/** Administrative level of a region (行政区划级别). */
export type RegionLevel =
  /** 市 — a prefecture-level city. */
  | 'CITY'
  /** 县 — a county-level region (county, district or county-level city). */
  | 'COUNTY'
  /** 省 — the province. */
  | 'PROVINCE';

/** The holdings of one region's archives. */
export type RegionStatistics = {
  __typename?: 'RegionStatistics';
  /** How many archives contributed. */
  archives: Scalars['Int']['output'];
  /** By category (门类), summed over the region's archives; counters of digital copies and use are zero here. */
  byCategory: Array<CategoryStatistics>;
  /** Before 1949 and since (1949年以前 / 以后), summed over the region's archives. */
  byPeriod: Array<PeriodStatistics>;
  rates: StatisticsRates;
  region: Region;
  targets: Array<TargetCheck>;
  totals: StatisticsCounters;
};

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

/** A requester's personal data (个人信息), or its masked form (e.g. 张*, 3601**********1234, 138****5678). */
export type RequesterData = {
  __typename?: 'RequesterData';
  /** 身份证号 */
  identityNumber: Scalars['String']['output'];
  /** Whether the values are masked for this caller. */
  masked: Scalars['Boolean']['output'];
  /** 姓名 */
  name: Scalars['String']['output'];
  /** 联系电话 */
  phone: Scalars['String']['output'];
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

/** Internal: the shard set the gateway routes the archive contract to. */
export type ShardDirectory = {
  __typename?: 'ShardDirectory';
  /** Every active (not retired) archive with its endpoint URL. */
  shards: Array<ShardEndpoint>;
  /** Changes whenever an archive is registered, updated or retired. */
  version: Scalars['String']['output'];
};

/** Internal: where one archive's shard answers. */
export type ShardEndpoint = {
  __typename?: 'ShardEndpoint';
  /** The archive code. */
  archive: Scalars['ID']['output'];
  /** The http(s) URL of the archive's GraphQL shard. */
  endpoint: Scalars['String']['output'];
};

/**
 * 馆藏统计 — the holdings of every archive in a region, summed up the region tree, as the
 * national annual report (全国档案事业统计年报) counts them.
 */
export type Statistics = {
  __typename?: 'Statistics';
  /**
   * 异地查档统计 — counts of the access requests held by the region's archives (and of those
   * submitted at them), submitted in `year` when given. Supervisors of a region containing this
   * one, admins, and an archive's own archivists for its own region only; anyone else gets
   * FORBIDDEN and null. Counts carry no personal data.
   */
  accessRequests?: Maybe<AccessRequestCounts>;
  /** Every archive that contributed, ordered by code. */
  archives: Array<ArchiveStatistics>;
  /** By category (门类); counters of digital copies and use are overall only, so zero here. */
  byCategory: Array<CategoryStatistics>;
  /** Before 1949 and since (1949年以前 / 以后); counters of digital copies and use are zero here. */
  byPeriod: Array<PeriodStatistics>;
  /** The region's children (下级行政区划), each summed over its archives, ordered by code. */
  byRegion: Array<RegionStatistics>;
  /** How many archives the figures cover, which did not answer or are stale, and when they are from. */
  coverage: StatisticsCoverage;
  /**
   * Archives ranked (排名) by a counter or rate, highest first unless `order` says otherwise;
   * archives whose rate is undefined come last. A ranking by a rate leaves out archives with
   * fewer than 100 holdings (馆藏, 卷件) unless `minHoldings` says otherwise: the rate of a
   * handful of records says nothing. Each row carries the archive's holdings, its size.
   */
  ranking: Array<RankedArchive>;
  /** Rates derived from the summed counters. */
  rates: StatisticsRates;
  /** The region (行政区划) summed over. */
  region: Region;
  /** Year-over-year series (逐年变化) from the yearly snapshots of the region's archives, oldest first, up to `year` when given. */
  series: Array<YearOverYear>;
  /** The provincial targets (规划目标) and whether the region meets each. */
  targets: Array<TargetCheck>;
  /** Counters summed over every archive that contributed. */
  totals: StatisticsCounters;
  /** The snapshot year (年度) read; null for current figures. */
  year?: Maybe<Scalars['Int']['output']>;
};


/**
 * 馆藏统计 — the holdings of every archive in a region, summed up the region tree, as the
 * national annual report (全国档案事业统计年报) counts them.
 */
export type StatisticsRankingArgs = {
  by: StatisticsMeasure;
  first?: InputMaybe<Scalars['Int']['input']>;
  minHoldings?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<RankingOrder>;
};

/**
 * Counters of holdings that add up across archives and regions. Holdings (馆藏) are 卷 (files)
 * plus 件 (standalone items); items inside files are catalogue entries only.
 */
export type StatisticsCounters = {
  __typename?: 'StatisticsCounters';
  /** 编研字数 — characters of compilations. */
  compilationCharacters: Scalars['Float']['output'];
  /** 编研 — compilations. */
  compilations: Scalars['Int']['output'];
  /** 数字化容量 — bytes of digital copies. */
  digitalBytes: Scalars['Float']['output'];
  /** 数字化画幅 — page images of digital copies. */
  digitalPages: Scalars['Int']['output'];
  /** 已数字化 — files and standalone items with at least one digital copy. */
  digitised: Scalars['Int']['output'];
  /** 电子档案 — records received born-digital. */
  electronic: Scalars['Int']['output'];
  /** 参观人次 — exhibition visitors. */
  exhibitionVisitors: Scalars['Int']['output'];
  /** 展览 — exhibitions. */
  exhibitions: Scalars['Int']['output'];
  /** 案卷级目录 — catalogue entries at file level. */
  fileLevelEntries: Scalars['Int']['output'];
  /** 卷 — files. */
  files: Scalars['Int']['output'];
  /** 全宗 — number of fonds. */
  fonds: Scalars['Int']['output'];
  /** 馆藏 — holdings: files plus standalone items. */
  holdings: Scalars['Int']['output'];
  /** Holdings catalogued down to item level: standalone items, plus files with item entries. */
  itemLevelCatalogued: Scalars['Int']['output'];
  /** 文件级目录 — catalogue entries at item level. */
  itemLevelEntries: Scalars['Int']['output'];
  /** 件 — standalone items. */
  items: Scalars['Int']['output'];
  /** 利用卷件次 — files and items provided. */
  itemsProvided: Scalars['Int']['output'];
  /** 开放档案 — open holdings: open files plus open standalone items. */
  open: Scalars['Int']['output'];
  /** 开放卷 — open files. */
  openFiles: Scalars['Int']['output'];
  /** 开放件 — open standalone items. */
  openItems: Scalars['Int']['output'];
  /** 利用人次 — visitors. */
  visitors: Scalars['Int']['output'];
};

/** Coverage and freshness of statistics. */
export type StatisticsCoverage = {
  __typename?: 'StatisticsCoverage';
  /** Archives in the region's directory (active). */
  archives: Scalars['Int']['output'];
  /** The time the figures are as of: that of the oldest figures included (ISO 8601); null when none are. */
  asOf?: Maybe<Scalars['String']['output']>;
  /** Whether every figure includes records that are not open (延期开放, 未审核): true for every caller. */
  complete: Scalars['Boolean']['output'];
  /** Archives whose figures are included. */
  contributed: Scalars['Int']['output'];
  /**
   * True when an archive of the region is missing from the figures (see `unavailable`), or did
   * not answer when its figures were to be refreshed, so that its last figures are used (see `stale`).
   */
  partial: Scalars['Boolean']['output'];
  /** Archives whose figures are older than the cache's time-to-live (过期), being refreshed. */
  stale: Array<Archive>;
  /** Archives whose figures are missing: they did not answer, or have no snapshot of the year. */
  unavailable: Array<Archive>;
};

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

/** Rates derived from summed counters; null when there are no holdings. */
export type StatisticsRates = {
  __typename?: 'StatisticsRates';
  /** 数字化率 — digitised holdings / holdings. */
  digitisationRate?: Maybe<Scalars['Float']['output']>;
  /** 文件级目录率 — holdings catalogued at item level / holdings. */
  itemLevelCatalogueRate?: Maybe<Scalars['Float']['output']>;
  /** 开放率 — open holdings / holdings. */
  openRate?: Maybe<Scalars['Float']['output']>;
};

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

/** Whether a region or archive meets one target. */
export type TargetCheck = {
  __typename?: 'TargetCheck';
  /** 达标 — whether the rate reaches the threshold. */
  met: Scalars['Boolean']['output'];
  target: TargetKind;
  /** The threshold, as a fraction (0.3 for 30%). */
  threshold: Scalars['Float']['output'];
  /** The rate reached; null when there is nothing to measure. */
  value?: Maybe<Scalars['Float']['output']>;
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

/** One year of the year-over-year series (逐年变化). */
export type YearOverYear = {
  __typename?: 'YearOverYear';
  /** Archives with a snapshot that year. */
  archives: Scalars['Int']['output'];
  /** 已数字化 — digitised holdings. */
  digitised: Scalars['Int']['output'];
  /** 馆藏 — holdings at the snapshot. */
  holdings: Scalars['Int']['output'];
  /** Holdings added since the previous year's snapshot; null for the first year. */
  holdingsGrowth?: Maybe<Scalars['Int']['output']>;
  /** 新数字化 — digitised holdings added since the previous year; null for the first year. */
  newlyDigitised?: Maybe<Scalars['Int']['output']>;
  /** 新开放 — open holdings added since the previous year; null for the first year. */
  newlyOpened?: Maybe<Scalars['Int']['output']>;
  /** 开放档案 — open holdings. */
  open: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

/** A yearly snapshot (年报快照) taken. */
export type YearSnapshot = {
  __typename?: 'YearSnapshot';
  /** The archives whose holdings were recorded. */
  archives: Array<Archive>;
  /** When it was taken (ISO 8601 timestamp). */
  takenAt: Scalars['String']['output'];
  /** The archives that did not answer; run snapshotYear again to add them. */
  unavailableArchives: Array<Archive>;
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
  AccessFacet: ResolverTypeWrapper<AccessFacet>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AccessGrant: ResolverTypeWrapper<AccessGrantRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccessGrantInput: AccessGrantInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AccessRequest: ResolverTypeWrapper<AccessRequestView>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AccessRequestConnection: ResolverTypeWrapper<AccessRequestPage>;
  AccessRequestCounts: ResolverTypeWrapper<RegionRequestCounts>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AccessRequestFulfilment: ResolverTypeWrapper<Fulfilment>;
  AccessRequestStatus: AccessRequestStatus;
  AccessRequestTransition: ResolverTypeWrapper<AccessRequestTransitionRow>;
  AccessStatus: AccessStatus;
  Archive: ResolverTypeWrapper<DirectoryEntryRow>;
  ArchiveAccessRequestCounts: ResolverTypeWrapper<Omit<ArchiveAccessRequestCounts, 'archive'> & { archive: ResolversTypes['Archive'] }>;
  ArchiveFacet: ResolverTypeWrapper<Omit<ArchiveFacet, 'archive'> & { archive: ResolversTypes['Archive'] }>;
  ArchiveLevel: ArchiveLevel;
  ArchiveStatistics: ResolverTypeWrapper<Omit<ArchiveStatistics, 'archive'> & { archive: ResolversTypes['Archive'] }>;
  CatalogueFacets: ResolverTypeWrapper<Omit<CatalogueFacets, 'byArchive' | 'byRegion'> & { byArchive: Array<ResolversTypes['ArchiveFacet']>, byRegion: Array<ResolversTypes['RegionFacet']> }>;
  CatalogueFilter: CatalogueFilter;
  CatalogueHit: ResolverTypeWrapper<Omit<CatalogueHit, 'archive'> & { archive: ResolversTypes['Archive'] }>;
  CatalogueSearch: ResolverTypeWrapper<Omit<CatalogueSearch, 'facets' | 'hits' | 'unavailableArchives'> & { facets: ResolversTypes['CatalogueFacets'], hits: Array<ResolversTypes['CatalogueHit']>, unavailableArchives: Array<ResolversTypes['Archive']> }>;
  Category: Category;
  CategoryFacet: ResolverTypeWrapper<CategoryFacet>;
  CategoryStatistics: ResolverTypeWrapper<CategoryStatistics>;
  DecadeFacet: ResolverTypeWrapper<DecadeFacet>;
  DeliveredCopy: ResolverTypeWrapper<DeliveredCopyRow>;
  DeliveredCopyInput: DeliveredCopyInput;
  DeliveryMethod: DeliveryMethod;
  DigitalObject: ResolverTypeWrapper<DigitalObject>;
  DirectoryEntry: ResolverTypeWrapper<DirectoryEntryRow>;
  DirectoryStatus: DirectoryStatus;
  FulfilAccessRequestInput: FulfilAccessRequestInput;
  Mutation: ResolverTypeWrapper<{}>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PeriodStatistics: ResolverTypeWrapper<PeriodStatistics>;
  Query: ResolverTypeWrapper<{}>;
  RankedArchive: ResolverTypeWrapper<Omit<RankedArchive, 'archive'> & { archive: ResolversTypes['Archive'] }>;
  RankingOrder: RankingOrder;
  Record: ResolverTypeWrapper<ArchiveRecord>;
  Region: ResolverTypeWrapper<RegionNode>;
  RegionAccessRequestCounts: ResolverTypeWrapper<Omit<RegionAccessRequestCounts, 'region'> & { region: ResolversTypes['Region'] }>;
  RegionFacet: ResolverTypeWrapper<Omit<RegionFacet, 'region'> & { region: ResolversTypes['Region'] }>;
  RegionLevel: RegionLevel;
  RegionStatistics: ResolverTypeWrapper<Omit<RegionStatistics, 'region'> & { region: ResolversTypes['Region'] }>;
  RegisterArchiveInput: RegisterArchiveInput;
  RequesterData: ResolverTypeWrapper<RequesterData>;
  RequesterDataInput: RequesterDataInput;
  ShardDirectory: ResolverTypeWrapper<ShardDirectory>;
  ShardEndpoint: ResolverTypeWrapper<ShardEndpoint>;
  Statistics: ResolverTypeWrapper<RegionFigures>;
  StatisticsCounters: ResolverTypeWrapper<StatisticsCounters>;
  StatisticsCoverage: ResolverTypeWrapper<Omit<StatisticsCoverage, 'stale' | 'unavailable'> & { stale: Array<ResolversTypes['Archive']>, unavailable: Array<ResolversTypes['Archive']> }>;
  StatisticsMeasure: StatisticsMeasure;
  StatisticsPeriod: StatisticsPeriod;
  StatisticsRates: ResolverTypeWrapper<StatisticsRates>;
  SubmitAccessRequestInput: SubmitAccessRequestInput;
  TargetCheck: ResolverTypeWrapper<TargetCheck>;
  TargetKind: TargetKind;
  UpdateArchiveInput: UpdateArchiveInput;
  UsePurpose: UsePurpose;
  YearOverYear: ResolverTypeWrapper<YearOverYear>;
  YearSnapshot: ResolverTypeWrapper<Omit<YearSnapshot, 'archives' | 'unavailableArchives'> & { archives: Array<ResolversTypes['Archive']>, unavailableArchives: Array<ResolversTypes['Archive']> }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AccessFacet: AccessFacet;
  Int: Scalars['Int']['output'];
  AccessGrant: AccessGrantRow;
  String: Scalars['String']['output'];
  AccessGrantInput: AccessGrantInput;
  ID: Scalars['ID']['output'];
  AccessRequest: AccessRequestView;
  Boolean: Scalars['Boolean']['output'];
  AccessRequestConnection: AccessRequestPage;
  AccessRequestCounts: RegionRequestCounts;
  Float: Scalars['Float']['output'];
  AccessRequestFulfilment: Fulfilment;
  AccessRequestTransition: AccessRequestTransitionRow;
  Archive: DirectoryEntryRow;
  ArchiveAccessRequestCounts: Omit<ArchiveAccessRequestCounts, 'archive'> & { archive: ResolversParentTypes['Archive'] };
  ArchiveFacet: Omit<ArchiveFacet, 'archive'> & { archive: ResolversParentTypes['Archive'] };
  ArchiveStatistics: Omit<ArchiveStatistics, 'archive'> & { archive: ResolversParentTypes['Archive'] };
  CatalogueFacets: Omit<CatalogueFacets, 'byArchive' | 'byRegion'> & { byArchive: Array<ResolversParentTypes['ArchiveFacet']>, byRegion: Array<ResolversParentTypes['RegionFacet']> };
  CatalogueFilter: CatalogueFilter;
  CatalogueHit: Omit<CatalogueHit, 'archive'> & { archive: ResolversParentTypes['Archive'] };
  CatalogueSearch: Omit<CatalogueSearch, 'facets' | 'hits' | 'unavailableArchives'> & { facets: ResolversParentTypes['CatalogueFacets'], hits: Array<ResolversParentTypes['CatalogueHit']>, unavailableArchives: Array<ResolversParentTypes['Archive']> };
  CategoryFacet: CategoryFacet;
  CategoryStatistics: CategoryStatistics;
  DecadeFacet: DecadeFacet;
  DeliveredCopy: DeliveredCopyRow;
  DeliveredCopyInput: DeliveredCopyInput;
  DigitalObject: DigitalObject;
  DirectoryEntry: DirectoryEntryRow;
  FulfilAccessRequestInput: FulfilAccessRequestInput;
  Mutation: {};
  PageInfo: PageInfo;
  PeriodStatistics: PeriodStatistics;
  Query: {};
  RankedArchive: Omit<RankedArchive, 'archive'> & { archive: ResolversParentTypes['Archive'] };
  Record: ArchiveRecord;
  Region: RegionNode;
  RegionAccessRequestCounts: Omit<RegionAccessRequestCounts, 'region'> & { region: ResolversParentTypes['Region'] };
  RegionFacet: Omit<RegionFacet, 'region'> & { region: ResolversParentTypes['Region'] };
  RegionStatistics: Omit<RegionStatistics, 'region'> & { region: ResolversParentTypes['Region'] };
  RegisterArchiveInput: RegisterArchiveInput;
  RequesterData: RequesterData;
  RequesterDataInput: RequesterDataInput;
  ShardDirectory: ShardDirectory;
  ShardEndpoint: ShardEndpoint;
  Statistics: RegionFigures;
  StatisticsCounters: StatisticsCounters;
  StatisticsCoverage: Omit<StatisticsCoverage, 'stale' | 'unavailable'> & { stale: Array<ResolversParentTypes['Archive']>, unavailable: Array<ResolversParentTypes['Archive']> };
  StatisticsRates: StatisticsRates;
  SubmitAccessRequestInput: SubmitAccessRequestInput;
  TargetCheck: TargetCheck;
  UpdateArchiveInput: UpdateArchiveInput;
  YearOverYear: YearOverYear;
  YearSnapshot: Omit<YearSnapshot, 'archives' | 'unavailableArchives'> & { archives: Array<ResolversParentTypes['Archive']>, unavailableArchives: Array<ResolversParentTypes['Archive']> };
}>;

export type AccessFacetResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['AccessFacet'] = ResolversParentTypes['AccessFacet']> = ResolversObject<{
  access?: Resolver<ResolversTypes['AccessStatus'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessGrantResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['AccessGrant'] = ResolversParentTypes['AccessGrant']> = ResolversObject<{
  records?: Resolver<Array<Maybe<ResolversTypes['Record']>>, ParentType, ContextType>;
  until?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessRequestResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['AccessRequest'] = ResolversParentTypes['AccessRequest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AccessRequest']>, { __typename: 'AccessRequest' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  delivery?: Resolver<ResolversTypes['DeliveryMethod'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fulfilment?: Resolver<Maybe<ResolversTypes['AccessRequestFulfilment']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AccessRequestTransition']>, ParentType, ContextType>;
  holdingArchive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  postalAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['UsePurpose'], ParentType, ContextType>;
  receivingArchive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  records?: Resolver<Array<Maybe<ResolversTypes['Record']>>, ParentType, ContextType>;
  requester?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requesterData?: Resolver<ResolversTypes['RequesterData'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AccessRequestStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessRequestConnectionResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['AccessRequestConnection'] = ResolversParentTypes['AccessRequestConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['AccessRequest']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessRequestCountsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['AccessRequestCounts'] = ResolversParentTypes['AccessRequestCounts']> = ResolversObject<{
  byArchive?: Resolver<Array<ResolversTypes['ArchiveAccessRequestCounts']>, ParentType, ContextType>;
  byRegion?: Resolver<Array<ResolversTypes['RegionAccessRequestCounts']>, ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadlineWorkingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fulfilled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianTurnaroundWorkingDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessRequestFulfilmentResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['AccessRequestFulfilment'] = ResolversParentTypes['AccessRequestFulfilment']> = ResolversObject<{
  certificateNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  copies?: Resolver<Array<ResolversTypes['DeliveredCopy']>, ParentType, ContextType>;
  grant?: Resolver<Maybe<ResolversTypes['AccessGrant']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessRequestTransitionResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['AccessRequestTransition'] = ResolversParentTypes['AccessRequestTransition']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorArchive?: Resolver<Maybe<ResolversTypes['Archive']>, ParentType, ContextType>;
  actorRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AccessRequestStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArchiveResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Archive'] = ResolversParentTypes['Archive']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Archive']>, { __typename: 'Archive' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  directory?: Resolver<Maybe<ResolversTypes['DirectoryEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incomingRequests?: Resolver<Maybe<ResolversTypes['AccessRequestConnection']>, ParentType, ContextType, RequireFields<ArchiveIncomingRequestsArgs, 'first'>>;
  level?: Resolver<ResolversTypes['ArchiveLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outgoingRequests?: Resolver<Maybe<ResolversTypes['AccessRequestConnection']>, ParentType, ContextType, RequireFields<ArchiveOutgoingRequestsArgs, 'first'>>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArchiveAccessRequestCountsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['ArchiveAccessRequestCounts'] = ResolversParentTypes['ArchiveAccessRequestCounts']> = ResolversObject<{
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fulfilled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianTurnaroundWorkingDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArchiveFacetResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['ArchiveFacet'] = ResolversParentTypes['ArchiveFacet']> = ResolversObject<{
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  countIsExact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArchiveStatisticsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['ArchiveStatistics'] = ResolversParentTypes['ArchiveStatistics']> = ResolversObject<{
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rates?: Resolver<ResolversTypes['StatisticsRates'], ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['TargetCheck']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['StatisticsCounters'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CatalogueFacetsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['CatalogueFacets'] = ResolversParentTypes['CatalogueFacets']> = ResolversObject<{
  byAccess?: Resolver<Array<ResolversTypes['AccessFacet']>, ParentType, ContextType>;
  byArchive?: Resolver<Array<ResolversTypes['ArchiveFacet']>, ParentType, ContextType>;
  byCategory?: Resolver<Array<ResolversTypes['CategoryFacet']>, ParentType, ContextType>;
  byDecade?: Resolver<Array<ResolversTypes['DecadeFacet']>, ParentType, ContextType>;
  byRegion?: Resolver<Array<ResolversTypes['RegionFacet']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CatalogueHitResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['CatalogueHit'] = ResolversParentTypes['CatalogueHit']> = ResolversObject<{
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  record?: Resolver<Maybe<ResolversTypes['Record']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CatalogueSearchResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['CatalogueSearch'] = ResolversParentTypes['CatalogueSearch']> = ResolversObject<{
  countsAreExact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['CatalogueFacets'], ParentType, ContextType>;
  hits?: Resolver<Array<ResolversTypes['CatalogueHit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  partial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unavailableArchives?: Resolver<Array<ResolversTypes['Archive']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryFacetResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['CategoryFacet'] = ResolversParentTypes['CategoryFacet']> = ResolversObject<{
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryStatisticsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['CategoryStatistics'] = ResolversParentTypes['CategoryStatistics']> = ResolversObject<{
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  rates?: Resolver<ResolversTypes['StatisticsRates'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['StatisticsCounters'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DecadeFacetResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['DecadeFacet'] = ResolversParentTypes['DecadeFacet']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decade?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DeliveredCopyResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['DeliveredCopy'] = ResolversParentTypes['DeliveredCopy']> = ResolversObject<{
  digitalObject?: Resolver<Maybe<ResolversTypes['DigitalObject']>, ParentType, ContextType>;
  fileName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DigitalObjectResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['DigitalObject'] = ResolversParentTypes['DigitalObject']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DigitalObject']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DirectoryEntryResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['DirectoryEntry'] = ResolversParentTypes['DirectoryEntry']> = ResolversObject<{
  contractVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DirectoryStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationAcceptAccessRequestArgs, 'id'>>;
  cancelAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationCancelAccessRequestArgs, 'id'>>;
  fulfilAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationFulfilAccessRequestArgs, 'id' | 'input'>>;
  registerArchive?: Resolver<Maybe<ResolversTypes['Archive']>, ParentType, ContextType, RequireFields<MutationRegisterArchiveArgs, 'input'>>;
  rejectAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationRejectAccessRequestArgs, 'id' | 'reason'>>;
  retireArchive?: Resolver<Maybe<ResolversTypes['Archive']>, ParentType, ContextType, RequireFields<MutationRetireArchiveArgs, 'id'>>;
  snapshotYear?: Resolver<Maybe<ResolversTypes['YearSnapshot']>, ParentType, ContextType, RequireFields<MutationSnapshotYearArgs, 'year'>>;
  submitAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationSubmitAccessRequestArgs, 'idempotencyKey' | 'input'>>;
  updateArchive?: Resolver<Maybe<ResolversTypes['Archive']>, ParentType, ContextType, RequireFields<MutationUpdateArchiveArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PeriodStatisticsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['PeriodStatistics'] = ResolversParentTypes['PeriodStatistics']> = ResolversObject<{
  period?: Resolver<ResolversTypes['StatisticsPeriod'], ParentType, ContextType>;
  rates?: Resolver<ResolversTypes['StatisticsRates'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['StatisticsCounters'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  accessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<QueryAccessRequestArgs, 'id'>>;
  archives?: Resolver<Maybe<Array<ResolversTypes['Archive']>>, ParentType, ContextType, RequireFields<QueryArchivesArgs, 'includeRetired'>>;
  myAccessRequests?: Resolver<Maybe<ResolversTypes['AccessRequestConnection']>, ParentType, ContextType, RequireFields<QueryMyAccessRequestsArgs, 'first'>>;
  province?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType, RequireFields<QueryRegionArgs, 'code'>>;
  regions?: Resolver<Maybe<Array<ResolversTypes['Region']>>, ParentType, ContextType, Partial<QueryRegionsArgs>>;
  searchCatalogue?: Resolver<Maybe<ResolversTypes['CatalogueSearch']>, ParentType, ContextType, RequireFields<QuerySearchCatalogueArgs, 'first'>>;
  shardDirectory?: Resolver<ResolversTypes['ShardDirectory'], ParentType, ContextType>;
  statistics?: Resolver<Maybe<ResolversTypes['Statistics']>, ParentType, ContextType, Partial<QueryStatisticsArgs>>;
}>;

export type RankedArchiveResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['RankedArchive'] = ResolversParentTypes['RankedArchive']> = ResolversObject<{
  archive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType>;
  holdings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RecordResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Record'] = ResolversParentTypes['Record']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Record']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RegionResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']>, { __typename: 'Region' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  archives?: Resolver<Array<ResolversTypes['Archive']>, ParentType, ContextType, Partial<RegionArchivesArgs>>;
  children?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RegionLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RegionAccessRequestCountsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['RegionAccessRequestCounts'] = ResolversParentTypes['RegionAccessRequestCounts']> = ResolversObject<{
  archives?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fulfilled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianTurnaroundWorkingDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RegionFacetResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['RegionFacet'] = ResolversParentTypes['RegionFacet']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RegionStatisticsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['RegionStatistics'] = ResolversParentTypes['RegionStatistics']> = ResolversObject<{
  archives?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byCategory?: Resolver<Array<ResolversTypes['CategoryStatistics']>, ParentType, ContextType>;
  byPeriod?: Resolver<Array<ResolversTypes['PeriodStatistics']>, ParentType, ContextType>;
  rates?: Resolver<ResolversTypes['StatisticsRates'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['TargetCheck']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['StatisticsCounters'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RequesterDataResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['RequesterData'] = ResolversParentTypes['RequesterData']> = ResolversObject<{
  identityNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ShardDirectoryResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['ShardDirectory'] = ResolversParentTypes['ShardDirectory']> = ResolversObject<{
  shards?: Resolver<Array<ResolversTypes['ShardEndpoint']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ShardEndpointResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['ShardEndpoint'] = ResolversParentTypes['ShardEndpoint']> = ResolversObject<{
  archive?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  endpoint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StatisticsResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Statistics'] = ResolversParentTypes['Statistics']> = ResolversObject<{
  accessRequests?: Resolver<Maybe<ResolversTypes['AccessRequestCounts']>, ParentType, ContextType>;
  archives?: Resolver<Array<ResolversTypes['ArchiveStatistics']>, ParentType, ContextType>;
  byCategory?: Resolver<Array<ResolversTypes['CategoryStatistics']>, ParentType, ContextType>;
  byPeriod?: Resolver<Array<ResolversTypes['PeriodStatistics']>, ParentType, ContextType>;
  byRegion?: Resolver<Array<ResolversTypes['RegionStatistics']>, ParentType, ContextType>;
  coverage?: Resolver<ResolversTypes['StatisticsCoverage'], ParentType, ContextType>;
  ranking?: Resolver<Array<ResolversTypes['RankedArchive']>, ParentType, ContextType, RequireFields<StatisticsRankingArgs, 'by' | 'first' | 'order'>>;
  rates?: Resolver<ResolversTypes['StatisticsRates'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['YearOverYear']>, ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['TargetCheck']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['StatisticsCounters'], ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StatisticsCountersResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['StatisticsCounters'] = ResolversParentTypes['StatisticsCounters']> = ResolversObject<{
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
  holdings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemLevelCatalogued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemLevelEntries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemsProvided?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openFiles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openItems?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StatisticsCoverageResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['StatisticsCoverage'] = ResolversParentTypes['StatisticsCoverage']> = ResolversObject<{
  archives?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  asOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contributed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  partial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stale?: Resolver<Array<ResolversTypes['Archive']>, ParentType, ContextType>;
  unavailable?: Resolver<Array<ResolversTypes['Archive']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StatisticsRatesResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['StatisticsRates'] = ResolversParentTypes['StatisticsRates']> = ResolversObject<{
  digitisationRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  itemLevelCatalogueRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  openRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TargetCheckResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['TargetCheck'] = ResolversParentTypes['TargetCheck']> = ResolversObject<{
  met?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['TargetKind'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type YearOverYearResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['YearOverYear'] = ResolversParentTypes['YearOverYear']> = ResolversObject<{
  archives?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  digitised?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  holdings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  holdingsGrowth?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  newlyDigitised?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  newlyOpened?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type YearSnapshotResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['YearSnapshot'] = ResolversParentTypes['YearSnapshot']> = ResolversObject<{
  archives?: Resolver<Array<ResolversTypes['Archive']>, ParentType, ContextType>;
  takenAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unavailableArchives?: Resolver<Array<ResolversTypes['Archive']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ProvinceContext> = ResolversObject<{
  AccessFacet?: AccessFacetResolvers<ContextType>;
  AccessGrant?: AccessGrantResolvers<ContextType>;
  AccessRequest?: AccessRequestResolvers<ContextType>;
  AccessRequestConnection?: AccessRequestConnectionResolvers<ContextType>;
  AccessRequestCounts?: AccessRequestCountsResolvers<ContextType>;
  AccessRequestFulfilment?: AccessRequestFulfilmentResolvers<ContextType>;
  AccessRequestTransition?: AccessRequestTransitionResolvers<ContextType>;
  Archive?: ArchiveResolvers<ContextType>;
  ArchiveAccessRequestCounts?: ArchiveAccessRequestCountsResolvers<ContextType>;
  ArchiveFacet?: ArchiveFacetResolvers<ContextType>;
  ArchiveStatistics?: ArchiveStatisticsResolvers<ContextType>;
  CatalogueFacets?: CatalogueFacetsResolvers<ContextType>;
  CatalogueHit?: CatalogueHitResolvers<ContextType>;
  CatalogueSearch?: CatalogueSearchResolvers<ContextType>;
  CategoryFacet?: CategoryFacetResolvers<ContextType>;
  CategoryStatistics?: CategoryStatisticsResolvers<ContextType>;
  DecadeFacet?: DecadeFacetResolvers<ContextType>;
  DeliveredCopy?: DeliveredCopyResolvers<ContextType>;
  DigitalObject?: DigitalObjectResolvers<ContextType>;
  DirectoryEntry?: DirectoryEntryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PeriodStatistics?: PeriodStatisticsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RankedArchive?: RankedArchiveResolvers<ContextType>;
  Record?: RecordResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  RegionAccessRequestCounts?: RegionAccessRequestCountsResolvers<ContextType>;
  RegionFacet?: RegionFacetResolvers<ContextType>;
  RegionStatistics?: RegionStatisticsResolvers<ContextType>;
  RequesterData?: RequesterDataResolvers<ContextType>;
  ShardDirectory?: ShardDirectoryResolvers<ContextType>;
  ShardEndpoint?: ShardEndpointResolvers<ContextType>;
  Statistics?: StatisticsResolvers<ContextType>;
  StatisticsCounters?: StatisticsCountersResolvers<ContextType>;
  StatisticsCoverage?: StatisticsCoverageResolvers<ContextType>;
  StatisticsRates?: StatisticsRatesResolvers<ContextType>;
  TargetCheck?: TargetCheckResolvers<ContextType>;
  YearOverYear?: YearOverYearResolvers<ContextType>;
  YearSnapshot?: YearSnapshotResolvers<ContextType>;
}>;

