/**
 * Small, generic supplements to the npm gazetteer data (world-countries, city-timezones): short forms
 * used by English-language news, world regions, well-known international bodies and news agencies.
 * Nothing here comes from the sample articles; it is general world knowledge of the kind any
 * gazetteer carries. Keyed by ISO 3166-1 alpha-2 where a country is involved.
 */

/** English exonyms news writers use where the data package has the endonym or a formal name. */
export const PREFERRED_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  TR: 'Turkey',
  CZ: 'Czech Republic',
  CV: 'Cape Verde',
  SZ: 'Eswatini',
  VA: 'Vatican City',
};

/** Extra aliases (the package's altSpellings miss the dotted and informal forms). */
export const EXTRA_COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America', 'the States'],
  GB: ['U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  TR: ['Türkiye', 'Turkiye'],
  CZ: ['Czechia'],
  RU: ['Russian Federation'],
  KR: ['Korea', 'Republic of Korea'],
  KP: ['DPRK', 'D.P.R.K.'],
  CN: ['PRC', 'Mainland China'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  CD: ['DRC', 'DR Congo', 'Democratic Republic of Congo'],
  NL: ['Holland'],
  MM: ['Burma'],
  CI: ["Cote d'Ivoire", "Côte d'Ivoire"],
  PS: ['Palestinian Territories', 'Palestinian territories'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  CV: ['Cabo Verde'],
  TL: ['East Timor'],
};

/** Extra adjective forms. */
export const EXTRA_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  US: ['U.S.', 'US'],
  GB: ['UK', 'U.K.', 'Scottish', 'Welsh'],
  NL: ['Dutch'],
  CZ: ['Czech'],
  KR: ['Korean'],
  AE: ['Emirati'],
  PH: ['Philippine'],
  NZ: ['Kiwi'],
  BA: ['Bosnian'],
  SA: ['Saudi'],
};

/** Plural nationality nouns that are not just demonym + "s". */
export const IRREGULAR_DEMONYM_PLURALS: Readonly<Record<string, string>> = {
  Britons: 'GB',
  Brits: 'GB',
  Scots: 'GB',
  Turks: 'TR',
  Poles: 'PL',
  Swedes: 'SE',
  Danes: 'DK',
  Finns: 'FI',
  Frenchmen: 'FR',
  Englishmen: 'GB',
  Dutchmen: 'NL',
  Irishmen: 'IE',
  Kiwis: 'NZ',
  Saudis: 'SA',
};

/** Demonyms shared by several countries: the one news means by default. */
export const DEMONYM_DEFAULT: Readonly<Record<string, string>> = {
  Congolese: 'CD',
  Dominican: 'DO',
  Guinean: 'GN',
  American: 'US',
  Korean: 'KR',
  Irish: 'IE',
  British: 'GB',
  French: 'FR',
  Chinese: 'CN',
};

export type PlaceKind = 'city' | 'region' | 'continent' | 'facility';

/** Places the city list lacks: constituent countries, world regions, continents, capitals' short forms. */
export const EXTRA_PLACES: readonly { name: string; kind: PlaceKind; country?: string; aliases?: string[] }[] = [
  { name: 'England', kind: 'region', country: 'GB' },
  { name: 'Scotland', kind: 'region', country: 'GB' },
  { name: 'Wales', kind: 'region', country: 'GB' },
  { name: 'Northern Ireland', kind: 'region', country: 'GB' },
  { name: 'Washington', kind: 'city', country: 'US', aliases: ['Washington D.C.', 'Washington, D.C.', 'Washington DC'] },
  { name: 'Europe', kind: 'continent' },
  { name: 'Asia', kind: 'continent' },
  { name: 'Africa', kind: 'continent' },
  { name: 'North America', kind: 'continent' },
  { name: 'South America', kind: 'continent' },
  { name: 'Latin America', kind: 'continent' },
  { name: 'Antarctica', kind: 'continent' },
  { name: 'Oceania', kind: 'continent' },
  { name: 'Middle East', kind: 'region', aliases: ['Mideast'] },
  { name: 'Balkans', kind: 'region' },
  { name: 'Caucasus', kind: 'region' },
  { name: 'Scandinavia', kind: 'region' },
  { name: 'Persian Gulf', kind: 'region', aliases: ['Gulf'] },
  { name: 'Black Sea', kind: 'region' },
  { name: 'Baltic Sea', kind: 'region' },
  { name: 'Mediterranean', kind: 'region', aliases: ['Mediterranean Sea'] },
  { name: 'Caribbean', kind: 'region' },
  { name: 'Silicon Valley', kind: 'region', country: 'US' },
  { name: 'Wall Street', kind: 'facility', country: 'US' },
  // Older or alternative spellings of large cities, which the city list only has in one form.
  { name: 'Kyiv', kind: 'city', country: 'UA', aliases: ['Kiev'] },
  { name: 'Mumbai', kind: 'city', country: 'IN', aliases: ['Bombay'] },
  { name: 'Beijing', kind: 'city', country: 'CN', aliases: ['Peking'] },
  { name: 'Kolkata', kind: 'city', country: 'IN', aliases: ['Calcutta'] },
  { name: 'Chennai', kind: 'city', country: 'IN', aliases: ['Madras'] },
  { name: 'Ho Chi Minh City', kind: 'city', country: 'VN', aliases: ['Saigon'] },
  { name: 'Yangon', kind: 'city', country: 'MM', aliases: ['Rangoon'] },
  { name: 'Gaza Strip', kind: 'region', country: 'PS', aliases: ['Gaza'] },
  { name: 'West Bank', kind: 'region', country: 'PS' },
];

/**
 * Single-word city names that are ordinary English words or common given names: only taken as a place
 * with a locative cue ("in Reading", "from Nice"), never on their own.
 */
export const AMBIGUOUS_PLACE_WORDS: ReadonlySet<string> = new Set([
  'Acre', 'Alert', 'Alliance', 'Bath', 'Bay', 'Bend', 'Bet', 'Buy', 'Central', 'Centre', 'Circle', 'Coast',
  'Derby', 'Eastern', 'Enterprise', 'Gay', 'Guide', 'Hail', 'Independence', 'Lead', 'Lira', 'Male', 'Man',
  'Marathon', 'Mobile', 'Nice', 'Northern', 'Orange', 'Panda', 'Pool', 'Price', 'Progress', 'Reading', 'Sale',
  'Same', 'Southern', 'Split', 'Stoke', 'Superior', 'Tongue', 'Tours', 'Unity', 'Van', 'Western', 'Young',
  'Hope', 'Eagle', 'Fortune', 'March', 'May', 'Victoria', 'Florence', 'Jackson', 'Lincoln', 'Austin',
  'Charlotte', 'Douglas', 'Hamilton', 'Wilson', 'Marion', 'Eugene', 'Columbus', 'Chester', 'Kent', 'Wells',
  'Deal', 'Gray', 'Concord', 'Liberty', 'Union', 'Phoenix', 'Mesa', 'Rugby', 'Sandy', 'Mercedes', 'Cambridge',
  'Oxford', 'Troy', 'Salem',
  'Bristol', 'Plymouth', 'Santa', 'San', 'Saint', 'St', 'Fort', 'Port', 'Mount', 'Lake', 'Grand', 'Green',
  'Mary', 'Dallas', 'Houston', 'Chelsea', 'Everton', 'Arsenal', 'Bolton', 'Barnsley',
]);

export type OrganizationKind =
  | 'intergovernmental'
  | 'government'
  | 'outlet'
  | 'agency'
  | 'company'
  | 'party'
  | 'ngo'
  | 'other';

/** Well-known bodies that carry no telltale head noun, with their common short forms. */
export const KNOWN_ORGANIZATIONS: readonly {
  name: string;
  kind: OrganizationKind;
  aliases?: string[];
  country?: string;
}[] = [
  { name: 'United Nations', kind: 'intergovernmental', aliases: ['UN', 'U.N.'] },
  { name: 'UN Security Council', kind: 'intergovernmental', aliases: ['Security Council', 'U.N. Security Council'] },
  { name: 'UN General Assembly', kind: 'intergovernmental', aliases: ['General Assembly'] },
  { name: 'NATO', kind: 'intergovernmental', aliases: ['North Atlantic Treaty Organization', 'Nato'] },
  { name: 'European Union', kind: 'intergovernmental', aliases: ['EU', 'E.U.'] },
  { name: 'European Commission', kind: 'intergovernmental' },
  { name: 'European Parliament', kind: 'intergovernmental' },
  { name: 'European Central Bank', kind: 'intergovernmental', aliases: ['ECB'] },
  { name: 'World Health Organization', kind: 'intergovernmental', aliases: ['WHO', 'World Health Organisation'] },
  { name: 'International Monetary Fund', kind: 'intergovernmental', aliases: ['IMF'] },
  { name: 'World Bank', kind: 'intergovernmental' },
  { name: 'World Trade Organization', kind: 'intergovernmental', aliases: ['WTO', 'World Trade Organisation'] },
  { name: 'OPEC', kind: 'intergovernmental', aliases: ['Opec', 'Organization of the Petroleum Exporting Countries'] },
  { name: 'G7', kind: 'intergovernmental', aliases: ['Group of Seven', 'G-7'] },
  { name: 'G8', kind: 'intergovernmental', aliases: ['Group of Eight', 'G-8'] },
  { name: 'G20', kind: 'intergovernmental', aliases: ['Group of 20', 'G-20'] },
  { name: 'ASEAN', kind: 'intergovernmental', aliases: ['Association of Southeast Asian Nations', 'Asean'] },
  { name: 'African Union', kind: 'intergovernmental', aliases: ['AU'] },
  { name: 'Arab League', kind: 'intergovernmental' },
  { name: 'OSCE', kind: 'intergovernmental', aliases: ['Organization for Security and Co-operation in Europe'] },
  { name: 'OECD', kind: 'intergovernmental', aliases: ['Organisation for Economic Co-operation and Development'] },
  { name: 'International Atomic Energy Agency', kind: 'intergovernmental', aliases: ['IAEA'] },
  { name: 'International Criminal Court', kind: 'intergovernmental', aliases: ['ICC'] },
  { name: 'International Court of Justice', kind: 'intergovernmental', aliases: ['ICJ'] },
  { name: 'UNICEF', kind: 'intergovernmental', aliases: ['Unicef'] },
  { name: 'UNHCR', kind: 'intergovernmental', aliases: ['UN Refugee Agency'] },
  { name: 'Interpol', kind: 'intergovernmental' },
  { name: 'Council of Europe', kind: 'intergovernmental' },
  { name: 'Red Cross', kind: 'ngo', aliases: ['International Committee of the Red Cross', 'ICRC'] },
  { name: 'Amnesty International', kind: 'ngo', aliases: ['Amnesty'] },
  { name: 'Human Rights Watch', kind: 'ngo' },
  { name: 'Greenpeace', kind: 'ngo' },
  { name: 'White House', kind: 'government', country: 'US' },
  { name: 'Pentagon', kind: 'government', country: 'US' },
  { name: 'State Department', kind: 'government', country: 'US', aliases: ['US State Department', 'U.S. State Department'] },
  { name: 'Congress', kind: 'government', country: 'US', aliases: ['US Congress', 'U.S. Congress'] },
  { name: 'Senate', kind: 'government' },
  { name: 'Kremlin', kind: 'government', country: 'RU' },
  { name: 'Downing Street', kind: 'government', country: 'GB', aliases: ['Number 10', 'No 10'] },
  { name: 'Whitehall', kind: 'government', country: 'GB' },
  { name: 'Elysee', kind: 'government', country: 'FR', aliases: ['Élysée', 'Elysee Palace', 'Élysée Palace'] },
  { name: 'Federal Reserve', kind: 'government', country: 'US', aliases: ['Fed', 'US Federal Reserve'] },
  { name: 'FBI', kind: 'government', country: 'US' },
  { name: 'CIA', kind: 'government', country: 'US' },
  { name: 'Bank of England', kind: 'government', country: 'GB' },
  { name: 'Taliban', kind: 'other' },
  { name: 'Hamas', kind: 'party' },
  { name: 'Hezbollah', kind: 'party' },
  // News agencies and large outlets: organisations, never speakers' names or persons.
  { name: 'Reuters', kind: 'outlet' },
  { name: 'Associated Press', kind: 'outlet', aliases: ['AP'] },
  { name: 'Agence France-Presse', kind: 'outlet', aliases: ['AFP', 'Agence France Presse'] },
  { name: 'Bloomberg', kind: 'outlet' },
  { name: 'Xinhua', kind: 'outlet', aliases: ['Xinhua News Agency'] },
  { name: 'TASS', kind: 'outlet', aliases: ['Tass', 'ITAR-TASS'] },
  { name: 'RIA Novosti', kind: 'outlet' },
  { name: 'Interfax', kind: 'outlet' },
  { name: 'Kyodo', kind: 'outlet', aliases: ['Kyodo News'] },
  { name: 'Yonhap', kind: 'outlet', aliases: ['Yonhap News Agency'] },
  { name: 'Anadolu Agency', kind: 'outlet', aliases: ['Anadolu'] },
  { name: 'ANSA', kind: 'outlet' },
  { name: 'EFE', kind: 'outlet' },
  { name: 'dpa', kind: 'outlet', aliases: ['DPA', 'Deutsche Presse-Agentur'] },
  { name: 'Press Trust of India', kind: 'outlet', aliases: ['PTI'] },
  { name: 'Getty Images', kind: 'outlet', aliases: ['Getty'] },
  { name: 'BBC', kind: 'outlet', aliases: ['British Broadcasting Corporation', 'BBC News'] },
  { name: 'CNN', kind: 'outlet' },
  { name: 'Al Jazeera', kind: 'outlet' },
  { name: 'The New York Times', kind: 'outlet', aliases: ['New York Times', 'NYT'] },
  { name: 'The Washington Post', kind: 'outlet', aliases: ['Washington Post'] },
  { name: 'The Wall Street Journal', kind: 'outlet', aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'Financial Times', kind: 'outlet', aliases: ['FT'] },
  { name: 'The Guardian', kind: 'outlet', aliases: ['Guardian'] },
  { name: 'The Times', kind: 'outlet' },
  { name: 'The Economist', kind: 'outlet', aliases: ['Economist'] },
  { name: 'Fox News', kind: 'outlet' },
  { name: 'NBC', kind: 'outlet', aliases: ['NBC News'] },
  { name: 'CBS', kind: 'outlet', aliases: ['CBS News'] },
  { name: 'ABC', kind: 'outlet', aliases: ['ABC News'] },
  { name: 'NPR', kind: 'outlet' },
  { name: 'Sky News', kind: 'outlet' },
  { name: 'Deutsche Welle', kind: 'outlet', aliases: ['DW'] },
  { name: 'Le Monde', kind: 'outlet' },
  { name: 'Der Spiegel', kind: 'outlet', aliases: ['Spiegel'] },
  { name: 'Politico', kind: 'outlet' },
  { name: 'Axios', kind: 'outlet' },
];

/**
 * Head nouns that make a capitalised phrase an organisation ("... Ministry", "... Party", "... Inc").
 * Maps the head to a kind.
 */
export const ORGANIZATION_HEADS: Readonly<Record<string, OrganizationKind>> = {
  Ministry: 'government',
  Department: 'government',
  Office: 'government',
  Parliament: 'government',
  Assembly: 'government',
  Senate: 'government',
  Government: 'government',
  Cabinet: 'government',
  Court: 'government',
  Army: 'government',
  Navy: 'government',
  Police: 'government',
  Forces: 'government',
  Guard: 'government',
  Service: 'government',
  Agency: 'agency',
  Authority: 'agency',
  Commission: 'agency',
  Committee: 'agency',
  Council: 'agency',
  Bureau: 'agency',
  Board: 'agency',
  Directorate: 'agency',
  Administration: 'agency',
  Organization: 'ngo',
  Organisation: 'ngo',
  Association: 'ngo',
  Federation: 'ngo',
  Foundation: 'ngo',
  Institute: 'ngo',
  Institution: 'ngo',
  Society: 'ngo',
  Union: 'ngo',
  League: 'ngo',
  Alliance: 'ngo',
  Coalition: 'ngo',
  Movement: 'party',
  Front: 'party',
  Party: 'party',
  Congress: 'party',
  University: 'ngo',
  College: 'ngo',
  School: 'ngo',
  Hospital: 'ngo',
  Bank: 'company',
  Group: 'company',
  Corporation: 'company',
  Corp: 'company',
  Company: 'company',
  Co: 'company',
  Inc: 'company',
  Ltd: 'company',
  Plc: 'company',
  PLC: 'company',
  LLC: 'company',
  AG: 'company',
  SA: 'company',
  Holdings: 'company',
  Airlines: 'company',
  Airways: 'company',
  Motors: 'company',
  Industries: 'company',
  Systems: 'company',
  Technologies: 'company',
  Pharmaceuticals: 'company',
  Partners: 'company',
  Capital: 'company',
  Fund: 'company',
  Exchange: 'company',
  Network: 'outlet',
  News: 'outlet',
  Times: 'outlet',
  Post: 'outlet',
  Journal: 'outlet',
  Herald: 'outlet',
  Gazette: 'outlet',
  Tribune: 'outlet',
  Telegraph: 'outlet',
  Broadcasting: 'outlet',
  Television: 'outlet',
  Radio: 'outlet',
  Press: 'outlet',
  Club: 'other',
  United: 'other',
  FC: 'other',
  Team: 'other',
};

/** Head nouns that make a capitalised phrase a facility place ("... Airport", "... Palace"). */
export const FACILITY_HEADS: ReadonlySet<string> = new Set([
  'Airport', 'Palace', 'Stadium', 'Square', 'Bridge', 'Port', 'Harbour', 'Harbor', 'Plant', 'Station',
  'Base', 'Dam', 'Prison', 'Cathedral', 'Mosque', 'Church', 'Temple', 'Hotel', 'Centre', 'Center', 'Arena',
  'Park', 'Street', 'Avenue', 'Road', 'Hall', 'Tower', 'Embassy', 'Consulate', 'Camp', 'Refinery', 'Mine',
]);

/** Head nouns that make a capitalised phrase a region ("... Province", "... Region", "... Oblast"). */
export const REGION_HEADS: ReadonlySet<string> = new Set([
  'Province', 'Region', 'Oblast', 'District', 'County', 'State', 'Governorate', 'Prefecture', 'Territory',
  'Peninsula', 'Valley', 'Island', 'Islands', 'Mountains', 'River', 'Sea', 'Ocean', 'Desert', 'Strait', 'Gulf',
  'Coast', 'Canton', 'Municipality', 'Krai', 'Republic',
]);
