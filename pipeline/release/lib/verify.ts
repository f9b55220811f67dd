import { createHash, getHashes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReleaseError, summarise } from './errors.js';
import { isSafeRelativePath, listFiles, sha256 } from './files.js';
import { checksumsPath, readPackage, type DataPackage } from './package.js';

/** One `<hex>  <path>` line of a SHA256SUMS file (`<hex> *<path>` is binary mode, the same for SHA-256). */
const checksumLine = /^([0-9a-f]{64}) [ *](.+)$/;

/**
 * Reads a file in the format `sha256sum` writes and `sha256sum -c` checks. Problems (a malformed line,
 * a path listed twice or leaving the folder) are returned, not thrown.
 */
export function parseChecksums(text: string): { sums: Map<string, string>; problems: string[] } {
  const sums = new Map<string, string>();
  const problems: string[] = [];
  const lines = text.split('\n');
  // The file ends with a line feed: the empty string after it is no line.
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const match = checksumLine.exec(line);
    if (!match) {
      problems.push(`line ${index + 1} of ${checksumsPath} is not "<sha256>  <path>"`);
      return;
    }
    const [, hex = '', path = ''] = match;
    if (!isSafeRelativePath(path)) problems.push(`${checksumsPath} lists ${JSON.stringify(path)}, a path outside the folder`);
    else if (sums.has(path)) problems.push(`${checksumsPath} lists ${path} twice`);
    else sums.set(path, hex);
  });
  return { sums, problems };
}

/**
 * Everything that makes a built dataset folder unfit for release: SHA256SUMS must list every other
 * file, each with its hash, and nothing else; datapackage.json must be readable and give the right size
 * and hash of every local resource it lists. An empty list means the folder is consistent.
 */
export function checkDataset(folder: string): string[] {
  const checksumsFile = join(folder, checksumsPath);
  if (!existsSync(checksumsFile)) return [`there is no ${checksumsPath}`];
  const { sums, problems } = parseChecksums(readFileSync(checksumsFile, 'utf8'));
  const present = new Set(listFiles(folder).filter((path) => path !== checksumsPath));
  const hashes = new Map<string, string>();
  const hashOf = (path: string): string => {
    let hex = hashes.get(path);
    if (hex === undefined) hashes.set(path, (hex = sha256(readFileSync(join(folder, path)))));
    return hex;
  };
  for (const [path, expected] of sums) {
    if (path === checksumsPath) problems.push(`${checksumsPath} lists itself`);
    else if (!present.has(path)) problems.push(`${path} is listed in ${checksumsPath} but missing`);
    else if (hashOf(path) !== expected) problems.push(`${path} does not match its hash in ${checksumsPath}`);
  }
  for (const path of present) {
    if (!sums.has(path)) problems.push(`${path} is not listed in ${checksumsPath}`);
  }
  if (problems.length > 0) return problems;
  // SHA256SUMS holds: the descriptor's own sizes and hashes must agree with the files too.
  let descriptor: DataPackage;
  try {
    descriptor = readPackage(folder, 'the folder');
  } catch (error) {
    return [(error as Error).message];
  }
  for (const resource of descriptor.resources) {
    if (resource.path === undefined) continue;
    if (!present.has(resource.path)) {
      problems.push(`resource ${resource.name}: ${resource.path} is missing`);
      continue;
    }
    const bytes = readFileSync(join(folder, resource.path));
    if (resource.bytes !== undefined && resource.bytes !== bytes.byteLength) {
      problems.push(`resource ${resource.name}: datapackage.json gives ${resource.bytes} bytes, ${resource.path} has ${bytes.byteLength}`);
    }
    if (resource.hash !== undefined) {
      const problem = hashProblem(resource.hash, bytes);
      if (problem) problems.push(`resource ${resource.name}: ${resource.path} ${problem}`);
    }
  }
  return problems;
}

/** Why bytes do not match a Data Package hash (`sha256:<hex>`, or a bare MD5 as in v1); undefined when they do. */
function hashProblem(hash: string, bytes: Uint8Array): string | undefined {
  const match = /^(?:([a-z0-9-]+):)?([0-9a-fA-F]+)$/.exec(hash);
  const algorithm = match?.[1] ?? 'md5';
  if (!match || !getHashes().includes(algorithm)) return `has a hash datapackage.json gives in a form this release cannot check (${JSON.stringify(hash)})`;
  const actual = createHash(algorithm).update(bytes).digest('hex');
  return actual === match[2]?.toLowerCase() ? undefined : `does not match its hash in datapackage.json`;
}

/**
 * Refuses a folder that is stale or inconsistent (see checkDataset), with a one-line message; returns
 * its files, sorted, SHA256SUMS included.
 */
export function verifyDataset(folder: string, label: string): string[] {
  if (!existsSync(folder)) throw new ReleaseError(`${label} does not exist: build the dataset first (npm run build)`);
  const problems = checkDataset(folder);
  if (problems.length > 0) {
    throw new ReleaseError(`${label} is stale or inconsistent and cannot be released: ${summarise(problems)} (rebuild it with npm run build)`);
  }
  return listFiles(folder);
}
