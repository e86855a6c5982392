/**
 * 目录版本: what the province needs to serve a cached search answer and never a stale one
 * (POST /archives/versions). For each archive asked, the host answers in one SQL statement
 * per database the version of its catalogue and what the caller sees of it:
 *
 * - `version` changes with every committed change of what a search reads. It is the
 *   archive's `holdings_version` counter, which statement triggers on `record` and
 *   `digital_object` (insert, update, delete, truncate) bump in the transaction of the change
 *   itself (migration holdings_grain), so that it and the change become visible together:
 *   whatever the mutation, import, open review or load, an answer labelled with a version was
 *   computed from a snapshot at least as new as that version. The counter's table oid goes
 *   with it, so a catalogue dropped and made again, or restored from a dump, never repeats
 *   a version of the one before.
 * - `sees` lists the access statuses (开放状态) the caller may see in a search here, from
 *   visibility.ts (`visibleAccess`, the one rule the search applies through its filter; a
 *   search honours no read grants): the province keys cached answers by it, so an answer is
 *   only ever given to callers who see exactly the same records.
 *
 * One counter for all records, open or not: a change of a closed record also makes the next
 * search of the archive a miss for the public, a little slower. That time tells a caller only
 * that the archive's catalogue changed, never which record or how, as its public holdings
 * figures (true for every role, DESIGN.md) already do; no answer ever includes what changed.
 *
 * Body: `{ "archives": ["360100", …] }`. Answer: `{ "versions": [{ "archive", "version",
 * "sees" } | { "archive", "error" }] }` in the order asked. It costs one statement for all the
 * archives of a database, far less than a search, and runs no GraphQL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { RequestErrorCode } from '../../protocol/errors.js';
import { sendJson } from '../../protocol/http.js';
import type { Identity } from '../../protocol/identity.js';
import { MAX_BATCH_REQUESTS, notHostedError, readSignedJsonCall, refuseCall } from './batch.js';
import type { AccessStatus } from './generated/resolvers-types.js';
import { visibleAccess } from './services/visibility.js';

/** The host's route for catalogue versions. */
export const VERSIONS_PATH = '/archives/versions';

export type CatalogueVersionItem =
  | { archive: string; version: string; sees: readonly AccessStatus[] }
  | { archive: string; error: GraphQLFormattedError };

interface HostedCatalogue {
  orm: MikroORM;
  schema: string;
}


const unreadable: GraphQLFormattedError = { message: 'The catalogue version could not be read (目录版本不可读).', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

/** The versions of some archives of one database, in one statement; each alone should that fail. */
async function readVersions(orm: MikroORM, archives: readonly { code: string; schema: string }[]): Promise<Map<string, string | null>> {
  const statement = (group: readonly { code: string; schema: string }[]) =>
    group
      .map(({ schema }) => `select ?::text as archive, v.version::text || '.' || v.tableoid::text as version from "${schema}".holdings_version v`)
      .join('\nunion all\n');
  const connection = orm.em.getConnection();
  const versions = new Map<string, string | null>();
  try {
    const rows = await connection.execute<{ archive: string; version: string }[]>(statement(archives), archives.map(({ code }) => code));
    for (const row of rows) versions.set(row.archive, row.version);
  } catch {
    await Promise.all(
      archives.map(async (archive) => {
        try {
          const [row] = await connection.execute<{ version: string }[]>(statement([archive]), [archive.code]);
          versions.set(archive.code, row?.version ?? null);
        } catch {
          versions.set(archive.code, null);
        }
      }),
    );
  }
  return versions;
}

/** The versions of `codes` as `viewer` is to see them, in the order asked. */
export async function catalogueVersions(
  codes: readonly string[],
  viewer: Identity,
  hosted: (code: string) => HostedCatalogue | undefined,
): Promise<CatalogueVersionItem[]> {
  const byDatabase = new Map<MikroORM, { code: string; schema: string }[]>();
  for (const code of new Set(codes)) {
    const archive = hosted(code);
    if (!archive) continue;
    const group = byDatabase.get(archive.orm);
    if (group) group.push({ code, schema: archive.schema });
    else byDatabase.set(archive.orm, [{ code, schema: archive.schema }]);
  }
  const versions = new Map<string, string | null>();
  for (const found of await Promise.all([...byDatabase].map(([orm, group]) => readVersions(orm, group)))) {
    for (const [code, version] of found) versions.set(code, version);
  }
  return codes.map((code) => {
    if (!hosted(code)) return { archive: code, error: notHostedError(code) };
    const version = versions.get(code);
    if (!version) return { archive: code, error: unreadable };
    return { archive: code, version, sees: visibleAccess(viewer, code) };
  });
}

export function catalogueVersionsHandler(options: {
  secret: string;
  maxBodyBytes?: number;
  /** The database and schema of a hosted archive; undefined when it is not hosted here. */
  hosted(code: string): HostedCatalogue | undefined;
}) {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const call = await readSignedJsonCall(request, response, {
      secret: options.secret,
      limit,
      refusals: { notPost: 'POST {"archives": [...]} here.', notJson: 'Send the archives as application/json.' },
    });
    if (!call) return;
    const { viewer, body } = call;
    const archives = (body as { archives?: unknown } | null)?.archives;
    if (!Array.isArray(archives) || archives.length > MAX_BATCH_REQUESTS || !archives.every((code) => typeof code === 'string')) {
      return refuseCall(response, 400, `Send {"archives": ["360100", …]}, at most ${MAX_BATCH_REQUESTS} archive codes.`, RequestErrorCode.BAD_REQUEST);
    }
    sendJson(response, 200, { versions: await catalogueVersions(archives as string[], viewer, options.hosted) });
  };
}
