/**
 * The rows the generator produces and the loader writes: one interface per table of an
 * archive's schema (`archive_<code>`), with the stored enum values, which are the GraphQL
 * enum value names of schema/archive.graphql. Ids are the rows' own integer keys.
 */

import type {
  AccessStatus,
  ArchiveLevel,
  Category,
  Classification,
  RecordLevel,
  Retention,
  UseChannel,
  UsePurpose,
} from '../subgraphs/archive/generated/resolvers-types.js';

// The enums are the ones graphql-codegen generates from schema/archive.graphql, never retyped.
export type { AccessStatus, ArchiveLevel, Category, Classification, RecordLevel, Retention, UseChannel, UsePurpose };

/** The 民生 categories (婚姻, 社保, 知青, 招工) that citizens ask for most. */
export const LIVELIHOOD_CATEGORIES: readonly Category[] = ['MARRIAGE', 'SOCIAL_SECURITY', 'RUSTICATED_YOUTH', 'RECRUITMENT'];

export interface ArchiveRow {
  code: string;
  name: string;
  level: ArchiveLevel;
  address: string;
  services: string[];
}

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
  author: string;
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
