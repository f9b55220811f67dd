import { adjacent, isAcronym, isCapitalised, type Token } from './tokens.js';
import { calendarWords, functionWords, honorifics, nameParticles, organizationHeads, roleWords } from './vocabulary.js';

/** A person's name found after a title or post. */
export interface PersonName {
  start: number;
  end: number;
  name: string;
  /** The post as written before the name ("Deputy Secretary-General"), when there is one. */
  role?: string;
  roleStart: number;
}

/**
 * Finds people by the title or post written before their name ("Deputy Secretary-General Jean-François
 * Blarel", "President Toomas Hendrik Ilves", "Mr Smith"). A name is two to four capitalised words
 * (particles such as "de" or "von" may join them); after an honorific alone, one word is enough.
 */
export function findPeople(text: string, tokens: readonly Token[]): PersonName[] {
  const found: PersonName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!roleWords.has(tokens[i]!.text)) continue;
    let roleEnd = i;
    while (roleEnd + 1 < tokens.length && roleWords.has(tokens[roleEnd + 1]!.text) && adjacent(text, tokens[roleEnd]!.end, tokens[roleEnd + 1]!.start)) roleEnd++;
    const nameTokens: Token[] = [];
    let j = roleEnd + 1;
    while (j < tokens.length && adjacent(text, tokens[j - 1]!.end, tokens[j]!.start)) {
      const token = tokens[j]!;
      if (isNameWord(token)) {
        nameTokens.push(token);
        j++;
        if (token.possessive) break;
        continue;
      }
      if (nameParticles.has(token.text) && nameTokens.length > 0 && tokens[j + 1] && isNameWord(tokens[j + 1]!)) {
        nameTokens.push(token);
        j++;
        continue;
      }
      break;
    }
    const roleTokens = tokens.slice(i, roleEnd + 1);
    const onlyHonorifics = roleTokens.every((t) => honorifics.has(t.text));
    const minimum = roleTokens.some((t) => honorifics.has(t.text)) ? 1 : 2;
    if (nameTokens.length >= minimum && nameTokens.length <= 4) {
      const start = nameTokens[0]!.start;
      const end = nameTokens[nameTokens.length - 1]!.end;
      const roleText = text.slice(tokens[i]!.start, tokens[roleEnd]!.end);
      found.push({ start, end, name: text.slice(start, end), ...(onlyHonorifics ? {} : { role: roleText }), roleStart: tokens[i]!.start });
    }
    i = Math.max(roleEnd, j - 1);
  }
  return found;
}

function isNameWord(token: Token): boolean {
  return (
    isCapitalised(token.text) &&
    !isAcronym(token.text) &&
    !roleWords.has(token.text) &&
    !organizationHeads.has(token.text) &&
    !functionWords.has(token.text) &&
    !calendarWords.has(token.text) &&
    /^[\p{L}\p{M}'’.-]+$/u.test(token.text)
  );
}
