/**
 * Who may see and change what in one archive. Every read path asks `visibleAccess` which
 * records a caller may see, and nothing else decides it: record(id), _entities, the
 * connections and their counts, digital copies, search hits and facets, and what the catalogue
 * versions tell the province a caller sees (catalogue-versions.ts). Reads by id also
 * honour a person's read grants (`visibleRecordSql`). Holdings at the annual report's grains are
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
 * The records the caller may see, as one SQL condition on an archive's `record` table under
 * `alias`: by their 开放 status, or, for a person who may hold read grants (查阅授权, given when
 * the archive fulfilled a cross-region request, 异地查档), by an unexpired grant to the caller's
 * `sub` on that very record. Reads by id (record, _entities, digital copies) use it inside their
 * one statement, so a hidden record returns no row, exactly as a missing one: the two cost the
 * same work and cannot be told apart by the time an answer takes.
 */
export function visibleRecordSql(viewer: Identity, archive: string, schema: string, alias: string): { sql: string; params: unknown[] } {
  const access = visibleAccess(viewer, archive);
  const byStatus = `${alias}.access in (${access.map(() => '?').join(', ')})`;
  if (!mayHoldRecordGrants(viewer, archive)) return { sql: byStatus, params: [...access] };
  return {
    sql: `(${byStatus} or exists (select 1 from "${schema}".record_grant g
      where g.record_id = ${alias}.id and g.subject = ? and g.expires_at > now()))`,
    params: [...access, viewer.sub],
  };
}

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
