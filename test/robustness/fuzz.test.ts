/**
 * Property-based test: random Markdown pages with random front matter (and now and then random bytes or
 * a random curation.yml) either build into a package that passes its own checks, or fail with
 * diagnostics that name their file and rule. Never an exception. FUZZ_RUNS sets the number of cases
 * (1,000 by default); a failure prints the seed and the shrunk input to replay it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { verifyPackage } from '../../pipeline/validate/index.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? 1000);
const scratch = mkdtempSync(join(tmpdir(), 'odp-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Pieces of the genre, so that random pages reach the extractor's rules, not only the parser's errors.
const names = ['National Cyber Security Agency', 'European Commission', 'Ministry of Defence', 'United Nations', 'Jean Dupont', 'President Ana Silva', 'Paris', 'Nice', 'Reading', 'Germany', 'USA'];
const acronyms = ['NCSA', 'EU', 'ANSSI', 'UN', 'IT', 'G8', 'CoE'];
const dates = ['1 January 1991', 'on 14 May 2008', 'in the spring of 2007', 'from 27 April to 18 May 2007', 'between 2014 and 2015', 'early in 2011', '2008', 'July 2009', 'next year', '2013-13-45'];
const verbs = ['was set up', 'met', 'will be held', 'adopted a strategy', 'published', 'launched', 'created'];
const marks = ['*', '_', '**', '`', '[', ']', '(', ')', '<', '>', '|', '#', '\\', '=', '+', '-', '@', '"', "'", '\t', '&', '!'];

const word = fc.oneof(fc.constantFrom(...names, ...acronyms, ...dates, ...verbs, ...marks), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => `${words.join(' ')}.`);
const definition = fc.tuple(fc.constantFrom(...names), fc.constantFrom(...acronyms), fc.constantFrom(...verbs), fc.constantFrom(...dates)).map(([n, a, v, d]) => `The ${n} (${a}) ${v} ${d}.`);
const paragraph = fc.array(fc.oneof(sentence, definition), { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), sentence).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
  { weight: 2, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 120 }), paragraph).map(([depth, text]) => `${'> '.repeat(depth)}${text}`) },
  { weight: 1, arbitrary: paragraph.map((text) => `\`\`\`\n${text}\n\`\`\``) },
  { weight: 1, arbitrary: paragraph.map((text) => `<div>${text}</div>`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
);
const body = fc.array(block, { maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

/** Front matter: mostly the right keys with right or wrong values, sometimes YAML that is not valid. */
const value = fc.oneof(fc.constantFrom('2013-13-45', '15/01/2013', 'english', '', 'MIT OR', 'javascript:alert(1)'), fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }));
/** A right value most of the time, any value now and then: a case is worth more when it reaches extraction. */
const mostly = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: value });
const goodFields: Record<string, fc.Arbitrary<unknown>> = {
  title: mostly(fc.constantFrom('Cyber security', '=HYPERLINK("x")', '<b>Title</b>')),
  publisher: mostly(fc.constant('Ministry of Tests')),
  language: mostly(fc.constantFrom('en', 'fr', 'en-GB')),
  dateModified: mostly(fc.constantFrom('2013', '2013-01', '2013-01-15')),
  rights: mostly(fc.constant('All rights reserved')),
  license: mostly(fc.constantFrom('CC-BY-4.0', 'LicenseRef-All-Rights-Reserved')),
  url: mostly(fc.constantFrom('https://example.org/page')),
};
const structured = fc
  .record(
    Object.fromEntries(Object.entries(goodFields).map(([key, arbitrary]) => [key, arbitrary])) as Record<string, fc.Arbitrary<unknown>>,
    { requiredKeys: ['title', 'publisher', 'language', 'dateModified', 'rights', 'license'] },
  )
  .chain((fields) => fc.tuple(fc.constant(fields), fc.dictionary(fc.constantFrom('__proto__', 'constructor', '@context', '$ref', 'extra'), value, { maxKeys: 1 }), fc.boolean()))
  .map(([fields, extra, withExtra]) =>
    Object.entries({ ...fields, ...(withExtra ? extra : {}) })
      .map(([key, v]) => `${JSON.stringify(key)}: ${JSON.stringify(v)}`)
      .join('\n'),
  );
const frontMatter = fc.oneof({ weight: 6, arbitrary: structured }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) });

const page = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(frontMatter, body).map(([yaml, text]) => new TextEncoder().encode(`---\n${yaml}\n---\n\n${text}\n`)) },
  { weight: 1, arbitrary: body.map((text) => new TextEncoder().encode(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);
const curation = fc.option(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('add:\n  - type: organization\n    name: Ministry of Defence\n', 'terms:\n  - acronym: IT\n    expansion: information technology\n', 'sameAs:\n  - name: United Nations\n    iri: http://www.wikidata.org/entity/Q1065\n') },
    { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
  ),
  { freq: 2 },
);

describe('any page and front matter', () => {
  it(`builds valid output or fails with diagnostics, never an exception (${runs} cases)`, async () => {
    let built = 0;
    let refused = 0;
    let round = 0;
    const rules = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(page, curation, async (bytes, curated) => {
        const source = join(scratch, `case-${round++}`);
        mkdirSync(source);
        writeFileSync(join(source, 'page.md'), bytes);
        if (curated !== null) writeFileSync(join(source, 'curation.yml'), curated);
        const result = await build({ source, cache: false });
        rmSync(source, { recursive: true, force: true });
        if (result.ok) {
          built++;
          expect(result.outputs?.has('datapackage.json')).toBe(true);
          expect(await verifyPackage(result.outputs!)).toEqual([]);
          return;
        }
        refused++;
        for (const file of result.files) for (const message of file.messages) if (message.fatal) rules.set(message.ruleId ?? '?', (rules.get(message.ruleId ?? '?') ?? 0) + 1);
        const messages = result.files.flatMap((file) => file.messages.map((message) => ({ file, message })));
        expect(messages.some(({ message }) => message.fatal === true)).toBe(true);
        for (const { file, message } of messages) {
          expect(file.path, String(message)).toBeTruthy();
          expect(message.ruleId, String(message)).toMatch(/^[a-z][a-zA-Z0-9-]*$/);
          expect(message.source).toBe('open-data-pipeline');
          // A place is inside the file it names.
          const text = file.path.endsWith('page.md') ? new TextDecoder().decode(bytes) : file.path.endsWith('curation.yml') ? (curated ?? '') : undefined;
          if (message.line !== undefined && text !== undefined) expect(message.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length + 1);
        }
      }),
      { numRuns: runs },
    );
    // Both outcomes must be reached, or the generators test only one path.
    expect(built).toBeGreaterThan(runs / 20);
    expect(refused).toBeGreaterThan(runs / 20);
    console.log(`fuzz: ${built} built, ${refused} refused; errors by rule: ${[...rules].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  }, 600_000);
});
