import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
// The emit stage's mdast builders and serialiser: every piece of data goes into a text or code node,
// and remark writes the Markdown (escaping), as for the dataset card.
import { blockList, code, heading, list, paragraph, serialise, table } from '../../emit/index.js';
import type { Bump, BumpReason } from './bump.js';
import type { Changelog, RecordChange, TableChangelog } from './changelog.js';

/** How many records each list of a table shows before "and N more". */
export const shownRecords = 20;
/** How many changed fields a changed record shows before "and N more". */
export const shownChanges = 10;
/** How many characters of a value are shown before it is cut with "…". */
export const shownValueLength = 100;

export interface NoteInput {
  changelog: Changelog;
  bump: Bump;
  reasons: readonly BumpReason[];
  /** How the previous release was found: its tag, folder or archive. */
  previousLabel?: string;
  /** The released archive's file name and SHA-256. */
  archive?: { file: string; sha256: string };
}

type Inline = string | PhrasingContent;

/** The release note: what the release is, the version bump it implies and why, and the data changelog. */
export function releaseNote(input: NoteInput): string {
  const { changelog: log } = input;
  const title = log.current.title ?? log.current.name;
  return serialise([heading(1, `${title} ${log.current.version}`), facts(input), ...why(input), ...dataChangelog(log)]);
}

function facts({ changelog: log, bump, previousLabel, archive }: NoteInput): RootContent {
  const items: Inline[][] = [
    ['Package: ', code(log.current.name)],
    ['Version: ', log.current.version],
    log.previous === undefined
      ? ['Previous version: none, this is the first release']
      : ['Previous version: ', log.previous.version, ...(previousLabel !== undefined && previousLabel !== log.previous.version ? [` (${previousLabel})`] : [])],
    log.previous === undefined ? ['Version bump: none, first release'] : ['Version bump implied by the changes: ', bump],
  ];
  if (archive) items.push(['Archive: ', code(archive.file), ', SHA-256 ', code(archive.sha256)]);
  return list(items);
}

function why({ changelog: log, reasons }: NoteInput): RootContent[] {
  if (log.previous === undefined) return [];
  if (reasons.length === 0) return [heading(2, 'Version bump'), paragraph(`Nothing changed since ${log.previous.version}.`)];
  return [
    heading(2, 'Version bump'),
    paragraph('By the Frictionless Data versioning rules: a removed resource, field, record or primary key, a renamed field or a changed field type is major; an added resource, field or record is minor; a changed value is a patch.'),
    list(reasons.map(({ bump, reason }) => [`${bump}: ${reason}`])),
  ];
}

function dataChangelog(log: Changelog): RootContent[] {
  const blocks: RootContent[] = [heading(2, 'Data changelog')];
  if (log.previous === undefined) {
    blocks.push(
      paragraph('First release: every resource is new.'),
      table(
        ['Resource', 'File', 'Records', 'Fields'],
        log.resources.map((resource) => [resource.name, resource.path ?? '', count(resource.records), count(resource.fields)]),
      ),
    );
    return blocks;
  }
  const changedTables = log.tables.filter(hasChanges);
  const nothing = changedTables.length === 0 && log.resourcesAdded.length + log.resourcesRemoved.length + log.resourcesChanged.length === 0;
  if (nothing) {
    blocks.push(paragraph(`No data changed since ${log.previous.version}.`));
    return blocks;
  }
  blocks.push(
    table(
      ['Table', 'Records before', 'Records after', 'Added', 'Removed', 'Changed', 'Fields added', 'Fields removed', 'Fields renamed or retyped'],
      [
        ...log.tables.map((t) => [
          t.resource,
          String(t.records.previous),
          String(t.records.current),
          String(t.added.length),
          String(t.removed.length),
          String(t.changed.length),
          String(t.fields.added.length),
          String(t.fields.removed.length),
          String(t.fields.renamed.length + t.fields.retyped.length),
        ]),
        ...log.resourcesAdded.filter((r) => r.table).map((r) => [r.name, '—', count(r.records), count(r.records), '—', '—', count(r.fields), '—', '—']),
        ...log.resourcesRemoved.filter((r) => r.table).map((r) => [r.name, count(r.records), '—', '—', count(r.records), '—', '—', count(r.fields), '—']),
      ],
    ),
  );
  const resourceItems: Inline[][] = [
    ...log.resourcesAdded.map((r) => resourceItem('Added', r)),
    ...log.resourcesRemoved.map((r) => resourceItem('Removed', r)),
    ...log.resourcesChanged.map((r) => resourceItem('Changed', r)),
  ];
  if (resourceItems.length > 0) blocks.push(heading(3, 'Resources'), list(resourceItems));
  for (const t of changedTables) blocks.push(...tableSection(t));
  return blocks;
}

