/**
 * The data source of the province subgraph: the caller's operation, signed on their behalf,
 * through the same ShardClient as the shard calls. A directory mutation (registerArchive,
 * updateArchive, retireArchive) that passes through is followed by a directory refresh before
 * its answer goes back, so the client's next query is routed by the new shard set.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../protocol/errors.js';
import { ANONYMOUS } from '../protocol/identity.js';
import { ShardUnreachableError, type ShardClient } from '../protocol/shard-client.js';
import type { ShardDirectory } from './shard-directory.js';
import type { GatewayContext } from './shard-router.js';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

export interface ProvinceSourceOptions {
  client: ShardClient;
  /** The province subgraph's GraphQL URL (LANTAI_PROVINCE_URL). */
  url: string;
  directory: ShardDirectory;
  /**
   * Timeout of a call to the province in milliseconds. Longer than a shard's: the province's
   * cross-region fields wait for its own calls to the shards.
   * @default 10000
   */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export class ProvinceSource implements GraphQLDataSource<GatewayContext> {
  constructor(readonly options: ProvinceSourceOptions) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    const identity = 'incomingRequestContext' in options ? (options.context.identity ?? ANONYMOUS) : ANONYMOUS;
    const { query = '', variables, operationName } = options.request;
    let response: GatewayResponse;
    try {
      response = await this.options.client.request(
        this.options.url,
        { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) },
        identity,
        { timeoutMs: this.options.timeoutMs ?? 10_000 },
      );
    } catch (error) {
      if (!(error instanceof ShardUnreachableError)) throw error;
      this.options.log?.(`province: ${error.message}`);
      return {
        errors: [
          {
            message: 'The province service (省级服务: directory, cross-region search, statistics, requests) did not answer; try again later.',
            extensions: { code: ErrorCode.PROVINCE_UNAVAILABLE },
          },
        ],
      };
    }
    const document = ('document' in options ? options.document : undefined) ?? parse(query);
    const isMutation = document.definitions.some(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
    );
    if (isMutation) await this.options.directory.refresh();
    return response;
  }
}
