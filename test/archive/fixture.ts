/**
 * The archive tests' own small world: a test database with migrated archive schemas, a
 * built archive host listening on port 0, signed GraphQL requests as any caller, a SQL
 * statement counter, and a handful of catalogue rows whose every property a test may rely on.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { close, listen } from '../../protocol/http.js';
import { signIdentity, type Identity } from '../../protocol/identity.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { archiveSchemaName, ensureArchiveProfile, migrateArchive, openArchiveDatabase } from '../../subgraphs/archive/database.js';
import { buildArchiveHost, type ArchiveHost, type ArchiveHostOptions } from '../../subgraphs/archive/server.js';

export const SECRET = 'archive-test-secret';
export const CITY = '360100';
export const COUNTY = '360121';

export const PUBLIC: Identity = { role: 'public' };
export const archivistOf = (archive: string): Identity => ({ role: 'archivist', archive, sub: `archivist-${archive}` });
export const ADMIN: Identity = { role: 'admin', sub: 'admin' };
export const supervisorOf = (region: string): Identity => ({ role: 'supervisor', region, sub: `supervisor-${region}` });

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: unknown[] }[];
}

export interface ArchiveWorld {
  database: TestDatabase;
  orm: MikroORM;
  host: ArchiveHost;
  port: number;
  /** SQL statements the ORM has run since the world started. */
  statements: string[];
  url(code?: string): string;
  graphql<T = any>(identity: Identity | null, query: string, variables?: Record<string, unknown>, code?: string, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** Runs SQL in an archive's schema, bypassing the service (for fixtures and checks). */
  sql<T = any>(code: string, text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startArchiveWorld(label: string, codes: string[] = [CITY], hostOptions: Pick<ArchiveHostOptions, 'oai'> = {}): Promise<ArchiveWorld> {
  const database = await createTestDatabase(label);
  const statements: string[] = [];
  const orm = await openArchiveDatabase(database.url, { onQuery: (sql) => statements.push(sql) });
  for (const code of codes) {
    await migrateArchive(orm, code);
    await ensureArchiveProfile(orm, code, {
      name: code === CITY ? '南昌市档案馆' : `${code}档案馆`,
      level: code.endsWith('00') ? 'CITY' : 'COUNTY',
      address: '江西省南昌市',
      services: ['查档', '出证', '展览'],
    });
  }
  const host = await buildArchiveHost({ archives: codes.map((code) => ({ code, orm })), subgraphSecret: SECRET, log: () => undefined, ...hostOptions });
  const port = await listen(host.http, 0);
  const url = (code = codes[0]!) => `http://127.0.0.1:${port}/archives/${code}/graphql`;
  return {
    database,
    orm,
    host,
    port,
    statements,
    url,
    async graphql(identity, query, variables, code, headers = {}) {
      const response = await fetch(url(code), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(identity ? signIdentity(identity, SECRET) : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResult, 'status'>;
      return { status: response.status, ...body };
    },
    async sql(code, text, params = []) {
      const connection = orm.em.getConnection();
      return connection.execute(text.replaceAll('$schema', `"${archiveSchemaName(code)}"`), params);
    },
    async close() {
      await close(host.http);
      await host.stop();
      await orm.close(true);
      await database.drop();
    },
  };
}

export interface CatalogueRecord {
  key: string;
  level: 'FILE' | 'ITEM';
  parent?: string;
  fonds: 'J001' | 'J002';
  referenceCode: string;
  title: string;
  year: number;
  access: 'OPEN' | 'DELAYED' | 'UNREVIEWED';
  category: string;
  copies?: number;
  electronic?: boolean;
}

/**
 * A small catalogue in two fonds: files with items, standalone items, every access status,
 * several categories and years on both sides of 1949, some digital copies.
 */
export const CATALOGUE: CatalogueRecord[] = [
  { key: 'f1', level: 'FILE', fonds: 'J001', referenceCode: 'J001-WS·1948-Y-BGS-0001', title: '南昌县政府关于婚姻登记的通知', year: 1948, access: 'OPEN', category: 'ADMINISTRATIVE', copies: 1 },
  { key: 'i1', level: 'ITEM', parent: 'f1', fonds: 'J001', referenceCode: 'J001-WS·1948-Y-BGS-0001-001', title: '婚姻登记办法', year: 1948, access: 'OPEN', category: 'MARRIAGE' },
  { key: 'i2', level: 'ITEM', parent: 'f1', fonds: 'J001', referenceCode: 'J001-WS·1948-Y-BGS-0001-002', title: '婚姻登记婚姻纠纷调解记录', year: 1948, access: 'DELAYED', category: 'MARRIAGE' },
  { key: 'f2', level: 'FILE', fonds: 'J001', referenceCode: 'J001-WS·2001-Y-BGS-0012', title: '二〇〇一年财政预算报告', year: 2001, access: 'OPEN', category: 'ACCOUNTING', copies: 2, electronic: true },
  { key: 's1', level: 'ITEM', fonds: 'J001', referenceCode: 'J001-WS·2001-D30-BGS-0013', title: '关于知青返城安置工作的请示', year: 2001, access: 'DELAYED', category: 'RUSTICATED_YOUTH', copies: 1 },
  { key: 's2', level: 'ITEM', fonds: 'J002', referenceCode: 'J002-WS·2010-D10-MZJ-0001', title: '民政局社保经办情况统计', year: 2010, access: 'UNREVIEWED', category: 'SOCIAL_SECURITY' },
  { key: 's3', level: 'ITEM', fonds: 'J002', referenceCode: 'J002-WS·1965-Y-MZJ-0002', title: '民政局招工名册', year: 1965, access: 'OPEN', category: 'RECRUITMENT', electronic: true },
  { key: 's4', level: 'ITEM', fonds: 'J002', referenceCode: 'J002-ZP·1978-Y-MZJ-0003', title: '婚姻法宣传照片', year: 1978, access: 'OPEN', category: 'PHOTO', copies: 1 },
];

export interface SeededCatalogue {
  fonds: Record<'J001' | 'J002', number>;
  records: Record<string, number>;
}

/** Writes CATALOGUE (and some utilization, exhibitions and compilations) into an archive's schema. */
export async function seedCatalogue(world: ArchiveWorld, code: string): Promise<SeededCatalogue> {
  const fonds = {} as Record<'J001' | 'J002', number>;
  for (const [fondsCode, name, creator] of [
    ['J001', '南昌县人民政府办公室', '南昌县人民政府办公室'],
    ['J002', '南昌县民政局', '南昌县民政局'],
  ] as const) {
    const [row] = await world.sql(code, `insert into $schema.fonds (fonds_code, name, creator, start_year, end_year) values (?, ?, ?, 1940, 2020) returning id`, [fondsCode, name, creator]);
    fonds[fondsCode] = row.id;
  }
  const records: Record<string, number> = {};
  for (const record of CATALOGUE) {
    const [row] = await world.sql(
      code,
      `insert into $schema.record (fonds_id, parent_id, level, reference_code, title, year, date, retention, access, category, pages, electronic)
       values (?, ?, ?, ?, ?, ?, ?, 'PERMANENT', ?, ?, 10, ?) returning id`,
      [fonds[record.fonds], record.parent ? records[record.parent] : null, record.level, record.referenceCode, record.title,
        record.year, `${record.year}-06-01`, record.access, record.category, record.electronic ?? false],
    );
    records[record.key] = row.id;
    for (let copy = 0; copy < (record.copies ?? 0); copy++) {
      await world.sql(code, `insert into $schema.digital_object (record_id, format, pages, bytes, sha256) values (?, 'PDF', 10, 1000, ?)`, [
        row.id,
        `${String(copy)}${record.key}`.padEnd(64, 'a').replace(/[^0-9a-f]/g, 'b'),
      ]);
    }
  }
  await world.sql(code, `insert into $schema.utilization (visited_on, visitors, items_provided, purpose, channel) values ('2024-03-01', 3, 7, 'PERSONAL_AFFAIRS', 'ONSITE'), ('2024-03-02', 2, 4, 'ACADEMIC_RESEARCH', 'ONLINE')`);
  await world.sql(code, `insert into $schema.exhibition (title, start_date, end_date, visitors, online) values ('红色档案展', '2021-07-01', '2021-10-01', 5000, false), ('网上民生档案展', '2023-01-01', null, 1200, true)`);
  await world.sql(code, `insert into $schema.compilation (title, year, characters, publisher) values ('南昌档案史料选编', 2019, 300000, '江西人民出版社')`);
  return { fonds, records };
}
