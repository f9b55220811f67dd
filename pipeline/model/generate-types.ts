/**
 * Derives the model's TypeScript types from the JSON Schemas in schemas/, so the two cannot drift:
 * `npm run types` rewrites types.ts, and a test fails when the committed file is not what this gives.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './lib/generate.js';

const target = fileURLToPath(new URL('types.ts', import.meta.url));
await writeFile(target, await generateTypes());
console.log(`wrote ${target}`);
