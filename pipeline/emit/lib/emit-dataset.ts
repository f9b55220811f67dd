import type { Dataset } from '../../model/lib/dataset.js';
import { csvFiles } from './csv/tables.js';
import { jsonLdFile } from './jsonld/graph.js';
import { markdownFiles } from './markdown/emit.js';
import { checkOptions, type EmitOptions } from './options.js';
import { emitCatalog } from './package/dcat.js';
import { emitChecksums } from './package/checksums.js';
import { emitCsvw } from './package/csvw.js';
import { emitDataPackage } from './package/datapackage.js';
import { catalogDescription, csvwDescription, describeDataFiles, schemaOrgDescription, type FileDescription } from './package/resources.js';
import { emitSchemaOrg } from './package/schema-org.js';
import { emitQuality, type QualityInput } from './quality/quality.js';
import { MemorySink, type EmittedFile, type FileSink, type Fingerprint } from './sink.js';

/**
 * Writes every file of the dataset to `sink`, in order, and returns what was written: relative POSIX
 * path → size and SHA-256. Pure: the same dataset and options give the same bytes (no clock, no
 * locale). Data files go a piece at a time, so none is ever held whole.
 *
 * Metadata follows what it describes, so each file can give the sizes and hashes of those before it:
 * data, then CSVW, then the DCAT and schema.org records, then datapackage.json, then SHA256SUMS of all.
 */
export async function writeDataset(sink: FileSink, dataset: Dataset, options: EmitOptions, quality: QualityInput = { candidates: [] }): Promise<Map<string, Fingerprint>> {
  checkOptions(options);
  const written = new Map<string, Fingerprint>();
  const write = async (files: readonly EmittedFile[]) => {
    for (const { path, pieces } of files) written.set(path, await sink.write(path, pieces()));
  };
  const whole = (files: ReadonlyMap<string, string>): EmittedFile[] => [...files].map(([path, contents]) => ({ path, pieces: () => [contents] }));
  await write([jsonLdFile(dataset, options), ...csvFiles(dataset, options), ...markdownFiles(dataset, options), ...whole(emitQuality(dataset, quality)), ...whole(emitCsvw(options))]);
  const described = (descriptions: readonly FileDescription[]) =>
    descriptions.map((description) => ({ description, fingerprint: written.get(description.path)! }));
  const dataFiles = [...describeDataFiles(), csvwDescription];
  await write(whole(new Map([...emitCatalog(dataset, options, described(dataFiles)), ...emitSchemaOrg(dataset, options, described(dataFiles))])));
  await write(whole(emitDataPackage(dataset, options, described([...dataFiles, catalogDescription, schemaOrgDescription]))));
  await write(whole(emitChecksums(written)));
  return written;
}

/** Every file of the dataset (see writeDataset): relative POSIX path → UTF-8 text. */
export async function emitDataset(dataset: Dataset, options: EmitOptions, quality: QualityInput = { candidates: [] }): Promise<Map<string, string>> {
  const sink = new MemorySink();
  await writeDataset(sink, dataset, options, quality);
  return sink.files;
}
