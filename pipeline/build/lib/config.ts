import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Curation, DatasetConfig } from '../../model/types.js';
import { readYaml } from '../../validate/index.js';
import type { SchemaFile } from '../../model/lib/schema-files.js';
import { curationFile, datasetConfigFile } from './options.js';

/** Reads the optional dataset.yml of a source folder; its absence is no error. */
export async function readDatasetConfig(source: string): Promise<{ config: DatasetConfig | undefined; file: VFile | undefined }> {
  return readOptionalYaml<DatasetConfig>(source, datasetConfigFile, 'dataset-config.schema.json', 'dataset-config');
}

/** Reads the optional curation.yml of a source folder; its absence is no error. */
export async function readCuration(source: string): Promise<{ config: Curation | undefined; file: VFile | undefined }> {
  return readOptionalYaml<Curation>(source, curationFile, 'curation.schema.json', 'curation');
}

async function readOptionalYaml<T>(source: string, name: string, schema: SchemaFile, rulePrefix: string): Promise<{ config: T | undefined; file: VFile | undefined }> {
  const path = join(source, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} as T, file: undefined };
    throw error;
  }
  const file = new VFile({ path, value: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') });
  const config = readYaml<T>(file, String(file.value), 0, schema, name, rulePrefix);
  return { config, file };
}
