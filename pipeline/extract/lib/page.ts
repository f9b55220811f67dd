import { reportWarning } from '../../model/lib/diagnostics.js';
import type { Place } from '../../model/types.js';
import type { ParsedPassage } from '../../parse/index.js';
import { findAcronymDefinitions, initialsMatch, type AcronymDefinition } from './acronyms.js';
import { findDates, dateValue, edtfValue, isAfter, type UnreadDate } from './dates.js';
import { countryByCode, countryByDemonym, countryNames, type CountryEntry } from './gazetteer/countries.js';
import { namesListedWithOrganizations, pairedSubjects } from './coordination.js';
import { employersOfPeople } from './employers.js';
import { CurationIndex } from './curation.js';
import { slug } from '../../model/lib/ids.js';
import type { Curation } from '../../model/types.js';

type CuratedEntity = NonNullable<Curation['add']>[number];
import type { CityEntry } from './gazetteer/cities.js';
import { internationalOrganizations } from './gazetteer/organizations.js';
import { findOrganizationNames, organizationFromExpansion, type OrganizationName } from './organizations.js';
import { findDescribedPeople, findGivenNamedPeople, findInitialledPeople, findListedPeople, findPartners, findPeople, type PersonName } from './people.js';
import { findCities, findCountries, isPlaceName } from './places.js';
import { sourcePoint } from '../../parse/index.js';
import { groupBy } from './group.js';
import { clauseAround, lastNamedBefore, namesAThing, sentenceRanges, uniqueRefs } from './clauses.js';
import { Claims, firstStartingAt, overlapTest, spansWithin } from './spans.js';
import { adjacent, escapeRegExp, formFinder, isAcronym, isCapitalised, tokenize, wholeWordSpans, type Token } from './tokens.js';
import type { Candidate, CheckedPage, EntityRef, PageEvent, PageExtraction, PageMention, PageOrganization, PagePerson, PageTerm } from './types.js';
import { calendarWords, functionWords, futureMarkers, isCommonWord, nameConnectors, predicateOpeners, roleWords } from './vocabulary.js';

/** "… and hosted", "… and will hold": a second verb of the same subject, after "and". */
const secondPredicate = new RegExp(String.raw`\band\s+${predicateOpeners}\b`, 'u');

/** Words between two organisations' names that make the second the parent of the first. */
const partOf =
  /^(?:\s+of\s+(?:the\s+)?$)|^(?:\s*\([^()]*\))?,?\s*(?:(?:which|that) (?:is|was) |now |is |was )?(?:(?:set up|created|established|located|housed|placed) )?(?:within|inside|under|part of|attached to|reporting to|reports to|subordinate to|(?:an?|the) (?:agency|arm|body|branch|component|department|directorate|division|office|service|unit|part) (?:of|within|under|in))\s+(?:the\s+)?$/i;

interface PassageWork {
  passage: ParsedPassage;
  tokens: Token[];
  claims: Claims;
  organizations: OrganizationName[];
  definitions: AcronymDefinition[];
  people: PersonName[];
  mentions: PageMention[];
  /** Countries named after "in", "at"…, by place id. */
  locativeCountries: Set<string>;
}

