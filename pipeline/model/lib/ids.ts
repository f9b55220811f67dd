/** Identifier helpers shared by every stage, so ids are minted one way. */

/** Lowercase ASCII slug: diacritics folded, runs of other characters become one '-'. */
export function slug(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return folded.slice(0, 80).replace(/-+$/, '') || 'x';
}

/** Returns a function that hands out `base`, then `base-2`, `base-3`… for repeated bases. */
export function uniqueIds(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base) => {
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
