export type * from './types.js';
export { tables, type Dataset, type TableName } from './lib/dataset.js';
export { hasErrors, messageSource, reportError, reportWarning } from './lib/diagnostics.js';
export { slug, uniqueIds } from './lib/ids.js';
export { schemaDirectory, schemaFiles, recordSchemaFiles, type SchemaFile } from './lib/schema-files.js';
export { CodePoints, ownCopy, sliceCodePoints, toCodePointOffset, toUtf16Index } from './lib/text.js';
export { keyOf, primaryKeyOf } from './lib/keys.js';
