/**
 * Field resolvers of the contract's entities, over the entity rows. Ids are built here from
 * the request's archive code and the row's integer key (protocol/ids.ts); references from
 * the gateway (_entities) are batched through the per-request loaders.
 */
import { entityId } from '../../../protocol/ids.js';
import type {
  ArchiveResolvers,
  AuditEntryResolvers,
  CompilationResolvers,
  DigitalObjectResolvers,
  ExhibitionResolvers,
  FondsResolvers,
  OpenReviewResolvers,
  RecordResolvers,
  UtilizationResolvers,
} from '../generated/resolvers-types.js';
import { CONTRACT_VERSION, thisArchive } from '../services/archive-profile.js';
import { referenceKey } from '../services/input.js';
import { listAuditLog } from '../services/audit-log.js';
import { listFonds } from '../services/fonds.js';
import { openReviewsOf } from '../services/open-reviews.js';
import { listCompilations, listExhibitions } from '../services/outreach.js';
import { listRecords } from '../services/records.js';
import { findUtilization, listUtilizations } from '../services/utilization.js';

const isoTimestamp = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export const Archive: ArchiveResolvers = {
  __resolveReference: (reference, ctx) =>
    (reference as { id?: unknown }).id === ctx.archive ? ctx.loaders.archive.load(ctx.archive) : null,
  id: (archive) => archive.code,
  services: (archive) => archive.services ?? [],
  contractVersion: () => CONTRACT_VERSION,
  fonds: (_, args, ctx) => listFonds(ctx, args),
  records: (_, args, ctx) => listRecords(ctx, args),
  exhibitions: (_, args, ctx) => listExhibitions(ctx, args),
  compilations: (_, args, ctx) => listCompilations(ctx, args),
  utilizations: (_, args, ctx) => listUtilizations(ctx, args),
  auditLog: (_, args, ctx) => listAuditLog(ctx, args),
};

export const AuditEntry: AuditEntryResolvers = {
  readAt: (entry) => isoTimestamp(entry.readAt),
  recordId: (entry, _, ctx) => entityId(ctx.archive, 'Record', entry.recordId),
};

// Each entity resolves its references the same way (its local key in this archive, through
// the request's loader): a few lines per type, kept beside that type's other fields.
export const Fonds: FondsResolvers = {
  __resolveReference: (reference, ctx) => {
    const key = referenceKey(reference, 'Fonds', ctx.archive);
    return key === null ? null : ctx.loaders.fonds.load(key);
  },
  id: (fonds, _, ctx) => entityId(ctx.archive, 'Fonds', fonds.id),
  archive: (_, __, ctx) => thisArchive(ctx),
  records: (fonds, args, ctx) => listRecords(ctx, args, { fondsId: fonds.id }),
};

export const Record: RecordResolvers = {
  __resolveReference: (reference, ctx) => {
    const key = referenceKey(reference, 'Record', ctx.archive);
    return key === null ? null : ctx.loaders.record.load(key);
  },
  id: (record, _, ctx) => entityId(ctx.archive, 'Record', record.id),
  archive: (_, __, ctx) => thisArchive(ctx),
  fonds: async (record, _, ctx) => {
    const fonds = await ctx.loaders.fonds.load(record.fondsId);
    if (!fonds) throw new Error(`Record ${record.id} refers to a missing fonds ${record.fondsId}.`);
    return fonds;
  },
  parent: (record, _, ctx) => (record.parentId == null ? null : ctx.loaders.record.load(record.parentId)),
  items: (record, args, ctx) => listRecords(ctx, { first: args.first, after: args.after }, { parentId: record.id }),
  date: (record) => record.date ?? null,
  hasDigitalCopy: async (record, _, ctx) => (await ctx.loaders.digitalObjectsByRecord.load(record.id)).length > 0,
  digitalObjects: (record, _, ctx) => ctx.loaders.digitalObjectsByRecord.load(record.id),
  openReviews: (record, _, ctx) => openReviewsOf(ctx, record),
};

export const OpenReview: OpenReviewResolvers = {
  recordedAt: (review) => isoTimestamp(review.recordedAt),
};

export const DigitalObject: DigitalObjectResolvers = {
  __resolveReference: (reference, ctx) => {
    const key = referenceKey(reference, 'DigitalObject', ctx.archive);
    return key === null ? null : ctx.loaders.digitalObject.load(key);
  },
  id: (digitalObject, _, ctx) => entityId(ctx.archive, 'DigitalObject', digitalObject.id),
  record: async (digitalObject, _, ctx) => {
    // Only copies of visible records are ever returned, so the record is there.
    const record = await ctx.loaders.record.load(digitalObject.recordId);
    if (!record) throw new Error(`Digital object ${digitalObject.id} refers to a record the caller may not see.`);
    return record;
  },
  createdAt: (digitalObject) => isoTimestamp(digitalObject.createdAt),
};

export const Utilization: UtilizationResolvers = {
  __resolveReference: (reference, ctx) =>
    typeof reference.id === 'string' ? findUtilization(ctx, reference.id).catch(() => null) : null,
  id: (utilization, _, ctx) => entityId(ctx.archive, 'Utilization', utilization.id),
  archive: (_, __, ctx) => thisArchive(ctx),
  date: (utilization) => utilization.visitedOn,
};

export const Exhibition: ExhibitionResolvers = {
  __resolveReference: (reference, ctx) => {
    const key = referenceKey(reference, 'Exhibition', ctx.archive);
    return key === null ? null : ctx.loaders.exhibition.load(key);
  },
  id: (exhibition, _, ctx) => entityId(ctx.archive, 'Exhibition', exhibition.id),
  archive: (_, __, ctx) => thisArchive(ctx),
};

export const Compilation: CompilationResolvers = {
  __resolveReference: (reference, ctx) => {
    const key = referenceKey(reference, 'Compilation', ctx.archive);
    return key === null ? null : ctx.loaders.compilation.load(key);
  },
  id: (compilation, _, ctx) => entityId(ctx.archive, 'Compilation', compilation.id),
  archive: (_, __, ctx) => thisArchive(ctx),
};
