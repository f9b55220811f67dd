/**
 * Parts of a graph converted before are not converted again: dataset.jsonld is cut into parts where
 * its lines say (not by counting), and a part whose text was converted without a problem is known by
 * its hash. A rebuild after one page changed converts the parts around that page's nodes, no more.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { verifyJsonLdInWorker, verifyJsonLdInWorkers } from '../../pipeline/build/lib/verify.js';
import { memoryReader, verifyJsonLdFile } from '../../pipeline/validate/index.js';

const graphPath = 'dataset.jsonld';
const context = '{"@context":{"@vocab":"https://schema.org/"},';

/** A graph of `count` nodes a line each, in the layout the emitter writes; `change` rewrites some nodes. */
function graph(count: number, change: (index: number) => object | undefined = () => undefined): string {
  const nodes = Array.from({ length: count }, (_, i) => JSON.stringify(change(i) ?? { '@id': `https://example.org/node/${String(i).padStart(5, '0')}`, name: `Node ${i}` }));
  return `${context}\n"@graph":[\n${nodes.join(',\n')}\n]}\n`;
}

async function check(text: string, known: ReadonlySet<string> = new Set()) {
  const passed: string[] = [];
  const problems = await verifyJsonLdFile(graphPath, memoryReader(new Map([[graphPath, text]])), { known, passed: (hash) => passed.push(hash) });
  return { problems, passed };
}

const scratch = mkdtempSync(join(tmpdir(), 'odp-parts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('a graph checked in parts', () => {
  it('is cut into parts of a few hundred nodes, each reported once', async () => {
    const { problems, passed } = await check(graph(5000));
    expect(problems).toEqual([]);
    expect(passed.length).toBeGreaterThan(2);
    expect(passed.length).toBeLessThan(5000 / 64);
    expect(new Set(passed).size).toBe(passed.length);
  });

  it('converts nothing again when every part is known', async () => {
    const first = await check(graph(5000));
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const again = await check(graph(5000), new Set(first.passed));
    expect(again).toEqual({ problems: [], passed: first.passed });
    expect(toRdf).not.toHaveBeenCalled();
  });

  it('converts only the part around a changed node, wherever it is', async () => {
    const first = await check(graph(5000));
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const changed = await check(graph(5000, (i) => (i === 2500 ? { '@id': 'https://example.org/node/02500', name: 'Changed' } : undefined)), new Set(first.passed));
    expect(changed.problems).toEqual([]);
    expect(toRdf).toHaveBeenCalledTimes(1);
    expect(changed.passed.filter((hash) => !first.passed.includes(hash))).toHaveLength(1);
  });

  it('keeps the other parts when nodes are added: the cuts do not move with the count', async () => {
    const first = await check(graph(5000));
    const lines = graph(5000).split('\n');
    lines.splice(103, 0, `${JSON.stringify({ '@id': 'https://example.org/node/00100a', name: 'Added' })},`, `${JSON.stringify({ '@id': 'https://example.org/node/00100b', name: 'Added' })},`);
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const added = await check(lines.join('\n'), new Set(first.passed));
    expect(added.problems).toEqual([]);
    expect(added.passed.filter((hash) => !first.passed.includes(hash))).toHaveLength(1);
    expect(toRdf).toHaveBeenCalledTimes(1);
  });

  it('still finds a node that is not valid in safe mode, however many parts are known', async () => {
    const first = await check(graph(5000));
    const bad = await check(graph(5000, (i) => (i === 4000 ? { '@id': 'relative/id' } : undefined)), new Set(first.passed));
    expect(bad.problems).toEqual([{ path: graphPath, message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) }]);
  });

  it('knows nothing from parts of a graph with another context', async () => {
    const first = await check(graph(5000));
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const other = await check(graph(5000).replace(context, '{"@context":{"@vocab":"http://purl.org/dc/terms/"},'), new Set(first.passed));
    expect(other.passed.filter((hash) => first.passed.includes(hash))).toEqual([]);
    expect(toRdf).toHaveBeenCalledTimes(other.passed.length);
  });

  it('reports the same parts from a worker thread', async () => {
    const text = graph(3000);
    writeFileSync(join(scratch, graphPath), text);
    const first = await check(text);
    const passed: string[] = [];
    expect(await verifyJsonLdInWorker(scratch, graphPath, { known: new Set(first.passed.slice(1)), passed: (hash) => passed.push(hash) })).toEqual([]);
    expect(passed).toEqual(first.passed);
  });
});

