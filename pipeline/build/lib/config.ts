import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { DatasetConfig } from '../../model/types.js';
import { readYaml } from '../../validate/index.js';
import { datasetConfigFile } from './options.js';

/** Reads the optional dataset.yml of a source folder; its absence is no error. */
export async function readDatasetConfig(source: string): Promise<{ config: DatasetConfig | undefined; file: VFile | undefined }> {
  const path = join(source, datasetConfigFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, file: undefined };
    throw error;
  }
  const file = new VFile({ path, value: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') });
  const config = readYaml<DatasetConfig>(file, String(file.value), 0, 'dataset-config.schema.json', datasetConfigFile, 'dataset-config');
  return { config, file };
}
