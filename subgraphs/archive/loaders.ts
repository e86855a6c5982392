/**
 * Per-request DataLoaders, one per key. Each batches one `em.find(E, { id: { $in } })` and
 * answers null for an id it did not find, never a placeholder; record loaders apply the
 * caller's visibility, so a hidden record is indistinguishable from a missing one.
 */
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../protocol/identity.js';
import {
  ArchiveSchema,
  CompilationSchema,
  DigitalObjectSchema,
  ExhibitionSchema,
  FondsSchema,
  OpenReviewSchema,
  RecordSchema,
  UtilizationSchema,
  type ArchiveRow,
  type CompilationRow,
  type DigitalObjectRow,
  type ExhibitionRow,
  type FondsRow,
  type OpenReviewRow,
  type RecordRow,
  type UtilizationRow,
} from './entities/index.js';
import { grantedRecordIds } from './services/record-grants.js';
import { mayHoldRecordGrants, maySeeRecord, visibleAccess } from './services/visibility.js';

export interface ArchiveLoaders {
  archive: DataLoader<string, ArchiveRow | null>;
  fonds: DataLoader<number, FondsRow | null>;
  /** Records the caller may see. */
  record: DataLoader<number, RecordRow | null>;
  /** Digital copies of records the caller may see. */
  digitalObject: DataLoader<number, DigitalObjectRow | null>;
  /** All digital copies of a record, by record id, oldest first. */
  digitalObjectsByRecord: DataLoader<number, DigitalObjectRow[]>;
  /** Open-review decisions on a record, by record id, oldest first. */
  openReviewsByRecord: DataLoader<number, OpenReviewRow[]>;
  utilization: DataLoader<number, UtilizationRow | null>;
  exhibition: DataLoader<number, ExhibitionRow | null>;
  compilation: DataLoader<number, CompilationRow | null>;
}

function byKey<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

function groupedBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

export function createLoaders(em: EntityManager, archive: string, viewer: Identity): ArchiveLoaders {
  const access = [...visibleAccess(viewer, archive)];
  const record = new DataLoader<number, RecordRow | null>(async (ids) => {
    if (!mayHoldRecordGrants(viewer, archive)) {
      return byKey(ids, await em.find(RecordSchema, { id: { $in: [...ids] }, access: { $in: access } }), (row) => row.id);
    }
    // A person may hold read grants (查阅授权). They are looked up for every id asked, found or
    // not, hidden or not: looking them up only for hidden records made a closed record's answer
    // take one statement longer than a missing one's, which told the two apart by time.
    const rows = await em.find(RecordSchema, { id: { $in: [...ids] } });
    const granted = await grantedRecordIds(em, viewer.sub!, ids);
    return byKey(ids, rows.filter((row) => maySeeRecord(viewer, archive, row, granted)), (row) => row.id);
  });
  return {
    archive: new DataLoader(async (codes) =>
      byKey(codes, await em.find(ArchiveSchema, { code: { $in: [...codes] } }), (row) => row.code),
    ),
    fonds: new DataLoader(async (ids) => byKey(ids, await em.find(FondsSchema, { id: { $in: [...ids] } }), (row) => row.id)),
    record,
    digitalObject: new DataLoader(async (ids) => {
      const found = byKey(ids, await em.find(DigitalObjectSchema, { id: { $in: [...ids] } }), (row) => row.id);
      // The record of every copy asked is loaded, record 0 (which never exists) for a copy that
      // does not: the copy of a closed record and a missing copy then cost the same statements.
      const records = await record.loadMany(found.map((row) => row?.recordId ?? 0));
      return found.map((row, i) => (row && records[i] !== null && !(records[i] instanceof Error) ? row : null));
    }),
    digitalObjectsByRecord: new DataLoader(async (recordIds) =>
      groupedBy(
        recordIds,
        await em.find(DigitalObjectSchema, { recordId: { $in: [...recordIds] } }, { orderBy: { id: 'asc' } }),
        (row) => row.recordId,
      ),
    ),
    openReviewsByRecord: new DataLoader(async (recordIds) =>
      groupedBy(
        recordIds,
        await em.find(OpenReviewSchema, { recordId: { $in: [...recordIds] } }, { orderBy: { id: 'asc' } }),
        (row) => row.recordId,
      ),
    ),
    utilization: new DataLoader(async (ids) =>
      byKey(ids, await em.find(UtilizationSchema, { id: { $in: [...ids] } }), (row) => row.id),
    ),
    exhibition: new DataLoader(async (ids) =>
      byKey(ids, await em.find(ExhibitionSchema, { id: { $in: [...ids] } }), (row) => row.id),
    ),
    compilation: new DataLoader(async (ids) =>
      byKey(ids, await em.find(CompilationSchema, { id: { $in: [...ids] } }), (row) => row.id),
    ),
  };
}
