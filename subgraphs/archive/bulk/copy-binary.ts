/**
 * Rows in PostgreSQL's binary COPY format (COPY … FROM STDIN WITH (FORMAT binary)), written
 * straight into a Buffer for the bulk loader. In binary form the server only copies each value
 * in: no array literal to build in JavaScript and parse again in SQL, no date, number or
 * tsvector text to parse, which were most of a bulk insert's cost besides the table itself.
 *
 * The format (PostgreSQL documentation, "COPY", Binary Format): an 11-byte signature, a flags
 * word and a header extension length; then each row as a 16-bit field count followed by each
 * field as a 32-bit byte length (-1 for NULL) and the type's binary representation (its
 * `*recv` function's input, network byte order); then a 16-bit -1.
 */
import { titleVectorBound, writeTitleVector } from './title-vector.js';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const MS_PER_DAY = 86_400_000;
/** PostgreSQL counts dates and timestamps from 2000-01-01 00:00 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 4_294_967_296;

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * The `COPY … FROM STDIN` statement this writer's bytes answer, for these columns of a table.
 * `freeze` writes the rows frozen (COPY … FREEZE): only for a table emptied or created in the
 * same transaction, which the server checks.
 */
export function copyStatement(schema: string, table: string, columns: readonly string[], freeze = false): string {
  return `copy "${schema}"."${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin with (format binary${freeze ? ', freeze' : ''})`;
}

/**
 * Accumulates rows of one COPY in a growing buffer. `take()` hands over what has been written
 * so far (the first piece starts with the header), so a big table is sent piece by piece;
 * `end()` writes the trailer and hands over the rest.
 */
export class BinaryCopyWriter {
  private buffer: Buffer;
  private offset = 0;

  constructor(initialBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(Math.max(initialBytes, 64));
    SIGNATURE.copy(this.buffer, 0);
    this.buffer.writeInt32BE(0, 11); // flags: no OIDs
    this.buffer.writeInt32BE(0, 15); // no header extension
    this.offset = 19;
  }

  /** Bytes written and not yet taken. */
  get size(): number {
    return this.offset;
  }

  private ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  /** Starts a row of `fields` values, which must follow in the table's column order. */
  row(fields: number): this {
    this.ensure(2);
    this.buffer.writeInt16BE(fields, this.offset);
    this.offset += 2;
    return this;
  }

  null(): this {
    this.ensure(4);
    this.buffer.writeInt32BE(-1, this.offset);
    this.offset += 4;
    return this;
  }

  // One writer per PostgreSQL type: each writes a length and the value's bytes, as the binary
  // COPY format has every field do; what differs is the bytes.
  int4(value: number | null): this {
    if (value === null) return this.null();
    this.ensure(8);
    this.buffer.writeInt32BE(4, this.offset);
    this.buffer.writeInt32BE(value, this.offset + 4);
    this.offset += 8;
    return this;
  }

  /** A whole number up to 2^53, exactly. */
  int8(value: number | null): this {
    if (value === null) return this.null();
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not an exact int8: ${value}`);
    this.ensure(12);
    this.buffer.writeInt32BE(8, this.offset);
    this.writeInt64(value, this.offset + 4);
    this.offset += 12;
    return this;
  }

  bool(value: boolean | null): this {
    if (value === null) return this.null();
    this.ensure(5);
    this.buffer.writeInt32BE(1, this.offset);
    this.buffer[this.offset + 4] = value ? 1 : 0;
    this.offset += 5;
    return this;
  }

  /** Text in UTF-8, which is also what `char(n)` takes (padded or checked by the server). */
  text(value: string | null): this {
    if (value === null) return this.null();
    this.ensure(4 + value.length * 3);
    const length = this.buffer.write(value, this.offset + 4, 'utf8');
    this.buffer.writeInt32BE(length, this.offset);
    this.offset += 4 + length;
    return this;
  }

  /** A calendar date given as YYYY-MM-DD. */
  date(value: string | null): this {
    if (value === null) return this.null();
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7));
    const day = Number(value.slice(8, 10));
    if (value.length !== 10 || value[4] !== '-' || value[7] !== '-' || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) {
      throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
    }
    return this.int4Field((Date.UTC(year, month - 1, day) - POSTGRES_EPOCH_MS) / MS_PER_DAY);
  }

  /** An instant given as an ISO 8601 timestamp with its offset, to the millisecond. */
  timestamptz(value: string | null): this {
    if (value === null) return this.null();
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 timestamp: ${value}`);
    this.ensure(12);
    this.buffer.writeInt32BE(8, this.offset);
    this.writeInt64((ms - POSTGRES_EPOCH_MS) * 1000, this.offset + 4);
    this.offset += 12;
    return this;
  }

  /** The title's search vector, as title_tsvector() computes it, in tsvector's binary form. */
  titleVector(title: string): this {
    this.ensure(4 + titleVectorBound(title));
    const end = writeTitleVector(title, this.buffer, this.offset + 4);
    this.buffer.writeInt32BE(end - this.offset - 4, this.offset);
    this.offset = end;
    return this;
  }

  /**
   * The bytes written so far, in a buffer of their own and of their size; the writer goes on in
   * the buffer it has. A piece handed over as a view of the writer's buffer, with a fresh buffer
   * of that size for the writer, kept all of it alive until collected: a 4 MB buffer for each
   * 1 MB piece sent, and the dead ones, outside V8's heap, piled up between collections (an
   * import peaked anywhere from 220 to 380 MB resident from one run to the next).
   */
  take(): Buffer {
    const piece = Buffer.allocUnsafeSlow(this.offset);
    this.buffer.copy(piece, 0, 0, this.offset);
    this.offset = 0;
    return piece;
  }

  /** The trailer and every byte not yet taken. */
  end(): Buffer {
    this.ensure(2);
    this.buffer.writeInt16BE(-1, this.offset);
    this.offset += 2;
    return this.take();
  }

  private int4Field(value: number): this {
    this.ensure(8);
    this.buffer.writeInt32BE(4, this.offset);
    this.buffer.writeInt32BE(value, this.offset + 4);
    this.offset += 8;
    return this;
  }

  private writeInt64(value: number, at: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.buffer.writeInt32BE(high, at);
    this.buffer.writeUInt32BE(value - high * TWO_TO_32, at + 4);
  }
}
