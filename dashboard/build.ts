/**
 * Builds the provincial dashboard (dashboard/src, dashboard/static, and the typed client in
 * client/ with the dashboard's documents) into static files with esbuild, Apache ECharts,
 * ExcelJS and urql bundled from node_modules, so that the page loads nothing from the
 * internet. A build lives in `dashboard/dist/<inputs hash>/`: the hash covers every source file and the versions of the bundled packages, so a build is fresh
 * exactly when its folder exists, and two processes building at once each finish in a folder
 * of their own before one rename publishes it. `npm start` and the gateway call
 * `ensureDashboard`; `npm run dashboard` builds by hand.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

export const DASHBOARD_DIR = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Packages whose code goes into the bundle: a new version makes a new build. */
const BUNDLED_PACKAGES = ['esbuild', 'echarts', 'zrender', 'exceljs', '@urql/core', '@urql/exchange-persisted', 'wonka'];

/**
 * The folders and files a build is made from, relative to the dashboard folder: its own, the
 * typed client it reads the API through (lantai/client, with the documents generated from
 * dashboard/operations), and the catalogue's terms it labels figures with.
 */
const INPUTS = ['src', 'operations', 'static', 'build.ts', '../client', '../protocol/catalogue-terms.ts'];

export interface DashboardBuild {
  /** The folder holding the files. */
  dir: string;
  /** The inputs hash the build was made from. */
  hash: string;
  /** Every file of the build, by its path relative to `dir` (with forward slashes). */
  files: Map<string, Buffer>;
}

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => filesUnder(join(path, entry.name))));
  return nested.flat().sort();
}

/** The hash of everything a build is made from. */
export async function dashboardInputsHash(sourceDir: string = DASHBOARD_DIR): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of await filesUnder(join(sourceDir, input))) {
      hash.update(relative(sourceDir, file).split(sep).join('/')).update('\0').update(await readFile(file)).update('\0');
    }
  }
  for (const name of BUNDLED_PACKAGES) {
    const version = (JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The trusted-document id of DashboardView in the typed client's manifest, which boot.js sends the first view by. */
async function dashboardViewId(sourceDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(sourceDir, '../client/generated/persisted-documents.json'), 'utf8')) as Record<string, string>;
  const found = Object.entries(manifest).find(([, text]) => /(^|\s)query DashboardView\b/.test(text));
  if (!found) throw new Error('DashboardView is not in client/generated/persisted-documents.json: run npm run codegen.');
  return found[0];
}

/** Builds the dashboard from `sourceDir` into `outDir` (which must not exist yet). */
export async function buildDashboard(outDir: string, sourceDir: string = DASHBOARD_DIR): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'linked',
    // The packages come from the project's node_modules wherever the sources are (a test builds a copy).
    nodePaths: [join(DASHBOARD_DIR, '..', 'node_modules')],
    logLevel: 'silent',
  };
  const app = await build({
    ...common,
    entryPoints: { app: join(sourceDir, 'src/main.ts') },
    outdir: outDir,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  });
  // A classic script, run before the module, that sends the first view's query (first-view.ts).
  await build({
    ...common,
    entryPoints: { boot: join(sourceDir, 'src/boot.ts') },
    outdir: outDir,
    format: 'iife',
    define: { DASHBOARD_VIEW_ID: JSON.stringify(await dashboardViewId(sourceDir)) },
  });
  // The chunks app.js imports are fetched with it, not after it has been parsed.
  const entry = Object.entries(app.metafile!.outputs).find(([, output]) => output.entryPoint !== undefined)!;
  const chunks = entry[1].imports.filter((i) => i.kind === 'import-statement').map((i) => relative(outDir, i.path).split(sep).join('/'));
  for (const file of await readdir(join(sourceDir, 'static'))) {
    let content = await readFile(join(sourceDir, 'static', file));
    if (file === 'index.html') {
      const preloads = chunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">\n  `).join('');
      content = Buffer.from(content.toString('utf8').replace('<script type="module" src="app.js">', `${preloads}<script type="module" src="app.js">`));
    }
    await writeFile(join(outDir, file), content);
  }
}

async function readBuild(dir: string, hash: string): Promise<DashboardBuild> {
  const files = new Map<string, Buffer>();
  for (const file of await filesUnder(dir)) files.set(relative(dir, file).split(sep).join('/'), await readFile(file));
  return { dir, hash, files };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/**
 * The fresh build of the dashboard: the one in `distDir` for the current inputs, made now
 * when there is none. Builds of other inputs are removed.
 */
export async function ensureDashboard(distDir: string = join(DASHBOARD_DIR, 'dist'), sourceDir: string = DASHBOARD_DIR): Promise<DashboardBuild> {
  const hash = await dashboardInputsHash(sourceDir);
  const dir = join(distDir, hash);
  if (!(await exists(dir))) {
    await mkdir(distDir, { recursive: true });
    const building = join(distDir, `.${hash}-${process.pid}-${Date.now()}`);
    try {
      await buildDashboard(building, sourceDir);
      await rename(building, dir).catch(async (error: NodeJS.ErrnoException) => {
        // Another process published the same build first.
        if (!(await exists(dir))) throw error;
      });
    } finally {
      await rm(building, { recursive: true, force: true });
    }
    for (const entry of await readdir(distDir)) {
      if (entry !== hash && !entry.startsWith('.')) await rm(join(distDir, entry), { recursive: true, force: true });
    }
  }
  return readBuild(dir, hash);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const built = await ensureDashboard();
  console.log(`dashboard: ${built.files.size} files in ${relative(process.cwd(), built.dir)} (${Date.now() - started} ms)`);
}
