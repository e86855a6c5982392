/**
 * `lantai/client`: the typed client for the Lantai gateway. See README, "Writing a client".
 */
export { createClient, type Answer, type ClientOptions, type LantaiClient, type VariablesOf } from './client.js';
export type { CatalogueImportAnswer, CatalogueImportProgress, CatalogueImportReport, CatalogueUpload } from './catalogue-import.js';
export { LantaiRequestError, retryAfterSeconds, type LantaiError, type LantaiErrorCode } from './errors.js';
export { pages, type Page, type PageOfConnection } from './paging.js';
export type { RateLimitRetry } from './rate-limit.js';
export * from './generated/graphql.js';
