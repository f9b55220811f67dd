/**
 * npm run eval -- [--corpus DIR] [--source DIR] [--check]
 * Scores extraction against the hand-made gold annotations and prints precision and recall per kind,
 * per page, per group and overall. With --check, exits 1 when a group misses its target.
 */
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import { hasErrors } from '../model/lib/diagnostics.js';
import { evaluate, kinds, type KindScore } from './index.js';
import { targetFor } from './lib/targets.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    corpus: { type: 'string', default: 'test/fixtures/eval' },
    source: { type: 'string', default: 'source' },
    check: { type: 'boolean', default: false },
  },
});

const files: VFile[] = [];
const evaluation = await evaluate(values.corpus, values.source, files);
const report = reporter(files, { quiet: true });
if (report !== '') process.stderr.write(`${report}\n`);

const cell = (score: KindScore) => `${score.precision.toFixed(2)}/${score.recall.toFixed(2)}`.padEnd(11);
const row = (label: string, scores: readonly KindScore[]) => `${label.padEnd(38)}${scores.map(cell).join('')}`;
const lines = [`${'precision/recall'.padEnd(38)}${kinds.map((k) => k.padEnd(11)).join('')}`];
for (const page of evaluation.pages) lines.push(row(page.page, page.scores));
lines.push('');
for (const group of evaluation.groups) lines.push(row(`${group.group} (all pages)`, group.scores));
lines.push(row('overall', evaluation.overall));
process.stdout.write(`${lines.join('\n')}\n`);

let failed = hasErrors(files);
if (values.check) {
  for (const group of evaluation.groups) {
    const target = targetFor(group.group);
    for (const score of group.scores) {
      if (score.precision < target || score.recall < target) {
        process.stderr.write(`${group.group}: ${score.kind} ${cell(score).trim()} is below the target ${target}\n`);
        failed = true;
      }
    }
  }
}
process.exitCode = failed ? 1 : 0;
