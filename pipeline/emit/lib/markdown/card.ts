import type { PhrasingContent, RootContent } from 'mdast';
import { tables, type DatasetSummary } from '../../../model/lib/dataset.js';
import type { Document } from '../../../model/types.js';
import { escapeCharacter, formulaPrefix, formulaTriggers } from '../csv/cells.js';
import { columnsOf, describeTable, type Column } from '../csv/columns.js';
import { checksumsPath, csvPath, dataPackagePath, qualityMarkdownPath, jsonLdPath, readmePath, timelinePath } from '../files.js';
import type { EmitOptions } from '../options.js';
import { catalogDescription, csvwDescription, schemaOrgDescription } from '../package/resources.js';
import { code, heading, link, list, paragraph, serialise, table, text } from './mdast.js';

/**
 * README.md: the dataset card. Its list of sources has an entry per page (sourceEntry), serialised on
 * its own and joined as remark joins blocks: `entries` are those entries, in the documents' order,
 * when made already (each page's chunk carries its own, so a rebuild does not serialise them again).
 */
export function datasetCard(dataset: DatasetSummary, options: EmitOptions, entries: readonly string[] = dataset.documents.map(sourceEntry)): string {
  const opening = serialise([
    heading(1, options.title),
    paragraph(options.description),
    heading(2, 'Source and rights'),
    ...(dataset.documents.length === 0 ? [paragraph('The dataset has no source pages.')] : []),
  ]);
  const rest = serialise([...rightsCaveat(), ...contents(dataset), ...counts(dataset), ...citation(dataset.documents, options), ...csvConventions(options), ...dataDictionary()]);
  return joinBlocks([opening, ...entries, rest]);
}

/** A page's entry in the card's list of sources: its title, publisher, dates, file and rights. */
export function sourceEntry(document: Document): string {
  return serialise(sourceBlocks(document));
}

export function sourceBlocks(document: Document): RootContent[] {
  return [
    heading(3, document.title),
    list([
      ['Publisher: ', document.publisher],
      ['Last modified: ', document.dateModified],
      ...(document.url === undefined ? [] : [['Published at: ', link(document.url)]]),
      ['Source file: ', document.path],
      ['Rights statement, verbatim: ', document.rights],
      ['Licence identifier (SPDX): ', document.license],
    ]),
  ];
}

/** Serialised blocks as one text: a blank line between two, one line end at the end (remark's join of headings, lists and paragraphs). */
function joinBlocks(serialised: readonly string[]): string {
  return `${serialised.map((text) => text.replace(/\n$/, '')).join('\n\n')}\n`;
}

function rightsCaveat(): RootContent[] {
  // The pipeline can only pass on the rights it was given: it must never read as an open licence.
  return [
    paragraph(
      'The records of this dataset are derived from the content of the pages above, and that content remains subject to the rights statement and licence identifier given for each page. ',
      'Publishing this dataset grants no licence beyond them: check those terms before you reuse the data.',
    ),
  ];
}

function contents(dataset: DatasetSummary): RootContent[] {
  const rows: string[][] = [
    [jsonLdPath, 'Every document, section, organisation, person, place, event, term and mention as linked data (JSON-LD, schema.org and Web Annotation terms).', ''],
    ...tables.map(({ name }) => [csvPath(name), describeTable(name).description, String(dataset.counts[name])]),
    [readmePath, 'This dataset card.', ''],
    [timelinePath, 'The events in date order.', ''],
    [qualityMarkdownPath, 'The quality report: counts, precision and recall against hand-made gold annotations, and names left to curate (also as quality.json).', ''],
    ...[csvwDescription, catalogDescription, schemaOrgDescription].map((file) => [file.path, file.description, '']),
    [dataPackagePath, 'The Frictionless Data Package descriptor: every file above with its size and SHA-256, and a Table Schema with keys for every CSV.', ''],
    [checksumsPath, 'The SHA-256 of every file, for `sha256sum -c SHA256SUMS`.', ''],
  ];
  return [heading(2, 'Contents'), table(['File', 'What it is', 'Rows'], rows.map(([path = '', ...rest]) => [fileLink(path), ...rest]))];
}

/** A link to one of the emitted files, relative to the card (the paths are ours, not the data's). */
function fileLink(path: string): PhrasingContent {
  return { type: 'link', url: path, children: [text(path)] };
}

function counts(dataset: DatasetSummary): RootContent[] {
  return [heading(2, 'Counts'), table(['Table', 'Records'], tables.map(({ name }) => [name, String(dataset.counts[name])]))];
}

