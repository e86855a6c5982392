/**
 * 跨馆检索 — the province's catalogue search, query-then-fetch as in a distributed search
 * engine: each archive in scope returns the ids and scores of its best hits after the cursor,
 * its total and its facet counts, under its own access rules for the original caller; the
 * province merges them into one ranked page. The hits are references only: the gateway
 * fetches the fields a client asked for from the archives, for this page's hits only.
 *
 * Order is score descending, then id ascending with ids compared as (archive code, integer
 * key), exactly as each archive orders and pages its own hits. Every shard is asked for one
 * hit more than a page: if the merged list is longer than the page there is a next page, and
 * if it is not, every shard is exhausted.
 */
import { decodeCursor, encodeCursor, invalidCursor } from '../../../protocol/cursor.js';
import { badUserInput } from '../../../protocol/errors.js';
import { pageSize } from '../../../protocol/input.js';
import { parseArchiveCode, tryParseEntityId } from '../../../protocol/ids.js';
import type { Identity } from '../../../protocol/identity.js';
import type { DirectoryEntryRow } from '../entities/index.js';
import type { AccessStatus, Category, CatalogueFilter } from '../generated/resolvers-types.js';
import type { SearchRecordsQueryVariables } from '../generated/shard-operations.js';
import type { RegionNode, RegionTree } from '../directory/regions.js';
import type { ShardSearch } from './shard-search.js';

export const MAX_QUERY_LENGTH = 100;
export const MAX_PAGE_SIZE = 100;
/**
 * Matches one search examines by default, shared among the archives in scope: the work of a
 * search is bounded by this, whatever the word. Each archive examines at least
 * MIN_MATCHES_PER_ARCHIVE (or the whole budget, when that is smaller), so every archive's
 * best hits take part in the ranking; a province-wide search examines a little more.
 */
export const SEARCH_MATCH_BUDGET = 20_000;
export const MIN_MATCHES_PER_ARCHIVE = 200;

/** How many matches each archive examines when a search covers `archives` archives. */
export function matchLimitPerArchive(archives: number, budget = SEARCH_MATCH_BUDGET): number {
  return Math.max(Math.min(MIN_MATCHES_PER_ARCHIVE, budget), Math.floor(budget / Math.max(1, archives)));
}

export interface SearchCatalogueArgs {
  query?: string | null;
  filter?: CatalogueFilter | null;
  first?: number | null;
  after?: string | null;
}

/** Position in the merged order: the last hit of a page. */
export interface SearchKey {
  score: number;
  id: string;
}

export interface CatalogueHitResult {
  record: { __typename: 'Record'; id: string };
  score: number;
  archive: DirectoryEntryRow;
  cursor: string;
}

export interface CatalogueSearchResult {
  totalCount: number;
  countsAreExact: boolean;
  hits: CatalogueHitResult[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: {
    byArchive: { archive: DirectoryEntryRow; count: number; countIsExact: boolean }[];
    byRegion: { region: RegionNode; count: number }[];
    byCategory: { category: Category; count: number }[];
    byDecade: { decade: number; count: number }[];
    byAccess: { access: AccessStatus; count: number }[];
  };
  partial: boolean;
  unavailableArchives: DirectoryEntryRow[];
  /** Why each unavailable archive is missing, by code, for the ARCHIVE_UNAVAILABLE errors. */
  unavailableReasons: Map<string, string>;
}

function searchCursor(key: SearchKey): string {
  return encodeCursor([key.score, key.id]);
}

/** The search key of a hit cursor: a score and the id of a record with an integer key. */
function searchKeyOf(cursor: string): SearchKey {
  const [score, id] = decodeCursor(cursor, ['finite', 'string'] as const)!;
  const key = tryParseEntityId(id, 'Record');
  if (!key || !/^\d{1,15}$/.test(key.local)) throw invalidCursor(cursor);
  return { score, id };
}

/** A hit's search key with its id taken apart once: a province-wide merge compares thousands of pairs. */
interface SortKey extends SearchKey {
  archiveCode: string;
  local: number;
}

function sortKey<T extends SearchKey>(hit: T): T & SortKey {
  const [archiveCode, , local] = hit.id.split(':') as [string, string, string];
  return { ...hit, archiveCode, local: Number(local) };
}

function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.archiveCode !== b.archiveCode) return a.archiveCode < b.archiveCode ? -1 : 1;
  return a.local - b.local;
}

