/**
 * The network of the work-per-request scenario, in this process, so that the work each
 * request causes can be counted exactly: every SQL statement any service sends (a hook on
 * the pg client every ORM here uses), the shard calls the archive host receives (from the
 * gateway and from the province), and the calls the province receives. The services are the
 * real ones (buildArchiveHost, buildProvinceServer, buildGateway) over the benchmark's
 * database; the directory is pointed at this process's archive host while it runs.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SUPERGRAPH_FILE } from '../gateway/composition.js';
import { buildGateway, type LantaiGateway } from '../gateway/server.js';
import { close, listen } from '../protocol/http.js';
import { DEMO_SUBGRAPH_SECRET, type Identity } from '../protocol/identity.js';
import { DEFAULT_PROVINCE } from '../protocol/regions.js';
import { openArchiveDatabase } from '../subgraphs/archive/database.js';
import { buildArchiveHost, type ArchiveHost } from '../subgraphs/archive/server.js';
import { openProvinceDatabase, type ProvinceOrm } from '../subgraphs/province/database.js';
import { buildProvinceServer, type ProvinceServer } from '../subgraphs/province/server.js';
import { Directory } from '../subgraphs/province/directory/directory.js';
import { RegionTree } from '../subgraphs/province/directory/regions.js';
import { BenchClient } from './client.js';

const BENCH_ADMIN: Identity = { sub: 'lantai-bench', role: 'admin' };

export interface WorkCount {
  /** SQL statements sent to PostgreSQL by any service. */
  sqlStatements: number;
  /** GraphQL calls received by the archive shards. */
  shardCalls: number;
  /** GraphQL calls received by the province subgraph. */
  provinceCalls: number;
  /** Wall time of the request, everything in this one process (for orientation, not a latency figure). */
  ms: number;
}

export interface CountingNetwork {
  codes: string[];
  gateway(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Runs `action` alone and counts the work it caused. */
  count(action: () => Promise<unknown>): Promise<WorkCount>;
  stop(): Promise<void>;
}

let statements = 0;
let hooked = false;

/** Counts every statement a pg client of this process sends, once installed. */
function hookStatements(): void {
  if (hooked) return;
  hooked = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
}

export async function startCountingNetwork(databaseUrl: string, codes: readonly string[], provinceCode = DEFAULT_PROVINCE): Promise<CountingNetwork> {
  hookStatements();
  const secret = DEMO_SUBGRAPH_SECRET;
  const quiet = () => undefined;
  let shardCalls = 0;
  let provinceCalls = 0;
  let archiveOrm: MikroORM | undefined;
  let provinceOrm: ProvinceOrm | undefined;
  let host: ArchiveHost | undefined;
  let province: ProvinceServer | undefined;
  let gateway: LantaiGateway | undefined;
  const client = new BenchClient(secret);
  const stop = async () => {
    await client.close();
    if (gateway) {
      await close(gateway.httpServer);
      await gateway.stop();
    }
    if (province) {
      await close(province.http);
      await province.stop();
    }
    if (host) {
      await close(host.http);
      await host.stop();
    }
    await provinceOrm?.close();
    await archiveOrm?.close();
  };
  try {
    archiveOrm = await openArchiveDatabase(databaseUrl, { poolSize: 10 });
    host = await buildArchiveHost({ archives: codes.map((code) => ({ code, orm: archiveOrm! })), subgraphSecret: secret, log: quiet });
    host.http.prependListener('request', () => (shardCalls += 1));
    const hostPort = await listen(host.http, 0);

    provinceOrm = await openProvinceDatabase(databaseUrl, { province: provinceCode, poolSize: 4 });
    const em = provinceOrm.em.fork();
    const directory = new Directory(em, await RegionTree.load(em));
    for (const entry of await directory.list()) {
      if (!codes.includes(entry.id)) continue;
      const endpoint = `http://127.0.0.1:${hostPort}/archives/${entry.id}/graphql`;
      if (entry.endpoint !== endpoint) await directory.update(BENCH_ADMIN, entry.id, { endpoint });
    }
    province = await buildProvinceServer({ orm: provinceOrm, secret, log: quiet, shardTimeoutMs: 30_000 });
    province.http.prependListener('request', () => (provinceCalls += 1));
    const provincePort = await listen(province.http, 0);

    gateway = buildGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      provinceUrl: `http://127.0.0.1:${provincePort}/graphql`,
      subgraphSecret: secret,
      shardTimeoutMs: 30_000,
      provinceTimeoutMs: 60_000,
      directoryRefreshMs: 3_600_000,
      rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
      log: quiet,
    });
    const gatewayPort = await listen(gateway.httpServer, 0);
    await gateway.start();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;

    return {
      codes: [...codes],
      gateway: (query, variables) => client.post(gatewayUrl, query, variables),
      async count(action) {
        const before = { sql: statements, shard: shardCalls, province: provinceCalls };
        const started = performance.now();
        await action();
        const ms = Math.round((performance.now() - started) * 10) / 10;
        // Work a request leaves behind (the audit log's insert) finishes before the answer leaves.
        return { sqlStatements: statements - before.sql, shardCalls: shardCalls - before.shard, provinceCalls: provinceCalls - before.province, ms };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
