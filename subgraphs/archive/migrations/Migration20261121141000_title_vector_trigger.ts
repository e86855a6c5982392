import { Migration } from '@mikro-orm/migrations';

/**
 * The title's search vector (record.search_vector) stops being a generated column and is
 * kept by a trigger instead, with the same function: title_tsvector() costs tens of
 * microseconds a row, most of a bulk load's time, and a generated column cannot be given.
 * The seed loader computes the same vector itself (subgraphs/archive/bulk/title-vector.ts, tested equal to
 * title_tsvector over generated catalogues) and passes it; every other insert, and every
 * change of a title, gets it from title_tsvector() here. Existing vectors stay as they are.
 */
export class Migration20261121141000_title_vector_trigger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table record alter column search_vector drop expression`);
    this.addSql(`create function record_search_vector() returns trigger language plpgsql set search_path from current as $$
      begin
        if tg_op = 'INSERT' and new.search_vector is not null then
          return new;
        end if;
        new.search_vector := title_tsvector(new.title);
        return new;
      end
    $$`);
    this.addSql(`create trigger record_search_vector before insert or update of title on record
      for each row execute function record_search_vector()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists record_search_vector on record`);
    this.addSql(`drop function if exists record_search_vector()`);
    this.addSql(`alter table record drop column search_vector`);
    this.addSql(`alter table record add column search_vector tsvector generated always as (title_tsvector(title)) stored`);
    this.addSql(`create index record_search_idx on record using gin (search_vector)`);
  }
}
