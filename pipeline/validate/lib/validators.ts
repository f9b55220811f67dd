import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemaDirectory, schemaFiles, type SchemaFile } from '../../model/lib/schema-files.js';
import { customFormats } from './formats.js';
import { tables } from '../../model/lib/dataset.js';

let ajv: Ajv2020 | undefined;

/** One strict ajv instance with every schema of schemas/, compiled once per process. */
function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: true, allErrors: true, loadSchema: undefined });
  addFormats.default(ajv, ['uri', 'date']);
  for (const [name, check] of Object.entries(customFormats)) ajv.addFormat(name, { type: 'string', validate: check });
  // An annotation, not a check: the table a property's ids point into, read by the emitters to declare
  // foreign keys. Its values are checked here so a typo in a schema fails at once.
  ajv.addKeyword({ keyword: 'references', metaSchema: { type: 'string', enum: tables.map((table) => table.name) } });
  // The columns that identify a record of a table, when they are not `id` alone.
  ajv.addKeyword({ keyword: 'primaryKey', metaSchema: { type: 'array', items: { type: 'string' }, minItems: 1 } });
  for (const file of schemaFiles) {
    ajv.addSchema(JSON.parse(readFileSync(new URL(file, schemaDirectory), 'utf8')) as object);
  }
  return ajv;
}

/** The compiled validator of one schema file. */
export function validatorFor(file: SchemaFile): ValidateFunction {
  const validate = instance().getSchema(file);
  if (!validate) throw new Error(`schema ${file} is not loaded`);
  return validate;
}

/** Turns an ajv error into a sentence a publisher can act on. */
export function describeError(error: ErrorObject, subject: string): string {
  const at = error.instancePath === '' ? subject : `\`${error.instancePath.slice(1).replaceAll('/', '.')}\` of ${subject}`;
  switch (error.keyword) {
    case 'required':
      return `${subject} lacks required field \`${String(error.params['missingProperty'])}\``;
    case 'additionalProperties':
      return `${subject} has unknown field \`${String(error.params['additionalProperty'])}\`: remove it or check its spelling`;
    case 'format':
      return `${at} is not a valid ${formatNames[String(error.params['format'])] ?? String(error.params['format'])}`;
    case 'type':
      return `${at} must be of type ${String(error.params['type'])}`;
    case 'enum':
      return `${at} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`;
    default:
      return `${at} ${error.message ?? 'is invalid'}`;
  }
}

const formatNames: Record<string, string> = {
  'reduced-date': 'ISO 8601 date (2013, 2013-01 or 2013-01-15)',
  'reduced-date-or-interval': 'ISO 8601 date or interval (2012-08/2013-06)',
  bcp47: 'BCP 47 language tag (en, fr, en-GB)',
  'spdx-license': 'SPDX licence identifier (CC-BY-4.0) or LicenseRef-… (LicenseRef-All-Rights-Reserved)',
  uri: 'absolute URI',
};
