/**
 * Runs of rows and graph lines checked before (KnownRows) are left out of the checks that read the
 * files back: their bytes still count for the file's size and hash, the rows around them are checked
 * as ever, and problems are reported at their row or line in the file, runs counted.
 */
import jsonld from 'jsonld';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderReader, memoryReader, verifyJsonLdFile, verifyPackage, type KnownRows } from '../../pipeline/validate/index.js';
import { readSkipping, skipping } from '../../pipeline/validate/lib/reader.js';
import { describedAgain, sourceFolder } from '../helpers.js';

let outputs: Map<string, string>;
beforeAll(async () => {
  outputs = (await build({ source: sourceFolder })).outputs!;
});
afterEach(() => vi.restoreAllMocks());

/** The bytes of rows `from` to `to` (1 is the first after the header) of a CSV file, as a known run. */
function rowsRun(text: string, from: number, to: number): KnownRows {
  const rows = text.split('\r\n');
  const bytesBefore = (row: number) => Buffer.byteLength(rows.slice(0, row).map((r) => `${r}\r\n`).join(''));
  return { start: bytesBefore(from), end: bytesBefore(to + 1), rows: to - from + 1 };
}

/** The files with one changed, its size and hash described again, so that only the change is a problem. */
function changed(path: string, change: (text: string) => string): Map<string, string> {
  const files = new Map(outputs);
  files.set(path, change(files.get(path)!));
  return describedAgain(files);
}

describe('the package check, given rows checked before', () => {
  // Mentions: no other table points into them, so leaving some out leaves no key unresolved.
  const path = 'csv/mentions.csv';
  const breakRow = (row: number, value = 'one') => (text: string) => {
    const rows = text.split('\r\n');
    rows[row] = rows[row]!.replace(/,(\d+),(\d+),/, `,${value},$2,`);
    return rows.join('\r\n');
  };

  it('finds nothing in a package that has no problem', async () => {
    expect(await verifyPackage(outputs, 'datapackage.json', { knownRows: new Map([[path, [rowsRun(outputs.get(path)!, 2, 4)]]]) })).toEqual([]);
  });

  it('reads the rows after a run at their own row number', async () => {
    const files = changed(path, breakRow(6));
    const run = rowsRun(files.get(path)!, 2, 4);
    const problems = await verifyPackage(files, 'datapackage.json', { knownRows: new Map([[path, [run]]]) });
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^row 7, start: "one" is not an integer$/)]);
  });

  it('leaves the rows of a run unread: a run is trusted, its bytes are not', async () => {
    const files = changed(path, breakRow(3));
    expect(await verifyPackage(files, 'datapackage.json', { knownRows: new Map([[path, [rowsRun(files.get(path)!, 2, 4)]]]) })).toEqual([]);
    expect((await verifyPackage(files)).map((p) => p.message)).toEqual([expect.stringMatching(/^row 4, start: "one" is not an integer$/)]);
    // The bytes of a run are hashed with the file's: a run changed after the descriptor was written is found.
    const tampered = new Map(files);
    tampered.set(path, breakRow(3, 'two')(outputs.get(path)!));
    expect((await verifyPackage(tampered, 'datapackage.json', { knownRows: new Map([[path, [rowsRun(tampered.get(path)!, 2, 4)]]]) })).map((p) => p.message)).toEqual([
      expect.stringMatching(/^has hash sha256:/),
    ]);
  });

  it('takes runs that start or end anywhere in what is read, and several in a file', async () => {
    const files = changed(path, breakRow(9));
    const text = files.get(path)!;
    const runs = [rowsRun(text, 1, 1), rowsRun(text, 3, 5), rowsRun(text, 6, 8)];
    const problems = await verifyPackage(files, 'datapackage.json', { knownRows: new Map([[path, runs]]) });
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^row 10, start: "one" is not an integer$/)]);
  });
});

