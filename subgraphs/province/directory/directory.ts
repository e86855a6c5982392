/**
 * The network directory (档案馆名录): which archives belong to the province's network, the
 * region each serves, where its shard answers, and whether it is routed. Only an admin may
 * change it; every change bumps the directory version the gateway watches.
 *
 * Beside it in directory/: the region tree (regions.ts), the snapshot every read of the
 * directory goes through (snapshot.ts), the probe that tells whether each shard answers
 * (probe.ts), and the resolvers of Archive, Region and the directory's fields.
 */
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { raw } from '@mikro-orm/postgresql';
import { badUserInput, conflict, forbidden, notFound } from '../../../protocol/errors.js';
import { parseArchiveCode } from '../../../protocol/ids.js';
import type { Identity } from '../../../protocol/identity.js';
import { regionContains } from '../../../protocol/regions.js';
import {
  ARCHIVE_LEVELS,
  DirectoryEntryEntity,
  DirectoryVersionEntity,
  RegionEntity,
  type ArchiveLevel,
  type DirectoryEntryRow,
  type DirectoryStatus,
} from '../entities/index.js';
import type { ProvinceEntityManager } from '../database.js';
import type { RegionTree } from './regions.js';
import { DirectorySnapshot } from './snapshot.js';
import { printableText } from '../../../protocol/text.js';

export interface ArchiveRegistration {
  /** The archive code (GB/T 2260), e.g. `360100`. */
  id: string;
  /** 馆名, e.g. 南昌市档案馆. */
  name: string;
  level: ArchiveLevel;
  /** Code of the region the archive serves; the archive code must lie within it. */
  region: string;
  /** http(s) URL of the archive's GraphQL shard. */
  endpoint: string;
}

/** Changes to an active entry; a field left out (or null) keeps its value. */
export interface ArchiveChanges {
  name?: string | null;
  endpoint?: string | null;
}

export interface DirectoryListing {
  /** A region code: the listing covers it and every region below it. */
  region?: string | null;
  status?: DirectoryStatus | null;
  includeRetired?: boolean | null;
}

export interface ShardEndpoint {
  archive: string;
  endpoint: string;
}

export interface ShardDirectory {
  version: string;
  shards: ShardEndpoint[];
}

const NAME_MAX = 200;
const ENDPOINT_MAX = 2000;

/** Who may change the directory: admins only. */
export function assertMayChangeDirectory(actor: Identity): void {
  if (actor.role !== 'admin') {
    throw forbidden('Only an admin may change the network directory (档案馆名录).');
  }
}

export function isRetired(entry: DirectoryEntryRow): boolean {
  return entry.retiredAt != null;
}

function archiveName(name: string): string {
  const trimmed = printableText('name', name.trim());
  if (trimmed.length === 0) throw badUserInput('The archive name (馆名) must not be empty.');
  if (trimmed.length > NAME_MAX) throw badUserInput(`The archive name (馆名) is longer than ${NAME_MAX} characters.`);
  return trimmed;
}

