/**
 * 案卷与文件: listing records by 档号, and creating and describing them. Access (开放状态)
 * changes only through an open review (open-reviews.ts).
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badUserInput, conflict, notFound } from '../../../protocol/errors.js';
import type { ArchiveContext } from '../context.js';
import { RecordSchema, type RecordRow } from '../entities/index.js';
import type { RecordFilter, RecordInput, RecordUpdateInput } from '../generated/resolvers-types.js';
import { isoDate, nonNegativeInt, optionalText, requiredText, year } from '../../../protocol/input.js';
import { localKey } from './input.js';
import { decodeCursor } from '../../../protocol/cursor.js';
import { pageOf, pageSize, type Page } from './pagination.js';
import { recordConditions, table, type RecordScope } from './record-query.js';
import { requireArchivist } from './visibility.js';

/** A record's columns under alias `r`, as `em.map(RecordSchema, row)` reads them. */
export const RECORD_COLUMNS = [
  'id', 'fonds_id', 'parent_id', 'level', 'reference_code', 'title', 'author', 'date', 'year', 'retention',
  'classification', 'access', 'category', 'pages', 'electronic', 'remarks', 'created_at', 'updated_at',
].map((column) => `r.${column}`).join(', ');

export interface RecordPageArgs {
  first?: number | null;
  after?: string | null;
  filter?: RecordFilter | null;
}

/** A page of the records the caller may see (of the archive, a fonds or a file), ordered by 档号, with keyset paging. */
export async function listRecords(ctx: ArchiveContext, args: RecordPageArgs, scope: RecordScope = {}): Promise<Page<RecordRow>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['string'] as const);
  const where = recordConditions(ctx, args.filter, scope);
  const connection = ctx.em.getConnection();
  const rows = await connection.execute<Record<string, unknown>[]>(
    `select ${RECORD_COLUMNS} from ${table(ctx, 'record')} r
      where ${where.sql}${after ? ' and r.reference_code > ?' : ''}
      order by r.reference_code limit ?`,
    [...where.params, ...(after ? [after[0]] : []), size + 1],
  );
  const records = rows.map((row) => ctx.em.map(RecordSchema, row));
  return pageOf(records, size, (record) => [record.referenceCode], async () => {
    const [count] = await connection.execute<{ n: number }[]>(
      `select count(*)::int as n from ${table(ctx, 'record')} r where ${where.sql}`,
      where.params,
    );
    return count!.n;
  });
}

/** A record any caller may address by id; hidden and missing records are both null. */
export async function findRecord(ctx: ArchiveContext, id: string): Promise<RecordRow | null> {
  const key = localKey(id, 'Record', ctx.archive);
  return key === null ? null : ctx.loaders.record.load(key);
}

/** For mutations: the record, or NOT_FOUND. Archivists see every record, so nothing is hidden here. */
async function recordToChange(ctx: ArchiveContext, id: string): Promise<RecordRow> {
  const key = localKey(id, 'Record', ctx.archive);
  const record = key === null ? null : await ctx.em.findOne(RecordSchema, { id: key });
  if (!record) throw notFound(`Record ${id} does not exist in archive ${ctx.archive} (档案不存在).`);
  return record;
}

function checkedPages(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : nonNegativeInt('pages', value);
}

async function flushRecord(ctx: ArchiveContext, referenceCode: string): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict(`档号 ${referenceCode} is already used by another record of archive ${ctx.archive}.`);
    }
    throw error;
  }
}

export async function createRecord(ctx: ArchiveContext, fondsId: string, input: RecordInput): Promise<RecordRow> {
  requireArchivist(ctx.viewer, ctx.archive, 'create records');
  const fondsKey = localKey(fondsId, 'Fonds', ctx.archive);
  const fonds = fondsKey === null ? null : await ctx.loaders.fonds.load(fondsKey);
  if (!fonds) throw notFound(`Fonds ${fondsId} does not exist in archive ${ctx.archive} (全宗不存在).`);

  let parentId: number | null = null;
  if (input.parent != null) {
    if (input.level !== 'ITEM') throw badUserInput('Only an item (件, level ITEM) may sit in a file; a FILE has no parent.');
    const parentKey = localKey(input.parent, 'Record', ctx.archive);
    const parent = parentKey === null ? null : await ctx.em.findOne(RecordSchema, { id: parentKey });
    if (!parent || parent.level !== 'FILE') {
      throw badUserInput(`"parent" must be a file (案卷, level FILE) of archive ${ctx.archive}; ${input.parent} is not.`);
    }
    parentId = parent.id;
  }
  const referenceCode = requiredText('referenceCode', input.referenceCode, 100);
  // Checked field by field as createFonds does (services/fonds.ts): the checks are the shared
  // ones of protocol/input.ts; what each entity requires differs.
  const record = ctx.em.create(RecordSchema, {
    fondsId: fonds.id,
    parentId,
    level: input.level,
    referenceCode,
    title: requiredText('title', input.title, 1000),
    author: optionalText('author', input.author, 200),
    date: input.date == null ? null : isoDate('date', input.date),
    year: year('year', input.year),
    retention: input.retention,
    classification: input.classification ?? 'NONE',
    access: 'UNREVIEWED',
    category: input.category,
    pages: checkedPages(input.pages),
    electronic: input.electronic ?? false,
    remarks: optionalText('remarks', input.remarks, 2000),
  });
  await flushRecord(ctx, referenceCode);
  return record;
}

export async function updateRecord(ctx: ArchiveContext, id: string, input: RecordUpdateInput): Promise<RecordRow> {
  requireArchivist(ctx.viewer, ctx.archive, 'update records');
  const record = await recordToChange(ctx, id);
  const required = ['title', 'year', 'retention', 'classification', 'category'] as const;
  for (const field of required) {
    if (field in input && input[field] === null) throw badUserInput(`"${field}" cannot be cleared; omit it to keep the current value.`);
  }
  if (input.title != null) record.title = requiredText('title', input.title, 1000);
  if (input.author !== undefined) record.author = optionalText('author', input.author, 200);
  if (input.date !== undefined) record.date = input.date === null ? null : isoDate('date', input.date);
  if (input.year != null) record.year = year('year', input.year);
  if (input.retention != null) record.retention = input.retention;
  if (input.classification != null) record.classification = input.classification;
  if (input.category != null) record.category = input.category;
  if (input.pages !== undefined) record.pages = checkedPages(input.pages);
  if (input.remarks !== undefined) record.remarks = optionalText('remarks', input.remarks, 2000);
  await flushRecord(ctx, record.referenceCode);
  return record;
}
