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
import { RECORD_COLUMNS } from './services/records.js';
import { executeBatched } from './services/statement-batch.js';
import { visibleRecordSql } from './services/visibility.js';

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

/** `schema` is the archive's PostgreSQL schema, validated when the request's context was built. */
export function createLoaders(em: EntityManager, archive: string, schema: string, viewer: Identity): ArchiveLoaders {
  const visible = visibleRecordSql(viewer, archive, schema, 'r');
  const inList = (ids: readonly number[]) => ids.map(() => '?').join(', ');
  // Both loaders read by id in one statement that applies the caller's visibility, read grants
  // included: a hidden record and its copies return no row, as missing ones do, so the two
  // cost the same work and cannot be told apart by the time an answer takes.
  // The records come back as one row (a JSON array), so that the reads of several archives of
  // this database that arrive together, a page of search hits fetched through a host's batch,
  // go out as one statement (statement-batch.ts) instead of one round trip each.
  const record = new DataLoader<number, RecordRow | null>(async (ids) => {
    const row = await executeBatched<{ records: Record<string, unknown>[] }>(
      em.getConnection(),
      `select coalesce(json_agg(x), '[]'::json) as records
         from (select ${RECORD_COLUMNS} from "${schema}".record r where r.id in (${inList(ids)}) and ${visible.sql}) x`,
      [...ids, ...visible.params],
    );
    return byKey(ids, (row?.records ?? []).map((record) => em.map(RecordSchema, record)), (record) => record.id);
  });
  const digitalObject = new DataLoader<number, DigitalObjectRow | null>(async (ids) => {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `select d.id, d.record_id, d.format, d.pages, d.bytes, d.sha256, d.created_at
         from "${schema}".digital_object d join "${schema}".record r on r.id = d.record_id
        where d.id in (${inList(ids)}) and ${visible.sql}`,
      [...ids, ...visible.params],
    );
    return byKey(ids, rows.map((row) => em.map(DigitalObjectSchema, row)), (row) => row.id);
  });
  return {
    archive: new DataLoader(async (codes) =>
      byKey(codes, await em.find(ArchiveSchema, { code: { $in: [...codes] } }), (row) => row.code),
    ),
    fonds: new DataLoader(async (ids) => byKey(ids, await em.find(FondsSchema, { id: { $in: [...ids] } }), (row) => row.id)),
    record,
    digitalObject,
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
