/**
 * Runs the command line (`npm run build`, `check`, `merge`): from the JavaScript bundles compile.mjs
 * makes of it and its workers, with source maps so that an internal error's stack names the
 * TypeScript. Should they not be made (node_modules not writable, say), the TypeScript runs through
 * tsx as it would otherwise, and a note says why.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledCode } from './compile.mjs';

let bundle;
try {
  bundle = join(await compiledCode(), 'cli.mjs');
} catch (error) {
  process.stderr.write(`note: running the pipeline through tsx, its code could not be compiled: ${error instanceof Error ? error.message : String(error)}\n`);
}
if (bundle) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('./cli.ts', import.meta.url);
}
