/**
 * `npm run reset`: deletes the demo's data so the next `npm start` seeds a fresh network.
 * Without DATABASE_URL it removes the embedded PostgreSQL's folder (.lantai/, or as root the
 * folder under /var/lib/lantai that holds its data); with it, it
 * drops the province schema and every archive_<code> schema of that database, and only when
 * given --yes, since that database may hold more than a demo.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_DATA_DIR } from './demo-data.js';
import { dataFolderFor } from './embedded-postgres.js';

const url = process.env.DATABASE_URL;
if (!url) {
  // As root the embedded server's data lives outside the project, where its user can reach it.
  const serverData = dataFolderFor(join(DEMO_DATA_DIR, 'postgres'));
  for (const folder of new Set([DEMO_DATA_DIR, serverData])) {
    await rm(folder, { recursive: true, force: true });
    console.log(`lantai: removed ${folder}`);
  }
} else {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname = 'province' or nspname ~ '^archive_[0-9]{6}$' order by 1`,
    );
    if (!process.argv.includes('--yes')) {
      console.log(`lantai: this would drop ${rows.length} schemas (province and archive_<code>) in ${new URL(url).pathname.slice(1)}; run again with -- --yes to do it.`);
    } else {
      for (const { name } of rows) await client.query(`drop schema "${name}" cascade`);
      console.log(`lantai: dropped ${rows.length} schemas`);
    }
  } finally {
    await client.end();
  }
}
