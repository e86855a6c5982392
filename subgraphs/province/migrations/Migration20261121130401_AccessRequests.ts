import { Migration } from '@mikro-orm/migrations';

export class Migration20261121130401_AccessRequests extends Migration {

  override name = 'Migration20261121130401_AccessRequests';

  override up(): void | Promise<void> {
    this.addSql(`create table "province"."access_request" ("id" uuid not null, "receiving_archive" varchar(6) not null, "holding_archive" varchar(6) not null, "requester_sub" text not null, "idempotency_key" text not null, "payload_hash" varchar(64) not null, "purpose" text not null, "records" jsonb not null, "description" text not null, "delivery" text not null, "postal_address" text null, "requester_name" text not null, "requester_identity_number" text not null, "requester_phone" text not null, "status" text not null, "submitted_at" timestamptz not null, "deadline" varchar(10) not null, "closed_at" timestamptz null, "fulfilment" jsonb null, primary key ("id"));`);
    this.addSql(`create index "access_request_receiving_archive_index" on "province"."access_request" ("receiving_archive");`);
    this.addSql(`create index "access_request_holding_archive_index" on "province"."access_request" ("holding_archive");`);
    this.addSql(`create index "access_request_requester_sub_index" on "province"."access_request" ("requester_sub");`);
    this.addSql(`alter table "province"."access_request" add constraint "access_request_idempotency_unique" unique ("requester_sub", "idempotency_key");`);

    this.addSql(`create table "province"."access_request_transition" ("id" serial primary key, "request_id" uuid not null, "status" text not null, "actor_sub" text not null, "actor_role" text not null, "actor_archive" varchar(6) null, "at" timestamptz not null, "note" text null);`);
    this.addSql(`create index "access_request_transition_request_id_index" on "province"."access_request_transition" ("request_id");`);

    this.addSql(`alter table "province"."access_request" add constraint "access_request_receiving_archive_foreign" foreign key ("receiving_archive") references "province"."directory_entry" ("code");`);
    this.addSql(`alter table "province"."access_request" add constraint "access_request_holding_archive_foreign" foreign key ("holding_archive") references "province"."directory_entry" ("code");`);
    this.addSql(`alter table "province"."access_request" add constraint "access_request_purpose_check" check ("purpose" in ('PERSONAL_AFFAIRS', 'OFFICIAL_REFERENCE', 'ACADEMIC_RESEARCH', 'ECONOMIC_DEVELOPMENT', 'HISTORY_COMPILATION', 'PUBLICITY_EDUCATION', 'OTHER'));`);
    this.addSql(`alter table "province"."access_request" add constraint "access_request_delivery_check" check ("delivery" in ('ONLINE', 'PICKUP', 'POST'));`);
    this.addSql(`alter table "province"."access_request" add constraint "access_request_status_check" check ("status" in ('SUBMITTED', 'ACCEPTED', 'FULFILLED', 'REJECTED', 'CANCELLED'));`);

    this.addSql(`alter table "province"."access_request_transition" add constraint "access_request_transition_request_id_foreign" foreign key ("request_id") references "province"."access_request" ("id");`);
    this.addSql(`alter table "province"."access_request_transition" add constraint "access_request_transition_status_check" check ("status" in ('SUBMITTED', 'ACCEPTED', 'FULFILLED', 'REJECTED', 'CANCELLED'));`);
    this.addSql(`alter table "province"."access_request_transition" add constraint "access_request_transition_actor_role_check" check ("actor_role" in ('public', 'archivist', 'supervisor', 'admin'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "province"."access_request_transition" drop constraint "access_request_transition_request_id_foreign";`);

    this.addSql(`drop table if exists "province"."access_request" cascade;`);
    this.addSql(`drop table if exists "province"."access_request_transition" cascade;`);
  }

}
