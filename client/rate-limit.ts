/**
 * The gateway answers a caller over its rate with HTTP 429, RATE_LIMITED and a Retry-After
 * header. urql's retry exchange backs off on its own schedule and never reads Retry-After, so
 * the client's fetch waits what the gateway asks, a bounded number of times, and then hands
 * the last 429 on as the answer.
 */
import { retryAfterSeconds } from './errors.js';

export interface RateLimitRetry {
  /**
   * How many times one request is sent again after a 429.
   * @default 3
   */
  maxRetries?: number;
  /**
   * The longest Retry-After honoured, in seconds; a longer wait is left to the caller.
   * @default 30
   */
  maxWaitSeconds?: number;
}

function wait(milliseconds: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `fetch` that sends a request again when it is answered 429, after the wait the answer names. */
export function retryingOnRateLimit(fetchImpl: typeof fetch, options: RateLimitRetry = {}): typeof fetch {
  const maxRetries = options.maxRetries ?? 3;
  const maxWaitSeconds = options.maxWaitSeconds ?? 30;
  return async (input, init) => {
    for (let retry = 0; ; retry++) {
      const response = await fetchImpl(input, init);
      if (response.status !== 429 || retry >= maxRetries) return response;
      const seconds = retryAfterSeconds(response.headers.get('retry-after'));
      if (seconds === null || seconds > maxWaitSeconds) return response;
      await response.body?.cancel();
      await wait(seconds * 1000, init?.signal);
    }
  };
}
