import type { Organization } from '../../model/types.js';
import { citiesByName } from './gazetteer/cities.js';
import { countryByDemonym, countryNames, type CountryEntry } from './gazetteer/countries.js';
import { internationalOrganizations, type OrganizationEntry } from './gazetteer/organizations.js';
import { isPlaceName, isWellKnownPlaceName } from './places.js';
import { insideBrackets } from './spans.js';
import { adjacent, firstWords, isAcronym, isCapitalised, type Token } from './tokens.js';
import {
  adjectivalRoleWords,
  calendarWords,
  companyHeads,
  eventOrWorkHeads,
  foreignArticles,
  foreignConnectors,
  foreignGovernmentHeads,
  foreignHeadEnding,
  foreignOrganizationHeads,
  foreignWorkHeads,
  functionWords,
  governmentHeads,
  governmentModifiers,
  internationalModifiers,
  isCommonWord,
  legislatures,
  organizationHeads,
  nameConnectors,
  predicateOpeners,
  nameParticles,
  roleWords,
} from './vocabulary.js';

/** An organisation's name found in a passage. */
export interface OrganizationName {
  start: number;
  end: number;
  name: string;
  category: Organization['category'];
  countryCode?: string;
  /** The gazetteer's name when the gazetteer knows the organisation. */
  canonicalName?: string;
  acronym?: string;
}

/** Local courts are named with the city they sit in ("Municipal Court in Prague"); a high court sitting in a city is not. */
const localCourtWords = new Set(['Municipal', 'Regional', 'District', 'County', 'City', 'Circuit', 'Provincial', 'Local']);

/** Plurals not made with "s", whose possessive is written "'s": "People's Court", "Children's Hospital". */
const irregularPlurals = new Set(['People', 'Children', 'Women', 'Men']);

// "in" is left out: "… Centre of Excellence in Tallinn" names a place after it far more often than a
// name goes on ("… Co-operation in Europe" is in the gazetteer).
const complementConnectors = new Set(['of', 'for', 'on', 'and', '&', 'against']);

/**
 * Finds organisation names: names the international-organisation gazetteer knows, and capitalised
 * phrases headed by an organisation noun ("French Network and Information Security Agency",
 * "Ministry of Foreign Affairs and International Development"). A post ("Deputy Secretary-General")
 * ends a name; a function word at the start of a sentence is not part of one.
 */