/** Compares two hits in the merged order: score descending, then (archive code, integer key). */
export function compareHits(a: SearchKey, b: SearchKey): number {
  return compareSortKeys(sortKey(a), sortKey(b));
}

/**
 * The best `count` hits of the archives' answers in the merged order, each with its archive.
 * An archive answers its hits in that order already (score descending, then its integer key),
 * so the lists' heads are merged instead of every hit of every archive being sorted: a
 * province-wide search receives about 2,300 hits for a page of 20, and only the heads taken are
 * taken apart. A list whose scores are out of order (an archive of another build) is sorted first.
 */
function mergeBest<A>(lists: readonly { hits: readonly SearchKey[]; archive: A }[], count: number): (SortKey & { archive: A })[] {
  const ordered = lists
    .filter(({ hits }) => hits.length > 0)
    .map(({ hits, archive }) => ({
      hits: hits.every((hit, i) => i === 0 || hits[i - 1]!.score >= hit.score) ? hits : hits.map(sortKey).sort(compareSortKeys),
      archive,
      next: 0,
      head: null as SortKey | null,
    }));
  const best: (SortKey & { archive: A })[] = [];
  while (best.length < count) {
    let top: (typeof ordered)[number] | null = null;
    for (const list of ordered) {
      if (list.next >= list.hits.length) continue;
      list.head ??= sortKey(list.hits[list.next]!);
      if (top === null || compareSortKeys(list.head, top.head!) < 0) top = list;
    }
    if (top === null) break;
    best.push({ ...top.head!, archive: top.archive });
    top.next += 1;
    top.head = null;
  }
  return best;
}

function descendingCounts<T extends { count: number }>(rows: T[], tieBreak: (a: T, b: T) => number): T[] {
  return rows.filter((row) => row.count > 0).sort((a, b) => b.count - a.count || tieBreak(a, b));
}

function addTo<K>(counts: Map<K, number>, key: K, count: number): void {
  counts.set(key, (counts.get(key) ?? 0) + count);
}

/**
 * The archives a search covers: the active archives of the province, narrowed to the regions
 * and archives of the filter.
 */
export function searchScope(active: readonly DirectoryEntryRow[], regions: RegionTree, filter: CatalogueFilter | null | undefined): DirectoryEntryRow[] {
  let scope = [...active];
  if (filter?.regions?.length) {
    const subtree = new Set<string>();
    for (const code of filter.regions) {
      const region = regions.find(code);
      if (!region) throw badUserInput(`Unknown region ${code}: not a region (行政区划) of ${regions.root.name} (${regions.root.code}).`);
      for (const below of regions.subtreeCodes(region)) subtree.add(below);
    }
    scope = scope.filter((entry) => subtree.has(entry.region.code));
  }
  if (filter?.archives?.length) {
    const known = new Set(active.map((entry) => entry.id));
    for (const code of filter.archives) {
      parseArchiveCode(code);
      if (!known.has(code)) throw badUserInput(`Unknown archive ${code}: no active archive (档案馆) with this code in the network directory.`);
    }
    const wanted = new Set(filter.archives);
    scope = scope.filter((entry) => wanted.has(entry.id));
  }
  return scope;
}

function checkArguments(args: SearchCatalogueArgs): { query: string | null; first: number; after: SearchKey | null } {
  const first = pageSize(args.first, { default: 20, max: MAX_PAGE_SIZE });
  const query = args.query?.trim() ?? '';
  if ([...query].length > MAX_QUERY_LENGTH) {
    throw badUserInput(`Search text may be at most ${MAX_QUERY_LENGTH} characters (检索词过长), got ${[...query].length}.`);
  }
  const { yearFrom, yearTo } = args.filter ?? {};
  if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
    throw badUserInput(`"yearFrom" (${yearFrom}) is after "yearTo" (${yearTo}): give a year range (年度) from the earlier year to the later one.`);
  }
  return { query: query.length > 0 ? query : null, first, after: args.after != null ? searchKeyOf(args.after) : null };
}

