/**
 * The archive schema's migrations, in the order they run, each in its own file. A migration
 * is history: never edited once applied; a change is a new one, and bulk/tables.ts follows it
 * (test/bulk/tables.test.ts fails when it does not).
 */
import { Migration20261121000000_archive_schema } from './Migration20261121000000_archive_schema.js';
import { Migration20261121130000_audit_log } from './Migration20261121130000_audit_log.js';
import { Migration20261121131000_record_grant } from './Migration20261121131000_record_grant.js';
import { Migration20261121140000_holdings_grain } from './Migration20261121140000_holdings_grain.js';
import { Migration20261121141000_title_vector_trigger } from './Migration20261121141000_title_vector_trigger.js';
import { Migration20261121142000_open_search_index } from './Migration20261121142000_open_search_index.js';
import { Migration20261121160000_drop_title_trigram_index } from './Migration20261121160000_drop_title_trigram_index.js';
import { Migration20261121170000_title_vector_bigrams } from './Migration20261121170000_title_vector_bigrams.js';
import { Migration20261205000000_harvest_feed } from './Migration20261205000000_harvest_feed.js';

/** The archive schema's migrations, oldest first; listed here so they run the same under tsx and in tests. */
export const ARCHIVE_MIGRATIONS = [
  { name: 'Migration20261121000000_archive_schema', class: Migration20261121000000_archive_schema },
  { name: 'Migration20261121130000_audit_log', class: Migration20261121130000_audit_log },
  { name: 'Migration20261121131000_record_grant', class: Migration20261121131000_record_grant },
  { name: 'Migration20261121140000_holdings_grain', class: Migration20261121140000_holdings_grain },
  { name: 'Migration20261121141000_title_vector_trigger', class: Migration20261121141000_title_vector_trigger },
  { name: 'Migration20261121142000_open_search_index', class: Migration20261121142000_open_search_index },
  { name: 'Migration20261121160000_drop_title_trigram_index', class: Migration20261121160000_drop_title_trigram_index },
  { name: 'Migration20261121170000_title_vector_bigrams', class: Migration20261121170000_title_vector_bigrams },
  { name: 'Migration20261205000000_harvest_feed', class: Migration20261205000000_harvest_feed },
];
