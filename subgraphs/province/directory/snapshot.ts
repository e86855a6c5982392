/**
 * The directory as this process last read it, shared by every request, so that a request
 * does not load and hydrate every entry again: at province scale that was 112 entities per
 * request, most of the province's CPU for a cached statistics answer or search.
 *
 * A snapshot is never trusted by age. Every read first asks the database for the
 * directory's fingerprint in one small statement, and reuses the snapshot only while the
 * fingerprint is the one it was read at; otherwise it reads the directory again. So a reader
 * sees every change committed before it asked, whoever made it: this process, another
 * province replica over the same database, the shard probe, or an operator's SQL.
 *
 * The fingerprint is the list of the entries' codes with the transaction id of each entry's
 * current row version (xmin): any committed insert, update or delete gives some entry a new
 * row version (or removes one), and so a new fingerprint, without a migration or a trigger
 * and without serialising the probe's writes on a shared counter row.
 */
import type { ProvinceEntityManager } from '../database.js';
import { DirectoryEntryEntity, type DirectoryEntryRow } from '../entities/index.js';

const FINGERPRINT_SQL = `select md5(coalesce(string_agg(code || ':' || xmin::text, ',' order by code), '')) as fingerprint from province.directory_entry`;

/** Every entry of the directory, retired ones too, as read at one fingerprint; never changed once made. */
export class DirectoryView {
  /** Every entry, ordered by code. */
  readonly entries: readonly DirectoryEntryRow[];
  /** The entries not retired, ordered by code. */
  readonly active: readonly DirectoryEntryRow[];
  readonly #byCode: ReadonlyMap<string, DirectoryEntryRow>;

  constructor(
    readonly fingerprint: string,
    entries: readonly DirectoryEntryRow[],
  ) {
    this.entries = entries;
    this.active = entries.filter((entry) => entry.retiredAt == null);
    this.#byCode = new Map(entries.map((entry) => [entry.id, entry]));
  }

  entry(code: string): DirectoryEntryRow | undefined {
    return this.#byCode.get(code);
  }
}

async function readFingerprint(em: ProvinceEntityManager): Promise<string> {
  const [row] = await em.execute<{ fingerprint: string }[]>(FINGERPRINT_SQL);
  return row!.fingerprint;
}

export class DirectorySnapshot {
  #view: DirectoryView | undefined;
  /** Reads under way, by the fingerprint that started them, so that concurrent requests read once. */
  readonly #reading = new Map<string, Promise<DirectoryView>>();

  /**
   * The directory as it is now: the snapshot when the database's fingerprint is still the
   * snapshot's, else read again. The entries are shared with other requests: read them, never
   * change them (a change goes through the Directory's own transaction).
   */
  async current(em: ProvinceEntityManager): Promise<DirectoryView> {
    const fingerprint = await readFingerprint(em);
    if (this.#view?.fingerprint === fingerprint) return this.#view;
    // A read started after another request saw this same fingerprint is as new as this
    // request needs: nothing committed before either asked is missing from it.
    let reading = this.#reading.get(fingerprint);
    if (!reading) {
      reading = this.#read(em).finally(() => this.#reading.delete(fingerprint));
      this.#reading.set(fingerprint, reading);
    }
    return reading;
  }

  async #read(em: ProvinceEntityManager): Promise<DirectoryView> {
    // The entries and their fingerprint from one snapshot of the database, so that the
    // fingerprint describes exactly the entries it is stored with.
    const view = await em.fork().transactional(
      async (tx) => {
        const fingerprint = await readFingerprint(tx);
        const entries = await tx.find(DirectoryEntryEntity, {}, { orderBy: { id: 'asc' } });
        return new DirectoryView(fingerprint, entries);
      },
      { isolationLevel: 'repeatable read', readOnly: true },
    );
    this.#view = view;
    return view;
  }
}
