/**
 * The words the synthetic corpus is composed from, in the seed page's genre (government pages about
 * cyber security): countries and cities, agencies, ministries, international organisations, people's
 * titles and names, topics. Fixed lists; which entries a corpus uses, and how often, comes from the seed.
 */

export interface Country {
  /** As a sentence names it ("the Netherlands" reads `the ${name}` when `article`). */
  name: string;
  article: boolean;
  adjective: string;
  /** Upper-case code used in CERT-XX. */
  code: string;
  /** Short form some pages use instead of the name (USA, UK). */
  shortForm?: string;
  cities: readonly string[];
}

export const countries: readonly Country[] = [
  { name: 'France', article: false, adjective: 'French', code: 'FR', cities: ['Paris', 'Lyon', 'Toulouse', 'Marseille'] },
  { name: 'Germany', article: false, adjective: 'German', code: 'DE', cities: ['Berlin', 'Bonn', 'Munich', 'Hamburg'] },
  { name: 'United Kingdom', article: true, adjective: 'British', code: 'UK', shortForm: 'UK', cities: ['London', 'Manchester', 'Edinburgh', 'Cheltenham'] },
  { name: 'United States', article: true, adjective: 'American', code: 'US', shortForm: 'USA', cities: ['New York', 'Boston', 'Chicago', 'San Francisco'] },
  { name: 'Estonia', article: false, adjective: 'Estonian', code: 'EE', cities: ['Tallinn', 'Tartu'] },
  { name: 'Netherlands', article: true, adjective: 'Dutch', code: 'NL', cities: ['Amsterdam', 'Rotterdam', 'Utrecht'] },
  { name: 'Belgium', article: false, adjective: 'Belgian', code: 'BE', cities: ['Brussels', 'Antwerp', 'Ghent'] },
  { name: 'Spain', article: false, adjective: 'Spanish', code: 'ES', cities: ['Madrid', 'Barcelona', 'Seville'] },
  { name: 'Italy', article: false, adjective: 'Italian', code: 'IT', cities: ['Rome', 'Milan', 'Turin'] },
  { name: 'Poland', article: false, adjective: 'Polish', code: 'PL', cities: ['Warsaw', 'Kraków', 'Gdańsk'] },
  { name: 'Sweden', article: false, adjective: 'Swedish', code: 'SE', cities: ['Stockholm', 'Gothenburg'] },
  { name: 'Finland', article: false, adjective: 'Finnish', code: 'FI', cities: ['Helsinki', 'Tampere'] },
  { name: 'Norway', article: false, adjective: 'Norwegian', code: 'NO', cities: ['Oslo', 'Bergen'] },
  { name: 'Denmark', article: false, adjective: 'Danish', code: 'DK', cities: ['Copenhagen', 'Aarhus'] },
  { name: 'Austria', article: false, adjective: 'Austrian', code: 'AT', cities: ['Vienna', 'Graz'] },
  { name: 'Switzerland', article: false, adjective: 'Swiss', code: 'CH', cities: ['Geneva', 'Bern', 'Zurich'] },
  { name: 'Hungary', article: false, adjective: 'Hungarian', code: 'HU', cities: ['Budapest', 'Debrecen'] },
  { name: 'Portugal', article: false, adjective: 'Portuguese', code: 'PT', cities: ['Lisbon', 'Porto'] },
  { name: 'Greece', article: false, adjective: 'Greek', code: 'GR', cities: ['Athens', 'Thessaloniki'] },
  { name: 'Ireland', article: false, adjective: 'Irish', code: 'IE', cities: ['Dublin', 'Cork'] },
  { name: 'Lithuania', article: false, adjective: 'Lithuanian', code: 'LT', cities: ['Vilnius', 'Kaunas'] },
  { name: 'Latvia', article: false, adjective: 'Latvian', code: 'LV', cities: ['Riga'] },
  { name: 'Romania', article: false, adjective: 'Romanian', code: 'RO', cities: ['Bucharest', 'Cluj-Napoca'] },
  { name: 'Japan', article: false, adjective: 'Japanese', code: 'JP', cities: ['Tokyo', 'Osaka', 'Kyoto'] },
  { name: 'South Korea', article: false, adjective: 'South Korean', code: 'KR', cities: ['Seoul', 'Busan'] },
  { name: 'Singapore', article: false, adjective: 'Singaporean', code: 'SG', cities: ['Singapore'] },
  { name: 'Australia', article: false, adjective: 'Australian', code: 'AU', cities: ['Canberra', 'Sydney', 'Melbourne'] },
  { name: 'Canada', article: false, adjective: 'Canadian', code: 'CA', cities: ['Ottawa', 'Toronto', 'Montreal'] },
  { name: 'Brazil', article: false, adjective: 'Brazilian', code: 'BR', cities: ['Brasília', 'São Paulo'] },
  { name: 'India', article: false, adjective: 'Indian', code: 'IN', cities: ['New Delhi', 'Mumbai', 'Bangalore'] },
  { name: 'South Africa', article: false, adjective: 'South African', code: 'ZA', cities: ['Pretoria', 'Johannesburg', 'Cape Town'] },
  { name: 'Kenya', article: false, adjective: 'Kenyan', code: 'KE', cities: ['Nairobi', 'Mombasa'] },
  { name: 'Nigeria', article: false, adjective: 'Nigerian', code: 'NG', cities: ['Abuja', 'Lagos'] },
  { name: 'Chile', article: false, adjective: 'Chilean', code: 'CL', cities: ['Santiago', 'Valparaíso'] },
  { name: 'Morocco', article: false, adjective: 'Moroccan', code: 'MA', cities: ['Rabat', 'Casablanca'] },
];

