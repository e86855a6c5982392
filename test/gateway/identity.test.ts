import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallerVerifier } from '../../gateway/caller.js';
import { ANONYMOUS } from '../../protocol/identity.js';
import { ShardClient } from '../../protocol/shard-client.js';
import { JWT_SECRET, startNetwork, type TestNetwork } from './fixtures/network.js';

const READ = '{ record(id: "360100:Record:1") { title } }';

let network: TestNetwork;

beforeAll(async () => {
  network = await startNetwork();
});

afterAll(async () => {
  await network?.stop();
});

function lastCall() {
  return network.nanchang.calls.at(-1)!;
}

describe('the caller at the gateway and at the subgraphs', () => {
  it('no Authorization header: the subgraphs receive the anonymous public, correctly signed', async () => {
    const refusedBefore = network.nanchang.refused;
    const { status, body } = await network.query(READ);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    // The fixture verified the signature with the shared secret before recording the call.
    expect(lastCall().identity).toEqual(ANONYMOUS);
    expect(network.nanchang.refused).toBe(refusedBefore);
  });

  it('a valid token: its claims reach the shard and the province as a signed identity', async () => {
    const token = await network.token({ role: 'archivist', archive: '360100', sub: 'zhang.san' });
    network.directory.listing = ['360100'];
    try {
      const { body } = await network.query('{ archives { id address } }', undefined, { authorization: `Bearer ${token}` });
      expect(body.errors).toBeUndefined();
    } finally {
      network.directory.listing = null;
    }
    const expected = { role: 'archivist', archive: '360100', sub: 'zhang.san' };
    expect(lastCall().identity).toEqual(expected);
    expect(network.province.calls.at(-1)!.identity).toEqual(expected);
  });

  it.each([
    ['a tampered token', async () => {
      const token = await network.token({ role: 'public', sub: 'visitor' });
      const [header, , signature] = token.split('.');
      const forged = Buffer.from(JSON.stringify({ role: 'admin', sub: 'visitor', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
      return `Bearer ${header}.${forged}.${signature}`;
    }],
    ['an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 7200;
      const token = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt(past)
        .setExpirationTime(past + 60)
        .sign(new TextEncoder().encode(JWT_SECRET));
      return `Bearer ${token}`;
    }],
    ['a token signed with another secret', async () => {
      const token = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode('not-the-secret'));
      return `Bearer ${token}`;
    }],
    ['a malformed header', async () => 'Bearer not.a.jwt'],
    ['a scheme other than Bearer', async () => 'Basic YWRtaW46YWRtaW4='],
    ['an archivist token without its archive', async () => {
      const token = await new SignJWT({ role: 'archivist' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(JWT_SECRET));
      return `Bearer ${token}`;
    }],
  ])('%s gets HTTP 401 UNAUTHENTICATED and never reaches a subgraph', async (_, authorization) => {
    const callsBefore = network.nanchang.calls.length;
    const { status, body } = await network.query(READ, undefined, { authorization: await authorization() });
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(network.nanchang.calls.length).toBe(callsBefore);
  });

  it('a shard called without the gateway’s signature refuses with 401', async () => {
    const response = await fetch(network.nanchang.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: READ }),
    });
    expect(response.status).toBe(401);
    const wrongSecret = new ShardClient({ secret: 'not-the-subgraph-secret' });
    try {
      const answer = await wrongSecret.request(network.nanchang.url, { query: READ }, { role: 'admin' });
      expect(answer.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    } finally {
      await wrongSecret.close();
    }
  });
});

describe('client token keys from local files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantai-gateway-keys-'));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies RS256 tokens with a PEM public key file and ES256 tokens with a JWKS file', async () => {
    const rsa = await generateKeyPair('RS256');
    const pemFile = join(dir, 'public.pem');
    writeFileSync(pemFile, await exportSPKI(rsa.publicKey));
    const fromPem = createCallerVerifier({ kind: 'publicKeyFile', path: pemFile });
    const rsToken = await new SignJWT({ role: 'supervisor', region: '360100' }).setProtectedHeader({ alg: 'RS256' }).setSubject('zhao').setExpirationTime('1h').sign(rsa.privateKey);
    expect(await fromPem(`Bearer ${rsToken}`)).toEqual({ role: 'supervisor', region: '360100', sub: 'zhao' });

    const ec = await generateKeyPair('ES256');
    const jwksFile = join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(ec.publicKey)), kid: 'k1', alg: 'ES256' }] }));
    const fromJwks = createCallerVerifier({ kind: 'jwksFile', path: jwksFile });
    const esToken = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setExpirationTime('1h').sign(ec.privateKey);
    expect(await fromJwks(`Bearer ${esToken}`)).toEqual({ role: 'admin' });

    // A token signed by another key, or an HS256 token made with the public key as its secret, is refused.
    await expect(fromJwks(`Bearer ${rsToken}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const confused = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(await exportSPKI(rsa.publicKey)));
    await expect(fromPem(`Bearer ${confused}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
