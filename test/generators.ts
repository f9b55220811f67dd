/** Inputs too large or too special to commit as files: generated the same way on every run. */

const words = ['Alpha', 'Bravo', 'Cedar', 'Delta', 'Echo', 'Falcon', 'Granite', 'Harbour', 'Indigo', 'Juniper', 'Kestrel', 'Lumen', 'Meridian'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One paragraph of `n` sentences, each defining a distinct agency and acronym and giving a full date. */
export function longParagraph(n: number): { text: string; acronyms: string[] } {
  const acronyms: string[] = [];
  const sentences = Array.from({ length: n }, (_, i) => {
    const a = words[i % words.length]!;
    const b = words[Math.floor(i / words.length) % words.length]!;
    const c = words[Math.floor(i / words.length ** 2) % words.length]!;
    const acronym = `${a[0]}${b[0]}${c[0]}A`;
    acronyms.push(acronym);
    return `The ${a} ${b} ${c} Agency (${acronym}) was set up on ${1 + (i % 28)} ${months[i % 12]} ${1990 + (i % 30)}.`;
  });
  return { text: sentences.join(' '), acronyms };
}

/** The date `longParagraph` gives in its sentence `i`, as ISO 8601. */
export function longParagraphDate(i: number): string {
  return `${1990 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
}
