import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import datasetFactory from '@rdfjs/dataset';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { sharedAvailable, sharedFolder, sourceFolder } from '../helpers.js';

const refuseRemote = async (url: string) => {
  throw new Error(`no remote document may be loaded: ${url}`);
};

async function toQuads(document: object): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads', safe: true, documentLoader: refuseRemote } as jsonld.Options.ToRdf)) as unknown as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

let outputs: Map<string, string>;
let catalog: { '@graph': Array<Record<string, unknown>> };
beforeAll(async () => {
  outputs = (await build({ source: sourceFolder })).outputs!;
  catalog = JSON.parse(outputs.get('catalog.jsonld')!);
});

describe.runIf(sharedAvailable())('catalog.jsonld against the DCAT-AP 3.0.1 SHACL shapes', () => {
  const shapes = (name: string) => datasetFactory.dataset(new Parser().parse(readFileSync(join(sharedFolder, 'standards/dcat-ap-3.0.1', name), 'utf8')));
  const validate = async (name: string) => new SHACLValidator(shapes(name)).validate(datasetFactory.dataset(await toQuads(catalog)));

  it('conforms to the mandatory shapes', async () => {
    const report = await validate('shapes.ttl');
    expect(report.results.map((r) => `${r.path?.value}: ${r.message.map((m) => m.value).join(' ')}`)).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('conforms to the class ranges', async () => {
    expect((await validate('range.ttl')).conforms).toBe(true);
  });

  it('reports the recommended properties it misses, and misses only those the source cannot give', async () => {
    const report = await validate('shapes_recommended.ttl');
    const missed = [...new Set(report.results.map((r) => r.path?.value ?? ''))].sort();
    console.info(`DCAT-AP recommended properties missed:\n  ${missed.join('\n  ')}`);
    // dct:license of the catalogue record, foaf:homepage, dcat:contactPoint and the publisher's dct:type
    // need facts no page gives (dataset.yml can add homepage); dct:format has no EU code for Markdown;
    // dct:type of a licence document has no code for "all rights reserved"; dcat:bbox is given as centroid.
    expect(missed).toEqual([
      'http://purl.org/dc/terms/format',
      'http://purl.org/dc/terms/license',
      'http://purl.org/dc/terms/type',
      'http://www.w3.org/ns/dcat#bbox',
      'http://www.w3.org/ns/dcat#contactPoint',
      'http://xmlns.com/foaf/0.1/homepage',
    ]);
  });
});

describe('catalog.jsonld', () => {
  const node = (id: string) => catalog['@graph'].find((n) => (n['@id'] as string).endsWith(id))!;

  it('describes the dataset with its version, dates, temporal and spatial coverage', () => {
    expect(node('/dataset')).toMatchObject({
      '@type': 'dcat:Dataset',
      'dcat:version': '1.0.0',
      'dct:modified': { '@value': '2013-01', '@type': 'xsd:gYearMonth' },
      'dct:temporal': { 'dcat:startDate': { '@value': '2008' }, 'dcat:endDate': { '@value': '2013-10' } },
    });
    const spatial = (node('/dataset')['dct:spatial'] as Array<{ '@id': string }>).map((s) => s['@id']);
    expect(spatial).toContain('http://publications.europa.eu/resource/authority/country/FRA');
    expect(spatial).toContain('https://sws.geonames.org/2267057/');
  });

  it('gives every distribution its download URL, media type, size and checksum, matching the file', () => {
    const distributions = catalog['@graph'].filter((n) => n['@type'] === 'dcat:Distribution');
    const descriptor = JSON.parse(outputs.get('datapackage.json')!) as { resources: Array<{ path: string; bytes: number; hash: string }> };
    expect(distributions.length).toBe(descriptor.resources.length - 2);
    for (const distribution of distributions) {
      const url = (distribution['dcat:downloadURL'] as { '@id': string })['@id'];
      const path = url.replace('https://example.org/open-data/france-cyber-security/', '');
      const resource = descriptor.resources.find((r) => r.path === path)!;
      expect(resource, path).toBeDefined();
      expect(distribution['dcat:byteSize']).toBe(String(resource.bytes));
      expect(`sha256:${(distribution['spdx:checksum'] as { 'spdx:checksumValue': string })['spdx:checksumValue']}`).toBe(resource.hash);
    }
  });

  it('carries the rights as printed and claims no open licence', () => {
    const distribution = catalog['@graph'].find((n) => n['@type'] === 'dcat:Distribution')!;
    expect(distribution['dct:license']).toEqual({ '@type': 'dct:LicenseDocument', 'rdfs:label': 'LicenseRef-All-Rights-Reserved: All rights reserved - French Ministry of Foreign Affairs and International Development - 2015' });
    expect(outputs.get('catalog.jsonld')).not.toMatch(/creativecommons|spdx\.org\/licenses|opendatacommons/);
  });
});

describe('schema-org.jsonld', () => {
  it('is a schema.org Dataset with a DataDownload per file, as dataset search reads it', async () => {
    const document = JSON.parse(outputs.get('schema-org.jsonld')!) as Record<string, unknown> & { distribution: Array<Record<string, string>> };
    expect(document).toMatchObject({ '@type': 'Dataset', name: 'France and cyber security (2013)', version: '1.0.0', temporalCoverage: '2008/2013-10' });
    expect((document['description'] as string).length).toBeGreaterThanOrEqual(50);
    expect(document['license']).toBeUndefined();
    expect(document['copyrightNotice']).toBe('All rights reserved - French Ministry of Foreign Affairs and International Development - 2015');
    const csv = document.distribution.find((d) => d['contentUrl']!.endsWith('csv/events.csv'))!;
    expect(csv).toMatchObject({ '@type': 'DataDownload', encodingFormat: 'text/csv' });
    const quads = await toQuads(document);
    expect(quads.some((q) => q.predicate.value === 'https://schema.org/distribution')).toBe(true);
  });
});
