import { Migration } from '@mikro-orm/migrations';

export class Migration20261121130204_HoldingsSnapshot extends Migration {

  override name = 'Migration20261121130204_HoldingsSnapshot';

  override up(): void | Promise<void> {
    this.addSql(`create table "province"."holdings_snapshot" ("archive" varchar(6) not null, "year" int not null, "taken_at" timestamptz not null, "complete" jsonb not null, "open" jsonb not null, primary key ("archive", "year"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "province"."holdings_snapshot" cascade;`);
  }

}
