/**
 * 查阅授权: read grants on single records, given to one person when this archive fulfils a
 * cross-region request (异地查档) made through the province. They are stored and enforced
 * here, where the records live: the visibility policy (visibility.ts) lets a grant's holder
 * read exactly the granted records by id until the grant ends.
 */
import { badUserInput, notFound } from '../../../protocol/errors.js';
import type { ArchiveContext } from '../context.js';
import { RecordSchema } from '../entities/index.js';
import type { RecordGrantInput } from '../generated/resolvers-types.js';
import { requireThisArchive } from './archive-profile.js';
import { chinaDate, endOfDayInChina } from '../../../protocol/china-time.js';
import { isoDate, requiredText } from '../../../protocol/input.js';
import { localKey } from './input.js';
import { requireArchivist } from './visibility.js';

export const MAX_GRANTED_RECORDS = 100;
const MAX_GRANT_DAYS = 366;
const DAY_MS = 86_400_000;

/** Grants `input.sub` read access to the records named until the end of `input.until`. */
export async function grantRecordAccess(ctx: ArchiveContext, archiveId: string, input: RecordGrantInput, now: number = Date.now()): Promise<boolean> {
  requireArchivist(ctx.viewer, ctx.archive, 'grant read access to records (查阅授权)');
  requireThisArchive(ctx, archiveId);
  const subject = requiredText('sub', input.sub, 200);
  const request = requiredText('request', input.request, 100);
  const until = isoDate('until', input.until);
  const today = chinaDate(now);
  if (until < today) throw badUserInput(`"until" ${until} has passed; a grant must last until today or later.`);
  if (Date.parse(until) - Date.parse(today) > MAX_GRANT_DAYS * DAY_MS) {
    throw badUserInput(`"until" ${until} is more than ${MAX_GRANT_DAYS} days away.`);
  }
  const ids = [...new Set(input.records)];
  if (ids.length === 0) throw badUserInput('"records" must name at least one record.');
  if (ids.length > MAX_GRANTED_RECORDS) throw badUserInput(`"records" may name at most ${MAX_GRANTED_RECORDS} records.`);
  const keys = ids.map((id) => {
    const key = localKey(id, 'Record', ctx.archive);
    if (key === null) throw notFound(`Record ${id} does not exist in archive ${ctx.archive} (档案不存在).`);
    return key;
  });
  const found = new Set((await ctx.em.find(RecordSchema, { id: { $in: keys } }, { fields: ['id'] })).map((row) => row.id));
  const missing = ids.find((_, i) => !found.has(keys[i]!));
  if (missing) throw notFound(`Record ${missing} does not exist in archive ${ctx.archive} (档案不存在).`);

  const expiresAt = endOfDayInChina(until);
  const params: unknown[] = [];
  const rows = keys.map((key) => {
    params.push(subject, key, expiresAt, request, ctx.viewer.sub ?? ctx.viewer.role);
    return '(?, ?, ?, ?, ?)';
  });
  await ctx.em.getConnection().execute(
    `insert into "${ctx.schema}".record_grant (subject, record_id, expires_at, request, granted_by) values ${rows.join(', ')}
       on conflict (subject, record_id, request) do update set expires_at = excluded.expires_at, granted_by = excluded.granted_by, granted_at = now()`,
    params,
    'run',
  );
  return true;
}
