import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipelineVersion } from './cache.js';
import { writeWhole } from './files.js';

/**
 * What the last build into a cache folder checked without a problem, kept beside the page outcomes by
 * the hashes of what was checked: the parts of JSON-LD graphs it converted to RDF (see
 * ConvertedParts), the page chunks whose rows and nodes passed the checks (see KnownRows). They hold for
 * the pipeline version that checked them (its code, its schemas, its jsonld), and for no other.
 */
export type Checked = 'jsonld-parts' | 'chunks';

interface Stored {
  version: string;
  hashes: string[];
}

function storePath(cache: string, what: Checked): string {
  return join(cache, 'checked', `${what}.json`);
}

/** The hashes the last build checked, or none when the pipeline changed since or nothing is kept. */
export async function readChecked(cache: string, what: Checked): Promise<Set<string>> {
  try {
    const stored = JSON.parse(await readFile(storePath(cache, what), 'utf8')) as Stored;
    return stored.version === (await pipelineVersion()) && Array.isArray(stored.hashes) ? new Set(stored.hashes) : new Set();
  } catch {
    return new Set();
  }
}

/**
 * Keeps the hashes this build checked: only these, so the store is as large as one dataset needs. In
 * the order given, each once: the chunks' in the pages' order, in which the next build reads them first
 * (see prefetch).
 */
export async function writeChecked(cache: string, what: Checked, hashes: readonly string[]): Promise<void> {
  const stored: Stored = { version: await pipelineVersion(), hashes: [...new Set(hashes)] };
  await writeWhole(storePath(cache, what), JSON.stringify(stored));
}
