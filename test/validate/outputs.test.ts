import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { verifyOutputs } from '../../pipeline/validate/index.js';
import { compileProfile, descriptorProfile, profileDirectory } from '../../pipeline/validate/lib/profile.js';
import { sharedAvailable, sharedFolder, sourceFolder } from '../helpers.js';

interface Descriptor {
  $schema?: unknown;
  resources: Array<{ name?: string; path?: string; type?: string; bytes: number; hash: string; schema?: { fields: Array<{ type: string }> } }>;
}

let outputs: Map<string, string>;
beforeAll(async () => {
  outputs = (await build({ source: sourceFolder })).outputs!;
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Any attempt to reach the network, by fetch or by Node's HTTP clients, is recorded and fails. */
function forbidNetwork() {
  const refuse = (): never => {
    throw new Error('the network was used');
  };
  const fetch = vi.fn(refuse);
  vi.stubGlobal('fetch', fetch);
  const requests = [vi.spyOn(http, 'request').mockImplementation(refuse), vi.spyOn(http, 'get').mockImplementation(refuse), vi.spyOn(https, 'request').mockImplementation(refuse), vi.spyOn(https, 'get').mockImplementation(refuse)];
  return { calls: () => fetch.mock.calls.length + requests.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
}

/** A copy of the outputs with one file changed. */
function tamper(path: string, change: (text: string) => string): Map<string, string> {
  const copy = new Map(outputs);
  copy.set(path, change(copy.get(path)!));
  return copy;
}

/** A copy with one JSON file changed, the descriptor's sizes and hashes kept right so that only the problem under test remains. */
function tamperJson(path: string, change: (document: Record<string, unknown>) => void): Map<string, string> {
  const files = tamper(path, (text) => {
    const document = JSON.parse(text) as Record<string, unknown>;
    change(document);
    return JSON.stringify(document, null, 2);
  });
  return path === 'datapackage.json' ? files : reDescribe(files);
}

function reDescribe(files: Map<string, string>): Map<string, string> {
  const descriptor = JSON.parse(files.get('datapackage.json')!) as Descriptor;
  for (const resource of descriptor.resources) {
    const buffer = Buffer.from(files.get(resource.path!)!, 'utf8');
    resource.bytes = buffer.byteLength;
    resource.hash = `sha256:${createHash('sha256').update(buffer).digest('hex')}`;
  }
  files.set('datapackage.json', JSON.stringify(descriptor, null, 2));
  return files;
}

describe('verifyOutputs', () => {
  it('finds nothing wrong with the dataset as built, without touching the network', async () => {
    const network = forbidNetwork();
    expect(await verifyOutputs(outputs)).toEqual([]);
    expect(network.calls()).toBe(0);
  });

  it('checks every .jsonld file among the outputs, found by extension', () => {
    // Guards the tests below: the files they corrupt are among the outputs.
    expect([...outputs.keys()].filter((path) => path.endsWith('.jsonld')).sort()).toEqual(['catalog.jsonld', 'dataset.jsonld', 'schema-org.jsonld']);
  });
});

describe('verifyOutputs catches, in JSON-LD', () => {
  it('a property that maps to no IRI, which jsonld would otherwise drop', async () => {
    const files = tamperJson('dataset.jsonld', (document) => {
      (document['@context'] as Record<string, unknown>)['draftNote'] = null;
      (document['@graph'] as Array<Record<string, unknown>>)[0]!['draftNote'] = 'to check';
    });
    expect(await verifyOutputs(files)).toEqual([
      { path: 'dataset.jsonld', message: 'JSON-LD is not valid in safe mode: Dropping property that did not expand into an absolute IRI or keyword (property "draftNote", expandedProperty null)' },
    ]);
  });

  it('a bad node far into a large graph, which is converted in parts', async () => {
    const files = tamperJson('dataset.jsonld', (document) => {
      const graph = document['@graph'] as Array<Record<string, unknown>>;
      const padding = Array.from({ length: 2500 }, (_, i) => ({ '@id': `https://example.org/padding/${i}`, name: `Padding ${i}` }));
      graph.push(...padding, { '@id': 'relative/id/of/node/3000', name: 'Bad' });
    });
    const problems = await verifyOutputs(files);
    expect(problems.filter((p) => p.path === 'dataset.jsonld')).toEqual([{ path: 'dataset.jsonld', message: expect.stringMatching(/^JSON-LD is not valid in safe mode: .*relative/i) }]);
  });

  it('a property in a file without @vocab that no term defines', async () => {
    const files = tamperJson('catalog.jsonld', (document) => {
      (document['@graph'] as Array<Record<string, unknown>>)[0]!['byteSize'] = 12;
    });
    expect(await verifyOutputs(files)).toEqual([
      { path: 'catalog.jsonld', message: 'JSON-LD is not valid in safe mode: Dropping property that did not expand into an absolute IRI or keyword (property "byteSize", expandedProperty "byteSize")' },
    ]);
  });

  it('a relative @id', async () => {
    const files = tamperJson('schema-org.jsonld', (document) => {
      document['@id'] = 'dataset';
    });
    expect(await verifyOutputs(files)).toEqual([{ path: 'schema-org.jsonld', message: 'JSON-LD is not valid in safe mode: Relative @id reference found (id "dataset", expandedId "dataset")' }]);
  });

  it.each([
    ['schema-org.jsonld', (context: unknown) => 'https://schema.org/', 'https://schema.org/'],
    ['dataset.jsonld', (context: unknown) => [context, 'https://example.org/more-terms.jsonld'], 'https://example.org/more-terms.jsonld'],
  ])('a remote @context in %s, refused without any request', async (path, change, url) => {
    const files = tamperJson(path, (document) => {
      document['@context'] = change(document['@context']);
    });
    const network = forbidNetwork();
    expect(await verifyOutputs(files)).toEqual([{ path, message: `JSON-LD does not convert to RDF: remote context ${url} is not allowed` }]);
    expect(network.calls()).toBe(0);
  });
});

describe('verifyOutputs catches a JSON file that does not parse', () => {
  it.each(['quality.json', 'csv-metadata.json', 'catalog.jsonld'])('%s', async (path) => {
    const files = reDescribe(tamper(path, (text) => text.slice(0, text.length / 2)));
    expect(await verifyOutputs(files)).toEqual([{ path, message: expect.stringMatching(/^is not valid JSON: /) }]);
  });

  it('datapackage.json: a problem, not an exception, and no check that needs it', async () => {
    const files = tamper('datapackage.json', (text) => `${text},`);
    expect(await verifyOutputs(files)).toEqual([{ path: 'datapackage.json', message: expect.stringMatching(/^is not valid JSON: /) }]);
  });
});

describe('verifyOutputs tells when the tables are checked', () => {
  it('once, while the conversions of the JSON-LD files still run, so that a caller lets go of what the check held', async () => {
    const told: string[] = [];
    let finish: () => void = () => undefined;
    const converting = new Promise<void>((resolve) => (finish = resolve));
    const checked = verifyOutputs(outputs, {
      convertJsonLd: async () => {
        await converting;
        told.push('converted');
        return [];
      },
      onTablesChecked: () => {
        told.push('tables checked');
        finish();
      },
    });
    expect(await checked).toEqual([]);
    expect(told).toEqual(['tables checked', ...[...outputs.keys()].filter((path) => path.endsWith('.jsonld')).map(() => 'converted')]);
  });
});

describe('verifyOutputs runs the package check', () => {
  it('as verifyPackage does', async () => {
    const files = tamper('csv/places.csv', (text) => text.replace('France', 'Frankreich'));
    expect(await verifyOutputs(files)).toEqual([
      { path: 'csv/places.csv', message: expect.stringMatching(/^has \d+ bytes, the descriptor says \d+$/) },
      { path: 'csv/places.csv', message: expect.stringMatching(/^has hash sha256:/) },
    ]);
  });

  it('and reports a CSV it cannot read as a problem on that file, not an exception', async () => {
    const files = reDescribe(tamper('csv/places.csv', (text) => text.replace(/\r\n(.*?)\r\n/, '\r\n$1,one cell too many\r\n')));
    expect(await verifyOutputs(files)).toEqual([{ path: 'csv/places.csv', message: expect.stringMatching(/^is not valid CSV: Invalid Record Length/) }]);
  });

  it('reads a quote that is never closed as a CSV it cannot read', async () => {
    const files = reDescribe(tamper('csv/places.csv', (text) => text.replace(/\r\n([^\r\n]*?),/, '\r\n$1,"never closed,')));
    expect(await verifyOutputs(files)).toEqual([{ path: 'csv/places.csv', message: expect.stringMatching(/^is not valid CSV: /) }]);
  });

  it('reads an empty line between rows as a record too short, but not the line end that closes the file', async () => {
    expect(await verifyOutputs(reDescribe(tamper('csv/places.csv', (text) => text.replace('\r\n', '\r\n\r\n'))))).toEqual([
      { path: 'csv/places.csv', message: expect.stringMatching(/^is not valid CSV: Invalid Record Length: row 2 has 1 fields/) },
    ]);
    expect(await verifyOutputs(reDescribe(tamper('csv/places.csv', (text) => text)))).toEqual([]);
  });
});

describe('verifyOutputs checks datapackage.json against the Data Package v2 profile', () => {
  const profileProblem = (message: string) => ({ path: 'datapackage.json', message: `does not follow the Data Package v2 profile: ${message}` });

  it('a resource without path or data', async () => {
    const files = tamperJson('datapackage.json', (document) => {
      delete (document as unknown as Descriptor).resources[1]!.path;
    });
    expect(await verifyOutputs(files)).toContainEqual(profileProblem('`resources.1` lacks `data` or `path`'));
  });

  it('a resource without name, path or data', async () => {
    const files = tamperJson('datapackage.json', (document) => {
      const resource = (document as unknown as Descriptor).resources[1]!;
      delete resource.name;
      delete resource.path;
    });
    expect(await verifyOutputs(files)).toContainEqual(profileProblem('`resources.1` lacks `name`, and `data` or `path`'));
  });

  it('a field of a type Table Schema does not have', async () => {
    let at = '';
    const files = tamperJson('datapackage.json', (document) => {
      const resources = (document as unknown as Descriptor).resources;
      const index = resources.findIndex((resource) => resource.type === 'table');
      resources[index]!.schema!.fields[0]!.type = 'text';
      at = `resources.${index}.schema.fields.0.type`;
    });
    // One sentence for the fifteen branches of the field's oneOf, not fifteen.
    expect(await verifyOutputs(files)).toEqual([
      profileProblem(`\`${at}\` must be one of "string", "number", "integer", "date", "time", "datetime", "year", "yearmonth", "boolean", "object", "geopoint", "geojson", "array", "duration", "any"`),
    ]);
  });

  it('no resources at all: the profile says so, and the package check, which needs them, does not run', async () => {
    const files = tamperJson('datapackage.json', (document) => {
      delete document['resources'];
    });
    expect(await verifyOutputs(files)).toEqual([profileProblem('the descriptor lacks `resources`')]);
  });

  it.each([
    ['another version', 'https://datapackage.org/profiles/1.0/datapackage.json', `\`$schema\` is https://datapackage.org/profiles/1.0/datapackage.json, not ${descriptorProfile}`],
    ['none', undefined, `\`$schema\` is missing: it must be ${descriptorProfile}`],
  ])('a $schema naming %s', async (_, value, message) => {
    const files = tamperJson('datapackage.json', (document) => {
      if (value === undefined) delete document['$schema'];
      else document['$schema'] = value;
    });
    expect(await verifyOutputs(files)).toEqual([{ path: 'datapackage.json', message }]);
  });

  it('a $schema that is not a string', async () => {
    const files = tamperJson('datapackage.json', (document) => {
      document['$schema'] = 2;
    });
    expect(await verifyOutputs(files)).toEqual([profileProblem('`$schema` must be string')]);
  });

  it("a table schema's $schema of another version", async () => {
    let at = '';
    const files = tamperJson('datapackage.json', (document) => {
      const resources = (document as unknown as Descriptor).resources;
      const index = resources.findIndex((resource) => resource.type === 'table');
      (resources[index]!.schema as unknown as Record<string, unknown>)['$schema'] = 'https://datapackage.org/profiles/1.0/tableschema.json';
      at = `resources.${index}.schema.$schema`;
    });
    expect(await verifyOutputs(files)).toEqual([
      { path: 'datapackage.json', message: `\`${at}\` is https://datapackage.org/profiles/1.0/tableschema.json, not https://datapackage.org/profiles/2.0/tableschema.json` },
    ]);
  });
});

describe('the profile check never fetches a schema', () => {
  const draft07 = 'http://json-schema.org/draft-07/schema#';
  const url = 'https://example.org/profile.json';

  it('fails at compilation on a $ref to a schema that is not vendored', () => {
    const network = forbidNetwork();
    const profiles = new Map([[url, { $schema: draft07, type: 'object', properties: { resources: { $ref: 'https://example.org/resource.json' } } }]]);
    expect(() => compileProfile(profiles, url)).toThrow(/cannot be compiled from the vendored profiles .*and none is fetched: can't resolve reference https:\/\/example\.org\/resource\.json/);
    expect(network.calls()).toBe(0);
  });

  it('fails at compilation on a meta-schema it does not carry', () => {
    const profiles = new Map([[url, { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }]]);
    expect(() => compileProfile(profiles, url)).toThrow(/no schema with key or ref "https:\/\/json-schema\.org\/draft\/2020-12\/schema"/);
  });

  it('fails at compilation on a keyword it does not know, rather than skip a constraint', () => {
    const profiles = new Map([[url, { $schema: draft07, type: 'object', mustBeOpen: true }]]);
    expect(() => compileProfile(profiles, url)).toThrow(/unknown keyword: "mustBeOpen"/);
  });

  it('resolves a $ref between vendored profiles by their official URLs', () => {
    const profiles = new Map<string, object>([
      [url, { $schema: draft07, type: 'object', properties: { resource: { $ref: 'https://example.org/resource.json' } } }],
      ['https://example.org/resource.json', { $schema: draft07, type: 'object', required: ['name'] }],
    ]);
    const validate = compileProfile(profiles, url);
    expect(validate({ resource: { name: 'a' } })).toBe(true);
    expect(validate({ resource: {} })).toBe(false);
  });
});

describe.runIf(sharedAvailable())('the vendored Data Package v2 profiles', () => {
  const vendored = fileURLToPath(profileDirectory);
  const shared = join(sharedFolder, 'standards/datapackage-2.0');
  const names = readdirSync(vendored);

  it('include the profile of datapackage.json', () => {
    expect(names).toContain('datapackage.json');
    expect(names.every((name) => readdirSync(shared).includes(name))).toBe(true);
  });

  it.each(names)('%s is byte for byte the official file in ../shared/standards/', (name) => {
    expect(readFileSync(join(vendored, name)).equals(readFileSync(join(shared, name)))).toBe(true);
  });
});
