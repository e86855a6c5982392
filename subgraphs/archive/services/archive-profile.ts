/** 档案馆: the archive's own description, and which archive a request may address. */
import { notFound } from '../../../protocol/errors.js';
import { parseArchiveCode } from '../../../protocol/ids.js';
import type { ArchiveContext } from '../context.js';
import type { ArchiveRow } from '../entities/index.js';

/** Version of the archive contract (schema/archive.graphql) this subgraph implements. */
export const CONTRACT_VERSION = '1.0';

/** The archive by its code; null for a code this endpoint does not serve. */
export async function findArchive(ctx: ArchiveContext, id: string): Promise<ArchiveRow | null> {
  const code = parseArchiveCode(id);
  return code === ctx.archive ? ctx.loaders.archive.load(code) : null;
}

/** For fields that must name this endpoint's archive: a malformed code is BAD_USER_INPUT, another archive NOT_FOUND. */
export function requireThisArchive(ctx: ArchiveContext, id: string): void {
  const code = parseArchiveCode(id);
  if (code !== ctx.archive) {
    throw notFound(`Archive ${code} is not served at this endpoint; it serves archive ${ctx.archive}.`, { archive: code });
  }
}

/** The archive a row of this request belongs to; its profile row is written when the archive is set up. */
export async function thisArchive(ctx: ArchiveContext): Promise<ArchiveRow> {
  const archive = await ctx.loaders.archive.load(ctx.archive);
  if (!archive) throw new Error(`Archive ${ctx.archive} has no profile row; run ensureArchiveProfile when setting it up.`);
  return archive;
}
