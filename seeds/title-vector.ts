/**
 * The search vector of a title, as the archive's title_tsvector() SQL function computes it
 * (migration archive_schema), written as tsvector text for the bulk loader: Chinese unigrams
 * and bigrams at their character positions, then latin/digit words in lower case at their
 * ordinal among such words, positions capped at 16383. Computing it here instead of in
 * PostgreSQL takes most of the cost out of a bulk load; test/seeds/title-vector.test.ts
 * holds it equal to title_tsvector() over generated catalogues.
 */

const MAX_POSITION = 16383;
const WORD = /[A-Za-z0-9]+/g;

function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.codePointAt(0)!;
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

export function titleVectorText(title: string): string {
  const chars = [...title];
  const tokens: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!isHan(chars[i])) continue;
    const position = Math.min(i + 1, MAX_POSITION);
    tokens.push(`'${chars[i]}':${position}`);
    if (isHan(chars[i + 1])) tokens.push(`'${chars[i]}${chars[i + 1]}':${position}`);
  }
  let words = 0;
  for (const [word] of title.matchAll(WORD)) {
    words += 1;
    tokens.push(`'${word.toLowerCase()}':${Math.min(words, MAX_POSITION)}`);
  }
  return tokens.join(' ');
}
