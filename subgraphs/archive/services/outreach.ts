/** 展览与编研: the archive's exhibitions and compilations, newest first. */
import type { ArchiveContext } from '../context.js';
import { CompilationSchema, ExhibitionSchema, type CompilationRow, type ExhibitionRow } from '../entities/index.js';
import { decodeCursor } from '../../../protocol/cursor.js';
import { pageOf, pageSize, type Page } from './pagination.js';

type PageArgs = { first?: number | null; after?: string | null };

export async function listExhibitions(ctx: ArchiveContext, args: PageArgs): Promise<Page<ExhibitionRow>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['date', 'integer'] as const);
  const where = after
    ? { $or: [{ startDate: { $lt: after[0] } }, { startDate: after[0], id: { $lt: after[1] } }] }
    : {};
  const rows = await ctx.em.find(ExhibitionSchema, where, { orderBy: { startDate: 'desc', id: 'desc' }, limit: size + 1 });
  return pageOf(rows, size, (row) => [row.startDate, row.id], () => ctx.em.count(ExhibitionSchema, {}));
}

export async function listCompilations(ctx: ArchiveContext, args: PageArgs): Promise<Page<CompilationRow>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['integer', 'integer'] as const);
  const where = after ? { $or: [{ year: { $lt: after[0] } }, { year: after[0], id: { $lt: after[1] } }] } : {};
  const rows = await ctx.em.find(CompilationSchema, where, { orderBy: { year: 'desc', id: 'desc' }, limit: size + 1 });
  return pageOf(rows, size, (row) => [row.year, row.id], () => ctx.em.count(CompilationSchema, {}));
}
