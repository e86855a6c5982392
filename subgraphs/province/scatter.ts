/**
 * The province's one way of calling many shards at once (scatter-gather): every cross-region
 * service (catalogue search, statistics, snapshots) sends its per-archive requests through
 * `Scatter.gather`. Archives served by one archive host (endpoints
 * `<origin>/archives/<code>/graphql` of one origin) get one call between them, to the host's
 * `/archives/batch` (subgraphs/archive/batch.ts): a province-wide search on two hosts is two
 * HTTP exchanges instead of 112. An archive that runs its own subgraph elsewhere, or a host
 * that does not take batches (404), is called archive by archive as before.
 *
 * Every call goes through the circuit breaker of its host (protocol/circuit-breaker.ts), the
 * gateway's kind: a host that stops answering (hung, not refusing) is cut off after a few
 * failed calls, whichever of its archives they were for, and its archives are unavailable at
 * once instead of each scatter waiting out the timeout; the breaker's probe lets calls through
 * again as soon as the host answers.
 */
import type { GraphQLFormattedError } from 'graphql';
import { badUserInput, ErrorCode } from '../../protocol/errors.js';
import { callThrough, CUT_OFF, type CircuitBreakers } from '../../protocol/circuit-breaker.js';
import type { Identity } from '../../protocol/identity.js';
import { ShardUnreachableError, type GraphQLRequestBody, type GraphQLResponseBody, type ShardClient } from '../../protocol/shard-client.js';
import { HostBatchCalls } from '../../protocol/host-batch.js';
import type { DirectoryEntryRow } from './entities/index.js';

export interface ScatterOptions {
  /**
   * Timeout of one shard call in milliseconds (LANTAI_SHARD_TIMEOUT_MS).
   * @default the shard client's timeout
   */
  timeoutMs?: number;
  /**
   * Shard calls in flight at once, whatever the number of archives.
   * @default 16
   */
  concurrency?: number;
  /** Where shard failures are logged (never shown to clients). */
  log?: (message: string) => void;
  /**
   * The circuit breaker of each archive host: while a host's is open, its archives are
   * unavailable without a call.
   * @default none: every call goes out
   */
  breakers?: CircuitBreakers;
}

/** Why an archive of a host whose breaker is open is unavailable. */
export const HOST_CUT_OFF = 'is cut off after repeated failures of its host (档案馆暂时无法访问); retry later';

/** What one archive answered: its data, or why it is unavailable. */
export type ShardOutcome<T> =
  | { archive: DirectoryEntryRow; ok: true; data: T }
  | { archive: DirectoryEntryRow; ok: false; reason: string };

