/**
 * createClient: a typed GraphQL client for the Lantai gateway, over urql's core client.
 *
 * `request(document, variables)` takes a typed document node (client/generated, or any
 * TypedDocumentNode) and returns its data and its errors together: a partial answer is normal
 * here, since one archive may be down while the rest of the province answers. Nothing is
 * cached between requests. Documents built with the typed client are sent by their trusted
 * document id (extensions.persistedQuery), and in full only when the gateway does not know the
 * id, through urql's persisted exchange.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, fetchExchange, type Exchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { importCatalogue, type CatalogueImportAnswer, type CatalogueUpload } from './catalogue-import.js';
import { lantaiErrors, type LantaiError } from './errors.js';
import { retryingOnRateLimit, type RateLimitRetry } from './rate-limit.js';

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** A JWT (`npm run token`) sent as `Authorization: Bearer`; none for the public. */
  token?: string;
  /**
   * Send documents by their trusted-document id rather than their text. Documents without an
   * id (not built by the typed client's codegen) are always sent in full.
   * @default true
   */
  sendDocumentIds?: boolean;
  /**
   * Retries of a request answered 429 (RATE_LIMITED), each after the Retry-After the gateway gives.
   * @default { maxRetries: 3, maxWaitSeconds: 30 }
   */
  rateLimitRetry?: RateLimitRetry;
  /**
   * The fetch to use.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
}

/** What an operation returned: its data (null when there is none) and every error beside it. */
export interface Answer<TData> {
  data: TData | null;
  errors: LantaiError[];
}

/** An operation's variables: optional when none is required (`{}` has every optional property). */
export type VariablesOf<TVariables> = {} extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface LantaiClient {
  request<TData, TVariables extends object>(document: TypedDocumentNode<TData, TVariables>, ...variables: VariablesOf<TVariables>): Promise<Answer<TData>>;
  /** Uploads a catalogue file into an archive (目录导入; an archivist's token of that archive). */
  importCatalogue(upload: CatalogueUpload): Promise<CatalogueImportAnswer>;
}

/** The id the typed client's codegen embeds in each document (presetConfig.persistedDocuments). */
function embeddedDocumentId(document: unknown): string {
  return (document as { __meta__?: { hash?: string } }).__meta__?.hash ?? '';
}

function operationKind(document: TypedDocumentNode<unknown, never>): 'query' | 'mutation' {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') {
      if (definition.operation === 'subscription') throw new Error('The Lantai gateway has no subscriptions.');
      return definition.operation;
    }
  }
  throw new Error('The document holds no operation.');
}

export function createClient(options: ClientOptions): LantaiClient {
  const exchanges: Exchange[] = [fetchExchange];
  if (options.sendDocumentIds ?? true) {
    exchanges.unshift(
      persistedExchange({
        generateHash: async (_text, document) => embeddedDocumentId(document),
        enableForMutation: true,
        // The gateway refuses GET without a preflight header (CSRF protection): ids go by POST.
        preferGetForPersistedQueries: false,
      }),
    );
  }
  const send = retryingOnRateLimit(options.fetch ?? globalThis.fetch, options.rateLimitRetry);
  const client = new Client({
    url: options.url,
    exchanges,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetch: send,
    fetchOptions: options.token ? { headers: { authorization: `Bearer ${options.token}` } } : {},
  });

  return {
    async request<TData, TVariables extends object>(document: TypedDocumentNode<TData, TVariables>, ...[variables]: VariablesOf<TVariables>) {
      const run = operationKind(document as TypedDocumentNode<unknown, never>) === 'mutation' ? client.mutation.bind(client) : client.query.bind(client);
      const result = await run<TData, TVariables>(document, (variables ?? {}) as TVariables).toPromise();
      return { data: (result.data ?? null) as TData | null, errors: lantaiErrors(result.error) };
    },
    importCatalogue: (upload) => importCatalogue(send, options.url, options.token, upload),
  };
}
