import semver from 'semver';
import type { Changelog } from './changelog.js';
import { ReleaseError } from './errors.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** One change and the version part it requires to grow. */
export interface BumpReason {
  bump: Exclude<Bump, 'none'>;
  reason: string;
}

const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/**
 * Why the version must grow, by the Frictionless Data versioning rules (Data Package, "version"):
 * - major: a resource removed, a field removed or renamed, a field's type changed, a record removed
 *   (its primary key gone), or a table's primary key changed;
 * - minor: a resource, a field or a record added;
 * - patch: values changed in records kept, or a file that is not a table changed.
 * A first release has no reasons.
 */
export function bumpReasons(log: Changelog): BumpReason[] {
  if (log.previous === undefined) return [];
  const reasons: BumpReason[] = [];
  const push = (bump: BumpReason['bump'], reason: string): void => void reasons.push({ bump, reason });
  for (const resource of log.resourcesRemoved) push('major', `resource ${resource.name} removed`);
  for (const table of log.tables) {
    const { fields, resource } = table;
    if (fields.removed.length > 0) push('major', `${resource}: ${plural(fields.removed.length, 'field')} removed (${fields.removed.map((f) => f.name).join(', ')})`);
    if (fields.renamed.length > 0) push('major', `${resource}: ${plural(fields.renamed.length, 'field')} renamed (${fields.renamed.map(({ from, to }) => `${from.name} → ${to.name}`).join(', ')})`);
    if (fields.retyped.length > 0) push('major', `${resource}: ${plural(fields.retyped.length, 'field type')} changed (${fields.retyped.map((f) => `${f.name}: ${f.from} → ${f.to}`).join(', ')})`);
    if (table.primaryKey.join('\0') !== table.previousPrimaryKey.join('\0')) push('major', `${resource}: primary key changed (${table.previousPrimaryKey.join(', ') || 'none'} → ${table.primaryKey.join(', ') || 'none'})`);
    if (table.removed.length > 0) push('major', `${resource}: ${plural(table.removed.length, 'record')} removed`);
  }
  for (const resource of log.resourcesAdded) push('minor', `resource ${resource.name} added`);
  for (const table of log.tables) {
    if (table.fields.added.length > 0) push('minor', `${table.resource}: ${plural(table.fields.added.length, 'field')} added (${table.fields.added.map((f) => f.name).join(', ')})`);
    if (table.added.length > 0) push('minor', `${table.resource}: ${plural(table.added.length, 'record')} added`);
  }
  for (const table of log.tables) {
    if (table.changed.length > 0) push('patch', `${table.resource}: ${plural(table.changed.length, 'record')} changed`);
  }
  for (const resource of log.resourcesChanged) push('patch', `${resource.name} (${resource.path ?? 'no file'}) changed`);
  return reasons;
}

/** The version part the changes require to grow: the largest of bumpReasons, `none` when nothing changed. */
export function bump(log: Changelog): Bump {
  return bumpReasons(log).reduce<Bump>((largest, { bump: part }) => (rank[part] > rank[largest] ? part : largest), 'none');
}

/**
 * The smallest version a release of `bump` changes after `previous` may have: `none` still needs a new
 * version, the next patch. A pre-release previous version grows into its release (2.0.0-rc.1 + major
 * → 2.0.0), as semver.inc does.
 */
export function expectedVersion(previous: string, part: Bump): string {
  const next = semver.inc(previous, part === 'none' ? 'patch' : part);
  if (next === null) throw new ReleaseError(`the previous version ${JSON.stringify(previous)} is not SemVer`);
  return next;
}

/**
 * Refuses a version that does not follow the previous one as the changes require: it must be greater
 * than the previous version, and at least expectedVersion. A pre-release of the expected version
 * (2.0.0-rc.1 where 2.0.0 is expected) is accepted: it announces that version. A first release
 * (`previous` undefined) may have any version.
 */
export function checkVersion(version: string, previous: string | undefined, part: Bump, reasons: readonly BumpReason[] = []): void {
  if (previous === undefined) return;
  const expected = expectedVersion(previous, part);
  const main = reasons.filter((reason) => reason.bump === part);
  const why = part === 'none' ? 'no change' : `${part}: ${main[0]?.reason ?? 'changes'}${main.length > 1 ? `, and ${main.length - 1} more` : ''}`;
  const hint = `expected ${expected} or later (set version in source/dataset.yml and rebuild)`;
  if (!semver.gt(version, previous)) {
    throw new ReleaseError(`version ${version} is not greater than the previous version ${previous} (changes since: ${why}): ${hint}`);
  }
  const core = `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`;
  if (semver.lt(core, expected)) {
    throw new ReleaseError(`version ${version} is too small for the changes since ${previous} (${why}): ${hint}`);
  }
}
