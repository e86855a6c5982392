/**
 * Builds the archive host: one Apollo server over schema/archive.graphql, serving every
 * archive the process hosts at /archives/<code>/graphql, and the node:http server around it,
 * without listening (index.ts listens; tests bind port 0).
 *
 * The schema is built once; each request gets its archive's code and schema, a fork of the
 * ORM of that archive's database bound to the schema, fresh loaders, and the caller's
 * verified identity.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse } from 'graphql';
import { formatClientError } from '../../protocol/errors.js';
import { graphqlHttpHandler, sendJson } from '../../protocol/http.js';
import { createHttpShell } from '../../protocol/http-shell.js';
import { isArchiveCode } from '../../protocol/ids.js';
import { describeForLog } from '../../protocol/redaction.js';
import { verifyIdentity, type Identity } from '../../protocol/identity.js';
import { auditPlugin, auditingRecordReads } from './audit-plugin.js';
import { batchHandler, notHostedError } from './batch.js';
import { catalogueVersionsHandler, VERSIONS_PATH } from './catalogue-versions.js';
import type { ArchiveContext } from './context.js';
import { archiveSchemaName } from './database.js';
import { CATALOGUE_IMPORT_PATH, handleCatalogueUpload, ImportSlots } from './catalogue-import/upload.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { AuditTrail } from './services/audit-log.js';
import { archiveDatabaseDown, nameUnavailableArchive, retryReadsOnLostConnection } from '../../protocol/database-faults.js';
import { databasePoolGauge, databasesAnswer } from '../../protocol/database-health.js';
import { checkEntityRepresentations } from '../../protocol/entity-representations.js';
import type { RequestLog } from '../../protocol/logging.js';
import { ServiceMetrics } from '../../protocol/metrics.js';
import { ATTR_LANTAI_ARCHIVE, operationSpanPlugin, traceStatements } from '../../protocol/tracing.js';
import { serveExport } from './export/http.js';
import { serveOai, type OaiTarget } from './oai/http.js';
import { OaiProvider } from './oai/provider.js';
import { ResumptionTokens } from './oai/resumption-token.js';
import { table } from './services/record-query.js';

export const ARCHIVE_SCHEMA_FILE = new URL('../../schema/archive.graphql', import.meta.url);

export interface HostedArchive {
  /** The archive code, e.g. `360100`. */
  code: string;
  /** The ORM of the database holding the archive's schema; archives of one database share it. */
  orm: MikroORM;
  /** That database's URL; catalogue uploads (目录上传导入) are taken only when it is given. */
  databaseUrl?: string;
}

export interface ArchiveHostOptions {
  archives: HostedArchive[];
  /** Secret that signs identity headers (LANTAI_SUBGRAPH_SECRET). */
  subgraphSecret: string;
  /**
   * Largest request body accepted, in bytes.
   * @default 1048576
   */
  maxBodyBytes?: number;
  /** Where errors that reach no client are logged. */
  log?: (error: unknown) => void;
  /**
   * Largest catalogue file an archivist may upload for import, in bytes.
   * @default 268435456 (256 MiB)
   */
  maxUploadBytes?: number;
  /**
   * Catalogue imports uploaded to the host that run at once (LANTAI_IMPORT_CONCURRENCY); one
   * more is refused with 429 and Retry-After (catalogue-import/upload.ts, ImportSlots).
   * @default DEFAULT_IMPORT_CONCURRENCY (2)
   */
  importConcurrency?: number;
  /**
   * Whether /metrics is served on the host's own port; false when LANTAI_METRICS_PORT gives
   * it a port of its own.
   * @default true
   */
  metricsOnServicePort?: boolean;
  /** Where each request's log line goes (protocol/logging.ts); none when omitted. */
  requestLog?: RequestLog;
  /** The OAI-PMH provider at /archives/<code>/oai. */
  oai?: {
    /**
     * Items per page of a list (LANTAI_OAI_PAGE_SIZE).
     * @default 500
     */
    pageSize?: number;
    /**
     * The address Identify names (LANTAI_OAI_ADMIN_EMAIL).
     * @default archive-<code>@lantai.invalid
     */
    adminEmail?: string;
  };
}

