/**
 * Health probing of the directory's shards (DirectoryStatus): every interval, each active
 * archive is asked for its contract version through the one shard client, all in parallel
 * within the shard timeout. An answer makes the entry UP, with lastSeenAt and the version it
 * reported; no answer, an error or a shard that does not host the archive makes it DOWN. An
 * entry stays UNKNOWN until its first probe.
 */
import { ShardUnreachableError, type ShardClient } from '../../../protocol/shard-client.js';
import type { Identity } from '../../../protocol/identity.js';
import { DirectoryEntryEntity, type DirectoryStatus } from '../entities/index.js';
import type { ProvinceOrm } from '../database.js';

/** Who the province is when it probes: a service, not a person. */
export const PROBE_IDENTITY: Identity = Object.freeze({ role: 'admin', sub: 'lantai-province' });

export const DEFAULT_PROBE_INTERVAL_MS = 15_000;

const CONTRACT_VERSION_MAX = 64;

const PROBE_QUERY = 'query DirectoryProbe($id: ID!) { archive(id: $id) { contractVersion } }';

export interface ProbeOptions {
  /**
   * Time between the end of one round and the start of the next (LANTAI_PROBE_INTERVAL_MS).
   * @default 15000
   */
  intervalMs?: number;
  /** Per-probe timeout; the shard client's timeout when omitted. */
  timeoutMs?: number;
  /** Where a failed round is reported. */
  log?: (message: string, error?: unknown) => void;
}

export interface ProbeResult {
  archive: string;
  status: Exclude<DirectoryStatus, 'UNKNOWN'>;
  contractVersion?: string;
  /** Why a probe failed, for the log; never shown to clients. */
  reason?: string;
}

export class DirectoryProbe {
  readonly intervalMs: number;
  readonly #orm: ProvinceOrm;
  readonly #client: ShardClient;
  readonly #timeoutMs: number | undefined;
  readonly #log: (message: string, error?: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<unknown> | undefined;
  #stopped = true;

  constructor(orm: ProvinceOrm, client: ShardClient, options: ProbeOptions = {}) {
    this.#orm = orm;
    this.#client = client;
    this.intervalMs = options.intervalMs ?? DEFAULT_PROBE_INTERVAL_MS;
    this.#timeoutMs = options.timeoutMs;
    this.#log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  }

  /** Probes every active archive once, records the results, and returns them by code. */
  async probeAll(now: () => Date = () => new Date()): Promise<ProbeResult[]> {
    const em = this.#orm.em.fork();
    const entries = await em.find(DirectoryEntryEntity, { retiredAt: null }, { orderBy: { id: 'asc' } });
    return Promise.all(
      entries.map(async (entry) => {
        const result = await this.probe(entry.id, entry.endpoint);
        // Matching the endpoint probed keeps a result from landing on an entry whose endpoint
        // was changed (or which was retired) while the probe was in flight.
        const where = { id: entry.id, endpoint: entry.endpoint, retiredAt: null };
        if (result.status === 'UP') {
          await em.fork().nativeUpdate(DirectoryEntryEntity, where, {
            status: 'UP',
            lastSeenAt: now(),
            contractVersion: result.contractVersion!,
          });
        } else {
          await em.fork().nativeUpdate(DirectoryEntryEntity, where, { status: 'DOWN' });
        }
        return result;
      }),
    );
  }

  /** Asks one shard for the archive's contract version. */
  async probe(archive: string, endpoint: string): Promise<ProbeResult> {
    try {
      const response = await this.#client.request<{ archive: { contractVersion: unknown } | null }>(
        endpoint,
        { query: PROBE_QUERY, variables: { id: archive }, operationName: 'DirectoryProbe' },
        PROBE_IDENTITY,
        this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs },
      );
      const version = response.data?.archive?.contractVersion;
      if (response.errors?.length) {
        return { archive, status: 'DOWN', reason: `answered with errors: ${response.errors.map((e) => e.message).join('; ')}` };
      }
      if (version === undefined || version === null) {
        return { archive, status: 'DOWN', reason: 'the shard does not host this archive' };
      }
      if (typeof version !== 'string' || version.length === 0 || version.length > CONTRACT_VERSION_MAX) {
        return { archive, status: 'DOWN', reason: 'the shard reported an unrecognisable contract version' };
      }
      return { archive, status: 'UP', contractVersion: version };
    } catch (error) {
      if (error instanceof ShardUnreachableError) return { archive, status: 'DOWN', reason: error.message };
      throw error;
    }
  }

  /** Probes now, then every interval after each round ends, until stopped. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops probing and waits for a round in flight to finish writing. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#round;
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#round = this.probeAll()
        .catch((error: unknown) => this.#log('province: a directory probe round failed', error))
        .finally(() => {
          this.#round = undefined;
          if (!this.#stopped) this.#schedule(this.intervalMs);
        });
    }, delayMs);
    this.#timer.unref();
  }
}
