/**
 * The client's answer to HTTP 429: it waits the Retry-After the gateway names and sends the
 * request again, a bounded number of times, then returns RATE_LIMITED with the wait. A local
 * server on port 0 plays a gateway that limits every caller (Retry-After: 0, so nothing waits).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, retryAfterSeconds, SearchCatalogueDocument } from '../../client/index.js';
import { close, listen } from '../../protocol/http.js';

let server: Server;
let url: string;
/** How many requests the server still answers 429 before it answers with data. */
let limitedAnswers = 0;
let retryAfter = '0';
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push(JSON.parse(body));
      const limited = limitedAnswers > 0;
      if (limited) limitedAnswers -= 1;
      const answer = limited
        ? { errors: [{ message: '请求过于频繁: too many requests', extensions: { code: 'RATE_LIMITED' } }] }
        : { data: { searchCatalogue: { totalCount: 0, countsAreExact: true, partial: false, unavailableArchives: [], hits: [], facets: { byArchive: [], byRegion: [], byCategory: [], byDecade: [], byAccess: [] }, pageInfo: { hasNextPage: false, endCursor: null } } } };
      response.writeHead(limited ? 429 : 200, { 'content-type': 'application/json', ...(limited ? { 'retry-after': retryAfter } : {}) });
      response.end(JSON.stringify(answer));
    });
  });
  url = `http://127.0.0.1:${await listen(server, 0)}/graphql`;
});

afterAll(() => close(server));

describe('a rate-limited client', () => {
  it('sends the request again after Retry-After and returns the answer that follows', async () => {
    received.length = 0;
    limitedAnswers = 2;
    const { data, errors } = await createClient({ url }).request(SearchCatalogueDocument, { query: '婚姻' });
    expect(errors).toEqual([]);
    expect(data!.searchCatalogue!.totalCount).toBe(0);
    expect(received).toHaveLength(3);
    // Each retry is the same request, by document id.
    expect(new Set(received.map((body) => JSON.stringify(body))).size).toBe(1);
  });

  it('gives up after its retries and returns RATE_LIMITED with the wait the gateway named', async () => {
    received.length = 0;
    limitedAnswers = 100;
    const { data, errors } = await createClient({ url, rateLimitRetry: { maxRetries: 2 } }).request(SearchCatalogueDocument, {});
    expect(data).toBeNull();
    expect(errors).toEqual([{ code: 'RATE_LIMITED', message: '请求过于频繁: too many requests', retryAfterSeconds: 0 }]);
    expect(received).toHaveLength(3);
  });

  it('does not wait longer than it is allowed to', async () => {
    received.length = 0;
    limitedAnswers = 1;
    retryAfter = '3600';
    try {
      const { errors } = await createClient({ url, rateLimitRetry: { maxWaitSeconds: 60 } }).request(SearchCatalogueDocument, {});
      expect(errors).toEqual([expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 3600 })]);
      expect(received).toHaveLength(1);
    } finally {
      retryAfter = '0';
      limitedAnswers = 0;
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-05T00:00:00Z');
    expect(retryAfterSeconds('7', now)).toBe(7);
    expect(retryAfterSeconds('Sat, 05 Dec 2026 00:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});
