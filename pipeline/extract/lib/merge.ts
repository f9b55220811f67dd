import { datasetOf, type Dataset, type PageTables } from '../../model/lib/dataset.js';
import { slug, uniqueIds } from '../../model/lib/ids.js';
import { CodePoints } from '../../model/lib/text.js';
import type { Affiliation, Document, Participant, Event, Mention, Organization, Passage, Person, Place, Sentence, Term } from '../../model/types.js';
import { sourcePoint } from '../../parse/index.js';
import { CurationIndex } from './curation.js';
import { groupBy } from './group.js';
import type { EntityRef, PageExtraction, PageOrganization, PageRecords, PlacedMention } from './types.js';

/**
 * Joins the pages' extractions into one dataset: one organisation, person, place or term however many
 * pages name it, with ids minted from what it is (its name, ISO code or GeoNames id), never from the
 * order pages are read in, so adding a page does not renumber the others.
 */
export function mergePages(pages: readonly PageExtraction[], curation: CurationIndex = new CurationIndex()): Dataset {
  return mergeRecords(pages.map(pageRecords), curation);
}

/**
 * One page's extraction as plain records: the document, its structure, what it names, and each mention
 * placed by code-point offsets, sentence and source position. Depends on nothing but the page.
 */
export function pageRecords(extraction: PageExtraction): PageRecords {
  const { page, frontMatter } = extraction;
  const sentencesOf = groupBy(page.sentences, (s) => s.passageId);
  const ordered = [...extraction.mentions].sort((a, b) => a.passage.order - b.passage.order || a.start - b.start || a.end - b.end);
  const mentions: PlacedMention[] = [];
  let codePoints: { passageId: string; index: CodePoints } | undefined;
  for (const found of ordered) {
    const text = found.passage.text;
    if (codePoints?.passageId !== found.passage.id) codePoints = { passageId: found.passage.id, index: new CodePoints(text) };
    const start = codePoints.index.offsetOf(found.start);
    const end = codePoints.index.offsetOf(found.end);
    const sentence = sentenceAt(sentencesOf.get(found.passage.id) ?? [], start);
    mentions.push({
      ref: found.ref,
      passageId: found.passage.id,
      sentenceId: sentence?.id ?? `${found.passage.id}/sentence/1`,
      start,
      end,
      quote: text.slice(found.start, found.end),
      position: { start: sourcePoint(page.file, found.passage, found.start), end: sourcePoint(page.file, found.passage, found.end) },
    });
  }
  const document: Document = {
    id: page.documentId,
    path: page.path,
    title: frontMatter.title,
    publisher: frontMatter.publisher,
    language: frontMatter.language,
    dateModified: frontMatter.dateModified,
    rights: frontMatter.rights,
    license: frontMatter.license,
    ...(frontMatter.url ? { url: frontMatter.url } : {}),
    ...(frontMatter.description ? { description: frontMatter.description } : {}),
  };
  return {
    document,
    sections: page.sections,
    passages: page.passages.map(({ segments: _segments, ...passage }): Passage => passage),
    sentences: page.sentences,
    organizations: extraction.organizations,
    people: extraction.people,
    places: extraction.places,
    terms: extraction.terms,
    events: extraction.events.map(({ passage, ...event }) => ({ ...event, passageId: passage.id })),
    mentions,
    candidates: extraction.candidates.map((candidate) => {
      const point = sourcePoint(page.file, candidate.passage, candidate.start);
      return { text: candidate.text, kind: candidate.kind, passageId: candidate.passage.id, line: point.line, column: point.column };
    }),
  };
}

/** What a page names, without its structure, events or mentions: all the merge of entities needs of it. */
export type PageEntities = Pick<PageRecords, 'document' | 'organizations' | 'people' | 'places' | 'terms'>;

/**
 * The entities of the whole dataset, merged from every page, each table sorted by id, and how to
 * resolve a page's references to them (see resolvePage).
 */
export interface MergedEntities {
  organizations: Organization[];
  people: Person[];
  places: Place[];
  terms: Term[];
  affiliations: Affiliation[];
  /** Organisation id by every name it has (with its country, for a body placed in the country of its page: see organizationKey). */
  organizationIdByName: Map<string, string>;
  /** Term id by document id, then by acronym: which of an acronym's terms a page means. */
  termIdByAcronym: Map<string, Map<string, string>>;
  /** Person id by every name found: made from the name once, not again for each reference to it. */
  personIdByName: Map<string, string>;
}

