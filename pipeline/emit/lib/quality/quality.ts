import type { RootContent } from 'mdast';
import type { Evaluation, KindScore } from '../../../evaluate/index.js';
import { targetFor } from '../../../evaluate/index.js';
import type { UnresolvedCandidate } from '../../../extract/index.js';
import { summaryOf, tables, type Dataset, type DatasetSummary } from '../../../model/lib/dataset.js';
import { qualityJsonPath, qualityMarkdownPath } from '../files.js';
import { heading, paragraph, serialise, table, text } from '../markdown/mdast.js';

/** What the quality report is made from, besides the dataset. */
export interface QualityInput {
  /** Scores against the gold corpus, when the dataset names one. */
  evaluation?: Evaluation;
  candidates: readonly UnresolvedCandidate[];
}

const round = (value: number) => Math.round(value * 10000) / 10000;

function scores(list: readonly KindScore[]) {
  return list.map((s) => ({ kind: s.kind, precision: round(s.precision), recall: round(s.recall), matched: s.matched, extracted: s.extracted, gold: s.gold }));
}

/** quality.json and quality.md: counts per table, the evaluation scores, and what is left to curate. */
export function emitQuality(dataset: Dataset | DatasetSummary, quality: QualityInput): Map<string, string> {
  const summary = 'counts' in dataset ? dataset : summaryOf(dataset);
  const counts = Object.fromEntries(tables.map(({ name }) => [name, summary.counts[name]]));
  const evaluation = quality.evaluation
    ? {
        groups: quality.evaluation.groups.map((g) => ({ group: g.group, target: targetFor(g.group), scores: scores(g.scores) })),
        pages: quality.evaluation.pages.map((p) => ({ page: p.page, group: p.group, scores: scores(p.scores) })),
        overall: scores(quality.evaluation.overall),
      }
    : undefined;
  const report = { counts, ...(evaluation ? { evaluation } : {}), unresolved: quality.candidates };

  const blocks: RootContent[] = [
    heading(1, text('Quality report')),
    paragraph(text('How many records the dataset has, how well extraction scores against hand-made gold annotations, and the names the extractor saw but could not type: candidates for curation.yml.')),
    heading(2, text('Counts')),
    table(['Table', 'Records'], tables.map(({ name }) => [text(name), text(String(summary.counts[name]))])),
  ];
  if (quality.evaluation) {
    const kinds = quality.evaluation.overall.map((s) => s.kind);
    const cells = (list: readonly KindScore[]) => list.map((s) => text(`${s.precision.toFixed(2)} / ${s.recall.toFixed(2)}`));
    blocks.push(
      heading(2, text('Evaluation')),
      paragraph(text('Precision / recall per kind. Held-out pages were never used to tune the rules. Targets: 0.95 on the seed page, 0.85 elsewhere.')),
      table(
        ['Pages', 'Target', ...kinds],
        [
          ...quality.evaluation.groups.map((g) => [text(`${g.group} (all)`), text(targetFor(g.group).toFixed(2)), ...cells(g.scores)]),
          ...quality.evaluation.pages.map((p) => [text(p.page), text(targetFor(p.group).toFixed(2)), ...cells(p.scores)]),
          [text('overall'), text(''), ...cells(quality.evaluation.overall)],
        ],
      ),
    );
  }
  blocks.push(heading(2, text('Unresolved candidates')));
  blocks.push(
    quality.candidates.length === 0
      ? paragraph(text('None: every capitalised name and acronym was typed.'))
      : table(
          ['Text', 'Kind', 'Occurrences', 'First seen'],
          quality.candidates.map((c) => [text(c.text), text(c.kind), text(String(c.occurrences)), text(`${c.documentId} ${c.line}:${c.column}`)]),
        ),
  );
  return new Map([
    [qualityJsonPath, `${JSON.stringify(report, null, 2)}\n`],
    [qualityMarkdownPath, serialise(blocks)],
  ]);
}
