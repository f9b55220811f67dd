import { isGivenName } from './gazetteer/given-names.js';
import { countryNames } from './gazetteer/countries.js';
import { isPlaceName, isWellKnownPlaceName } from './places.js';
import { adjacent, isAcronym, isCapitalised, type Token } from './tokens.js';
import { calendarWords, eventOrWorkHeads, functionWords, honorifics, isCommonWord, landformHeads, nameParticles, organizationHeads, roleWords } from './vocabulary.js';
import { isProperNameWord } from './words.js';

/** A person's name found after a title or post. */
export interface PersonName {
  start: number;
  end: number;
  name: string;
  /** The post as written before the name ("Deputy Secretary-General"), when there is one. */
  role?: string;
  /** UTF-16 index where the post starts. */
  roleStart: number;
}

/**
 * Finds people by the title or post written before their name: "Deputy Secretary-General Jean-François
 * Blarel", "President Toomas Hendrik Ilves", "Federal Minister of the Interior Hans-Peter Friedrich",
 * "Mr Smith". A name is two to four capitalised words (particles such as "de" or "von" may join them);
 * after an honorific alone, one word is enough. After a post with a complement ("… of the Interior"),
 * the name is the last two capitalised words. `taken` tells which words belong to an organisation's name.
 */
export function findPeople(text: string, tokens: readonly Token[], taken: (start: number, end: number) => boolean): PersonName[] {
  const found: PersonName[] = [];
  // "Dr. Megat Zuhairy", "Mr. Smith": the full stop of an abbreviated title does not part it from the name.
  const linked = (a: Token, b: Token) => adjacent(text, a.end + (abbreviatedTitles.has(a.text) && text[a.end] === '.' ? 1 : 0), b.start);
  for (let i = 0; i < tokens.length; i++) {
    // A post in lower case counts only where a name follows it between commas ("Its chair, Aleid Wolfsen,").
    const lowerPost = /^\p{Ll}/u.test(tokens[i]!.text) && isTitleWord(tokens[i]!.text) && /^\s*,\s*$/.test(text.slice(tokens[i]!.end, tokens[i + 1]?.start ?? tokens[i]!.end));
    if ((!roleWords.has(tokens[i]!.text) && !lowerPost) || taken(tokens[i]!.start, tokens[i]!.end)) continue;
    let first = i;
    while (first > 0 && isRoleModifier(tokens[first - 1]!) && linked(tokens[first - 1]!, tokens[first]!) && !taken(tokens[first - 1]!.start, tokens[first - 1]!.end)) first--;
    let roleEnd = i;
    // "Datuk Seri Anwar Ibrahim", "Tan Sri …": a Malaysian title goes on with "Seri" or "Sri".
    const titleGoesOn = (index: number) => roleWords.has(tokens[index]!.text) || (/^(?:Seri|Sri)$/.test(tokens[index]!.text) && /^(?:Datuk|Dato|Tun|Tan|Puan|Toh)$/.test(tokens[index - 1]!.text));
    while (roleEnd + 1 < tokens.length && titleGoesOn(roleEnd + 1) && linked(tokens[roleEnd]!, tokens[roleEnd + 1]!)) roleEnd++;

    let nameTokens: Token[] = [];
    let next = roleEnd + 1;
    const connector = tokens[next];
    if (connector && (connector.text === 'of' || connector.text === 'for') && linked(tokens[roleEnd]!, connector)) {
      let k = next + 1;
      if (tokens[k]?.text === 'the' && linked(connector, tokens[k]!)) k++;
      const run: Token[] = [];
      while (k < tokens.length && linked(tokens[k - 1]!, tokens[k]!)) {
        const token = tokens[k]!;
        // "… for Internal Affairs and Communications Sanae Takaichi": "and" joins capitalised words of the post.
        const joins = (token.text === 'and' || token.text === '&') && run.length > 0 && tokens[k + 1] !== undefined && isComplementWord(tokens[k + 1]!, text);
        // "… Presidency Mariana Vieira da Silva": a particle between two words of the name is part of it.
        const particle = nameParticles.has(token.text) && run.length > 0 && tokens[k + 1] !== undefined && isNameWord(tokens[k + 1]!, text);
        if (!isComplementWord(token, text) && !joins && !particle) break;
        if (!joins) run.push(token);
        k++;
        if (token.possessive) break;
      }
      next = k;
      const complementOnly = run.length > 0 && run.every((token) => isCommonWord(token.text));
      if (complementOnly && tokens[k] !== undefined && /^\s*,\s*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) {
        // "the Minister of Justice and Public Security, Tor Mikkel Wara, …": the name set off by commas after the whole post.
        const name: Token[] = [];
        for (let j = k; j < tokens.length && name.length <= 4 && isNameWord(tokens[j]!, text) && (j === k || linked(tokens[j - 1]!, tokens[j]!)); j++) name.push(tokens[j]!);
        if (name.length >= 2 && /^\s*[,.;:)]/.test(text.slice(name[name.length - 1]!.end))) {
          nameTokens = name;
          roleEnd = k - 1;
          next = k + name.length;
        }
      } else if (run.length >= 3 && !complementOnly) {
        // The post's complement is written in common words ("Foreign Affairs"), the name after it mostly
        // not ("Ine Eriksen Søreide"); when that does not split the run, the name is its last two words.
        const complement = run.findIndex((token) => !isCommonWord(token.text));
        const nameLength = complement > 0 && run.length - complement >= 2 && run.length - complement <= 4 ? run.length - complement : 2;
        nameTokens = run.slice(-nameLength);
        roleEnd = tokens.indexOf(run[run.length - nameLength - 1]!);
        // "Governor of Bank Negara Malaysia": a body's noun alone as the post's complement starts the body's
        // name (a post is "of Police" or "of Staff", never "of Bank").
        if (run.length - nameLength === 1 && organizationHeads.has(run[0]!.text) && !bareServiceHeads.has(run[0]!.text)) nameTokens = [];
      }
    } else {
      let j = roleEnd + 1;
      // "The Commissioner, Julie Inman Grant, took up…": a name set off by commas after the post.
      const appositive = tokens[j] !== undefined && /^\s*,\s*$/.test(text.slice(tokens[roleEnd]!.end, tokens[j]!.start));
      while (j < tokens.length && (linked(tokens[j - 1]!, tokens[j]!) || (appositive && j === roleEnd + 1))) {
        const token = tokens[j]!;
        if (isNameWord(token, text)) {
          nameTokens.push(token);
          j++;
          if (token.possessive) break;
          continue;
        }
        if (nameParticles.has(token.text) && nameTokens.length > 0 && tokens[j + 1] && isNameWord(tokens[j + 1]!, text)) {
          nameTokens.push(token);
          j++;
          continue;
        }
        break;
      }
      next = j;
      if (appositive && nameTokens.length > 0 && !/^\s*[,.;:)]/.test(text.slice(nameTokens[nameTokens.length - 1]!.end))) nameTokens = [];
    }

    const roleTokens = tokens.slice(first, roleEnd + 1);
    const onlyHonorifics = roleTokens.every((t) => honorifics.has(t.text));
    const minimum = roleTokens.some((t) => honorifics.has(t.text)) ? 1 : 2;
    // "High Tech Crime Unit": words followed by an organisation noun name a body, not a person.
    const after = nameTokens.length > 0 ? tokens[tokens.indexOf(nameTokens[nameTokens.length - 1]!) + 1] : undefined;
    if (after && organizationHeads.has(after.text) && adjacent(text, nameTokens[nameTokens.length - 1]!.end, after.start)) nameTokens = [];
    // "the General Data Protection Law": a title word before the name of a thing.
    if (nameTokens.length > 0 && isThingName(nameTokens[nameTokens.length - 1]!.text)) nameTokens = [];
    if (nameTokens.length >= minimum && nameTokens.length <= 4 && !taken(nameTokens[0]!.start, nameTokens[nameTokens.length - 1]!.end)) {
      const start = nameTokens[0]!.start;
      const end = withSuffix(text, tokens, tokens.indexOf(nameTokens[nameTokens.length - 1]!));
      found.push({
        start,
        end,
        name: text.slice(start, end),
        ...(onlyHonorifics ? {} : { role: text.slice(tokens[first]!.start, tokens[roleEnd]!.end + (abbreviatedTitles.has(tokens[roleEnd]!.text) && text[tokens[roleEnd]!.end] === '.' ? 1 : 0)) }),
        roleStart: tokens[first]!.start,
      });
    }
    i = Math.max(roleEnd, next - 1);
  }
  return found;
}

