import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../../pipeline/model/lib/generate.js';
import { schemaDirectory, schemaFiles } from '../../pipeline/model/index.js';

describe('the model types', () => {
  it('are what the JSON Schemas give (run `npm run types` after changing a schema)', async () => {
    const committed = readFileSync(new URL('../../pipeline/model/types.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await generateTypes());
  });

  it('describe every property of every schema', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      for (const [name, property] of Object.entries((schema['properties'] as Record<string, unknown>) ?? {})) {
        if (typeof (property as Record<string, unknown>)['description'] !== 'string') undocumented.push(`${path}.${name}`);
        walk(property, `${path}.${name}`);
      }
      for (const [name, definition] of Object.entries((schema['$defs'] as Record<string, unknown>) ?? {})) walk(definition, `${path}#${name}`);
    };
    for (const file of schemaFiles) {
      const schema = JSON.parse(readFileSync(new URL(file, schemaDirectory), 'utf8')) as Record<string, unknown>;
      expect(schema['$schema'], file).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(typeof schema['description'], file).toBe('string');
      walk(schema, file);
    }
    expect(undocumented).toEqual([]);
  });
});
