import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipelineVersion } from './cache.js';
import { writeWhole } from './files.js';

/**
 * The parts of JSON-LD graphs the last build into a cache folder converted to RDF without a problem
 * (see ConvertedParts), kept beside the page outcomes. They hold for the pipeline version that checked
 * them (its code and its jsonld), and for no other.
 */
interface Stored {
  version: string;
  parts: string[];
}

function storePath(cache: string): string {
  return join(cache, 'checked', 'jsonld-parts.json');
}

/** The hashes of the parts the last build converted, or none when the pipeline changed since or nothing is kept. */
export async function readConvertedParts(cache: string): Promise<Set<string>> {
  try {
    const stored = JSON.parse(await readFile(storePath(cache), 'utf8')) as Stored;
    return stored.version === (await pipelineVersion()) && Array.isArray(stored.parts) ? new Set(stored.parts) : new Set();
  } catch {
    return new Set();
  }
}

/** Keeps the parts this build converted: only these, so the store is as large as one dataset's graph needs. */
export async function writeConvertedParts(cache: string, parts: readonly string[]): Promise<void> {
  const stored: Stored = { version: await pipelineVersion(), parts: [...new Set(parts)].sort() };
  await writeWhole(storePath(cache), JSON.stringify(stored));
}
