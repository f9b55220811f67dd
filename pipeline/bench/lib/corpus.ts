/**
 * A synthetic corpus in the seed page's genre, for measuring the pipeline at the size of a whole site.
 * Deterministic: the same seed and page count give the same bytes, and page i is the same whatever the
 * page count, so a corpus of 100 pages is the start of one of 1,000. Each page has its own stream of
 * numbers drawn from (seed, i); the pools of agencies and people are drawn from the seed alone, and
 * picked with a skew, so names recur across pages (a few on many, most on a few).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { internationalOrganizations as gazetteerOrganizations } from '../../extract/index.js';
import { mixSeed, Random } from './random.js';
import {
  agencyHeads,
  agencyPrefixes,
  countries,
  countryName,
  familyNames,
  givenNames,
  headings,
  internationalOrganizations,
  ministries,
  months,
  seasons,
  titles,
  topics,
  type Country,
} from './vocabulary.js';

export interface CorpusOptions {
  /** How many pages. */
  pages: number;
  /** Any whole number: the same seed gives the same corpus. */
  seed: number;
}

export interface CorpusPage {
  /** Relative to the corpus folder, with `/` ("2013/estonia-and-cyber-defence-00042.md"). */
  path: string;
  text: string;
}

export interface Agency {
  name: string;
  acronym: string;
}

export interface Person {
  title: string;
  name: string;
}

/** The names a corpus draws from, fixed by its seed. */
export interface Pools {
  agencies: readonly Agency[];
  people: readonly Person[];
}

/** Most agencies and people a corpus names: hundreds, so merging across pages has work to do. */
export const poolSizes = { agencies: 600, people: 400 } as const;

/** Yields the pages of a corpus one at a time (a corpus of 10,000 pages is never held in memory). */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusPage> {
  const pools = corpusPools(options.seed);
  for (let index = 0; index < options.pages; index++) yield composePage(options.seed, index, pools);
}

/** Writes a corpus into `folder` (created if needed); returns the pages' paths, in order, and their bytes. */
export async function writeCorpus(options: CorpusOptions, folder: string): Promise<{ paths: string[]; bytes: number }> {
  const paths: string[] = [];
  const made = new Set<string>();
  let bytes = 0;
  for (const page of generateCorpus(options)) {
    const path = join(folder, page.path);
    const parent = dirname(path);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    const data = Buffer.from(page.text, 'utf8');
    await writeFile(path, data);
    paths.push(page.path);
    bytes += data.length;
  }
  return { paths, bytes };
}

/**
 * The page with one sentence added at its end, naming an agency no generated page names and a date:
 * the "one page changed" edit of a warm rebuild.
 */
export function changePage(text: string): string {
  return `${text.replace(/\s*$/, '')}\n\nThe National Quantum Communications Oversight Office (NQCOO) was set up in Geneva on 3 March 2016.\n`;
}

const poolCache = new Map<number, Pools>();

/** The agencies and people of the corpora of a seed, most frequent first. */
export function corpusPools(seed: number): Pools {
  const cached = poolCache.get(seed);
  if (cached) return cached;
  const random = new Random(mixSeed(seed, 0xa9e9c1e5));
  const reserved = reservedAcronyms();
  const agencies: Agency[] = [];
  const combinations = agencyPrefixes.flatMap((prefix) => topics.flatMap((topic) => agencyHeads.map((head) => [prefix, topic, head].filter(Boolean).join(' '))));
  for (const name of random.shuffle(combinations)) {
    const acronym = initials(name);
    if (acronym.length < 3 || reserved.has(acronym)) continue;
    reserved.add(acronym);
    agencies.push({ name, acronym });
    if (agencies.length === poolSizes.agencies) break;
  }
  const names = random.shuffle(givenNames.flatMap((given) => familyNames.map((family) => `${given} ${family}`)));
  const people = names.slice(0, poolSizes.people).map((name) => ({ name, title: random.pick(titles) }));
  const pools = { agencies, people };
  poolCache.set(seed, pools);
  return pools;
}

/** The capitals of a name's words: "Network and Information Security Agency" → NISA. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/** Acronyms generated agencies must not take: those of the pipeline's gazetteer, country codes, CERT. */
function reservedAcronyms(): Set<string> {
  const reserved = new Set(['CERT', 'USA', 'UK', 'EU', 'UN', 'NQCOO', ...countries.map((c) => c.code)]);
  for (const organization of gazetteerOrganizations().values()) for (const acronym of organization.acronyms) reserved.add(acronym.toUpperCase());
  return reserved;
}

