/**
 * Gazetteer: countries (names, aliases, demonyms), places (cities with their country, regions,
 * continents) and well-known organisations, as Maps built once at module load. Data comes from the npm
 * packages world-countries (ODbL, ISO 3166-1 with English demonyms and alternative spellings) and
 * city-timezones (MIT, ~7,300 cities with population and province), plus the small generic
 * supplement in gazetteer-supplement.ts. Pure: no I/O beyond module loading.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import {
  AMBIGUOUS_PLACE_WORDS,
  DEMONYM_DEFAULT,
  EXTRA_COUNTRY_ALIASES,
  EXTRA_DEMONYMS,
  EXTRA_PLACES,
  IRREGULAR_DEMONYM_PLURALS,
  KNOWN_ORGANIZATIONS,
  PREFERRED_COUNTRY_NAMES,
  type OrganizationKind,
  type PlaceKind,
} from './gazetteer-supplement.js';

export type { OrganizationKind, PlaceKind } from './gazetteer-supplement.js';

interface CityRow {
  city: string;
  city_ascii: string;
  pop: number;
  iso2: string;
  province: string;
}

// createRequire: the packages ship plain JSON, which ESM can only import with import attributes that
// tsx, tsc and Node 20 disagree about; require() of JSON is synchronous and identical everywhere.
const require = createRequire(import.meta.url);
const COUNTRY_ROWS = require('world-countries/countries.json') as Country[];
const CITY_ROWS = require('city-timezones/data/cityMap.json') as CityRow[];

export interface CountryInfo {
  /** ISO 3166-1 alpha-2, the stable key of a Country node. */
  iso2: string;
  iso3: string;
  /** Canonical English name. */
  name: string;
  aliases: string[];
  demonyms: string[];
  capital?: string;
}

export interface PlaceInfo {
  name: string;
  kind: PlaceKind;
  /** Canonical name of the country the place is in, when known. */
  country?: string;
  countryIso?: string;
  /** An ordinary word or given name as well: only a place with a locative cue ("in Reading"). */
  ambiguous?: boolean;
}

export interface OrganizationInfo {
  name: string;
  kind: OrganizationKind;
  country?: string;
  countryIso?: string;
}

/**
 * Lookup key: diacritics folded, dots and apostrophe variants removed, lower case, leading "the" dropped.
 * "U.S." -> "us", "Côte d'Ivoire" -> "cote divoire".
 */
export function gazetteerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.’'`]/g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

/** Acronyms must be matched in capitals ("US", "UN", "WHO"), never the words "us", "who". */
function isAcronymAlias(alias: string): boolean {
  const letters = alias.replace(/[^A-Za-z]/g, '');
  return letters.length <= 5 && letters === letters.toUpperCase();
}

function looksCapitalised(name: string): boolean {
  const first = name.replace(/^the\s+/i, '').charAt(0);
  return first !== first.toLowerCase() || /\d/.test(first);
}

const countriesByIso = new Map<string, CountryInfo>();
const countryByKey = new Map<string, CountryInfo>();
const countryByAcronym = new Map<string, CountryInfo>();
const countryByDemonym = new Map<string, CountryInfo>();
const countryByDemonymPlural = new Map<string, CountryInfo>();

function addCountryAlias(info: CountryInfo, alias: string): void {
  if (!alias) return;
  if (isAcronymAlias(alias)) {
    const exact = alias.replace(/\./g, '');
    if (exact.length >= 2 && !countryByAcronym.has(exact)) countryByAcronym.set(exact, info);
    return;
  }
  const key = gazetteerKey(alias);
  if (key && !countryByKey.has(key)) countryByKey.set(key, info);
  if (!info.aliases.includes(alias) && alias !== info.name) info.aliases.push(alias);
}