export interface ArchiveHost {
  /** GraphQL at /archives/<code>/graphql, liveness at /health. Not listening yet. */
  http: Server;
  apollo: ApolloServer<ArchiveContext>;
  /** The codes hosted, in the order given. */
  codes: string[];
  metrics: ServiceMetrics;
  /** Stops the Apollo server; close `http` first when it listens. The ORMs stay open. */
  stop(): Promise<void>;
}

const ARCHIVE_PATH = /^\/archives\/([^/]+)\/graphql\/?$/;
const OAI_PATH = /^\/archives\/([^/]+)\/oai(\/.*)?$/;
const EXPORT_PATH = /^\/archives\/([^/]+)\/export\/?$/;
/** One call for many of this host's archives (batch.ts). */
export const BATCH_PATH = '/archives/batch';

export function archiveTypeDefs() {
  return parse(readFileSync(ARCHIVE_SCHEMA_FILE, 'utf8'));
}

export async function buildArchiveHost(options: ArchiveHostOptions): Promise<ArchiveHost> {
  if (!options.subgraphSecret) throw new Error('The archive host needs the identity signing secret (LANTAI_SUBGRAPH_SECRET).');
  const hosted = new Map<string, { orm: MikroORM; schema: string; databaseUrl?: string }>();
  for (const archive of options.archives) {
    if (!isArchiveCode(archive.code)) throw new Error(`Not an archive code: ${JSON.stringify(archive.code)}.`);
    if (hosted.has(archive.code)) throw new Error(`Archive ${archive.code} is listed twice.`);
    hosted.set(archive.code, { orm: archive.orm, schema: archiveSchemaName(archive.code), databaseUrl: archive.databaseUrl });
    retryReadsOnLostConnection(archive.orm);
    traceStatements(archive.orm);
  }

  const typeDefs = archiveTypeDefs();
  const metrics = new ServiceMetrics('archive');
  const orms = [...hosted.values()].map(({ orm }) => orm);
  databasePoolGauge(metrics, orms);
  const apollo = new ApolloServer<ArchiveContext>({
    schema: checkEntityRepresentations(
      buildSubgraphSchema([{ typeDefs, resolvers: auditingRecordReads(resolvers, typeDefs) as GraphQLResolverMap<ArchiveContext> }]),
    ),
    formatError: (formatted, error) => formatClientError(formatted, error, options.log, archiveDatabaseDown),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's cache-control plugin, on by default, hooks the resolution of every field of
      // every answer to work out an HTTP cache policy that is always no-store here (protocol/http.ts).
      ApolloServerPluginCacheControlDisabled(),
      auditPlugin(options.log ?? ((e: unknown) => console.error(describeForLog(e)))),
      nameUnavailableArchive<ArchiveContext>(),
      metrics.graphqlPlugin<ArchiveContext>(),
      operationSpanPlugin<ArchiveContext>(),
      ...(options.requestLog ? [options.requestLog.plugin<ArchiveContext>((context) => context.viewer)] : []),
    ],
  });
  await apollo.start();

  const contextFor = (code: string, viewer: Identity): ArchiveContext | null => {
    const archive = hosted.get(code);
    if (!archive) return null;
    const em = archive.orm.em.fork({ schema: archive.schema });
    return { archive: code, schema: archive.schema, em, viewer, loaders: createLoaders(em, code, archive.schema, viewer), audit: new AuditTrail(viewer, archive.schema) };
  };
  const handlers = new Map(
    [...hosted.keys()].map((code) => [
      code,
      graphqlHttpHandler<ArchiveContext>({
        server: apollo,
        maxBodyBytes: options.maxBodyBytes,
        spanAttributes: { [ATTR_LANTAI_ARCHIVE]: code },
        context: async (request) => contextFor(code, verifyIdentity(request.headers, options.subgraphSecret))!,
      }),
    ]),
  );
  const batch = batchHandler({ apollo, secret: options.subgraphSecret, maxBodyBytes: options.maxBodyBytes, contextFor });
  const log = options.log ?? ((e: unknown) => console.error(describeForLog(e)));
  const imports = new ImportSlots(options.importConcurrency);
  const tokens = new ResumptionTokens(options.subgraphSecret);
  const oaiProviders = new Map(
    [...hosted.keys()].map((code) => [
      code,
      new OaiProvider({ tokens, pageSize: options.oai?.pageSize, adminEmail: options.oai?.adminEmail ?? `archive-${code}@lantai.invalid` }),
    ]),
  );
  const archiveTarget = (code: string): OaiTarget => {
    const archive = hosted.get(code)!;
    const scope = { archive: code, schema: archive.schema, em: archive.orm.em.fork({ schema: archive.schema }) };
    return {
      scope,
      describe: async () => {
        const [row] = await scope.em.getConnection().execute<{ name: string }[]>(`select name from ${table(scope, 'archive')} where code = ?`, [code]);
        return { code, name: row?.name ?? `档案馆 ${code}` };
      },
    };
  };

  const http = createHttpShell({
    routes: [
      {
        path: ARCHIVE_PATH,
        label: '/archives/:code/graphql',
        handle: (request, response, match) => {
          const handler = handlers.get(match![1]!);
          if (!handler) return sendJson(response, 404, { errors: [notHostedError(match![1]!)] });
          return handler(request, response);
        },
      },
      {
        path: CATALOGUE_IMPORT_PATH,
        methods: ['POST'],
        handle: (request, response, match) => {
          const to = hosted.get(match![1]!);
          if (!to?.databaseUrl) return sendJson(response, 404, { errors: [notHostedError(match![1]!)] });
          return handleCatalogueUpload(request, response, match![1]!, to.databaseUrl, { secret: options.subgraphSecret, maxUploadBytes: options.maxUploadBytes, imports, log });
        },
      },
      {
        path: OAI_PATH,
        label: '/archives/:code/oai',
        handle: (request, response, match) => {
          const provider = oaiProviders.get(match![1]!);
          if (!provider) return sendJson(response, 404, { errors: [notHostedError(match![1]!)] });
          const base = `/archives/${match![1]}/oai`;
          return serveOai(request, response, base, match![2] ?? '', archiveTarget(match![1]!), { provider, subgraphSecret: options.subgraphSecret });
        },
      },
      {
        path: EXPORT_PATH,
        label: '/archives/:code/export',
        handle: (request, response, match) => {
          const code = match![1]!;
          if (!hosted.has(code)) return sendJson(response, 404, { errors: [notHostedError(code)] });
          const target = archiveTarget(code);
          return serveExport(request, response, (viewer) => ({ ...target.scope, viewer }), target.describe, options.subgraphSecret);
        },
      },
      { path: BATCH_PATH, handle: batch },
      { path: VERSIONS_PATH, handle: catalogueVersionsHandler({ secret: options.subgraphSecret, maxBodyBytes: options.maxBodyBytes, hosted: (code) => hosted.get(code) }) },
    ],
    health: () => ({ service: 'archive', archives: [...hosted.keys()] }),
    whereGraphQLIs: 'GraphQL is at /archives/<code>/graphql.',
    log,
    observation: {
      metrics,
      requestLog: options.requestLog,
      metricsOnServicePort: options.metricsOnServicePort,
      async readiness() {
        const database = await databasesAnswer(orms);
        return { ready: database, checks: { database, archives: [...hosted.keys()] } };
      },
    },
  });

  return { http, apollo, codes: [...hosted.keys()], metrics, stop: () => apollo.stop() };
}
