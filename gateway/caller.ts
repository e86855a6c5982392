/**
 * Who is calling: the gateway verifies the client's `Authorization: Bearer <JWT>` and turns its
 * claims into a protocol/identity.ts Identity, which it then signs to every subgraph.
 *
 * Keys come from local material only (a shared secret, a PEM public key file or a JWKS file),
 * never from the network, so a gateway answers even when an identity provider does not.
 */
import { readFileSync } from 'node:fs';
import {
  SignJWT,
  createLocalJWKSet,
  errors as joseErrors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { unauthenticated } from '../protocol/errors.js';
import { ANONYMOUS, identityFromClaims, type Identity } from '../protocol/identity.js';

/**
 * The demo's JWT secret, used by the gateway and by `npm run token` when LANTAI_JWT_SECRET is
 * unset. Anyone can read it here: a real deployment sets its own.
 */
export const DEMO_JWT_SECRET = 'lantai-demo-jwt-secret-change-me';

/** Where the gateway takes the keys that verify client tokens from; exactly one is used. */
export type JwtKeySource =
  | { kind: 'secret'; secret: string }
  | { kind: 'publicKeyFile'; path: string }
  | { kind: 'jwksFile'; path: string };

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

export type CallerVerifier = (authorization: string | undefined) => Promise<Identity>;

export function createCallerVerifier(source: JwtKeySource): CallerVerifier {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (source.kind === 'secret') {
    key = new TextEncoder().encode(source.secret);
    algorithms = ['HS256'];
  } else if (source.kind === 'publicKeyFile') {
    const pem = readFileSync(source.path, 'utf8');
    const imported = new Map<string, Promise<CryptoKey>>();
    key = (header) => {
      const alg = header.alg ?? '';
      if (!imported.has(alg)) imported.set(alg, importSPKI(pem, alg));
      return imported.get(alg)!;
    };
    algorithms = ASYMMETRIC_ALGORITHMS;
  } else {
    key = createLocalJWKSet(JSON.parse(readFileSync(source.path, 'utf8')) as JSONWebKeySet);
    algorithms = ASYMMETRIC_ALGORITHMS;
  }

  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <JWT>".');
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(match[1]!, key as JWTVerifyGetKey, { algorithms });
      claims = verified.payload as Record<string, unknown>;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired.');
      throw unauthenticated('The token is malformed or its signature does not match.');
    }
    try {
      return identityFromClaims(claims);
    } catch (error) {
      throw unauthenticated((error as Error).message);
    }
  };
}

export interface TokenRequest {
  role: Identity['role'];
  sub?: string;
  archive?: string;
  region?: string;
  /** A jose time span, e.g. `8h`, `30m`. */
  expires: string;
}

/** Signs a client token with the shared HS256 secret (the demo and the tests). */
export async function signClientToken(request: TokenRequest, secret: string): Promise<string> {
  const claims: Record<string, unknown> = { role: request.role };
  if (request.archive !== undefined) claims.archive = request.archive;
  if (request.region !== undefined) claims.region = request.region;
  // Checked with the verifier's own rules, so `npm run token` never prints a token the gateway refuses.
  identityFromClaims({ ...claims, ...(request.sub !== undefined ? { sub: request.sub } : {}) });
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(request.expires);
  if (request.sub !== undefined) jwt.setSubject(request.sub);
  return jwt.sign(new TextEncoder().encode(secret));
}