/** The shard URL, checked: an absolute http(s) URL. */
export function shardEndpoint(endpoint: string): string {
  const trimmed = endpoint.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badUserInput(`The endpoint "${trimmed.slice(0, 80)}" is not a URL: expected the http(s) URL of the archive's GraphQL shard, e.g. http://10.0.3.7:4001/graphql.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badUserInput(`The endpoint must be an http or https URL, not ${url.protocol.replace(':', '')}.`);
  }
  if (trimmed.length > ENDPOINT_MAX) throw badUserInput(`The endpoint is longer than ${ENDPOINT_MAX} characters.`);
  return trimmed;
}

export class Directory {
  /**
   * @param snapshot the directory as last read, shared by the requests of one server; a
   *   Directory made without one keeps its own.
   */
  constructor(
    private readonly em: ProvinceEntityManager,
    private readonly regions: RegionTree,
    private readonly snapshot: DirectorySnapshot = new DirectorySnapshot(),
  ) {}

  /**
   * Registers (登记) an archive, or registers again one that was retired. CONFLICT when it is
   * already registered and active.
   */
  async register(actor: Identity, registration: ArchiveRegistration, now: Date = new Date()): Promise<DirectoryEntryRow> {
    const [entry] = await this.registerMany(actor, [registration], now);
    return entry!;
  }

  /**
   * Registers many archives at once, all or nothing, with one version change: how a new
   * network (the demo's 112 archives) is bootstrapped. CONFLICT when any of them is already
   * registered and active, or when one code is given twice.
   */
  async registerMany(actor: Identity, registrations: ArchiveRegistration[], now: Date = new Date()): Promise<DirectoryEntryRow[]> {
    assertMayChangeDirectory(actor);
    const checked = registrations.map((registration) => this.#checkRegistration(registration));
    const seen = new Set<string>();
    for (const { id } of checked) {
      if (seen.has(id)) throw conflict(`Archive ${id} is given twice.`);
      seen.add(id);
    }
    if (checked.length === 0) return [];
    try {
      return await this.em.transactional(async (tx) => {
        await bumpVersion(tx);
        const existing = new Map(
          (await tx.find(DirectoryEntryEntity, { id: { $in: checked.map((r) => r.id) } })).map((e) => [e.id, e]),
        );
        return checked.map((registration) => {
          const entry = existing.get(registration.id);
          const fields = {
            name: registration.name,
            level: registration.level,
            region: tx.getReference(RegionEntity, registration.region),
            endpoint: registration.endpoint,
            status: 'UNKNOWN' as const,
            lastSeenAt: null,
            contractVersion: null,
            registeredAt: now,
            retiredAt: null,
          };
          if (!entry) return tx.create(DirectoryEntryEntity, { id: registration.id, ...fields });
          if (!isRetired(entry)) {
            throw conflict(`Archive ${entry.id} (${entry.name}) is already registered in the directory (档案馆名录); use updateArchive to change it.`);
          }
          return tx.assign(entry, fields);
        });
      });
    } catch (error) {
      // The version row's lock already serialises registrations; this is the backstop should
      // a row arrive some other way.
      if (error instanceof UniqueConstraintViolationException) {
        throw conflict(`Archive ${checked.map((r) => r.id).join(', ')}: already registered in the directory (档案馆名录).`);
      }
      throw error;
    }
  }

  /** Changes an active archive's name or endpoint. */
  async update(actor: Identity, id: string, changes: ArchiveChanges): Promise<DirectoryEntryRow> {
    assertMayChangeDirectory(actor);
    const code = parseArchiveCode(id);
    const name = changes.name == null ? undefined : archiveName(changes.name);
    const endpoint = changes.endpoint == null ? undefined : shardEndpoint(changes.endpoint);
    if (name === undefined && endpoint === undefined) {
      throw badUserInput('Nothing to change: give a new name (馆名) or endpoint.');
    }
    return this.em.transactional(async (tx) => {
      await bumpVersion(tx);
      const entry = await this.#activeEntry(tx, code, 'change');
      if (name !== undefined) entry.name = name;
      if (endpoint !== undefined && endpoint !== entry.endpoint) {
        entry.endpoint = endpoint;
        // Health seen at the old address says nothing about the new one.
        entry.status = 'UNKNOWN';
      }
      return entry;
    });
  }

  /** Retires (撤销) an archive: the entry stays, marked retired, and is no longer routed. */
  async retire(actor: Identity, id: string, now: Date = new Date()): Promise<DirectoryEntryRow> {
    assertMayChangeDirectory(actor);
    const code = parseArchiveCode(id);
    return this.em.transactional(async (tx) => {
      await bumpVersion(tx);
      const entry = await this.#activeEntry(tx, code, 'retire');
      entry.retiredAt = now;
      return entry;
    });
  }

  /** The directory listing, ordered by code. */
  async list(listing: DirectoryListing = {}): Promise<DirectoryEntryRow[]> {
    let inRegion: ReadonlySet<string> | undefined;
    if (listing.region != null) {
      const region = this.regions.find(listing.region);
      if (!region) throw notFound(`No region ${listing.region} in ${this.regions.root.name} (${this.regions.root.code}).`);
      inRegion = new Set(this.regions.subtreeCodes(region));
    }
    const view = await this.snapshot.current(this.em);
    return (listing.includeRetired ? view.entries : view.active).filter(
      (entry) => (inRegion === undefined || inRegion.has(entry.region.code)) && (listing.status == null || entry.status === listing.status),
    );
  }

  /** Entries by code, in the order asked, null for a code the directory does not know. */
  async entriesByCode(codes: readonly string[]): Promise<(DirectoryEntryRow | null)[]> {
    const view = await this.snapshot.current(this.em);
    return codes.map((code) => view.entry(code) ?? null);
  }

  /**
   * For each region code, the active entries registered in it or any region below it,
   * ordered by code.
   */
  async activeEntriesBelow(regionCodes: readonly string[]): Promise<DirectoryEntryRow[][]> {
    const view = await this.snapshot.current(this.em);
    return regionCodes.map((code) => {
      const region = this.regions.get(code);
      const below = new Set(region ? this.regions.subtreeCodes(region) : []);
      return view.active.filter((entry) => below.has(entry.region.code));
    });
  }

  /** What the gateway routes by: every active archive's endpoint, with the version. */
  async shardDirectory(): Promise<ShardDirectory> {
    // One transaction so that the version always describes the list it comes with.
    return this.em.transactional(async (tx) => {
      const version = await readVersion(tx);
      const rows = await tx.find(DirectoryEntryEntity, { retiredAt: null }, { orderBy: { id: 'asc' } });
      return { version, shards: rows.map((row) => ({ archive: row.id, endpoint: row.endpoint })) };
    }, { isolationLevel: 'repeatable read' });
  }

  async version(): Promise<string> {
    return readVersion(this.em);
  }

  #checkRegistration(registration: ArchiveRegistration): ArchiveRegistration {
    const id = parseArchiveCode(registration.id);
    const region = this.regions.require(registration.region);
    if (!regionContains(region.code, id)) {
      throw badUserInput(`Archive ${id} does not lie within region ${region.code} (${region.name}): an archive's code is the code of the area it serves.`);
    }
    if (!(ARCHIVE_LEVELS as readonly string[]).includes(registration.level)) {
      throw badUserInput(`Unknown archive level (级别) "${String(registration.level).slice(0, 40)}": expected ${ARCHIVE_LEVELS.join(', ')}.`);
    }
    return {
      id,
      name: archiveName(registration.name),
      level: registration.level,
      region: region.code,
      endpoint: shardEndpoint(registration.endpoint),
    };
  }

  async #activeEntry(tx: ProvinceEntityManager, code: string, verb: string): Promise<DirectoryEntryRow> {
    const entry = await tx.findOne(DirectoryEntryEntity, { id: code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!entry) throw notFound(`No archive ${code} in the directory (档案馆名录).`, { archive: code });
    if (isRetired(entry)) {
      throw conflict(`Archive ${code} (${entry.name}) was retired (已撤销) on ${entry.retiredAt!.toISOString()}; cannot ${verb} it. Register it again first.`);
    }
    return entry;
  }
}

/**
 * Taken first in every change, so the version row's lock also serialises concurrent changes
 * to the directory.
 */
async function bumpVersion(tx: ProvinceEntityManager): Promise<void> {
  await tx.nativeUpdate(DirectoryVersionEntity, { id: 1 }, { revision: raw('revision + 1') });
}

async function readVersion(em: ProvinceEntityManager): Promise<string> {
  const row = await em.findOneOrFail(DirectoryVersionEntity, { id: 1 }, { disableIdentityMap: true });
  return `${row.revision}-${row.instance}`;
}