describe('the graph check, given lines converted before', () => {
  const graphPath = 'dataset.jsonld';
  const text = (nodes: object[]) => `{"@context":{"@vocab":"https://schema.org/"},\n"@graph":[\n${nodes.map((node) => JSON.stringify(node)).join(',\n')}\n]}\n`;
  const node = (i: number) => ({ '@id': `https://example.org/node/${i}`, name: `Node ${i}` });
  /** The bytes of node lines `from` to `to` (from 0), without the comma and line end after the last. */
  const linesRun = (graph: string, from: number, to: number): KnownRows => {
    const lines = graph.split('\n');
    const bytesBefore = (line: number) => Buffer.byteLength(lines.slice(0, line).map((l) => `${l}\n`).join(''));
    return { start: bytesBefore(from + 2), end: bytesBefore(to + 3) - 2, rows: to - from + 1 };
  };
  const check = (graph: string, knownLines: KnownRows[]) => verifyJsonLdFile(graphPath, memoryReader(new Map([[graphPath, graph]])), { knownLines });

  it('converts none of the lines of a run, and the others as ever', async () => {
    const nodes: object[] = Array.from({ length: 10 }, (_, i) => node(i));
    nodes[3] = { '@id': 'relative/id' };
    const graph = text(nodes);
    expect(await check(graph, [linesRun(graph, 2, 5)])).toEqual([]);
    expect(await check(graph, [linesRun(graph, 4, 9)])).toEqual([{ path: graphPath, message: expect.stringMatching(/Relative @id reference/) }]);
  });

  it('takes a run at the end of the graph, and counts its lines', async () => {
    const nodes = Array.from({ length: 6 }, (_, i) => node(i));
    const graph = text(nodes).replace('\n]}\n', ',\n{"@id": \n]}\n');
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    expect(await check(graph, [linesRun(graph, 1, 5)])).toEqual([{ path: graphPath, message: expect.stringMatching(/^is not valid JSON: line 9:/) }]);
    expect(toRdf).not.toHaveBeenCalled();
    const whole = text(nodes);
    expect(await check(whole, [linesRun(whole, 3, 5)])).toEqual([]);
  });
});

describe('the package check, given files read back already', () => {
  const path = 'csv/places.csv';

  it('compares the descriptor with the sizes and hashes it is given, and does not hash those files again', async () => {
    const descriptor = JSON.parse(outputs.get('datapackage.json')!) as { resources: Array<{ path: string; bytes: number; hash: string }> };
    const described = descriptor.resources.find((resource) => resource.path === path)!;
    const asDescribed = { bytes: described.bytes, sha256: described.hash.replace(/^sha256:/, '') };
    // A file whose bytes changed after it was read back: the fingerprint given is the one compared.
    const files = new Map(outputs);
    files.set(path, files.get(path)!.replace(',Germany,', ',GERMANY,'));
    expect((await verifyPackage(files)).map((p) => p.message)).toEqual([expect.stringMatching(/^has hash sha256:/)]);
    expect(await verifyPackage(files, 'datapackage.json', { readBack: new Map([[path, asDescribed]]) })).toEqual([]);
    expect((await verifyPackage(outputs, 'datapackage.json', { readBack: new Map([[path, { ...asDescribed, sha256: '0'.repeat(64) }]]) })).map((p) => p.message)).toEqual([
      `has hash sha256:${'0'.repeat(64)}, the descriptor says ${described.hash}`,
    ]);
  });

  it('still reads the rows of a table read back', async () => {
    const files = changed(path, (text) => text.replace(/\r\n[^,\r\n]+,/, '\r\n,'));
    const descriptor = JSON.parse(files.get('datapackage.json')!) as { resources: Array<{ path: string; bytes: number; hash: string }> };
    const described = descriptor.resources.find((resource) => resource.path === path)!;
    const readBack = new Map([[path, { bytes: described.bytes, sha256: described.hash.replace(/^sha256:/, '') }]]);
    expect((await verifyPackage(files, 'datapackage.json', { readBack })).map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^row 2/)]));
  });
});

describe('a file read with its known runs left out', () => {
  it('is what skipping its chunks gives, whether read from a folder or from memory, runs adjacent, apart, first or last', async () => {
    const rows = Array.from({ length: 9 }, (_, index) => `row ${index},é${'x'.repeat(index * 300_000)}\r\n`);
    const text = rows.join('');
    const at = (row: number) => Buffer.byteLength(rows.slice(0, row).join(''));
    const run = (from: number, to: number): KnownRows => ({ start: at(from), end: at(to), rows: to - from });
    const ending = (count: number) => `${count}\r\n`;
    const read = async (chunks: AsyncIterable<Uint8Array>) => {
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      return Buffer.concat(parts).toString('utf8');
    };
    const folder = mkdtempSync(join(tmpdir(), 'odp-read-skipping-'));
    try {
      writeFileSync(join(folder, 'table.csv'), text);
      for (const runs of [[], [run(0, 2), run(2, 3), run(5, 7)], [run(1, 4), run(8, 9)], [run(0, 9)]]) {
        const expected = await read(skipping(memoryReader(new Map([['table.csv', text]])).chunks('table.csv'), runs, ending));
        expect(await read(readSkipping(memoryReader(new Map([['table.csv', text]])), 'table.csv', runs, ending))).toBe(expected);
        expect(await read(readSkipping(folderReader(folder, ['table.csv']), 'table.csv', runs, ending))).toBe(expected);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
