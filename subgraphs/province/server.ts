/**
 * Builds the province subgraph: the Apollo server over schema/province.graphql and the
 * node:http server around it, without listening (index.ts listens; tests bind port 0).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { formatClientError } from '../../protocol/errors.js';
import { graphqlHttpHandler, sendJson } from '../../protocol/http.js';
import { verifyIdentity } from '../../protocol/identity.js';
import { createProvinceContext, type ProvinceContext } from './context.js';
import type { ProvinceOrm } from './database.js';
import { provinceResolvers } from './resolvers/index.js';
import { RegionTree } from './services/regions.js';

export const PROVINCE_SCHEMA_FILE = new URL('../../schema/province.graphql', import.meta.url);

export interface ProvinceServerOptions {
  /** The opened (migrated) province database. */
  orm: ProvinceOrm;
  /** Secret that signs identity headers (LANTAI_SUBGRAPH_SECRET). */
  secret: string;
  /**
   * Largest request body accepted, in bytes.
   * @default 1048576
   */
  maxBodyBytes?: number;
  /** Where errors that reach no client are logged. */
  log?: (error: unknown) => void;
}

export interface ProvinceServer {
  /** The node:http server: GraphQL at /graphql, liveness at /health. Not listening yet. */
  http: Server;
  apollo: ApolloServer<ProvinceContext>;
  regions: RegionTree;
  /** Stops the Apollo server; close `http` first when it listens. The ORM stays open. */
  stop(): Promise<void>;
}

/**
 * Refuses a request whose identity headers are missing, tampered with or stale: a 401 for
 * every field, `_service` and `_entities` included, since only the gateway and Lantai's own
 * services may call a subgraph.
 */
function signedIdentity(request: IncomingMessage, secret: string) {
  try {
    return verifyIdentity(request.headers, secret);
  } catch (error) {
    const cause = error as GraphQLError;
    throw new GraphQLError(cause.message, {
      extensions: { ...cause.extensions, code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}

export async function buildProvinceServer(options: ProvinceServerOptions): Promise<ProvinceServer> {
  const { orm, secret } = options;
  if (!secret) throw new Error('The province subgraph needs the identity signing secret (LANTAI_SUBGRAPH_SECRET).');
  const regions = await RegionTree.load(orm.em.fork());
  const typeDefs = parse(readFileSync(PROVINCE_SCHEMA_FILE, 'utf8'));
  const apollo = new ApolloServer<ProvinceContext>({
    schema: buildSubgraphSchema([{ typeDefs, resolvers: provinceResolvers as GraphQLResolverMap<ProvinceContext> }]),
    formatError: (formatted, error) => formatClientError(formatted, error, options.log),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const graphql = graphqlHttpHandler<ProvinceContext>({
    server: apollo,
    maxBodyBytes: options.maxBodyBytes,
    context: async (request) => createProvinceContext(orm, regions, signedIdentity(request, secret)),
  });
  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/graphql') {
      graphql(request, response).catch((error: unknown) => {
        (options.log ?? console.error)(error);
        if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        else response.destroy();
      });
      return;
    }
    if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
      sendJson(response, 200, { status: 'ok', service: 'province' });
      return;
    }
    sendJson(response, 404, { errors: [{ message: `Nothing at ${path}; GraphQL is at /graphql.`, extensions: { code: 'NOT_FOUND' } }] });
  });

  return { http, apollo, regions, stop: () => apollo.stop() };
}
