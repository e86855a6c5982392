/**
 * The archive host's OAI-PMH endpoint, /archives/<code>/oai (GET or POST, as the protocol
 * allows), and the project's record schema beside it. It answers whoever asks, always as the
 * anonymous public: no identity is needed, and none widens what it shows.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OAI_BASE_URL_HEADER, readBody } from '../../../protocol/http.js';
import { verifyIdentity } from '../../../protocol/identity.js';
import type { FeedScope } from './feed.js';
import { LANTAI_RECORD_SCHEMA_FILE, type ArchiveDescription } from './formats.js';
import type { OaiProvider } from './provider.js';

export const LANTAI_RECORD_SCHEMA = new URL(`../../../schema/xml/${LANTAI_RECORD_SCHEMA_FILE}`, import.meta.url);

const MAX_FORM_BYTES = 16 * 1024;

export interface OaiEndpointOptions {
  provider: OaiProvider;
  /** The identity signing secret: only a signed call (the gateway's) may name the base URL. */
  subgraphSecret: string;
}

export interface OaiTarget {
  scope: FeedScope;
  describe(): Promise<ArchiveDescription>;
}

let schemaText: string | undefined;

function argumentsOf(query: URLSearchParams): Map<string, string[]> {
  const args = new Map<string, string[]>();
  for (const [name, value] of query) args.set(name, [...(args.get(name) ?? []), value]);
  return args;
}

function baseUrlOf(request: IncomingMessage, path: string, secret: string): string {
  const given = request.headers[OAI_BASE_URL_HEADER];
  if (typeof given === 'string' && /^https?:\/\/[^\s"<>]+$/.test(given)) {
    try {
      verifyIdentity(request.headers, secret);
      return given;
    } catch {
      // Unsigned: the header is ignored, and the host's own address is the base URL.
    }
  }
  const host = /^[A-Za-z0-9.\-:[\]]+$/.test(request.headers.host ?? '') ? request.headers.host : 'localhost';
  return `http://${host}${path}`;
}

/** Answers one request at the OAI-PMH base URL (`path`, e.g. /archives/360100/oai) or the schema beside it. */
export async function serveOai(request: IncomingMessage, response: ServerResponse, path: string, rest: string, target: OaiTarget, options: OaiEndpointOptions): Promise<void> {
  if (rest === `/${LANTAI_RECORD_SCHEMA_FILE}` && (request.method === 'GET' || request.method === 'HEAD')) {
    schemaText ??= readFileSync(LANTAI_RECORD_SCHEMA, 'utf8');
    response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=86400' });
    response.end(request.method === 'HEAD' ? undefined : schemaText);
    return;
  }
  if (rest !== '' && rest !== '/') {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Nothing here; the OAI-PMH base URL is ${path}.`);
    return;
  }
  let query: URLSearchParams;
  if (request.method === 'GET' || request.method === 'HEAD') {
    query = new URL(request.url ?? '/', 'http://localhost').searchParams;
  } else if (request.method === 'POST') {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      response.writeHead(415, { 'content-type': 'text/plain; charset=utf-8' }).end('OAI-PMH requests are posted as application/x-www-form-urlencoded.');
      return;
    }
    try {
      query = new URLSearchParams(await readBody(request, MAX_FORM_BYTES));
    } catch {
      response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' }).end(`An OAI-PMH request body may be at most ${MAX_FORM_BYTES} bytes.`);
      return;
    }
  } else {
    response.writeHead(405, { allow: 'GET, HEAD, POST', 'content-type': 'text/plain; charset=utf-8' }).end('OAI-PMH answers GET and POST.');
    return;
  }
  const document = await options.provider.answer({
    scope: target.scope,
    archive: await target.describe(),
    baseUrl: baseUrlOf(request, path, options.subgraphSecret),
    args: argumentsOf(query),
  });
  response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : document);
}
