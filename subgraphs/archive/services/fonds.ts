/** 全宗: the fonds of an archive, ordered by 全宗号, and their creation and description. */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badUserInput, conflict, notFound } from '../../../protocol/errors.js';
import type { ArchiveContext } from '../context.js';
import { FondsSchema, type FondsRow } from '../entities/index.js';
import type { FondsInput, FondsUpdateInput } from '../generated/resolvers-types.js';
import { requireThisArchive } from './archive-profile.js';
import { optionalText, requiredText, year } from '../../../protocol/input.js';
import { localKey } from './input.js';
import { decodeCursor } from '../../../protocol/cursor.js';
import { pageOf, pageSize, type Page } from './pagination.js';
import { requireArchivist } from './visibility.js';

export async function listFonds(ctx: ArchiveContext, args: { first?: number | null; after?: string | null }): Promise<Page<FondsRow>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['string'] as const);
  const rows = await ctx.em.find(FondsSchema, after ? { fondsCode: { $gt: after[0] } } : {}, {
    orderBy: { fondsCode: 'asc' },
    limit: size + 1,
  });
  return pageOf(rows, size, (fonds) => [fonds.fondsCode], () => ctx.em.count(FondsSchema, {}));
}

export async function findFonds(ctx: ArchiveContext, id: string): Promise<FondsRow | null> {
  const key = localKey(id, 'Fonds', ctx.archive);
  return key === null ? null : ctx.loaders.fonds.load(key);
}

function checkYears(startYear: number | null | undefined, endYear: number | null | undefined): void {
  if (startYear != null) year('startYear', startYear);
  if (endYear != null) year('endYear', endYear);
  if (startYear != null && endYear != null && startYear > endYear) {
    throw badUserInput(`"startYear" (${startYear}) is after "endYear" (${endYear}).`);
  }
}

async function flushFonds(ctx: ArchiveContext, fondsCode: string): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict(`全宗号 ${fondsCode} is already used by another fonds of archive ${ctx.archive}.`);
    }
    throw error;
  }
}

export async function createFonds(ctx: ArchiveContext, archiveId: string, input: FondsInput): Promise<FondsRow> {
  requireArchivist(ctx.viewer, ctx.archive, 'create fonds');
  requireThisArchive(ctx, archiveId);
  checkYears(input.startYear, input.endYear);
  const fondsCode = requiredText('fondsCode', input.fondsCode, 50);
  const fonds = ctx.em.create(FondsSchema, {
    fondsCode,
    name: requiredText('name', input.name, 200),
    creator: requiredText('creator', input.creator, 200),
    startYear: input.startYear ?? null,
    endYear: input.endYear ?? null,
    description: optionalText('description', input.description, 5000),
  });
  await flushFonds(ctx, fondsCode);
  return fonds;
}

export async function updateFonds(ctx: ArchiveContext, id: string, input: FondsUpdateInput): Promise<FondsRow> {
  requireArchivist(ctx.viewer, ctx.archive, 'update fonds');
  const key = localKey(id, 'Fonds', ctx.archive);
  const fonds = key === null ? null : await ctx.em.findOne(FondsSchema, { id: key });
  if (!fonds) throw notFound(`Fonds ${id} does not exist in archive ${ctx.archive} (全宗不存在).`);
  for (const field of ['name', 'creator'] as const) {
    if (field in input && input[field] === null) throw badUserInput(`"${field}" cannot be cleared; omit it to keep the current value.`);
  }
  const startYear = input.startYear !== undefined ? input.startYear : fonds.startYear;
  const endYear = input.endYear !== undefined ? input.endYear : fonds.endYear;
  checkYears(startYear, endYear);
  if (input.name != null) fonds.name = requiredText('name', input.name, 200);
  if (input.creator != null) fonds.creator = requiredText('creator', input.creator, 200);
  fonds.startYear = startYear ?? null;
  fonds.endYear = endYear ?? null;
  if (input.description !== undefined) fonds.description = optionalText('description', input.description, 5000);
  await flushFonds(ctx, fonds.fondsCode);
  return fonds;
}
