/**
 * An archive host's settings, read once at start from its flags and environment. A bad
 * value, or a missing signing secret outside the demo, is an error that says what to set.
 */
import { isArchiveCode } from '../../protocol/ids.js';
import { MAX_PORT, subgraphSecret, wholeNumber, type Environment } from '../../protocol/settings.js';
import { DEFAULT_IMPORT_CONCURRENCY } from './catalogue-import/upload.js';

/** Flags of `npm run archive`; each wins over its variable. */
export interface ArchiveHostFlags {
  archive?: string;
  database?: string;
  port?: string;
  host?: string;
}

export interface HostedArchiveSetting {
  code: string;
  /** Its database: its own `<code>=<url>`, else --database or DATABASE_URL. */
  url: string;
}

export interface ArchiveHostSettings {
  /** LANTAI_ARCHIVES or --archive, e.g. `360100,360121=postgres://…`; at least one. */
  archives: HostedArchiveSetting[];
  /** PORT or --port. @default 4101 */
  port: number;
  /** --host. @default 127.0.0.1 */
  host: string;
  /** LANTAI_SUBGRAPH_SECRET; required outside the demo. */
  subgraphSecret: string;
  /** The OAI-PMH provider: LANTAI_OAI_PAGE_SIZE (1 to 5,000, default 500) and LANTAI_OAI_ADMIN_EMAIL (default archive-<code>@lantai.invalid). */
  oai: { pageSize?: number; adminEmail?: string };
  /** LANTAI_IMPORT_CONCURRENCY: catalogue imports uploaded to the host that run at once (1 to 16, default 2). */
  importConcurrency: number;
}

/** Reads the settings; throws, saying what to set, when one is missing or malformed. */
export function archiveHostSettings(env: Environment, flags: ArchiveHostFlags = {}, warn: (message: string) => void = () => {}): ArchiveHostSettings {
  const defaultUrl = flags.database ?? env.DATABASE_URL;
  const archives = (flags.archive ?? env.LANTAI_ARCHIVES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const equals = entry.indexOf('=');
      const code = equals === -1 ? entry : entry.slice(0, equals);
      const url = equals === -1 ? defaultUrl : entry.slice(equals + 1);
      if (!isArchiveCode(code)) throw new Error(`"${code}" is not an archive code (6 digits, GB/T 2260), e.g. 360100.`);
      if (!url) throw new Error(`no database for archive ${code}: give --database postgres://… or DATABASE_URL, or write ${code}=postgres://….`);
      return { code, url };
    });
  if (archives.length === 0) throw new Error('give the archives to host with --archive 360100[,360121,…] or LANTAI_ARCHIVES.');
  return {
    archives,
    port: wholeNumber('the port', flags.port ?? env.PORT, 4101, MAX_PORT),
    host: flags.host ?? '127.0.0.1',
    subgraphSecret: subgraphSecret(env, warn),
    oai: oaiSettings(env),
    importConcurrency: wholeNumber('LANTAI_IMPORT_CONCURRENCY', env.LANTAI_IMPORT_CONCURRENCY, DEFAULT_IMPORT_CONCURRENCY, 16, 1),
  };
}

function oaiSettings(env: Environment): ArchiveHostSettings['oai'] {
  const pageSize = wholeNumber('LANTAI_OAI_PAGE_SIZE', env.LANTAI_OAI_PAGE_SIZE, 500, 5000);
  if (pageSize === 0) throw new Error('LANTAI_OAI_PAGE_SIZE must be from 1 to 5000, not 0.');
  return { pageSize, adminEmail: env.LANTAI_OAI_ADMIN_EMAIL || undefined };
}