describe('a graph checked in shares, by several threads', () => {
  async function shareOf(text: string, index: number, count: number) {
    const passed: string[] = [];
    const problems = await verifyJsonLdFile(graphPath, memoryReader(new Map([[graphPath, text]])), { passed: (hash) => passed.push(hash), share: { index, count } });
    return { problems, passed };
  }

  it('converts each part in exactly one share, and together they pass what one check passes', async () => {
    const whole = await check(graph(5000));
    const shares = await Promise.all([shareOf(graph(5000), 0, 2), shareOf(graph(5000), 1, 2)]);
    expect(shares.map((share) => share.problems)).toEqual([[], []]);
    expect(shares.every((share) => share.passed.length > 0)).toBe(true);
    expect([...shares[0]!.passed, ...shares[1]!.passed].sort()).toEqual([...whole.passed].sort());
  });

  it('finds a node that does not convert in the share that owns its part, and the threads together say it once', async () => {
    const broken = graph(5000, (i) => (i === 4000 ? { '@id': 'relative/4000', name: 'Broken' } : undefined));
    const shares = await Promise.all([shareOf(broken, 0, 2), shareOf(broken, 1, 2)]);
    expect(shares.flatMap((share) => share.problems)).toEqual([{ path: graphPath, message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) }]);
    const file = join(scratch, 'shared.jsonld');
    writeFileSync(file, broken);
    expect(await verifyJsonLdInWorkers(scratch, 'shared.jsonld', 2)).toEqual([{ path: 'shared.jsonld', message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) }]);
  });
});

describe('a JSON-LD document written for people (not a node a line), checked node by node', () => {
  // The catalogue: its agents and pages stay the same from build to build, its distributions do not.
  const catalogPath = 'catalog.jsonld';
  const document = (change: (index: number) => object | undefined = () => undefined, vocabulary = 'https://schema.org/') =>
    JSON.stringify(
      {
        '@context': { '@vocab': vocabulary },
        '@graph': Array.from({ length: 2500 }, (_, i) => change(i) ?? { '@id': `https://example.org/agent/${i}`, name: `Agent ${i}` }),
      },
      null,
      2,
    );
  async function checkDocument(text: string, known: ReadonlySet<string> = new Set()) {
    const passed: string[] = [];
    const problems = await verifyJsonLdFile(catalogPath, memoryReader(new Map([[catalogPath, text]])), { known, passed: (hash) => passed.push(hash) });
    return { problems, passed };
  }

  it('reports each node once, and converts none again when all are known', async () => {
    const first = await checkDocument(document());
    expect(first.problems).toEqual([]);
    expect(new Set(first.passed).size).toBe(2500);
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const again = await checkDocument(document(), new Set(first.passed));
    expect(again).toEqual({ problems: [], passed: first.passed });
    expect(toRdf).not.toHaveBeenCalled();
  });

  it('converts only the nodes that changed', async () => {
    const first = await checkDocument(document());
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const changed = await checkDocument(document((i) => (i === 1200 ? { '@id': 'https://example.org/agent/1200', name: 'Renamed' } : undefined)), new Set(first.passed));
    expect(changed.problems).toEqual([]);
    expect(toRdf).toHaveBeenCalledTimes(1);
    expect((toRdf.mock.calls[0]![0] as { '@graph': unknown[] })['@graph']).toEqual([{ '@id': 'https://example.org/agent/1200', name: 'Renamed' }]);
    expect(changed.passed.filter((hash) => !first.passed.includes(hash))).toHaveLength(1);
  });

  it('still finds a changed node that is not valid in safe mode', async () => {
    const first = await checkDocument(document());
    const bad = await checkDocument(document((i) => (i === 2000 ? { '@id': 'relative/id' } : undefined)), new Set(first.passed));
    expect(bad.problems).toEqual([{ path: catalogPath, message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) }]);
  });

  it('knows no node of a document with another context', async () => {
    const first = await checkDocument(document());
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const other = await checkDocument(document(undefined, 'http://purl.org/dc/terms/'), new Set(first.passed));
    expect(other.passed.filter((hash) => first.passed.includes(hash))).toEqual([]);
    expect(toRdf).toHaveBeenCalledTimes(3);
  });
});

