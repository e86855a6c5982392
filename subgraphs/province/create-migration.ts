/**
 * Writes the next migration of the province schema from the difference between the entities
 * and a database migrated to the latest committed migration:
 *
 *   npx tsx subgraphs/province/create-migration.ts --database postgres://…/scratch [--name AddSearch]
 *
 * Then append the new class to migrations/index.ts. Use a scratch database: it is migrated.
 */
import { parseArgs } from 'node:util';
import { connectProvinceOrm } from './database.js';

const { values } = parseArgs({
  options: { database: { type: 'string' }, name: { type: 'string' } },
});
const url = values.database ?? process.env.DATABASE_URL;
if (!url) {
  console.error('Give the scratch database: --database postgres://… (or DATABASE_URL).');
  process.exit(2);
}
const orm = await connectProvinceOrm(url);
try {
  await orm.schema.ensureDatabase();
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, values.name);
  console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes: the entities match the migrations');
} finally {
  await orm.close(true);
}
