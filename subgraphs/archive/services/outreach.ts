/** 展览与编研: the archive's exhibitions and compilations, newest first. */
import type { ArchiveContext } from '../context.js';
import { CompilationSchema, ExhibitionSchema, type CompilationRow, type ExhibitionRow } from '../entities/index.js';
import { newestFirst, type Page } from './pagination.js';

type PageArgs = { first?: number | null; after?: string | null };

export function listExhibitions(ctx: ArchiveContext, args: PageArgs): Promise<Page<ExhibitionRow>> {
  return newestFirst<ExhibitionRow>(ctx.em, ExhibitionSchema, 'startDate', 'date', args);
}

export function listCompilations(ctx: ArchiveContext, args: PageArgs): Promise<Page<CompilationRow>> {
  return newestFirst<CompilationRow>(ctx.em, CompilationSchema, 'year', 'integer', args);
}
