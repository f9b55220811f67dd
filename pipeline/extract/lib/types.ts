import type { Document, FrontMatter, Mention, Organization, Passage, Place, Section, Sentence } from '../../model/types.js';
import type { ParsedPage, ParsedPassage } from '../../parse/index.js';

/** What the extract stage reads: a parsed page whose front matter passed validation. */
export interface CheckedPage {
  page: ParsedPage;
  frontMatter: FrontMatter;
}

/** An organisation as one page knows it; pages' organisations are merged into the dataset's. */
export interface PageOrganization {
  /** The fullest name the page (or the gazetteer) gives: the key the page's mentions use. */
  name: string;
  alternateNames: string[];
  acronym?: string;
  category: Organization['category'];
  countryCode?: string;
  /**
   * The country is the one the page is about, not one its name gives ("Ministry of Defence" on a page
   * about France): the body is that country's, and is one entity only with that country's of the same name.
   */
  countryFromPage?: boolean;
  /** Name of the organisation of the same page it is part of, where the text says so. */
  parent?: string;
}

export interface PagePerson {
  name: string;
  roles: string[];
  /** Names of organisations of the same page. */
  affiliations: string[];
}

export interface PageTerm {
  acronym: string;
  expansion: string;
  /** Name of the organisation of the same page that the acronym names. */
  organization?: string;
}

/** What a page's mention or participant points at, before the dataset's ids are minted. */
export type EntityRef =
  | { type: 'organization'; name: string }
  | { type: 'person'; name: string }
  | { type: 'place'; id: string }
  | { type: 'term'; acronym: string }
  | { type: 'event'; index: number };

export interface PageMention {
  ref: EntityRef;
  passage: ParsedPassage;
  /** UTF-16 span in the passage text. */
  start: number;
  end: number;
}

export interface PageEvent {
  passage: ParsedPassage;
  name: string;
  description: string;
  date: string;
  startDate: string;
  endDate?: string;
  dateQualifier?: NonNullable<import('../../model/types.js').Event['dateQualifier']>;
  edtf: string;
  dateText: string;
  status: 'past' | 'planned';
  location?: string;
  participants: EntityRef[];
}

/** A capitalised phrase or acronym the extractor saw but could not type. */
export interface Candidate {
  text: string;
  kind: 'name' | 'acronym';
  passage: ParsedPassage;
  /** UTF-16 span in the passage text. */
  start: number;
  end: number;
}

/** Everything extracted from one page. */
export interface PageExtraction {
  page: ParsedPage;
  frontMatter: FrontMatter;
  organizations: PageOrganization[];
  people: PagePerson[];
  places: Place[];
  terms: PageTerm[];
  events: PageEvent[];
  mentions: PageMention[];
  candidates: Candidate[];
}

/**
 * A mention placed in its passage (code-point offsets, sentence, quote, place in the source): the
 * published Mention but for what only the merge knows, its id and the id of what it names.
 */
export type PlacedMention = Omit<Mention, 'id' | 'entityId' | 'entityType' | 'documentId'> & { ref: EntityRef };

/** An event of a page, pointing at its passage by id. */
export type PlacedEvent = Omit<PageEvent, 'passage'> & { passageId: string };

/** A candidate for curation, placed by line and column. */
export interface PlacedCandidate {
  text: string;
  kind: Candidate['kind'];
  passageId: string;
  line: number;
  column: number;
}

/**
 * Everything one page contributes to the dataset, as plain data: a worker thread can produce it and a
 * cache keep it, and merging pages needs nothing else.
 */
export interface PageRecords {
  document: Document;
  sections: Section[];
  passages: Passage[];
  sentences: Sentence[];
  organizations: PageOrganization[];
  people: PagePerson[];
  places: Place[];
  terms: PageTerm[];
  events: PlacedEvent[];
  mentions: PlacedMention[];
  candidates: PlacedCandidate[];
}
