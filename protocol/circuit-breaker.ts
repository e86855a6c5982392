/**
 * A circuit breaker per archive host (the origin of a shard endpoint), for every service that
 * calls the archives: the gateway's shard router and the province's scatter-gather. One host often serves
 * dozens of archives: counting failures per archive spread a hung host's failures so thin that
 * no breaker opened while it hung, and they opened after it had recovered. Failures are
 * counted per host instead, so a host that stops answering is cut off after a few failed
 * calls, whichever of its archives they were for.
 *
 * Once open, the breaker answers "unavailable" at once. With a probe (the gateway's: a
 * `{ __typename }` to one of the host's endpoints), it asks the host every `probeIntervalMs`
 * whether it answers again, and closes as soon as it does, without a client paying for the
 * trial. Without a probe it lets one trial call through after `coolDownMs` (half-open): its
 * success closes the breaker, its failure opens it for another cool-down.
 */

import { ANONYMOUS } from './identity.js';
import type { ServiceMetrics } from './metrics.js';
import { ShardUnreachableError, type ShardClient } from './shard-client.js';

export interface CircuitBreakerOptions {
  /**
   * Consecutive failed calls to a host that open its breaker.
   * @default 3
   */
  failureThreshold?: number;
  /**
   * Without a probe: how long an open breaker fails fast before it lets a trial call through,
   * in milliseconds.
   * @default 10000
   */
  coolDownMs?: number;
  /**
   * With a probe: time between two probes of an open breaker's host, in milliseconds.
   * @default 500
   */
  probeIntervalMs?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Asks the host behind `endpoint` whether it answers at all. */
export type HostProbe = (endpoint: string) => Promise<boolean>;

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #trialInFlight = false;
  #probeTimer: NodeJS.Timeout | null = null;
  /** The last endpoint called on this host: what the probe asks. */
  #endpoint = '';
  readonly #threshold: number;
  readonly #coolDownMs: number;
  readonly #probeIntervalMs: number;
  readonly #now: () => number;

  constructor(
    options: CircuitBreakerOptions = {},
    readonly probe?: HostProbe,
    readonly onChange?: (state: BreakerState) => void,
  ) {
    this.#threshold = options.failureThreshold ?? 3;
    this.#coolDownMs = options.coolDownMs ?? 10_000;
    this.#probeIntervalMs = options.probeIntervalMs ?? 500;
    this.#now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.#state;
  }

