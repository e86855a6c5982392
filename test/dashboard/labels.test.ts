/**
 * The dashboard's words for figures and times, as the page writes them in every table and
 * status line.
 */
import { describe, expect, it } from 'vitest';
import { when } from '../../dashboard/src/labels.js';

describe('when', () => {
  it('writes a timestamp as the browser writes a local zh-CN date and time, on a 24-hour clock', () => {
    for (const iso of ['2026-12-05T08:00:03Z', '2026-01-05T23:59:59.500Z', '1999-07-01T00:00:00+08:00', '2024-02-29T12:30:00Z']) {
      expect(when(iso)).toBe(new Date(iso).toLocaleString('zh-CN', { hour12: false }));
    }
    expect(when('2026-12-05T08:00:03Z')).toMatch(/^2026\/12\/5 \d\d:00:03$/);
  });

  it('writes a dash for no time, and an unreadable time as it came', () => {
    expect(when(null)).toBe('—');
    expect(when(undefined)).toBe('—');
    expect(when('')).toBe('—');
    expect(when('not a time')).toBe('not a time');
  });
});
