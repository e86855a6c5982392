/**
 * Seeds the demo network's catalogues:
 *
 *   npm run seed -- --scale small|province|<factor> [--province 360000] [--archives 360100,360121]
 *                   [--seed 1] [--database postgres://…] [--reset | --skip-loaded] [--concurrency 2]
 *
 * Migrates each archive's schema, then loads the archives that are empty. An archive that
 * already holds data stops the run before anything is loaded, unless --reset (empty and reload
 * it) or --skip-loaded (leave it as it is). Environment: DATABASE_URL. Flags win.
 */
import { parseArgs } from 'node:util';
import { type NetworkProgress, seedNetwork } from './network.js';
import { parseScale, type Scale } from './plan.js';
import { DEFAULT_PROVINCE } from '../protocol/regions.js';
import { redactSecrets } from '../protocol/redaction.js';

function fail(message: string): never {
  console.error(`seed: ${redactSecrets(message)}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      province: { type: 'string', default: DEFAULT_PROVINCE },
      archives: { type: 'string' },
      seed: { type: 'string', default: '1' },
      database: { type: 'string' },
      reset: { type: 'boolean', default: false },
      'skip-loaded': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '2' },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values } = parsed;

let scale: Scale;
try {
  scale = parseScale(values.scale);
} catch (error) {
  fail((error as Error).message);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail(`the seed must be a whole number, not "${values.seed}".`);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1) fail(`--concurrency must be a whole number of 1 or more, not "${values.concurrency}".`);
const url = values.database ?? process.env.DATABASE_URL;
if (!url) fail('no database: give --database postgres://… or DATABASE_URL.');
if (values.reset && values['skip-loaded']) fail('--reset and --skip-loaded exclude each other.');
const archives = values.archives?.split(',').map((code) => code.trim()).filter((code) => code.length > 0);

const number = new Intl.NumberFormat('en-US');
let lastPrinted = 0;
function printProgress(p: NetworkProgress): void {
  const now = performance.now();
  if (now - lastPrinted < 1000 && p.archivesLoaded < p.archivesToLoad) return;
  lastPrinted = now;
  console.log(
    `seed: ${p.archivesLoaded}/${p.archivesToLoad} archives, ${number.format(p.records)} records, ${number.format(Math.round(p.recordsPerSecond))} records/s`,
  );
}

try {
  const result = await seedNetwork({
    url,
    scale,
    provinceCode: values.province,
    archives,
    seed,
    concurrency,
    existing: values.reset ? 'reset' : values['skip-loaded'] ? 'skip' : 'refuse',
    onProgress: printProgress,
  });
  const digitalObjects = result.loaded.reduce((s, r) => s + r.digitalObjects, 0);
  console.log(
    [
      `seed: loaded ${result.loaded.length} archives (scale ${values.scale}, seed ${seed})` +
        (result.skipped.length > 0 ? `, skipped ${result.skipped.length} already loaded: ${result.skipped.join(', ')}` : ''),
      `seed: ${number.format(result.holdings)} files and items (卷件), ${number.format(result.records)} catalogue records, ${number.format(digitalObjects)} digital copies`,
      `seed: migrated, generated and loaded in ${(result.loadMilliseconds / 1000).toFixed(1)} s (migrations ${(result.migrateMilliseconds / 1000).toFixed(1)} s of it, VACUUM (ANALYZE) ${(result.steadyStateMilliseconds / 1000).toFixed(1)} s), ${number.format(Math.round(result.recordsPerSecond))} records/s`,
    ].join('\n'),
  );
} catch (error) {
  fail((error as Error).message);
}
