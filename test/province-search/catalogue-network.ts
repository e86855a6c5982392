/**
 * A small real network for one test file: a handful of archives seeded with the demo
 * generator (small scale) into the file's own database, served by real archive hosts on port
 * 0 (one host per group, so one host can be stopped alone), the real province subgraph with
 * those archives in its directory, and optionally the gateway in front of both.
 */
import { composeSupergraph } from '../../gateway/composition.js';
import { signClientToken } from '../../gateway/caller.js';
import { buildGateway, type GatewayOptions, type LantaiGateway } from '../../gateway/server.js';
import { close, listen } from '../../protocol/http.js';
import { signIdentity, type Identity } from '../../protocol/identity.js';
import { archiveSchemaName, openArchiveDatabase } from '../../subgraphs/archive/database.js';
import { buildArchiveHost, type ArchiveHost } from '../../subgraphs/archive/server.js';
import { openProvinceDatabase, type ProvinceOrm } from '../../subgraphs/province/database.js';
import { buildProvinceServer, type ProvinceServer, type ProvinceServerOptions } from '../../subgraphs/province/server.js';
import { Directory } from '../../subgraphs/province/directory/directory.js';
import { RegionTree } from '../../subgraphs/province/directory/regions.js';
import { archiveNameOf } from '../../protocol/regions.js';
import { seedNetwork, selectArchives } from '../../seeds/network.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import type { MikroORM } from '@mikro-orm/postgresql';

export const SECRET = 'province-search-test-secret';
export const JWT_SECRET = 'province-search-test-jwt-secret';

export const PUBLIC: Identity = { role: 'public' };
export const ADMIN: Identity = { role: 'admin', sub: 'admin-1' };
export const archivistOf = (archive: string): Identity => ({ role: 'archivist', archive, sub: `archivist-${archive}` });
export const supervisorOf = (region: string): Identity => ({ role: 'supervisor', region, sub: `supervisor-${region}` });

export interface Answer<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface CatalogueNetwork {
  database: TestDatabase;
  archiveOrm: MikroORM;
  provinceOrm: ProvinceOrm;
  province: ProvinceServer;
  provinceUrl: string;
  hosts: { codes: string[]; host: ArchiveHost; port: number; stopped: boolean }[];
  /** Every archive of the network, ordered by code. */
  codes: string[];
  /** The gateway, when asked for. */
  gatewayUrl?: string;
  gateway?: LantaiGateway;
  /** A GraphQL request to the province, signed as `identity` as the gateway would sign it. */
  province$<T = Record<string, any>>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<Answer<T>>;
  /** A client token (JWT) for `identity`, as the gateway of this network accepts it. */
  token(identity: Identity): Promise<string>;
  /** A GraphQL request to the gateway with a client token for `identity` (none for the public). */
  gateway$<T = Record<string, any>>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<Answer<T>>;
  /** Runs SQL with `$schema` replaced by an archive's schema. */
  sql<T = any>(code: string, text: string, params?: unknown[]): Promise<T[]>;
  /** Stops (closes) the host serving `code`: its archives no longer answer. */
  stopHostOf(code: string): Promise<void>;
  teardown(): Promise<void>;
}

export interface CatalogueNetworkOptions {
  label: string;
  /** Groups of archive codes; each group is one archive host. */
  hosts: string[][];
  withGateway?: boolean;
  /** Options of the gateway, when there is one. */
  gateway?: Partial<GatewayOptions>;
  province?: Partial<Omit<ProvinceServerOptions, 'orm' | 'secret'>>;
}

async function post<T>(url: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
}

export async function startCatalogueNetwork(options: CatalogueNetworkOptions): Promise<CatalogueNetwork> {
  const codes = options.hosts.flat().sort();
  const database = await createTestDatabase(options.label);
  await seedNetwork({ url: database.url, scale: 'small', seed: 1, archives: codes, existing: 'refuse' });
  const archiveOrm = await openArchiveDatabase(database.url, { poolSize: 4 });
  const hosts: CatalogueNetwork['hosts'] = [];
  for (const group of options.hosts) {
    const host = await buildArchiveHost({ archives: group.map((code) => ({ code, orm: archiveOrm, databaseUrl: database.url })), subgraphSecret: SECRET, log: () => undefined });
    hosts.push({ codes: group, host, port: await listen(host.http, 0), stopped: false });
  }

  const provinceOrm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 4 });
  const em = provinceOrm.em.fork();
  const plans = selectArchives('360000', 'small', 1, codes);
  await new Directory(em, await RegionTree.load(em)).registerMany(
    ADMIN,
    hosts.flatMap(({ codes: group, port }) =>
      group.map((code) => {
        const plan = plans.find((p) => p.region.code === code)!;
        return { id: code, name: archiveNameOf(plan.region), level: plan.region.level, region: code, endpoint: `http://127.0.0.1:${port}/archives/${code}/graphql` };
      }),
    ),
  );
  const province = await buildProvinceServer({ orm: provinceOrm, secret: SECRET, log: () => undefined, shardTimeoutMs: 3000, ...options.province });
  const provincePort = await listen(province.http, 0);
  const provinceUrl = `http://127.0.0.1:${provincePort}/graphql`;

  let gateway: LantaiGateway | undefined;
  let gatewayUrl: string | undefined;
  if (options.withGateway) {
    gateway = buildGateway({
      supergraphSdl: composeSupergraph().supergraphSdl,
      provinceUrl,
      subgraphSecret: SECRET,
      jwt: { kind: 'secret', secret: JWT_SECRET },
      shardTimeoutMs: 3000,
      log: () => undefined,
      ...options.gateway,
    });
    gatewayUrl = `http://127.0.0.1:${await listen(gateway.httpServer, 0)}/graphql`;
    await gateway.start();
  }

  const token = (identity: Identity) => signClientToken({ expires: '1h', ...identity, sub: identity.sub ?? 'tester' }, JWT_SECRET);

  return {
    database,
    archiveOrm,
    provinceOrm,
    province,
    provinceUrl,
    hosts,
    codes,
    gatewayUrl,
    gateway,
    token,
    province$: (identity, query, variables) => post(provinceUrl, signIdentity(identity, SECRET), query, variables),
    async gateway$(identity, query, variables) {
      if (!gatewayUrl) throw new Error('This network was started without a gateway.');
      const headers: Record<string, string> = {};
      if (identity.role !== 'public') {
        headers.authorization = `Bearer ${await token(identity)}`;
      }
      return post(gatewayUrl, headers, query, variables);
    },
    async sql(code, text, params = []) {
      return archiveOrm.em.getConnection().execute(text.replaceAll('$schema', `"${archiveSchemaName(code)}"`), params);
    },
    async stopHostOf(code) {
      const entry = hosts.find((h) => h.codes.includes(code))!;
      if (entry.stopped) return;
      entry.stopped = true;
      await close(entry.host.http);
      await entry.host.stop();
    },
    async teardown() {
      if (gateway) {
        await close(gateway.httpServer);
        await gateway.stop();
      }
      await close(province.http);
      await province.stop();
      for (const entry of hosts) {
        if (!entry.stopped) {
          await close(entry.host.http);
          await entry.host.stop();
        }
      }
      await provinceOrm.close(true);
      await archiveOrm.close(true);
      await database.drop();
    },
  };
}
