/**
 * A whole province network on one machine: the archives' catalogues seeded into one
 * database, archive hosts in separate processes (so one can fail alone), the province
 * subgraph with every archive registered in its directory, and the gateway in front. The
 * demo (`npm start`) and the end-to-end tests both start it through startNetwork.
 */
import { fileURLToPath } from 'node:url';
import { DEMO_SUBGRAPH_SECRET, type Identity } from '../protocol/identity.js';
import { DEMO_SECRETS_VARIABLE } from '../protocol/settings.js';
import { archiveNameOf, DEFAULT_PROVINCE } from '../protocol/regions.js';
import { seedNetwork, selectArchives, type NetworkProgress } from '../seeds/network.js';
import type { Scale } from '../seeds/plan.js';
import { openProvinceDatabase } from '../subgraphs/province/database.js';
import { Directory } from '../subgraphs/province/directory/directory.js';
import { RegionTree } from '../subgraphs/province/directory/regions.js';
import { ServiceProcess } from './service-process.js';

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ARCHIVE_ENTRY = entry('../subgraphs/archive/index.ts');
const PROVINCE_ENTRY = entry('../subgraphs/province/index.ts');
const GATEWAY_ENTRY = entry('../gateway/index.ts');

/** The identity the network's own bootstrap acts as when it writes the directory. */
const BOOTSTRAP: Identity = { sub: 'lantai-bootstrap', role: 'admin' };

export interface NetworkOptions {
  /** Database holding every archive's schema and the province's. */
  databaseUrl: string;
  /** @default '360000' */
  provinceCode?: string;
  /** Only these archives; the whole province when omitted. */
  archives?: readonly string[];
  /** @default 'small' */
  scale?: Scale;
  /** @default 1 */
  seed?: number;
  /**
   * Archive host processes; archives are spread over them by city, so a city and its counties
   * share a host.
   * @default 2
   */
  hosts?: number;
  /** Ports; 0 (the default) for any free port. */
  ports?: { gateway?: number; province?: number; archiveHosts?: number[] };
  /** @default the demo secret */
  subgraphSecret?: string;
  /** Environment for every service (e.g. LANTAI_JWT_SECRET, LANTAI_SHARD_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Progress and the services' output. */
  log?: (line: string) => void;
  onSeedProgress?: (progress: NetworkProgress) => void;
}

export interface ArchiveHostProcess {
  /** Archive codes it serves. */
  archives: string[];
  process: ServiceProcess;
  /** Endpoint of one of its archives. */
  endpoint(code: string): string;
}

export interface Network {
  gatewayUrl: string;
  provinceUrl: string;
  archiveHosts: ArchiveHostProcess[];
  gateway: ServiceProcess;
  province: ServiceProcess;
  stop(): Promise<void>;
}

/** Spreads archives over hosts by city (the first four digits), keeping the order of codes. */
export function assignToHosts(codes: readonly string[], hosts: number): string[][] {
  const groups = new Map<string, string[]>();
  for (const code of codes) {
    const city = code.slice(0, 4);
    groups.set(city, [...(groups.get(city) ?? []), code]);
  }
  const assigned: string[][] = Array.from({ length: Math.max(1, Math.min(hosts, groups.size)) }, () => []);
  const total = codes.length;
  let host = 0;
  for (const group of groups.values()) {
    // Fill hosts in turn up to an even share, so each host gets whole cities.
    if (assigned[host]!.length >= total / assigned.length && host < assigned.length - 1) host += 1;
    assigned[host]!.push(...group);
  }
  return assigned.filter((group) => group.length > 0);
}

async function registerEndpoints(databaseUrl: string, provinceCode: string, endpoints: Map<string, { name: string; level: 'PROVINCE' | 'CITY' | 'COUNTY'; endpoint: string }>) {
  const orm = await openProvinceDatabase(databaseUrl, { province: provinceCode, poolSize: 2 });
  try {
    const em = orm.em.fork();
    const directory = new Directory(em, await RegionTree.load(em));
    const existing = new Map((await directory.list({ includeRetired: true })).map((entry) => [entry.id, entry]));
    const missing = [...endpoints].filter(([code]) => {
      const entry = existing.get(code);
      return !entry || entry.retiredAt !== null;
    });
    await directory.registerMany(
      BOOTSTRAP,
      missing.map(([id, { name, level, endpoint }]) => ({ id, name, level, region: id, endpoint })),
    );
    for (const [code, { endpoint }] of endpoints) {
      const entry = existing.get(code);
      if (entry && entry.retiredAt === null && entry.endpoint !== endpoint) await directory.update(BOOTSTRAP, code, { endpoint });
    }
  } finally {
    await orm.close();
  }
}

