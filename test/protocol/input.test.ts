import { describe, expect, it } from 'vitest';
import { chinaDate, endOfDayInChina, startOfDayInChina } from '../../protocol/china-time.js';
import { decodeCursor, encodeCursor } from '../../protocol/cursor.js';
import { isoDate, optionalText, pageSize, requiredText } from '../../protocol/input.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
    return (error as Error).message;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('cursors', () => {
  it('give back the key they were made from, part by part', () => {
    const key = ['2026-03-01', 42, 'a:b', 0.5, '2026-03-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'];
    const shape = ['date', 'integer', 'string', 'finite', 'instant', 'uuid'] as const;
    expect(decodeCursor(encodeCursor(key), shape)).toEqual(key);
    expect(decodeCursor(null, shape)).toBeNull();
  });

  it('refuse a damaged cursor or a part of the wrong kind with one message', () => {
    const bad = [
      'not-a-cursor',
      encodeCursor(['2026-02-30']),
      encodeCursor([1.5]),
      encodeCursor(['a\u0000b']),
      encodeCursor([Number.MAX_VALUE * 10]),
      encodeCursor(['x', 'y']),
      'A'.repeat(5000),
    ];
    const shapes = [['string'], ['date'], ['integer'], ['string'], ['finite'], ['string'], ['string']] as const;
    const messages = bad.map((cursor, i) => messageOf(() => decodeCursor(cursor, shapes[i]!)));
    for (const message of messages) expect(message).toMatch(/^Invalid cursor ".*": pass an endCursor or edge cursor returned by this connection\.$/);
  });
});

describe('input checks', () => {
  it('say the same about "first" in every service: non-negative, and the maximum', () => {
    expect(pageSize(undefined, { default: 20, max: 100 })).toBe(20);
    expect(pageSize(0, { default: 20, max: 100 })).toBe(0);
    expect(messageOf(() => pageSize(-1, { default: 20, max: 100 }))).toBe('"first" must be a non-negative whole number, at most 100, got -1.');
    expect(messageOf(() => pageSize(101, { default: 20, max: 100 }))).toMatch(/at most 100/);
    expect(messageOf(() => pageSize(0, { default: 10, min: 1, max: 200 }))).toBe('"first" must be a whole number of at least 1, at most 200, got 0.');
  });

  it('trim text, refuse empty required text, control characters and overlong text', () => {
    expect(requiredText('title', '  题名 ', 10)).toBe('题名');
    expect(optionalText('note', '   ', 10)).toBeNull();
    expect(messageOf(() => requiredText('title', ' ', 10))).toBe('"title" must not be empty.');
    expect(messageOf(() => optionalText('note', 'a\u0000', 10))).toMatch(/control characters/);
    expect(messageOf(() => requiredText('title', '档案档案档案', 5))).toBe('"title" may be at most 5 characters, got 6.');
  });

  it('accept only real dates written YYYY-MM-DD', () => {
    expect(isoDate('date', '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-2-1', '0999-01-01', 'today']) expect(messageOf(() => isoDate('date', bad))).toMatch(/real date/);
  });
});

describe('China time', () => {
  it('puts an instant on the calendar day it is in China (UTC+8)', () => {
    expect(chinaDate(Date.parse('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('starts and ends a day at midnight in China', () => {
    expect(startOfDayInChina('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(endOfDayInChina('2026-03-01').toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });
});
