import { Migration } from '@mikro-orm/migrations';

/**
 * 查阅审计: one row per read of a record that is not open (延期开放 or 未审核), per field it
 * was read through, written in one insert per request. Rows are only ever appended; the
 * record's access status is kept as it was at the read, since a later review may open it.
 */
export class Migration20261121130000_audit_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table audit_entry (
      id bigint generated always as identity primary key,
      read_at timestamptz not null default now(),
      subject text,
      role text not null check (role in ('public', 'archivist', 'supervisor', 'admin')),
      record_id integer not null references record (id),
      access text not null check (access in ('DELAYED', 'UNREVIEWED')),
      field text not null
    )`);
    this.addSql(`create index audit_entry_record_idx on audit_entry (record_id, id)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists audit_entry`);
  }
}
