import { Migration } from '@mikro-orm/migrations';

/**
 * A yearly snapshot keeps one set of figures: every role now gets the true holdings at the
 * annual report's grains, so the second set (counters of open records only, for the public)
 * has no reader.
 */
export class Migration20261205000000_SnapshotTrueFigures extends Migration {

  override name = 'Migration20261205000000_SnapshotTrueFigures';

  override up(): void | Promise<void> {
    this.addSql(`alter table "province"."holdings_snapshot" drop column "open";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "province"."holdings_snapshot" add column "open" jsonb null;`);
    this.addSql(`update "province"."holdings_snapshot" set "open" = "complete";`);
    this.addSql(`alter table "province"."holdings_snapshot" alter column "open" set not null;`);
  }

}
