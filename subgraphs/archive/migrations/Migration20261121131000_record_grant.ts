import { Migration } from '@mikro-orm/migrations';

/**
 * 查阅授权: read grants given to one person (`subject`, the sub of their token) on some
 * records, until a time, as the fulfilment of a cross-region request (异地查档) of the
 * province. One row per person, record and request, so that granting again for the same
 * request replaces its end instead of adding rows.
 */
export class Migration20261121131000_record_grant extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table record_grant (
      id integer generated always as identity primary key,
      subject text not null,
      record_id integer not null references record (id),
      expires_at timestamptz not null,
      request text not null,
      granted_by text not null,
      granted_at timestamptz not null default now(),
      unique (subject, record_id, request)
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists record_grant`);
  }
}