/**
 * The share of a section's sentences that are dated events, the rest naming things without a date or
 * nothing at all: with it, a page has about as many events and mentions per KB as the hand-annotated
 * pages of the genre in test/fixtures/eval/tuning/ (about 4.5 events and 22 mentions per KB).
 */
const eventShare = 0.6;

/** Sentences of the genre that name nothing: a page is not only names and dates. */
const plainSentences: readonly string[] = [
  'Cyber security refers to all the security measures that can be taken to defend against such attacks.',
  'The spectacular increase in the level of sophistication and intensity of cyber attacks has encouraged most developed countries to reinforce their resilience.',
  'Preventing and responding to cyber attack was identified as one of the key priorities in the organisation of national security.',
  'Their aim is primarily to disrupt corporate and government information and communication systems.',
  'Particular attention is paid to the protection of operators of vital importance and of their information systems.',
  'Confidence-building measures and transparency between States in cyberspace remain essential.',
  'Awareness campaigns aimed at small businesses and citizens have been stepped up.',
  'Attacks are anonymous, and make it very difficult to identify with any certainty the real instigator.',
];

const firstYear = 2010;
const lastYear = 2016;

/** Page `index` of the corpus of `seed`. */
function composePage(seed: number, index: number, pools: Pools): CorpusPage {
  const random = new Random(mixSeed(seed, index));
  const writer = new PageWriter(random, pools);
  const { country, year } = writer;
  const topic = random.pick(topics).toLowerCase();
  const title = capitalise(
    random.pick([
      `${countryName(country)} and ${topic}`,
      `${topic} in ${countryName(country)}`,
      `${country.adjective} ${topic} policy`,
      `${countryName(country)}'s national ${topic} strategy`,
    ]),
  );
  const publisher = random.pick([
    `${country.adjective} ${random.pick(ministries)}`,
    `Embassy of ${countryName(country)}`,
    `${country.adjective} ${random.pickSkewed(pools.agencies).name}`,
  ]);
  const month = random.int(1, 12);
  const dateModified = random.pick([`'${year}'`, `${year}-${pad(month)}`, `${year}-${pad(month)}-${pad(random.int(1, daysIn(month, year)))}`]);
  const rights = random.pick([`All rights reserved - ${publisher} - ${year}`, `© ${publisher} ${year}. All rights reserved.`]);
  const frontMatter = [
    '---',
    `title: ${yamlText(title)}`,
    `publisher: ${yamlText(publisher)}`,
    'language: en',
    `dateModified: ${dateModified}`,
    `rights: ${yamlText(rights)}`,
    'license: LicenseRef-All-Rights-Reserved',
    '---',
  ].join('\n');

  const target = random.int(3000, 8000);
  const blocks: string[] = [frontMatter, `# ${title}`, writer.paragraph(2, 3, 0)];
  let size = blocks.join('\n\n').length;
  const sectionTitles = random.shuffle(headings).map((h) => h.replace('{country}', capitalise(countryName(country))));
  for (const heading of sectionTitles) {
    if (size >= target) break;
    const section = [`## ${heading}`];
    const paragraphs = random.int(1, 3);
    for (let p = 0; p < paragraphs; p++) section.push(writer.paragraph(2, 5, eventShare));
    if (random.chance(0.4)) section.push(writer.list());
    const text = section.join('\n\n');
    blocks.push(text);
    size += text.length + 2;
  }
  const path = `${year}/${slugify(title)}-${String(index + 1).padStart(5, '0')}.md`;
  return { path, text: `${blocks.join('\n\n')}\n` };
}

