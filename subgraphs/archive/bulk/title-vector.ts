/**
 * The search vector of a title, as the archive's title_tsvector() SQL function computes it
 * (migration title_vector_bigrams): the bigrams of each run of Chinese characters and the run's
 * last character alone, at their character positions, then latin/digit words in lower case at
 * their ordinal among such words, positions capped at 16383. Computing it here instead of in
 * PostgreSQL takes most of the cost out of a bulk load. The loader sends it in tsvector's
 * binary form (writeTitleVector, for COPY … FORMAT binary); test/bulk/title-vector.test.ts
 * holds both forms equal to title_tsvector().
 *
 * Written for speed, because the loader runs it once per record: Chinese lexemes are numbers
 * until they are written (first character × 2^16 + second, 0 for a character alone, which
 * sorts them in tsvector's order: UTF-8 bytes, a prefix first), packed with their position
 * into one float of a reused typed array and sorted there.
 */

const MAX_POSITION = 16383;
/** tsvector keeps at most this many positions of one lexeme, the lowest ones. */
const MAX_POSITIONS_PER_LEXEME = 256;
/** A token is lexeme key × POSITIONS + position; keys stay below 2^32, so tokens below 2^46. */
const POSITIONS = 16384;
const SECOND = 0x10000;

/** A character of the ranges title_tsvector() indexes, by UTF-16 code unit (all in the BMP). */
function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isWordCharacter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** The tokens of the title at hand (one title at a time: the functions here never yield). */
let tokens = new Float64Array(256);

/**
 * Puts the Chinese tokens of a title into `tokens`, sorted, and returns how many there are: a
 * bigram where a character is followed by another, the character alone where it ends a run.
 */
function hanTokens(title: string): number {
  if (tokens.length < title.length) tokens = new Float64Array(title.length);
  let n = 0;
  // Positions count characters (code points), as char_length() and substr() do in SQL.
  let character = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title.charCodeAt(i);
    character += 1;
    if (isHan(c)) {
      const position = character < MAX_POSITION ? character : MAX_POSITION;
      const next = title.charCodeAt(i + 1); // NaN past the end
      tokens[n++] = (isHan(next) ? c * SECOND + next : c * SECOND) * POSITIONS + position;
    } else if (c >= 0xd800 && c <= 0xdbff && (title.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i += 1; // the low half of a character outside the BMP
    }
  }
  // Insertion sort: a title has a few dozen tokens, too few for a typed-array sort to pay.
  for (let i = 1; i < n; i++) {
    const token = tokens[i];
    let j = i - 1;
    for (; j >= 0 && tokens[j] > token; j--) tokens[j + 1] = tokens[j];
    tokens[j + 1] = token;
  }
  return n;
}

