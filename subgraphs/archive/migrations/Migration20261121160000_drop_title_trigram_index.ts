import { Migration } from '@mikro-orm/migrations';

/**
 * Drops the trigram index of titles (题名): no query reads it. Title search goes through the
 * unigram and bigram vectors (record_search_idx, record_open_search_idx), and only 档号
 * fragments are matched by trigrams (record_reference_trgm_idx). It cost every record write,
 * and about a sixth of the database's work when a catalogue is bulk-loaded (BENCHMARKS.md).
 */
export class Migration20261121160000_drop_title_trigram_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists record_title_trgm_idx`);
  }

  override async down(): Promise<void> {
    this.addSql(`set local maintenance_work_mem to '256MB'`);
    this.addSql(`create index record_title_trgm_idx on record using gin (title public.gin_trgm_ops)`);
  }
}
