/**
 * 检索: this archive's part of the province's query-then-fetch search. It returns ids and
 * scores of the best hits after a key, with the total and facet counts of the matches, all
 * restricted to what the caller may see.
 *
 * The work is bounded: at most `matchLimit` matches are read. Reading every match of a
 * frequent word (通知 matches 180,000 records of the provincial archive) costs seconds however
 * it is indexed, because ranking and counting need each match's row; past the limit the
 * counts become lower bounds, as a search engine reports "10,000+", and the hits are the best
 * of the matches read. Those are the first `matchLimit` in the plan's order (storage order
 * for the title index and for a sequential scan, which the archive's connections start at the
 * table's first page: ARCHIVE_CONNECTION_OPTIONS), the same for every page of a search while
 * the catalogue is unchanged.
 *
 * Scores are quantised to six decimals in SQL, and the keyset comparison uses the same
 * rounded expression, so a score handed back as `after` selects exactly the hits after it.
 */
import { badUserInput } from '../../../protocol/errors.js';
import { pageSize } from '../../../protocol/input.js';
import { entityId, parseEntityId } from '../../../protocol/ids.js';
import type { ArchiveContext } from '../context.js';
import type { FacetCount, RecordFilter, SearchKeyInput } from '../generated/resolvers-types.js';
import { printableText } from '../../../protocol/text.js';
import { recordConditions, table } from './record-query.js';
import { executeBatched } from './statement-batch.js';

export const MAX_SEARCH_HITS = 500;
export const DEFAULT_MATCH_LIMIT = 10_000;
export const MAX_MATCH_LIMIT = 50_000;
export const MAX_QUERY_LENGTH = 100;

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const HAN_RUN = new RegExp(`[${HAN}]+`, 'gu');
const WORD = /[A-Za-z0-9]+/g;

/**
 * The lexemes of a query, as title_tsvector() indexes titles: a run of Chinese characters
 * becomes its bigrams (or itself when it is one character), a latin or digit word its lower
 * case. A single character and a word are looked up as prefixes (tsQueryOf).
 */
export function queryLexemes(query: string): string[] {
  const lexemes = new Set<string>();
  for (const [run] of query.matchAll(HAN_RUN)) {
    const chars = [...run];
    if (chars.length === 1) lexemes.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) lexemes.add(chars[i]! + chars[i + 1]!);
  }
  for (const [word] of query.matchAll(WORD)) lexemes.add(word.toLowerCase());
  return [...lexemes];
}

/**
 * The tsquery of a query's lexemes, all required. A title indexes a character alone only where
 * it ends a run of Chinese characters, and otherwise only in the bigram it starts, so a single
 * character is looked up as a prefix (`'档':*`), which matches both; a latin or digit word is a
 * prefix too, so `ofd` finds `OFD2001`.
 */
export function tsQueryOf(lexemes: readonly string[]): string {
  return lexemes.map((lexeme) => `'${lexeme}'${/^[a-z0-9]+$/.test(lexeme) || [...lexeme].length === 1 ? ':*' : ''}`).join(' & ');
}

export interface SearchArgs {
  query?: string | null;
  filter?: RecordFilter | null;
  first?: number | null;
  after?: SearchKeyInput | null;
  /** @default DEFAULT_MATCH_LIMIT */
  matchLimit?: number | null;
}

