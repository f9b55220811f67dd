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

// Columns as wide as their longest entry and two spaces, so no label runs into the scores.
const labels = [...evaluation.pages.map((page) => page.page), ...evaluation.groups.map((group) => `${group.group} (all pages)`)];
const labelWidth = Math.max(...labels.map((label) => label.length)) + 2;
const cellWidth = Math.max(...kinds.map((kind) => kind.length), '0.00/0.00'.length) + 2;
const cell = (score: KindScore) => `${score.precision.toFixed(2)}/${score.recall.toFixed(2)}`.padEnd(cellWidth);
const row = (label: string, scores: readonly KindScore[]) => `${label.padEnd(labelWidth)}${scores.map(cell).join('')}`.trimEnd();
const lines = [`${'precision/recall'.padEnd(labelWidth)}${kinds.map((k) => k.padEnd(cellWidth)).join('')}`.trimEnd()];
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