/**
 * Empties the lookups that resolving pages needs (see resolverOf), for a caller done resolving: they
 * are most of what merged entities hold (at 10,000 pages, every page's acronyms), and a build holds
 * the entities themselves until its files are written and checked.
 */
export function forgetLookups(merged: MergedEntities): void {
  merged.organizationIdByName.clear();
  merged.termIdByAcronym.clear();
  merged.personIdByName.clear();
}

/** Joins pages' records into one dataset (see mergePages). */
export function mergeRecords(pages: readonly PageRecords[], curation: CurationIndex = new CurationIndex()): Dataset {
  const sorted = byDocumentId(pages);
  const merged = mergeEntities(sorted, curation);
  return datasetOf(merged, sorted.map((page) => resolvePage(page, merged)));
}

/** Pages in the order the dataset publishes them: by document id, in code-unit order. */
export function byDocumentId<T extends { document: Document }>(pages: readonly T[]): T[] {
  return [...pages].sort((a, b) => (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0));
}

/**
 * Merges the entities every page names: one organisation, person, place or term however many pages
 * name it. Depends on the pages' order (see byDocumentId), never on anything but their entities.
 */
export function mergeEntities(pages: readonly PageEntities[], curation: CurationIndex = new CurationIndex()): MergedEntities {
  const sorted = byDocumentId(pages);
  // Each page's keys of the organisations it names (see organizationKey), made once.
  const keysOf = new Map(sorted.map((page) => [page, pageOrganizationKeys(page)] as const));

  // Organisations: one per name; a page's name that another page gives as an alternate joins it.
  const organizations = new Map<string, Organization>();
  const organizationIdByName = new Map<string, string>();
  for (const extraction of sorted) {
    for (const extracted of extraction.organizations) {
      // A name the publisher merged into another is an alternate name of that one.
      const canonical = curation.canonical(extracted.name);
      const found = canonical ? { ...extracted, name: canonical, alternateNames: [extracted.name, ...extracted.alternateNames] } : extracted;
      const key = (name: string) => organizationKey(name, found);
      let existingId = organizationIdByName.get(key(found.name));
      for (let k = 0; existingId === undefined && k < found.alternateNames.length; k++) existingId = organizationIdByName.get(key(found.alternateNames[k]!));
      const country = pageCountryOf(found);
      const id = existingId ?? `organization/${slug(found.name)}${country ? `-${country.toLowerCase()}` : ''}`;
      const record = organizations.get(id) ?? { id, name: found.name, alternateNames: [], category: found.category };
      for (const alternate of [found.name, ...found.alternateNames]) {
        if (alternate !== record.name && !record.alternateNames.includes(alternate)) record.alternateNames.push(alternate);
        organizationIdByName.set(key(alternate), id);
      }
      if (found.acronym && !record.acronym) record.acronym = found.acronym;
      if (found.countryCode && !record.countryCode) record.countryCode = found.countryCode;
      if (record.category === 'organization') record.category = found.category;
      organizations.set(id, record);
    }
  }

  for (const extraction of sorted) {
    const keyOf = keysOf.get(extraction)!;
    for (const found of extraction.organizations) {
      if (found.parent === undefined) continue;
      const id = organizationIdByName.get(organizationKey(curation.canonical(found.name) ?? found.name, found));
      const parentId = organizationIdByName.get(keyOf(found.parent));
      const record = id ? organizations.get(id) : undefined;
      if (record && parentId && parentId !== id && !record.parentOrganizationId) record.parentOrganizationId = parentId;
    }
  }

  const people = new Map<string, Person>();
  const personIdByName = new Map<string, string>();
  for (const extraction of sorted) {
    const keyOf = keysOf.get(extraction)!;
    for (const found of extraction.people) {
      let id = personIdByName.get(found.name);
      if (id === undefined) personIdByName.set(found.name, (id = personId(found.name)));
      const record = people.get(id) ?? { id, name: found.name, roles: [], affiliationIds: [] };
      for (const role of found.roles) if (!record.roles.includes(role)) record.roles.push(role);
      for (const name of found.affiliations) {
        const organizationId = organizationIdByName.get(keyOf(name));
        if (organizationId && !record.affiliationIds.includes(organizationId)) record.affiliationIds.push(organizationId);
      }
      people.set(id, record);
    }
  }

  const places = new Map<string, Place>();
  for (const extraction of sorted) for (const place of extraction.places) places.set(place.id, place);

  const terms = new Map<string, Term>();
  // The terms of each acronym, as `terms` holds them, each with its expansion in lower case: a page's
  // definition is looked up among its acronym's terms only, not among every term of the corpus.
  const termsOfAcronym = new Map<string, Array<{ term: Term; expansion: string }>>();
  // Looked up by the strings the pages hold, not by a key made of them (one per term of every page).
  const termIdByAcronym = new Map<string, Map<string, string>>();
  for (const extraction of sorted) {
    const keyOf = keysOf.get(extraction)!;
    let pageTerms: Map<string, string> | undefined;
    const termOfPage = (acronym: string, id: string) => {
      if (!pageTerms) termIdByAcronym.set(extraction.document.id, (pageTerms = new Map()));
      pageTerms.set(acronym, id);
    };
    for (const found of extraction.terms) {
      const known = termsOfAcronym.get(found.acronym) ?? [];
      const expansion = found.expansion.toLowerCase();
      const same = known.find((t) => t.expansion === expansion);
      if (same) {
        termOfPage(found.acronym, same.term.id);
        continue;
      }
      const id = known.length > 0 ? `term/${slug(found.acronym)}-${slug(found.expansion)}` : `term/${slug(found.acronym)}`;
      const organizationId = found.organization ? organizationIdByName.get(keyOf(found.organization)) : undefined;
      const term: Term = {
        id,
        acronym: found.acronym,
        expansion: found.expansion,
        documentId: extraction.document.id,
        ...(organizationId ? { organizationId } : {}),
      };
      terms.set(id, term);
      const replaced = known.findIndex((t) => t.term.id === id);
      if (replaced >= 0) known[replaced] = { term, expansion };
      else known.push({ term, expansion });
      termsOfAcronym.set(found.acronym, known);
      termOfPage(found.acronym, id);
    }
  }

  for (const record of [...organizations.values(), ...people.values(), ...places.values()]) {
    const iris = curation.sameAs(record.name);
    if (iris.length > 0) record.sameAs = [...new Set([...(record.sameAs ?? []), ...iris])].sort();
  }
  const sortedPeople = byId(people.values());
  return {
    organizations: byId(organizations.values()),
    people: sortedPeople,
    places: byId(places.values()),
    terms: byId(terms.values()),
    affiliations: sortedPeople.flatMap((person) => person.affiliationIds.map((organizationId): Affiliation => ({ personId: person.id, organizationId }))),
    organizationIdByName,
    termIdByAcronym,
    personIdByName,
  };
}