function buildCountries(): void {
  // Sovereign states first so that shared names and demonyms go to them, larger ones before smaller.
  const rows = [...COUNTRY_ROWS].sort(
    (a, b) => Number(b.independent) - Number(a.independent) || (b.area ?? 0) - (a.area ?? 0),
  );
  for (const row of rows) {
    const info: CountryInfo = {
      iso2: row.cca2,
      iso3: row.cca3,
      name: PREFERRED_COUNTRY_NAMES[row.cca2] ?? row.name.common,
      aliases: [],
      demonyms: [],
      capital: row.capital[0],
    };
    countriesByIso.set(info.iso2, info);
  }
  // Canonical and official names claim their keys before any alternative spelling does.
  for (const row of rows) {
    const info = countriesByIso.get(row.cca2);
    if (!info) continue;
    addCountryAlias(info, info.name);
    addCountryAlias(info, row.name.common);
    addCountryAlias(info, row.name.official);
  }
  for (const [iso, aliases] of Object.entries(EXTRA_COUNTRY_ALIASES)) {
    const info = countriesByIso.get(iso);
    if (info) for (const alias of aliases) addCountryAlias(info, alias);
  }
  for (const row of rows) {
    const info = countriesByIso.get(row.cca2);
    if (!info) continue;
    for (const alias of row.altSpellings) {
      // Two-letter ISO codes ("IN", "IT", "ME") are ordinary words in running text; only known
      // acronyms from the supplement are taken. Non-Latin spellings never occur in English text.
      if (/^[A-Z]{2}$/.test(alias) || /[^\u0020-\u024f\s'’.,()-]/.test(alias)) continue;
      if (alias.includes(',')) continue; // "Korea, Republic of": list order, not a running-text form
      addCountryAlias(info, alias);
    }
  }
  for (const [demonym, iso] of Object.entries(DEMONYM_DEFAULT)) {
    const info = countriesByIso.get(iso);
    if (info) addDemonym(info, demonym);
  }
  for (const [iso, extra] of Object.entries(EXTRA_DEMONYMS)) {
    const info = countriesByIso.get(iso);
    if (info) for (const d of extra) addDemonym(info, d);
  }
  for (const row of rows) {
    const info = countriesByIso.get(row.cca2);
    const eng = row.demonyms['eng'];
    if (!info || !eng) continue;
    addDemonym(info, eng.m);
    addDemonym(info, eng.f);
  }
  for (const [plural, iso] of Object.entries(IRREGULAR_DEMONYM_PLURALS)) {
    const info = countriesByIso.get(iso);
    if (info) countryByDemonymPlural.set(gazetteerKey(plural), info);
  }
}

function addDemonym(info: CountryInfo, demonym: string): void {
  if (!demonym) return;
  const key = isAcronymAlias(demonym) ? demonym.replace(/\./g, '') : gazetteerKey(demonym);
  if (!countryByDemonym.has(key)) countryByDemonym.set(key, info);
  if (!info.demonyms.includes(demonym)) info.demonyms.push(demonym);
  // Regular plurals: "Ukrainians", "Israelis"; "-ese", "-ish", "-ch" forms have none ("the Chinese").
  if (!/(ese|ish|ch|ss|s|x|z)$/i.test(demonym) && !isAcronymAlias(demonym)) {
    const plural = gazetteerKey(`${demonym}s`);
    if (!countryByDemonymPlural.has(plural)) countryByDemonymPlural.set(plural, info);
  }
}

buildCountries();

const placeByKey = new Map<string, PlaceInfo>();

function addPlace(name: string, info: PlaceInfo): void {
  const key = gazetteerKey(name);
  if (!key || countryByKey.has(key)) return; // a country name is a Country, not a Place
  if (!placeByKey.has(key)) placeByKey.set(key, info);
}

function buildPlaces(): void {
  for (const extra of EXTRA_PLACES) {
    const country = extra.country ? countriesByIso.get(extra.country) : undefined;
    const info: PlaceInfo = {
      name: extra.name,
      kind: extra.kind,
      ...(country ? { country: country.name, countryIso: country.iso2 } : {}),
    };
    addPlace(extra.name, info);
    for (const alias of extra.aliases ?? []) addPlace(alias, info);
  }
  const cities = [...CITY_ROWS].sort((a, b) => b.pop - a.pop);
  // A region whose largest city outgrows every city of the same name is the region ("Ontario" is the
  // province, not the city in California; "Florida" the state, not the town in Uruguay): those
  // regions go in before the cities.
  const largestCity = new Map<string, number>();
  const regionPop = new Map<string, number>();
  for (const row of cities) {
    if (!largestCity.has(row.city)) largestCity.set(row.city, row.pop);
    if (row.province && !regionPop.has(row.province)) regionPop.set(row.province, row.pop);
  }
  const addRegion = (province: string, iso2: string): void => {
    if (province.length < 4 || /\d/.test(province)) return;
    const country = countriesByIso.get(iso2);
    addPlace(province, {
      name: province,
      kind: 'region',
      ...(country ? { country: country.name, countryIso: country.iso2 } : {}),
      ...(AMBIGUOUS_PLACE_WORDS.has(province) ? { ambiguous: true } : {}),
    });
  };
  for (const row of cities) {
    const province = row.province;
    if (!province || !largestCity.has(province)) continue;
    if (regionPop.get(province) === row.pop && row.pop > largestCity.get(province)!)
      addRegion(province, row.iso2);
  }
  // Capitals come with their country from world-countries; then cities by descending population so a
  // shared name ("Birmingham", "London") goes to the largest city of that name.
  for (const country of countriesByIso.values()) {
    if (!country.capital) continue;
    const name = country.capital.replace(/,? D\.?C\.?$/, '');
    addPlace(name, { name, kind: 'city', country: country.name, countryIso: country.iso2 });
  }
  const provinceCountry = new Map<string, { iso2: string; pop: number }>();
  for (const row of cities) {
    const country = countriesByIso.get(row.iso2);
    const info: PlaceInfo = {
      name: row.city,
      kind: 'city',
      ...(country ? { country: country.name, countryIso: country.iso2 } : {}),
      ...(AMBIGUOUS_PLACE_WORDS.has(row.city) ? { ambiguous: true } : {}),
    };
    addPlace(row.city, info);
    if (row.city_ascii !== row.city) addPlace(row.city_ascii, info);
    if (row.province && !provinceCountry.has(row.province)) {
      provinceCountry.set(row.province, { iso2: row.iso2, pop: row.pop });
    }
  }
  for (const [province, { iso2 }] of provinceCountry) addRegion(province, iso2);
}

buildPlaces();

const orgByKey = new Map<string, OrganizationInfo>();
const orgByAcronym = new Map<string, OrganizationInfo>();

for (const org of KNOWN_ORGANIZATIONS) {
  const country = org.country ? countriesByIso.get(org.country) : undefined;
  const info: OrganizationInfo = {
    name: org.name,
    kind: org.kind,
    ...(country ? { country: country.name, countryIso: country.iso2 } : {}),
  };
  for (const alias of [org.name, ...(org.aliases ?? [])]) {
    if (isAcronymAlias(alias)) orgByAcronym.set(alias.replace(/\./g, ''), info);
    else if (!orgByKey.has(gazetteerKey(alias))) orgByKey.set(gazetteerKey(alias), info);
  }
}

function lookupCountry(name: string): CountryInfo | undefined {
  const trimmed = name.trim();
  if (!trimmed || !looksCapitalised(trimmed)) return undefined;
  const bare = trimmed.replace(/^the\s+/i, '');
  const acronym = countryByAcronym.get(bare.replace(/\./g, ''));
  if (acronym) return acronym;
  return countryByKey.get(gazetteerKey(bare));
}

/** Canonical country name for a name or alias: "U.S." -> "United States", "Russian Federation" -> "Russia". */
export function countryForName(name: string): string | undefined {
  return lookupCountry(name)?.name;
}

/** Full record for a country name or alias (never an ISO code: "IN" in running text is a word). */
export function countryByName(name: string): CountryInfo | undefined {
  return lookupCountry(name);
}

/** Full record for a country name/alias, or for an ISO 3166-1 alpha-2 code when `name` is one. */
export function countryInfo(nameOrIso: string): CountryInfo | undefined {
  if (/^[A-Z]{2}$/.test(nameOrIso)) {
    const byIso = countriesByIso.get(nameOrIso);
    if (byIso) return byIso;
  }
  return lookupCountry(nameOrIso);
}

/** "Ukrainian" -> "Ukraine", "Turkish" -> "Turkey", "U.S." -> "United States". Adjective forms only. */
export function countryForDemonym(word: string): string | undefined {
  return demonymInfo(word)?.name;
}

export function demonymInfo(word: string): CountryInfo | undefined {
  const trimmed = word.trim();
  if (!trimmed || !looksCapitalised(trimmed)) return undefined;
  const acronym = trimmed.replace(/\./g, '');
  if (isAcronymAlias(trimmed)) return countryByDemonym.get(acronym);
  return countryByDemonym.get(gazetteerKey(trimmed));
}

/** Nationality plurals: "Ukrainians", "Britons", "Turks" -> the country. These are never persons. */
export function countryForDemonymPlural(word: string): string | undefined {
  const trimmed = word.trim();
  if (!trimmed || !looksCapitalised(trimmed)) return undefined;
  return countryByDemonymPlural.get(gazetteerKey(trimmed))?.name;
}

/**
 * The country a modifier before a title points to: a demonym ("Turkish"), a name ("Ukraine"), or a
 * possessive name ("Ukraine's", "the U.S.'s").
 */
export function countryForModifier(word: string): string | undefined {
  const bare = word.replace(/['’]s?$/, '').replace(/s['’]$/, 's');
  return countryForDemonym(bare) ?? countryForName(bare) ?? countryForName(word);
}

/** A known city, region or continent (never a country): its kind and country when known. */
export function isKnownPlace(name: string): PlaceInfo | undefined {
  const trimmed = name.trim();
  if (!trimmed || !looksCapitalised(trimmed)) return undefined;
  return placeByKey.get(gazetteerKey(trimmed));
}

/** A well-known organisation by name or acronym ("UN", "Nato", "World Health Organization"). */
export function isKnownOrganization(name: string): OrganizationInfo | undefined {
  const trimmed = name.trim();
  if (!trimmed || !looksCapitalised(trimmed)) return undefined;
  const bare = trimmed.replace(/^the\s+/i, '');
  if (isAcronymAlias(bare))
    return orgByAcronym.get(bare.replace(/\./g, '')) ?? orgByKey.get(gazetteerKey(bare));
  return orgByKey.get(gazetteerKey(bare));
}

/** News agencies and outlets: organisations that are never persons or speakers' names. */
export function isNewsOutlet(name: string): boolean {
  return isKnownOrganization(name)?.kind === 'outlet';
}

/** ISO 3166-1 alpha-2 code for a canonical name or alias ("Russia" -> "RU"): the Country node key. */
export function countryIso(name: string): string | undefined {
  return lookupCountry(name)?.iso2;
}

/** Every country record (for tests and for building indexes elsewhere). */
export function allCountries(): readonly CountryInfo[] {
  return [...countriesByIso.values()];
}
