/**
 * The gateway's options from the environment, read once at start. Its secrets have no
 * default: without them it refuses to start, unless LANTAI_DEMO_SECRETS=on (the demo and
 * the tests) lets it use the public demo secrets.
 */
import { DEFAULT_SHARD_TIMEOUT_MS } from '../protocol/shard-client.js';
import { DEMO_SECRETS_VARIABLE, subgraphSecret, usesDemoSecrets, wholeNumber, type Environment } from '../protocol/settings.js';
import { DEMO_JWT_SECRET, type JwtKeySource } from './caller.js';
import { DEFAULT_UPLOAD_TIMEOUT_MS } from './catalogue-upload.js';
import { DEFAULT_GATEWAY_BODY_BYTES, DEFAULT_QUERY_LIMITS } from './limits.js';
import { DEFAULT_RATE_LIMIT } from './rate-limit.js';
import type { GatewayOptions } from './server.js';
import { TRUSTED_DOCUMENTS_MODES, type TrustedDocumentsMode } from './trusted-documents.js';

export interface GatewayEnvironment extends Omit<GatewayOptions, 'supergraphSdl'> {
  /**
   * Port to listen on (PORT).
   * @default 4000
   */
  port: number;
  /**
   * Address to listen on (LANTAI_HOST).
   * @default 127.0.0.1
   */
  host: string;
}

function positiveInteger(env: Environment, name: string, fallback: number): number {
  return wholeNumber(name, env[name], fallback);
}

function onOff(env: Environment, name: string, fallback: boolean): boolean {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (text === 'on') return true;
  if (text === 'off') return false;
  throw new Error(`${name} must be "on" or "off", not "${text}".`);
}

function trustedDocumentsMode(env: Environment): TrustedDocumentsMode {
  const text = env.LANTAI_TRUSTED_DOCUMENTS;
  if (text === undefined || text === '') return 'off';
  if ((TRUSTED_DOCUMENTS_MODES as readonly string[]).includes(text)) return text as TrustedDocumentsMode;
  throw new Error(`LANTAI_TRUSTED_DOCUMENTS must be one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}, not "${text}".`);
}

function jwtKeySource(env: Environment, warn: (message: string) => void): JwtKeySource {
  const given = [
    env.LANTAI_JWT_SECRET && ({ kind: 'secret', secret: env.LANTAI_JWT_SECRET } as const),
    env.LANTAI_JWT_PUBLIC_KEY_FILE && ({ kind: 'publicKeyFile', path: env.LANTAI_JWT_PUBLIC_KEY_FILE } as const),
    env.LANTAI_JWKS_FILE && ({ kind: 'jwksFile', path: env.LANTAI_JWKS_FILE } as const),
  ].filter((source): source is JwtKeySource => Boolean(source));
  if (given.length > 1) {
    throw new Error('Set only one of LANTAI_JWT_SECRET, LANTAI_JWT_PUBLIC_KEY_FILE and LANTAI_JWKS_FILE.');
  }
  if (given[0]) return given[0];
  if (!usesDemoSecrets(env)) {
    throw new Error(`set LANTAI_JWT_SECRET (HS256), LANTAI_JWT_PUBLIC_KEY_FILE or LANTAI_JWKS_FILE to verify client tokens (or ${DEMO_SECRETS_VARIABLE}=on to use the public demo secret, for the demo only).`);
  }
  warn('no JWT key is set; verifying client tokens with the public demo secret (LANTAI_DEMO_SECRETS=on).');
  return { kind: 'secret', secret: DEMO_JWT_SECRET };
}

/** Reads the gateway's settings; throws, saying which variable to set, when one is missing or malformed. */
export function gatewayEnvironment(env: Environment = process.env, warn: (message: string) => void = () => {}): GatewayEnvironment {
  return {
    port: positiveInteger(env, 'PORT', 4000),
    host: env.LANTAI_HOST || '127.0.0.1',
    provinceUrl: env.LANTAI_PROVINCE_URL || 'http://127.0.0.1:4100/graphql',
    jwt: jwtKeySource(env, warn),
    subgraphSecret: subgraphSecret(env, warn),
    shardTimeoutMs: positiveInteger(env, 'LANTAI_SHARD_TIMEOUT_MS', DEFAULT_SHARD_TIMEOUT_MS),
    directoryRefreshMs: positiveInteger(env, 'LANTAI_DIRECTORY_REFRESH_MS', 15_000),
    provinceTimeoutMs: positiveInteger(env, 'LANTAI_PROVINCE_TIMEOUT_MS', 10_000),
    uploadTimeoutMs: positiveInteger(env, 'LANTAI_UPLOAD_TIMEOUT_MS', DEFAULT_UPLOAD_TIMEOUT_MS),
    limits: {
      maxDepth: positiveInteger(env, 'LANTAI_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
      maxAliases: positiveInteger(env, 'LANTAI_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases),
      maxTokens: positiveInteger(env, 'LANTAI_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens),
      maxDirectives: positiveInteger(env, 'LANTAI_MAX_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives),
      maxCost: positiveInteger(env, 'LANTAI_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost),
    },
    maxBodyBytes: positiveInteger(env, 'LANTAI_MAX_BODY_BYTES', DEFAULT_GATEWAY_BODY_BYTES),
    rateLimit: {
      burst: positiveInteger(env, 'LANTAI_RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst),
      perSecond: positiveInteger(env, 'LANTAI_RATE_LIMIT_PER_SECOND', DEFAULT_RATE_LIMIT.perSecond),
      trustedProxies: (env.LANTAI_TRUSTED_PROXIES ?? '').split(',').map((address) => address.trim()).filter(Boolean),
    },
    introspection: onOff(env, 'LANTAI_INTROSPECTION', false),
    trustedDocuments: {
      mode: trustedDocumentsMode(env),
      ...(env.LANTAI_TRUSTED_DOCUMENTS_FILE ? { manifestFile: env.LANTAI_TRUSTED_DOCUMENTS_FILE } : {}),
    },
  };
}
