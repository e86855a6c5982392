/**
 * Secrets are never logged: database passwords, credentials in service URLs and bearer tokens
 * are redacted by protocol/redaction.ts in every line a service prints, also when it fails
 * to start.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../gateway/composition.js';
import { buildGateway } from '../../gateway/server.js';
import { describeForLog, redactSecrets, redactUrl } from '../../protocol/redaction.js';

const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const PASSWORD = 'Pa55-w0rd-never-printed';

describe('redaction', () => {
  it.each([
    ['a database URL', `postgres://lantai:${PASSWORD}@db.city:5432/lantai`, 'postgres://lantai:***@db.city:5432/lantai'],
    ['a password holding an @', `postgresql://lantai:${PASSWORD}@x@10.0.0.2/lantai`, 'postgresql://lantai:***@10.0.0.2/lantai'],
    ['a service URL with credentials', `https://gw:${PASSWORD}@10.0.3.7:4001/graphql`, 'https://gw:***@10.0.3.7:4001/graphql'],
    ['a libpq password parameter', `host=db user=lantai password=${PASSWORD} dbname=x`, 'host=db user=lantai password=*** dbname=x'],
    ['a bearer token', `Authorization: Bearer eyJhbGciOi.${PASSWORD}.sig`, 'Authorization: Bearer ***'],
  ])('takes the secret out of %s', (_, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves URLs without credentials and ordinary text alone', () => {
    for (const text of ['http://127.0.0.1:4100/graphql', 'Archive 360100 did not answer within 2000 ms.', 'postgres://db/lantai']) {
      expect(redactUrl(text)).toBe(text);
    }
  });

  it('redacts an error’s message and stack as one log line', () => {
    const error = new Error(`could not connect to postgres://lantai:${PASSWORD}@db/lantai`);
    const line = describeForLog(error);
    expect(line).toContain('postgres://lantai:***@db/lantai');
    expect(line).not.toContain(PASSWORD);
  });
});

describe('services refuse to start without their secrets outside the demo', () => {
  const { LANTAI_SUBGRAPH_SECRET: _s, LANTAI_JWT_SECRET: _j, LANTAI_JWT_PUBLIC_KEY_FILE: _k, LANTAI_JWKS_FILE: _w, LANTAI_DEMO_SECRETS: _d, ...bare } = process.env;
  it.each([
    ['the archive host', ['subgraphs/archive/index.ts', '--archive', '360100'], {}, /archive: set LANTAI_SUBGRAPH_SECRET/],
    ['the province subgraph', ['subgraphs/province/index.ts'], {}, /province: set LANTAI_SUBGRAPH_SECRET/],
    ['the gateway without a JWT key', ['gateway/index.ts'], { LANTAI_SUBGRAPH_SECRET: 's' }, /gateway: set LANTAI_JWT_SECRET/],
    ['the gateway without the signing secret', ['gateway/index.ts'], { LANTAI_JWT_SECRET: 'j' }, /gateway: set LANTAI_SUBGRAPH_SECRET/],
  ])('%s exits saying which variable to set', async (_, args, extra, message) => {
    const env = { ...bare, ...extra, DATABASE_URL: 'postgres://lantai@127.0.0.1:1/lantai', PORT: '0' };
    const failure = await run(process.execPath, [tsx, ...args], { env, timeout: 30_000 }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(message);
  });
});

describe('services never print a password', () => {
  it.each([
    ['the archive host', ['subgraphs/archive/index.ts', '--archive', '360100']],
    ['the province subgraph', ['subgraphs/province/index.ts']],
  ])('%s failing to reach its database prints no password', async (_, args) => {
    const env = { ...process.env, DATABASE_URL: `postgres://lantai:${PASSWORD}@127.0.0.1:1/lantai`, PORT: '0', LANTAI_DEMO_SECRETS: 'on' };
    const result = await run(process.execPath, [tsx, ...args], { env, timeout: 30_000 }).then(
      ({ stdout, stderr }) => ({ failed: false, output: stdout + stderr }),
      (error: { stdout?: string; stderr?: string }) => ({ failed: true, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(/ECONNREFUSED|connect/);
    expect(result.output).not.toContain(PASSWORD);
  });

  it('the gateway logs a failing province URL without its credentials', async () => {
    const lines: string[] = [];
    const gateway = buildGateway({
      supergraphSdl: composeSupergraph().supergraphSdl,
      provinceUrl: `http://gateway:${PASSWORD}@127.0.0.1:1/graphql`,
      subgraphSecret: 'secret',
      log: (line) => lines.push(line),
    });
    try {
      await gateway.start();
    } finally {
      await gateway.stop();
    }
    expect(lines.join('\n')).toContain('http://gateway:***@127.0.0.1:1/graphql');
    expect(lines.join('\n')).not.toContain(PASSWORD);
  });
});
