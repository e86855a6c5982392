import type { GraphQLResolveInfo } from 'graphql';
import type { DirectoryEntryRow } from '../entities/index.js';
import type { RegionNode } from '../services/regions.js';
import type { ProvinceContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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

/** 档案馆 — a comprehensive archive of the network. Its id is its code (GB/T 2260). */
export type Archive = {
  __typename?: 'Archive';
  /** The archive's entry in the network directory (名录): registration and health. */
  directory: DirectoryEntry;
  /** The archive code: the 6-digit administrative-division code of the area it serves, e.g. `360100`. */
  id: Scalars['ID']['output'];
  /** Administrative level of the archive (级别). */
  level: ArchiveLevel;
  /** Name of the archive (馆名), e.g. 南昌市档案馆. */
  name: Scalars['String']['output'];
  /** The region (行政区划) the archive serves. */
  region: Region;
};

/** Administrative level of an archive (级别). */
export type ArchiveLevel =
  /** 市级 — a prefecture-level city archive. */
  | 'CITY'
  /** 县级 — a county-level archive (county, district or county-level city). */
  | 'COUNTY'
  /** 省级 — a provincial archive. */
  | 'PROVINCE';

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

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Registers (登记) an archive in the network directory, or registers again an archive that
   * was retired. Admin only (else FORBIDDEN); CONFLICT when the archive is already registered
   * and active.
   */
  registerArchive: Archive;
  /**
   * Retires (撤销) an archive: its entry stays in the directory, marked retired, and the gateway
   * stops routing to it. Admin only.
   */
  retireArchive: Archive;
  /** Changes an active archive's name or endpoint in the directory; only the fields given change. Admin only. */
  updateArchive: Archive;
};


export type MutationRegisterArchiveArgs = {
  input: RegisterArchiveInput;
};


export type MutationRetireArchiveArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateArchiveArgs = {
  id: Scalars['ID']['input'];
  input: UpdateArchiveInput;
};

export type Query = {
  __typename?: 'Query';
  /**
   * The network directory (档案馆名录): archives registered in `region` or any region below it
   * (every region when omitted), ordered by code. Retired archives are left out unless
   * `includeRetired` is true.
   */
  archives: Array<Archive>;
  /** The province itself: the root of the region tree. */
  province: Region;
  /** A region (行政区划) by its 6-digit code, e.g. `360100`; null when the province has no such region. */
  region?: Maybe<Region>;
  /** The province's regions, the province first, then each city followed by its counties; only those of `level` when given. */
  regions: Array<Region>;
  /** Internal, for the gateway: where every active archive's shard answers. */
  shardDirectory: ShardDirectory;
};


export type QueryArchivesArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  region?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<DirectoryStatus>;
};


export type QueryRegionArgs = {
  code: Scalars['ID']['input'];
};


export type QueryRegionsArgs = {
  level?: InputMaybe<RegionLevel>;
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

/** Changes to an archive's directory entry; only the fields given change. */
export type UpdateArchiveInput = {
  /** New http(s) URL of the archive's GraphQL shard. */
  endpoint?: InputMaybe<Scalars['String']['input']>;
  /** New name of the archive (馆名). */
  name?: InputMaybe<Scalars['String']['input']>;
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
  Archive: ResolverTypeWrapper<DirectoryEntryRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ArchiveLevel: ArchiveLevel;
  DirectoryEntry: ResolverTypeWrapper<DirectoryEntryRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DirectoryStatus: DirectoryStatus;
  Mutation: ResolverTypeWrapper<{}>;
  Query: ResolverTypeWrapper<{}>;
  Region: ResolverTypeWrapper<RegionNode>;
  RegionLevel: RegionLevel;
  RegisterArchiveInput: RegisterArchiveInput;
  ShardDirectory: ResolverTypeWrapper<ShardDirectory>;
  ShardEndpoint: ResolverTypeWrapper<ShardEndpoint>;
  UpdateArchiveInput: UpdateArchiveInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Archive: DirectoryEntryRow;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  DirectoryEntry: DirectoryEntryRow;
  Boolean: Scalars['Boolean']['output'];
  Mutation: {};
  Query: {};
  Region: RegionNode;
  RegisterArchiveInput: RegisterArchiveInput;
  ShardDirectory: ShardDirectory;
  ShardEndpoint: ShardEndpoint;
  UpdateArchiveInput: UpdateArchiveInput;
}>;

export type ArchiveResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Archive'] = ResolversParentTypes['Archive']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Archive']>, { __typename: 'Archive' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  directory?: Resolver<ResolversTypes['DirectoryEntry'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ArchiveLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
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
  registerArchive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType, RequireFields<MutationRegisterArchiveArgs, 'input'>>;
  retireArchive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType, RequireFields<MutationRetireArchiveArgs, 'id'>>;
  updateArchive?: Resolver<ResolversTypes['Archive'], ParentType, ContextType, RequireFields<MutationUpdateArchiveArgs, 'id' | 'input'>>;
}>;

export type QueryResolvers<ContextType = ProvinceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  archives?: Resolver<Array<ResolversTypes['Archive']>, ParentType, ContextType, RequireFields<QueryArchivesArgs, 'includeRetired'>>;
  province?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType, RequireFields<QueryRegionArgs, 'code'>>;
  regions?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType, Partial<QueryRegionsArgs>>;
  shardDirectory?: Resolver<ResolversTypes['ShardDirectory'], ParentType, ContextType>;
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

export type Resolvers<ContextType = ProvinceContext> = ResolversObject<{
  Archive?: ArchiveResolvers<ContextType>;
  DirectoryEntry?: DirectoryEntryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  ShardDirectory?: ShardDirectoryResolvers<ContextType>;
  ShardEndpoint?: ShardEndpointResolvers<ContextType>;
}>;