/** How a sentence names a country: "France", "the Netherlands". */
export function countryName(country: Country): string {
  return country.article ? `the ${country.name}` : country.name;
}

/** The subjects agencies, programmes and reports are about, capitalised as in a name. */
export const topics: readonly string[] = [
  'Cyber Security', 'Information Security', 'Network Security', 'Cyber Defence', 'Digital Security',
  'Critical Infrastructure Protection', 'Data Protection', 'Cyber Crime', 'Incident Response',
  'Cyber Resilience', 'Information Assurance', 'Signals Intelligence', 'Digital Trust',
  'Network and Information Security', 'Electronic Communications', 'Threat Intelligence', 'Systems Security',
  'Cyber Threat Assessment', 'Digital Infrastructure', 'Cryptography', 'Online Safety', 'Identity Management',
  'Secure Communications', 'Cyber Operations', 'Information Systems Defence', 'Computer Security',
];

/** Words before a topic in an agency's name ("National …"); the empty string for none. */
export const agencyPrefixes: readonly string[] = ['National', 'Federal', 'State', 'Central', 'Joint', 'Interministerial', ''];

/** Nouns that end an agency's name. */
export const agencyHeads: readonly string[] = [
  'Agency', 'Office', 'Centre', 'Authority', 'Council', 'Directorate', 'Bureau', 'Service', 'Unit',
  'Commission', 'Board', 'Institute', 'Inspectorate', 'Command', 'Observatory',
];

/** Ministries, named without an acronym, usually after a country's adjective ("the Estonian Ministry of Defence"). */
export const ministries: readonly string[] = [
  'Ministry of Defence', 'Ministry of the Interior', 'Ministry of Foreign Affairs', 'Ministry of Justice',
  'Ministry of Economy and Finance', 'Ministry of Digital Affairs', 'Ministry of Education', 'Ministry of Transport',
  'Ministry of Energy', 'Ministry of Health', 'Ministry of Industry', 'Ministry of Communications',
];

/** International organisations as a sentence names them (all in the pipeline's gazetteer). */
export const internationalOrganizations: readonly string[] = [
  'NATO', 'the European Union', 'the United Nations', 'the OECD', 'the OSCE', 'the Council of Europe',
  'the African Union', 'ASEAN', 'INTERPOL', 'the International Telecommunication Union', 'the G7', 'the G20',
  'the World Bank', 'ENISA', 'Europol', 'the European Commission',
];

/** Titles written before a person's name ("Minister of Defence Anna Berg"). */
export const titles: readonly string[] = [
  'Minister of Defence', 'Minister of the Interior', 'Minister of Foreign Affairs', 'President', 'Prime Minister',
  'Director-General', 'Ambassador', 'Deputy Secretary-General', 'Secretary of State for Digital Affairs',
  'Commissioner', 'Director', 'Special Envoy for Cyber Affairs', 'Chief Information Officer', 'Vice-President',
];

export const givenNames: readonly string[] = [
  'Anna', 'Jean-François', 'Maria', 'Peter', 'Sofia', 'Lars', 'Elena', 'Tomasz', 'Ingrid', 'Pierre', 'Hans',
  'Claire', 'Marek', 'Helena', 'Jonas', 'Laura', 'Mikko', 'Isabel', 'Andreas', 'Eva', 'Paolo', 'Katarzyna',
  'Henrik', 'Nadia', 'José', 'Astrid', 'Oliver', 'Chiara', 'Søren', 'Yuki', 'Min-jun', 'Amara', 'Kwame',
  'Lucía', 'Rahul', 'Fatima', 'Daniel', 'Emma', 'Victor', 'Agnès',
];

export const familyNames: readonly string[] = [
  'Berg', 'Blarel', 'Novak', 'Schmidt', 'Lindqvist', 'Rossi', 'Kowalski', 'Dubois', 'Virtanen', 'Jansen',
  'García', 'Müller', 'Andersen', 'Papadopoulos', 'Kask', 'Tamm', 'Horváth', 'Silva', "O'Brien", 'Petrov',
  'Nakamura', 'Kim', 'Okafor', 'Mensah', 'Sharma', 'Haddad', 'Fischer', 'Moreau', 'Bianchi', 'Nowak',
  'Svensson', 'Hansen', 'Costa', 'Lambert', 'Wagner', 'Kovač', 'Eriksen', 'Fontaine', 'Ramos', 'Weber',
];

export const months: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

export const seasons: readonly string[] = ['spring', 'summer', 'autumn', 'winter'];

/** Section headings; `{country}` is replaced by the page's country. */
export const headings: readonly string[] = [
  '{country} and cyber security', 'The national architecture', 'International cooperation', 'Recent developments',
  'Cyber security issues in multilateral organisations', 'Protecting critical infrastructure', 'Incident response',
  'Training and awareness', 'The legal framework', 'Outlook', 'Partnerships with the private sector',
  'Research and innovation', 'Regional cooperation', 'Strategic priorities',
];
