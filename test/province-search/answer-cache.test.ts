/** The cache of search answers holds at most its cap, dropping the least recently used first. */
import { describe, expect, it } from 'vitest';
import { estimatedBytes, SearchAnswerCache } from '../../subgraphs/province/search/answer-cache.js';

const answer = (n: number) => ({ totalCount: n, hits: [{ id: `360100:Record:${n}`, score: 0.5 }] });

describe('SearchAnswerCache', () => {
  it('serves an answer only for the version it was cached under, and drops it for another', () => {
    const cache = new SearchAnswerCache<ReturnType<typeof answer>>(1 << 20);
    cache.set('a', '7.1234', answer(1));
    expect(cache.get('a', '7.1234')).toEqual(answer(1));
    expect(cache.get('a', '8.1234')).toBeUndefined();
    expect(cache.get('a', '7.1234')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('stays within its cap, dropping the least recently used answers first', () => {
    const entry = estimatedBytes('k1', answer(1));
    const cache = new SearchAnswerCache<ReturnType<typeof answer>>(entry * 3);
    for (const n of [1, 2, 3]) cache.set(`k${n}`, 'v', answer(n));
    expect(cache.get('k1', 'v')).toEqual(answer(1));
    cache.set('k4', 'v', answer(4));
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.get('k2', 'v')).toBeUndefined();
    for (const n of [1, 3, 4]) expect(cache.get(`k${n}`, 'v')).toEqual(answer(n));
  });

  it('refuses an answer larger than the whole cap, and freezes the answers it keeps', () => {
    const cache = new SearchAnswerCache<ReturnType<typeof answer>>(100);
    cache.set('big', 'v', answer(1));
    expect(cache.size).toBe(0);
    const roomy = new SearchAnswerCache<ReturnType<typeof answer>>(1 << 20);
    roomy.set('a', 'v', answer(1));
    const kept = roomy.get('a', 'v')!;
    expect(Object.isFrozen(kept.hits[0])).toBe(true);
  });
});
