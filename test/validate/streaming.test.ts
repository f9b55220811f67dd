import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { verifyJsonLdInWorker } from '../../pipeline/build/lib/verify.js';
import { folderReader, linesOf, memoryReader, verifyJsonLdFile, verifyOutputs, verifyPackage } from '../../pipeline/validate/index.js';
import { sourceFolder } from '../helpers.js';

// The checks of a large dataset read its files as streams: dataset.jsonld a node per line, the CSV
// files a row at a time. These pin what they find in files laid out that way.

let outputs: Map<string, string>;
const scratch = mkdtempSync(join(tmpdir(), 'odp-streaming-'));
beforeAll(async () => {
  outputs = (await build({ source: sourceFolder })).outputs!;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const graphPath = 'dataset.jsonld';

/** dataset.jsonld with `extra` node lines added at the end of its graph. */
function withNodes(extra: string[]): string {
  const lines = outputs.get(graphPath)!.split('\n');
  const closing = lines.length - 2;
  return [...lines.slice(0, closing - 1), `${lines[closing - 1]},`, ...extra.map((line, i) => (i < extra.length - 1 ? `${line},` : line)), ...lines.slice(closing)].join('\n');
}

const padding = (count: number) => Array.from({ length: count }, (_, i) => JSON.stringify({ '@id': `https://example.org/padding/${i}`, name: `Padding ${i}` }));

async function problemsOf(text: string) {
  return verifyJsonLdFile(graphPath, memoryReader(new Map([[graphPath, text]])));
}

describe('dataset.jsonld read a node per line', () => {
  it('converts the emitted graph without a problem', async () => {
    expect(await problemsOf(outputs.get(graphPath)!)).toEqual([]);
  });

  it('finds a node that is not valid in safe mode far into the graph, past many parts', async () => {
    const problems = await problemsOf(withNodes([...padding(2500), JSON.stringify({ '@id': 'relative/id', name: 'Bad' })]));
    expect(problems).toEqual([{ path: graphPath, message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) }]);
  });

  it('names the line of a node that is not JSON', async () => {
    const text = withNodes([...padding(10), '{"@id": "https://example.org/broken"']);
    const line = text.split('\n').findIndex((l) => l.startsWith('{"@id": "https://example.org/broken"')) + 1;
    expect(await problemsOf(text)).toEqual([{ path: graphPath, message: expect.stringMatching(new RegExp(`^is not valid JSON: line ${line}: `)) }]);
  });

  it('finds a graph that is cut short (no closing line)', async () => {
    const text = outputs.get(graphPath)!.replace(/\n\]\}\n$/, '\n');
    expect(await problemsOf(text)).toEqual([{ path: graphPath, message: expect.stringMatching(/^is not valid JSON: line \d+: the graph is not closed/) }]);
  });

  it('finds two nodes on lines with no comma between them', async () => {
    const text = withNodes(padding(2)).replace(/Padding 0"\},\n/, 'Padding 0"}\n');
    expect(await problemsOf(text)).toEqual([{ path: graphPath, message: expect.stringMatching(/^is not valid JSON: line \d+: no comma after the node$/) }]);
  });

  it('checks the context even when the graph is empty', async () => {
    const text = `{"@context":["https://example.org/remote.jsonld"],\n"@graph":[\n]}\n`;
    expect(await problemsOf(text)).toEqual([{ path: graphPath, message: 'JSON-LD does not convert to RDF: remote context https://example.org/remote.jsonld is not allowed' }]);
  });

  it('reads a document in any other layout whole', async () => {
    const pretty = JSON.stringify(JSON.parse(outputs.get(graphPath)!), null, 2);
    expect(await problemsOf(pretty)).toEqual([]);
    expect(await problemsOf(pretty.replace('"@graph": [', '"@graph": [ {"@id": "relative"},'))).toEqual([
      { path: graphPath, message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) },
    ]);
  });

  it('is converted in a worker thread from a folder, with the same findings', async () => {
    const folder = mkdtempSync(join(scratch, 'graph-'));
    writeFileSync(join(folder, graphPath), withNodes([JSON.stringify({ '@id': 'relative/id' })]));
    writeFileSync(join(folder, 'good.jsonld'), outputs.get(graphPath)!);
    expect(await verifyJsonLdInWorker(folder, 'good.jsonld')).toEqual([]);
    expect(await verifyJsonLdInWorker(folder, graphPath)).toEqual([{ path: graphPath, message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) }]);
  });
});

describe('lines of a stream of chunks', () => {
  it('are the same however the chunks cut the text, a character of several bytes included', async () => {
    const text = 'première ligne\r\nsecond — line\n\nlast without end';
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 7, bytes.byteLength]) {
      const chunks = async function* () {
        for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
      };
      const lines: string[] = [];
      for await (const line of linesOf(chunks())) lines.push(line);
      expect(lines, `chunks of ${size}`).toEqual(['première ligne', 'second — line', '', 'last without end']);
    }
  });
});

describe('the package read from a folder', () => {
  it('gives what it gives in memory, for a sound package and for one with a broken table', async () => {
    const folder = mkdtempSync(join(scratch, 'package-'));
    const write = (files: Map<string, string>) => {
      for (const [path, text] of files) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
      }
    };
    write(outputs);
    expect(await verifyPackage(folderReader(folder, [...outputs.keys()]))).toEqual([]);
    const broken = new Map(outputs);
    broken.set('csv/places.csv', outputs.get('csv/places.csv')!.replace('\r\n', ',extra\r\n'));
    write(broken);
    const fromFolder = await verifyPackage(folderReader(folder, [...broken.keys()]));
    expect(fromFolder).toEqual(await verifyPackage(broken));
    expect(fromFolder.map((p) => p.message)).toEqual([expect.stringMatching(/^has \d+ bytes/), expect.stringMatching(/^has hash/), expect.stringMatching(/^is not valid CSV: /)]);
  });
});

describe('a JSON-LD conversion that fails', () => {
  it('is a problem of its file, not an exception of the check', async () => {
    const convertJsonLd = async (path: string) => {
      if (path === graphPath) throw new Error('the checking thread stopped (exit code 1)');
      return [];
    };
    expect(await verifyOutputs(outputs, { convertJsonLd })).toEqual([{ path: graphPath, message: 'could not be converted to RDF: the checking thread stopped (exit code 1)' }]);
  });
});
