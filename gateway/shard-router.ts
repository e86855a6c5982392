/**
 * The data source of the subgraph `archive`, which at run time is a shard set: one endpoint per
 * archive, from the province directory. Apollo's query planner sends it one fetch as if
 * `archive` were a single service; this router splits that fetch by archive code (the text
 * before the first colon of an id, protocol/ids.ts routingKeyOf), sends each shard its part
 * through the one ShardClient, and puts the answers back where the planner expects them.
 *
 * - `_entities` fetches: the representations are split by the archive code of their id; the
 *   archives of one archive host go out as one call to its batch endpoint
 *   (protocol/host-batch.ts), so a page of hits from twenty archives on two hosts is two
 *   exchanges; the answers go back in the original order and error paths `[_entities, i, …]`
 *   are renumbered.
 * - Root-field fetches: every root field is routed by its routing argument (the first argument
 *   of type ID!, read from the supergraph); fields for the same endpoint go out as one
 *   sub-operation with only the variables and fragments it uses.
 * - An archive that is not in the directory gives null and NOT_FOUND at once; a shard that fails,
 *   times out or has an open circuit gives null and ARCHIVE_UNAVAILABLE naming the archive. The
 *   rest of the answer stands.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type FieldNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import { ErrorCode } from '../protocol/errors.js';
import { routingKeyOf } from '../protocol/ids.js';
import { ANONYMOUS, type Identity } from '../protocol/identity.js';
import { DEFAULT_SHARD_TIMEOUT_MS, ShardUnreachableError, type GraphQLResponseBody, type ShardClient } from '../protocol/shard-client.js';
import type { CircuitBreakers } from '../protocol/circuit-breaker.js';
import { HostBatchCalls } from '../protocol/host-batch.js';
import { FetchShapes, type FetchShape } from './fetch-shapes.js';
import type { ShardCallMetrics } from './shard-metrics.js';
import type { ShardDirectory } from './shard-directory.js';

/** What the gateway's context carries for its data sources. */
export interface GatewayContext {
  identity: Identity;
}

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type Path = (string | number)[];

/** For each root type (`query`, `mutation`), the routing argument of each of its fields. */
export interface RootFieldRouting {
  query: Map<string, string>;
  mutation: Map<string, string>;
}

/** Reads from the supergraph SDL which argument routes each root field: its first `ID!` argument. */
export function rootFieldRouting(supergraphSdl: string): RootFieldRouting {
  const document = parse(supergraphSdl);
  const rootTypeNames = { query: 'Query', mutation: 'Mutation' };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION) continue;
    for (const { operation, type } of definition.operationTypes) {
      if (operation === 'query' || operation === 'mutation') rootTypeNames[operation] = type.name.value;
    }
  }
  const routing: RootFieldRouting = { query: new Map(), mutation: new Map() };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const operation of ['query', 'mutation'] as const) {
      if (definition.name.value !== rootTypeNames[operation]) continue;
      for (const field of definition.fields ?? []) {
        const argument = field.arguments?.find(
          (arg) => arg.type.kind === Kind.NON_NULL_TYPE && arg.type.type.kind === Kind.NAMED_TYPE && arg.type.type.name.value === 'ID',
        );
        if (argument) routing[operation].set(field.name.value, argument.name.value);
      }
    }
  }
  return routing;
}

export interface ShardRouterOptions {
  directory: ShardDirectory;
  client: ShardClient;
  breakers: CircuitBreakers;
  routing: RootFieldRouting;
  /** Where each shard call's duration and failure are counted. */
  metrics?: ShardCallMetrics;
  /**
   * Per-shard timeout in milliseconds (LANTAI_SHARD_TIMEOUT_MS).
   * @default DEFAULT_SHARD_TIMEOUT_MS (2000)
   */
  timeoutMs?: number;
  log?: (message: string) => void;
}

/** A root field with its index among the fetch's root fields and the archive it routes to. */
type RoutedField = { field: FieldNode; index: number; archive: string };

type ShardAnswer = { ok: true; response: GraphQLResponseBody } | { ok: false; reason: string };

function formattedError(message: string, code: string, path: Path | undefined, extensions: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, ...(path ? { path } : {}), extensions: { ...extensions, code } };
}

function notInDirectory(directory: ShardDirectory, archive: string, path: Path): GraphQLFormattedError {
  if (!directory.loaded) {
    return unavailable(archive, 'cannot be routed yet: the province directory (档案馆名录) has not answered the gateway', path);
  }
  return formattedError(`Archive ${archive} is not in the province directory (档案馆名录).`, ErrorCode.NOT_FOUND, path, { archive });
}