/** Publisher (latest modification). Dataset title [Data set], derived from "page titles". Base IRI. */
function citation(documents: readonly Document[], options: EmitOptions): RootContent[] {
  const publishers = [...new Set(documents.map((document) => document.publisher))];
  const latest = documents.map((document) => document.dateModified).reduce<string | undefined>((a, b) => (a === undefined || a < b ? b : a), undefined);
  const titles = documents.map((document) => `“${document.title}”`);
  const parts = [
    publishers.length > 0 ? `${publishers.join('; ')}${latest === undefined ? '' : ` (${latest})`}. ` : '',
    `${options.title} [Data set]`,
    titles.length > 0 ? `, derived from ${titles.join('; ')}. ` : '. ',
  ];
  return [heading(2, 'How to cite'), paragraph(parts.join(''), link(options.baseIri))];
}

function csvConventions(options: EmitOptions): RootContent[] {
  const separator = options.multiValueSeparator;
  const multiValued = [...new Set(tables.flatMap(({ name }) => columnsOf(name).filter((column) => column.multiValued).map((column) => column.name)))];
  return [
    heading(2, 'CSV conventions'),
    list([
      ['Encoding: UTF-8, without a byte-order mark.'],
      ['Records end with CRLF (carriage return and line feed), as RFC 4180 specifies; the first record is a header that names the columns in the order of the data dictionary below.'],
      ['Quoting: a cell is enclosed in double quotes only when it contains a comma, a double quote, a carriage return or a line feed; a double quote inside it is doubled. A line break inside a cell is kept as written.'],
      ['Absent values: an optional value that is absent is an empty cell; so is an empty list.'],
      [
        `Multi-valued cells (${multiValued.join(', ')}): the values are separated by `,
        code(separator),
        '. Inside a value, ',
        code(separator),
        ' is written ',
        code(escapeCharacter + separator),
        ' and ',
        code(escapeCharacter),
        ' is written ',
        code(escapeCharacter + escapeCharacter),
        '. To read such a cell, split it at every ',
        code(separator),
        ' that is not escaped, then replace each ',
        code(escapeCharacter),
        ' and the character after it by that character.',
      ],
      [
        'Formula neutralisation: a text cell that begins with ',
        ...formulaTriggers.flatMap((trigger, index) => [index === 0 ? '' : index === formulaTriggers.length - 1 ? ' or ' : ', ', triggerName(trigger)]),
        ' is written with an apostrophe (',
        code(formulaPrefix),
        ') before it, so that spreadsheet software does not run it as a formula (OWASP guidance on CSV injection). ',
        'A text value that begins with an apostrophe gets one more, so the rule can be undone: remove the first character of every text cell that begins with ',
        code(formulaPrefix),
        ', before splitting a multi-valued cell. Number columns (integer and number in the data dictionary) are never changed: ',
        code('-1.5'),
        ' is a number.',
      ],
      ['Numbers: plain decimal notation, with a full stop as the decimal mark, no exponent and no thousands separator.'],
      ['Dates: ISO 8601 at the precision the source gives (2009, 2009-07 or 2009-07-14), never expanded to a full date or time; an interval is two such dates joined by / (2012-08/2013-06).'],
      [
        'Offsets: start and end of sentences and mentions count Unicode code points in the passage text, from 0, end exclusive. ',
        'Source positions (startLine … endOffset) are as unified reports them: lines and columns from 1, columns and offsets in UTF-16 code units.',
      ],
    ]),
  ];
}

/** How a formula trigger reads in prose: visible characters as code, control characters by name. */
function triggerName(trigger: string): PhrasingContent {
  if (trigger === '\t') return text('a tab');
  if (trigger === '\r') return text('a carriage return');
  return code(trigger);
}

function dataDictionary(): RootContent[] {
  const blocks: RootContent[] = [heading(2, 'Data dictionary')];
  for (const { name } of tables) {
    const described = describeTable(name);
    blocks.push(
      heading(3, `${name} (${csvPath(name)})`),
      paragraph(described.description),
      table(['Column', 'Type', 'Required', 'Description'], columnsOf(name).map((column) => [column.name, typeLabel(column), column.required ? 'yes' : 'no', column.description])),
    );
  }
  return blocks;
}

/** The type as a reader of the CSV sees it: "list of string" for a multi-valued cell, with the format if any. */
function typeLabel(column: Column): string {
  const base = column.multiValued ? `list of ${column.type}` : column.type;
  return column.format === undefined ? base : `${base} (${column.format})`;
}
