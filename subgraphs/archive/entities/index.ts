/**
 * The archive's tables as MikroORM entities (defineEntity, no decorators), one file per table:
 * the archive's profile, its fonds (全宗) and records (案卷, 件), digital copies, open reviews,
 * read grants, the utilization log, exhibitions and compilations, and the read audit. Every
 * entity uses the wildcard schema, fixed per request by em.fork({ schema }) to the archive's
 * own `archive_<code>`; the bulk layout of the same tables is bulk/tables.ts.
 */
import { ArchiveSchema } from './archive.js';
import { AuditEntrySchema } from './audit-entry.js';
import { CompilationSchema } from './compilation.js';
import { DigitalObjectSchema } from './digital-object.js';
import { ExhibitionSchema } from './exhibition.js';
import { FondsSchema } from './fonds.js';
import { OpenReviewSchema } from './open-review.js';
import { RecordSchema } from './record.js';
import { RecordGrantSchema } from './record-grant.js';
import { UtilizationSchema } from './utilization.js';

export * from './archive.js';
export * from './audit-entry.js';
export * from './compilation.js';
export * from './digital-object.js';
export * from './exhibition.js';
export * from './fonds.js';
export * from './open-review.js';
export * from './record.js';
export * from './record-grant.js';
export * from './utilization.js';

// Each file declares one table with MikroORM's defineEntity ({ name, tableName, schema,
// properties }): the declarations share that shape, and differ in their columns.
/** Every entity of an archive's schema; all use the wildcard schema, fixed per request by em.fork({ schema }). */
export const ARCHIVE_ENTITIES = [
  ArchiveSchema,
  FondsSchema,
  RecordSchema,
  DigitalObjectSchema,
  OpenReviewSchema,
  UtilizationSchema,
  ExhibitionSchema,
  CompilationSchema,
  AuditEntrySchema,
  RecordGrantSchema,
];