function unavailable(archive: string, reason: string, path: Path | undefined): GraphQLFormattedError {
  return formattedError(`Archive ${archive} ${reason}.`, ErrorCode.ARCHIVE_UNAVAILABLE, path, { archive });
}

/** An archive's own error saying it did not answer within its host's batch deadline. */
function isUnavailable(error: GraphQLFormattedError): boolean {
  return error.extensions?.code === ErrorCode.ARCHIVE_UNAVAILABLE && !error.path;
}

function responseNameOf(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.STRING:
    case Kind.INT:
      return node.value;
    default:
      return undefined;
  }
}

export class ShardRouter implements GraphQLDataSource<GatewayContext> {
  readonly #options: ShardRouterOptions;
  readonly #timeoutMs: number;
  readonly #shapes = new FetchShapes();
  readonly #hosts: HostBatchCalls;

  constructor(options: ShardRouterOptions) {
    this.#options = options;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_SHARD_TIMEOUT_MS;
    this.#hosts = new HostBatchCalls(options.client);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    if (!('incomingRequestContext' in options)) {
      return { errors: [{ message: 'The archive shard set only answers client operations.' }] };
    }
    const identity = options.context.identity ?? ANONYMOUS;
    const { request } = options;
    const shape = this.#shapes.of(request.query, options.document, request.operationName);
    const variables = request.variables ?? {};
    if (Array.isArray(variables.representations) && shape.isEntities) {
      return this.#entities(shape.query, request.operationName, variables, variables.representations, identity);
    }
    return this.#rootFields(shape, variables, identity);
  }

  /** Looks up the endpoints of archive codes, refreshing the directory once if one is unknown. */
  async #endpoints(archives: Iterable<string>): Promise<Map<string, string | undefined>> {
    const { directory } = this.#options;
    const wanted = [...new Set(archives)];
    if (wanted.some((archive) => directory.endpointOf(archive) === undefined)) {
      await directory.refreshForUnknownArchive();
    }
    return new Map(wanted.map((archive) => [archive, directory.endpointOf(archive)]));
  }

  /**
   * Sends one call through the breaker of its host: refused at once while the breaker is open,
   * counted as the host's success or failure otherwise. `observe` records the call's failure
   * in the metrics; the caller records its success.
   */
  async #guarded<T>(
    breakerKey: string,
    probeEndpoint: string,
    observe: (failure: string) => void,
    send: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
    const breaker = this.#options.breakers.for(breakerKey);
    if (!breaker.tryAcquire(probeEndpoint)) {
      observe('breaker_open');
      return { ok: false, reason: 'is unavailable after repeated failures (档案馆暂时无法访问); retry later' };
    }
    try {
      const value = await send();
      breaker.recordSuccess();
      return { ok: true, value };
    } catch (error) {
      breaker.recordFailure();
      observe(error instanceof ShardUnreachableError ? error.reason : 'error');
      this.#options.log?.(`shard: ${(error as Error).message}`);
      if (error instanceof ShardUnreachableError && error.reason === 'timeout') {
        return { ok: false, reason: `did not answer within ${this.#timeoutMs} ms (档案馆暂时无法访问)` };
      }
      return { ok: false, reason: 'did not answer (档案馆暂时无法访问)' };
    }
  }

  async #call(
    archive: string,
    endpoint: string,
    body: { query: string; variables: Record<string, unknown>; operationName?: string },
    identity: Identity,
  ): Promise<ShardAnswer> {
    const startedAt = process.hrtime.bigint();
    const sent = await this.#guarded(
      endpoint,
      endpoint,
      (failure) => this.#options.metrics?.observe(archive, endpoint, startedAt, failure),
      () => this.#options.client.request(endpoint, body, identity, { timeoutMs: this.#timeoutMs, archive }),
    );
    if (!sent.ok) return sent;
    const response = sent.value;
    this.#options.metrics?.observe(archive, endpoint, startedAt, null);
    // A shard that refuses the gateway's signature is misconfigured, not the client's concern:
    // passing its UNAUTHENTICATED on would tell a client with a valid token to log in again.
    if (!response.data && response.errors?.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED && !e.path)) {
      this.#options.log?.(`shard ${endpoint}: refused the gateway's signed identity: ${response.errors.map((e) => e.message).join('; ')}`);
      return { ok: false, reason: 'refused the gateway’s signed request (档案馆暂时无法访问)' };
    }
    return { ok: true, response };
  }

  /**
   * One call to a host's batch endpoint for the `_entities` of several of its archives (`group`:
   * each archive's endpoint and the indexes of its representations). A host without a batch
   * endpoint has its archives called one by one.
   */
  async #batch(
    url: string,
    group: [string, number[]][],
    archiveOf: (string | null)[],
    bodyFor: (indexes: number[]) => { query: string; variables: Record<string, unknown>; operationName?: string },
    identity: Identity,
    settle: (indexes: number[], answer: ShardAnswer) => void,
    one: (endpoint: string, indexes: number[]) => Promise<void>,
  ): Promise<void> {
    const archives = group.map(([, indexes]) => archiveOf[indexes[0]!]!);
    const startedAt = process.hrtime.bigint();
    const observe = (failure: string | null) => archives.forEach((archive, i) => this.#options.metrics?.observe(archive, group[i]![0], startedAt, failure));
    // The breaker is the host's (protocol/circuit-breaker.ts); its probe asks an archive's GraphQL endpoint.
    const sent = await this.#guarded(url, group[0]![0], observe, () =>
      this.#hosts.post(
        url,
        group.map(([, indexes], i) => ({ archive: archives[i]!, ...bodyFor(indexes) })),
        identity,
        this.#timeoutMs,
      ),
    );
    if (!sent.ok) {
      for (const [, indexes] of group) settle(indexes, sent);
      return;
    }
    const bodies = sent.value;
    if (bodies === null) {
      await Promise.all(group.map(([endpoint, indexes]) => one(endpoint, indexes)));
      return;
    }
    observe(null);
    group.forEach(([, indexes], i) => settle(indexes, { ok: true, response: bodies[i]! }));
  }

  async #entities(
    query: string,
    operationName: string | undefined,
    variables: Record<string, unknown>,
    representations: unknown[],
    identity: Identity,
  ): Promise<GatewayResponse> {
    const entities: unknown[] = representations.map(() => null);
    const errors: GraphQLFormattedError[] = [];
    const archiveOf = representations.map((rep) => {
      const id = (rep as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? routingKeyOf(id) : null;
    });
    const endpoints = await this.#endpoints(archiveOf.filter((a): a is string => a !== null));

    // Indexes of the representations per endpoint, in their original order.
    const parts = new Map<string, number[]>();
    const reported = new Set<string>();
    representations.forEach((_, index) => {
      const archive = archiveOf[index] ?? null;
      const endpoint = archive === null ? undefined : endpoints.get(archive);
      if (archive === null || endpoint === undefined) {
        const label = archive ?? String((representations[index] as { id?: unknown } | null)?.id);
        if (!reported.has(label)) {
          reported.add(label);
          errors.push(notInDirectory(this.#options.directory, label, ['_entities', index]));
        }
        return;
      }
      const part = parts.get(endpoint) ?? [];
      part.push(index);
      parts.set(endpoint, part);
    });

    // What one archive answered for the representations at `indexes`, put back in place.
    const settle = (indexes: number[], answer: ShardAnswer): void => {
      const received = answer.ok ? (answer.response.data as { _entities?: unknown } | null | undefined)?._entities : undefined;
      if (answer.ok && Array.isArray(received) && received.length === indexes.length) {
        indexes.forEach((original, j) => {
          entities[original] = received[j] ?? null;
        });
        for (const error of answer.response.errors ?? []) errors.push(renumberEntityError(error, indexes));
        return;
      }
      if (answer.ok && answer.response.errors?.length && !answer.response.errors.some(isUnavailable)) {
        for (const error of answer.response.errors) errors.push(renumberEntityError(error, indexes));
        return;
      }
      const reason = !answer.ok ? answer.reason : answer.response.errors?.length ? 'did not answer in time (档案馆暂时无法访问)' : 'answered without the entities asked for';
      const seen = new Set<string>();
      for (const index of indexes) {
        const archive = archiveOf[index]!;
        if (seen.has(archive)) continue;
        seen.add(archive);
        errors.push(unavailable(archive, reason, ['_entities', index]));
      }
    };
    const bodyFor = (indexes: number[]) => ({
      query,
      variables: { ...variables, representations: indexes.map((i) => representations[i]) },
      ...(operationName ? { operationName } : {}),
    });
    const one = async (endpoint: string, indexes: number[]): Promise<void> => {
      settle(indexes, await this.#call(archiveOf[indexes[0]!]!, endpoint, bodyFor(indexes), identity));
    };

    // The archives of one archive host go in one call to its batch endpoint: a page of hits
    // from twenty archives on two hosts is two HTTP exchanges, not twenty.
    const byHost = new Map<string, [string, number[]][]>();
    const calls: Promise<void>[] = [];
    for (const [endpoint, indexes] of parts) {
      const url = this.#hosts.endpointOf({ id: archiveOf[indexes[0]!]!, endpoint });
      if (url === null) calls.push(one(endpoint, indexes));
      else byHost.set(url, [...(byHost.get(url) ?? []), [endpoint, indexes]]);
    }
    for (const [url, group] of byHost) {
      if (group.length === 1) calls.push(one(...group[0]!));
      else calls.push(this.#batch(url, group, archiveOf, bodyFor, identity, settle, one));
    }
    await Promise.all(calls);
    return { data: { _entities: entities }, ...(errors.length ? { errors } : {}) };
  }

  async #rootFields(shape: FetchShape, variables: Record<string, unknown>, identity: Identity): Promise<GatewayResponse> {
    const { operation, fields } = shape;
    const data: Record<string, unknown> = {};
    const errors: GraphQLFormattedError[] = [];
    const routing = operation.operation === 'mutation' ? this.#options.routing.mutation : this.#options.routing.query;

    const routed: RoutedField[] = [];
    for (const [index, field] of fields.entries()) {
      const name = responseNameOf(field);
      data[name] = null;
      if (field.name.value === '__typename') {
        data[name] = operation.operation === 'mutation' ? 'Mutation' : 'Query';
        continue;
      }
      const argumentName = routing.get(field.name.value);
      const argument = argumentName ? field.arguments?.find((arg) => arg.name.value === argumentName) : undefined;
      const value = argument ? valueOf(argument.value, variables) : undefined;
      const archive = typeof value === 'string' ? routingKeyOf(value) : null;
      if (archive === null) {
        errors.push(
          formattedError(
            `${field.name.value}: expected an archive code or an entity id (e.g. 360100 or 360100:Record:42) to route by.`,
            ErrorCode.BAD_USER_INPUT,
            [name],
          ),
        );
        continue;
      }
      routed.push({ field, index, archive });
    }

    const endpoints = await this.#endpoints(routed.map((r) => r.archive));
    // Consecutive fields for the same endpoint form one group. A query sends its groups in
    // parallel after merging those of the same endpoint; a mutation runs them in the order
    // asked, one after the other, as GraphQL requires of mutation fields.
    const groups: { endpoint: string; fields: RoutedField[] }[] = [];
    for (const entry of routed) {
      const endpoint = endpoints.get(entry.archive);
      if (endpoint === undefined) {
        errors.push(notInDirectory(this.#options.directory, entry.archive, [responseNameOf(entry.field)]));
        continue;
      }
      const last = groups.at(-1);
      const group =
        operation.operation === 'mutation' ? (last?.endpoint === endpoint ? last : undefined) : groups.find((g) => g.endpoint === endpoint);
      if (group) group.fields.push(entry);
      else groups.push({ endpoint, fields: [entry] });
    }

    const runGroup = async (group: (typeof groups)[number]) => {
      const sub = shape.subOperation(group.fields.map((f) => f.index));
      const subVariables: Record<string, unknown> = {};
      for (const name of Object.keys(variables)) if (sub.variables.has(name)) subVariables[name] = variables[name];
      const answer = await this.#call(
        group.fields[0]!.archive,
        group.endpoint,
        { query: sub.query, variables: subVariables, ...(operation.name ? { operationName: operation.name.value } : {}) },
        identity,
      );
      if (answer.ok) {
        const received = (answer.response.data ?? {}) as Record<string, unknown>;
        for (const { field } of group.fields) data[responseNameOf(field)] = received[responseNameOf(field)] ?? null;
        errors.push(...(answer.response.errors ?? []));
        return;
      }
      const seen = new Set<string>();
      for (const { field, archive } of group.fields) {
        if (seen.has(archive)) continue;
        seen.add(archive);
        errors.push(unavailable(archive, answer.reason, [responseNameOf(field)]));
      }
    };

    if (operation.operation === 'mutation') {
      for (const group of groups) await runGroup(group);
    } else {
      await Promise.all(groups.map(runGroup));
    }
    return { data, ...(errors.length ? { errors } : {}) };
  }
}

/** Renumbers `[_entities, j, …]` in a shard's error to the representation's original index. */
function renumberEntityError(error: GraphQLFormattedError, indexes: number[]): GraphQLFormattedError {
  const path = error.path;
  if (!path || path[0] !== '_entities' || typeof path[1] !== 'number') return error;
  const original = indexes[path[1]];
  if (original === undefined) return error;
  return { ...error, path: ['_entities', original, ...path.slice(2)] };
}
