/**
 * Trusted documents (可信文档): the operations the project's own clients send, listed in a
 * manifest built with the typed client (`npm run codegen` writes
 * client/generated/persisted-documents.json: sha256 of each document's normalised text → that
 * text, for every document in client/operations and dashboard/operations).
 *
 * A client may send a document by its id alone, as Apollo's clients do
 * (`extensions.persistedQuery.sha256Hash`, version 1) or as the GraphQL-over-HTTP persisted
 * documents proposal does (`documentId`, with or without a `sha256:` prefix). Ids resolve from
 * the manifest only: Apollo Server's automatic persisted queries would let any caller register
 * any text under its hash, which would make the list mean nothing, so its cache is replaced by
 * the manifest, which never stores.
 *
 * LANTAI_TRUSTED_DOCUMENTS decides what happens to a full document that is not in the manifest:
 * `off` runs it, `log` runs it and reports it, `enforce` refuses it to the public and runs it for
 * archivists, supervisors and admins, who use GraphiQL. Every such operation is reported as an
 * `untrusted` event (for metrics) whatever the mode but `off`.
 *
 * The manifest is read at start and again whenever its file changes; a file that cannot be read
 * or parsed leaves the previous manifest in force.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin, GraphQLRequest, PersistedQueryOptions } from '@apollo/server';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { GraphQLError, Kind, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { RequestErrorCode } from '../protocol/errors.js';
import type { Identity } from '../protocol/identity.js';
import type { GatewayContext } from './shard-router.js';

export type TrustedDocumentsMode = 'off' | 'log' | 'enforce';

export const TRUSTED_DOCUMENTS_MODES: readonly TrustedDocumentsMode[] = ['off', 'log', 'enforce'];

/** The manifest the typed client's build writes (codegen/codegen.ts). */
export const DEFAULT_MANIFEST_FILE = fileURLToPath(new URL('../client/generated/persisted-documents.json', import.meta.url));

/** Roles that may send any operation in `enforce` mode. */
const FREE_ROLES: ReadonlySet<Identity['role']> = new Set(['archivist', 'supervisor', 'admin']);

export interface TrustedDocumentsOptions {
  /**
   * What to do with operations not in the manifest (LANTAI_TRUSTED_DOCUMENTS).
   * @default 'off'
   */
  mode?: TrustedDocumentsMode;
  /**
   * The manifest: a JSON object of sha256 hex → document text (LANTAI_TRUSTED_DOCUMENTS_FILE).
   * @default client/generated/persisted-documents.json
   */
  manifestFile?: string;
}

/** An operation that is not in the manifest, as reported to listeners (metrics, issue 15). */
export interface UntrustedOperation {
  operationName: string | null;
  /** sha256 of the document text as sent. */
  documentHash: string;
  role: Identity['role'];
  /** Whether it was refused (enforce mode, a public caller) or answered. */
  refused: boolean;
}

export interface TrustedDocumentsEvents {
  /** An operation not in the manifest (modes `log` and `enforce`). */
  untrusted: [UntrustedOperation];
  /** The manifest was (re)read; `documents` is how many it holds. */
  loaded: [{ documents: number }];
  /** The manifest file changed but could not be read; the previous manifest stays. */
  'load-failed': [Error];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The manifest's documents, each checked to be stored under the sha256 of its own text. */
export function parseManifest(text: string): Map<string, string> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('The trusted-documents manifest must be a JSON object of sha256 → document.');
  }
  const documents = new Map<string, string>();
  for (const [id, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || sha256(document) !== id) {
      throw new Error(`The trusted-documents manifest lists ${id} with a document whose sha256 differs.`);
    }
    documents.set(id, document);
  }
  return documents;
}

/** The fragments an operation spreads, directly or through other fragments. */
function fragmentsUsedBy(operation: OperationDefinitionNode, document: DocumentNode): FragmentDefinitionNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(spread.name.value)) {
          used.set(spread.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...used.values()];
}

/**
 * The id the manifest gives an operation: sha256 of the operation and the fragments it uses,
 * printed as the client preset prints them (sorted, on one line). A client that sends the
 * document's text in another layout, with comments, or beside other operations is still
 * recognised.
 */
export function documentId(document: DocumentNode, operation: OperationDefinitionNode): string {
  const alone: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsedBy(operation, document)] };
  return sha256(printExecutableGraphQLDocument(alone));
}

/** Apollo hands every request of the same text the same parsed document: ids are computed once per operation. */
const idsOfDocuments = new WeakMap<DocumentNode, Map<OperationDefinitionNode, string>>();

function cachedDocumentId(document: DocumentNode, operation: OperationDefinitionNode): string {
  let ids = idsOfDocuments.get(document);
  if (!ids) idsOfDocuments.set(document, (ids = new Map()));
  let id = ids.get(operation);
  if (id === undefined) ids.set(operation, (id = documentId(document, operation)));
  return id;
}

export class TrustedDocuments extends EventEmitter<TrustedDocumentsEvents> {
  readonly mode: TrustedDocumentsMode;
  readonly manifestFile: string;
  private documents = new Map<string, string>();
  private watcher: FSWatcher | undefined;
  private readonly log: (message: string) => void;

