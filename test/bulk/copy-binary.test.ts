/**
 * The binary COPY writer the loader sends rows with: every kind of value it writes must arrive
 * as the same value, NULLs included, whatever the size of the piece it was sent in.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinaryCopyWriter, copyStatement } from '../../subgraphs/archive/bulk/copy-binary.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('copybin');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`create schema copied`);
  await client.query(`create table copied.value (
    id integer, whole bigint, label text, day date, instant timestamptz, flag boolean, digest char(64)
  )`);
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

interface Value {
  id: number | null;
  whole: number | null;
  label: string | null;
  day: string | null;
  instant: string | null;
  flag: boolean | null;
  digest: string | null;
}

const COLUMNS = ['id', 'whole', 'label', 'day', 'instant', 'flag', 'digest'];

async function copyValues(values: readonly Value[], pieceRows = Infinity): Promise<Value[]> {
  await client.query('truncate copied.value');
  const out = new BinaryCopyWriter(64);
  const pieces: Buffer[] = [];
  values.forEach((v, i) => {
    out.row(COLUMNS.length).int4(v.id).int8(v.whole).text(v.label).date(v.day).timestamptz(v.instant).bool(v.flag).text(v.digest);
    if ((i + 1) % pieceRows === 0) pieces.push(out.take());
  });
  pieces.push(out.end());
  await pipeline(Readable.from(pieces), client.query(copyFrom(copyStatement('copied', 'value', COLUMNS))));
  const { rows } = await client.query<Value>(
    `select id, whole::float8 as whole, label, to_char(day, 'YYYY-MM-DD') as day,
            to_char(instant at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as instant, flag, digest
       from copied.value order by id nulls last`,
  );
  return rows;
}

const SHA = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);

describe('binary COPY of the loader', () => {
  it('stores integers, text, dates, instants, booleans and fixed-width text as written, on both sides of 2000-01-01', async () => {
    const values: Value[] = [
      { id: 1, whole: 0, label: '关于档案工作的通知', day: '2000-01-01', instant: '2000-01-01T00:00:00.000Z', flag: true, digest: SHA },
      { id: 2, whole: 2 ** 53 - 1, label: 'ASCII and 𠀀 outside the BMP', day: '1912-02-29', instant: '1949-10-01T07:00:00.123Z', flag: false, digest: SHA },
      { id: -2147483648, whole: -(2 ** 40) - 7, label: '', day: '2024-12-31', instant: '2024-02-29T23:59:59.999Z', flag: true, digest: SHA },
      { id: 2147483647, whole: 1_234_567_890_123, label: 'tab\tnewline\nquote\'"backslash\\', day: '1999-12-31', instant: '1999-12-31T23:59:59.999Z', flag: false, digest: SHA },
    ];
    expect(await copyValues(values)).toEqual([...values].sort((a, b) => a.id! - b.id!));
  });

  it('stores NULL in every column', async () => {
    const nothing: Value = { id: null, whole: null, label: null, day: null, instant: null, flag: null, digest: null };
    expect(await copyValues([nothing])).toEqual([nothing]);
  });

  it('arrives whole when sent in many small pieces from a writer that grows', async () => {
    const values: Value[] = Array.from({ length: 500 }, (_, i) => ({
      id: i,
      whole: i * 1_000_003,
      label: `第${i}号${'档'.repeat(i % 40)}`,
      day: `19${String(50 + (i % 50)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      instant: `20${String(10 + (i % 15))}-1${i % 3}-0${1 + (i % 9)}T0${i % 10}:30:00.000Z`,
      flag: i % 2 === 0,
      digest: SHA,
    }));
    expect(await copyValues(values, 7)).toEqual(values);
  });

  it('hands over pieces that hold only their own bytes, so a big load keeps no buffer larger than what it sends', () => {
    const out = new BinaryCopyWriter(4 * 1024 * 1024);
    const pieces: Buffer[] = [];
    for (let i = 0; i < 3; i++) {
      out.row(1).text(`第${i}件`);
      pieces.push(out.take());
    }
    pieces.push(out.end());
    for (const piece of pieces) expect(piece.buffer.byteLength).toBe(piece.length);
    // Each piece is its own: writing on does not change those handed over.
    expect(Buffer.concat(pieces).subarray(19).toString('utf8')).toContain('第0件');
  });

  it('refuses values it cannot write exactly instead of sending something else', () => {
    const out = new BinaryCopyWriter();
    expect(() => out.int8(2 ** 53 + 2)).toThrow(RangeError);
    expect(() => out.date('1985-7-1')).toThrow(RangeError);
    expect(() => out.date('1985-02-29')).toThrow(RangeError);
    expect(() => out.timestamptz('not a time')).toThrow(RangeError);
  });
});
