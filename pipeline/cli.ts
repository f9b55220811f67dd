/**
 * The command line: `build` writes the dataset, `check` only validates.
 *
 *   npm run build -- [--source DIR] [--out DIR] [--base-iri IRI] [--strict]
 *   npm run check -- [--source DIR] [--strict]
 *
 * Problems are printed by vfile-reporter as file:line:column with a rule id; the exit code is 0 on
 * success and 1 on any error. A user's mistake never prints a stack trace.
 */
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { build } from './build/index.js';
import type { Dataset } from './model/index.js';

const usage = `Usage:
  npm run build -- [--source DIR] [--out DIR] [--base-iri IRI] [--strict]
  npm run check -- [--source DIR] [--strict]

  --source DIR     folder of Markdown pages (default: source)
  --out DIR        folder to write the dataset to (default: dist; build only)
  --base-iri IRI   base of every record's @id (default: dataset.yml's baseIri)
  --strict         treat warnings as errors`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string', default: 'source' },
        out: { type: 'string', default: 'dist' },
        'base-iri': { type: 'string' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || (command !== 'build' && command !== 'check') || positionals.length > 1) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const baseIri = values['base-iri'];
  if (baseIri !== undefined && !/^https?:\/\/\S+[/#]$/.test(baseIri)) {
    process.stderr.write(`--base-iri must be an http(s) IRI that ends with '/' or '#', got ${JSON.stringify(baseIri)}\n`);
    return 2;
  }

  const result = await build({
    source: values.source,
    ...(command === 'build' ? { out: values.out } : {}),
    ...(baseIri !== undefined ? { baseIri } : {}),
    strict: values.strict,
  });
  const report = reporter(result.files, { quiet: true });
  if (report !== '') process.stderr.write(`${report}\n`);
  if (!result.ok || !result.dataset) {
    process.stderr.write(`${command} failed: nothing was written\n`);
    return 1;
  }
  const pages = result.dataset.documents.length;
  const what = command === 'build' ? `Built ${values.out}/ (${result.outputs?.size ?? 0} files)` : 'Checked';
  process.stdout.write(`${what} from ${pages} page${pages === 1 ? '' : 's'}: ${counts(result.dataset)}\n`);
  return 0;
}

function counts(dataset: Dataset): string {
  const parts: Array<[number, string, string]> = [
    [dataset.organizations.length, 'organization', 'organizations'],
    [dataset.people.length, 'person', 'people'],
    [dataset.places.length, 'place', 'places'],
    [dataset.events.length, 'event', 'events'],
    [dataset.terms.length, 'term', 'terms'],
    [dataset.mentions.length, 'mention', 'mentions'],
  ];
  return parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not a problem with the input: a fault of the pipeline itself or of the machine.
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`internal error: ${detail}\n(set DEBUG=1 for details; please report it)\n`);
    if (process.env['DEBUG']) console.error(error);
    process.exitCode = 70;
  },
);
