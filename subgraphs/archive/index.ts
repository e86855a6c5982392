/**
 * Runs an archive host: opens each database once, migrates every hosted archive's schema,
 * and serves each archive at /archives/<code>/graphql until stopped.
 *
 *   npm run archive -- --archive 360100,360121 --database postgres://… --port 4101
 *
 * An archive with its own database is written `<code>=<url>`, e.g.
 * `--archive 360100,360121=postgres://county-host/archive`. Environment: LANTAI_ARCHIVES,
 * DATABASE_URL, PORT (default 4101), LANTAI_SUBGRAPH_SECRET. Flags win over the environment.
 * An archive without a profile row gets one named after its region (protocol/regions.ts).
 */
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isArchiveCode } from '../../protocol/ids.js';
import { close, listen } from '../../protocol/http.js';
import { DEMO_SUBGRAPH_SECRET } from '../../protocol/identity.js';
import { announceListening, stopOnSignals } from '../../protocol/service-lifecycle.js';
import { archiveNameOf, loadRegionTree, provinceCodeOf, type Region } from '../../protocol/regions.js';
import { ArchiveSchema } from './entities/index.js';
import { archiveSchemaName, ensureArchiveProfile, migrateArchive, openArchiveDatabase } from './database.js';
import { buildArchiveHost } from './server.js';
import { MAX_PORT, wholeNumber } from '../../protocol/settings.js';

const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    database: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`archive: ${message}`);
  process.exit(2);
}

const defaultUrl = values.database ?? process.env.DATABASE_URL;
const list = values.archive ?? process.env.LANTAI_ARCHIVES ?? '';
const archives = list
  .split(',')
  .map((entry) => entry.trim())
  .filter((entry) => entry.length > 0)
  .map((entry) => {
    const equals = entry.indexOf('=');
    const code = equals === -1 ? entry : entry.slice(0, equals);
    const url = equals === -1 ? defaultUrl : entry.slice(equals + 1);
    if (!isArchiveCode(code)) fail(`"${code}" is not an archive code (6 digits, GB/T 2260), e.g. 360100.`);
    if (!url) fail(`no database for archive ${code}: give --database postgres://… or DATABASE_URL, or write ${code}=postgres://….`);
    return { code, url };
  });
if (archives.length === 0) fail('give the archives to host with --archive 360100[,360121,…] or LANTAI_ARCHIVES.');

let port = 4101;
try {
  port = wholeNumber('the port', values.port ?? process.env.PORT, 4101, MAX_PORT);
} catch (error) {
  fail((error as Error).message);
}
const secret = process.env.LANTAI_SUBGRAPH_SECRET || DEMO_SUBGRAPH_SECRET;
if (!process.env.LANTAI_SUBGRAPH_SECRET) console.warn('archive: LANTAI_SUBGRAPH_SECRET is unset; using the public demo secret.');

// One ORM, and so one connection pool, per database URL.
const orms = new Map<string, MikroORM>();
for (const { url } of archives) if (!orms.has(url)) orms.set(url, await openArchiveDatabase(url));

const regions = new Map<string, Region>();
for (const { code } of archives) {
  if (regions.has(code)) continue;
  try {
    for (const region of loadRegionTree(provinceCodeOf(code))) regions.set(region.code, region);
  } catch {
    // Not a known province: the archive must be given a profile by its seeds.
  }
}

for (const { code, url } of archives) {
  const orm = orms.get(url)!;
  const applied = await migrateArchive(orm, code);
  if (applied.length > 0) console.log(`archive: ${code}: applied ${applied.join(', ')}`);
  const existing = await orm.em.fork({ schema: archiveSchemaName(code) }).findOne(ArchiveSchema, { code });
  const region = regions.get(code);
  if (!existing && region) {
    await ensureArchiveProfile(orm, code, { name: archiveNameOf(region), level: region.level, services: ['查档', '出证'] });
  }
}

const host = await buildArchiveHost({
  archives: archives.map(({ code, url }) => ({ code, orm: orms.get(url)! })),
  subgraphSecret: secret,
});
const bound = await listen(host.http, port, values.host ?? '127.0.0.1');
announceListening(
  'archive',
  bound,
  host.codes.map((code) => `http://${values.host ?? '127.0.0.1'}:${bound}/archives/${code}/graphql`),
);

stopOnSignals('archive', async () => {
  await close(host.http);
  await host.stop();
  for (const orm of orms.values()) await orm.close(true);
});
