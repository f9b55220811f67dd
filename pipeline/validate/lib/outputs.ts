import { verifyPackage, type PackageProblem } from './package.js';
import { verifyDescriptorProfile } from './profile.js';
import { verifyJsonLd } from './rdf.js';

const descriptorPath = 'datapackage.json';

/** Every check of the emitted files: the package (verifyPackage), JSON-LD to RDF in safe mode, the descriptor against its profile. */
export async function verifyOutputs(files: ReadonlyMap<string, string>): Promise<PackageProblem[]> {
  const problems: PackageProblem[] = [];
  // Every JSON file must parse: a consumer's first step, and the one the other checks rely on.
  // A JSON-LD document is parsed when its turn comes and dropped after: a dataset's graph, parsed and
  // expanded, is many times its size, and keeping every one at once would multiply the peak memory.
  const documents = new Map<string, unknown>();
  for (const [path, text] of files) {
    if (!path.endsWith('.json')) continue;
    const document = parseJson(path, text, problems);
    if (document !== undefined) documents.set(path, document);
  }

  // verifyPackage trusts the descriptor: it runs only on one with no problem of its own (a broken one
  // would only give it misleading consequences to report, or make it throw), and a file it cannot
  // read (a CSV row of the wrong length, say) is one more problem, not a crash.
  const descriptor = documents.get(descriptorPath);
  const profileProblems = descriptor === undefined ? [] : verifyDescriptorProfile(descriptor, descriptorPath);
  problems.push(...profileProblems);
  if (profileProblems.length === 0 && (descriptor !== undefined || !files.has(descriptorPath))) {
    try {
      problems.push(...verifyPackage(files, descriptorPath));
    } catch (error) {
      problems.push({ path: descriptorPath, message: `the package check stopped: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  // One at a time: the conversions are CPU-bound, so running them together would gain nothing.
  for (const [path, text] of files) {
    if (!path.endsWith('.jsonld')) continue;
    const document = parseJson(path, text, problems);
    if (document !== undefined) problems.push(...(await verifyJsonLd(path, document)));
  }
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
