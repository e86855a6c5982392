/**
 * 目录版本, the province's side (the host's is subgraphs/archive/catalogue-versions.ts): the
 * version of each archive's catalogue and what the caller sees of it, read with one call per
 * archive host, before a search, so that a cached answer is served only while every archive
 * it came from is unchanged.
 *
 * A version read must start after the search asking for it arrived: then it covers every
 * change committed before the search, and an answer computed after a read of the same
 * version is at least as new. Searches that arrive while a read of the same host and caller
 * is in flight do not join it (it may have started before a change they must see); they wait
 * for the next read, which is sent as soon as that one ends and serves all of them. However
 * many people search at once, a host is asked about once per round trip for each caller.
 */
import type { Identity } from '../../../protocol/identity.js';
import { ShardUnreachableError, type ShardClient } from '../../../protocol/shard-client.js';
import type { DirectoryEntryRow } from '../entities/index.js';
import { UNBATCHED_RETRY_MS, versionsEndpointOf } from '../../../protocol/host-batch.js';

export interface ArchiveVersion {
  /** Changes with every committed change of what a search of the archive reads. */
  version: string;
  /** The access statuses the caller sees in a search of the archive, as the archive says. */
  sees: string;
}

interface NextRead {
  codes: Set<string>;
  promise: Promise<Map<string, ArchiveVersion>>;
  resolve(versions: Map<string, ArchiveVersion>): void;
}

interface HostReads {
  running: boolean;
  next: NextRead | null;
}

function nextRead(): NextRead {
  let resolve!: (versions: Map<string, ArchiveVersion>) => void;
  const promise = new Promise<Map<string, ArchiveVersion>>((r) => (resolve = r));
  return { codes: new Set(), promise, resolve };
}

export class CatalogueVersions {
  readonly #client: ShardClient;
  readonly #timeoutMs: number;
  readonly #log: (message: string) => void;
  readonly #reads = new Map<string, HostReads>();
  /** Hosts that answered 404 (no versions route), until when: their archives are not cached. */
  readonly #unversioned = new Map<string, number>();

  constructor(client: ShardClient, options: { timeoutMs: number; log?: (message: string) => void }) {
    this.#client = client;
    this.#timeoutMs = options.timeoutMs;
    this.#log = options.log ?? ((message) => console.error(message));
  }

  /**
   * The versions of `archives` as `identity` sees them, by archive code. An archive missing
   * from the answer has no version now (not on an archive host, a host that did not answer or
   * has no versions route): its search is not cached. Never rejects.
   */
  async read(archives: readonly DirectoryEntryRow[], identity: Identity): Promise<Map<string, ArchiveVersion>> {
    const byHost = new Map<string, string[]>();
    for (const archive of archives) {
      const url = versionsEndpointOf(archive);
      if (url === null || (this.#unversioned.get(url) ?? 0) > Date.now()) continue;
      const codes = byHost.get(url);
      if (codes) codes.push(archive.id);
      else byHost.set(url, [archive.id]);
    }
    const versions = new Map<string, ArchiveVersion>();
    const answers = await Promise.all([...byHost].map(([url, codes]) => this.#read(url, codes, identity)));
    for (const [index, [, codes]] of [...byHost].entries()) {
      for (const code of codes) {
        const version = answers[index]!.get(code);
        if (version) versions.set(code, version);
      }
    }
    return versions;
  }

  #read(url: string, codes: readonly string[], identity: Identity): Promise<Map<string, ArchiveVersion>> {
    const key = `${url}\n${JSON.stringify(identity)}`;
    let reads = this.#reads.get(key);
    if (!reads) {
      reads = { running: false, next: null };
      this.#reads.set(key, reads);
    }
    reads.next ??= nextRead();
    for (const code of codes) reads.next.codes.add(code);
    const { promise } = reads.next;
    if (!reads.running) this.#send(key, url, identity, reads);
    return promise;
  }

  #send(key: string, url: string, identity: Identity, reads: HostReads): void {
    const read = reads.next!;
    reads.next = null;
    reads.running = true;
    void this.#ask(url, [...read.codes], identity)
      .catch((error: unknown) => {
        this.#log(`province: catalogue versions of ${url}: ${(error as Error).message}`);
        return new Map<string, ArchiveVersion>();
      })
      .then((versions) => {
        read.resolve(versions);
        reads.running = false;
        if (reads.next) this.#send(key, url, identity, reads);
        else this.#reads.delete(key);
      });
  }

  async #ask(url: string, codes: string[], identity: Identity): Promise<Map<string, ArchiveVersion>> {
    const versions = new Map<string, ArchiveVersion>();
    let answer: { status: number; json: unknown };
    try {
      answer = await this.#client.postJson(url, { archives: codes }, identity, { timeoutMs: this.#timeoutMs });
    } catch (error) {
      if (!(error instanceof ShardUnreachableError)) throw error;
      this.#log(`province: catalogue versions of ${url}: ${error.reason}`);
      return versions;
    }
    if (answer.status === 404) {
      this.#unversioned.set(url, Date.now() + UNBATCHED_RETRY_MS);
      return versions;
    }
    const items = (answer.json as { versions?: unknown } | undefined)?.versions;
    if (answer.status !== 200 || !Array.isArray(items)) {
      this.#log(`province: catalogue versions of ${url}: HTTP ${answer.status}, not an answer`);
      return versions;
    }
    const asked = new Set(codes);
    for (const item of items as Record<string, unknown>[]) {
      const { archive, version, sees } = item ?? {};
      if (typeof archive !== 'string' || !asked.has(archive) || typeof version !== 'string' || !Array.isArray(sees)) continue;
      if (!sees.every((status) => typeof status === 'string')) continue;
      versions.set(archive, { version, sees: [...(sees as string[])].sort().join(',') });
    }
    return versions;
  }
}