/** The title's latin/digit words in lower case with their ordinal positions, sorted by word then position. */
function wordTokens(title: string): [word: string, position: number][] {
  const words: [string, number][] = [];
  for (let i = 0; i < title.length; ) {
    if (!isWordCharacter(title.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < title.length && isWordCharacter(title.charCodeAt(end))) end += 1;
    words.push([title.slice(i, end).toLowerCase(), Math.min(words.length + 1, MAX_POSITION)]);
    i = end;
  }
  // ASCII only, so JavaScript's string order is tsvector's; positions are already ascending.
  if (words.length > 1) words.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return words;
}

function hanText(key: number): string {
  const second = key % SECOND;
  const first = (key - second) / SECOND;
  return second === 0 ? String.fromCharCode(first) : String.fromCharCode(first, second);
}

/**
 * The positions of the lexeme at hand, as tsvector keeps them: ascending, without repeats, the
 * lowest MAX_POSITIONS_PER_LEXEME. Tokens arrive sorted by lexeme then position; each lexeme's
 * positions are gathered here with addPosition, then taken (as text or written in binary).
 */
const lexemePositions = new Uint16Array(MAX_POSITIONS_PER_LEXEME);
let lexemePositionCount = 0;

function addPosition(position: number): void {
  const n = lexemePositionCount;
  if (n === MAX_POSITIONS_PER_LEXEME || (n > 0 && lexemePositions[n - 1] === position)) return;
  lexemePositions[n] = position;
  lexemePositionCount = n + 1;
}

function takePositionsText(): string {
  const text = lexemePositions.subarray(0, lexemePositionCount).join(',');
  lexemePositionCount = 0;
  return text;
}

/** Writes the positions gathered (their count, then each, 16 bits big-endian) at `at`; returns the offset after them. */
function takePositionsBinary(out: Buffer, at: number): number {
  const n = lexemePositionCount;
  out[at++] = n >> 8;
  out[at++] = n & 0xff;
  for (let i = 0; i < n; i++) {
    out[at++] = lexemePositions[i]! >> 8;
    out[at++] = lexemePositions[i]! & 0xff;
  }
  lexemePositionCount = 0;
  return at;
}

/** The title's search vector as tsvector text, e.g. `'1985':1 '关':1 '关于':1 …`. */
export function titleVectorText(title: string): string {
  const parts: string[] = [];
  const words = wordTokens(title);
  for (let k = 0; k < words.length; ) {
    const word = words[k][0];
    for (; k < words.length && words[k][0] === word; k++) addPosition(words[k][1]);
    parts.push(`'${word}':${takePositionsText()}`);
  }
  const count = hanTokens(title);
  for (let k = 0; k < count; ) {
    const key = Math.floor(tokens[k] / POSITIONS);
    for (; k < count && tokens[k] < (key + 1) * POSITIONS; k++) addPosition(tokens[k] - key * POSITIONS);
    parts.push(`'${hanText(key)}':${takePositionsText()}`);
  }
  return parts.join(' ');
}

/** Bytes that writeTitleVector may need for a title, at most. */
export function titleVectorBound(title: string): number {
  // Per UTF-16 unit at most one Chinese lexeme of up to 6 bytes, with a NUL, a count and a position.
  return 4 + 11 * title.length;
}

function writeUtf8(c: number, out: Buffer, at: number): number {
  // Every Chinese character indexed is U+3400 or above: three bytes of UTF-8.
  out[at] = 0xe0 | (c >> 12);
  out[at + 1] = 0x80 | ((c >> 6) & 0x3f);
  out[at + 2] = 0x80 | (c & 0x3f);
  return at + 3;
}

/**
 * Writes the title's search vector in tsvector's binary form (what tsvectorrecv reads: the
 * lexeme count, then each lexeme as NUL-terminated UTF-8 with its position count and its
 * positions, weight D, ascending) at `at` in `out`, which has titleVectorBound(title) bytes
 * free there. Returns the offset after it.
 */
export function writeTitleVector(title: string, out: Buffer, at: number): number {
  const countAt = at;
  let count = 0;
  at += 4;
  const words = wordTokens(title);
  for (let k = 0; k < words.length; ) {
    const word = words[k][0];
    for (let i = 0; i < word.length; i++) out[at++] = word.charCodeAt(i);
    out[at++] = 0;
    for (; k < words.length && words[k][0] === word; k++) addPosition(words[k][1]);
    at = takePositionsBinary(out, at);
    count += 1;
  }
  const hanCount = hanTokens(title);
  for (let k = 0; k < hanCount; ) {
    const key = Math.floor(tokens[k] / POSITIONS);
    const second = key % SECOND;
    at = writeUtf8((key - second) / SECOND, out, at);
    if (second !== 0) at = writeUtf8(second, out, at);
    out[at++] = 0;
    const end = (key + 1) * POSITIONS;
    for (; k < hanCount && tokens[k] < end; k++) addPosition(tokens[k] - key * POSITIONS);
    at = takePositionsBinary(out, at);
    count += 1;
  }
  out.writeInt32BE(count, countAt);
  return at;
}