function personId(name: string): string {
  return `person/${slug(name)}`;
}

/**
 * One page's own records as the dataset publishes them: its document, sections, passages and
 * sentences, its events with their participants, and its mentions, each reference resolved to the id
 * of the merged entity it names. Depends on the page and the merged entities only, or on how they
 * resolve its references (see resolverOf).
 */
export function resolvePage(page: PageRecords, merged: MergedEntities | ((ref: EntityRef) => string | undefined)): PageTables {
  const documentId = page.document.id;
  const idOf = typeof merged === 'function' ? merged : resolverOf(page, merged);
  const events = page.events.map((event, index): Event => ({
    id: eventId(documentId, index),
    documentId,
    passageId: event.passageId,
    name: event.name,
    description: event.description,
    date: event.date,
    startDate: event.startDate,
    ...(event.endDate ? { endDate: event.endDate } : {}),
    ...(event.dateQualifier ? { dateQualifier: event.dateQualifier } : {}),
    edtf: event.edtf,
    dateText: event.dateText,
    status: event.status,
    ...(event.location ? { locationId: event.location } : {}),
    // Two names of one body (a name and its other name in brackets) are one participant.
    participantIds: [...new Set(event.participants.map(idOf).filter((id): id is string => id !== undefined))],
  }));
  const mentions: Mention[] = [];
  const mentionId = uniqueIds();
  for (const { ref, ...found } of page.mentions) {
    const entityId = idOf(ref);
    if (!entityId) continue;
    mentions.push({
      id: mentionId(`${found.passageId}/mention/${found.start}-${found.end}`),
      entityId,
      entityType: ref.type,
      documentId,
      ...found,
    });
  }
  return {
    documents: [page.document],
    sections: page.sections,
    passages: page.passages,
    sentences: page.sentences,
    events,
    participants: events.flatMap((event) => event.participantIds.map((entityId): Participant => ({ eventId: event.id, entityId }))),
    mentions,
  };
}

