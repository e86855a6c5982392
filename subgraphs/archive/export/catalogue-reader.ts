/**
 * Reads an archive's catalogue for an export, in pages, as the caller may see it: the
 * statuses come from services/visibility.ts (visibleAccess), the same rule as the GraphQL
 * fields, so the public reads open records only, the archive's own archivists all of them,
 * and another archive's archivist what the public reads.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../../protocol/identity.js';
import type { AccessStatus } from '../generated/resolvers-types.js';
import type { HarvestedRecord } from '../oai/feed.js';
import { readPage } from '../services/page-rows.js';
import { table } from '../services/record-query.js';
import { visibleAccess } from '../services/visibility.js';

export interface ExportScope {
  archive: string;
  /** archive_<code> */
  schema: string;
  em: EntityManager;
  viewer: Identity;
}

export interface ExportedFonds {
  id: number;
  fondsCode: string;
  name: string;
  creator: string;
  startYear: number | null;
  endYear: number | null;
}

/** A record as exported, with the file (案卷) it sits in when the caller may see that file. */
export type ExportedRecord = HarvestedRecord & {
  parentId: number | null;
  parentReferenceCode: string | null;
};

const PAGE = 1000;

function accessCondition(scope: ExportScope, alias: string): { sql: string; params: AccessStatus[] } {
  const access = visibleAccess(scope.viewer, scope.archive);
  return { sql: `${alias}.access in (${access.map(() => '?').join(', ')})`, params: [...access] };
}

// A record with its fonds (f) and the visible file it sits in (p, null when hidden or none).
const COLUMNS = `r.id, r.fonds_id as "fondsId", f.fonds_code as "fondsCode", f.name as "fondsName", r.level,
  r.reference_code as "referenceCode", r.title, r.author, to_char(r.date, 'YYYY-MM-DD') as date, r.year, r.retention,
  r.classification, r.access, r.category, r.pages, r.electronic, r.remarks, p.id as "parentId", p.reference_code as "parentReferenceCode"`;

function fromRecords(scope: ExportScope): { sql: string; params: AccessStatus[] } {
  const parentAccess = accessCondition(scope, 'p');
  return {
    sql: `${table(scope, 'record')} r join ${table(scope, 'fonds')} f on f.id = r.fonds_id
      left join ${table(scope, 'record')} p on p.id = r.parent_id and ${parentAccess.sql}`,
    params: parentAccess.params,
  };
}

/** The fonds of the archive, or the one with this 全宗号, by 全宗号; fonds are public descriptions. */
export async function exportedFonds(scope: ExportScope, fondsCode?: string): Promise<ExportedFonds[]> {
  return scope.em.getConnection().execute<ExportedFonds[]>(
    `select id, fonds_code as "fondsCode", name, creator, start_year as "startYear", end_year as "endYear"
       from ${table(scope, 'fonds')} ${fondsCode === undefined ? '' : 'where fonds_code = ?'} order by fonds_code`,
    fondsCode === undefined ? [] : [fondsCode],
  );
}

/** Every record the caller may see (of one fonds, or all), by 全宗号 then 档号, a page at a time. */
export async function* exportedRecords(scope: ExportScope, fondsId?: number): AsyncGenerator<ExportedRecord[]> {
  const from = fromRecords(scope);
  const access = accessCondition(scope, 'r');
  let after: [string, string] | null = null;
  for (;;) {
    const conditions = [access.sql];
    const params: unknown[] = [...from.params, ...access.params];
    if (fondsId !== undefined) {
      conditions.push('r.fonds_id = ?');
      params.push(fondsId);
    }
    if (after) {
      conditions.push('(f.fonds_code, r.reference_code) > (?, ?)');
      params.push(...after);
    }
    const rows = await readPage<ExportedRecord>(
      scope.em,
      `select ${COLUMNS} from ${from.sql} where ${conditions.join(' and ')} order by f.fonds_code, r.reference_code limit ${PAGE}`,
      params,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = [last.fondsCode, last.referenceCode];
  }
}

/**
 * The records of one fonds as a finding aid arranges them, a page at a time: each top-level
 * record (a file, a standalone item, or an item whose file the caller may not see) by 档号,
 * with the visible items of each file by 档号.
 */
export async function* arrangedRecords(scope: ExportScope, fondsId: number): AsyncGenerator<{ record: ExportedRecord; items: ExportedRecord[] }[]> {
  const from = fromRecords(scope);
  const access = accessCondition(scope, 'r');
  let after: string | null = null;
  for (;;) {
    const params: unknown[] = [...from.params, ...access.params, fondsId];
    if (after !== null) params.push(after);
    const tops: ExportedRecord[] = await readPage<ExportedRecord>(
      scope.em,
      `select ${COLUMNS} from ${from.sql}
        where ${access.sql} and r.fonds_id = ? and p.id is null ${after !== null ? 'and r.reference_code > ?' : ''}
        order by r.reference_code limit ${PAGE}`,
      params,
    );
    if (tops.length === 0) return;
    const files = tops.filter((record) => record.level === 'FILE').map((record) => record.id);
    const items = new Map<number, ExportedRecord[]>();
    if (files.length > 0) {
      const rows = await readPage<ExportedRecord>(
        scope.em,
        `select ${COLUMNS} from ${from.sql}
          where ${access.sql} and r.parent_id in (${files.map(() => '?').join(', ')}) order by r.parent_id, r.reference_code`,
        [...from.params, ...access.params, ...files],
      );
      for (const row of rows) items.set(row.parentId!, [...(items.get(row.parentId!) ?? []), row]);
    }
    yield tops.map((record) => ({ record, items: items.get(record.id) ?? [] }));
    if (tops.length < PAGE) return;
    after = tops[tops.length - 1]!.referenceCode;
  }
}
