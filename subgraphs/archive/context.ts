/**
 * What every request to an archive carries: the archive it addresses, its schema, the verified
 * caller, its own EntityManager fork and DataLoaders made for this request only.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../protocol/identity.js';
import type { ArchiveLoaders } from './loaders.js';
import type { AuditTrail } from './services/audit-log.js';

/** What every resolver of one request knows: which archive, who asks, and that request's data access. */
export interface ArchiveContext {
  /** The archive code the request was addressed to (/archives/<code>/graphql). */
  archive: string;
  /** The PostgreSQL schema holding that archive's data, archive_<code>. */
  schema: string;
  /** A fork of the shared EntityManager bound to that schema; never the global one. */
  em: EntityManager;
  loaders: ArchiveLoaders;
  viewer: Identity;
  /** Reads of closed records made by this request, written to the audit log when it ends. */
  audit: AuditTrail;
}
