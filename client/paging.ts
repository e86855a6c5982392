/**
 * Walking a connection page by page: every Lantai list (records, fonds, requests, search hits)
 * has `pageInfo { hasNextPage endCursor }` and takes `after`.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { LantaiClient, VariablesOf } from './client.js';
import { LantaiRequestError, type LantaiError } from './errors.js';

export interface PageOfConnection {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface Page<TPage> {
  /** The connection of this page, as `select` picked it out of the data. */
  page: TPage;
  /** Errors beside this page's data (an archive that did not answer, say). */
  errors: LantaiError[];
}

/**
 * The pages of the connection `select` picks out of `document`'s data, from the first (or from
 * `variables.after`) to the last, each requested when the previous one has been consumed. A
 * page without data ends the walk with a LantaiRequestError holding that answer's errors.
 */
export async function* pages<TData, TVariables extends { after?: string | null }, TPage extends PageOfConnection>(
  client: LantaiClient,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  select: (data: TData) => TPage | null | undefined,
): AsyncGenerator<Page<TPage>, void, undefined> {
  let after = variables.after ?? null;
  for (;;) {
    // TypeScript cannot resolve VariablesOf for a TVariables still unknown here.
    const next = [{ ...variables, after }] as unknown as VariablesOf<TVariables>;
    const answer = await client.request(document, ...next);
    const page = answer.data === null ? null : select(answer.data);
    if (!page) throw new LantaiRequestError(answer.errors);
    yield { page, errors: answer.errors };
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
