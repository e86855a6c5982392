/**
 * The one translation of a RecordFilter, plus the caller's visibility, into SQL over an
 * archive's `record` table (alias `r`). Connections, search, facets and counts all use it,
 * so a filter narrows them all the same way and no path forgets the visibility rule.
 */
import { badUserInput } from '../../../protocol/errors.js';
import type { ArchiveContext } from '../context.js';
import type { RecordFilter } from '../generated/resolvers-types.js';
import { year } from '../../../protocol/input.js';
import { localKey } from './input.js';
import { selectableAccess } from './visibility.js';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** A schema-qualified table of the request's archive; ctx.schema was validated when the context was built. */
export function table(ctx: Pick<ArchiveContext, 'schema'>, name: string): string {
  return `"${ctx.schema}".${name}`;
}

export interface RecordScope {
  /** Only records of this fonds (the Fonds.records connection). */
  fondsId?: number;
  /** Only items of this file (the Record.items connection). */
  parentId?: number;
}

export function checkYearRange(filter: RecordFilter | null | undefined): void {
  if (!filter) return;
  if (filter.yearFrom != null) year('filter.yearFrom', filter.yearFrom);
  if (filter.yearTo != null) year('filter.yearTo', filter.yearTo);
  if (filter.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo) {
    throw badUserInput(`"filter.yearFrom" (${filter.yearFrom}) is after "filter.yearTo" (${filter.yearTo}): the year range is turned around.`);
  }
}

/** The conditions (joined by AND) that select the records a caller may see and asked for. */
export function recordConditions(ctx: ArchiveContext, filter: RecordFilter | null | undefined, scope: RecordScope = {}): SqlCondition {
  checkYearRange(filter);
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  const inList = (column: string, values: readonly unknown[]) => {
    if (values.length === 0) parts.push('false');
    else add(`${column} in (${values.map(() => '?').join(', ')})`, ...values);
  };

  inList('r.access', selectableAccess(ctx.viewer, ctx.archive, filter?.access));
  if (scope.fondsId !== undefined) add('r.fonds_id = ?', scope.fondsId);
  if (scope.parentId !== undefined) add('r.parent_id = ?', scope.parentId);
  if (filter?.fonds) {
    const keys = filter.fonds.map((id) => localKey(id, 'Fonds', ctx.archive)).filter((key): key is number => key !== null);
    inList('r.fonds_id', keys);
  }
  if (filter?.yearFrom != null) add('r.year >= ?', filter.yearFrom);
  if (filter?.yearTo != null) add('r.year <= ?', filter.yearTo);
  if (filter?.categories) inList('r.category', filter.categories);
  if (filter?.level) add('r.level = ?', filter.level);
  if (filter?.hasDigitalCopy != null) {
    const exists = `exists (select 1 from ${table(ctx, 'digital_object')} d where d.record_id = r.id)`;
    parts.push(filter.hasDigitalCopy ? exists : `not ${exists}`);
  }
  return { sql: parts.join(' and '), params };
}
