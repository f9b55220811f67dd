import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { ReleaseError } from './errors.js';
import { isSafeRelativePath } from './files.js';

/** The descriptor every built dataset folder has at its root. */
export const descriptorPath = 'datapackage.json';
/** The checksums of every other file of the folder, in `sha256sum` format. */
export const checksumsPath = 'SHA256SUMS';

/** A Table Schema field, as far as a release compares it. */
export interface Field {
  name: string;
  /** The Table Schema type; `any` when the field gives none. */
  type: string;
}

export interface TableSchema {
  fields: Field[];
  /** Field names, in order; empty when the table has no primary key. */
  primaryKey: string[];
}

/** A resource of the package: a table when it has a Table Schema. */
export interface Resource {
  name: string;
  /** Path relative to the package folder, '/'-separated; undefined for inline data or a remote URL. */
  path?: string;
  /** A remote URL, for a resource published elsewhere (not checked, not compared). */
  url?: string;
  bytes?: number;
  /** `sha256:<hex>`, `md5:<hex>`…, or a bare hex MD5 (Data Package v1). */
  hash?: string;
  schema?: TableSchema;
}

export interface DataPackage {
  name: string;
  version: string;
  title?: string;
  /** RFC 3339 date-time, when the descriptor gives one. */
  created?: string;
  resources: Resource[];
}

type Json = Record<string, unknown>;

/** A SemVer 2.0.0 version as written, without the `v` prefix or spaces that `semver` tolerates. */
export function isSemVer(version: string): boolean {
  const parsed = semver.parse(version);
  if (parsed === null) return false;
  const build = parsed.build.length > 0 ? `+${parsed.build.join('.')}` : '';
  return `${parsed.version}${build}` === version;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads and checks `datapackage.json` in a dataset folder. `label` names the folder in messages
 * ("dist/", "the previous release v1.0.0"). Throws a ReleaseError on anything a release cannot use.
 */
export function readPackage(folder: string, label: string): DataPackage {
  const file = join(folder, descriptorPath);
  if (!existsSync(file)) throw new ReleaseError(`${label} has no ${descriptorPath}`);
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReleaseError(`${label}: ${descriptorPath} is not valid JSON (${(error as Error).message})`);
  }
  const fail = (message: string): never => {
    throw new ReleaseError(`${label}: ${descriptorPath} ${message}`);
  };
  if (!isObject(descriptor)) return fail('is not a JSON object');
  const { name, version, title, created, resources } = descriptor;
  // Frictionless names are lowercase alphanumerics with . - _; the name also becomes a file name.
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    return fail(`has no valid "name" (lowercase letters, digits, ".", "-", "_"), got ${JSON.stringify(name)}`);
  }
  if (typeof version !== 'string' || !isSemVer(version)) {
    return fail(`has no SemVer "version" (1.0.0), got ${JSON.stringify(version)}`);
  }
  if (!Array.isArray(resources)) return fail('has no "resources" list');
  const seen = new Set<string>();
  const parsed = resources.map((resource, index): Resource => {
    if (!isObject(resource) || typeof resource['name'] !== 'string' || resource['name'] === '') {
      return fail(`resource ${index + 1} has no "name"`);
    }
    const resourceName = resource['name'];
    if (seen.has(resourceName)) fail(`has two resources named ${JSON.stringify(resourceName)}`);
    seen.add(resourceName);
    return readResource(folder, resource, resourceName, fail);
  });
  return {
    name,
    version,
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof created === 'string' ? { created } : {}),
    resources: parsed,
  };
}

function readResource(folder: string, resource: Json, name: string, fail: (message: string) => never): Resource {
  const where = `resource ${JSON.stringify(name)}`;
  const { path, bytes, hash } = resource;
  const result: Resource = { name };
  if (Array.isArray(path)) fail(`${where}: a path split into several files is not supported`);
  if (typeof path === 'string') {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) result.url = path;
    else if (isSafeRelativePath(path)) result.path = path;
    else fail(`${where}: path ${JSON.stringify(path)} must stay inside the package folder`);
  }
  if (typeof bytes === 'number') result.bytes = bytes;
  if (typeof hash === 'string') result.hash = hash;
  const isTable = resource['type'] === 'table' || resource['schema'] !== undefined;
  if (isTable) {
    if (result.path === undefined) fail(`${where} is a table but has no local path`);
    result.schema = readSchema(folder, resource['schema'], where, fail);
  }
  return result;
}

/** A Table Schema, inline or in a file of the package (Data Package v2 allows both). */
function readSchema(folder: string, schema: unknown, where: string, fail: (message: string) => never): TableSchema {
  if (typeof schema === 'string') {
    if (!isSafeRelativePath(schema)) return fail(`${where}: schema ${JSON.stringify(schema)} must be a file inside the package folder`);
    try {
      schema = JSON.parse(readFileSync(join(folder, schema), 'utf8'));
    } catch (error) {
      return fail(`${where}: cannot read its schema ${schema} (${(error as Error).message})`);
    }
  }
  if (!isObject(schema) || !Array.isArray(schema['fields'])) return fail(`${where} has no Table Schema with "fields"`);
  const names = new Set<string>();
  const fields = schema['fields'].map((field, index): Field => {
    if (!isObject(field) || typeof field['name'] !== 'string') return fail(`${where}: field ${index + 1} has no "name"`);
    if (names.has(field['name'])) fail(`${where}: two fields are named ${JSON.stringify(field['name'])}`);
    names.add(field['name']);
    return { name: field['name'], type: typeof field['type'] === 'string' ? field['type'] : 'any' };
  });
  const key = schema['primaryKey'];
  const primaryKey = key === undefined ? [] : typeof key === 'string' ? [key] : Array.isArray(key) && key.every((k) => typeof k === 'string') ? (key as string[]) : fail(`${where}: "primaryKey" must be a field name or a list of them`);
  for (const field of primaryKey) {
    if (!names.has(field)) fail(`${where}: primary key field ${JSON.stringify(field)} is not one of its fields`);
  }
  return { fields, primaryKey };
}