const count = (value: number | undefined): string => (value === undefined ? '' : String(value));

function resourceItem(what: string, resource: { name: string; path?: string; table: boolean; records?: number }): Inline[] {
  return [
    `${what}: `,
    code(resource.name),
    ...(resource.path !== undefined ? [' (', code(resource.path), ')'] : []),
    ...(resource.table ? [`, a table of ${resource.records ?? 0} record${resource.records === 1 ? '' : 's'}`] : []),
  ];
}

function hasChanges(t: TableChangelog): boolean {
  const f = t.fields;
  return t.added.length + t.removed.length + t.changed.length + f.added.length + f.removed.length + f.renamed.length + f.retyped.length > 0 || t.primaryKey.join('\0') !== t.previousPrimaryKey.join('\0');
}

function tableSection(t: TableChangelog): RootContent[] {
  const blocks: RootContent[] = [heading(3, 'Table ', code(t.resource))];
  const fieldItems: Inline[][] = [];
  const names = (fields: ReadonlyArray<{ name: string; type: string }>): Inline[] => fields.flatMap((f, i) => [...(i > 0 ? [', '] : []), code(f.name), ` (${f.type})`]);
  if (t.fields.added.length > 0) fieldItems.push(['Fields added: ', ...names(t.fields.added)]);
  if (t.fields.removed.length > 0) fieldItems.push(['Fields removed: ', ...names(t.fields.removed)]);
  if (t.fields.renamed.length > 0) fieldItems.push(['Fields renamed: ', ...t.fields.renamed.flatMap(({ from, to }, i) => [...(i > 0 ? [', '] : []), code(from.name), ' → ', code(to.name)])]);
  if (t.fields.retyped.length > 0) fieldItems.push(['Field types changed: ', ...t.fields.retyped.flatMap((f, i) => [...(i > 0 ? [', '] : []), code(f.name), ` ${f.from} → ${f.to}`])]);
  if (t.primaryKey.join('\0') !== t.previousPrimaryKey.join('\0')) fieldItems.push(['Primary key changed: ', keyFields(t.previousPrimaryKey), ' → ', keyFields(t.primaryKey)]);
  if (fieldItems.length > 0) blocks.push(list(fieldItems));
  if (t.added.length > 0) blocks.push(paragraph(`Records added (${t.added.length}):`), keyList(t.added));
  if (t.removed.length > 0) blocks.push(paragraph(`Records removed (${t.removed.length}):`), keyList(t.removed));
  if (t.changed.length > 0) {
    const items = t.changed.slice(0, shownRecords).map((record) => changedRecord(record));
    if (t.changed.length > shownRecords) items.push([paragraph(`and ${t.changed.length - shownRecords} more`)]);
    blocks.push(paragraph(`Records changed (${t.changed.length}):`), blockList(items));
  }
  return blocks;
}

const keyFields = (fields: readonly string[]): Inline => (fields.length === 0 ? 'none' : code(fields.join(', ')));

/** A record's key as code: the value, or the values joined by ", " for a composite key. */
function keyOf(key: readonly string[]): Inline {
  const joined = key.map(shown).join(', ');
  return joined === '' ? '(empty)' : code(joined);
}

function keyList(keys: readonly string[][]): RootContent {
  const items: Inline[][] = keys.slice(0, shownRecords).map((key) => [keyOf(key)]);
  if (keys.length > shownRecords) items.push([`and ${keys.length - shownRecords} more`]);
  return list(items);
}

function changedRecord(record: RecordChange): BlockContent[] {
  const items: Inline[][] = record.changes.slice(0, shownChanges).map((change) => [code(change.field), ': ', value(change.from), ' → ', value(change.to)]);
  if (record.changes.length > shownChanges) items.push([`and ${record.changes.length - shownChanges} more fields`]);
  return [paragraph(keyOf(record.key)), list(items)];
}

/** A value as code, on one line and cut to a readable length; an empty value reads "(empty)". */
function value(raw: string): Inline {
  return raw === '' ? '(empty)' : code(shown(raw));
}

function shown(raw: string): string {
  const oneLine = raw.replace(/\r\n|\r|\n/g, '↵');
  const characters = [...oneLine];
  return characters.length > shownValueLength ? `${characters.slice(0, shownValueLength).join('')}…` : oneLine;
}
