import { Migration } from '@mikro-orm/migrations';

/**
 * Materialised holdings counters (馆藏统计), so that an archive's holdings summary reads a few
 * thousand rows instead of every record: `holdings_grain` counts records by every property
 * the summary groups or filters on, with the pages and bytes of their digital copies.
 *
 * Every statement that writes records or digital copies bumps `holdings_version` (statement
 * triggers, so a bulk load pays once per statement, not per row); refresh_holdings_grain()
 * recomputes the grain when its version is behind, under an advisory lock so concurrent
 * readers refresh once. The version is read before recomputing, so a write that lands during
 * a refresh leaves the grain marked behind, never wrongly current. The functions keep the
 * search_path of this migration (the archive's schema): they run the same whoever calls them.
 */
export class Migration20261121140000_holdings_grain extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table holdings_grain (
      category text not null,
      year integer not null,
      access text not null,
      level text not null,
      standalone boolean not null,
      electronic boolean not null,
      has_copy boolean not null,
      has_items boolean not null,
      has_open_items boolean not null,
      records bigint not null,
      copy_pages bigint not null,
      copy_bytes numeric not null
    )`);
    this.addSql(`create table holdings_version (
      only_row boolean primary key default true check (only_row),
      version bigint not null
    )`);
    this.addSql(`insert into holdings_version (version) values (1)`);
    this.addSql(`create table holdings_grain_state (
      only_row boolean primary key default true check (only_row),
      refreshed_version bigint not null
    )`);
    this.addSql(`insert into holdings_grain_state (refreshed_version) values (0)`);

    this.addSql(`create function holdings_changed() returns trigger language plpgsql set search_path from current as $$
      begin
        update holdings_version set version = version + 1;
        return null;
      end
    $$`);
    for (const table of ['record', 'digital_object']) {
      this.addSql(`create trigger ${table}_holdings_changed after insert or update or delete on ${table} for each statement execute function holdings_changed()`);
      this.addSql(`create trigger ${table}_holdings_truncated after truncate on ${table} for each statement execute function holdings_changed()`);
    }

    this.addSql(`create function refresh_holdings_grain() returns void language plpgsql set search_path from current as $$
      declare
        current_version bigint;
      begin
        perform pg_advisory_xact_lock(hashtext(current_schema() || '.holdings_grain'));
        select version into current_version from holdings_version;
        if current_version = (select refreshed_version from holdings_grain_state) then
          return;
        end if;
        delete from holdings_grain;
        insert into holdings_grain
        with copies as (
          select d.record_id, sum(d.pages)::bigint as pages, sum(d.bytes)::numeric as bytes
            from digital_object d group by d.record_id
        ), files_with_items as (
          select parent_id as id, bool_or(access = 'OPEN') as has_open from record where parent_id is not null group by parent_id
        )
        select r.category, r.year, r.access, r.level, (r.level = 'ITEM' and r.parent_id is null), r.electronic,
               c.record_id is not null, f.id is not null, coalesce(f.has_open, false),
               count(*), coalesce(sum(c.pages), 0), coalesce(sum(c.bytes), 0)
          from record r
          left join copies c on c.record_id = r.id
          left join files_with_items f on f.id = r.id
         group by 1, 2, 3, 4, 5, 6, 7, 8, 9;
        update holdings_grain_state set refreshed_version = current_version;
      end
    $$`);
    // Archives loaded before this migration get their counters now, not on the first request.
    this.addSql(`select refresh_holdings_grain()`);
  }

  override async down(): Promise<void> {
    for (const table of ['record', 'digital_object']) {
      this.addSql(`drop trigger if exists ${table}_holdings_changed on ${table}`);
      this.addSql(`drop trigger if exists ${table}_holdings_truncated on ${table}`);
    }
    this.addSql(`drop function if exists refresh_holdings_grain()`);
    this.addSql(`drop function if exists holdings_changed()`);
    this.addSql(`drop table if exists holdings_grain_state`);
    this.addSql(`drop table if exists holdings_version`);
    this.addSql(`drop table if exists holdings_grain`);
  }
}
