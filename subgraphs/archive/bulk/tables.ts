/**
 * The bulk layout of an archive's catalogue tables (schema `archive_<code>`): for each table
 * the row as it is stored, the columns a bulk load writes in COPY order, the columns it leaves
 * to their defaults, and how a row is written in PostgreSQL's binary COPY format. The seeds'
 * loader and the catalogue import both write through these layouts, so a migration that adds a
 * column must add it here too: test/bulk/tables.test.ts compares every layout with the
 * migrated schema and fails on a column that is neither written nor deliberately defaulted.
 *
 * Enum values are the GraphQL enum value names of schema/archive.graphql (generated, never
 * retyped). Ids are the rows' own integer keys.
 */
import type { BinaryCopyWriter } from './copy-binary.js';
import type {
  AccessStatus,
  ArchiveLevel,
  Category,
  Classification,
  RecordLevel,
  Retention,
  UseChannel,
  UsePurpose,
} from '../generated/resolvers-types.js';

export type { AccessStatus, ArchiveLevel, Category, Classification, RecordLevel, Retention, UseChannel, UsePurpose };

/** The archive's own row (its profile); the archive subgraph writes it, never a bulk load. */
export interface ArchiveRow {
  code: string;
  name: string;
  level: ArchiveLevel;
  address: string;
  services: string[];
}

// One layout per table, each in the same declarative shape (columns, defaults, writer): the
// layouts read alike because each table is declared apart, so that test/bulk/tables.test.ts can
// compare each with its migrated table.
export interface FondsRow {
  id: number;
  fondsCode: string;
  name: string;
  creator: string;
  startYear: number;
  endYear: number;
  description: string;
}

export interface RecordRow {
  id: number;
  fondsId: number;
  /** The file (案卷) an item sits in. */
  parentId: number | null;
  level: RecordLevel;
  referenceCode: string;
  title: string;
  author: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  year: number;
  retention: Retention;
  classification: Classification;
  access: AccessStatus;
  category: Category;
  pages: number | null;
  electronic: boolean;
  remarks: string | null;
}

export interface DigitalObjectRow {
  id: number;
  recordId: number;
  format: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** ISO 8601 timestamp */
  createdAt: string;
}

export interface OpenReviewRow {
  id: number;
  recordId: number;
  previousAccess: AccessStatus;
  decidedAccess: AccessStatus;
  reason: string;
  reviewer: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  recordedBy: string;
  /** ISO 8601 timestamp */
  recordedAt: string;
}

export interface UtilizationRow {
  id: number;
  /** YYYY-MM-DD */
  visitedOn: string;
  visitors: number;
  itemsProvided: number;
  purpose: UsePurpose;
  channel: UseChannel;
}

export interface ExhibitionRow {
  id: number;
  title: string;
  startDate: string;
  endDate: string | null;
  visitors: number;
  online: boolean;
}

export interface CompilationRow {
  id: number;
  title: string;
  year: number;
  characters: number;
  publisher: string | null;
}

/**
 * One table's columns in COPY order and how a row's values are written, in that same order
 * (test/seeds/load.test.ts reads every column of loaded rows back). One function per table
 * rather than one per column: it runs for every row, and V8 inlines a chain of direct calls.
 */
export interface BulkTable<Row> {
  name: string;
  columns: readonly string[];
  /** Columns a bulk load leaves to their defaults (the time a row was written). */
  defaulted: readonly string[];
  write(out: BinaryCopyWriter, row: Row): void;
}

const WRITTEN_AT = ['created_at', 'updated_at'] as const;

export const FONDS: BulkTable<FondsRow> = {
  name: 'fonds',
  columns: ['id', 'fonds_code', 'name', 'creator', 'start_year', 'end_year', 'description'],
  defaulted: WRITTEN_AT,
  write: (out, r) => {
    out
      .int4(r.id)
      .text(r.fondsCode)
      .text(r.name)
      .text(r.creator)
      .int4(r.startYear)
      .int4(r.endYear)
      .text(r.description);
  },
};

