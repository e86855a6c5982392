/**
 * graphql-codegen configuration: resolver types generated from each subgraph's SDL, which
 * stays the source of truth. Run `npm run codegen`; the tests check that the committed
 * output is fresh.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const resolverPlugins = ['typescript', 'typescript-resolvers'];

// The archive contract has a type called Record, which would shadow TypeScript's Record<K, V>
// that the generated resolver types use; only that one TypeScript name changes. Codegen calls
// this for each underscore-separated part of a name, as it would call pascalCase.
const typeName = (part: string) =>
  part === 'Record' ? 'ArchiveRecord' : part.charAt(0).toUpperCase() + part.slice(1);

/** Resolver types for one subgraph: its SDL, its context type and its mapped model types. */
function subgraph(schema: string, context: string, mappers: Record<string, string>) {
  return {
    schema,
    plugins: resolverPlugins,
    config: {
      federation: true,
      useIndexSignature: true,
      enumsAsTypes: true,
      useTypeImports: true,
      importExtension: '.js',
      contextType: `../context.js#${context}`,
      scalars: { ID: 'string' },
      namingConvention: { typeNames: typeName, enumValues: 'keep' },
      mappers,
    },
  };
}

/**
 * The operation documents of the project's own clients: the typed client, the provincial
 * dashboard (its folder may not exist yet; a pattern that matches nothing is fine) and the
 * query GraphiQL opens with. Every one of them gets a typed document node and enters the
 * trusted-documents manifest.
 */
export const CLIENT_OPERATIONS = ['client/operations/**/*.graphql', 'dashboard/operations/**/*.graphql', 'gateway/graphiql-example.graphql'];

/**
 * The typed client: typed document nodes for CLIENT_OPERATIONS over the public API, and
 * persisted-documents.json, the trusted-documents manifest (sha256 of each document's
 * normalised text → that text) that the gateway reads. Imports carry `.js` so that the
 * output type-checks under NodeNext (without it, tsc reports TS2835).
 */
const typedClient = {
  schema: 'schema/api.graphql',
  documents: CLIENT_OPERATIONS,
  preset: 'client' as const,
  presetConfig: {
    fragmentMasking: false,
    persistedDocuments: { hashAlgorithm: 'sha256' as const },
  },
  config: {
    onlyOperationTypes: true,
    enumsAsTypes: true,
    useTypeImports: true,
    scalars: { ID: 'string' },
  },
};

/**
 * Result and variable types of the province's calls to the shards, from its operation
 * documents (*.graphql beside each feature) checked against the archive contract: a change
 * of the contract that breaks a call fails the type check.
 */
const shardOperations = {
  schema: 'schema/archive.graphql',
  documents: 'subgraphs/province/**/*.graphql',
  plugins: ['typescript', 'typescript-operations'],
  config: {
    federation: true,
    enumsAsTypes: true,
    useTypeImports: true,
    onlyOperationTypes: true,
    avoidOptionals: { field: true, inputValue: false, object: true },
    scalars: { ID: 'string' },
    namingConvention: { typeNames: typeName, enumValues: 'keep' },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  // ESM imports with `.js`, as NodeNext requires; a root option in codegen 5 (the client
  // preset reads no per-output setting), which leaves the outputs that set importExtension as they are.
  emitLegacyCommonJSImports: false,
  generates: {
    'subgraphs/province/generated/shard-operations.ts': shardOperations,
    'subgraphs/archive/generated/resolvers-types.ts': subgraph('schema/archive.graphql', 'ArchiveContext', {
      Archive: '../entities/index.js#ArchiveRow',
      Fonds: '../entities/index.js#FondsRow',
      Record: '../entities/index.js#RecordRow',
      OpenReview: '../entities/index.js#OpenReviewRow',
      DigitalObject: '../entities/index.js#DigitalObjectRow',
      Utilization: '../entities/index.js#UtilizationRow',
      Exhibition: '../entities/index.js#ExhibitionRow',
      Compilation: '../entities/index.js#CompilationRow',
      FondsConnection: '../services/pagination.js#Page<FondsRow>',
      RecordConnection: '../services/pagination.js#Page<RecordRow>',
      ExhibitionConnection: '../services/pagination.js#Page<ExhibitionRow>',
      CompilationConnection: '../services/pagination.js#Page<CompilationRow>',
      UtilizationConnection: '../services/pagination.js#Page<UtilizationRow>',
      AuditEntry: '../entities/index.js#AuditEntryRow',
      AuditEntryConnection: '../services/pagination.js#Page<AuditEntryRow>',
    }),
    'subgraphs/province/generated/resolvers-types.ts': subgraph('schema/province.graphql', 'ProvinceContext', {
      Archive: '../entities/index.js#DirectoryEntryRow',
      DirectoryEntry: '../entities/index.js#DirectoryEntryRow',
      Region: '../directory/regions.js#RegionNode',
      Statistics: '../statistics/statistics.js#RegionFigures',
      AccessRequest: '../access-requests/access-requests.js#AccessRequestView',
      AccessRequestConnection: '../access-requests/access-requests.js#AccessRequestPage',
      AccessRequestTransition: '../entities/index.js#AccessRequestTransitionRow',
      AccessRequestFulfilment: '../entities/index.js#Fulfilment',
      DeliveredCopy: '../entities/index.js#DeliveredCopyRow',
      AccessGrant: '../entities/index.js#AccessGrantRow',
      AccessRequestCounts: '../statistics/request-counts.js#RegionRequestCounts',
    }),
    'client/generated/': typedClient,
  },
};

export default config;
