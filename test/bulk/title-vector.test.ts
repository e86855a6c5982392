/**
 * The loader gives each record the search vector of its title, computed in TypeScript and sent
 * in tsvector's binary form; it must be exactly what the archive's title_tsvector() makes of
 * the title, or search would find seeded records differently from records written through the
 * API. Other writes get the vector from title_tsvector() through the record trigger, also when
 * a title changes.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinaryCopyWriter } from '../../subgraphs/archive/bulk/copy-binary.js';
import { seedNetwork } from '../../seeds/network.js';
import { titleVectorText } from '../../subgraphs/archive/bulk/title-vector.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('titlevec');
  // A city archive: its titles cover every category, 民国 and recent years, names and places.
  await seedNetwork({ url: database.url, scale: 'small', archives: ['360100'], seed: 3 });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function sqlVector(title: string): Promise<string> {
  const { rows } = await client.query<{ v: string }>('select archive_360100.title_tsvector($1)::text as v', [title]);
  return rows[0]!.v;
}

async function loaderVector(title: string): Promise<string> {
  const { rows } = await client.query<{ v: string }>('select $1::tsvector::text as v', [titleVectorText(title)]);
  return rows[0]!.v;
}

/** The vector as the loader sends it (binary COPY), read back as text. */
async function copiedVector(title: string): Promise<string> {
  await client.query('create temp table if not exists copied (v tsvector)');
  await client.query('truncate copied');
  const out = new BinaryCopyWriter();
  out.row(1).titleVector(title);
  await pipeline(Readable.from([out.end()]), client.query(copyFrom('copy copied (v) from stdin with (format binary)')));
  const { rows } = await client.query<{ v: string }>('select v::text as v from copied');
  return rows[0]!.v;
}

const EDGE_CASES = [
  ['an empty title', ''],
  ['latin words and digits among Chinese', 'ABC 1985年关于x9 的通知（OFD）'],
  ['a word repeated in other cases', 'OFD ofd Ofd 1985 1985'],
  ['a single character', '档'],
  ['punctuation between characters', '南昌·九江、赣州；上饶'],
  ['characters outside the basic plane', '𠀀𠀁中文𪚥字'],
  ['compatibility ideographs', '兰台豈更'],
  ['a character repeated more often than tsvector keeps positions', '档'.repeat(300)],
  ['positions past the cap of 16383', `${' '.repeat(16380)}关于${'档案'.repeat(5)}`],
] as const;

describe('the search vector the loader gives a title', () => {
  it('equals title_tsvector() for every seeded record', async () => {
    const { rows } = await client.query<{ records: number; different: number }>(
      `select count(*)::int as records, count(*) filter (where search_vector is distinct from archive_360100.title_tsvector(title))::int as different
         from archive_360100.record`,
    );
    expect(rows[0]!.records).toBeGreaterThan(1000);
    expect(rows[0]!.different).toBe(0);
  });

  it.each(EDGE_CASES)('equals title_tsvector() for %s, as text', async (_, title) => {
    expect(await loaderVector(title)).toBe(await sqlVector(title));
  });

  it.each(EDGE_CASES)('equals title_tsvector() for %s, in the binary form the loader copies', async (_, title) => {
    expect(await copiedVector(title)).toBe(await sqlVector(title));
  });

  it('is computed by the trigger for a record written without it, and again when its title changes', async () => {
    const { rows } = await client.query<{ id: number; fonds_id: number }>('select id, fonds_id from archive_360100.record order by id limit 1');
    const inserted = await client.query<{ id: number }>(
      `insert into archive_360100.record (fonds_id, level, reference_code, title, year, retention, access, category)
       values ($1, 'ITEM', 'TEST-0001', '关于档案馆开放的通知', 2001, 'D30', 'OPEN', 'ADMINISTRATIVE') returning id`,
      [rows[0]!.fonds_id],
    );
    const vectorOf = async (id: number) =>
      (await client.query<{ v: string; expected: string }>('select search_vector::text as v, archive_360100.title_tsvector(title)::text as expected from archive_360100.record where id = $1', [id])).rows[0]!;
    const fresh = await vectorOf(inserted.rows[0]!.id);
    expect(fresh.v).toBe(fresh.expected);
    expect(fresh.v).toContain(`'开放'`);
    await client.query(`update archive_360100.record set title = '婚姻登记档案' where id = $1`, [rows[0]!.id]);
    const changed = await vectorOf(rows[0]!.id);
    expect(changed.v).toBe(await sqlVector('婚姻登记档案'));
  });
});
