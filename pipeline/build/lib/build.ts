import { resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import { emitDataset } from '../../emit/index.js';
import { extract, type CheckedPage } from '../../extract/index.js';
import type { Dataset } from '../../model/lib/dataset.js';
import { hasErrors, reportError } from '../../model/lib/diagnostics.js';
import { parsePage, readPage } from '../../parse/index.js';
import { validateFrontMatter, validateRecords } from '../../validate/index.js';
import { readDatasetConfig } from './config.js';
import { defaultBaseIri, type BuildOptions } from './options.js';
import { listPages, readBytes, relativePath } from './sources.js';
import { writeAtomically } from './write.js';

export interface BuildResult {
  /** Every file with messages about it: pages, dataset.yml, folders. */
  files: VFile[];
  /** Whether the run succeeded (no error; with `strict`, no warning either). */
  ok: boolean;
  dataset?: Dataset;
  /** The emitted files, by path relative to the output folder. */
  outputs?: Map<string, string>;
}

/**
 * Runs the pipeline: parse → validate front matter → extract → validate records → emit → write.
 * Nothing is written unless every stage succeeded; with no `out`, nothing is written at all.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const source = resolve(options.source);
  const files: VFile[] = [];
  const fail = (): BuildResult => ({ files, ok: false });
  const finished = () => hasErrors(files) || (options.strict === true && files.some((f) => f.messages.length > 0));

  if (options.out !== undefined) {
    const out = resolve(options.out);
    if (out === source || source.startsWith(out + sep) || out === resolve('/') || out.startsWith(source + sep)) {
      const file = new VFile({ path: options.out });
      reportError(file, `Output folder must not be the source folder, inside it, above it or the root: choose another --out`, undefined, 'out-folder');
      files.push(file);
      return fail();
    }
  }

  const { config, file: configFile } = await readDatasetConfig(source);
  if (configFile) files.push(configFile);
  const { pages, problems } = await listPages(source);
  files.push(...problems);
  if (pages.length === 0 && problems.length === 0) {
    const file = new VFile({ path: options.source });
    reportError(file, 'No pages found: add Markdown files (.md) with front matter to the source folder', undefined, 'no-pages');
    files.push(file);
  }
  if (!config || hasErrors(files)) return fail();

  const checked: CheckedPage[] = [];
  const documentPaths = new Map<string, string>();
  for (const path of pages) {
    const relative = relativePath(source, path);
    // Messages name the file as the user would type it: relative to the working folder.
    const file = readPage(relativePath(process.cwd(), path), await readBytes(path));
    files.push(file);
    if (hasErrors([file])) continue;
    const page = parsePage(file, relative);
    const earlier = documentPaths.get(page.documentId);
    if (earlier) {
      reportError(file, `Page has the same id \`${page.documentId}\` as \`${earlier}\`: rename one of the files`, undefined, 'duplicate-id');
      continue;
    }
    documentPaths.set(page.documentId, relative);
    const frontMatter = validateFrontMatter(page);
    if (frontMatter) checked.push({ page, frontMatter });
  }
  if (finished()) return fail();

  const dataset = extract(checked);
  const fileOf = new Map(checked.map(({ page }) => [page.documentId, page.file]));
  validateRecords(dataset, (documentId) => fileOf.get(documentId), files[files.length - 1]!);
  if (finished()) return fail();

  const onlyPage = checked.length === 1 ? checked[0]!.frontMatter : undefined;
  const publishers = [...new Set(checked.map((c) => c.frontMatter.publisher))].sort();
  const outputs = await emitDataset(dataset, {
    baseIri: options.baseIri ?? config.baseIri ?? defaultBaseIri,
    title: config.title ?? onlyPage?.title ?? `Open data from ${checked.length} pages`,
    description:
      config.description ??
      `Organisations, people, places, dated events and acronyms named in ${checked.length === 1 ? 'a page' : `${checked.length} pages`} published by ${publishers.join(', ')}, each with the passages that mention it.`,
    multiValueSeparator: config.multiValueSeparator ?? '|',
  });
  if (options.out !== undefined) await writeAtomically(options.out, outputs);
  return { files, ok: true, dataset, outputs };
}
