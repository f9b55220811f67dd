import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { PackageProblem } from './package.js';

/** Where the official profiles are published: each vendored copy is registered under its URL there. */
export const profileBase = 'https://datapackage.org/profiles/2.0/';
/** The profile datapackage.json must declare as its `$schema`, and is checked against. */
export const descriptorProfile = `${profileBase}datapackage.json`;
/** Copies of the official profiles, byte for byte (a test compares them with ../shared/standards/). */
export const profileDirectory = new URL('../data/datapackage-2.0/', import.meta.url);

// Documentation and form hints of the official profiles, not constraints. Declared one by one so that
// an unknown keyword in a newer profile (perhaps a constraint) stops the build instead of being skipped.
const annotations = ['propertyOrder', 'context', 'options', 'item', 'notes'];

/**
 * Compiles the profile `root` from `profiles` (URL → schema) alone. There is no `loadSchema`, so ajv
 * has no way to fetch: a `$ref` or `$schema` that is not among `profiles` (or the draft-07 meta-schema
 * ajv carries) throws here, at the first check, rather than being looked up on the network.
 */
export function compileProfile(profiles: ReadonlyMap<string, object>, root: string): ValidateFunction {
  // The official profiles are draft-07 and not written for ajv's strict typing rules; strictSchema
  // stays on so that unknown keywords and formats fail.
  const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats.default(ajv);
  ajv.addFormat('textarea', true); // a form hint for editors: any string
  for (const keyword of annotations) ajv.addKeyword(keyword);
  try {
    for (const [url, schema] of profiles) ajv.addSchema(schema, url);
    const validate = ajv.getSchema(root);
    if (!validate) throw new Error(`${root} is not among them`);
    return validate;
  } catch (error) {
    throw new Error(
      `The Data Package profile ${root} cannot be compiled from the vendored profiles (${[...profiles.keys()].join(', ')}), and none is fetched: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

let descriptorValidator: ValidateFunction | undefined;

/** The vendored profiles, compiled once per process, when first needed (0.2 to 0.8 s). */
function validator(): ValidateFunction {
  if (descriptorValidator) return descriptorValidator;
  const profiles = new Map<string, object>();
  for (const name of readdirSync(profileDirectory).filter((file) => file.endsWith('.json')).sort()) {
    profiles.set(`${profileBase}${name}`, JSON.parse(readFileSync(new URL(name, profileDirectory), 'utf8')) as object);
  }
  descriptorValidator = compileProfile(profiles, descriptorProfile);
  return descriptorValidator;
}

/**
 * Compiles the vendored profiles now rather than at the first check (most of a second): for a build to
 * call while it waits on its page workers anyway.
 */
export function prepareDescriptorProfile(): void {
  validator();
}

/**
 * Checks a parsed datapackage.json against the official Data Package v2 profile, and that it declares
 * that profile: the profile types `$schema` as any string, but a descriptor without it, or naming
 * another, is read by consumers against another version of the standard.
 */
export function verifyDescriptorProfile(descriptor: unknown, path = 'datapackage.json'): PackageProblem[] {
  const validate = validator();
  const problems: PackageProblem[] = [];
  if (!validate(descriptor)) {
    for (const message of describeErrors(validate.errors ?? [])) problems.push({ path, message: `does not follow the Data Package v2 profile: ${message}` });
  }
  for (const [at, declared, expected] of declaredProfiles(descriptor)) {
    // Not a string: the profile has said so.
    if (declared === undefined) problems.push({ path, message: `${at} is missing: it must be ${expected}` });
    else if (typeof declared === 'string' && declared !== expected) problems.push({ path, message: `${at} is ${declared}, not ${expected}` });
  }
  return problems;
}

/** The `$schema` of the descriptor, and those its resources, dialects and table schemas declare. */
function declaredProfiles(descriptor: unknown): Array<[string, unknown, string]> {
  if (!isObject(descriptor)) return [];
  const found: Array<[string, unknown, string]> = [['`$schema`', descriptor['$schema'], descriptorProfile]];
  const resources = Array.isArray(descriptor['resources']) ? (descriptor['resources'] as unknown[]) : [];
  resources.forEach((resource, index) => {
    if (!isObject(resource)) return;
    const at = `resources.${index}`;
    if ('$schema' in resource) found.push([`\`${at}.$schema\``, resource['$schema'], `${profileBase}dataresource.json`]);
    for (const [key, profile] of [['dialect', 'tabledialect'], ['schema', 'tableschema']] as const) {
      const part = resource[key];
      if (isObject(part) && '$schema' in part) found.push([`\`${at}.${key}.$schema\``, part['$schema'], `${profileBase}${profile}.json`]);
    }
  });
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns ajv's errors into sentences. The profile is full of `oneOf`s (a resource has `path` or
 * `data`, a field is one of fifteen types): each branch reports its own failure, so a `oneOf` error is
 * dropped when its branches explain it, and the branches' `required` and `enum` errors at one place
 * are merged into one sentence of alternatives.
 */
function describeErrors(errors: readonly ErrorObject[]): string[] {
  const explained = (error: ErrorObject) =>
    (error.keyword === 'oneOf' || error.keyword === 'anyOf') && errors.some((other) => other.schemaPath.startsWith(`${error.schemaPath}/`));
  const groups = new Map<string, ErrorObject[]>();
  for (const error of errors.filter((e) => !explained(e))) {
    const merged = error.keyword === 'required' || error.keyword === 'enum';
    const key = `${error.instancePath}\u0000${merged ? error.keyword : `${error.keyword}\u0000${error.message ?? ''}`}`;
    groups.set(key, [...(groups.get(key) ?? []), error]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const at = first.instancePath === '' ? 'the descriptor' : `\`${first.instancePath.slice(1).replaceAll('/', '.')}\``;
    switch (first.keyword) {
      case 'required':
        return `${at} lacks ${missingProperties(group)}`;
      case 'enum':
        return `${at} must be one of ${unique(group.flatMap((error) => (error.params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)))).join(', ')}`;
      default:
        return `${at} ${first.message ?? 'is invalid'}`;
    }
  });
}

/**
 * What `required` errors at one place ask for. Each schema (a branch of a `oneOf`, say) asks for all
 * of its missing properties; any one schema will do. What every schema asks for is said first:
 * "lacks `name`, and `path` or `data`".
 */
function missingProperties(errors: readonly ErrorObject[]): string {
  const bySchema = new Map<string, string[]>();
  for (const error of errors) bySchema.set(error.schemaPath, [...(bySchema.get(error.schemaPath) ?? []), `\`${String(error.params['missingProperty'])}\``]);
  const schemas = [...bySchema.values()];
  const common = schemas[0]!.filter((property) => schemas.every((missing) => missing.includes(property)));
  const rest = schemas.map((missing) => missing.filter((property) => !common.includes(property)));
  // A schema that asks for nothing more than the common ones is satisfied by them alone.
  const choice = rest.some((missing) => missing.length === 0) ? '' : unique(rest.map((missing) => missing.join(' and '))).join(' or ');
  return [common.join(' and '), choice].filter((part) => part !== '').join(', and ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