/**
 * People named without a title but described by a post right after: "Alastair MacGibbon, formerly the
 * Children's eSafety Commissioner, became…" (two or three name words, a comma, then a post within a few words).
 */
export function findDescribedPeople(text: string, tokens: readonly Token[], taken: (start: number, end: number) => boolean): PersonName[] {
  const found: PersonName[] = [];
  // Whether "of", then an organisation's name, follows the name ending at `end`.
  const ofOrganization = (end: number) => {
    const of = /^\s+of\s+(?:the\s+)?(?=\p{Lu})/u.exec(text.slice(end, end + 12));
    return of !== null && taken(end + of[0].length, end + of[0].length + 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    for (const length of [4, 3, 2]) {
      const words = tokens.slice(i, i + length);
      if (words.length < length || !isNameRun(text, words)) continue;
      if (words[0]!.sentenceInitial && words.length < 2) continue;
      const start = words[0]!.start;
      const end = withSuffix(text, tokens, i + length - 1);
      if (taken(start, end) || (i > 0 && isNameWord(tokens[i - 1]!, text) && adjacent(text, tokens[i - 1]!.end, start))) continue;
      if (isThingName(words[length - 1]!.text)) continue;
      const rest = text.slice(end, end + 80);
      // "Orange Egypt, who …": a name ending in a country's names a company's branch there, not a person.
      const place = isPlaceName(text.slice(start, end)) || countryNames().has(words[length - 1]!.text);
      // "…, who held office as director …", "… was appointed to lead the GCSB", "…, Ian Fletcher, held office from 2012": leading a body, holding office is a post.
      // "Félix Sanz Roldán led the CNI from 2009": a name that leads, heads or chairs a named body.
      const opens = i === 0 || words[0]!.sentenceInitial || /(?:,|\b(?:and|by|to|when|after|as|that))\s*$/.test(text.slice(Math.max(0, start - 12), start));
      const before = text.slice(Math.max(0, start - 80), start);
      const leads =
        // "… was appointed on 7 October 2021 to lead the Ministry": a date or a place may stand between.
        /^(?:,\s+who)?\s+(?:was|has been)\s+appointed\b[^.;:()]{0,40}?\bto\s+(?:lead|head|run|chair)\s+(?:the\s+)?\p{Lu}/u.test(rest) ||
        // "… has been led since March 2020 by Beatriz de Anchorena": a body led by a name.
        // "founded in Almaty in 2015 by Daniyar Tokhtarov": a body founded by a name.
        (/\b(?:led|headed|chaired|directed|run|managed|founded|co-founded)\b[^.;:()]{0,30}\bby\s+$/.test(before) && !place) ||
        // "heard from Zhang Wei of Huawei", "with Park Ji-hoon of the Korea Internet & Security Agency": a name
        // that stands for the organisation named after it, as people do in reports of meetings.
        (/\b(?:from|with|by|and|between|to)\s+$/.test(before) && ofOrganization(end) && !place) ||
        // "heard from Zhang Wei of Huawei": whoever a meeting heard from, of a body not yet known, is a person.
        (/\bheard\s+from\s+$/.test(before) && ofUnknownBody(rest) && !place) ||
        // "researchers Kristian von Bonsdorff and Johanna Frost", "footballer Lionel Messi": an occupation before the name.
        occupationBefore.test(before) ||
        // "the first government of Tabaré Vázquez", "succeeding Dominic Perrottet": a term of office, a successor.
        /\b(?:government|presidency|administration|premiership|chancellorship|tenure)\s+of\s+$/.test(before) ||
        /\b(?:succeeding|succeeded\s+by|succeeded)\s+$/.test(before) ||
        // "When Luis Lacalle Pou took office", "Cho Tae-yong, who headed the NSO", "X, who had worked at …":
        // taking office, and "who", speak of a person.
        (/^,?\s+(?:took|takes|had taken)\s+office\b/.test(rest) && !place) ||
        (/^,\s+who\s/.test(rest) && !place) ||
        // "Breogán Gonda and Nicolás Jodal founded Artech": people who found a body, or leave or join a post.
        (opens && /^(?:\s+and(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){1,3})?\s+(?:founded|co-founded|resigned|retired)\b/u.test(rest) && !place) ||
        // "A 2021 report by Tehilla Shwartz Altshuler": the author of a work.
        /\b(?:report|study|paper|book|article|survey|analysis|review|letter|op-ed)\s+by\s+$/.test(before) ||
        // A name that opens or closes a quotation's attribution: '"…," Yigal Unna told the Knesset', '"…," said Kouassi N'Guessan'.
        (/[,.!?]["”]\s*$/.test(before) && /^\s+(?:said|says|told|added|adds|warned|wrote|argued|explained|insisted|noted)\b/.test(rest)) ||
        /["”]\s*,?\s*(?:said|says|added|adds|warned|wrote|argued|explained|insisted|noted)\s+$/.test(before) ||
        // "It was Nguyễn Tử Quảng who founded Bkav": a name that a cleft sentence singles out.
        (/\bIt\s+was\s+$/.test(before) && /^\s+who\b/.test(rest)) ||
        (opens && /^\s+(?:led|leads|headed|heads|chaired|chairs|directed|directs|ran|runs)\s+(?:the\s+)?\p{Lu}/u.test(rest) && !place) ||
        (/^,?\s+(?:(?:held|holds|has held)\s+office|governed|presided)\b/.test(rest) && (i === 0 || /,\s*$/.test(text.slice(tokens[i - 1]!.end, start)) || words[0]!.sentenceInitial));
      const after =
        /^,\s+(?:(?:formerly|now|then|currently|previously|later)\s+)?(?:the|a|an|its|their|his|her)\s/.exec(rest) ??
        // "Benjamin Netanyahu, then prime minister,": a post with no article after "then", "now", "formerly".
        /^,\s+(?:formerly|now|then|currently|previously|later)\s+(?=[\p{Ll}-]+)/u.exec(rest) ??
        // "with Buky Carmeli as its first head": a name, then the post it was given.
        /^\s+as\s+(?:its|the|their|his|her)\s/.exec(rest) ??
        // "Micaela Sánchez Malcolm, Secretary of Public Innovation, chairs …": a capitalised post set off by commas.
        // "Krzysztof Silicki, NASK's Director for Cybersecurity,": the post may follow its body's name in the possessive.
        (place ? null : /^,\s+(?=(?:\p{Lu}[\p{L}-]*(?:['’]s)?\s+){0,2}(?:of|for)\s[^,]{1,60},)/u.exec(rest)) ??
        // "Ondřej Filip, executive director of CZ.NIC,", "Javier Candau, head of cybersecurity at the CCN": a post in lower case.
        (place ? null : /^,\s+(?=(?:[\p{Ll}-]+\s+){0,2}(?:of|at|for)\s)/u.exec(rest)) ??
        // "Mario Draghi, prime minister from February 2021 to October 2022": a post in lower case, then when.
        (place ? null : /^,\s+(?=(?:[\p{Ll}-]+\s+){0,2}(?:from|since|until|between)\s+(?:\p{Lu}\p{Ll}+\s+)?\d{4}\b)/u.exec(rest)) ??
        /^,\s+who\s+(?:was|is|has been|had been|held office as|served as|serves as|became)\s+(?:(?:the|a|an|its|their)\s+)?/.exec(rest) ??
        // "Ivan John Uy, appointed Secretary of … in 2022": a name, then how it came to its post.
        /^,\s+(?:(?:who|then)\s+(?:was\s+)?)?(?:appointed|named|elected|re-elected|sworn in)\s/.exec(rest) ??
        /^\s+(?:became|becomes|was appointed|has been appointed|was named|was elected|served as|serves as)\s/.exec(rest) ??
        // "Lacina Koné has been its director general since 2016": a name, then the post it holds.
        /^\s+(?:is|was|has been|had been)\s+(?:its|their|the)\s/.exec(rest) ??
        (leads ? /^/.exec(rest) : null);
      if (!after) continue;
      const following = tokens.filter((t) => t.start >= end + after[0].length).slice(0, 6);
      // "Eviatar Matania, a mathematician, headed …": an occupation says a person as well as a post does.
      if (!leads && !following.some((t) => isTitleWord(t.text) || occupationWord.test(t.text))) continue;
      found.push({ start, end, name: text.slice(start, end), roleStart: start });
      i += length - 1;
      break;
    }
  }
  return found;
}

/** Whether `rest` goes on with "of" and a name that is not a place's: "… of Huawei", not "… of Japan". */
function ofUnknownBody(rest: string): boolean {
  const of = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,3})/u.exec(rest);
  return of !== null && !isPlaceName(of[1]!) && !isPlaceName(of[1]!.split(/\s+/)[0]!);
}

/**
 * People named with no title or post beside them, known by their given name: "Kate Smith of Telstra",
 * "took over the ministry from Sandra Urrutia". Two to four name words that start with a common given
 * name (see isGivenName) and stand alone (see standsAlone: "Fondazione Bruno Kessler", "Johannes Kepler
 * University" name bodies), and they are not a place or a thing.
 */
export function findGivenNamedPeople(text: string, tokens: readonly Token[], taken: (start: number, end: number) => boolean): PersonName[] {
  const found: PersonName[] = [];
  const joined = (a: Token | undefined, b: Token | undefined) => areJoined(text, a, b);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!isGivenName(first.text.split('-')[0]!) || !isNameWord(first, text) || first.possessive) continue;
    let last = i;
    while (last - i < 3 && !tokens[last]!.possessive && joined(tokens[last], tokens[last + 1])) {
      const next = tokens[last + 1]!;
      if (isNameWord(next, text)) last++;
      // "Hans de Vries": a particle inside the name, never at its end.
      else if (nameParticles.has(next.text) && joined(next, tokens[last + 2]) && isNameWord(tokens[last + 2]!, text)) last += 2;
      else break;
    }
    // A capitalised run longer than a name ("Lei Geral de Proteção de Dados") is the name of something else.
    if (last === i || !standsAlone(text, tokens, i, last)) continue;
    const words = tokens.slice(i + 1, last + 1).filter((token) => !nameParticles.has(token.text));
    // "Rafael Advanced Defense Systems", "Marco Civil": in a longer name, a common English word says a thing.
    if (words.length > 1 && words.some((token) => isCommonWord(token.text))) continue;
    const start = first.start;
    const end = withSuffix(text, tokens, last);
    const name = text.slice(start, end);
    if (taken(start, end) || isThingName(tokens[last]!.text) || isWellKnownPlaceName(name) || isWellKnownPlaceName(tokens[last]!.text)) continue;
    found.push({ start, end, name, roleStart: start });
    i = last;
  }
  return found;
}

/**
 * People named beside a person already found, joined by "and": "a study by Kavya Iyer and Arjun Menon",
 * "Breogán Gonda and Nicolás Jodal". The partner is two or three name words that stand alone, as in
 * findGivenNamedPeople, and not a place or a thing.
 */
export function findPartners(text: string, tokens: readonly Token[], people: readonly PersonName[], taken: (start: number, end: number) => boolean): PersonName[] {
  const found: PersonName[] = [];
  const joined = (a: Token | undefined, b: Token | undefined) => areJoined(text, a, b);
  const nameRun = (from: number, to: number): PersonName | undefined => {
    if (from < 0 || to >= tokens.length || to - from < 1 || to - from > 2) return undefined;
    const words = tokens.slice(from, to + 1);
    if (!words.every((word, k) => isNameWord(word, text) && (k === 0 || joined(words[k - 1], word))) || words.slice(0, -1).some((word) => word.possessive)) return undefined;
    if (!standsAlone(text, tokens, from, to)) return undefined;
    const start = words[0]!.start;
    const end = withSuffix(text, tokens, to);
    const name = text.slice(start, end);
    if (taken(start, end) || people.some((p) => start < p.end && p.start < end) || isThingName(words[words.length - 1]!.text) || isPlaceName(name) || words.some((word) => isWellKnownPlaceName(word.text))) return undefined;
    return { start, end, name, roleStart: start };
  };
  for (const person of people) {
    if (!person.name.includes(' ')) continue;
    const first = tokens.findIndex((t) => t.start === person.start);
    const last = tokens.findIndex((t) => t.end >= person.end);
    // "Kavya Iyer and [Arjun Menon]": the partner before.
    const before = tokens[first - 1];
    if (before?.text === 'and' && /^\s+$/.test(text.slice(before.end, person.start))) {
      for (const length of [3, 2]) {
        const partner = nameRun(first - 1 - length, first - 2);
        if (partner && /^\s+$/.test(text.slice(partner.end, before.start))) {
          found.push(partner);
          break;
        }
      }
    }
    // "[Breogán Gonda] and Nicolás Jodal": the partner after.
    const after = tokens[last + 1];
    if (after?.text === 'and' && /^\s+$/.test(text.slice(person.end, after.start))) {
      for (const length of [3, 2]) {
        const partner = nameRun(last + 2, last + 1 + length);
        if (partner && /^\s+$/.test(text.slice(after.end, partner.start))) {
          found.push(partner);
          break;
        }
      }
    }
  }
  return found;
}

/**
 * People named with initials: "A. K. Suleimenov", "B. N. Srikrishna", "Cosmas L. Zavazava", "Rachid M.
 * Benjelloun". One to three capital letters each with a full stop, after a given name or alone, then a
 * surname that is not a common word, a title, an organisation's noun or a place ("U.S. Army", "J. Street").
 */
export function findInitialledPeople(text: string, tokens: readonly Token[], taken: (start: number, end: number) => boolean): PersonName[] {
  const found: PersonName[] = [];
  for (const match of text.matchAll(initialledName)) {
    const end = match.index + match[0].length;
    const words = tokens.filter((token) => token.start >= match.index && token.end <= end);
    const surnameIndex = tokens.indexOf(words[words.length - 1]!);
    const surname = tokens[surnameIndex]!;
    if (!isNameWord({ ...surname, sentenceInitial: false }, text) || isCommonWord(surname.text.split('-')[0]!) || isPlaceName(surname.text)) continue;
    // "Justice B. N. Srikrishna": a word before the initials that is not a given name is left out of the name.
    const given = match[1] === undefined ? undefined : words[0]!;
    const withGiven = given !== undefined && isNameWord({ ...given, sentenceInitial: false }, text) && !isCommonWord(given.text);
    const start = withGiven || given === undefined ? match.index : words[1]!.start;
    // "A. K. Suleimenov Institute": the name goes on into another's.
    const next = tokens[surnameIndex + 1];
    if (!surname.possessive && next !== undefined && adjacent(text, surname.end, next.start) && isCapitalised(next.text)) continue;
    const nameEnd = withSuffix(text, tokens, surnameIndex);
    if (taken(start, nameEnd)) continue;
    found.push({ start, end: nameEnd, name: text.slice(start, nameEnd), roleStart: start });
  }
  return found;
}

/**
 * People listed after "among them" (or "including", "such as", "namely" when a name in the list starts with a
 * common given name): "officials …, among them Nattapong Srisuk, Pimchanok Boonmee and Anucha Phromma".
 * Every item is two or three name words that stand alone and are not a place or a thing; one item that is
 * not is enough to leave the list alone ("including Telecom Egypt, Vodafone Egypt and Orange Egypt").
 */
export function findListedPeople(text: string, tokens: readonly Token[], taken: (start: number, end: number) => boolean): PersonName[] {
  const found: PersonName[] = [];
  for (const match of text.matchAll(listOpener)) {
    let index = tokens.findIndex((token) => token.start >= match.index + match[0].length);
    const items: PersonName[] = [];
    for (;;) {
      let last = index;
      while (last + 1 < tokens.length && last - index < 2 && adjacent(text, tokens[last]!.end, tokens[last + 1]!.start) && isNameWord(tokens[last + 1]!, text)) last++;
      const words = tokens.slice(index, last + 1);
      if (index < 0 || words.length < 2 || !words.every((word) => isNameWord(word, text)) || words.slice(0, -1).some((word) => word.possessive)) break;
      const start = words[0]!.start;
      const end = withSuffix(text, tokens, last);
      const name = text.slice(start, end);
      if (taken(start, end) || words.some((word) => isCommonWord(word.text) || isWellKnownPlaceName(word.text)) || isThingName(words[words.length - 1]!.text) || isPlaceName(name)) break;
      items.push({ start, end, name, roleStart: start });
      const separator = /^(?:,\s+(?:and\s+)?|\s+and\s+)/.exec(text.slice(end));
      const following = tokens[last + 1];
      if (!separator || following === undefined) break;
      index = tokens.findIndex((token) => token.start >= end + separator[0].length);
      // The list ends at its "and" item; a word after it that joins the name ("… and Anucha Phromma Group") is checked by the next round.
    }
    const closed = items.length >= 2 && /^\s*(?:[,.;:)]|$|\s\p{Ll})/u.test(text.slice(items[items.length - 1]!.end, items[items.length - 1]!.end + 2));
    const named = /^among/i.test(match[1]!) || items.some((item) => isGivenName(item.name.split(/[\s-]/)[0]!));
    if (closed && named) found.push(...items);
  }
  return found;
}

// Initials each followed by a space: "A.P. Møller – Maersk" and "U.S. Army" are written without.
const initialledName = /(?<![\p{L}\p{N}.’'-])(\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*\s+)?(?:\p{Lu}\.\s){1,3}\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*/gu;
const listOpener = /\b(among (?:them|whom)|including|such as|namely)\s+(?=\p{Lu})/gu;

/**
 * Whether the name words from token `first` to `last` stand alone: no capitalised word joins them before
 * (a word that opens the sentence does not count: its capital says nothing), and none after, directly or
 * across a particle ("Fondazione Bruno Kessler", "Lei Geral de Proteção de Dados" name something else).
 */
function standsAlone(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  const joined = (a: Token | undefined, b: Token | undefined): b is Token => areJoined(text, a, b);
  const before = tokens[first - 1];
  if (joined(before, tokens[first]) && isCapitalised(before!.text) && !before!.sentenceInitial) return false;
  const end = tokens[last]!;
  const after = tokens[last + 1];
  if (end.possessive || !joined(end, after)) return true;
  return !isCapitalised(after.text) && !(nameParticles.has(after.text) && joined(after, tokens[last + 2]) && isCapitalised(tokens[last + 2]!.text));
}

/**
 * Whether words are a name's: each a name word, side by side; a particle may stand inside, never at the
 * ends ("Hans de Vries"). A loop, not arrows made per run: it is asked of every run of every passage.
 */
function isNameRun(text: string, words: readonly Token[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!isNameWord(word, text) && !(k > 0 && k < words.length - 1 && nameParticles.has(word.text))) return false;
    if (k > 0 && !adjacent(text, words[k - 1]!.end, word.start)) return false;
  }
  return true;
}

/** Whether two tokens stand side by side, only white space between them. */
function areJoined(text: string, a: Token | undefined, b: Token | undefined): b is Token {
  return a !== undefined && b !== undefined && adjacent(text, a.end, b.start);
}

/** Organisation nouns a post can take alone as its complement: "Commissioner of Police", "Chief of Staff". */
const bareServiceHeads = new Set(['Police', 'Army', 'Navy', 'Staff', 'Forces', 'Force', 'Government', 'Cabinet', 'Parliament', 'Senate']);

/** Titles written abbreviated, often with a full stop ("Dr.", "Mr.", "Ir."). */
const abbreviatedTitles = new Set(['Dr', 'Mr', 'Mrs', 'Ms', 'Prof', 'Ir', 'Gen', 'Col', 'Capt', 'Lt', 'Maj', 'Brig', 'Adm', 'Cdr', 'Sgt', 'Sen', 'Rep', 'Hon']);

/** Occupations written before a name, alone or before a list of two names joined by "and". */
const occupations = String.raw`(?:researchers?|experts?|analysts?|engineers?|journalists?|scientists?|professors?|footballers?|players?|lawyers?|economists?|academics?|activists?|authors?|entrepreneurs?|founders?|officials?|investigators?|hackers?|judges?|physicians?|doctors?|programmers?|developers?|executives?|diplomats?|politicians?|bankers?|businessm[ae]n|businesswom[ae]n|writers?|reporters?|lecturers?|mathematicians?|cryptographers?|ministers|historians?|sociologists?)`;
/** One occupation word, alone: what tells a person described after a comma ("a mathematician"). */
const occupationWord = new RegExp(String.raw`^${occupations}$`, 'u');
const nameBefore = String.raw`(?:\p{Lu}[\p{L}\p{M}'’-]*\s+(?:(?:von|van|de|der|den|da|del|di|le|la)\s+)?){1,3}`;
// "the physician and programmer Ahn Cheol-soo": two occupations of one person.
// "researchers including Daniel Gruss": the people an occupation names, after "including" or "such as".
const occupationBefore = new RegExp(String.raw`\b${occupations}\s+(?:and\s+${occupations}\s+)?(?:(?:including|such\s+as|like)\s+)?(?:${nameBefore}and\s+)?$`, 'u');

/**
 * Whether a capitalised phrase ending in this word names a thing, not a person: a document's or an
 * event's noun ("Data Protection Law"), a landform's ("Jordan Valley") or an abstract noun of English ("Cyber Security").
 */
function isThingName(last: string): boolean {
  // A short word with such an ending is not made by it: "Pence", "Vance" are surnames, "Defence", "Agency" things.
  return eventOrWorkHeads.has(last) || landformHeads.has(last) || (isCommonWord(last) && last.length >= 6 && /(?:ion|ity|ment|ness|ance|ence|ism|ship|cy)$/.test(last));
}

/**
 * Where a name ending at token `last` ends, with a generational suffix after it: "Benigno Aquino III",
 * "Ferdinand Marcos Jr." (the suffix's full stop included).
 */
function withSuffix(text: string, tokens: readonly Token[], last: number): number {
  const token = tokens[last]!;
  const suffix = tokens[last + 1];
  if (/^(?:Jr|Sr)$/.test(token.text)) return text[token.end] === '.' ? token.end + 1 : token.end;
  if (suffix && /^(?:Jr|Sr|II|III|IV)$/.test(suffix.text) && /^,?\s$/.test(text.slice(token.end, suffix.start))) {
    return /^(?:Jr|Sr)$/.test(suffix.text) && text[suffix.end] === '.' ? suffix.end + 1 : suffix.end;
  }
  return token.end;
}


/** A title or post in any case, also inside a hyphenated title: "Commissioner", "chair", "Attorney-General". */
function isTitleWord(word: string): boolean {
  const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
  return roleWords.has(capitalised) || capitalised.split('-').some((part) => roleWords.has(part.charAt(0).toUpperCase() + part.slice(1)));
}

/** A word before a title that belongs to the post ("Federal Minister", "Foreign Minister"). */
function isRoleModifier(token: Token): boolean {
  return isCapitalised(token.text) && !functionWords.has(token.text) && !isAcronym(token.text) && !calendarWords.has(token.text) && !token.possessive;
}

/** A word of a post's complement or of the name after it: "Police" in "Minister of Police Fikile Mbalula". */
function isComplementWord(token: Token, text: string): boolean {
  return isNameWord(token, text) || (organizationHeads.has(token.text) && !token.possessive);
}

/** Month names that are also people's names ("Jan Hamáček", "Mar España", "Theresa May"). */
const monthNames = /^(?:Jan|Mar|May|June|April|August)$/;

/** A word of a person's name; a month's name is one unless a number follows it ("in May 2018"). */
function isNameWord(token: Token, text: string): boolean {
  const month = monthNames.test(token.text) && !/^[\s,]*\d/.test(text.slice(token.end, token.end + 4)) && !token.sentenceInitial;
  return (isProperNameWord(token) || month) && /^[\p{L}\p{M}'’.-]+$/u.test(token.text);
}
