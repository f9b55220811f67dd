import type { Dataset } from '../../model/lib/dataset.js';
import { emitCsv } from './csv/tables.js';
import { emitJsonLd } from './jsonld/graph.js';
import { emitMarkdown } from './markdown/emit.js';
import { checkOptions, type EmitOptions } from './options.js';
import { emitCatalog } from './package/dcat.js';
import { emitChecksums } from './package/checksums.js';
import { emitCsvw } from './package/csvw.js';
import { emitDataPackage } from './package/datapackage.js';
import { catalogDescription, csvwDescription, describeDataFiles, schemaOrgDescription, type FileDescription } from './package/resources.js';
import { emitSchemaOrg } from './package/schema-org.js';
import { emitQuality, type QualityInput } from './quality/quality.js';

/**
 * Every file of the dataset: relative POSIX path → UTF-8 text. Pure: the same dataset and options give
 * the same bytes (no clock, no locale), and nothing is written; the build stage writes the files.
 *
 * Metadata follows what it describes, so each file can give the sizes and hashes of those before it:
 * data, then CSVW, then the DCAT and schema.org records, then datapackage.json, then SHA256SUMS of all.
 */
export async function emitDataset(dataset: Dataset, options: EmitOptions, quality: QualityInput = { candidates: [] }): Promise<Map<string, string>> {
  checkOptions(options);
  const files = new Map([...emitJsonLd(dataset, options), ...emitCsv(dataset, options), ...emitMarkdown(dataset, options), ...emitQuality(dataset, quality), ...emitCsvw(options)]);
  const described = (descriptions: readonly FileDescription[]) =>
    descriptions.map((description) => ({ description, contents: files.get(description.path)! }));
  const dataFiles = [...describeDataFiles(), csvwDescription];
  for (const [path, contents] of [...emitCatalog(dataset, options, described(dataFiles)), ...emitSchemaOrg(dataset, options, described(dataFiles))]) files.set(path, contents);
  for (const [path, contents] of emitDataPackage(dataset, options, described([...dataFiles, catalogDescription, schemaOrgDescription]))) files.set(path, contents);
  for (const [path, contents] of emitChecksums(files)) files.set(path, contents);
  return files;
}
