import { Migration } from '@mikro-orm/migrations';

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';

/** title_tsvector() with the Chinese tokens of `hanTokens` (SQL selecting token and position). */
function titleVectorFunction(hanTokens: string): string {
  return `create or replace function title_tsvector(title text) returns tsvector
      language sql immutable strict parallel safe
      begin atomic
        select coalesce(string_agg(quote_literal(t.token) || ':' || least(t.position, 16383), ' '), '')::tsvector
          from (
            ${hanTokens}
            union all
            select lower(w.match[1]), w.n::integer
              from regexp_matches(title, '([A-Za-z0-9]+)', 'g') with ordinality as w(match, n)
          ) as t;
      end`;
}

/**
 * Titles are indexed as the bigrams of each run of Chinese characters, plus the run's last
 * character alone, instead of every character and every bigram. A query of two or more
 * characters only ever looked up bigrams; a query of one character now looks up the prefix
 * (`'档':*`), which matches the bigrams that start with it and, where it ends a run and no
 * bigram starts with it, the character alone: every title containing it, as before.
 *
 * A title has about half the lexemes it had (14.8 against 28.3 on the provincial archive's
 * 1.08 million titles): both title indexes build in half the time (5.1 s against 9.8 s for
 * that archive) and take 43 % less room, and the whole province loads in 178 s instead of
 * 207–223 s (BENCHMARKS.md).
 *
 * Vectors already stored stay as they are: they hold every lexeme the new form has, so every
 * query still finds them; a title's vector takes the new form when the title changes, and
 * `update record set search_vector = title_tsvector(title)` converts a whole archive at once.
 */
export class Migration20261121170000_title_vector_bigrams extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      titleVectorFunction(`select substr(title, i, 2) as token, i as position
              from generate_series(1, char_length(title) - 1) as i
             where substr(title, i, 2) ~ '^${HAN}{2}$'
            union all
            select substr(title, i, 1), i
              from generate_series(1, char_length(title)) as i
             where substr(title, i, 1) ~ '^${HAN}$' and substr(title, i + 1, 1) !~ '^${HAN}$'`),
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      titleVectorFunction(`select substr(title, i, 1) as token, i as position
              from generate_series(1, char_length(title)) as i
             where substr(title, i, 1) ~ '^${HAN}$'
            union all
            select substr(title, i, 2), i
              from generate_series(1, char_length(title) - 1) as i
             where substr(title, i, 2) ~ '^${HAN}{2}$'`),
    );
  }
}