export async function searchCatalogue(
  shards: ShardSearch,
  regions: RegionTree,
  active: readonly DirectoryEntryRow[],
  identity: Identity,
  args: SearchCatalogueArgs,
  matchBudget = SEARCH_MATCH_BUDGET,
): Promise<CatalogueSearchResult> {
  const { query, first, after } = checkArguments(args);
  const scope = searchScope(active, regions, args.filter);
  const filter = args.filter ?? {};
  const recordFilter = {
    ...(filter.categories ? { categories: filter.categories } : {}),
    ...(filter.yearFrom != null ? { yearFrom: filter.yearFrom } : {}),
    ...(filter.yearTo != null ? { yearTo: filter.yearTo } : {}),
    ...(filter.access ? { access: filter.access } : {}),
    ...(filter.hasDigitalCopy != null ? { hasDigitalCopy: filter.hasDigitalCopy } : {}),
  };
  const matchLimit = matchLimitPerArchive(scope.length, matchBudget);

  const outcomes = await shards.gather(
    scope,
    identity,
    (archive): SearchRecordsQueryVariables => ({ archive: archive.id, query, filter: recordFilter, first: first + 1, after, matchLimit }),
  );

  const answered: { hits: SearchKey[]; archive: DirectoryEntryRow }[] = [];
  const byArchive: { archive: DirectoryEntryRow; count: number; countIsExact: boolean }[] = [];
  const byCity = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const byDecade = new Map<number, number>();
  const byAccess = new Map<string, number>();
  const unavailable: DirectoryEntryRow[] = [];
  const unavailableReasons = new Map<string, string>();
  let totalCount = 0;
  let countsAreExact = true;

  for (const outcome of outcomes) {
    if (!outcome.ok) {
      unavailable.push(outcome.archive);
      unavailableReasons.set(outcome.archive.id, outcome.reason);
      continue;
    }
    const { data, archive } = outcome;
    answered.push({ hits: data.hits, archive });
    totalCount += data.totalCount;
    countsAreExact &&= data.countsAreExact;
    byArchive.push({ archive, count: data.totalCount, countIsExact: data.countsAreExact });
    addTo(byCity, cityOf(regions, archive.region.code), data.totalCount);
    for (const { value, count } of data.facets.byCategory) addTo(byCategory, value, count);
    for (const { value, count } of data.facets.byAccess) addTo(byAccess, value, count);
    for (const { value, count } of data.facets.byYear) addTo(byDecade, Math.floor(Number(value) / 10) * 10, count);
  }

  // One hit more than the page tells whether there is a next page.
  const best = mergeBest(answered, first + 1);
  const page = best.slice(0, first);
  const hits = page.map((hit) => ({
    record: { __typename: 'Record' as const, id: hit.id },
    score: hit.score,
    archive: hit.archive,
    cursor: searchCursor(hit),
  }));
  const byCode = (a: { archive: DirectoryEntryRow }, b: { archive: DirectoryEntryRow }) => (a.archive.id < b.archive.id ? -1 : 1);

  return {
    totalCount,
    countsAreExact,
    hits,
    pageInfo: {
      hasNextPage: best.length > first,
      // Without hits on this page, the next request resumes where this one did.
      endCursor: hits.at(-1)?.cursor ?? args.after ?? null,
    },
    facets: {
      byArchive: descendingCounts(byArchive, byCode),
      byRegion: descendingCounts(
        [...byCity].map(([code, count]) => ({ region: regions.get(code)!, count })),
        (a, b) => (a.region.code < b.region.code ? -1 : 1),
      ),
      byCategory: descendingCounts(
        [...byCategory].map(([category, count]) => ({ category: category as Category, count })),
        (a, b) => (a.category < b.category ? -1 : 1),
      ),
      byDecade: descendingCounts([...byDecade].map(([decade, count]) => ({ decade, count })), (a, b) => a.decade - b.decade),
      byAccess: descendingCounts(
        [...byAccess].map(([access, count]) => ({ access: access as AccessStatus, count })),
        (a, b) => (a.access < b.access ? -1 : 1),
      ),
    },
    partial: unavailable.length > 0,
    unavailableArchives: unavailable,
    unavailableReasons,
  };
}

/** The city (市) a region lies in; the province itself for the provincial archive. */
export function cityOf(regions: RegionTree, code: string): string {
  const lineage = regions.lineageCodes(code);
  const city = lineage.find((c) => regions.get(c)?.level === 'CITY');
  return city ?? regions.root.code;
}
