import { verifyPackage, type PackageCheckOptions, type PackageProblem } from './package.js';
import { verifyDescriptorProfile } from './profile.js';
import { verifyJsonLdFile } from './rdf.js';
import { memoryReader, type OutputReader } from './reader.js';

const descriptorPath = 'datapackage.json';

/**
 * Every check of the emitted files: the package (verifyPackage), JSON-LD to RDF in safe mode, the
 * descriptor against its profile. `files` are held in memory or read from a folder (see OutputReader);
 * the data files are read as streams, so the check's memory does not grow with their size.
 */
export async function verifyOutputs(
  files: ReadonlyMap<string, string> | OutputReader,
  options: {
    convertJsonLd?: (path: string) => Promise<PackageProblem[]>;
    /** Told once the tables are checked, while conversions of JSON-LD files may still run (see publish). */
    onTablesChecked?: () => void;
  } & PackageCheckOptions = {},
): Promise<PackageProblem[]> {
  const reader = files instanceof Map ? memoryReader(files) : (files as OutputReader);
  // Started first: given a conversion of its own (in another thread), it runs beside the checks below.
  const convert = options.convertJsonLd ?? ((path: string) => verifyJsonLdFile(path, reader));
  // A conversion that fails (its thread died, say) is a problem of its file, reported with the others,
  // never a rejection left unhandled while the other checks run.
  const jsonLdProblems = Promise.all(
    reader.paths
      .filter((path) => path.endsWith('.jsonld'))
      .map((path) => convert(path).catch((error: unknown): PackageProblem[] => [{ path, message: `could not be converted to RDF: ${error instanceof Error ? error.message : String(error)}` }])),
  );
  const problems: PackageProblem[] = [];
  // Every JSON file must parse: a consumer's first step, and the one the other checks rely on. They
  // are the package's metadata, small whatever the corpus.
  let descriptor: unknown;
  for (const path of reader.paths) {
    if (!path.endsWith('.json')) continue;
    const document = parseJson(path, await reader.text(path), problems);
    if (path === descriptorPath) descriptor = document;
  }

  // verifyPackage trusts the descriptor: it runs only on one with no problem of its own (a broken one
  // would only give it misleading consequences to report, or make it throw), and a file it cannot
  // read (a CSV row of the wrong length, say) is one more problem, not a crash.
  const profileProblems = descriptor === undefined ? [] : verifyDescriptorProfile(descriptor, descriptorPath);
  problems.push(...profileProblems);
  if (profileProblems.length === 0 && (descriptor !== undefined || !reader.has(descriptorPath))) {
    try {
      problems.push(...(await verifyPackage(reader, descriptorPath, options)));
    } catch (error) {
      problems.push({ path: descriptorPath, message: `the package check stopped: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  options.onTablesChecked?.();
  problems.push(...(await jsonLdProblems).flat());
  return problems;
}

function parseJson(path: string, text: string, problems: PackageProblem[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push({ path, message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}