export interface SearchResult {
  totalCount: number;
  /** False when the matches reached the limit: the counts are then lower bounds. */
  countsAreExact: boolean;
  hits: { id: string; score: number }[];
  facets: { byCategory: FacetCount[]; byYear: FacetCount[]; byAccess: FacetCount[]; byFonds: FacetCount[] };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchRecords(ctx: ArchiveContext, args: SearchArgs): Promise<SearchResult> {
  const first = pageSize(args.first, { default: 100, max: MAX_SEARCH_HITS });
  const matchLimit = args.matchLimit ?? DEFAULT_MATCH_LIMIT;
  if (!Number.isInteger(matchLimit) || matchLimit < 1 || matchLimit > MAX_MATCH_LIMIT) {
    throw badUserInput(`"matchLimit" must be from 1 to ${MAX_MATCH_LIMIT}, got ${matchLimit}.`);
  }
  const text = printableText('query', (args.query ?? '').trim());
  if ([...text].length > MAX_QUERY_LENGTH) {
    throw badUserInput(`Search text may be at most ${MAX_QUERY_LENGTH} characters (检索词过长), got ${[...text].length}.`);
  }
  const where = recordConditions(ctx, args.filter);
  const conditions = [where.sql];
  const params = [...where.params];
  let score = '0::numeric';
  const scoreParams: unknown[] = [];

  if (text.length > 0) {
    const lexemes = queryLexemes(text);
    // A 档号 substring needs three characters for the trigram index to narrow anything.
    const byReference = [...text].length >= 3;
    if (lexemes.length === 0 && !byReference) {
      throw badUserInput('Search text must contain a Chinese character, a letter or a digit, or be a 档号 fragment of at least 3 characters.');
    }
    const tsquery = tsQueryOf(lexemes);
    const pattern = likePattern(text);
    const matches: string[] = [];
    const terms: string[] = [];
    if (lexemes.length > 0) {
      matches.push('r.search_vector @@ ?::tsquery');
      params.push(tsquery);
      // Normalisation 1 divides by the log of the title's length: among titles that contain
      // the words equally often, the shorter (closer) one ranks first.
      terms.push('ts_rank(r.search_vector, ?::tsquery, 1)');
      scoreParams.push(tsquery);
    }
    if (byReference) {
      matches.push('r.reference_code ilike ?');
      params.push(pattern);
      terms.push('case when r.reference_code ilike ? then 1 else 0 end');
      scoreParams.push(pattern);
    }
    conditions.push(`(${matches.join(' or ')})`);
    score = `round((${terms.join(' + ')})::numeric, 6)`;
  }

  const matching = `select r.id, r.category, r.year, r.access, r.fonds_id, ${score} as score
      from ${table(ctx, 'record')} r where ${conditions.join(' and ')} limit ?`;
  const matchingParams = [...scoreParams, ...params, matchLimit];
  const connection = ctx.em.getConnection();

  let afterSql = '';
  const afterParams: unknown[] = [];
  if (args.after) {
    if (!Number.isFinite(args.after.score)) throw badUserInput('"after.score" must be a finite number.');
    const key = parseEntityId(args.after.id, 'Record');
    const local = /^\d{1,15}$/.test(key.local) ? Number(key.local) : null;
    if (local === null) throw badUserInput(`"after.id" must be a record id returned by searchRecords, got ${args.after.id}.`);
    const afterScore = String(args.after.score);
    // Hits compare by (score desc, archive code, integer key): with an equal score, every
    // hit here comes after a key of an archive with a smaller code, none after a larger one.
    if (key.archive === ctx.archive) {
      afterSql = 'where m.score < ?::numeric or (m.score = ?::numeric and m.id > ?)';
      afterParams.push(afterScore, afterScore, local);
    } else if (key.archive < ctx.archive) {
      afterSql = 'where m.score <= ?::numeric';
      afterParams.push(afterScore);
    } else {
      afterSql = 'where m.score < ?::numeric';
      afterParams.push(afterScore);
    }
  }

  // One statement, one pass over the matches: the hits after the key and the facet counts
  // come from the same materialised set of at most `matchLimit` matches, read from the table
  // once, not once for the hits and again for the facets.
  // Searches of other archives of this database that arrive together (a host's batch) run
  // in the same statement (statement-batch.ts).
  const row = await executeBatched<{ hits: { id: number; score: string }[] | null; facets: { dimension: string; value: string | null; n: number }[] | null }>(
    connection,
    `with m as materialized (${matching})
     select (select json_agg(json_build_object('id', h.id, 'score', h.score::text) order by h.score desc, h.id asc)
               from (select m.id, m.score from m ${afterSql} order by m.score desc, m.id asc limit ?) h) as hits,
            (select json_agg(json_build_object('dimension', f.dimension, 'value', f.value, 'n', f.n))
               from (select case when grouping(m.category) = 0 then 'category' when grouping(m.year) = 0 then 'year'
                                 when grouping(m.access) = 0 then 'access' when grouping(m.fonds_id) = 0 then 'fonds' else 'total' end as dimension,
                            coalesce(m.category, m.year::text, m.access, m.fonds_id::text) as value, count(*)::int as n
                       from m
                      group by grouping sets ((), (m.category), (m.year), (m.access), (m.fonds_id))) f) as facets`,
    [...matchingParams, ...afterParams, first],
  );
  const hitRows = row?.hits ?? [];
  const facetRows = row?.facets ?? [];

  const facet = (dimension: string, label: (value: string) => string = (value) => value): FacetCount[] =>
    facetRows
      .filter((row) => row.dimension === dimension)
      .map((row) => ({ value: label(row.value!), count: row.n }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

  const totalCount = facetRows.find((row) => row.dimension === 'total')?.n ?? 0;
  return {
    totalCount,
    // Exactly `matchLimit` matches may be all there are; the count is then still a true lower bound.
    countsAreExact: totalCount < matchLimit,
    hits: hitRows.map((row) => ({ id: entityId(ctx.archive, 'Record', row.id), score: Number(row.score) })),
    facets: {
      byCategory: facet('category'),
      byYear: facet('year'),
      byAccess: facet('access'),
      byFonds: facet('fonds', (value) => entityId(ctx.archive, 'Fonds', value)),
    },
  };
}
