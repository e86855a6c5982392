/**
 * The holdings counters (holdings_grain, migration holdings_grain) of a bulk write into an
 * emptied archive, counted as the records stream past, instead of by refresh_holdings_grain()
 * reading the written tables again: that refresh scans the record table twice and digital
 * copies once, and hashes every record, about a tenth of the database's work in a province load.
 * The seeds' loader counts a generated catalogue; a first catalogue import copied straight in
 * counts its rows (catalogue-import/import.ts), which have no copies and no items.
 *
 * The counts are those refresh_holdings_grain() makes, grouped by the same nine properties
 * (test/seeds/holdings-grain.test.ts and test/import/import.test.ts compare them with the
 * function's own). They rely on what the generator promises of each chunk (seeds/catalogue.ts): a
 * record's digital copies and a file's items come in the same chunk as the record or file.
 */
import type pg from 'pg';

/** What the counters read of a record. */
export interface CountedRecord {
  id: number;
  parentId: number | null;
  level: string;
  category: string;
  year: number;
  access: string;
  electronic: boolean;
}

/** What the counters read of a digital copy. */
export interface CountedCopy {
  recordId: number;
  pages: number;
  bytes: number;
}

interface GrainRow {
  category: string;
  year: number;
  access: string;
  level: string;
  standalone: boolean;
  electronic: boolean;
  hasCopy: boolean;
  hasItems: boolean;
  hasOpenItems: boolean;
  records: number;
  copyPages: number;
  /** Bytes of copies, exact as long as they stay below 2^53 (9 PB). */
  copyBytes: number;
}

export class HoldingsGrain {
  private readonly rows = new Map<string, GrainRow>();

  /** Counts the records of one chunk, with their copies and items. */
  add(chunk: { readonly records: readonly CountedRecord[]; readonly digitalObjects: readonly CountedCopy[] }): void {
    const copies = new Map<number, { pages: number; bytes: number }>();
    for (const copy of chunk.digitalObjects) {
      const sum = copies.get(copy.recordId);
      if (sum) {
        sum.pages += copy.pages;
        sum.bytes += copy.bytes;
      } else {
        copies.set(copy.recordId, { pages: copy.pages, bytes: copy.bytes });
      }
    }
    // Files with items, and whether any of their items is open.
    const files = new Map<number, boolean>();
    for (const record of chunk.records) {
      if (record.parentId !== null) files.set(record.parentId, files.get(record.parentId) === true || record.access === 'OPEN');
    }
    for (const r of chunk.records) this.count(r, copies.get(r.id), files.get(r.id));
  }

  /** Counts one record that has no digital copy and no items. */
  addAlone(record: CountedRecord): void {
    this.count(record, undefined, undefined);
  }

  /** `openItems`: whether any of the record's items is open, undefined when it has none. */
  private count(r: CountedRecord, copy: { pages: number; bytes: number } | undefined, openItems: boolean | undefined): void {
    const standalone = r.level === 'ITEM' && r.parentId === null;
    const key = `${r.category}|${r.year}|${r.access}|${r.level}|${standalone}|${r.electronic}|${copy !== undefined}|${openItems !== undefined}|${openItems === true}`;
    let row = this.rows.get(key);
    if (!row) {
      row = {
        category: r.category,
        year: r.year,
        access: r.access,
        level: r.level,
        standalone,
        electronic: r.electronic,
        hasCopy: copy !== undefined,
        hasItems: openItems !== undefined,
        hasOpenItems: openItems === true,
        records: 0,
        copyPages: 0,
        copyBytes: 0,
      };
      this.rows.set(key, row);
    }
    row.records += 1;
    if (copy) {
      row.copyPages += copy.pages;
      row.copyBytes += copy.bytes;
    }
  }

  /**
   * Replaces the archive's grain with these counts and marks it current, as
   * refresh_holdings_grain() does, in the caller's transaction (the load's, after every record
   * and copy is in: their writes are what moved the holdings version on).
   */
  async write(client: pg.ClientBase, schema: string): Promise<void> {
    const rows = [...this.rows.values()];
    if (rows.some((row) => !Number.isSafeInteger(row.copyBytes))) throw new RangeError('Bytes of digital copies beyond 2^53: count them with refresh_holdings_grain().');
    await client.query(`select pg_advisory_xact_lock(hashtext($1 || '.holdings_grain'))`, [schema]);
    await client.query(`delete from "${schema}".holdings_grain`);
    await client.query(
      `insert into "${schema}".holdings_grain
         (category, year, access, level, standalone, electronic, has_copy, has_items, has_open_items, records, copy_pages, copy_bytes)
       select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bool[], $6::bool[], $7::bool[], $8::bool[], $9::bool[],
                            $10::bigint[], $11::bigint[], $12::numeric[])`,
      [
        rows.map((r) => r.category),
        rows.map((r) => r.year),
        rows.map((r) => r.access),
        rows.map((r) => r.level),
        rows.map((r) => r.standalone),
        rows.map((r) => r.electronic),
        rows.map((r) => r.hasCopy),
        rows.map((r) => r.hasItems),
        rows.map((r) => r.hasOpenItems),
        rows.map((r) => r.records),
        rows.map((r) => r.copyPages),
        rows.map((r) => String(r.copyBytes)),
      ],
    );
    await client.query(`update "${schema}".holdings_grain_state set refreshed_version = (select version from "${schema}".holdings_version)`);
  }
}
