/**
 * A call through a host's circuit breaker (callThrough), as the province's scatter and its
 * grant calls make them: the host's failures open the breaker, an open breaker answers at
 * once without calling, and a call that fails for a reason of its own never leaves a
 * half-open breaker waiting for it.
 */
import { describe, expect, it } from 'vitest';
import { callThrough, CircuitBreaker, CUT_OFF } from '../../protocol/circuit-breaker.js';
import { ShardUnreachableError } from '../../protocol/shard-client.js';

const ENDPOINT = 'http://127.0.0.1:1/archives/360100/graphql';
const unreachable = () => Promise.reject(new ShardUnreachableError(ENDPOINT, 'connection', 'refused'));

function breakerAt(clock: { now: number }) {
  return new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1_000, now: () => clock.now });
}

describe('callThrough', () => {
  it('makes the call when there is no breaker', async () => {
    await expect(callThrough(undefined, ENDPOINT, async () => 'answer')).resolves.toBe('answer');
  });

  it("opens the breaker after the host's failures, then answers CUT_OFF without calling", async () => {
    const breaker = breakerAt({ now: 0 });
    for (let i = 0; i < 2; i++) await expect(callThrough(breaker, ENDPOINT, unreachable)).rejects.toBeInstanceOf(ShardUnreachableError);
    expect(breaker.state).toBe('open');
    let called = false;
    await expect(callThrough(breaker, ENDPOINT, async () => (called = true))).resolves.toBe(CUT_OFF);
    expect(called).toBe(false);
  });

  it('closes a half-open breaker on its trial\'s answer, and lets one trial at a time through', async () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 2; i++) await callThrough(breaker, ENDPOINT, unreachable).catch(() => undefined);
    clock.now = 1_000;
    let answer!: (value: string) => void;
    const trial = callThrough(breaker, ENDPOINT, () => new Promise<string>((resolve) => (answer = resolve)));
    await expect(callThrough(breaker, ENDPOINT, async () => 'second')).resolves.toBe(CUT_OFF);
    answer('first');
    await expect(trial).resolves.toBe('first');
    expect(breaker.state).toBe('closed');
  });

  it('gives back a half-open trial that failed for a reason of its own, and throws that error on', async () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 2; i++) await callThrough(breaker, ENDPOINT, unreachable).catch(() => undefined);
    clock.now = 1_000;
    const own = new TypeError('the request could not be built');
    await expect(callThrough(breaker, ENDPOINT, () => Promise.reject(own))).rejects.toBe(own);
    expect(breaker.state).toBe('half-open');
    // The next trial goes out (a trial left in flight would have cut the host off for good).
    await expect(callThrough(breaker, ENDPOINT, async () => 'answer')).resolves.toBe('answer');
    expect(breaker.state).toBe('closed');
  });
});
