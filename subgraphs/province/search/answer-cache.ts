/**
 * The province's cache of search answers, one entry per archive answer: the ids, scores,
 * total and facets one archive gave for one search (query, filter, page, match limit), for
 * callers who see the same records there, labelled with the archive's catalogue version read
 * before the search was sent. A province-wide search is served from 112 entries and a change
 * in one archive sends only that archive's part of the search again.
 *
 * Bounded: least recently used entries go first once their estimated size passes the cap
 * (LANTAI_SEARCH_CACHE_BYTES). Cached answers are frozen: every search that gets one shares it.
 */

/** The cache's size when LANTAI_SEARCH_CACHE_BYTES is unset: 64 MiB. */
export const DEFAULT_SEARCH_CACHE_BYTES = 64 * 1024 * 1024;

interface Entry<V> {
  version: string;
  value: V;
  bytes: number;
}

/** Bytes an entry is reckoned to take: its key and its value as JSON, two bytes a character, and the bookkeeping. */
export function estimatedBytes(key: string, value: unknown): number {
  return 2 * (key.length + JSON.stringify(value).length) + 200;
}

function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class SearchAnswerCache<V> {
  readonly maxBytes: number;
  /** Map order is recency: the first entry is the least recently used. */
  readonly #entries = new Map<string, Entry<V>>();
  #bytes = 0;

  constructor(maxBytes = DEFAULT_SEARCH_CACHE_BYTES) {
    this.maxBytes = maxBytes;
  }

  /** The estimated bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value cached under `key` for exactly `version`; an entry of another version is dropped. */
  get(key: string, version: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.version !== version) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Caches `value` (frozen) under `key` and `version`, then drops the least recently used entries past the cap. */
  set(key: string, version: string, value: V): void {
    const bytes = estimatedBytes(key, value);
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { version, value: deepFreeze(value), bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}
