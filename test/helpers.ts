import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { PageChunk } from '../pipeline/emit/index.js';
import { extractPage, mergePages, type CheckedPage, type PageExtraction } from '../pipeline/extract/index.js';
import { parsePage, readPage, type ParsedPage } from '../pipeline/parse/index.js';
import { validateFrontMatter } from '../pipeline/validate/index.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const sourceFolder = fileURLToPath(new URL('../source/', import.meta.url));
export const seedPage = fileURLToPath(new URL('../source/cyber-security.md', import.meta.url));
export const sharedFolder = fileURLToPath(new URL('../../shared/', import.meta.url));

/**
 * Whether ../shared/ is beside the checkout. Outside CI a missing folder skips the tests that read it
 * (with a message naming it); under CI it is a failure, as it must be there.
 */
export function sharedAvailable(): boolean {
  if (existsSync(sharedFolder)) return true;
  if (process.env['CI']) throw new Error(`${sharedFolder} is missing: CI must have ../shared/ beside the checkout`);
  console.warn(`skipping: ${sharedFolder} is not beside this checkout`);
  return false;
}

/** Parses Markdown text as the page `path`. */
export function parseText(text: string, path = 'page.md'): ParsedPage {
  return parsePage(readPage(path, new TextEncoder().encode(text)), path);
}

/** Front matter that passes validation, for pages written in tests. */
export const validFrontMatter = `---
title: A test page
publisher: Ministry of Tests
language: en
dateModified: 2013-01
rights: All rights reserved
license: LicenseRef-All-Rights-Reserved
---
`;

/** Parses, validates and extracts one page of Markdown (front matter added when absent). */
export function extractText(body: string, path = 'page.md'): PageExtraction {
  const text = body.startsWith('---') ? body : `${validFrontMatter}\n${body}`;
  const page = parseText(text, path);
  const frontMatter = validateFrontMatter(page);
  if (!frontMatter) throw new Error(`invalid front matter: ${page.file.messages.map(String).join('; ')}`);
  return extractPage({ page, frontMatter } satisfies CheckedPage);
}

/** The dataset one page of `body` gives, merged as a build would: what extraction tests assert on. */
export function extractDataset(body: string): ReturnType<typeof mergePages> {
  return mergePages([extractText(body)]);
}

export function readSeedSource(): string {
  return readFileSync(seedPage, 'utf8');
}

/** A package's files with every resource's size and hash in datapackage.json made right again: a tampered file then has only the problem under test. */
export function describedAgain(files: Map<string, string>): Map<string, string> {
  const descriptor = JSON.parse(files.get('datapackage.json')!) as { resources: Array<{ path: string; bytes: number; hash: string }> };
  for (const resource of descriptor.resources) {
    const bytes = Buffer.from(files.get(resource.path)!, 'utf8');
    resource.bytes = bytes.byteLength;
    resource.hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  }
  files.set('datapackage.json', JSON.stringify(descriptor));
  return files;
}

/** A chunk read back from the cache, its texts (bytes there) as strings: to compare with a chunk as made. */
export function chunkAsText(chunk: PageChunk): PageChunk {
  return {
    ...chunk,
    jsonLd: Buffer.from(chunk.jsonLd).toString('utf8'),
    rows: Object.fromEntries(Object.entries(chunk.rows).map(([name, text]) => [name, Buffer.from(text).toString('utf8')])) as PageChunk['rows'],
    events: { ...chunk.events, rows: Buffer.from(chunk.events.rows).toString('utf8'), items: Buffer.from(chunk.events.items).toString('utf8') },
  };
}

/**
 * A scratch folder, deleted after the test file, holding `source` (two clean pages: the clean-page
 * fixture and, in `second/`, the second-page one) and naming `cache` beside it: the corpus of the
 * cache and rebuild tests.
 */
export function twoPageScratch(prefix: string): { scratch: string; source: string; cache: string } {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const source = join(scratch, 'source');
  cpSync(join(root, 'test/fixtures/bad-input/clean-page/source'), source, { recursive: true });
  cpSync(join(root, 'test/fixtures/second-page/source'), join(source, 'second'), { recursive: true });
  return { scratch, source, cache: join(scratch, 'cache') };
}
