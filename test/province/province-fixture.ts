/**
 * A province subgraph for one test file: its own database, migrated and loaded with the
 * region tree of 360000, served on port 0, and a client that signs each call like the gateway.
 */
import { close, listen } from '../../protocol/http.js';
import { signIdentity, type Identity } from '../../protocol/identity.js';
import { openProvinceDatabase, type ProvinceOrm } from '../../subgraphs/province/database.js';
import { buildProvinceServer, type ProvinceServer } from '../../subgraphs/province/server.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';

export const SECRET = 'province-test-secret';

export const ADMIN: Identity = { role: 'admin', sub: 'admin-1' };
export const PUBLIC: Identity = { role: 'public' };
export const ARCHIVIST: Identity = { role: 'archivist', sub: 'clerk-1', archive: '360100' };
export const SUPERVISOR: Identity = { role: 'supervisor', sub: 'inspector-1', region: '360000' };

export interface GraphQLAnswer<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export interface ProvinceFixture {
  url: string;
  /** The province's database, for a second replica over it. */
  databaseUrl: string;
  orm: ProvinceOrm;
  server: ProvinceServer;
  /** Sends a GraphQL request signed as `identity` (now, with the test secret). */
  call<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GraphQLAnswer<T>>;
  /** Sends a GraphQL request with exactly these headers (for unsigned or tampered calls). */
  send<T = Record<string, any>>(query: string, headers: Record<string, string>, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  teardown(): Promise<void>;
}

/**
 * A province subgraph over a test database of its own, or, as `replicaOf` another, a second
 * replica over that one's database (which the first one's teardown drops).
 */
export async function startProvince(label: string, options: { replicaOf?: ProvinceFixture } = {}): Promise<ProvinceFixture> {
  const database: Pick<TestDatabase, 'url' | 'drop'> = options.replicaOf
    ? { url: options.replicaOf.databaseUrl, drop: async () => {} }
    : await createTestDatabase(label);
  const orm = await openProvinceDatabase(database.url, { province: '360000', poolSize: 4 });
  const server = await buildProvinceServer({ orm, secret: SECRET, log: () => {} });
  const port = await listen(server.http, 0);
  const url = `http://127.0.0.1:${port}/graphql`;

  async function send<T>(query: string, headers: Record<string, string>, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
    return { status: response.status, ...body };
  }

  return {
    url,
    databaseUrl: database.url,
    orm,
    server,
    send,
    call: (query, variables, identity = ADMIN) => send(query, signIdentity(identity, SECRET), variables),
    async teardown() {
      await close(server.http);
      await server.stop();
      await orm.close(true);
      await database.drop();
    },
  };
}

export function codesOf(answer: GraphQLAnswer): (string | undefined)[] {
  return (answer.errors ?? []).map((error) => error.extensions?.code as string | undefined);
}
