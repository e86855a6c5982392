import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_JWT_SECRET, createCallerVerifier } from '../../gateway/caller.js';
import { gatewayEnvironment } from '../../gateway/config.js';
import { DEMO_SUBGRAPH_SECRET } from '../../protocol/identity.js';

const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

describe('gateway environment', () => {
  it('has working demo defaults when the demo secrets are opted into', () => {
    expect(gatewayEnvironment({ LANTAI_DEMO_SECRETS: 'on' })).toMatchObject({
      port: 4000,
      subgraphSecret: DEMO_SUBGRAPH_SECRET,
      jwt: { kind: 'secret', secret: DEMO_JWT_SECRET },
      shardTimeoutMs: 2000,
      directoryRefreshMs: 15_000,
    });
  });

  it('reads ports, secrets, timeouts and key files from the environment', () => {
    const env = gatewayEnvironment({
      PORT: '4400',
      LANTAI_PROVINCE_URL: 'http://10.0.0.2:4100/graphql',
      LANTAI_SUBGRAPH_SECRET: 's',
      LANTAI_JWKS_FILE: '/etc/lantai/jwks.json',
      LANTAI_SHARD_TIMEOUT_MS: '750',
      LANTAI_DIRECTORY_REFRESH_MS: '5000',
    });
    expect(env).toMatchObject({
      port: 4400,
      provinceUrl: 'http://10.0.0.2:4100/graphql',
      subgraphSecret: 's',
      jwt: { kind: 'jwksFile', path: '/etc/lantai/jwks.json' },
      shardTimeoutMs: 750,
      directoryRefreshMs: 5000,
    });
  });

  it('refuses to start without its secrets outside the demo, naming the variables to set', () => {
    expect(() => gatewayEnvironment({ LANTAI_JWT_SECRET: 'j' })).toThrow(/set LANTAI_SUBGRAPH_SECRET/);
    expect(() => gatewayEnvironment({ LANTAI_SUBGRAPH_SECRET: 's' })).toThrow(/set LANTAI_JWT_SECRET \(HS256\), LANTAI_JWT_PUBLIC_KEY_FILE or LANTAI_JWKS_FILE/);
    expect(gatewayEnvironment({ LANTAI_SUBGRAPH_SECRET: 's', LANTAI_JWT_SECRET: 'j' })).toMatchObject({ subgraphSecret: 's', jwt: { kind: 'secret', secret: 'j' } });
  });

  it('warns when it falls back on the public demo secrets', () => {
    const warnings: string[] = [];
    gatewayEnvironment({ LANTAI_DEMO_SECRETS: 'on' }, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringMatching(/no JWT key is set/), expect.stringMatching(/LANTAI_SUBGRAPH_SECRET is unset/)]);
  });

  it('refuses two sources of JWT keys and a timeout that is not a number', () => {
    expect(() => gatewayEnvironment({ LANTAI_JWT_SECRET: 'a', LANTAI_JWT_PUBLIC_KEY_FILE: '/k.pem' })).toThrow(/only one/);
    expect(() => gatewayEnvironment({ LANTAI_DEMO_SECRETS: 'on', LANTAI_SHARD_TIMEOUT_MS: 'soon' })).toThrow(/LANTAI_SHARD_TIMEOUT_MS/);
  });
});

describe('npm run token', () => {
  it('prints a token the gateway accepts with the same default secret', async () => {
    const { stdout } = await run(process.execPath, [tsx, 'scripts/token.ts', '--role', 'archivist', '--archive', '360100', '--sub', 'zhang'], {
      env: { ...process.env, LANTAI_JWT_SECRET: '' },
    });
    const verify = createCallerVerifier(gatewayEnvironment({ LANTAI_DEMO_SECRETS: 'on' }).jwt!);
    expect(await verify(`Bearer ${stdout.trim()}`)).toEqual({ role: 'archivist', archive: '360100', sub: 'zhang' });
  });

  it('refuses an archivist token without its archive', async () => {
    await expect(run(process.execPath, [tsx, 'scripts/token.ts', '--role', 'archivist'])).rejects.toMatchObject({ code: 2 });
  });
});