/** Runs `task` over `items` with at most `limit` in flight; results in the order of `items`. */
export async function mapWithLimit<I, O>(items: readonly I[], limit: number, task: (item: I) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Shard calls in flight at once for one scatter when LANTAI_SHARD_CONCURRENCY is unset. */
export const DEFAULT_SHARD_CONCURRENCY = 16;

export class Scatter {
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly #client: ShardClient;
  readonly #log: (message: string) => void;
  readonly #breakers: CircuitBreakers | undefined;
  readonly #hosts: HostBatchCalls;

  constructor(client: ShardClient, options: ScatterOptions = {}) {
    this.#client = client;
    this.timeoutMs = options.timeoutMs ?? client.timeoutMs;
    this.concurrency = options.concurrency ?? DEFAULT_SHARD_CONCURRENCY;
    this.#log = options.log ?? ((message) => console.error(message));
    this.#breakers = options.breakers;
    this.#hosts = new HostBatchCalls(client);
  }

  /**
   * Sends each archive its request, signed as `identity`, and picks the answer's data (within
   * `options.timeoutMs`, the scatter's timeout by default). An archive that cannot be reached,
   * times out, or answers with an error is unavailable; a BAD_USER_INPUT from a shard is the
   * client's mistake and fails the whole call. Outcomes come in the order of `archives`.
   */
  async gather<T>(
    archives: readonly DirectoryEntryRow[],
    identity: Identity,
    request: (archive: DirectoryEntryRow) => GraphQLRequestBody,
    pick: (data: Record<string, unknown>) => T,
    options: { timeoutMs?: number } = {},
  ): Promise<ShardOutcome<T>[]> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const outcomes = new Map<DirectoryEntryRow, ShardOutcome<T>>();
    const settle = (archive: DirectoryEntryRow, body: GraphQLResponseBody): void => {
      outcomes.set(archive, this.#outcome(archive, body, pick));
    };
    const unavailable = (archive: DirectoryEntryRow, error: ShardUnreachableError): void => {
      this.#log(`province: archive ${archive.id}: ${error.reason}`);
      outcomes.set(archive, { archive, ok: false, reason: error.reason === 'timeout' ? 'did not answer in time' : 'did not answer' });
    };
    const cutOff = (archive: DirectoryEntryRow): void => {
      outcomes.set(archive, { archive, ok: false, reason: HOST_CUT_OFF });
    };
    const one = async (archive: DirectoryEntryRow): Promise<void> => {
      let body: GraphQLResponseBody | typeof CUT_OFF;
      try {
        body = await callThrough(this.#breakers?.for(archive.endpoint), archive.endpoint, () =>
          this.#client.request(archive.endpoint, request(archive), identity, { timeoutMs, archive: archive.id }),
        );
      } catch (error) {
        if (!(error instanceof ShardUnreachableError)) throw error;
        unavailable(archive, error);
        return;
      }
      if (body === CUT_OFF) cutOff(archive);
      else settle(archive, body);
    };
    const batch = async (url: string, group: DirectoryEntryRow[]): Promise<void> => {
      let bodies: GraphQLResponseBody[] | null | typeof CUT_OFF;
      try {
        // The probe of an open breaker asks an archive's endpoint, which answers GraphQL; the batch endpoint does not.
        bodies = await callThrough(this.#breakers?.for(url), group[0]!.endpoint, () =>
          this.#hosts.post(
            url,
            group.map((archive) => ({ archive: archive.id, ...request(archive) })),
            identity,
            timeoutMs,
          ),
        );
      } catch (error) {
        if (!(error instanceof ShardUnreachableError)) throw error;
        for (const archive of group) unavailable(archive, error);
        return;
      }
      if (bodies === CUT_OFF) return group.forEach(cutOff);
      if (bodies === null) {
        // A host that does not take batches: each archive on its own, from now on.
        await mapWithLimit(group, this.concurrency, one);
        return;
      }
      group.forEach((archive, i) => settle(archive, bodies[i]!));
    };

    const calls: (() => Promise<void>)[] = [];
    for (const [url, group] of this.#byHost(archives)) {
      if (url === null || group.length === 1) calls.push(...group.map((archive) => () => one(archive)));
      else calls.push(() => batch(url, group));
    }
    await mapWithLimit(calls, this.concurrency, (call) => call());
    return archives.map((archive) => outcomes.get(archive)!);
  }

  /** Archives grouped by the batch endpoint of their host; null groups archives called one by one. */
  #byHost(archives: readonly DirectoryEntryRow[]): Map<string | null, DirectoryEntryRow[]> {
    const groups = new Map<string | null, DirectoryEntryRow[]>();
    for (const archive of archives) {
      const url = this.#hosts.endpointOf(archive);
      const group = groups.get(url);
      if (group) group.push(archive);
      else groups.set(url, [archive]);
    }
    return groups;
  }

  /** One archive's answer as an outcome; a BAD_USER_INPUT is the client's mistake and fails the call. */
  #outcome<T>(archive: DirectoryEntryRow, body: GraphQLResponseBody, pick: (data: Record<string, unknown>) => T): ShardOutcome<T> {
    const userError = body.errors?.find((error: GraphQLFormattedError) => error.extensions?.code === ErrorCode.BAD_USER_INPUT);
    if (userError) throw badUserInput(userError.message);
    if (body.errors?.some((error) => error.extensions?.code === ErrorCode.ARCHIVE_UNAVAILABLE)) {
      this.#log(`province: archive ${archive.id}: timeout (in its host's batch)`);
      return { archive, ok: false, reason: 'did not answer in time' };
    }
    if (body.errors?.length || !body.data) {
      this.#log(`province: archive ${archive.id} answered with errors: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      return { archive, ok: false, reason: 'answered with an error' };
    }
    try {
      return { archive, ok: true, data: pick(body.data as Record<string, unknown>) };
    } catch (error) {
      this.#log(`province: archive ${archive.id} answered unexpectedly: ${(error as Error).message}`);
      return { archive, ok: false, reason: 'answered unexpectedly' };
    }
  }
}