/**
 * How a page's references resolve to the dataset's ids: an organisation by its key (see
 * organizationKey), a person by the slug of the name, a place by its own id, a term by the page's
 * acronym, an event by its place in the page. Undefined for a reference the dataset has nothing for.
 */
export function resolverOf(page: Pick<PageRecords, 'document' | 'organizations'>, merged: MergedEntities): (ref: EntityRef) => string | undefined {
  const documentId = page.document.id;
  const keyOf = pageOrganizationKeys(page);
  const pageTerms = merged.termIdByAcronym.get(documentId);
  return (ref) => {
    switch (ref.type) {
      case 'organization':
        return merged.organizationIdByName.get(keyOf(ref.name));
      case 'person':
        return merged.personIdByName.get(ref.name) ?? personId(ref.name);
      case 'place':
        return ref.id;
      case 'term':
        return pageTerms?.get(ref.acronym);
      case 'event':
        return eventId(documentId, ref.index);
    }
  };
}

/** The id of a page's event, by its place among the page's events (from 0). */
export function eventId(documentId: string, index: number): string {
  return `${documentId}/event/${index + 1}`;
}

/** A reference as one string: its type and what it names (see referenceTarget). */
export function referenceKey(ref: EntityRef): string {
  return `${ref.type}\u0000${referenceTarget(ref)}`;
}

/** What a reference names, as a string: a name, an id, an acronym, an event's place. */
export function referenceTarget(ref: EntityRef): string {
  return ref.type === 'place' ? ref.id : ref.type === 'term' ? ref.acronym : ref.type === 'event' ? String(ref.index) : ref.name;
}

/**
 * Every reference a page's events and mentions make to what the dataset holds as a whole (its
 * organisations, people, places and terms), once each, in a fixed order: all that its resolved records
 * depend on besides the page itself and the merged entities.
 */
export function pageReferences(page: Pick<PageRecords, 'events' | 'mentions'>): EntityRef[] {
  const refs = new Map<string, EntityRef>();
  const add = (ref: EntityRef) => {
    if (ref.type === 'event') return;
    const key = referenceKey(ref);
    if (!refs.has(key)) refs.set(key, ref);
  };
  for (const event of page.events) {
    event.participants.forEach(add);
    if (event.location !== undefined) add({ type: 'place', id: event.location });
  }
  for (const mention of page.mentions) add(mention.ref);
  return [...refs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref);
}

/**
 * The key an organisation is merged by under one of its names: the name, and for a body the page placed
 * in its country (see PageOrganization.countryFromPage) the country too, so that "Ministry of Defence"
 * on a page about France and on one about Spain are two bodies, and on two pages about France one.
 */
function organizationKey(name: string, organization: PageOrganization): string {
  const country = pageCountryOf(organization);
  return country ? `${name}\u0000${country}` : name;
}

/** The country a body was placed in by its page (not by its name), if any. */
function pageCountryOf(organization: PageOrganization): string | undefined {
  return organization.countryFromPage ? organization.countryCode : undefined;
}

/** A page's keys of the organisations it names, by every name it gives them; other names are their own key. */
function pageOrganizationKeys(page: Pick<PageRecords, 'organizations'>): (name: string) => string {
  const keys = new Map<string, string>();
  for (const organization of page.organizations) {
    if (!organization.countryFromPage) continue;
    for (const name of [organization.name, ...organization.alternateNames]) keys.set(name, organizationKey(name, organization));
  }
  return (name) => keys.get(name) ?? name;
}

/** Records sorted by id, in code-unit order (no locale). */
function byId<T extends { id: string }>(records: Iterable<T>): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The sentence that holds code-point offset `start`, by binary search over a passage's ordered sentences. */
function sentenceAt(sentences: readonly Sentence[], start: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (start < sentence.start) high = middle - 1;
    else if (start >= sentence.end) low = middle + 1;
    else return sentence;
  }
  return undefined;
}
