/**
 * Where an archive host's calls for many archives live: an archive served at
 * `<origin>/archives/<code>/graphql` (the archive host's own layout, subgraphs/archive/server.ts)
 * shares its host's batch endpoint (`/archives/batch`) and catalogue versions endpoint
 * (`/archives/versions`) with the host's other archives. Used by every service that calls
 * many archives at once: the province's scatter-gather and the gateway's entity fetches.
 */
import type { Identity } from './identity.js';
import { ShardUnreachableError, type GraphQLResponseBody, type ShardClient } from './shard-client.js';

/** An archive's code and the GraphQL endpoint the directory gives it. */
export interface ArchiveEndpoint {
  id: string;
  endpoint: string;
}

/** How long a host has for a batch within a call of `timeoutMs`: room is left for the answer's way back. */
export function hostDeadlineMs(timeoutMs: number): number {
  return Math.max(1, timeoutMs - Math.min(250, Math.floor(timeoutMs / 5)));
}

/**
 * The origin of the archive host serving an archive at `<origin>/archives/<code>/graphql`
 * (the archive host's own layout), or null for an endpoint of any other shape.
 */
function hostOriginOf(archive: ArchiveEndpoint): string | null {
  let url: URL;
  try {
    url = new URL(archive.endpoint);
  } catch {
    return null;
  }
  if (url.search || url.pathname.replace(/\/$/, '') !== `/archives/${archive.id}/graphql`) return null;
  return url.origin;
}

/** The batch endpoint of an archive's host (subgraphs/archive/batch.ts), or null when it is not on an archive host. */
export function batchEndpointOf(archive: ArchiveEndpoint): string | null {
  const origin = hostOriginOf(archive);
  return origin === null ? null : `${origin}/archives/batch`;
}

/** The catalogue versions endpoint of an archive's host (subgraphs/archive/catalogue-versions.ts), or null. */
export function versionsEndpointOf(archive: ArchiveEndpoint): string | null {
  const origin = hostOriginOf(archive);
  return origin === null ? null : `${origin}/archives/versions`;
}

/** How long a host whose batch (or versions) endpoint answered 404 is called archive by archive. */
export const UNBATCHED_RETRY_MS = 10 * 60_000;

/** One archive's query in a host's batch (subgraphs/archive/batch.ts). */
export interface HostBatchItem {
  archive: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * Calls of a host's batch endpoint, for one service: one HTTP exchange carries the queries of
 * all the host's archives in a call. Remembers hosts that have no batch endpoint (an older
 * archive host, or a service of another shape behind the same origin): their archives are
 * called one by one until UNBATCHED_RETRY_MS has passed (the host may have been upgraded).
 */
export class HostBatchCalls {
  readonly #client: ShardClient;
  /** Batch endpoints that answered 404, until when. */
  readonly #unbatched = new Map<string, number>();

  constructor(client: ShardClient) {
    this.#client = client;
  }

  /** The batch endpoint to call `archive` through, or null when it is called on its own. */
  endpointOf(archive: ArchiveEndpoint): string | null {
    const url = batchEndpointOf(archive);
    return url !== null && (this.#unbatched.get(url) ?? 0) > Date.now() ? null : url;
  }

  /**
   * POSTs the requests of a host's archives to its batch endpoint. Resolves with one response
   * body per request, in order, or null when the host has no batch endpoint (HTTP 404: its
   * archives are then called one by one for a while); rejects with ShardUnreachableError when
   * the host cannot be reached, times out, or answers anything but a batch of the archives asked.
   */
  async post(url: string, items: readonly HostBatchItem[], identity: Identity, timeoutMs: number): Promise<GraphQLResponseBody[] | null> {
    const { status, json } = await this.#client.postJson(
      url,
      // The host answers within a little less than the timeout, naming the archives still
      // working then, so one slow archive does not take its whole host's answer with it.
      { requests: items, timeoutMs: hostDeadlineMs(timeoutMs) },
      identity,
      { timeoutMs, archives: items.map((item) => item.archive) },
    );
    if (status === 404) {
      this.#unbatched.set(url, Date.now() + UNBATCHED_RETRY_MS);
      return null;
    }
    if (status !== 200) throw new ShardUnreachableError(url, 'http', `HTTP ${status}`);
    const responses = (json as { responses?: unknown } | undefined)?.responses;
    const fits =
      Array.isArray(responses) &&
      responses.length === items.length &&
      responses.every((body, i) => typeof body === 'object' && body !== null && (body as { archive?: unknown }).archive === items[i]!.archive);
    if (!fits) throw new ShardUnreachableError(url, 'protocol', 'a batch answer that does not match the archives asked');
    return responses as GraphQLResponseBody[];
  }
}
