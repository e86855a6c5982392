/**
 * The shard set of the subgraph `archive`: which endpoint answers for which archive code, as
 * the province directory says. The gateway reads it from the province's internal
 * `shardDirectory` field (signed, @inaccessible), on an interval, right after a directory
 * mutation passes through, and when a request names an archive it does not know. A refresh
 * that fails keeps the last good set: an unreachable province must not take every archive
 * down with it.
 */
import type { Identity } from '../protocol/identity.js';
import type { ShardClient } from '../protocol/shard-client.js';

/** The identity the gateway signs its own directory reads with. */
export const GATEWAY_IDENTITY: Identity = Object.freeze({ sub: 'lantai-gateway', role: 'admin' });

const SHARD_DIRECTORY_QUERY = 'query LantaiShardDirectory { shardDirectory { version shards { archive endpoint } } }';

export interface ShardDirectoryOptions {
  client: ShardClient;
  /** The province subgraph's GraphQL URL (LANTAI_PROVINCE_URL). */
  provinceUrl: string;
  /**
   * Interval of the periodic refresh, in milliseconds (LANTAI_DIRECTORY_REFRESH_MS).
   * @default 15000
   */
  refreshMs?: number;
  /**
   * Least time between two refreshes caused by requests naming an unknown archive, in
   * milliseconds, so that a client asking for made-up codes cannot flood the province.
   * @default 1000
   */
  unknownArchiveRefreshMs?: number;
  log?: (message: string) => void;
}

interface ShardDirectoryAnswer {
  shardDirectory?: { version: string; shards: { archive: string; endpoint: string }[] } | null;
}

export class ShardDirectory {
  #endpoints = new Map<string, string>();
  #version: string | null = null;
  #loaded = false;
  #inFlight: Promise<boolean> | null = null;
  #lastUnknownRefresh = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | null = null;
  #lastFailure: string | null = null;
  readonly #options: Required<Omit<ShardDirectoryOptions, 'log'>> & Pick<ShardDirectoryOptions, 'log'>;

  constructor(options: ShardDirectoryOptions) {
    this.#options = { refreshMs: 15_000, unknownArchiveRefreshMs: 1000, ...options };
  }

  /** Whether one refresh has succeeded. */
  get loaded(): boolean {
    return this.#loaded;
  }

  get version(): string | null {
    return this.#version;
  }

  /** The endpoint of an archive, or undefined when the directory does not list it. */
  endpointOf(archive: string): string | undefined {
    return this.#endpoints.get(archive);
  }

  /** Every routed archive with its endpoint. */
  entries(): [archive: string, endpoint: string][] {
    return [...this.#endpoints];
  }

  /**
   * Reads the directory now; concurrent callers share one read. Resolves true when the set was
   * replaced, false when the read failed and the last good set stays.
   */
  refresh(): Promise<boolean> {
    this.#inFlight ??= this.#read().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /**
   * Called when a request names an archive that is not in the set: refreshes at most once per
   * `unknownArchiveRefreshMs`, and otherwise answers at once with the set as it is.
   */
  async refreshForUnknownArchive(): Promise<void> {
    if (this.#inFlight) {
      await this.#inFlight;
      return;
    }
    const now = Date.now();
    if (now - this.#lastUnknownRefresh < this.#options.unknownArchiveRefreshMs) return;
    this.#lastUnknownRefresh = now;
    await this.refresh();
  }

  /**
   * Starts the periodic refresh. Until a first read succeeds it retries every second, so a
   * gateway started before the province routes as soon as the province answers.
   */
  start(): void {
    if (this.#timer) return;
    const schedule = () => {
      const delay = this.#loaded ? this.#options.refreshMs : Math.min(1000, this.#options.refreshMs);
      this.#timer = setTimeout(() => {
        void this.refresh().finally(() => {
          if (this.#timer) schedule();
        });
      }, delay);
      this.#timer.unref();
    };
    schedule();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #read(): Promise<boolean> {
    try {
      const answer = await this.#options.client.request<ShardDirectoryAnswer>(
        this.#options.provinceUrl,
        { query: SHARD_DIRECTORY_QUERY, operationName: 'LantaiShardDirectory' },
        GATEWAY_IDENTITY,
      );
      const directory = answer.data?.shardDirectory;
      if (!directory || !Array.isArray(directory.shards)) {
        const reason = answer.errors?.map((error) => error.message).join('; ') ?? 'no shardDirectory in the answer';
        throw new Error(reason);
      }
      const endpoints = new Map<string, string>();
      for (const { archive, endpoint } of directory.shards) endpoints.set(archive, endpoint);
      this.#endpoints = endpoints;
      this.#version = directory.version;
      this.#loaded = true;
      if (this.#lastFailure !== null) this.#options.log?.(`shard directory: read again (version ${directory.version}, ${endpoints.size} archives)`);
      this.#lastFailure = null;
      return true;
    } catch (error) {
      const message = (error as Error).message;
      // Logged when the failure starts or changes, not on every retry while the province is away.
      if (message !== this.#lastFailure) {
        this.#options.log?.(`shard directory: refresh failed, keeping ${this.#endpoints.size} known archives: ${message}`);
      }
      this.#lastFailure = message;
      return false;
    }
  }
}
