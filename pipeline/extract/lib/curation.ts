import type { Curation } from '../../model/types.js';

type Section = 'add' | 'terms' | 'merge' | 'sameAs' | 'reject';

/** A curated entry that matched nothing in the pages. */
export interface UnusedCuration {
  section: Section;
  index: number;
  /** The entry's name, acronym or text: what the publisher wrote to identify it. */
  label: string;
}

/**
 * What curation.yml says, indexed for the extractor, remembering which entries matched something so
 * the build can report those that no longer match the text.
 */
export class CurationIndex {
  private readonly used = new Set<string>();

  constructor(readonly curation: Curation = {}) {}

  private use(section: Section, index: number): void {
    this.used.add(`${section}:${index}`);
  }

  /** Whether the publisher rejected this text as an entity. */
  rejects(text: string): boolean {
    const index = (this.curation.reject ?? []).findIndex((entry) => entry.text === text);
    if (index >= 0) this.use('reject', index);
    return index >= 0;
  }

  /** The curated expansion of an acronym the pages do not define. */
  term(acronym: string): { acronym: string; expansion: string } | undefined {
    const index = (this.curation.terms ?? []).findIndex((entry) => entry.acronym === acronym);
    if (index < 0) return undefined;
    this.use('terms', index);
    return this.curation.terms![index]!;
  }

  /** Entities to add, each with the forms to look for in the text. */
  additions(): Array<{ entry: NonNullable<Curation['add']>[number]; forms: string[]; found: () => void }> {
    return (this.curation.add ?? []).map((entry, index) => ({
      entry,
      forms: [entry.name, ...(entry.aliases ?? [])].sort((a, b) => b.length - a.length),
      found: () => this.use('add', index),
    }));
  }

  /** The name an entity is kept under when the publisher merged this name into another. */
  canonical(name: string): string | undefined {
    const index = (this.curation.merge ?? []).findIndex((entry) => entry.aliases.includes(name));
    if (index < 0) return undefined;
    this.use('merge', index);
    return this.curation.merge![index]!.name;
  }

  /** External identifiers the publisher gives an entity of this name. */
  sameAs(name: string): string[] {
    const iris: string[] = [];
    (this.curation.sameAs ?? []).forEach((entry, index) => {
      if (entry.name !== name) return;
      this.use('sameAs', index);
      iris.push(entry.iri);
    });
    return iris;
  }

  /** The entries that matched, as keys another index can take over with markUsed (one per page, in a worker). */
  usedKeys(): string[] {
    return [...this.used].sort();
  }

  /** Records entries that matched elsewhere: in another thread, or in a cached page. */
  markUsed(keys: Iterable<string>): void {
    for (const key of keys) this.used.add(key);
  }

  /** Entries that matched nothing, in file order. */
  unused(): UnusedCuration[] {
    const sections: Array<[Section, Array<{ name?: string; acronym?: string; text?: string }>]> = [
      ['add', this.curation.add ?? []],
      ['terms', this.curation.terms ?? []],
      ['merge', this.curation.merge ?? []],
      ['sameAs', this.curation.sameAs ?? []],
      ['reject', this.curation.reject ?? []],
    ];
    return sections.flatMap(([section, entries]) =>
      entries
        .map((entry, index) => ({ section, index, label: entry.name ?? entry.acronym ?? entry.text ?? '' }))
        .filter(({ section, index }) => !this.used.has(`${section}:${index}`)),
    );
  }
}
