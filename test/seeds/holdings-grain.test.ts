import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNetwork } from '../../seeds/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

let database: TestDatabase;
let client: pg.Client;
const ARCHIVES = ['360000', '360100', '360121'];

beforeAll(async () => {
  database = await createTestDatabase('seedgrain');
  await seedNetwork({ url: database.url, scale: 'small', archives: ARCHIVES, seed: 3 });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function grain(code: string) {
  const { rows } = await client.query(
    `select category, year, access, level, standalone, electronic, has_copy, has_items, has_open_items, records::text, copy_pages::text, copy_bytes::text
       from archive_${code}.holdings_grain order by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  );
  return rows;
}

describe('holdings counters of a seeded archive', () => {
  it('are counted by the loader exactly as refresh_holdings_grain() counts them from the loaded tables, and marked current', async () => {
    for (const code of ARCHIVES) {
      const { rows: [state] } = await client.query(
        `select (select version from archive_${code}.holdings_version) = (select refreshed_version from archive_${code}.holdings_grain_state) as current`,
      );
      expect(state.current, code).toBe(true);
      const loaded = await grain(code);
      expect(loaded.length, code).toBeGreaterThan(50);
      expect(loaded.some((row) => row.has_copy && row.has_items && row.has_open_items), code).toBe(true);
      // Marked behind, the function counts everything again from the tables.
      await client.query(`update archive_${code}.holdings_version set version = version + 1`);
      await client.query(`select archive_${code}.refresh_holdings_grain()`);
      expect(await grain(code), code).toEqual(loaded);
    }
  });
});
