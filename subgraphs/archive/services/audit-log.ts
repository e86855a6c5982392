/**
 * 查阅审计: every read of a record that is not open (延期开放 or 未审核) is written to the
 * archive's audit log — who, which record, when, through which field — and only the
 * archive's own archivists may read that log.
 *
 * A request collects its reads in an AuditTrail as records are resolved (whatever the path:
 * record(id), _entities, the connections, items, parent) and writes them in one insert when
 * it ends, before its answer leaves the archive (subgraphs/archive/server.ts). One record read
 * twice through the same field in one request is one entry.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden } from '../../../protocol/errors.js';
import type { Identity } from '../../../protocol/identity.js';
import type { ArchiveContext } from '../context.js';
import { AuditEntrySchema, type AuditEntryRow, type RecordRow } from '../entities/index.js';
import { decodeCursor } from '../../../protocol/cursor.js';
import { pageOf, pageSize, type Page } from './pagination.js';
import { isArchivistOf } from './visibility.js';

interface AuditedRead {
  recordId: number;
  access: RecordRow['access'];
  field: string;
}

/** The reads of closed records made by one request, written once when it ends. */
export class AuditTrail {
  readonly #reads = new Map<string, AuditedRead>();

  constructor(
    readonly viewer: Identity,
    readonly schema: string,
  ) {}

  /** Notes that `record` was returned through `field` (`Type.field`); open records are not logged. */
  noteRead(record: Pick<RecordRow, 'id' | 'access'>, field: string): void {
    if (record.access === 'OPEN') return;
    const key = `${record.id}|${field}`;
    if (!this.#reads.has(key)) this.#reads.set(key, { recordId: record.id, access: record.access, field });
  }

  get pending(): number {
    return this.#reads.size;
  }

  /** Writes the noted reads in one statement; nothing when there are none. */
  async write(em: EntityManager): Promise<void> {
    if (this.#reads.size === 0) return;
    const reads = [...this.#reads.values()];
    this.#reads.clear();
    const params: unknown[] = [];
    const rows = reads.map((read) => {
      params.push(this.viewer.sub ?? null, this.viewer.role, read.recordId, read.access, read.field);
      return '(?, ?, ?, ?, ?)';
    });
    await em
      .getConnection()
      .execute(`insert into "${this.schema}".audit_entry (subject, role, record_id, access, field) values ${rows.join(', ')}`, params, 'run');
  }
}

/** Only the archive's own archivists read its audit log: not admins, not supervisors. */
export function mayReadAuditLog(viewer: Identity, archive: string): boolean {
  return isArchivistOf(viewer, archive);
}

/** The audit log, newest first. */
export async function listAuditLog(ctx: ArchiveContext, args: { first?: number | null; after?: string | null }): Promise<Page<AuditEntryRow>> {
  if (!mayReadAuditLog(ctx.viewer, ctx.archive)) {
    throw forbidden(`Only archivists of archive ${ctx.archive} may read its audit log (查阅审计).`);
  }
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['string'] as const);
  if (after && !/^\d{1,18}$/.test(after[0])) {
    throw badUserInput(`Invalid cursor "${String(args.after).slice(0, 40)}": pass an endCursor returned by auditLog.`);
  }
  const rows = await ctx.em.find(AuditEntrySchema, after ? { id: { $lt: after[0] } } : {}, { orderBy: { id: 'desc' }, limit: size + 1 });
  return pageOf(rows, size, (row) => [String(row.id)], () => ctx.em.count(AuditEntrySchema, {}));
}