export async function startNetwork(options: NetworkOptions): Promise<Network> {
  const log = options.log ?? (() => {});
  const provinceCode = options.provinceCode ?? DEFAULT_PROVINCE;
  const scale = options.scale ?? 'small';
  const seed = options.seed ?? 1;
  const secret = options.subgraphSecret ?? DEMO_SUBGRAPH_SECRET;
  // The demo network is the one place (with the tests) where a service may fall back on the
  // public demo secrets: started any other way, a service without its secrets refuses to start.
  const env = { LANTAI_SUBGRAPH_SECRET: secret, [DEMO_SECRETS_VARIABLE]: 'on', LANTAI_LOG_FORMAT: 'text', ...options.env };

  const plans = selectArchives(provinceCode, scale, seed, options.archives);
  log(`lantai: seeding ${plans.length} archives (${scale} scale) where empty…`);
  const seeded = await seedNetwork({
    url: options.databaseUrl,
    scale,
    seed,
    provinceCode,
    archives: plans.map((plan) => plan.region.code),
    existing: 'skip',
    onProgress: options.onSeedProgress,
  });
  if (seeded.loaded.length > 0) {
    log(`lantai: loaded ${seeded.records} records into ${seeded.loaded.length} archives (${Math.round(seeded.recordsPerSecond)} records/s)`);
  }

  const started: ServiceProcess[] = [];
  const stopAll = async () => {
    await Promise.all(started.reverse().map((service) => service.stop()));
  };
  try {
    const groups = assignToHosts(plans.map((plan) => plan.region.code), options.hosts ?? 2);
    const archiveHosts: ArchiveHostProcess[] = [];
    for (const [index, archives] of groups.entries()) {
      const service = new ServiceProcess({
        name: `archives-${index + 1}`,
        entry: ARCHIVE_ENTRY,
        args: ['--archive', archives.join(',')],
        port: options.ports?.archiveHosts?.[index],
        // In the environment, not the arguments: a process's arguments are visible to every
        // user of the machine (ps), and the URL carries the database password.
        env: { ...env, DATABASE_URL: options.databaseUrl },
        log,
      });
      started.push(service);
      await service.start();
      archiveHosts.push({
        archives,
        process: service,
        endpoint: (code) => `http://127.0.0.1:${service.port}/archives/${code}/graphql`,
      });
    }

    const endpoints = new Map(
      archiveHosts.flatMap((host) =>
        host.archives.map((code) => {
          const plan = plans.find((p) => p.region.code === code)!;
          return [code, { name: archiveNameOf(plan.region), level: plan.region.level, endpoint: host.endpoint(code) }] as const;
        }),
      ),
    );
    await registerEndpoints(options.databaseUrl, provinceCode, endpoints);

    const province = new ServiceProcess({
      name: 'province',
      entry: PROVINCE_ENTRY,
      args: ['--province', provinceCode],
      port: options.ports?.province,
      env: { ...env, DATABASE_URL: options.databaseUrl },
      log,
    });
    started.push(province);
    await province.start();
    const provinceUrl = `http://127.0.0.1:${province.port}/graphql`;

    const gateway = new ServiceProcess({
      name: 'gateway',
      entry: GATEWAY_ENTRY,
      args: [],
      port: options.ports?.gateway,
      env: { ...env, LANTAI_PROVINCE_URL: provinceUrl },
      log,
    });
    started.push(gateway);
    await gateway.start();

    return {
      gatewayUrl: `http://127.0.0.1:${gateway.port}/graphql`,
      provinceUrl,
      archiveHosts,
      gateway,
      province,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