export const RECORD_COLUMNS = ['id', 'fonds_id', 'parent_id', 'level', 'reference_code', 'title', 'author', 'date', 'year', 'retention', 'classification', 'access', 'category', 'pages', 'electronic', 'remarks', 'search_vector'] as const;

/** Writes a record's values from `level` on (every column after its three keys), in RECORD_COLUMNS order. */
export function writeRecordValues(out: BinaryCopyWriter, r: Omit<RecordRow, 'id' | 'fondsId' | 'parentId'>): void {
  out
    .text(r.level)
    .text(r.referenceCode)
    .text(r.title)
    .text(r.author)
    .date(r.date)
    .int4(r.year)
    .text(r.retention)
    .text(r.classification)
    .text(r.access)
    .text(r.category)
    .int4(r.pages)
    .bool(r.electronic)
    .text(r.remarks)
    // Given, not computed by the row trigger: title_tsvector() would be most of the load's time.
    .titleVector(r.title);
}

export const RECORD: BulkTable<RecordRow> = {
  name: 'record',
  columns: RECORD_COLUMNS,
  // oai_datestamp: a new row's harvest datestamp is the time it was written, as for any insert.
  defaulted: [...WRITTEN_AT, 'oai_datestamp'],
  write: (out, r) => {
    out.int4(r.id).int4(r.fondsId).int4(r.parentId);
    writeRecordValues(out, r);
  },
};

export const DIGITAL_OBJECT: BulkTable<DigitalObjectRow> = {
  name: 'digital_object',
  columns: ['id', 'record_id', 'format', 'pages', 'bytes', 'sha256', 'created_at'],
  defaulted: [],
  write: (out, r) => {
    out
      .int4(r.id)
      .int4(r.recordId)
      .text(r.format)
      .int4(r.pages)
      .int8(r.bytes)
      .text(r.sha256)
      .timestamptz(r.createdAt);
  },
};

export const OPEN_REVIEW: BulkTable<OpenReviewRow> = {
  name: 'open_review',
  columns: ['id', 'record_id', 'previous_access', 'decided_access', 'reason', 'reviewer', 'decided_on', 'recorded_by', 'recorded_at'],
  defaulted: [],
  write: (out, r) => {
    out
      .int4(r.id)
      .int4(r.recordId)
      .text(r.previousAccess)
      .text(r.decidedAccess)
      .text(r.reason)
      .text(r.reviewer)
      .date(r.decidedOn)
      .text(r.recordedBy)
      .timestamptz(r.recordedAt);
  },
};

export const UTILIZATION: BulkTable<UtilizationRow> = {
  name: 'utilization',
  columns: ['id', 'visited_on', 'visitors', 'items_provided', 'purpose', 'channel'],
  defaulted: [],
  write: (out, r) => {
    out
      .int4(r.id)
      .date(r.visitedOn)
      .int4(r.visitors)
      .int4(r.itemsProvided)
      .text(r.purpose)
      .text(r.channel);
  },
};

export const EXHIBITION: BulkTable<ExhibitionRow> = {
  name: 'exhibition',
  columns: ['id', 'title', 'start_date', 'end_date', 'visitors', 'online'],
  defaulted: [],
  write: (out, r) => {
    out
      .int4(r.id)
      .text(r.title)
      .date(r.startDate)
      .date(r.endDate)
      .int4(r.visitors)
      .bool(r.online);
  },
};

export const COMPILATION: BulkTable<CompilationRow> = {
  name: 'compilation',
  columns: ['id', 'title', 'year', 'characters', 'publisher'],
  defaulted: [],
  write: (out, r) => {
    out
      .int4(r.id)
      .text(r.title)
      .int4(r.year)
      .int4(r.characters)
      .text(r.publisher);
  },
};

/** Every catalogue table's layout, children before parents (the order they are emptied in). */
export const BULK_TABLES = [OPEN_REVIEW, DIGITAL_OBJECT, RECORD, FONDS, UTILIZATION, EXHIBITION, COMPILATION] as const;

/** The catalogue tables of an archive's schema, children before parents (for truncation order). */
export const CATALOGUE_TABLES = BULK_TABLES.map((table) => table.name);
