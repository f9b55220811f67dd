import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { fileWithError, hasErrors, pointAt, reportError } from '../../model/lib/diagnostics.js';
import { readPage } from '../../parse/index.js';
import type { Curation, DatasetConfig } from '../../model/types.js';
import { readYaml } from '../../validate/index.js';
import type { SchemaFile } from '../../model/lib/schema-files.js';
import { tooLarge } from './limits.js';
import { curationFile, datasetConfigFile, type Limits } from './options.js';
import { displayPath } from './sources.js';

interface Read<T> {
  config: T | undefined;
  file: VFile | undefined;
}

/**
 * Reads the optional dataset.yml of a source folder; its absence is no error. Its evaluation folder may
 * lie beside the source folder but not outside the folder that holds it, nor be an absolute path.
 */
export async function readDatasetConfig(source: string, limits: Pick<Limits, 'maxFileSize'>): Promise<Read<DatasetConfig>> {
  const read = await readOptionalYaml<DatasetConfig>(source, datasetConfigFile, 'dataset-config.schema.json', 'dataset-config', limits);
  const evaluation = read.config?.evaluation;
  if (evaluation !== undefined && read.file) {
    const project = dirname(resolve(source));
    const folder = resolve(source, evaluation);
    if (isAbsolute(evaluation) || (folder !== project && !folder.startsWith(project + sep))) {
      reportError(
        read.file,
        `\`evaluation\` leads out of the project (${evaluation}): give a folder relative to the source folder, inside the folder that holds it`,
        pointAt(read.file, String(read.file.value).search(/^evaluation\s*:/m)),
        'dataset-config-evaluation',
      );
      return { config: undefined, file: read.file };
    }
  }
  return read;
}

/** Reads the optional curation.yml of a source folder; its absence is no error. */
export async function readCuration(source: string, limits: Pick<Limits, 'maxFileSize'>): Promise<Read<Curation>> {
  return readOptionalYaml<Curation>(source, curationFile, 'curation.schema.json', 'curation', limits);
}

async function readOptionalYaml<T>(source: string, name: string, schema: SchemaFile, rulePrefix: string, limits: Pick<Limits, 'maxFileSize'>): Promise<Read<T>> {
  const path = join(source, name);
  const shown = displayPath(path);
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > limits.maxFileSize) return { config: undefined, file: tooLarge(shown, size, limits) };
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} as T, file: undefined };
    return { config: undefined, file: fileWithError(shown, `Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, `${rulePrefix}-read`) };
  }
  // Read as a page is: UTF-8 only, without a byte order mark, LF line ends, no control characters.
  const file = readPage(shown, bytes);
  if (hasErrors([file])) return { config: undefined, file };
  const config = readYaml<T>(file, String(file.value), 0, schema, name, rulePrefix);
  return { config, file };
}