  /** Whether a call to `endpoint` may go out now; in half-open state only one trial at a time. */
  tryAcquire(endpoint = ''): boolean {
    if (this.#state === 'closed') {
      this.#endpoint = endpoint;
      return true;
    }
    if (this.#state === 'open') {
      if (this.probe || this.#now() - this.#openedAt < this.#coolDownMs) return false;
      this.#change('half-open');
      this.#trialInFlight = false;
    }
    if (this.#trialInFlight) return false;
    this.#trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.#failures = 0;
    this.#trialInFlight = false;
    this.#stopProbing();
    if (this.#state !== 'closed') this.#change('closed');
  }

  /**
   * A call that ended without saying anything of the host (it failed before or after the
   * host's part): a half-open breaker lets its next trial through, as it would have after the
   * trial's success or failure.
   */
  release(): void {
    this.#trialInFlight = false;
  }

  recordFailure(): void {
    this.#failures += 1;
    if (this.#state === 'open') return;
    if (this.#state === 'half-open' || this.#failures >= this.#threshold) {
      this.#openedAt = this.#now();
      this.#trialInFlight = false;
      this.#change('open');
      this.#scheduleProbe();
    }
  }

  /** Stops probing (the gateway is stopping). */
  close(): void {
    this.#stopProbing();
  }

  #change(state: BreakerState): void {
    this.#state = state;
    this.onChange?.(state);
  }

  #scheduleProbe(): void {
    const probe = this.probe;
    if (!probe || this.#probeTimer) return;
    this.#probeTimer = setTimeout(() => {
      void probe(this.#endpoint).then(
        (answered) => {
          this.#probeTimer = null;
          if (this.#state !== 'open') return;
          if (answered) this.recordSuccess();
          else this.#scheduleProbe();
        },
        () => {
          this.#probeTimer = null;
          if (this.#state === 'open') this.#scheduleProbe();
        },
      );
    }, this.#probeIntervalMs);
    this.#probeTimer.unref();
  }

  #stopProbing(): void {
    if (this.#probeTimer) clearTimeout(this.#probeTimer);
    this.#probeTimer = null;
  }
}

/** What callThrough answers, without calling, while the host's breaker is open. */
export const CUT_OFF: unique symbol = Symbol('cut off');

/**
 * Makes `call` one call through `breaker` (none: it is simply made), `probeEndpoint` being
 * what a probe of the host would ask. While the breaker is open it answers CUT_OFF at once.
 * Otherwise the call's outcome is the host's: a ShardUnreachableError is its failure (and is
 * thrown on), an answer its success. Any other error says nothing of the host: it only gives
 * back a half-open breaker's trial, so that the breaker never waits for a call that has ended.
 */
export async function callThrough<T>(breaker: CircuitBreaker | undefined, probeEndpoint: string, call: () => Promise<T>): Promise<T | typeof CUT_OFF> {
  if (!breaker) return call();
  if (!breaker.tryAcquire(probeEndpoint)) return CUT_OFF;
  let value: T;
  try {
    value = await call();
  } catch (error) {
    if (error instanceof ShardUnreachableError) breaker.recordFailure();
    else breaker.release();
    throw error;
  }
  breaker.recordSuccess();
  return value;
}

/** The origin of an endpoint URL (its host), or the endpoint itself when it is no URL. */
export function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return endpoint;
  }
}

/** One breaker per host (the origin of the endpoints called), made on first use. */
export class CircuitBreakers {
  readonly #breakers = new Map<string, CircuitBreaker>();
  readonly #hosts = new Map<string, string>();
  readonly #listeners = new Set<(host: string, state: BreakerState) => void>();

  constructor(
    readonly options: CircuitBreakerOptions = {},
    readonly probe?: HostProbe,
  ) {}

  /** The breaker of the host that serves `endpoint`. */
  for(endpoint: string): CircuitBreaker {
    let host = this.#hosts.get(endpoint);
    if (host === undefined) {
      host = hostOf(endpoint);
      if (this.#hosts.size > 10_000) this.#hosts.clear();
      this.#hosts.set(endpoint, host);
    }
    let breaker = this.#breakers.get(host);
    if (!breaker) {
      const named = host;
      breaker = new CircuitBreaker(this.options, this.probe, (state) => {
        for (const listener of this.#listeners) listener(named, state);
      });
      this.#breakers.set(host, breaker);
    }
    return breaker;
  }

  /** Every host called so far with its breaker's state. */
  states(): [host: string, state: BreakerState][] {
    return [...this.#breakers].map(([host, breaker]) => [host, breaker.state]);
  }

  /** Calls `listener` on every change of a breaker's state; returns its removal. */
  onChange(listener: (host: string, state: BreakerState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops every probe. */
  close(): void {
    for (const breaker of this.#breakers.values()) breaker.close();
  }
}

/**
 * Probes a host with the cheapest GraphQL request there is, to one of its archive endpoints;
 * any GraphQL answer, even a refusal, shows that it answers again.
 */
export function graphqlHostProbe(client: ShardClient, timeoutMs: number): HostProbe {
  return (endpoint) =>
    client.request(endpoint, { query: '{ __typename }' }, ANONYMOUS, { timeoutMs }).then(
      () => true,
      () => false,
    );
}

/** `lantai_circuit_breaker_state` per host: 0 closed, 0.5 half-open, 1 open. */
export function breakerStateGauge(metrics: ServiceMetrics, breakers: CircuitBreakers): void {
  const value = { closed: 0, 'half-open': 0.5, open: 1 } as const;
  metrics.gauge('lantai_circuit_breaker_state', 'Circuit breaker of each archive host: 0 closed, 0.5 half-open, 1 open.', ['host'], (gauge) => {
    gauge.reset();
    for (const [host, state] of breakers.states()) gauge.set({ host }, value[state]);
  });
}
