/**
 * Where an archive host's calls for many archives live: an archive served at
 * `<origin>/archives/<code>/graphql` (the archive host's own layout, subgraphs/archive/server.ts)
 * shares its host's batch endpoint (`/archives/batch`) and catalogue versions endpoint
 * (`/archives/versions`) with the host's other archives. Used by every service that calls
 * many archives at once.
 */

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
