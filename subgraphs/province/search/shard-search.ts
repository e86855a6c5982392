/**
 * The query phase of a search, sent to the archives in scope (search-records.graphql), with
 * the cache of their answers in front of it (answer-cache.ts). The cache is never stale:
 * before each search the archives' catalogue versions are read (catalogue-versions.ts), and
 * an archive's cached answer is used only when it was computed for the same search, for
 * callers who see the same records there, at the version read now. Every other archive is
 * asked, and its answer is cached under the version read before it was asked. A search of
 * the same key and version already on its way is joined rather than sent again.
 */
import { readFileSync } from 'node:fs';
import type { Counter } from 'prom-client';
import type { Identity } from '../../../protocol/identity.js';
import { tryParseEntityId } from '../../../protocol/ids.js';
import type { DirectoryEntryRow } from '../entities/index.js';
import type { SearchRecordsQuery, SearchRecordsQueryVariables } from '../generated/shard-operations.js';
import type { Scatter, ShardOutcome } from '../scatter.js';
import type { SearchAnswerCache } from './answer-cache.js';
import type { CatalogueVersions } from './catalogue-versions.js';

/** One shard's answer to search-records.graphql, typed against the archive contract. */
export type ShardHits = SearchRecordsQuery['searchRecords'];

const SEARCH_RECORDS = readFileSync(new URL('./search-records.graphql', import.meta.url), 'utf8');

/** Reads a shard's answer, refusing anything that does not have the contract's shape. */
function shardHits(data: Record<string, unknown>): ShardHits {
  const hits = (data as Partial<SearchRecordsQuery>).searchRecords;
  if (!hits || !Array.isArray(hits.hits) || typeof hits.totalCount !== 'number' || typeof hits.countsAreExact !== 'boolean') {
    throw new Error('no searchRecords');
  }
  for (const hit of hits.hits) {
    if (typeof hit.score !== 'number' || !tryParseEntityId(hit.id, 'Record')) throw new Error(`bad hit ${JSON.stringify(hit)}`);
  }
  return hits;
}

export interface ShardSearchCache {
  answers: SearchAnswerCache<ShardHits>;
  versions: CatalogueVersions;
  /** Archive answers served from the cache (lantai_search_cache_hits_total). */
  hits?: Counter;
  /** Archive answers that had to be asked (lantai_search_cache_misses_total). */
  misses?: Counter;
}

export class ShardSearch {
  readonly #scatter: Scatter;
  readonly #cache: ShardSearchCache | null;
  /** Searches on their way, by key, with the version they will be cached under. */
  readonly #inFlight = new Map<string, { version: string; outcome: Promise<ShardOutcome<ShardHits>> }>();

  /** Without `cache`, every search asks every archive in scope. */
  constructor(scatter: Scatter, cache: ShardSearchCache | null = null) {
    this.#scatter = scatter;
    this.#cache = cache;
  }

  /** Each archive's answer to the search `variablesFor` gives it, in the order of `scope`. */
  async gather(
    scope: readonly DirectoryEntryRow[],
    identity: Identity,
    variablesFor: (archive: DirectoryEntryRow) => SearchRecordsQueryVariables,
  ): Promise<ShardOutcome<ShardHits>[]> {
    const ask = (archives: readonly DirectoryEntryRow[]) =>
      this.#scatter.gather(archives, identity, (archive) => ({ query: SEARCH_RECORDS, operationName: 'SearchRecords', variables: variablesFor(archive) }), shardHits);
    const cache = this.#cache;
    if (!cache) return ask(scope);

    const versions = await cache.versions.read(scope, identity);
    const outcomes = new Map<DirectoryEntryRow, ShardOutcome<ShardHits> | Promise<ShardOutcome<ShardHits>>>();
    const toAsk: { archive: DirectoryEntryRow; key: string | null; version: string | null }[] = [];
    for (const archive of scope) {
      const version = versions.get(archive.id);
      if (!version) {
        toAsk.push({ archive, key: null, version: null });
        continue;
      }
      // The endpoint is part of the key: an archive moved elsewhere is another catalogue.
      const key = JSON.stringify([archive.id, archive.endpoint, version.sees, variablesFor(archive)]);
      const cached = cache.answers.get(key, version.version);
      const joined = cached ? undefined : this.#inFlight.get(key);
      if (cached) outcomes.set(archive, { archive, ok: true, data: cached });
      else if (joined?.version === version.version) outcomes.set(archive, joined.outcome);
      else toAsk.push({ archive, key, version: version.version });
    }
    cache.hits?.inc(scope.length - toAsk.length);
    cache.misses?.inc(toAsk.length);

    if (toAsk.length > 0) {
      const asked = ask(toAsk.map(({ archive }) => archive));
      for (const [index, { archive, key, version }] of toAsk.entries()) {
        const outcome = asked.then((all) => all[index]!);
        outcomes.set(archive, outcome);
        if (key === null || version === null) continue;
        const entry = { version, outcome };
        this.#inFlight.set(key, entry);
        void outcome
          .then((settled) => {
            if (settled.ok) cache.answers.set(key, version, settled.data);
          })
          .catch(() => undefined)
          .finally(() => {
            if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
          });
      }
    }
    // A joined answer names the archive as the search that asked it had it from the directory.
    return Promise.all(scope.map(async (archive) => ({ ...(await outcomes.get(archive)!), archive })));
  }
}
