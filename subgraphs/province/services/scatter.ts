/**
 * The province's one way of calling many shards at once (scatter-gather): every cross-region
 * service (catalogue search, statistics, snapshots) sends its per-archive requests through
 * `Scatter.gather`, so that batching the archives of one host into one call, when it comes,
 * changes this file only.
 */
import type { GraphQLFormattedError } from 'graphql';
import { badUserInput, ErrorCode } from '../../../protocol/errors.js';
import type { Identity } from '../../../protocol/identity.js';
import { ShardUnreachableError, type GraphQLRequestBody, type ShardClient } from '../../../protocol/shard-client.js';
import type { DirectoryEntryRow } from '../entities/index.js';

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
}

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

export class Scatter {
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly #client: ShardClient;
  readonly #log: (message: string) => void;

  constructor(client: ShardClient, options: ScatterOptions = {}) {
    this.#client = client;
    this.timeoutMs = options.timeoutMs ?? client.timeoutMs;
    this.concurrency = options.concurrency ?? 16;
    this.#log = options.log ?? ((message) => console.error(message));
  }

  /**
   * Sends each archive its request, signed as `identity`, and picks the answer's data (within
   * `options.timeoutMs`, the scatter's timeout by default). An
   * archive that cannot be reached, times out, or answers with an error is unavailable; a
   * BAD_USER_INPUT from a shard is the client's mistake and fails the whole call.
   */
  async gather<T>(
    archives: readonly DirectoryEntryRow[],
    identity: Identity,
    request: (archive: DirectoryEntryRow) => GraphQLRequestBody,
    pick: (data: Record<string, unknown>) => T,
    options: { timeoutMs?: number } = {},
  ): Promise<ShardOutcome<T>[]> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return mapWithLimit(archives, this.concurrency, async (archive): Promise<ShardOutcome<T>> => {
      let body;
      try {
        body = await this.#client.request(archive.endpoint, request(archive), identity, { timeoutMs });
      } catch (error) {
        if (!(error instanceof ShardUnreachableError)) throw error;
        this.#log(`province: archive ${archive.id}: ${error.reason}`);
        return { archive, ok: false, reason: error.reason === 'timeout' ? 'did not answer in time' : 'did not answer' };
      }
      const userError = body.errors?.find((error: GraphQLFormattedError) => error.extensions?.code === ErrorCode.BAD_USER_INPUT);
      if (userError) throw badUserInput(userError.message);
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
    });
  }
}
