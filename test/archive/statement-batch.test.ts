/**
 * executeBatched against a recording stand-in for the ORM's connection: what is sent, and that
 * every caller gets its own row, whatever happens to the others.
 */
import { describe, expect, it } from 'vitest';
import { executeBatched, MAX_COMBINED_STATEMENTS } from '../../subgraphs/archive/services/statement-batch.js';

/** Answers `select <part> as part, s.* from (select <n> as n) s union all …` as PostgreSQL would. */
function fakeConnection(failWhen: (sql: string) => boolean = () => false) {
  const sent: { sql: string; params: unknown[] }[] = [];
  const connection = {
    async execute(sql: string, params: unknown[]) {
      sent.push({ sql, params });
      if (failWhen(sql)) throw new Error('relation does not exist');
      const parts = [...sql.matchAll(/select (\d+) as part, s\.\* from \(select \? as n\) s/g)].map((m) => Number(m[1]));
      if (parts.length === 0) return [{ n: params[0] }];
      return parts.map((part, i) => ({ part, n: params[i] })).reverse();
    },
  };
  return { sent, connection: connection as unknown as Parameters<typeof executeBatched>[0] };
}

describe('statements batched per connection', () => {
  it('sends the statements queued in one turn as one, and gives each caller its own row', async () => {
    const { sent, connection } = fakeConnection();
    const rows = await Promise.all([10, 11, 12].map((n) => executeBatched(connection, 'select ? as n', [n])));
    expect(rows).toEqual([{ n: 10 }, { n: 11 }, { n: 12 }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toEqual([10, 11, 12]);
  });

  it('sends a statement alone when nothing else is queued, and later statements in a new batch', async () => {
    const { sent, connection } = fakeConnection();
    expect(await executeBatched(connection, 'select ? as n', [1])).toEqual({ n: 1 });
    expect(await executeBatched(connection, 'select ? as n', [2])).toEqual({ n: 2 });
    expect(sent.map((s) => s.sql)).toEqual(['select ? as n', 'select ? as n']);
  });

  it(`combines at most ${MAX_COMBINED_STATEMENTS} statements, in statements of even size`, async () => {
    const { sent, connection } = fakeConnection();
    const count = MAX_COMBINED_STATEMENTS * 2 + 2;
    const rows = await Promise.all(Array.from({ length: count }, (_, n) => executeBatched(connection, 'select ? as n', [n])));
    expect(rows).toEqual(Array.from({ length: count }, (_, n) => ({ n })));
    expect(sent).toHaveLength(3);
    expect(sent.map((s) => s.params.length)).toEqual([12, 12, 10]);
  });

  it("runs each statement alone when the combined one fails, so one statement's failure stays its own", async () => {
    const { sent, connection } = fakeConnection((sql) => sql.includes('union all') || sql.includes('broken'));
    const results = await Promise.allSettled([
      executeBatched(connection, 'select ? as n', [1]),
      executeBatched(connection, 'select ? as n from broken', [2]),
      executeBatched(connection, 'select ? as n', [3]),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([{ n: 1 }, 'failed', { n: 3 }]);
    expect(sent).toHaveLength(4);
  });
});