describe('a node of very many values, checked in pieces', () => {
  // schema.org's record of a dataset of 10,000 pages: one node, isBasedOn every page.
  const recordPath = 'schema-org.jsonld';
  const context = { '@vocab': 'https://schema.org/' };
  const record = (name = 'Open data', pages = 2000, extra: object = {}) =>
    JSON.stringify({
      '@context': context,
      '@type': 'Dataset',
      '@id': 'https://example.org/dataset',
      name,
      isBasedOn: Array.from({ length: pages }, (_, i) => ({ '@id': `https://example.org/page/${i}` })),
      distribution: [{ '@type': 'DataDownload', contentUrl: 'https://example.org/data.csv', contentSize: '12 bytes' }],
      ...extra,
    });
  async function checkRecord(text: string, known: ReadonlySet<string> = new Set()) {
    const passed: string[] = [];
    const problems = await verifyJsonLdFile(recordPath, memoryReader(new Map([[recordPath, text]])), { known, passed: (hash) => passed.push(hash) });
    return { problems, passed };
  }

  it('converts to the triples of the node whole, a few hundred values at a time', async () => {
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    expect((await checkRecord(record())).problems).toEqual([]);
    const pieces = toRdf.mock.calls.map(([document]) => document as { '@graph': Array<Record<string, unknown>> });
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces) expect(((piece['@graph'][0]!['isBasedOn'] as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(500);
    toRdf.mockRestore();
    const quads = async (document: object) => ((await jsonld.toRDF(document as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string).split('\n').filter(Boolean);
    const fromPieces = (await Promise.all(pieces.map(quads))).flat();
    // Blank nodes (the distribution) are named per conversion: compared by shape.
    const shape = (lines: string[]) => lines.map((line) => line.replace(/_:b\d+/g, '_:b')).sort();
    expect(shape(fromPieces)).toEqual(shape(await quads(JSON.parse(record()) as object)));
  });

  it('converts only the piece that changed', async () => {
    const first = await checkRecord(record());
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const renamed = await checkRecord(record('Open data, renamed'), new Set(first.passed));
    expect(renamed.problems).toEqual([]);
    expect(toRdf).toHaveBeenCalledTimes(1);
    expect((toRdf.mock.calls[0]![0] as { '@graph': Array<Record<string, unknown>> })['@graph'][0]!['isBasedOn']).toBeUndefined();
  });

  it('still finds a value that is not valid in safe mode', async () => {
    const first = await checkRecord(record());
    const bad = await checkRecord(record('Open data', 2000, { citation: Array.from({ length: 600 }, (_, i) => ({ '@id': i === 550 ? 'relative/id' : `https://example.org/cited/${i}` })) }), new Set(first.passed));
    expect(bad.problems).toEqual([{ path: recordPath, message: expect.stringMatching(/^JSON-LD is not valid in safe mode: Relative @id reference/) }]);
  });

  it('is not cut when its context makes a term a list: a list cut would be several', async () => {
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const listed = JSON.parse(record()) as Record<string, unknown>;
    listed['@context'] = { ...context, isBasedOn: { '@container': '@list' } };
    expect((await checkRecord(JSON.stringify(listed))).problems).toEqual([]);
    expect(toRdf).toHaveBeenCalledTimes(1);
  });
});
