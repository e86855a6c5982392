/**
 * Who may see and change what in one archive. Every read path asks `visibleAccess` which
 * records a caller may see, and nothing else decides it: record(id), _entities, the
 * connections and their counts, digital copies, search hits and facets. Reads by id also
 * honour a person's read grants (`maySeeRecord`). Holdings at the annual report's grains are
 * true for every role (see `seesFinerHoldings`).
 */
import { forbidden } from '../../../protocol/errors.js';
import type { Identity } from '../../../protocol/identity.js';
import type { AccessStatus } from '../generated/resolvers-types.js';

export const ALL_ACCESS: readonly AccessStatus[] = Object.freeze(['OPEN', 'DELAYED', 'UNREVIEWED']);
const OPEN_ONLY: readonly AccessStatus[] = Object.freeze(['OPEN']);

/** An archivist of this very archive. */
export function isArchivistOf(viewer: Identity, archive: string): boolean {
  return viewer.role === 'archivist' && viewer.archive === archive;
}

/** Whether the caller sees every record of the archive, whatever its 开放 status. */
export function seesAllRecords(viewer: Identity, archive: string): boolean {
  return isArchivistOf(viewer, archive) || viewer.role === 'admin';
}

/** The access statuses of the records the caller may see: all for the archive's archivists and admins, OPEN for anyone else. */
export function visibleAccess(viewer: Identity, archive: string): readonly AccessStatus[] {
  return seesAllRecords(viewer, archive) ? ALL_ACCESS : OPEN_ONLY;
}

/**
 * Whether the caller may see one record: by its 开放 status, or because the caller's `sub`
 * holds an unexpired read grant (查阅授权) on it, given when the archive fulfilled a
 * cross-region request (异地查档). `grantedRecordIds` are the caller's unexpired grants.
 */
export function maySeeRecord(
  viewer: Identity,
  archive: string,
  record: { id?: number; access: AccessStatus },
  grantedRecordIds: ReadonlySet<number> = NO_GRANTS,
): boolean {
  if (visibleAccess(viewer, archive).includes(record.access)) return true;
  return record.id !== undefined && mayHoldRecordGrants(viewer, archive) && grantedRecordIds.has(record.id);
}

const NO_GRANTS: ReadonlySet<number> = new Set();

/**
 * Grants only ever widen what a person sees who would otherwise not see every record; they
 * are looked up only for such a caller with a `sub`. Grants name single records, so only
 * reads by id (record, _entities, digital copies) honour them; listings, search and counts
 * stay as the caller's role allows.
 */
export function mayHoldRecordGrants(viewer: Identity, archive: string): boolean {
  return viewer.sub !== undefined && !seesAllRecords(viewer, archive);
}

/** The statuses a filter may select, narrowed to what the caller may see. */
export function selectableAccess(viewer: Identity, archive: string, requested?: readonly AccessStatus[] | null): AccessStatus[] {
  const visible = visibleAccess(viewer, archive);
  return requested ? visible.filter((status) => requested.includes(status)) : [...visible];
}

/** Holdings finer than the annual report's grains: the rule is shared with the protocol's identity. */
export { seesFinerHoldings } from '../../../protocol/identity.js';

/** The utilization log is the archive's own business. */
export function mayReadUtilization(viewer: Identity, archive: string): boolean {
  return seesAllRecords(viewer, archive);
}

/** Changes are made by the archive's own archivists only. */
export function requireArchivist(viewer: Identity, archive: string, action: string): void {
  if (!isArchivistOf(viewer, archive)) {
    throw forbidden(`Only archivists of archive ${archive} may ${action} (仅本馆档案工作人员可操作).`);
  }
}
