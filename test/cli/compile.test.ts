import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCode, entryPoints } from '../../pipeline/compile.mjs';
import { root } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-compile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project of two modules under `name`/pipeline: the entry point and a module it imports; each tells its own URL. */
function project(name: string, marker = 'one'): { root: string; folder: string } {
  const projectRoot = join(scratch, name);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(projectRoot, path)), { recursive: true });
    writeFileSync(join(projectRoot, path), text);
  };
  write('pipeline/cli.ts', `export { marker, where } from './lib/where.js';\nexport const own: string = import.meta.url;\n`);
  write('pipeline/lib/where.ts', `export const where: string = import.meta.url; export const marker = '${marker}';\n`);
  return { root: projectRoot, folder: join(projectRoot, 'bundles') };
}

const compile = ({ root, folder }: { root: string; folder: string }) => compiledCode({ root, folder, entries: ['pipeline/cli.ts'] });

describe('compiled code (pipeline/compile.mjs)', () => {
  it('bundles each entry point as <name>.mjs, each module keeping its own import.meta.url', async () => {
    const code = project('urls');
    const bundles = await compile(code);
    expect(readdirSync(bundles).sort()).toEqual(['cli.mjs', 'cli.mjs.map']);
    const loaded = (await import(pathToFileURL(join(bundles, 'cli.mjs')).href)) as { own: string; where: string };
    expect(loaded.own).toBe(pathToFileURL(join(code.root, 'pipeline/cli.ts')).href);
    expect(loaded.where).toBe(pathToFileURL(join(code.root, 'pipeline/lib/where.ts')).href);
  });

  it('compiles a version of the code once, and again when any of its files changes', async () => {
    const code = project('versions');
    const first = await compile(code);
    const made = statSync(join(first, 'cli.mjs')).mtimeMs;
    expect(await compile(code)).toBe(first);
    expect(statSync(join(first, 'cli.mjs')).mtimeMs).toBe(made);
    writeFileSync(join(code.root, 'pipeline/lib/where.ts'), `export const where: string = import.meta.url; export const marker = 'two';\n`);
    const second = await compile(code);
    expect(second).not.toBe(first);
    expect(readFileSync(join(second, 'cli.mjs'), 'utf8')).toContain('"two"');
    expect(existsSync(first)).toBe(true);
  });

  it('compiles the same code anew in another folder that shares the bundles: theirs name the other folder’s files', async () => {
    const first = project('checkout-a');
    const second = project('checkout-b');
    // One folder of bundles for both, as when a second checkout links to the first one's node_modules.
    const shared = join(scratch, 'shared-bundles');
    const a = await compiledCode({ root: first.root, folder: shared, entries: ['pipeline/cli.ts'] });
    const b = await compiledCode({ root: second.root, folder: shared, entries: ['pipeline/cli.ts'] });
    expect(b).not.toBe(a);
    const loaded = (await import(pathToFileURL(join(b, 'cli.mjs')).href)) as { where: string };
    expect(loaded.where).toBe(pathToFileURL(join(second.root, 'pipeline/lib/where.ts')).href);
  });

  it('keeps the four newest versions only', async () => {
    const code = project('pruned');
    const made: string[] = [];
    for (let version = 0; version < 6; version++) {
      writeFileSync(join(code.root, 'pipeline/lib/where.ts'), `export const where: string = import.meta.url; export const marker = '${version}';\n`);
      made.push(await compile(code));
      // Versions are told apart by when they were made.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(readdirSync(code.folder).sort()).toEqual(made.slice(2).map((path) => relative(code.folder, path)).sort());
  });

  it('two processes compiling at once end with one complete folder and nothing left half-made', async () => {
    const code = project('race');
    const [a, b] = await Promise.all([compile(code), compile(code)]);
    expect(a).toBe(b);
    expect(readdirSync(code.folder)).toEqual([relative(code.folder, a)]);
    expect(readdirSync(a).sort()).toEqual(['cli.mjs', 'cli.mjs.map']);
  });

  it('compiles every worker the pipeline starts, so that none runs through tsx', async () => {
    const workers: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          for (const [, worker] of readFileSync(path, 'utf8').matchAll(/new URL\('\.\/([\w-]+\.ts)', import\.meta\.url\)/g)) workers.push(relative(root, join(folder, worker!)));
        }
      }
    };
    walk(join(root, 'pipeline'));
    expect(workers.length).toBeGreaterThanOrEqual(3);
    expect(entryPoints).toEqual(expect.arrayContaining(workers));
    const bundles = await compiledCode();
    for (const worker of workers) expect(existsSync(join(bundles, worker.replace(/^.*\//, '').replace(/\.ts$/, '.mjs')))).toBe(true);
  });

  it('runs the command line through tsx, with a note saying why, when its code cannot be compiled', () => {
    const run = spawnSync(process.execPath, ['--import', './test/fixtures/compile/cannot-compile.mjs', 'pipeline/run.mjs', 'check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    expect(run.stderr).toMatch(/^note: running the pipeline through tsx, its code could not be compiled: EROFS: read-only file system, rename\n/);
    expect(run.stdout).toContain('Checked from 1 page: 11 organizations');
    expect(run.status).toBe(0);
  });
});
