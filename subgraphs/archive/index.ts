/**
 * Runs an archive host: opens each database once, migrates every hosted archive's schema,
 * and serves each archive at /archives/<code>/graphql until stopped.
 *
 * The folder follows the subgraph's layers: resolvers/ (thin) → services/ (the domain rules,
 * visibility first) → entities/ and migrations/. Beside GraphQL, the archive's interchange:
 * catalogue-import/ (目录导入), export/ (CSV, EAD3), oai/ (the OAI-PMH provider),
 * interchange/ (the XML they write) and bulk/ (the table layout the import and the seeds
 * load through). server.ts builds the host, index.ts listens, settings.ts reads its settings.
 *
 *   npm run archive -- --archive 360100,360121 --database postgres://… --port 4101
 *
 * An archive with its own database is written `<code>=<url>`, e.g.
 * `--archive 360100,360121=postgres://county-host/archive`. The environment it reads is in
 * settings.ts; flags win over the environment.
 * An archive without a profile row gets one named after its region (protocol/regions.ts).
 */
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { close, listen } from '../../protocol/http.js';
import { RequestLog, createServiceLogger } from '../../protocol/logging.js';
import { describeForLog } from '../../protocol/redaction.js';
import { metricsPortOf, startMetricsServer } from '../../protocol/operations.js';
import { announceListening, settingsOrExit, stopOnSignals } from '../../protocol/service-lifecycle.js';
import { startTracing } from '../../protocol/tracing.js';
import { archiveNameOf, loadRegionTree, provinceCodeOf, type Region } from '../../protocol/regions.js';
import { ArchiveSchema } from './entities/index.js';
import { archiveSchemaName, ensureArchiveProfile, migrateArchive, openArchiveDatabase } from './database.js';
import { buildArchiveHost } from './server.js';
import { archiveHostSettings } from './settings.js';

// The command's own flags, declared as node:util's parseArgs declares them: every command's
// declaration has this shape.
const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    database: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
});

const settings = settingsOrExit('archive', (warn) => archiveHostSettings(process.env, values, warn));
const { archives, port, host: address, subgraphSecret: secret } = settings;
const tracing = startTracing('archive');

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

const metricsPort = metricsPortOf();
const logger = createServiceLogger('archive');
const host = await buildArchiveHost({
  archives: archives.map(({ code, url }) => ({ code, orm: orms.get(url)!, databaseUrl: url })),
  subgraphSecret: secret,
  metricsOnServicePort: metricsPort === undefined,
  log: (error) => logger.error(describeForLog(error)),
  requestLog: new RequestLog(logger),
  oai: settings.oai,
  importConcurrency: settings.importConcurrency,
});
const bound = await listen(host.http, port, address);
const metrics = metricsPort === undefined ? null : await startMetricsServer(host.metrics, metricsPort, address);
announceListening(
  'archive',
  bound,
  host.codes.map((code) => `http://${address}:${bound}/archives/${code}/graphql`),
);

stopOnSignals('archive', async () => {
  if (metrics) await close(metrics.server);
  await close(host.http);
  await host.stop();
  for (const orm of orms.values()) await orm.close(true);
  await tracing.shutdown();
});
