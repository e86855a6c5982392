import { Migration } from '@mikro-orm/migrations';

export class Migration20261121123834_Directory extends Migration {

  override name = 'Migration20261121123834_Directory';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "province";`);
    this.addSql(`create table "province"."directory_version" ("id" int not null, "instance" uuid not null, "revision" int not null, primary key ("id"), check ("id" = 1));`);
    // The one version row; a fresh instance id per database keeps versions from repeating.
    this.addSql(`insert into "province"."directory_version" ("id", "instance", "revision") values (1, gen_random_uuid(), 0);`);

    this.addSql(`create table "province"."region" ("code" varchar(6) not null, "name" varchar(255) not null, "level" text not null, "parent_code" varchar(6) null, primary key ("code"));`);
    this.addSql(`create index "region_parent_code_index" on "province"."region" ("parent_code");`);

    this.addSql(`create table "province"."directory_entry" ("code" varchar(6) not null, "name" varchar(255) not null, "level" text not null, "region_code" varchar(6) not null, "endpoint" text not null, "status" text not null default 'UNKNOWN', "last_seen_at" timestamptz null, "contract_version" varchar(255) null, "registered_at" timestamptz not null, "retired_at" timestamptz null, primary key ("code"));`);
    this.addSql(`create index "directory_entry_region_code_index" on "province"."directory_entry" ("region_code");`);

    this.addSql(`alter table "province"."region" add constraint "region_parent_code_foreign" foreign key ("parent_code") references "province"."region" ("code") on delete set null;`);
    this.addSql(`alter table "province"."region" add constraint "region_level_check" check ("level" in ('PROVINCE', 'CITY', 'COUNTY'));`);

    this.addSql(`alter table "province"."directory_entry" add constraint "directory_entry_region_code_foreign" foreign key ("region_code") references "province"."region" ("code");`);
    this.addSql(`alter table "province"."directory_entry" add constraint "directory_entry_level_check" check ("level" in ('PROVINCE', 'CITY', 'COUNTY'));`);
    this.addSql(`alter table "province"."directory_entry" add constraint "directory_entry_status_check" check ("status" in ('UP', 'DOWN', 'UNKNOWN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "province"."region" drop constraint "region_parent_code_foreign";`);
    this.addSql(`alter table "province"."directory_entry" drop constraint "directory_entry_region_code_foreign";`);

    this.addSql(`drop table if exists "province"."directory_version" cascade;`);
    this.addSql(`drop table if exists "province"."region" cascade;`);
    this.addSql(`drop table if exists "province"."directory_entry" cascade;`);

    this.addSql(`drop schema if exists "province";`);
  }

}
