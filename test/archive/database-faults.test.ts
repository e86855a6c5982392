/**
 * A database connection that goes away under a read (pg_terminate_backend, as an operator or a
 * pooler does): the read runs again on a fresh connection and the caller never notices; a
 * database that refuses connections is ARCHIVE_UNAVAILABLE naming the archive, never an
 * internal error. The read is caught in flight by holding a lock on the table it reads, so
 * the service's connection is busy (waiting for the lock) when it is terminated.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { GraphQLError } from 'graphql';
import { archiveDatabaseDown, isConnectionLost, provinceDatabaseDown } from '../../protocol/database-faults.js';
import { formatClientError } from '../../protocol/errors.js';
import { headersOf } from '../oai/oai-client.js';
import { CITY, PUBLIC, seedCatalogue, startArchiveWorld, type ArchiveWorld } from './fixture.js';

let world: ArchiveWorld;
let admin: pg.Client;
/** Connected to the server's own database: a database's connections can be refused only from another. */
let server: pg.Client;

const COUNT = `{ archive(id: "${CITY}") { records(first: 1) { totalCount } } }`;

beforeAll(async () => {
  world = await startArchiveWorld('dbfaults');
  await seedCatalogue(world, CITY);
  admin = new pg.Client({ connectionString: world.database.url });
  await admin.connect();
  server = new pg.Client({ connectionString: inject('postgresServerUrl') });
  await server.connect();
});

afterAll(async () => {
  await admin?.end();
  await server?.end();
  await world?.close();
});

/** Resolves with the pid of the service's backend once it waits for the lock the test holds. */
async function backendWaitingForLock(): Promise<number> {
  for (;;) {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
      [world.database.name],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Resolves with the pids of the service's backends once `count` of them wait for the lock the test holds. */
async function backendsWaitingForLock(count: number): Promise<number[]> {
  for (;;) {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
      [world.database.name],
    );
    if (rows.length >= count) return rows.map((row) => row.pid);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Sends COUNT while the record table is locked, terminates the backend that waits for it, then runs `meanwhile`. */
async function countWithTerminatedConnection(meanwhile: () => Promise<void>) {
  await admin.query('begin');
  await admin.query(`lock table "archive_${CITY}".record in access exclusive mode`);
  const answer = world.graphql(PUBLIC, COUNT);
  try {
    const pid = await backendWaitingForLock();
    await meanwhile();
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.query('rollback');
  }
  return answer;
}

describe('a database connection lost under a read', () => {
  it('is retried once on a fresh connection without the caller noticing', async () => {
    const expected = await world.graphql(PUBLIC, COUNT);
    expect(expected.errors).toBeUndefined();
    const answer = await countWithTerminatedConnection(async () => undefined);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(expected.data);
  });

  it('is ARCHIVE_UNAVAILABLE naming the archive when the database refuses new connections, and answers again once it accepts them', async () => {
    let answer;
    try {
      answer = await countWithTerminatedConnection(async () => {
        await server.query(`alter database ${world.database.name} allow_connections false`);
        // Idle pooled connections too: the retry must need a new connection.
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [world.database.name]);
      });
    } finally {
      await server.query(`alter database ${world.database.name} allow_connections true`);
    }
    expect(answer.status).toBe(200);
    expect(answer.errors!.map((e) => e.extensions)).toEqual([{ code: 'ARCHIVE_UNAVAILABLE', archive: CITY }]);
    expect(answer.errors![0]!.message).toContain('try again later');
    expect((await world.graphql(PUBLIC, COUNT)).errors).toBeUndefined();
  });
});

describe('a database connection lost under an OAI-PMH page', () => {
  it('is read again on fresh connections, the page and its count as if nothing happened', async () => {
    const url = `http://127.0.0.1:${world.port}/archives/${CITY}/oai?verb=ListIdentifiers&metadataPrefix=oai_dc`;
    const expected = await (await fetch(url)).text();
    expect(headersOf(expected).length).toBeGreaterThan(0);
    await admin.query('begin');
    await admin.query(`lock table "archive_${CITY}".record in access exclusive mode`);
    const answer = fetch(url).then((response) => response.text());
    try {
      // The page's rows (read through the pool's query(), services/page-rows.ts) and its count, each on a connection of its own.
      const pids = await backendsWaitingForLock(2);
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [pids]);
    } finally {
      await admin.query('rollback');
    }
    const xml = await answer;
    expect(xml).not.toContain('<error');
    expect(headersOf(xml)).toEqual(headersOf(expected));
  });
});

describe('isConnectionLost', () => {
  it('knows a terminated backend, a refused connection and a closed client, and nothing else', () => {
    expect(isConnectionLost(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionLost({ originalError: new Error('Connection terminated unexpectedly') })).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isConnectionLost(new Error('relation "record" does not exist'))).toBe(false);
  });

  it('turns a lost database into ARCHIVE_UNAVAILABLE at an archive and PROVINCE_UNAVAILABLE at the province, and nothing else', () => {
    const lost = new GraphQLError('terminating connection due to administrator command', {
      path: ['statistics'],
      originalError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    });
    const formatted = { message: lost.message, path: ['statistics'] };
    const quiet = () => undefined;
    expect(formatClientError(formatted, lost, quiet, provinceDatabaseDown)).toMatchObject({ path: ['statistics'], extensions: { code: 'PROVINCE_UNAVAILABLE' } });
    expect(formatClientError(formatted, lost, quiet, archiveDatabaseDown)).toMatchObject({ extensions: { code: 'ARCHIVE_UNAVAILABLE' } });
    const other = new GraphQLError('boom', { originalError: new Error('boom') });
    expect(formatClientError({ message: 'boom' }, other, quiet, provinceDatabaseDown)).toEqual({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