/** Extracts the organisations, people, places, terms and dated events of one page, with every mention. */
export function extractPage({ page, frontMatter }: CheckedPage, curation: CurationIndex = new CurationIndex()): PageExtraction {
  const work: PassageWork[] = page.passages.map((passage) => {
    const tokens = tokenize(passage.text);
    return {
      passage,
      tokens,
      claims: new Claims(),
      organizations: findOrganizationNames(passage.text, tokens).filter((found) => !curation.rejects(found.name)),
      definitions: findAcronymDefinitions(passage.text),
      people: [],
      mentions: [],
      locativeCountries: new Set(),
    };
  });

  // An acronym's expansion that names an organisation replaces the shorter names found inside it.
  for (const w of work) {
    for (const definition of w.definitions) {
      const named = organizationFromExpansion(w.passage.text, definition.expansionStart, definition.expansionEnd);
      const inside = w.organizations.filter((o) => o.start < definition.expansionEnd && definition.expansionStart < o.end);
      if (!named || inside.some((o) => o.start < named.start || o.end > named.end) || curation.rejects(named.name)) continue;
      w.organizations = [...w.organizations.filter((o) => !inside.includes(o)), named].sort((a, b) => a.start - b.start);
    }
  }

  const organizations = new Map<string, PageOrganization>();
  const aliases = new Map<string, string>();
  /** Short names written in brackets after an organisation's name, found wherever else the page writes them. */
  const shortNames = new Set<string>();
  const resolve = (name: string) => aliases.get(name) ?? name;
  const addOrganization = (found: OrganizationName): string => {
    const key = found.canonicalName ?? found.name;
    const known = organizations.get(key);
    if (known) {
      if (found.name !== key && !known.alternateNames.includes(found.name)) known.alternateNames.push(found.name);
      return key;
    }
    organizations.set(key, {
      name: key,
      alternateNames: found.name !== key ? [found.name] : [],
      category: found.category,
      ...(found.acronym ? { acronym: found.acronym } : {}),
      ...(found.countryCode ? { countryCode: found.countryCode } : {}),
    });
    return key;
  };
  /** Makes `alias` another name of `target`: its names become the target's, and every mention of it names the target. */
  const sameBody = (alias: PageOrganization, target: PageOrganization) => {
    target.acronym ??= alias.acronym;
    for (const alternate of [alias.name, ...alias.alternateNames]) {
      if (alternate !== target.name && alternate !== target.acronym && !target.alternateNames.includes(alternate)) target.alternateNames.push(alternate);
    }
    aliases.set(alias.name, target.name);
  };
  for (const w of work) {
    w.organizations.forEach((found, index) => {
      const key = addOrganization(found);
      // "Brazilian Internet Steering Committee (Comitê Gestor da Internet no Brasil, CGI.br)": a name in
      // brackets right after another is the same body's name in another language or form.
      const before = w.organizations[index - 1];
      const beforeKey = before && resolve(before.canonicalName ?? before.name);
      if (before && beforeKey !== resolve(key)) {
        // "SingCERT, the Singapore Computer Emergency Response Team, …": a short name, then the full name
        // whose initials it carries, set off by commas.
        const described = /^,\s+the\s+$/.test(w.passage.text.slice(before.end, found.start)) && !before.name.includes(' ') && initialsMatch(before.name, found.name);
        if (isBracketedName(w.passage.text, before, found)) sameBody(organizations.get(resolve(key))!, organizations.get(beforeKey!)!);
        else if (described) sameBody(organizations.get(beforeKey!)!, organizations.get(resolve(key))!);
      }
      // "the National Criminal Investigation Service (Kripos)": one word in brackets after a name is its short name.
      const short = /^\s*\((\p{Lu}[\p{L}\p{N}.-]*\p{Ll}[\p{L}\p{N}.-]*)\)/u.exec(w.passage.text.slice(found.end))?.[1];
      if (short && short !== organizations.get(resolve(key))!.name && !isCommonWord(short) && !isAcronym(short) && !isPlaceName(short)) {
        const target = organizations.get(resolve(key))!;
        if (short !== target.name && !target.alternateNames.includes(short)) target.alternateNames.push(short);
        aliases.set(short, target.name);
        shortNames.add(short);
      }
    });
  }
  mergeQualifiedNames(organizations, aliases);

  // Acronyms the page defines name an organisation when their expansion is one, a term otherwise.
  const acronyms = new Map<string, EntityRef>();
  const terms = new Map<string, PageTerm>();
  for (const w of work) {
    for (const definition of w.definitions) {
      if (terms.has(definition.acronym)) continue;
      const named = w.organizations.find((o) => o.end === definition.expansionEnd && o.start >= definition.expansionStart - 4);
      const term: PageTerm = { acronym: definition.acronym, expansion: definition.expansion };
      if (named) {
        const key = resolve(named.canonicalName ?? named.name);
        const organization = organizations.get(key)!;
        organization.acronym ??= definition.acronym;
        term.organization = key;
        acronyms.set(definition.acronym, { type: 'organization', name: key });
      } else {
        acronyms.set(definition.acronym, { type: 'term', acronym: definition.acronym });
      }
      terms.set(definition.acronym, term);
    }
  }

  // A short form read as a name of its own ("the ComDCiber", in camel case) is the organisation it abbreviates.
  for (const [acronym, ref] of acronyms) {
    const own = organizations.get(acronym);
    if (ref.type !== 'organization' || !own || resolve(acronym) === ref.name) continue;
    sameBody(own, organizations.get(ref.name)!);
  }

  // People, named after a title; the organisation written just before the title is their affiliation.
  // "Mr Ilves" after "President Toomas Hendrik Ilves" is the same person: full names are read first.
  const people = new Map<string, PagePerson>();
  // Each passage's people are read once, outside the organisations' names, and used for both passes.
  const found = work.map((w) => {
    const insideOrganization = (start: number, end: number) => w.organizations.some((o) => start < o.end && o.start < end);
    const titled = findPeople(w.passage.text, w.tokens, insideOrganization);
    // A name already read after its title is not read again with a word of the title before it.
    const insideTitled = (start: number, end: number) => insideOrganization(start, end) || titled.some((p) => start < p.end && p.start < end);
    const described = [...titled, ...findDescribedPeople(w.passage.text, w.tokens, insideTitled)];
    // Names read by their form (initials) or by a list they stand in come next, then a name known only by
    // its given name, each outside every name read before it.
    const insideDescribed = (start: number, end: number) => insideOrganization(start, end) || described.some((p) => start < p.end && p.start < end);
    described.push(...findInitialledPeople(w.passage.text, w.tokens, insideDescribed));
    described.push(...findListedPeople(w.passage.text, w.tokens, insideDescribed));
    const named = [...described, ...findGivenNamedPeople(w.passage.text, w.tokens, insideDescribed)];
    return [...named, ...findPartners(w.passage.text, w.tokens, named, insideOrganization)];
  });
  const titled = found.flat();
  const fullNames = titled.filter((p) => p.name.includes(' ')).map((p) => p.name);
  // "Mr Tehan" also names "Dan Tehan" written without a title elsewhere on the page.
  for (const single of new Set(titled.filter((p) => !p.name.includes(' ')).map((p) => p.name))) {
    if (fullNames.some((full) => full.split(/\s+/).includes(single))) continue;
    for (const w of work) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])((?:\\p{Lu}[\\p{L}\\p{M}'’-]+ ){1,2})${escapeRegExp(single)}(?![\\p{L}\\p{N}])`, 'gu');
      const found = [...w.passage.text.matchAll(pattern)].map((m) => m[0]).find((name) =>
        name.split(' ').slice(0, -1).every((word) => !functionWords.has(word) && !roleWords.has(word) && !calendarWords.has(word) && countryNames().get(word) === undefined && countryByDemonym(word) === undefined),
      );
      if (found) {
        fullNames.push(found);
        break;
      }
    }
  }
  // A single name is a known person's surname ("Mr Ilves") or, for names written surname first, their first name ("Mr Lee");
  // failing both, a middle word of one name only ("Mr Inuwa" for Kashifu Inuwa Abdullahi, whose surname is his father's name).
  const bySurname = (name: string) => {
    const parts = name.split(/\s+/);
    const longer = fullNames.filter((full) => full.split(/\s+/).length > parts.length);
    const named = longer.find((full) => {
      const words = full.split(/\s+/);
      const tail = words.slice(-parts.length).join(' ').toLowerCase() === name.toLowerCase();
      return tail || (parts.length === 1 && words[0] === name);
    });
    if (named || parts.length > 1) return named;
    const inside = new Set(longer.filter((full) => full.split(/\s+/).slice(1, -1).includes(name)));
    return inside.size === 1 ? [...inside][0] : undefined;
  };
  for (const full of fullNames) {
    if (bySurname(full) === undefined) people.set(full, people.get(full) ?? { name: full, roles: [], affiliations: [] });
  }
  work.forEach((w, index) => {
    for (const person of found[index]!) {
      if (w.organizations.some((o) => person.start < o.end && o.start < person.end) || curation.rejects(person.name)) continue;
      const name = bySurname(person.name) ?? person.name;
      w.people.push({ ...person, name });
      const known = people.get(name) ?? { name, roles: [], affiliations: [] };
      people.set(name, known);
      if (person.role && !known.roles.includes(person.role)) known.roles.push(person.role);
      const employer = w.organizations.find((o) => adjacent(w.passage.text, o.end, person.roleStart));
      if (employer) {
        const key = resolve(employer.canonicalName ?? employer.name);
        if (!known.affiliations.includes(key)) known.affiliations.push(key);
      }
    }
  });

  const places = new Map<string, Place>();
  const unresolved = new Set<string>();
  /** Where each acronym nothing resolved is first written: reported once the page is read, unless a list typed it. */
  const firstUnresolved: Array<{ acronym: string; passage: ParsedPassage; start: number }> = [];
  const addCurated = (entry: CuratedEntity): EntityRef => {
    if (entry.type === 'organization') {
      const name = addOrganization({ start: 0, end: 0, name: entry.name, category: entry.category ?? 'organization', ...(entry.countryCode ? { countryCode: entry.countryCode } : {}) });
      for (const alias of entry.aliases ?? []) {
        const organization = organizations.get(name)!;
        if (!organization.alternateNames.includes(alias)) organization.alternateNames.push(alias);
      }
      return { type: 'organization', name };
    }
    if (entry.type === 'person') {
      const known = people.get(entry.name) ?? { name: entry.name, roles: [], affiliations: [] };
      if (entry.role && !known.roles.includes(entry.role)) known.roles.push(entry.role);
      people.set(entry.name, known);
      return { type: 'person', name: entry.name };
    }
    const place = curatedPlace(entry);
    places.set(place.id, place);
    return { type: 'place', id: place.id };
  };
  /** Each person's full name and surname, the forms that name them again. */
  const personForms = new Map<string, string>();
  for (const person of people.values()) {
    // A surname that is also a country's name ("… Jordan") names the person only in full: the country is named far more often.
    const surname = person.name.split(/\s+/).pop()!;
    for (const form of [person.name, ...(countryNames().has(surname) ? [] : [surname])]) if (form.length >= 3 && !personForms.has(form)) personForms.set(form, person.name);
  }
  const personSpans = formFinder(personForms);
  for (const w of work) {
    const { passage, tokens, claims, mentions } = w;
    const mention = (ref: EntityRef, start: number, end: number) => mentions.push({ ref, passage, start, end });
    // What the publisher curated comes first: its spans are claimed before any finder's.
    for (const { entry, forms, found } of curation.additions()) {
      for (const form of forms) {
        for (const span of wholeWordSpans(passage.text, form)) {
          if (!claims.claim(span)) continue;
          found();
          mention(addCurated(entry), span.start, span.end);
        }
      }
    }
    w.organizations = w.organizations.filter((o) => !claims.overlaps(o));
    for (const found of w.organizations) {
      claims.claim(found);
      mention({ type: 'organization', name: resolve(found.canonicalName ?? found.name) }, found.start, found.end);
    }
    for (const definition of w.definitions) {
      const ref = acronyms.get(definition.acronym);
      if (!ref) continue;
      const start = Math.min(definition.acronymStart, definition.expansionStart);
      let end = Math.max(definition.acronymEnd, definition.expansionEnd);
      if (passage.text[end] === ')') end++;
      mention({ type: 'term', acronym: definition.acronym }, start, end);
      if (claims.claim({ start: definition.acronymStart, end: definition.acronymEnd }) && ref.type === 'organization') {
        mention(ref, definition.acronymStart, definition.acronymEnd);
      }
    }
    for (const person of w.people) {
      if (claims.claim(person)) mention({ type: 'person', name: person.name }, person.start, person.end);
    }
    // A person named before is named again by their full name or their surname alone.
    for (const span of personSpans(passage.text, tokens)) {
      // "pensioners in Maldonado and Salto" after "Inspector Rodrigo Maldonado": a surname that is a city's, after "in", is the city.
      const written = passage.text.slice(span.start, span.end);
      if (written !== span.value && /\b(?:in|at|near)\s+$/.test(passage.text.slice(Math.max(0, span.start - 8), span.start)) && isPlaceName(written)) continue;
      if (claims.claim(span)) mention({ type: 'person', name: span.value }, span.start, span.end);
    }
    for (const found of findCountries(passage.text, tokens, claims)) {
      if (curation.rejects(passage.text.slice(found.start, found.end))) continue;
      const place = countryPlace(found.country);
      places.set(place.id, place);
      if (found.locative) w.locativeCountries.add(place.id);
      mention({ type: 'place', id: place.id }, found.start, found.end);
    }
    for (const token of tokens) {
      if (!isAcronym(token.text) || claims.overlaps(token) || curation.rejects(token.text)) continue;
      let ref = resolveAcronym(token.text, acronyms, organizations, aliases, addOrganization);
      const curated = ref ? undefined : curation.term(token.text);
      if (curated) {
        if (!terms.has(curated.acronym)) terms.set(curated.acronym, { ...curated });
        ref = { type: 'term', acronym: curated.acronym };
      }
      // "CCN-CERT", "INCIBE-CERT": a response team named by its own acronym, undefined as it may be ("JPCERT/CC"
      // is one name, written with a slash, and not this one); "SingCERT, the Singapore Computer Emergency
      // Response Team, …": the name set off after it is its own.
      if (!ref && isResponseTeamName(token.text) && passage.text[token.end] !== '/') {
        const described = /^,\s+the\s+/.exec(passage.text.slice(token.end));
        const named = described && mentions.find((m) => m.ref.type === 'organization' && m.start === token.end + described[0].length);
        if (named && named.ref.type === 'organization') {
          const organization = organizations.get(named.ref.name)!;
          if (!organization.alternateNames.includes(token.text)) organization.alternateNames.push(token.text);
          ref = named.ref;
        } else ref = { type: 'organization', name: addOrganization({ start: token.start, end: token.end, name: token.text, category: 'organization' }) };
      }
      if (!ref) {
        if (!unresolved.has(token.text)) {
          unresolved.add(token.text);
          firstUnresolved.push({ acronym: token.text, passage, start: token.start });
        }
        continue;
      }
      claims.claim(token);
      mention(ref, token.start, token.end);
    }
  }

  // "…, a division within the Department of Defence", "set up within the Cabinet Secretariat": the text
  // gives an organisation's parent when only such words stand between the two names.
  for (const w of work) {
    const named = w.mentions.filter((m) => m.ref.type === 'organization');
    for (let i = 0; i + 1 < named.length; i++) {
      const child = named[i]!;
      const parent = named[i + 1]!;
      if (child.ref.type !== 'organization' || parent.ref.type !== 'organization' || child.ref.name === parent.ref.name) continue;
      if (!partOf.test(w.passage.text.slice(child.end, parent.start))) continue;
      const organization = organizations.get(child.ref.name);
      if (organization && organization.parent === undefined) organization.parent = parent.ref.name;
    }
  }

  // How often the page names each country, by the places it has named so far: a city's namesake in the
  // country named most wins; the country named most by its own name is the one the page is about.
  const pageCountries = new Map<string, number>();
  const countriesByName = new Map<string, number>();
  for (const w of work) {
    for (const m of w.mentions) {
      const place = m.ref.type === 'place' ? places.get(m.ref.id) : undefined;
      if (place === undefined) continue;
      pageCountries.set(place.countryCode, (pageCountries.get(place.countryCode) ?? 0) + 1);
      if (place.kind === 'Country') countriesByName.set(place.countryCode, (countriesByName.get(place.countryCode) ?? 0) + 1);
    }
  }
  const home = homeCountry(countriesByName);
  for (const w of work) {
    for (const found of findCities(w.passage.text, w.tokens, w.claims, pageCountries)) {
      if (curation.rejects(w.passage.text.slice(found.start, found.end))) continue;
      const place = cityPlace(found.city);
      // A city the page writes in two ways ("Milan", then "Politecnico di Milano") keeps the first.
      if (!places.has(place.id)) places.set(place.id, place);
      w.mentions.push({ ref: { type: 'place', id: place.id }, passage: w.passage, start: found.start, end: found.end });
    }
    w.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  // A name an organisation was read by is that organisation wherever else the page writes it
  // ("DITO Telecommunity, the third mobile operator, …" and later "PLDT, Globe Telecom and DITO Telecommunity").
  const knownNames = new Map<string, string>();
  for (const organization of organizations.values()) {
    if (aliases.has(organization.name)) continue;
    for (const form of [organization.name, ...organization.alternateNames]) {
      if (form.length >= 4 && !isAcronym(form) && !knownNames.has(form)) knownNames.set(form, organization.name);
    }
  }
  /** Mentions each form (a name, by the organisation it names) wherever a passage writes it and nothing else was read. */
  const mentionEverywhere = (forms: ReadonlyMap<string, string>) => {
    const spansOf = formFinder(forms);
    for (const w of work) {
      let added = false;
      for (const span of spansOf(w.passage.text, w.tokens)) {
        if (!w.claims.claim(span)) continue;
        w.mentions.push({ ref: { type: 'organization', name: span.value }, passage: w.passage, start: span.start, end: span.end });
        added = true;
      }
      if (added) w.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    }
  };
  mentionEverywhere(knownNames);
  const typedByText = new Set<string>(shortNames);
  // An untyped name listed with organisations is one ("Spark, Chorus and the Bank of New Zealand"), and so
  // are two unknown names that act together ("Telkom and Vodacom began sharing threat data").
  for (const w of work) {
    const named = overlapTest(w.mentions);
    // Read once for both rules: a name after "<person> of" never opens a sentence, so the words that do make no difference there.
    const untyped = untypedNames(w, unresolved, { sentenceInitial: true });
    const listed = [
      ...namesListedWithOrganizations(w.passage.text, w.mentions, untyped).map(asSpan),
      ...pairedSubjects(w.passage.text, w.tokens, named),
      ...employersOfPeople(w.passage.text, w.mentions, untyped).map(asSpan),
    ];
    for (const candidate of listed) {
      if (curation.rejects(candidate.name)) continue;
      // A country read inside the name ("Telecom Argentina") is no longer a mention of the place.
      const inside = w.mentions.filter((m) => m.ref.type === 'place' && candidate.start <= m.start && m.end <= candidate.end);
      for (const m of inside) w.claims.release(m);
      if (!w.claims.claim(candidate)) {
        for (const m of inside) w.claims.claim(m);
        continue;
      }
      w.mentions = w.mentions.filter((m) => !inside.includes(m));
      const name = addOrganization({ ...candidate, category: 'organization' });
      w.mentions.push({ ref: { type: 'organization', name: resolve(name) }, passage: w.passage, start: candidate.start, end: candidate.end });
      typedByText.add(candidate.name);
    }
    if (listed.length > 0) w.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  // A name typed so is the same organisation wherever else the page writes it.
  mentionEverywhere(new Map([...typedByText].map((name) => [name, resolve(name)])));
  for (const { acronym, passage, start } of firstUnresolved) {
    if (typedByText.has(acronym)) continue;
    reportWarning(
      page.file,
      `Acronym \`${acronym}\` is not defined on the page nor known to the gazetteer: define it as "Full Name (${acronym})" or curate it`,
      sourcePoint(page.file, passage, start),
      'acronym-unresolved',
    );
  }

  const events: PageEvent[] = [];
  const sentencesOf = groupBy(page.sentences, (sentence) => sentence.passageId);
  const eventMentions: PageMention[] = [];
  for (const w of work) {
    const unread: UnreadDate[] = [];
    const dates = findDates(w.passage.text, frontMatter.dateModified, unread);
    for (const date of unread) {
      reportWarning(
        page.file,
        date.reason === 'no-year'
          ? `Date \`${date.text}\` gives no year and none can be inferred: no event is dated by it; write the year`
          : `\`${date.text}\` is written like a date but is not one the rules can read: write it as "14 May 2008" or 2008-05-14`,
        sourcePoint(page.file, w.passage, date.start),
        'date-unread',
      );
    }
    const ranges = dates.length > 0 ? sentenceRanges(sentencesOf.get(w.passage.id) ?? [], w.passage) : [];
    for (const date of dates) {
      const sentence = ranges[firstStartingAt(ranges, date.start + 1) - 1];
      if (!sentence || date.start >= sentence.end) continue;
      // "The 2015 strategy sets four goals": a year that names a thing dates it, but nothing happens.
      if (namesAThing(w.passage.text, date)) continue;
      const clause = clauseAround(w.passage.text, sentence, date.start);
      const inClause = spansWithin(w.mentions, clause.start, clause.end);
      const inSentence = spansWithin(w.mentions, sentence.start, sentence.end);
      const isCity = (m: PageMention) => m.ref.type === 'place' && m.ref.id.startsWith('place/geonames-');
      // A clause without a place takes the city of an undated clause of the same sentence
      // ("The … Conference, held in Munich every February, discussed … in 2013").
      const undatedCities = inSentence.filter((m) => {
        if (!isCity(m)) return false;
        const around = clauseAround(w.passage.text, sentence, m.start);
        return !dates.some((d) => d.start >= around.start && d.end <= around.end);
      });
      // Only one city, and one the sentence puts something in or at: "officials from Baguio", "a firm
      // based in Chicago" are not where it happened.
      const borrowed = new Set(undatedCities.map((m) => JSON.stringify(m.ref))).size === 1 ? undatedCities[0] : undefined;
      const placedIn = (m: PageMention) => {
        const before = w.passage.text.slice(Math.max(0, m.start - 24), m.start);
        // "Bangkok hosts the … Centre, which opened on 14 September 2018": a city that hosts it is where it is.
        if (/^\s+(?:hosts|hosted|has hosted|is home to|was home to)\b/.test(w.passage.text.slice(m.end, m.end + 16))) return true;
        return /\b(?:in|at)\s+(?:the\s+)?$/.test(before) && !/\b(?:based|headquartered|located)\s+(?:in|at)\s+(?:the\s+)?$/.test(before);
      };
      // Of two cities in the clause, the one nearer the date ("in Washington in mid-2021 and … in London early in 2022").
      const distance = (m: PageMention) => (m.end <= date.start ? date.start - m.end : m.start - date.end);
      // "It chaired the OSCE in 2010 and hosted the summit in Astana on 1 and 2 December 2010": a city after a
      // second verb and the date that verb has is where that happened, not this.
      const ofAnotherVerb = (m: PageMention) => {
        if (m.start < date.end) return false;
        const between = w.passage.text.slice(date.end, m.start);
        const verb = secondPredicate.exec(between);
        if (verb !== null && dates.some((d) => d !== date && d.start >= date.end + verb.index && d.start >= clause.start && d.end <= clause.end)) return true;
        // "… with the UK in November 2018 and with Spain in Madrid on 11 March 2019": after "and", a city with a date of its own is that date's.
        return /\band\b/.test(between) && dates.some((d) => d !== date && d.start >= m.end && d.end <= clause.end && !/[.;]/.test(w.passage.text.slice(m.end, d.start)));
      };
      const location =
        inClause.filter((m) => isCity(m) && !ofAnotherVerb(m)).sort((a, b) => distance(a) - distance(b))[0] ??
        inClause.find((m) => m.ref.type === 'place' && w.locativeCountries.has(m.ref.id)) ??
        (borrowed && placedIn(borrowed) ? borrowed : undefined);
      // Organisations, people and countries take part; cities and acronym definitions do not.
      const isParticipant = (m: PageMention) =>
        m !== location && (m.ref.type === 'organization' || m.ref.type === 'person' || (m.ref.type === 'place' && !m.ref.id.startsWith('place/geonames-')));
      let participants = inClause.filter(isParticipant);
      // "Its status was reinforced…", "…, which first met in 2011": the clause is about the last one named.
      if (participants.length === 0 && /^(?:it|its|they|their|he|his|she|her|which|who|whose)\b/i.test(clause.text)) {
        participants = lastNamedBefore(w.mentions, clause.start);
      }
      if (participants.length === 0) {
        participants = inSentence.filter((m) => isParticipant(m) && !(m.ref.type === 'place' && w.locativeCountries.has(m.ref.id)));
      }
      const index = events.length;
      events.push({
        passage: w.passage,
        name: clause.text,
        description: sentence.text,
        date: dateValue(date),
        startDate: date.startDate,
        ...(date.endDate ? { endDate: date.endDate } : {}),
        ...(date.qualifier ? { dateQualifier: date.qualifier } : {}),
        edtf: edtfValue(date),
        dateText: date.text,
        status: futureMarkers.test(clause.text) || isAfter(date.startDate, frontMatter.dateModified) ? 'planned' : 'past',
        ...(location?.ref.type === 'place' ? { location: location.ref.id } : {}),
        participants: uniqueRefs(participants.map((m) => m.ref)),
      });
      eventMentions.push({ ref: { type: 'event', index }, passage: w.passage, start: date.start, end: date.end });
    }
  }

  return {
    page,
    frontMatter,
    organizations: [...organizations.values()].filter((o) => !aliases.has(o.name)).map((o) => withHomeCountry(o, home)),
    people: [...people.values()],
    places: [...places.values()],
    terms: [...terms.values()],
    events,
    mentions: [...work.flatMap((w) => w.mentions), ...eventMentions],
    candidates: work.flatMap((w) => untypedNames(w, unresolved)),
  };
}

/** A candidate name as the span of a name to type. */
function asSpan({ start, end, text }: Candidate): { start: number; end: number; name: string } {
  return { start, end, name: text };
}

/**
 * Capitalised phrases and acronyms the extractor saw but typed as nothing: what a publisher may want to
 * curate. A word capitalised only because it opens a sentence, a month, a post or a nationality is not one.
 */
function untypedNames(w: PassageWork, unresolvedAcronyms: ReadonlySet<string>, { sentenceInitial = false } = {}): Candidate[] {
  const candidates: Candidate[] = [];
  const named = overlapTest(w.mentions);
  const ordinary = (token: Token) =>
    functionWords.has(token.text) || calendarWords.has(token.text) || roleWords.has(token.text) || countryByDemonym(token.text) !== undefined || /^\d/.test(token.text);
  let run: Token[] = [];
  const flush = () => {
    const words = run.filter((token, index) => !(index === 0 && token.sentenceInitial && ordinary(token)));
    // "Wipro and" before "Tata Consultancy Services", a name already read: the connector is not part of the name.
    while (words.length > 0 && nameConnectors.has(words[words.length - 1]!.text)) words.pop();
    run = [];
    if (words.length === 0 || words.every(ordinary)) return;
    if (words.length === 1 && words[0]!.sentenceInitial && !isAcronym(words[0]!.text) && !sentenceInitial) return;
    const start = words[0]!.start;
    const end = words[words.length - 1]!.end;
    if (named(start, end)) return;
    const text = w.passage.text.slice(start, end);
    const acronym = words.length === 1 && isAcronym(text);
    if (acronym && !unresolvedAcronyms.has(text)) return;
    candidates.push({ text, kind: acronym ? 'acronym' : 'name', passage: w.passage, start, end });
  };
  w.tokens.forEach((token, index) => {
    // A name already read ends the run before it: what stands beside it may still be a name of its own.
    if (named(token.start, token.end)) {
      flush();
      return;
    }
    const previous = run[run.length - 1];
    const next = w.tokens[index + 1];
    // "White Paper on Defence and National Security" is one name: connectors join capitalised words.
    const joins = previous !== undefined && nameConnectors.has(token.text) && next !== undefined && isCapitalised(next.text) && adjacent(w.passage.text, token.end, next.start);
    if ((isCapitalised(token.text) || joins) && (!previous || adjacent(w.passage.text, previous.end, token.start)) && !previous?.possessive) {
      run.push(token);
    } else {
      flush();
      if (isCapitalised(token.text)) run.push(token);
    }
  });
  flush();
  return candidates;
}

/** A response team's own name written as one word around its generic name: "CCN-CERT", "INCIBE-CERT", "JPCERT". */
function isResponseTeamName(word: string): boolean {
  return /^[\p{L}\p{N}]+-?(?:CERT|CSIRT|CIRT)(?:[-.][\p{L}\p{N}]+)?$|^(?:CERT|CSIRT|CIRT)[-.][\p{L}\p{N}]+$/u.test(word);
}

/**
 * Whether `inner` is written in brackets right after `outer`, as the first thing in them, with at most a
 * few more words, a place or an acronym after it: "(Comitê Gestor da Internet no Brasil, CGI.br)".
 */
function isBracketedName(text: string, outer: OrganizationName, inner: OrganizationName): boolean {
  const between = text.slice(outer.end, inner.start);
  // Or both names inside one bracket after an acronym: "The CCN (Centro Criptológico Nacional, National Cryptologic Centre)".
  const paired = /^\s*[,;]\s*$/.test(between) && /\(\s*$/.test(text.slice(0, outer.start)) && /^\s*\)/.test(text.slice(inner.end));
  // Or the name in a language the text names: "The NCSC (National Cyber Security Centre), in Dutch the Nationaal Cyber Security Centrum".
  // "The National Cyber Security Centre (NCSC; in German Nationales Zentrum für Cybersicherheit)": after an acronym in the bracket too.
  const language = /^(?:\s*\([^()]*?;)?\)?,?\s+(?:or\s+)?in\s+(\p{Lu}\p{Ll}+)\s*[,:]?\s+(?:the\s+)?$/u.exec(between)?.[1];
  if (language !== undefined && countryByDemonym(language) !== undefined) return true;
  // "(Bundesamt für Cybersicherheit, BACS; in French Office fédéral de la cybersécurité, OFCS)": a few more parts may follow.
  return paired || (/^\s*\($/.test(between) && /^(?:\s+\p{Ll}+(?:\s+\p{Lu}[\p{L}\p{M}-]*)?)?\s*(?:[,;]\s*[^(),;]*){0,3}\)/u.test(text.slice(inner.end)));
}

/**
 * The country a page is about, from how often it names each country: the one named most often, at least
 * twice and more than twice as often as the next. Undefined when no country stands out (a page on
 * international cooperation).
 */
function homeCountry(counts: ReadonlyMap<string, number>): string | undefined {
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return first && first[1] >= 2 && first[1] > 2 * (second?.[1] ?? 0) ? first[0] : undefined;
}

/**
 * A government body whose name says no country ("Ministry of Defence", "National Cyber Security Centre")
 * is the body of the country the page is about: two pages on two countries name two bodies.
 */
function withHomeCountry(organization: PageOrganization, home: string | undefined): PageOrganization {
  if (home === undefined || organization.category !== 'governmentBody' || organization.countryCode !== undefined) return organization;
  return { ...organization, countryCode: home, countryFromPage: true };
}

/**
 * "Ministry of Foreign Affairs" on a page that also says "French Ministry of Foreign Affairs" is that
 * ministry: an unqualified name joins the one name that differs from it only by a country in front.
 */
function mergeQualifiedNames(organizations: Map<string, PageOrganization>, aliases: Map<string, string>): void {
  for (const [name, organization] of organizations) {
    const qualified = [...organizations.keys()].filter((other) => {
      if (!other.endsWith(` ${name}`)) return false;
      const qualifier = other.slice(0, -name.length - 1);
      return countryByDemonym(qualifier) !== undefined || countryNames().has(qualifier);
    });
    if (qualified.length !== 1) continue;
    const target = organizations.get(qualified[0]!)!;
    aliases.set(name, target.name);
    for (const alternate of [name, ...organization.alternateNames]) {
      if (!target.alternateNames.includes(alternate)) target.alternateNames.push(alternate);
    }
    target.acronym ??= organization.acronym;
  }
}

/** An acronym the page does not define: the initials of an organisation it names, or the gazetteer's. */
function resolveAcronym(
  acronym: string,
  defined: Map<string, EntityRef>,
  organizations: Map<string, PageOrganization>,
  aliases: ReadonlyMap<string, string>,
  addOrganization: (found: OrganizationName) => string,
): EntityRef | undefined {
  const ref = defined.get(acronym);
  if (ref) return ref;
  for (const organization of organizations.values()) {
    // A name that turned out to be another's (in brackets after it, or without its country) stands for that one.
    if (organization.acronym === acronym || initialsMatch(acronym, organization.name)) return { type: 'organization', name: aliases.get(organization.name) ?? organization.name };
  }
  const entry = internationalOrganizations().get(acronym);
  if (entry) {
    const name = addOrganization({ start: 0, end: 0, name: entry.name, category: 'internationalOrganization', canonicalName: entry.name, acronym: entry.acronyms[0] ?? acronym });
    return { type: 'organization', name };
  }
  return undefined;
}

/** A place the publisher added: the gazetteer's country when the code names one, else as curated. */
function curatedPlace(entry: CuratedEntity): Place {
  const country = entry.countryCode ? countryByCode(entry.countryCode) : undefined;
  if (entry.kind !== 'City' && country) return countryPlace(country);
  return {
    id: entry.geonamesId ? `place/geonames-${entry.geonamesId}` : `place/${slug(`${entry.countryCode ?? 'xx'}-${entry.name}`)}`,
    name: entry.name,
    kind: entry.kind ?? 'City',
    countryCode: entry.countryCode ?? 'XX',
    ...(entry.geonamesId ? { geonamesId: entry.geonamesId } : {}),
  };
}

function countryPlace(country: CountryEntry): Place {
  return {
    id: `place/${country.cca2.toLowerCase()}`,
    name: country.name,
    kind: 'Country',
    countryCode: country.cca2,
    iso3: country.cca3,
    latitude: country.latitude,
    longitude: country.longitude,
  };
}

function cityPlace(city: CityEntry): Place {
  return {
    id: `place/geonames-${city.geonamesId}`,
    name: city.name,
    kind: 'City',
    countryCode: city.countryCode,
    geonamesId: city.geonamesId,
    latitude: city.latitude,
    longitude: city.longitude,
  };
}