/** Writes the sentences of one page, remembering which names it has introduced. */
class PageWriter {
  readonly country: Country;
  readonly year: number;
  /** Agencies whose acronym this page has defined. */
  private readonly defined = new Set<string>();
  /** Ministries this page has named with a country's adjective (later named without). */
  private readonly ministriesNamed = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly pools: Pools,
  ) {
    this.country = random.pick(countries);
    this.year = random.int(firstYear, lastYear);
  }

  /** A paragraph of `min` to `max` sentences; `events` is the share of them that are dated events. */
  paragraph(min: number, max: number, events: number): string {
    const count = this.random.int(min, max);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(capitalise(this.random.chance(events) ? this.event() : this.filler()));
    return sentences.join(' ');
  }

  /** A bullet list of three to five items, after the sentence that introduces it. */
  list(): string {
    const random = this.random;
    const lead = random.pick(['The main actors are:', 'The strategy rests on several pillars:', 'Cyber attacks, whether state-sponsored or not:']);
    const count = random.int(3, 5);
    const items: string[] = [];
    for (let i = 0; i < count; i++) {
      const topic = this.topic();
      items.push(
        `- ${random.pick([
          () => `${this.agency()} coordinates the response to incidents affecting ${topic};`,
          () => `${this.ministry()} oversees ${topic};`,
          () => `${random.pick(internationalOrganizations)} supports work on ${topic};`,
          () => `a national exercise on ${topic} is held every year in ${this.city()};`,
          () => `purport to be the actions of individuals, and target ${topic};`,
          () => `${this.person()} became chair of the ${capitaliseWords(topic)} Council ${this.date().text};`,
        ])()}`,
      );
    }
    items[items.length - 1] = items[items.length - 1]!.replace(/;$/, '.');
    return `${lead}\n\n${items.join('\n')}`;
  }

  /** A sentence about a dated event: something set up, adopted, held, published, launched, met, created, appointed. */
  private event(): string {
    const random = this.random;
    const date = () => this.date().text;
    return random.pick([
      () => `${this.agency()} was set up${random.chance(0.4) ? ` in ${this.city()}` : ''} ${date()}.`,
      () => `${countryName(this.otherCountry(0.7))} adopted its national ${this.topic()} strategy ${date()}.`,
      () => `${this.organization()} held a conference on ${this.topic()} in ${this.city()} ${date()}.`,
      () => `${this.organization()} published its report on ${this.topic()} ${date()}.`,
      () => `${this.person()} launched the ${capitaliseWords(this.topic())} Programme ${date()}.`,
      () => `Representatives of ${this.organization()} and ${this.organization()} met in ${this.city()} ${date()} to discuss ${this.topic()}.`,
      () => `${this.agency()} was created ${date()} under the authority of ${this.ministry()}.`,
      () => `${this.person()} was appointed head of ${this.agency()} ${date()}.`,
      () => `The next meeting of ${random.pick(internationalOrganizations)} on ${this.topic()} will be held in ${this.city()} in ${random.pick(months)} ${this.year + 1}.`,
      () => `${this.cert()} was created ${date()} within ${this.agency()}.`,
      () => `${this.date().lead}, ${this.ministry()} published guidelines on ${this.topic()}.`,
      () => `${this.fullDate(this.year - 1).bare} marked the creation of ${this.agency()}.`,
      () => `${article(this.topic())} exercise will be held in ${this.city()} ${random.chance(0.5) ? 'in the spring of' : 'in'} ${this.year + random.int(1, 2)}, with ${random.pick(internationalOrganizations)} and ${this.agency()}.`,
      () => `${this.person()} met ${this.person()} in ${this.city()} ${date()}.`,
      () => `${countryName(this.otherCountry(0.5))} launched a joint initiative on ${this.topic()} with ${countryName(this.otherCountry(0))} ${date()}.`,
    ])();
  }

  /** A sentence with names but no date, or, as often, with neither. */
  private filler(): string {
    const random = this.random;
    if (random.chance(0.5)) return random.pick([...plainSentences, `${capitalise(this.topic())} is a blanket term that encompasses many issues, from the protection of networks to the fight against crime.`]);
    return random.pick([
      () => {
        const others = random.shuffle(countries.filter((c) => c !== this.country)).slice(0, random.int(3, 5));
        return `In common with other countries (${others.map((c) => c.shortForm ?? c.name).join(', ')}, etc.), ${countryName(this.country)} has made ${this.topic()} a priority of government action.`;
      },
      () => `${this.agency()} is an interdepartmental agency operating under the authority of the Prime Minister.`,
      () => `${this.topic()} remains a major concern for governments, businesses and citizens alike.`,
      () => `${this.agency()} works closely with ${random.pick(internationalOrganizations)} on ${this.topic()}.`,
      () => `Particular emphasis is placed on work on ${this.topic()} within ${random.pick(internationalOrganizations)} and ${random.pick(internationalOrganizations)}.`,
      () => `New threats are emerging in cyberspace, and ${countryName(this.country)} is reinforcing its resilience to cyber attack.`,
      () => `${this.ministry()} ensures the consistency of ${this.country.adjective} positions on ${this.topic()} within the various international organisations.`,
      () => `Attacks on information systems are relatively easy to mount, at little cost and with very little risk to the instigator.`,
    ])();
  }

  /** An agency: its name and acronym the first time on the page (in either order), then mostly the acronym. */
  private agency(): string {
    const agency = this.random.pickSkewed(this.pools.agencies);
    if (!this.defined.has(agency.acronym)) {
      this.defined.add(agency.acronym);
      return this.random.chance(0.75) ? `the ${agency.name} (${agency.acronym})` : `the ${agency.acronym} (${agency.name})`;
    }
    return this.random.pick([agency.acronym, `the ${agency.acronym}`, `the ${agency.name}`]);
  }

  /** The Computer Emergency Response Team of a country, acronym first. */
  private cert(): string {
    const country = this.otherCountry(0.7);
    const expansion = country.article ? `${country.adjective} Computer Emergency Response Team` : `Computer Emergency Response Team of ${country.name}`;
    return `the CERT-${country.code} (${expansion})`;
  }

  /** A ministry: after a country's adjective the first time on the page, alone afterwards. */
  private ministry(): string {
    const ministry = this.random.pick(ministries);
    if (this.ministriesNamed.has(ministry)) return `the ${ministry}`;
    this.ministriesNamed.add(ministry);
    return `the ${this.otherCountry(0.7).adjective} ${ministry}`;
  }

  /** An agency, a ministry or an international organisation. */
  private organization(): string {
    const roll = this.random.next();
    if (roll < 0.5) return this.agency();
    if (roll < 0.75) return this.ministry();
    return this.random.pick(internationalOrganizations);
  }

  private person(): string {
    const person = this.random.pickSkewed(this.pools.people);
    return `${person.title} ${person.name}`;
  }

  private topic(): string {
    return this.random.pick(topics).toLowerCase();
  }

  /** The page's country with probability `own`, otherwise any other. */
  private otherCountry(own: number): Country {
    return this.random.chance(own) ? this.country : this.random.pick(countries);
  }

  /** A city of the page's country mostly, sometimes of another. */
  private city(): string {
    return this.random.pick(this.otherCountry(0.6).cities);
  }

  /** A date in the years before the page, in one of the forms pages use; `lead` opens a sentence. */
  private date(): { text: string; lead: string } {
    const random = this.random;
    const year = random.int(Math.max(1991, this.year - 15), this.year - 1);
    switch (random.int(0, 7)) {
      case 0: {
        const { bare } = this.fullDate(year);
        return { text: `on ${bare}`, lead: `On ${bare}` };
      }
      case 1: {
        const text = `in the ${random.pick(seasons)} of ${year}`;
        return { text, lead: capitalise(text) };
      }
      case 2: {
        const first = random.int(0, 10);
        const second = random.int(first + 1, 11);
        const text = `from ${random.int(1, daysIn(first + 1, year))} ${months[first]} to ${random.int(1, daysIn(second + 1, year))} ${months[second]} ${year}`;
        return { text, lead: capitalise(text) };
      }
      case 3: {
        const text = `between ${year - random.int(1, 3)} and ${year}`;
        return { text, lead: capitalise(text) };
      }
      case 4: {
        const text = `${random.pick(['early', 'late'])} in ${year}`;
        return { text, lead: capitalise(text) };
      }
      case 5: {
        const text = `in ${random.pick(months)} ${year}`;
        return { text, lead: capitalise(text) };
      }
      default: {
        const text = `in ${year}`;
        return { text, lead: capitalise(text) };
      }
    }
  }

  /** "14 May 2008". */
  private fullDate(year: number): { bare: string } {
    const month = this.random.int(1, 12);
    return { bare: `${this.random.int(1, daysIn(month, year))} ${months[month - 1]} ${year}` };
  }
}

/** "An information security", "A cyber crime": the phrase after its indefinite article, capitalised. */
function article(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'An' : 'A'} ${phrase}`;
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function capitaliseWords(text: string): string {
  return text.replace(/\b(?!and\b)\p{Ll}/gu, (c) => c.toUpperCase());
}

/** A YAML scalar: plain when it cannot be misread, double-quoted otherwise. */
function yamlText(text: string): string {
  return /^[\p{L}©][^:#'"]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
