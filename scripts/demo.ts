/**
 * `npm start`: the demo province network on this machine. Uses DATABASE_URL when it is set,
 * otherwise an embedded PostgreSQL whose data stays in .lantai/ between runs (`npm run reset`
 * starts over). Seeds the small-scale Jiangxi network where it is empty, starts two archive
 * hosts, the province subgraph and the gateway, and stops all of them on Ctrl-C.
 */
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_JWT_SECRET } from '../gateway/caller.js';
import { describeForLog } from '../protocol/redaction.js';
import { dataFolderFor, EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';
import { DEMO_SUBGRAPH_SECRET } from '../protocol/identity.js';
import { seedSnapshotHistory } from '../seeds/snapshots.js';
import { ensureDashboard } from '../dashboard/build.js';
import { startNetwork, type Network } from './network.js';
import { DEMO_DATA_DIR, DEMO_DATABASE } from './demo-data.js';
import { MAX_PORT, wholeNumber } from '../protocol/settings.js';

function port(name: string, fallback: number): number {
  try {
    return wholeNumber(name, process.env[name], fallback, MAX_PORT);
  } catch (error) {
    console.error(`lantai: ${(error as Error).message}`);
    process.exit(2);
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const gatewayPort = port('PORT', 4000);
const provincePort = port('LANTAI_PROVINCE_PORT', 4100);
const hostPorts = [port('LANTAI_ARCHIVE_PORT', 4101), port('LANTAI_ARCHIVE_PORT', 4101) + 1];
const verbose = process.env.LANTAI_VERBOSE === '1';

let embedded: EmbeddedServer | null = null;
let network: Network | null = null;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nlantai: stopping…');
  await network?.stop().catch((error) => console.error(`lantai: ${describeForLog(error)}`));
  await embedded?.stop().catch((error) => console.error(`lantai: ${describeForLog(error)}`));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = join(DEMO_DATA_DIR, 'postgres');
    console.log(`lantai: no DATABASE_URL; starting an embedded PostgreSQL with its data in ${dataFolderFor(dataDir)}`);
    embedded = await startEmbeddedPostgres({ dataDir });
    databaseUrl = await ensureDatabase(embedded.url, DEMO_DATABASE);
  }
  // Built here (when its sources changed since the last build), so the gateway serves it at once.
  const dashboard = await ensureDashboard();
  console.log(`lantai: the dashboard is built (${dashboard.hash})`);
  let lastReport = 0;
  network = await startNetwork({
    databaseUrl,
    ports: { gateway: gatewayPort, province: provincePort, archiveHosts: hostPorts },
    // The demo is for trying the schema: GraphiQL may introspect it without a token.
    env: { LANTAI_INTROSPECTION: process.env.LANTAI_INTROSPECTION || 'on' },
    log: (line) => {
      if (verbose || !line.startsWith('[')) console.log(line);
    },
    onSeedProgress: (progress) => {
      const now = Date.now();
      if (now - lastReport < 1000 && progress.archivesLoaded < progress.archivesToLoad) return;
      lastReport = now;
      console.log(
        `lantai: seeded ${progress.archivesLoaded}/${progress.archivesToLoad} archives, ${progress.records} records (${Math.round(progress.recordsPerSecond)}/s)`,
      );
    },
  });
  try {
    const years = await seedSnapshotHistory({ databaseUrl, provinceUrl: network.provinceUrl, secret: DEMO_SUBGRAPH_SECRET });
    if (years.length > 0) console.log(`lantai: yearly snapshots (年报快照) of ${years.join(', ')} for the statistics series`);
  } catch (error) {
    // The network runs without a history; only the statistics series stays empty.
    console.error(`lantai: could not seed past yearly snapshots: ${describeForLog(error)}`);
  }
  const secretNote = process.env.LANTAI_JWT_SECRET ? 'LANTAI_JWT_SECRET' : `the demo secret "${DEMO_JWT_SECRET}"`;
  console.warn('lantai: the demo signs with the public demo secrets (LANTAI_DEMO_SECRETS=on); outside the demo every service refuses to start without LANTAI_SUBGRAPH_SECRET, and the gateway without LANTAI_JWT_SECRET or a key file.');
  console.log(`
Lantai demo province network is up.

  GraphQL endpoint   ${network.gatewayUrl}
  GraphiQL           ${network.gatewayUrl.replace(/\/graphql$/, '/graphiql')}
  Dashboard (统计)    ${network.gatewayUrl.replace(/\/graphql$/, '/dashboard/')}
  Health, readiness  ${network.gatewayUrl.replace(/\/graphql$/, '/health')}, ${network.gatewayUrl.replace(/\/graphql$/, '/ready')}
  Province subgraph  ${network.provinceUrl} (signed requests only)
  Archive hosts      ${network.archiveHosts.map((host) => `${host.archives.length} archives on :${host.process.port}`).join(', ')}

Without a token you are the public and see open (开放) records only. Tokens, signed with ${secretNote}:
  npm run token -- --role archivist --archive 360100     an archivist of 南昌市档案馆
  npm run token -- --role supervisor --region 360000     a supervisor of the province
  npm run token -- --role admin                          an administrator of the directory
Send it as the header  Authorization: Bearer <token>

Ctrl-C stops everything. npm run reset deletes the demo data.`);
} catch (error) {
  if (error instanceof EmbeddedPostgresError) console.error(`lantai: ${error.message}`);
  else console.error(`lantai: could not start the demo network: ${describeForLog(error)}`);
  await stop(1);
}
