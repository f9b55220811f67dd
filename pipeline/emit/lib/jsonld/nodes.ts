import type { Document, Event, Mention, Organization, Person, Place, Section, Term } from '../../../model/types.js';
import { decimal, licence, typedDate } from './literals.js';

/** A node object of the graph. Keys keep the order they are written in, so the output is stable. */
export type JsonLdNode = Record<string, unknown>;

/** What a node builder needs to know beyond its record. */
export interface NodeContext {
  /** The absolute IRI of a record id (baseIri + id). */
  iri(id: string): string;
  /** Whether a place record with this id exists, so references only point at nodes of the graph. */
  hasPlace(id: string): boolean;
}

/** The id of the set every term belongs to. */
export const termSetId = 'terms';

/** Wikidata's "international organization", the additionalType of an organisation of states. */
const internationalOrganization = 'http://www.wikidata.org/entity/Q484652';

/** Drops absent values and empty lists: a node says nothing rather than something empty. */
function node(entries: JsonLdNode): JsonLdNode {
  const out: JsonLdNode = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** The place node of a country code, when the dataset has one. */
function countryPlace(countryCode: string | undefined, context: NodeContext): string | undefined {
  if (countryCode === undefined) return undefined;
  const id = `place/${countryCode.toLowerCase()}`;
  return context.hasPlace(id) ? context.iri(id) : undefined;
}

/** A page. `sectionIds` are its sections, `mentionedIds` every entity it mentions (sorted, unique). */
export function documentNode(document: Document, sectionIds: readonly string[], mentionedIds: readonly string[], context: NodeContext): JsonLdNode {
  return node({
    '@id': context.iri(document.id),
    '@type': 'WebPage',
    name: document.title,
    // The publisher is named on the page, not matched to an organisation record: a node of its own.
    publisher: { '@type': 'Organization', name: document.publisher },
    inLanguage: document.language,
    dateModified: typedDate(document.dateModified),
    copyrightNotice: document.rights,
    license: licence(document.license),
    url: document.url,
    description: document.description,
    hasPart: sectionIds.map((id) => context.iri(id)),
    mentions: mentionedIds.map((id) => context.iri(id)),
  });
}

export function sectionNode(section: Section, context: NodeContext): JsonLdNode {
  return node({
    '@id': context.iri(section.id),
    '@type': 'WebPageElement',
    name: section.title,
    position: section.order,
    isPartOf: context.iri(section.parentId ?? section.documentId),
  });
}

export function organizationNode(organization: Organization, context: NodeContext): JsonLdNode {
  const alternateNames = [...new Set([...(organization.acronym === undefined ? [] : [organization.acronym]), ...organization.alternateNames])];
  return node({
    '@id': context.iri(organization.id),
    '@type': organization.category === 'governmentBody' ? 'GovernmentOrganization' : 'Organization',
    additionalType: organization.category === 'internationalOrganization' ? internationalOrganization : undefined,
    name: organization.name,
    alternateName: alternateNames.filter((name) => name !== organization.name),
    areaServed: countryPlace(organization.countryCode, context),
    parentOrganization: organization.parentOrganizationId === undefined ? undefined : context.iri(organization.parentOrganizationId),
    sameAs: organization.sameAs,
  });
}

export function personNode(person: Person, context: NodeContext): JsonLdNode {
  return node({
    '@id': context.iri(person.id),
    '@type': 'Person',
    name: person.name,
    jobTitle: person.roles,
    affiliation: person.affiliationIds.map((id) => context.iri(id)),
    sameAs: person.sameAs,
  });
}

export function placeNode(place: Place, context: NodeContext): JsonLdNode {
  const isCountry = place.kind === 'Country';
  return node({
    '@id': context.iri(place.id),
    '@type': place.kind,
    name: place.name,
    identifier: isCountry ? place.countryCode : undefined,
    geo:
      place.latitude !== undefined && place.longitude !== undefined
        ? { '@type': 'GeoCoordinates', latitude: decimal(place.latitude), longitude: decimal(place.longitude) }
        : undefined,
    sameAs: [...new Set([...(!isCountry && place.geonamesId !== undefined ? [`https://sws.geonames.org/${place.geonamesId}/`] : []), ...(place.sameAs ?? [])])],
    containedInPlace: isCountry ? undefined : countryPlace(place.countryCode, context),
  });
}

export function eventNode(event: Event, context: NodeContext): JsonLdNode {
  return node({
    '@id': context.iri(event.id),
    '@type': 'Event',
    name: event.name,
    description: event.description,
    startDate: typedDate(event.startDate),
    endDate: event.endDate === undefined ? undefined : typedDate(event.endDate),
    // The date with its qualifier, in the Library of Congress's EDTF datatype, beside the ISO dates.
    'dcterms:date': { '@value': event.edtf, '@type': 'http://id.loc.gov/datatypes/edtf/EDTF' },
    // A past event has no status in schema.org's list; a planned one is scheduled.
    eventStatus: event.status === 'planned' ? 'https://schema.org/EventScheduled' : undefined,
    location: event.locationId === undefined ? undefined : context.iri(event.locationId),
    about: event.participantIds.map((id) => context.iri(id)),
  });
}

export function termNode(term: Term, context: NodeContext): JsonLdNode {
  return node({
    '@id': context.iri(term.id),
    '@type': 'DefinedTerm',
    termCode: term.acronym,
    name: term.expansion,
    inDefinedTermSet: context.iri(termSetId),
    sameAs: term.organizationId === undefined ? undefined : context.iri(term.organizationId),
  });
}

/** The one set of terms, so that DefinedTerm.inDefinedTermSet points at a node of the graph. */
export function termSetNode(context: NodeContext): JsonLdNode {
  return { '@id': context.iri(termSetId), '@type': 'DefinedTermSet', name: 'Acronyms defined in the source pages' };
}

/**
 * A mention as a Web Annotation: its body is the entity, its target the quoted span of the passage
 * (passages are published in CSV, so the target's source is an IRI with no node of its own here).
 */
export function mentionNode(mention: Mention, context: NodeContext): JsonLdNode {
  return {
    '@id': context.iri(mention.id),
    '@type': 'oa:Annotation',
    'oa:hasBody': context.iri(mention.entityId),
    'oa:hasTarget': {
      '@type': 'oa:SpecificResource',
      'oa:hasSource': context.iri(mention.passageId),
      'oa:hasSelector': [
        { '@type': 'oa:TextQuoteSelector', 'oa:exact': mention.quote },
        { '@type': 'oa:TextPositionSelector', 'oa:start': mention.start, 'oa:end': mention.end },
      ],
    },
    'prov:wasDerivedFrom': context.iri(mention.documentId),
  };
}
