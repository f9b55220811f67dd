/**
 * Compiles the command line and the worker threads it starts from TypeScript to JavaScript bundles
 * with esbuild, once per version of the code. Run through tsx, every start (the command's, then each
 * worker's) spends a second or more in tsx's loader; a rebuild after one page changed waits on
 * two of them. The bundles keep the dependencies outside (loaded by Node from node_modules as
 * usual) and each module's `import.meta.url` as it was, so files found beside the code (schemas,
 * data, workers) are found in the same places.
 *
 * Plain JavaScript: it is what runs before any TypeScript can.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';

/** The repository's root: the code is under pipeline/ there, the dependencies under node_modules/. */
export const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * What is compiled, relative to the root: the command line, and each module a worker thread runs
 * (found by its name by startModuleWorker, pipeline/build/lib/pool.ts). A worker missing here runs
 * through tsx.
 */
export const entryPoints = ['pipeline/cli.ts', 'pipeline/build/lib/page-worker.ts', 'pipeline/build/lib/hash-worker.ts', 'pipeline/build/lib/jsonld-worker.ts', 'pipeline/build/lib/prefetch-worker.ts'];

/** How many versions of the bundles are kept: a process still running older code may start a worker from them. */
const versionsKept = 4;

/**
 * The folder of the bundles of the code as it is now (`<name>.mjs` for each entry point, with source
 * maps), made if no earlier run made it. The folder is named by a hash of the code, so bundles of other
 * code are never used; it is written under a name of its own and renamed into place whole, so two
 * processes compiling at once both end with the same complete folder.
 *
 * @param {{ root?: string, entries?: readonly string[], folder?: string }} [options]
 * @returns {Promise<string>}
 */
export async function compiledCode({ root = projectRoot, entries = entryPoints, folder = join(root, 'node_modules/.cache/open-data-pipeline-code') } = {}) {
  const key = await codeKey(root, entries);
  const target = join(folder, key);
  if (existsSync(target)) return target;
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [...entries],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir: temporary,
      entryNames: '[name]',
      outExtension: { '.js': '.mjs' },
      sourcemap: true,
      plugins: [keepModuleUrls],
      logLevel: 'silent',
    });
    await rename(temporary, target).catch((error) => {
      // Another process put the same bundles there first.
      if (!existsSync(target)) throw error;
    });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
  await pruneVersions(folder, key);
  return target;
}

/**
 * A hash of everything the bundles are made from: the TypeScript under pipeline/ (a superset of what
 * the entry points import), the compiler settings, this file, the entry points, esbuild's version, and
 * where the code is: the bundles name their modules' files by absolute URL (see keepModuleUrls), so
 * another copy of the same code (a second checkout whose node_modules is shared, a folder moved) must
 * not run them, or it would load its data and workers from the first copy, or from nowhere once it is gone.
 *
 * @param {string} root
 * @param {readonly string[]} entries
 * @returns {Promise<string>}
 */
async function codeKey(root, entries) {
  const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\0${pathToFileURL(root).href}\0${entries.join('\0')}\0`);
  const files = [...(await codeFiles(join(root, 'pipeline'))), join(root, 'tsconfig.json')].sort();
  for (const file of files) {
    hash.update(relative(root, file)).update('\0');
    hash.update(await readFile(file).catch(() => Buffer.from('missing'))).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * @param {string} folder
 * @returns {Promise<string[]>}
 */
async function codeFiles(folder) {
  const found = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await codeFiles(path)));
    else if (/\.(ts|mjs)$/.test(entry.name)) found.push(path);
  }
  return found;
}

/**
 * Each module's `import.meta.url` stays its TypeScript file's: a bundle is one module, and the code
 * finds its data, schemas and workers relative to where each of its modules is.
 *
 * @type {import('esbuild').Plugin}
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      loader: 'ts',
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
    }));
  },
};

/**
 * Removes all but the newest versions of the bundles, and what compilations that stopped half-way
 * left an hour ago or more (a younger one may still be running).
 *
 * @param {string} folder
 * @param {string} current
 */
async function pruneVersions(folder, current) {
  const names = (await readdir(folder).catch(() => [])).filter((name) => name !== current);
  const found = await Promise.all(names.map(async (name) => ({ path: join(folder, name), finished: !name.includes('.'), changed: (await stat(join(folder, name))).mtimeMs })));
  const versions = found.filter(({ finished }) => finished).sort((a, b) => b.changed - a.changed);
  const stale = [...versions.slice(versionsKept - 1), ...found.filter(({ finished, changed }) => !finished && Date.now() - changed > 3_600_000)];
  await Promise.all(stale.map(({ path }) => rm(path, { recursive: true, force: true })));
}