export function findOrganizationNames(text: string, tokens: readonly Token[]): OrganizationName[] {
  const found: OrganizationName[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  const inBrackets = insideBrackets(text);

  // Gazetteer names of two words or more, longest first.
  const gazetteer = internationalOrganizations();
  const gazetteerWords = firstWords(gazetteer);
  const deferred: OrganizationName[] = [];
  /** The longest gazetteer name that starts at token `i`, in words. */
  const longestAt = (i: number): { length: number; entry: OrganizationEntry } | undefined => {
    const longest = gazetteerWords.get(tokens[i]?.text ?? '');
    if (longest === undefined) return undefined;
    for (let length = Math.min(longest, 10, tokens.length - i); length >= 1; length--) {
      const phrase = text.slice(tokens[i]!.start, tokens[i + length - 1]!.end);
      // One word is a gazetteer name only when it is not also an acronym (read later, with the page's definitions).
      const entry = length === 1 && (isAcronym(phrase) || phrase.length < 5) ? undefined : gazetteer.get(phrase);
      if (entry) return { length, entry };
    }
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const match = longestAt(i);
    if (match === undefined) continue;
    // "the Commonwealth of Independent States": a name with the article ("the Commonwealth") gives way to a
    // longer one that starts after the article.
    const after = longestAt(i + 1);
    if (after && after.length >= match.length) continue;
    // "Security Council" inside "National Cyber Security Council" is not the gazetteer's.
    const previous = tokens[i - 1];
    const insideLongerName = previous !== undefined && isModifier(previous) && adjacent(text, previous.end, tokens[i]!.start);
    const last = tokens[i + match.length - 1]!;
    if (insideLongerName || taken(tokens[i]!.start, last.end)) continue;
    const { entry } = match;
    const name: OrganizationName = { start: tokens[i]!.start, end: last.end, name: text.slice(tokens[i]!.start, last.end), category: 'internationalOrganization', canonicalName: entry.name, ...(entry.acronyms[0] ? { acronym: entry.acronyms[0] } : {}) };
    // "United Nations Economic and Social Commission for Asia and the Pacific": a gazetteer name that goes on
    // into more words of a name may start a longer one, read below by its head; it stands alone if none is.
    const next = tokens[i + match.length];
    if (next !== undefined && !last.possessive && adjacent(text, last.end, next.start) && isModifier(next) && !isAcronym(next.text)) deferred.push(name);
    else found.push(name);
    i += match.length - 1;
  }

  for (let i = 0; i < tokens.length; i++) {
    if (!isHead(tokens[i]!.text) || taken(tokens[i]!.start, tokens[i]!.end)) continue;
    // The head is the last organisation noun of a run of capitalised words ("Federal Criminal Police Office").
    for (let k = i + 1; k < tokens.length && isModifier(tokens[k]!) && !tokens[k - 1]!.possessive && adjacent(text, tokens[k - 1]!.end, tokens[k]!.start); k++) {
      if (isHead(tokens[k]!.text)) i = k;
    }
    const head = tokens[i]!;
    const foreignHead = !organizationHeads.has(head.text) && !companyHeads.has(head.text) && !responseTeams.has(head.text);
    // Modifiers to the left: capitalised words, joined by connectors between capitalised words.
    let first = i;
    while (first > 0) {
      const previous = tokens[first - 1]!;
      // "Officials' Committee", "Workers' Party": a plural in the possessive describes the body, it does not own it.
      if (first === i && isModifier(previous) && pluralApostrophe(text, previous) && adjacent(text, previous.end + 1, tokens[first]!.start)) {
        first--;
        continue;
      }
      if (!adjacent(text, previous.end + (previous.possessive ? 2 : 0), tokens[first]!.start)) break;
      // "People's Court", "People's Bank of China": a plural that takes "'s" describes the body, like "Workers'".
      if (previous.possessive && irregularPlurals.has(previous.text)) {
        first--;
        continue;
      }
      // "Attorney-General's Department", "Prime Minister's Office": a post in the possessive names the body.
      if (previous.possessive) {
        if (!isRoleWord(previous.text) || first !== i) break;
        first--;
        while (first > 0 && isRoleWord(tokens[first - 1]!.text) && adjacent(text, tokens[first - 1]!.end, tokens[first]!.start)) first--;
        break;
      }
      // "(NCSC; in German Nationales Zentrum für Cybersicherheit)": the language a name is given in is not part of it.
      if (isModifier(previous) && !(tokens[first - 2]?.text === 'in' && countryByDemonym(previous.text) !== undefined)) {
        first--;
        continue;
      }
      const beforeConnector = tokens[first - 2];
      // "De La Salle University and Mapúa University": a head before "and" ends another name.
      // Nor an acronym after "and" ("Maybank and CIMB Group" are two).
      if ((previous.text === 'and' || previous.text === '&') && beforeConnector && isModifier(beforeConnector) && !isHead(beforeConnector.text) && !isAcronym(tokens[first]!.text) && adjacent(text, beforeConnector.end, previous.start)) {
        first -= 2;
        continue;
      }
      // "Ateneo de Manila University": a particle between capitalised words of the name. Not before a head
      // of another language, which comes first in its name: "Karen la Cour" is a person.
      if (nameParticles.has(previous.text) && !foreignHead && beforeConnector && isModifier(beforeConnector) && adjacent(text, beforeConnector.end, previous.start) && !beforeConnector.possessive) {
        first -= 2;
        continue;
      }
      break;
    }
    // A list before the head: "Research, Innovation and Enterprise Council".
    if (first > 0 && /^\s*,\s*$/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start)) && isModifier(tokens[first - 1]!)) {
      // One word between "and" and the head, as in a name; "Infosys, Wipro and Tata Consultancy Services" lists names.
      const joined = tokens.slice(first, i).some((token) => token.text === 'and') && tokens[i - 2]?.text === 'and';
      if (joined && !tokens[first - 1]!.sentenceInitial) first--;
      else if (!joined) {
        // The list ends at its "and": what follows is the last item's name, not a part of a longer one.
        const and = tokens.slice(first, i).findIndex((token) => token.text === 'and' || token.text === '&');
        if (and >= 0) first += and + 1;
      }
    }
    // "Technion – Israel Institute of Technology", "CSC – IT Center for Science": one word, a spaced dash, then
    // a body's name is one name (the word alone is its short name).
    const dashed = tokens[first - 1];
    const beforeDashed = tokens[first - 2];
    if (
      dashed &&
      /^\s+[–—]\s+$/.test(text.slice(dashed.end, tokens[first]!.start)) &&
      isCapitalised(dashed.text) &&
      (isAcronym(dashed.text) || !isCommonWord(dashed.text)) &&
      !functionWords.has(dashed.text) &&
      !isPlaceName(dashed.text) &&
      !(beforeDashed && isCapitalised(beforeDashed.text) && !functionWords.has(beforeDashed.text) && adjacent(text, beforeDashed.end, dashed.start))
    ) first--;
    // "Minister of Telecommunications and Postal Services": the words after a minister's "of" name a portfolio, not a body.
    const before = tokens[first - 1];
    if (before && (before.text === 'of' || before.text === 'for') && portfolioPosts.has(tokens[first - 2]?.text ?? '') && adjacent(text, tokens[first - 2]!.end, before.start) && adjacent(text, before.end, tokens[first]!.start)) continue;
    // A complement to the right: "of Foreign Affairs", "for Security and Co-operation in Europe".
    let last = i;
    let j = i + 1;
    // A head written first, in another language, takes its complement with that language's words
    // ("Ministerio del Interior y Seguridad Pública") or with none ("Agencja Bezpieczeństwa Wewnętrznego", "Policía Nacional").
    if (foreignHead) {
      while (j < tokens.length && isComplementWord(tokens[j]!) && !tokens[j - 1]!.possessive && adjacent(text, tokens[j - 1]!.end, tokens[j]!.start)) j++;
      last = j - 1;
    }
    // A head in another language takes that language's connecting words only: "Banco Galicia and Telecom Argentina" are two.
    // "to" goes on inside a complement ("Agency for Access to Public Information"), not right after the head ("moved the Agency to Brno").
    const connects = (token: Token) =>
      foreignHead ? foreignConnectors.has(token.text) : complementConnectors.has(token.text) || (token.text === 'to' && last > i);
    const article = (token: Token | undefined) => token !== undefined && (token.text === 'the' || (foreignHead && foreignArticles.has(token.text)));
    // "Confederation of Employers' and Entrepreneurs' Associations": a plural in the possessive goes on too.
    while (!tokens[last]!.possessive && j < tokens.length && connects(tokens[j]!) && adjacent(text, tokens[last]!.end + pluralApostrophe(text, tokens[last]!), tokens[j]!.start)) {
      let k = j + 1;
      // "and the" joins a region only: "Commission for Asia and the Pacific", "… for Latin America and the Caribbean".
      const definite = article(tokens[k]) && (tokens[j]!.text !== 'and' || regionsWithArticle.has(tokens[k + 1]?.text ?? '')) && adjacent(text, tokens[j]!.end, tokens[k]!.start);
      if (definite) k++;
      // After "of the" a post is part of the name ("Department of the Prime Minister and Cabinet").
      // A Roman numeral after a name ends it: "University of Naples Federico II".
      const fits = (token: Token) => isComplementWord(token) || (definite && isCapitalised(token.text) && roleWords.has(token.text)) || (token !== tokens[k] && romanNumeral.test(token.text));
      let end = k;
      // Inside "of the …" a possessive goes on ("Office of the Children's eSafety Commissioner").
      const joined = (a: Token, b: Token) => adjacent(text, a.end + (a.possessive && definite ? 2 : 0) + pluralApostrophe(text, a), b.start);
      while (end < tokens.length && fits(tokens[end]!) && joined(tokens[end - 1]!, tokens[end]!)) {
        end++;
        if (tokens[end - 1]!.possessive && !definite) break;
      }
      while (end > k && tokens[end - 1]!.possessive) end--;
      if (end === k) break;
      // "… against Organised Crime and Brno University Hospital": after "and", a place's name and an
      // organisation noun name another body ("Cyber Forces and Information Operations Command" is one).
      const possessor = tokens.slice(k, end - 1).some((token) => pluralApostrophe(text, token) === 1);
      const placeNamed = isPlaceName(tokens[k]!.text) || countryByDemonym(tokens[k]!.text) !== undefined;
      // Nor "De La Salle University and Mapúa University": the same noun heads both.
      // Nor "University of Lagos and Ahmadu Bello University": the same noun heads both, before or after its complement.
      const sameHead = tokens[end - 1]!.text === tokens[last]!.text || tokens[end - 1]!.text === head.text;
      if (tokens[j]!.text === 'and' && end - k >= 2 && isBodyHead(tokens[end - 1]!.text) && !possessor && (placeNamed || sameHead)) break;
      // "… Division of the Ministry of Home Affairs": a complement that is itself an organisation's name
      // is not part of this one (it is its parent, read elsewhere).
      // A response team's complement is its body, part of its name: "CERT of the Army of the Czech Republic".
      // "Federal Office of Police" is one name: a body noun alone after "of" is the field, not another body.
      if (j === i + 1 && tokens[j]!.text === 'of' && isBodyHead(tokens[k]!.text) && (definite || end - k >= 2) && !responseTeams.has(head.text)) break;
      // "Faculty of Engineering of the Universidad de la República": a head of another language, written first, starts another body's name.
      if (tokens[j]!.text === 'of' && foreignOrganizationHeads.has(tokens[k]!.text) && !foreignHead) break;
      // So is "the Nigerian Army" in "Cyber Warfare Command of the Nigerian Army": a body within a body
      // named after the head's name, when the complement says whose it is or is a name of three words
      // ("the National Interuniversity Consortium"). "General Command of the Military Forces" is one
      // name, and an intergovernmental body stays in it ("Council of the European Union").
      const complementName = text.slice(tokens[k]!.start, tokens[end - 1]!.end);
      const ownName = end - k >= 3 || isPlaceName(tokens[k]!.text) || countryByDemonym(tokens[k]!.text) !== undefined;
      if (j === i + 1 && first < i && definite && end - k >= 2 && ownName && isBodyHead(tokens[end - 1]!.text) && !responseTeams.has(head.text) && !gazetteer.has(complementName)) break;
      // "Jyske Bank and Danmarks Nationalbank": a name that ends in its head ends there, and "and" right after
      // it starts another name, unless that one has an organisation noun too (see above).
      if (j === i + 1 && tokens[j]!.text === 'and' && first < i && !isBodyHead(tokens[end - 1]!.text)) break;
      last = end - 1;
      j = end;
      // A list inside the name: "Department of Industry, Innovation and Science".
      const list = listContinuation(text, tokens, end);
      if (list !== undefined) {
        last = list;
        j = list + 1;
      }
    }
    // "Municipal Court in Prague", "District Court in Warsaw": a local court is named with its seat.
    if (last === i && first === i - 1 && localCourtWords.has(tokens[first]!.text) && head.text === 'Court' && tokens[last + 1]?.text === 'in' && adjacent(text, head.end, tokens[last + 1]!.start)) {
      for (let words = 3; words >= 1; words--) {
        const seat = tokens.slice(last + 2, last + 2 + words);
        if (seat.length === words && seat.every((t, k) => isCapitalised(t.text) && adjacent(text, (k === 0 ? tokens[last + 1]! : seat[k - 1]!).end, t.start)) && isPlaceName(text.slice(seat[0]!.start, seat[words - 1]!.end))) {
          last += 1 + words;
          break;
        }
      }
    }
    // "Radiocommunications Agency Netherlands", "Police Scotland": a country written right after the head is part of the name.
    if (last === i) last += countryAfter(text, tokens, last)?.words ?? 0;
    // "Unit 8200", "Command 86": a head alone, then its number, is a name.
    const number = tokens[last + 1];
    if (first === last && number !== undefined && /^\d{2,5}$/.test(number.text) && adjacent(text, tokens[last]!.end, number.start) && !/^[\s,]*(?:\p{Lu}\p{Ll}+\s+)?\d{4}/u.test(text.slice(number.end)) && !/^(?:19|20)\d\d$/.test(number.text)) last++;
    if (first === last) continue;
    // "Chief Cabinet Secretary Yoshihide Suga": a title word, a head, a title is a post, not a body.
    const following = tokens[last + 1];
    if (adjectivalRoleWords.has(tokens[first]!.text) && following && roleWords.has(following.text) && adjacent(text, tokens[last]!.end, following.start)) continue;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    if (taken(start, end)) continue;
    const words = tokens.slice(first, last + 1).map((t) => t.text);
    found.push({ start, end, name: text.slice(start, end), ...classify(words, i - first, head.text) });
    i = last;
  }
  for (const name of deferred) if (!taken(name.start, name.end)) found.push(name);
  // Names with no organisation noun: a word in camel case ("CrimTrac", "StarHub", "AusCERT"), a name
  // written as a domain name ("CERT.br"), or a name the text describes as a firm ("Trustwave, a cyber
  // security firm").
  tokens.forEach((token, index) => {
    if (taken(token.start, token.end) || !isCapitalised(token.text)) return;
    // "the WannaCry ransomware": a camel-case word before the kind of program it is names the program.
    const camel = /^\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{N}]*$/u.test(token.text) && !/^Ma?c\p{Lu}/u.test(token.text) && !programNoun.test(text.slice(token.end));
    // "F-Secure, founded in Helsinki in 1988": a name said to be founded, not a place's.
    // "Atlassian was founded in Sydney in 2002", "Jirayut Srupsrisopa founded Bitkub": the name of what was founded.
    const founded =
      /^,\s+(?:which\s+was\s+)?(?:founded|co-founded|established|incorporated)\s+(?:in|by|as)\s/.test(text.slice(token.end)) ||
      (/^\s+was\s+(?:founded|co-founded)\s+(?:in|by|as)\s/.test(text.slice(token.end)) && !eventOrWorkHeads.has(token.text)) ||
      (/\b(?:founded|co-founded)\s+$/.test(text.slice(Math.max(0, token.start - 12), token.start)) && !isCapitalised(tokens[index + 1]?.text ?? ''));
    // "Norsk Hydro, one of the world's largest aluminium producers": the capitalised words before the comma,
    // unless together they name a place ("MTN Ghana, the largest mobile operator" is a firm; "Helsinki, founded in 1550" is not).
    let first = index;
    while (first > 0 && (isModifier(tokens[first - 1]!) || isAcronym(tokens[first - 1]!.text)) && !tokens[first - 1]!.possessive && adjacent(text, tokens[first - 1]!.end, tokens[first]!.start)) first--;
    // A town of a few thousand people may share a firm's name ("Leonardo, the defence and aerospace group"):
    // only a country or a large city is taken to be described so.
    const named = text.slice(tokens[first]!.start, token.end);
    const described = !functionWords.has(token.text) && ((describedAsFirm.test(text.slice(token.end)) && !isWellKnownPlaceName(named)) || (founded && !isPlaceName(named)));
    // A name written as a domain name: "CERT.br", "NIC.br", "GOVCERT.NL" (an acronym, a dot, a country or generic domain).
    // Inside brackets it, like a camel-case word, is the short form of the name before them, read with the acronyms.
    const bracketed = inBrackets(token.start);
    // Also a name with its web domain ("Seznam.cz", "Kiwi.com") and a registry's name after its country's code ("CZ.NIC").
    const domain =
      !bracketed &&
      (/^\p{Lu}{2}[\p{Lu}\p{N}-]*\.(?:[a-z]{2}|[A-Z]{2}|org|net|com|gov|int)$/u.test(token.text) ||
        /^\p{Lu}[\p{Ll}\p{N}-]{2,}\.(?:com|org|net|eu|cz|sk|pl|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|ee|lv|lt|ua|uk|ie|pt|br|cl|ar|mx|co|in|jp|kr|cn|au|nz|za|ke|ng|sg)$/u.test(token.text) ||
        /^\p{Lu}{2}\.\p{Lu}{3,}$/u.test(token.text));
    if ((camel && !bracketed) || domain) {
      // "CyberSecurity Malaysia": a camel-case name may take its country after it.
      const country = camel ? countryAfter(text, tokens, index) : undefined;
      // "KrCERT/CC": a response team's coordination-centre suffix is part of its name.
      const suffix = /^\/(?:CC|IRT)\b/.exec(text.slice(token.end))?.[0].length ?? 0;
      const end = country ? tokens[index + country.words]!.end : token.end + suffix;
      found.push({ start: token.start, end, name: text.slice(token.start, end), category: 'organization', ...(country ? { countryCode: country.country.cca2 } : {}) });
    }
    else if (described) {
      const start = tokens[first]!.start;
      if (!taken(start, token.end)) found.push({ start, end: token.end, name: text.slice(start, token.end), category: 'organization' });
    }
  });
  // "Komerční banka", "Česká národní banka": in languages that capitalise only a name's first word, a head in
  // lower case after it (never a word of English: "banka", not "bank").
  tokens.forEach((token, index) => {
    if (!isModifier(token) || taken(token.start, token.end) || (token.sentenceInitial && functionWords.has(token.text))) return;
    for (let j = index + 1; j <= index + 3 && j < tokens.length; j++) {
      const word = tokens[j]!;
      if (!/^\p{Ll}/u.test(word.text) || !adjacent(text, tokens[j - 1]!.end, word.start)) return;
      const capitalised = word.text.charAt(0).toUpperCase() + word.text.slice(1);
      if (!foreignOrganizationHeads.has(capitalised) || isCommonWord(word.text)) continue;
      if (!taken(token.start, word.end)) found.push({ start: token.start, end: word.end, name: text.slice(token.start, word.end), ...classify([token.text, capitalised], 1, capitalised) });
      return;
    }
  });
  // A response team named after its country: "CERT Tonga", "CSIRT Malta"; or with a word of its own language
  // after it, no word of English: "CSIRT Italia", "CERT Nazionale", "CERT Polska".
  tokens.forEach((token, index) => {
    if (!responseTeams.has(token.text) || taken(token.start, token.end)) return;
    const after = countryAfter(text, tokens, index);
    const word = tokens[index + 1];
    const ownWord = word !== undefined && adjacent(text, token.end, word.start) && isCapitalised(word.text) && !isAcronym(word.text) && !isCommonWord(word.text) && !functionWords.has(word.text) && !roleWords.has(word.text) && !calendarWords.has(word.text);
    // "CSIRT NASK", "CSIRT GOV": a team named after the body that runs it, by that body's acronym (nothing capitalised after it).
    const following = tokens[index + 2];
    const ownAcronym =
      word !== undefined && adjacent(text, token.end, word.start) && /^\p{Lu}{2,6}$/u.test(word.text) && !(following && isCapitalised(following.text) && adjacent(text, word.end, following.start));
    if (!after && !ownWord && !ownAcronym) return;
    const end = tokens[index + (after?.words ?? 1)]!.end;
    if (taken(token.start, end)) return;
    found.push({ start: token.start, end, name: text.slice(token.start, end), category: 'governmentBody', ...(after ? { countryCode: after.country.cca2 } : {}) });
  });
  // A parliament known by its own name: "the Folketing", "the Lok Sabha".
  tokens.forEach((token, index) => {
    if (!legislatureFirstWords.has(token.text)) return;
    const next = tokens[index + 1];
    const two = next && adjacent(text, token.end, next.start) ? `${token.text} ${next.text}` : undefined;
    const end = two !== undefined && legislatures.has(two) ? next!.end : legislatures.has(token.text) ? token.end : undefined;
    if (end === undefined || taken(token.start, end)) return;
    found.push({ start: token.start, end, name: text.slice(token.start, end), category: 'governmentBody' });
  });
  // "IIT Bombay", "TU Delft", "UC Berkeley": a short acronym and the city of its campus name one institution.
  // A longer one before a city is an organisation and where it sits ("the NCSC Bath team").
  tokens.forEach((token, index) => {
    const city = tokens[index + 1];
    if (!city || !isAcronym(token.text) || token.text.length > 3 || token.possessive || countryNames().has(token.text) || !adjacent(text, token.end, city.start)) return;
    if (taken(token.start, city.end) || inBrackets(token.start)) return;
    const after = tokens[index + 2];
    if (after && isCapitalised(after.text) && adjacent(text, city.end, after.start)) return;
    if (!isCapitalised(city.text) || isAcronym(city.text) || (citiesByName().get(city.text)?.[0]?.population ?? 0) < campusCityPopulation) return;
    found.push({ start: token.start, end: city.end, name: text.slice(token.start, city.end), category: 'organization' });
  });
  for (const listed of listedCompanies(text)) if (!taken(listed.start, listed.end)) found.push(listed);
  // "Buenos Aires-based Mercado Libre": the name a place's "-based" describes.
  for (const match of text.matchAll(basedName)) {
    const start = match.index + match[0].length - match[1]!.length;
    if (!taken(start, start + match[1]!.length) && !functionWords.has(match[1]!)) found.push({ start, end: start + match[1]!.length, name: match[1]!, category: 'organization' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The fewest people a city has for an acronym before it to be read as a campus ("TU Delft"), not a village's name. */
const campusCityPopulation = 50_000;

/** Posts whose complement is a portfolio ("Minister for Communications", "Secretary of State for Defence"). */
const portfolioPosts = new Set(['Minister', 'Ministers', 'Secretary', 'Commissioner', 'State']);

/** Generic names of computer emergency response teams, which take their country's name after them. */
const responseTeams = new Set(['CERT', 'CSIRT', 'CIRT']);

const romanNumeral = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$/;

/** The first word of each parliament's name: every other word of a passage is passed over at once. */
const legislatureFirstWords = new Set([...legislatures].map((name) => name.split(' ')[0]!));

/**
 * The country whose name the words after token `index` form, written right after it and ending a name
 * (no capitalised word follows), with how many words it takes.
 */
function countryAfter(text: string, tokens: readonly Token[], index: number): { words: number; country: CountryEntry } | undefined {
  for (let words = 3; words >= 1; words--) {
    const from = tokens[index + 1];
    const to = tokens[index + words];
    if (!from || !to || !adjacent(text, tokens[index]!.end, from.start) || tokens[index]!.possessive) continue;
    if (tokens.slice(index + 1, index + words + 1).some((t, k, run) => k > 0 && !adjacent(text, run[k - 1]!.end, t.start))) continue;
    const country = countryNames().get(text.slice(from.start, to.end));
    if (country === undefined) continue;
    const next = tokens[index + words + 1];
    if (next && isCapitalised(next.text) && adjacent(text, to.end, next.start)) continue;
    return { words, country };
  }
  return undefined;
}

/** Nouns for kinds of company: a list of names introduced by one, or that one closes, names companies. */
const companyNouns = String.raw`(?:companies|firms|operators|providers|carriers|banks|businesses|vendors|manufacturers|insurers|utilities|corporations|broadcasters|retailers|airlines|lenders|conglomerates)`;
/** One name in such a list: one to three words that start with a capital letter or a digit ("2degrees"). */
const listWord = String.raw`(?:[\p{L}\p{N}&'’.-]*[\p{L}\p{N}])?`;
const listItem = String.raw`[\p{Lu}\d]${listWord}(?: [\p{Lu}]${listWord}){0,2}`;
const itemList = String.raw`${listItem}(?:, ${listItem})*(?:,? and ${listItem})?`;
const introducedList = new RegExp(String.raw`\b${companyNouns}\s+(?:such as|like|including|among them)\s+(${itemList})`, 'gu');
const companyNoun = String.raw`(?:company|firm|operator|provider|carrier|bank|vendor|manufacturer|insurer|utility|corporation|group|broadcaster|retailer|airline|lender|conglomerate)`;
/** "the power company Eletrobras", "the operator Telenor": a company noun, then its name. */
const namedCompany = new RegExp(String.raw`\b[Tt]he\s+(?:\p{Ll}+\s+){0,2}${companyNoun}\s+(${listItem})(?![\p{L}\p{N}])`, 'gu');
/** "the broadcasters KBS and MBC", "the three mobile operators, SK Telecom, KT and LG Uplus": a plural company noun, then their names. */
const namedCompanies = new RegExp(String.raw`\b[Tt]he\s+(?:\p{Ll}+\s+){0,2}${companyNouns},?\s+(${listItem}(?:, ${listItem})*,? and ${listItem})(?![\p{L}\p{N}])`, 'gu');
/**
 * "MTN Nigeria, Airtel, Globacom and 9mobile began …": three names or more that open a sentence (or
 * follow its date) and are together the subject of a verb. Places, peoples and words of English are
 * never read so (see listedCompanies).
 */
const subjectList = new RegExp(
  String.raw`(?:^|[.!?;:]\s+|\b\d{4},?\s+)(${listItem}(?:, ${listItem})+,? and ${listItem})\s+${predicateOpeners}\b`,
  'gu',
);
const closedList = new RegExp(String.raw`(?<![\p{L}\p{N}])(${itemList})\s+(?:were|are|was|is)\s+(?:among|one of)\s+the\s+(?:\p{Ll}+\s+)?${companyNouns}\b`, 'gu');

/**
 * Companies named in a list that says what they are: "Mobile operators such as Spark and 2degrees",
 * "Telenor, Equinor and Statnett are among the companies that …", "the power company Eletrobras". Names written without such a cue are
 * left to curation.
 */
function listedCompanies(text: string): OrganizationName[] {
  const found: OrganizationName[] = [];
  for (const pattern of [introducedList, closedList, namedCompany, namedCompanies, subjectList]) {
    for (const match of text.matchAll(pattern)) {
      const list = match[1]!;
      const items = list.split(/(,? and |, )/);
      if (pattern === subjectList && !items.every((item, k) => k % 2 === 1 || mayNameCompany(item))) continue;
      let offset = match.index + match[0].indexOf(list);
      for (const item of items) {
        if (!/^(?:,? and |, )$/.test(item) && !functionWords.has(item) && !/^(?:The|A|An)$/.test(item)) {
          found.push({ start: offset, end: offset + item.length, name: item, category: 'organization' });
        }
        offset += item.length;
      }
    }
  }
  return found;
}

/** Whether a name in a list of subjects may be a company's: no place, people, function word or word of English. */
function mayNameCompany(item: string): boolean {
  return !isPlaceName(item) && countryByDemonym(item) === undefined && !functionWords.has(item) && !calendarWords.has(item) && !roleWords.has(item) && !(isCommonWord(item) && !item.includes(' '));
}

/** "Buenos Aires-based Mercado Libre", "London-based Darktrace": one to three capitalised words after "<Place>-based". */
const basedName = /\p{Lu}[\p{L}]*-based\s+((?:\p{Lu}[\p{L}\p{N}&.-]*)(?:\s+\p{Lu}[\p{L}\p{N}&.-]*){0,2})(?![\p{L}\p{N}])/gu;

/** Kinds of program a camel-case name stands before ("the WannaCry ransomware", "the NotPetya malware"). */
const programNoun = /^\s+(?:ransomware|malware|worm|virus|trojan|botnet|exploit|app|application|software|browser|platform)\b/;

/** Words after a name that say it is a firm or another body without an organisation noun in its name. */
const describedAsFirm = new RegExp(
  // The words before the noun describe it ("largest aluminium"); a preposition or a relative word starts
// something else ("a framework for testing banks").
// "Confindustria, the employers' federation": a plural possessive among them. A group is a body, a group of something is not.
String.raw`^,\s+(?:(?:a|an|the|two|three|four|both)\s+|one\s+of\s+(?:the|its|their)\s+(?:\p{L}+['’]s\s+)?)(?:(?!(?:for|of|with|to|that|which|who|in|on|by|from)\s)[\p{Ll}-]+['’]?\s+){0,4}` +
    String.raw`(?:firm|company|compan(?=ies)|operator|provider|carrier|bank|start-?up|vendor|manufacturer|insurer|telco|charity|consultancy|non-profit|not-for-profit|producer|maker|supplier|lender|conglomerate|airline|retailer|broadcaster|federation|cooperative|co-operative|association|foundation|think[- ]tank|alliance|coalition|consortium|research\s+(?:centre|center|institute)|group(?!\s+of\b)|utilit(?=y|ies))(?:s|ies|y)?\b`,
  'u',
);

/**
 * Where a comma list that continues a name ends: after "Industry" in "…of Industry, Innovation and
 * Science", the index of "Science"; undefined when no ", X … and Y" of capitalised words follows.
 */
function listContinuation(text: string, tokens: readonly Token[], from: number): number | undefined {
  let index = from;
  let sawComma = false;
  while (index < tokens.length) {
    const gap = text.slice(tokens[index - 1]!.end, tokens[index]!.start);
    if (/^\s*,\s*$/.test(gap) && isComplementWord(tokens[index]!)) {
      sawComma = true;
      index++;
      continue;
    }
    if (sawComma && tokens[index]!.text === 'and' && /^\s+$/.test(gap) && tokens[index + 1] && isComplementWord(tokens[index + 1]!) && adjacent(text, tokens[index]!.end, tokens[index + 1]!.start)) {
      let last = index + 1;
      while (tokens[last + 1] && isComplementWord(tokens[last + 1]!) && adjacent(text, tokens[last]!.end, tokens[last + 1]!.start)) last++;
      return last;
    }
    if (/^\s+$/.test(gap) && sawComma && isComplementWord(tokens[index]!)) {
      index++;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** A post's word, also in a hyphenated title ("Attorney-General"). */
function isRoleWord(word: string): boolean {
  return roleWords.has(word) || word.split('-').some((part) => roleWords.has(part));
}

/** 1 when a plural's possessive apostrophe follows the token ("Workers' "), else 0: how far its word reaches. */
function pluralApostrophe(text: string, token: Token): number {
  return token.text.endsWith('s') && /^['’](?![\p{L}\p{N}])/u.test(text.slice(token.end, token.end + 2)) ? 1 : 0;
}

/** A noun that heads an organisation's name, in English or, written first, in another language. */
function isHead(word: string): boolean {
  return isBodyHead(word) || companyHeads.has(word) || responseTeams.has(word);
}

/** A head that names a body of its own, also inside another name's complement ("… of the Ministry of …"). */
/** Regions named with "the" inside an organisation's name, after "and". */
const regionsWithArticle = new Set(['Pacific', 'Caribbean', 'Americas', 'Mediterranean', 'Balkans', 'Baltic', 'Arctic', 'Atlantic', 'Sahel', 'Gulf']);

/** Heads of the names of schools and universities. */
const academicHeads = new Set(['University', 'College', 'School', 'Academy', 'Polytechnic', 'Université', 'Universidad', 'Universität', 'Università']);

function isBodyHead(word: string): boolean {
  return organizationHeads.has(word) || foreignOrganizationHeads.has(word) || (isCapitalised(word) && foreignHeadEnding.test(word));
}

function isModifier(token: Token): boolean {
  return (
    isCapitalised(token.text) &&
    (!roleWords.has(token.text) || adjectivalRoleWords.has(token.text)) &&
    !functionWords.has(token.text) &&
    !calendarWords.has(token.text) &&
    !(token.sentenceInitial && functionWords.has(token.text))
  );
}

function isComplementWord(token: Token): boolean {
  return isCapitalised(token.text) && !roleWords.has(token.text) && !calendarWords.has(token.text) && !isAcronym(token.text);
}

/**
 * A name that says whose state it is ("French …", "… of France") is a government body of that state;
 * "International …" before the head marks an organisation of states; otherwise the head decides.
 */
function classify(words: string[], headIndex: number, head: string): Pick<OrganizationName, 'category' | 'countryCode'> {
  // A country of several words counts too: "United States Department of Homeland Security".
  const country = words.map((word) => countryByDemonym(word) ?? countryNames().get(word)).find((entry) => entry !== undefined) ?? countryOfSeveralWords(words);
  if (country) return { category: 'governmentBody', countryCode: country.cca2 };
  // "International University of Rabat": a school is not an organisation of states, whatever it calls itself.
  if (!academicHeads.has(head) && words.slice(0, headIndex).some((word) => internationalModifiers.has(word))) return { category: 'internationalOrganization' };
  const government = governmentHeads.has(head) || foreignGovernmentHeads.has(head) || foreignHeadEnding.test(head);
  if (government || words.some((word) => governmentModifiers.has(word))) return { category: 'governmentBody' };
  return { category: 'organization' };
}

/** The country named by two to four consecutive words of a name, if any. */
function countryOfSeveralWords(words: readonly string[]): CountryEntry | undefined {
  for (let length = 4; length >= 2; length--) {
    for (let i = 0; i + length <= words.length; i++) {
      const entry = countryNames().get(words.slice(i, i + length).join(' '));
      if (entry) return entry;
    }
  }
  return undefined;
}

/**
 * An organisation named by an acronym's expansion ("National center of Incident readiness and Strategy
 * for Cybersecurity (NISC)", "Ministry of Economy, Trade and Industry (METI)"): a capitalised expansion
 * that holds an organisation noun, whatever its case, names an organisation even where the capitalised
 * phrase reader stops short.
 */
export function organizationFromExpansion(text: string, start: number, end: number): OrganizationName | undefined {
  const name = text.slice(start, end);
  if (!isCapitalised(name)) return undefined;
  const words = name.split(/[\s,]+/).filter((word) => word !== '');
  let headIndex = words.findLastIndex((word) => isHead(word.charAt(0).toUpperCase() + word.slice(1)));
  if (headIndex < 0) {
    // Every word capitalised and not the name of a work or an event ("The Hague Security Delta (HSD)").
    const named = words.length >= 2 && words.every((word) => isCapitalised(word) || nameConnectors.has(word));
    if (!named || eventOrWorkHeads.has(words[words.length - 1]!) || foreignWorkHeads.has(words[0]!)) return undefined;
    headIndex = words.length - 1;
  }
  return { start, end, name, ...classify(words, headIndex, words[headIndex]!.charAt(0).toUpperCase() + words[headIndex]!.slice(1)) };
}