  constructor(options: TrustedDocumentsOptions, log: (message: string) => void) {
    super();
    this.mode = options.mode ?? 'off';
    this.manifestFile = options.manifestFile ?? DEFAULT_MANIFEST_FILE;
    this.log = log;
  }

  /** How many documents the manifest holds. */
  get size(): number {
    return this.documents.size;
  }

  /** The document stored under `id`, if the manifest has it. */
  document(id: string): string | undefined {
    return this.documents.get(id);
  }

  /**
   * Reads the manifest and follows its file. Outside `off` mode a manifest that cannot be read
   * fails the start: enforcing an empty list would refuse every public request.
   */
  async start(): Promise<void> {
    try {
      await this.load();
    } catch (error) {
      if (this.mode !== 'off') throw error;
      this.log(`trusted documents: no manifest read (${(error as Error).message}); requests by id are not found`);
    }
    // The directory is watched, not the file: writers often replace a file by renaming a new
    // one over it, which ends a watch on the file itself.
    try {
      this.watcher = watch(dirname(this.manifestFile), (_event, name) => {
        if (name === null || name === basename(this.manifestFile)) this.reload();
      });
      this.watcher.on('error', (error) => this.log(`trusted documents: watching ${this.manifestFile} failed: ${error.message}`));
    } catch (error) {
      this.log(`trusted documents: cannot watch ${this.manifestFile}: ${(error as Error).message}`);
    }
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  private async load(): Promise<void> {
    this.documents = parseManifest(await readFile(this.manifestFile, 'utf8'));
    this.emit('loaded', { documents: this.documents.size });
  }

  private reload(): void {
    this.load().catch((error: Error) => {
      // A writer may be half way through the file; its next change event reads it whole.
      this.log(`trusted documents: kept the previous manifest, ${this.manifestFile} could not be read: ${error.message}`);
      this.emit('load-failed', error);
    });
  }

  /**
   * Apollo Server's persisted-query cache, answered from the manifest: an id-only request finds
   * its document here or gets PERSISTED_QUERY_NOT_FOUND; nothing is ever stored.
   */
  cache(): NonNullable<PersistedQueryOptions['cache']> {
    return {
      get: async (key) => this.documents.get(key.startsWith('apq:') ? key.slice(4) : key),
      set: async () => undefined,
      delete: async () => undefined,
    };
  }

  /** The Apollo Server plugin that resolves document ids and applies the mode. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async ({ request }) => {
        const unsupported = normaliseDocumentId(request);
        return {
          didResolveOperation: async ({ document, operation, queryHash, metrics, contextValue }) => {
            if (unsupported) {
              throw new GraphQLError('PersistedQueryNotSupported', {
                extensions: { code: RequestErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, http: { status: 200 } },
              });
            }
            if (this.mode === 'off' || metrics.persistedQueryHit || !operation) return;
            if (this.documents.has(queryHash!) || this.documents.has(cachedDocumentId(document, operation))) return;
            const refused = this.mode === 'enforce' && !FREE_ROLES.has(contextValue.identity.role);
            const operationName = operation.name?.value ?? null;
            this.emit('untrusted', { operationName, documentHash: queryHash!, role: contextValue.identity.role, refused });
            this.log(`trusted documents: ${refused ? 'refused' : 'answered'} operation ${operationName ?? '(anonymous)'} ${queryHash} not in the manifest, for a ${contextValue.identity.role} caller`);
            if (refused) {
              throw new GraphQLError(
                '此操作不在可信文档清单中: this gateway answers the public only with the operations of the network’s own clients; send one of them (by its document id), or sign in as an archivist.',
                { extensions: { code: RequestErrorCode.QUERY_NOT_IN_SAFELIST, http: { status: 400 } } },
              );
            }
          },
        };
      },
    };
  }
}

/**
 * Puts a request by id into the one form Apollo Server resolves (extensions.persistedQuery,
 * version 1, without a query), so that it looks the id up in the manifest. A request with both
 * a document and an id is taken as the document: the id registers nothing here, and a client
 * that prints its document differently from the manifest (urql's fallback does) is not refused
 * for a hash that does not match its own text. Returns true for an id-only request of a
 * version this gateway does not know, which Apollo would otherwise answer with a code-less
 * error; it is refused with PERSISTED_QUERY_NOT_SUPPORTED once Apollo reaches the plugin's
 * first hook that may refuse a request (didResolveOperation), over a stand-in document.
 */
function normaliseDocumentId(request: GraphQLRequest): boolean {
  const body = request.http?.body;
  const search = request.http?.search;
  const given =
    (typeof body === 'object' && body !== null && typeof (body as { documentId?: unknown }).documentId === 'string'
      ? (body as { documentId: string }).documentId
      : undefined) ?? (search ? (new URLSearchParams(search).get('documentId') ?? undefined) : undefined);
  const { persistedQuery, ...otherExtensions } = (request.extensions ?? {}) as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } };
  if (request.query) {
    if (persistedQuery) request.extensions = otherExtensions;
    return false;
  }
  if (given !== undefined) {
    request.extensions = { ...otherExtensions, persistedQuery: { version: 1, sha256Hash: given.replace(/^sha256:/, '') } };
    return false;
  }
  if (persistedQuery && persistedQuery.version !== 1) {
    request.extensions = otherExtensions;
    request.query = '{ __typename }';
    return true;
  }
  return false;
}
