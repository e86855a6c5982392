/**
 * A circuit breaker per shard endpoint. A shard that keeps failing would otherwise cost every
 * request that touches it the whole timeout; once open, the breaker answers "unavailable" at
 * once for a cool-down, then lets a single trial call through (half-open): its success closes
 * the breaker, its failure opens it for another cool-down.
 */

export interface CircuitBreakerOptions {
  /**
   * Consecutive failures that open the breaker.
   * @default 5
   */
  failureThreshold?: number;
  /**
   * How long an open breaker fails fast before it lets a trial call through, in milliseconds.
   * @default 10000
   */
  coolDownMs?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #trialInFlight = false;
  readonly #threshold: number;
  readonly #coolDownMs: number;
  readonly #now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.#threshold = options.failureThreshold ?? 5;
    this.#coolDownMs = options.coolDownMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.#state;
  }

  /** Whether a call may go out now; in half-open state only one trial at a time. */
  tryAcquire(): boolean {
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') {
      if (this.#now() - this.#openedAt < this.#coolDownMs) return false;
      this.#state = 'half-open';
      this.#trialInFlight = false;
    }
    if (this.#trialInFlight) return false;
    this.#trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.#state = 'closed';
    this.#failures = 0;
    this.#trialInFlight = false;
  }

  recordFailure(): void {
    this.#failures += 1;
    if (this.#state === 'half-open' || this.#failures >= this.#threshold) {
      this.#state = 'open';
      this.#openedAt = this.#now();
      this.#trialInFlight = false;
    }
  }
}

/** One breaker per endpoint URL, made on first use. */
export class CircuitBreakers {
  readonly #breakers = new Map<string, CircuitBreaker>();

  constructor(readonly options: CircuitBreakerOptions = {}) {}

  for(endpoint: string): CircuitBreaker {
    let breaker = this.#breakers.get(endpoint);
    if (!breaker) {
      breaker = new CircuitBreaker(this.options);
      this.#breakers.set(endpoint, breaker);
    }
    return breaker;
  }
}
