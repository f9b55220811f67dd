import { access, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { extract } from '../../extract/index.js';
import { hasErrors } from '../../model/lib/diagnostics.js';
import type { Gold } from '../../model/types.js';
import { parsePage, readPage } from '../../parse/index.js';
import { readYaml, validateFrontMatter } from '../../validate/index.js';
import { scorePage, sumScores, type KindScore } from './score.js';

export interface PageEvaluation {
  /** The corpus folder the page is in: seed, tuning, held-out… */
  group: string;
  page: string;
  scores: KindScore[];
}

export interface Evaluation {
  pages: PageEvaluation[];
  groups: Array<{ group: string; scores: KindScore[] }>;
  overall: KindScore[];
}

/**
 * Scores extraction on an evaluation corpus: every `X.gold.json` under `corpus` (its subfolder names the
 * group) against the page `X.md` beside it or, failing that, in `source`. Each page is extracted alone
 * and without curation: the score is the extractor's own. Problems (a gold file that does not match its
 * schema, a page that does not parse) are reported on `files`.
 */
export async function evaluate(corpus: string, source: string, files: VFile[]): Promise<Evaluation> {
  const pages: PageEvaluation[] = [];
  for (const group of (await readdir(corpus, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const folder = join(corpus, group);
    for (const goldName of (await readdir(folder)).filter((name) => name.endsWith('.gold.json')).sort()) {
      const base = goldName.slice(0, -'.gold.json'.length);
      const goldFile = new VFile({ path: relative(process.cwd(), join(folder, goldName)).split(sep).join('/'), value: await readFile(join(folder, goldName), 'utf8') });
      files.push(goldFile);
      let gold: Gold | undefined;
      try {
        gold = readYaml<Gold>(goldFile, String(goldFile.value), 0, 'gold.schema.json', 'gold annotations', 'gold');
      } catch {
        gold = undefined;
      }
      const pagePath = await firstExisting([join(folder, `${base}.md`), join(source, `${base}.md`)]);
      if (!gold || !pagePath) {
        if (!pagePath) goldFile.message(`No page ${base}.md beside the gold file or in the source folder`, { ruleId: 'gold-page', source: 'open-data-pipeline' }).fatal = true;
        continue;
      }
      const file = readPage(relative(process.cwd(), pagePath).split(sep).join('/'), new Uint8Array(await readFile(pagePath)));
      files.push(file);
      const parsed = parsePage(file, `${base}.md`);
      const frontMatter = validateFrontMatter(parsed);
      if (!frontMatter || hasErrors([file])) continue;
      pages.push({ group, page: `${group}/${base}`, scores: scorePage(extract([{ page: parsed, frontMatter }]), gold) });
    }
  }
  const groups = [...new Set(pages.map((p) => p.group))].map((group) => ({ group, scores: sumScores(pages.filter((p) => p.group === group).map((p) => p.scores)) }));
  return { pages, groups, overall: sumScores(pages.map((p) => p.scores)) };
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    try {
      await access(path);
      return path;
    } catch {
      continue;
    }
  }
  return undefined;
}
