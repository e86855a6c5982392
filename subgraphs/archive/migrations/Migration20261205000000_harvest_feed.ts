import { Migration } from '@mikro-orm/migrations';

/**
 * What an incremental harvest (OAI-PMH) needs to know that the catalogue itself forgets:
 * when a record last changed, and when a record's 开放 status changed or the record was
 * deleted.
 *
 * - `record.oai_datestamp` is the time, to the millisecond, of the record's last change of a
 *   descriptive column or of its access. It is set on every update of those columns whatever
 *   the status: which changes a harvester may see is decided when the feed is read, by the
 *   rule in services/visibility.ts, not here. A new column with a stable default is filled
 *   without rewriting the table, so existing and bulk-loaded records get their load time.
 * - `record_access_change` keeps every change of a record's access and every deletion (new
 *   access null), with the fonds and category the record had then, so that a record that
 *   stops being visible is reported deleted (a tombstone) to a harvest from before the
 *   change, for ever (deletedRecord "persistent").
 * - Times are kept to the millisecond, as a JavaScript Date holds them, so a resumption token
 *   can carry the exact position of a list (oai/resumption-token.ts); a harvester sees them
 *   to the second. The rows are only ever appended, except
 *   that truncating `record` (a reload of the catalogue, which restarts record ids) empties
 *   the log too: its ids would otherwise name new records.
 */
export class Migration20261205000000_harvest_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table record add column oai_datestamp timestamptz not null default date_trunc('milliseconds', now())`);
    this.addSql(`create index record_oai_datestamp_idx on record (oai_datestamp, id)`);
    this.addSql(`create function record_oai_datestamp() returns trigger language plpgsql set search_path from current as $$
      begin
        new.oai_datestamp := date_trunc('milliseconds', now());
        return new;
      end
    $$`);
    this.addSql(`create trigger record_oai_datestamp before update of fonds_id, parent_id, level, reference_code, title, author,
      date, year, retention, classification, access, category, pages, electronic, remarks on record
      for each row execute function record_oai_datestamp()`);

    this.addSql(`create table record_access_change (
      id bigint generated always as identity primary key,
      record_id integer not null,
      fonds_id integer not null,
      category text not null,
      previous_access text not null,
      access text,
      changed_at timestamptz not null default date_trunc('milliseconds', now())
    )`);
    this.addSql(`create index record_access_change_record_idx on record_access_change (record_id, changed_at)`);
    this.addSql(`create function record_access_changed() returns trigger language plpgsql set search_path from current as $$
      begin
        if tg_op = 'DELETE' then
          insert into record_access_change (record_id, fonds_id, category, previous_access, access)
            values (old.id, old.fonds_id, old.category, old.access, null);
          return old;
        end if;
        insert into record_access_change (record_id, fonds_id, category, previous_access, access)
          values (old.id, old.fonds_id, old.category, old.access, new.access);
        return new;
      end
    $$`);
    this.addSql(`create trigger record_access_changed after update of access on record
      for each row when (old.access is distinct from new.access) execute function record_access_changed()`);
    this.addSql(`create trigger record_deleted after delete on record for each row execute function record_access_changed()`);
    this.addSql(`create function record_access_change_truncated() returns trigger language plpgsql set search_path from current as $$
      begin
        truncate record_access_change;
        return null;
      end
    $$`);
    this.addSql(`create trigger record_truncated_access_changes after truncate on record
      for each statement execute function record_access_change_truncated()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists record_truncated_access_changes on record`);
    this.addSql(`drop trigger if exists record_deleted on record`);
    this.addSql(`drop trigger if exists record_access_changed on record`);
    this.addSql(`drop trigger if exists record_oai_datestamp on record`);
    this.addSql(`drop function if exists record_access_change_truncated()`);
    this.addSql(`drop function if exists record_access_changed()`);
    this.addSql(`drop function if exists record_oai_datestamp()`);
    this.addSql(`drop table if exists record_access_change`);
    this.addSql(`drop index if exists record_oai_datestamp_idx`);
    this.addSql(`alter table record drop column if exists oai_datestamp`);
  }
}
