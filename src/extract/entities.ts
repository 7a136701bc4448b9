/**
 * Country, Place and Organization mentions of one article, merged within the article. One pass over
 * the sentences: capitalised runs are cut into the longest gazetteer matches (countries, places,
 * known organisations) and head-noun phrases ("... Ministry", "... Airport", "... Province");
 * demonym adjectives ("Turkish officials") count as mentions of their country. Spans that belong to a
 * person are left to the person extractor. Local ids: c1.. (countries), l1.. (places), o1.. (orgs).
 */
import {
  COMPANY_NOUNS,
  FACILITY_HEADS,
  ORGANIZATION_HEADS,
  REGION_HEADS,
  type OrganizationKind,
} from './gazetteer-supplement.js';
import {
  countryByName,
  countryInfo,
  demonymInfo,
  gazetteerKey,
  isKnownOrganization,
  isKnownPlace,
  type CountryInfo,
} from './gazetteer.js';
import type { EntityRecord, Sentence, Span } from './types.js';

interface Tok {
  text: string;
  start: number;
  end: number;
  cap: boolean;
}

/** Lower-case words allowed inside a capitalised name ("Bank of England", "Organization for ..."). */
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'on', '&']);

/** Capitalised words that start sentences or name times, never the start of an entity name. */
const NON_ENTITY_WORDS = new Set(
  (
    'The A An But And Or So Yet In On At For From To By With As If When While After Before Since Although ' +
    'Though However Meanwhile Still Also Then Now Some Many Most All No Not One Two Three This That These ' +
    'Those There Here He She It They We I You His Her Its Their Our My Your Mr Mrs Ms Dr Prof Sir ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    'Related Read More Photo Video Watch Listen Update Updated Breaking Exclusive Analysis Opinion Editor ' +
    'Former Acting Interim Deputy Vice Top Senior Chief Head Minister President Prime Secretary Spokesman ' +
    'Spokeswoman Spokesperson Leader Foreign Defence Defense Interior Finance Justice Health Home State ' +
    'National Federal Central Regional Local International Global World New Last Next Every Each Other ' +
    'According Despite During Under Over Against Between Among Without Within Across Through Amid Ahead ' +
    'Western Eastern Northern Southern'
  ).split(' '),
);

/** Capitalised only because they start a sentence or a heading: never the first word of a name. */
const LEADING_NOISE = new Set(
  (
    'The A An But And Or So Yet In On At For From To By With As If When While After Before Since Although ' +
    'Though However Meanwhile Still Also Then Now Some Many Most All No Not This That These Those There ' +
    'Here He She It They We I You His Her Its Their Our Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday Related Read More Photo Video Watch Update Updated Breaking According Despite ' +
    'During Under Over Against Between Among Amid Former Acting Interim'
  ).split(' '),
);

/** Words of an organisation name that describe its remit; a name of only these needs a country. */
const GENERIC_ORG_WORDS = new Set(
  (
    'Foreign Defence Defense Interior Finance Justice Health Home State National Federal Central Regional ' +
    'Affairs Security Intelligence Armed Emergency Emergencies Economy Economic Trade Education Energy ' +
    'Environment Agriculture Transport Culture Information Press Public Internal External Supreme ' +
    'Constitutional General Presidential Military Naval Air Border Police Tax Revenue Statistics Office ' +
    'Ministry Department Government Parliament Army Navy Forces Service Agency Council Committee Commission ' +
    'Court Bank Guard Cabinet Administration Authority Bureau Office Assembly Senate'
  ).split(' '),
);

/** Days and months: "on Monday" after a body's name is a date, not part of the name. */
const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Christmas|New)$/;

const LOCATIVE = new Set([
  'in',
  'at',
  'from',
  'to',
  'near',
  'outside',
  'around',
  'into',
  'toward',
  'towards',
  'across',
  'via',
  'inside',
  'of',
  'visit',
  'visited',
  'visiting',
  'reach',
  'reached',
  'leave',
  'left',
  'entered',
]);

const SETTLEMENT_NOUNS =
  /(?:city|town|village|capital|port|region|province|district|resort|suburb|oblast|state) of\s*$/i;

const TOKEN = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*(?:\.(?=[\s,;:)]|$))?/gu;

function tokens(text: string, span: Span): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = span.start;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m.index < span.end) {
    let t = m[0];
    // A trailing dot belongs to dotted abbreviations ("U.S.") only.
    if (t.endsWith('.') && !/\.\p{L}+\.$/u.test(t)) t = t.slice(0, -1);
    // "Norwegian-brokered", "Paris-based": the lower-case tail is no part of the name.
    const glued = /^(\p{Lu}[\p{L}]+)-\p{Ll}/u.exec(t);
    if (glued?.[1]) t = glued[1];
    const first = t.charAt(0);
    const prev = out.at(-1);
    // A number belongs to a name only right after a capitalised word of it ("Channel 4 News", "Apollo
    // 11"), and never glued to lower-case letters ("60,000-seater", "17-year-old", "22bn", "10th").
    const numberInName =
      !/\p{Ll}/u.test(t) &&
      prev !== undefined &&
      prev.cap &&
      !/^\p{N}/u.test(prev.text) &&
      !NON_ENTITY_WORDS.has(prev.text) &&
      /^[ \u00a0]$/.test(text.slice(prev.end, m.index));
    out.push({
      text: t,
      start: m.index,
      end: m.index + t.length,
      cap: /\p{N}/u.test(first) ? numberInName : first !== first.toLowerCase(),
    });
  }
  return out;
}

/** Only blanks (or a hyphen) between two tokens: they can belong to one name. */
function adjacent(text: string, a: Tok, b: Tok): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0 && c !== 45) return false;
  }
  return b.start - a.end <= 2;
}

function stripPossessive(word: string): { bare: string; possessive: boolean } {
  const m = /^(.*?)(?:['’]s|s['’])$/.exec(word);
  return m?.[1] ? { bare: m[1], possessive: true } : { bare: word, possessive: false };
}

interface Found {
  type: 'Country' | 'Place' | 'Organization';
  /** Canonical name within the article (and the basis of the cross-article key). */
  name: string;
  surface: string;
  span: Span;
  country?: CountryInfo;
  /** Place: a country stated beside it ("Tartu, Estonia") overrides the gazetteer's guess. */
  explicitCountry?: boolean;
  kind?: string;
}

export interface EntityExtraction {
  entities: EntityRecord[];
  /** Canonical country name -> local id, for attaching person roles and nationalities. */
  countryIds: Map<string, string>;
}

/** Mutable per-article registry: merges mentions by (type, canonical name) and hands out local ids. */
export class EntityRegistry {
  private readonly byKey = new Map<string, EntityRecord>();
  private readonly counters = { Country: 0, Place: 0, Organization: 0 };
  readonly countryIds = new Map<string, string>();
  private readonly order: EntityRecord[] = [];

  /** The Country entity for a canonical country, created on first use. */
  country(info: CountryInfo, surface?: string, span?: Span): EntityRecord {
    const rec = this.get('Country', info.name, 'c');
    this.countryIds.set(info.name, rec.localId);
    if (span) this.mention(rec, surface ?? info.name, span);
    return rec;
  }

  /** An Organization record (without a mention: named only inside a person's title). */
  organization(name: string, country?: CountryInfo): EntityRecord {
    const rec = this.get('Organization', name, 'o');
    if (country && !rec.country) rec.country = this.country(country).localId;
    return rec;
  }

  add(found: Found): EntityRecord {
    if (found.type === 'Country' && found.country)
      return this.country(found.country, found.surface, found.span);
    const prefix = found.type === 'Place' ? 'l' : 'o';
    const rec = this.get(found.type, found.name, prefix);
    this.mention(rec, found.surface, found.span);
    if (found.country && (!rec.country || found.explicitCountry)) {
      rec.country = this.country(found.country).localId;
    }
    return rec;
  }

  private get(type: 'Country' | 'Place' | 'Organization', name: string, prefix: string): EntityRecord {
    const key = `${type}\u0000${name.toLowerCase()}`;
    let rec = this.byKey.get(key);
    if (!rec) {
      rec = { localId: `${prefix}${++this.counters[type]}`, type, name, aliases: [], mentions: [] };
      this.byKey.set(key, rec);
      this.order.push(rec);
    }
    return rec;
  }

  private mention(rec: EntityRecord, surface: string, span: Span): void {
    const last = rec.mentions[rec.mentions.length - 1];
    if (last && last.start === span.start && last.end === span.end) return;
    rec.mentions.push(span);
    if (surface !== rec.name && !rec.aliases.includes(surface)) rec.aliases.push(surface);
  }

  records(): EntityRecord[] {
    return this.order;
  }
}

/** Is [start, end) inside or overlapping any of the (sorted) blocked spans? */
function makeBlockCheck(blocked: Span[]): (start: number, end: number) => boolean {
  const sorted = [...blocked].sort((a, b) => a.start - b.start);
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sorted[mid]!;
      if (s.end <= start) lo = mid + 1;
      else if (s.start >= end) hi = mid - 1;
      else return true;
    }
    return false;
  };
}

/** Country named by a modifier token: a demonym ("Russian") or a possessive name ("Russia's"). */
function modifierCountry(word: string): CountryInfo | undefined {
  const demonym = demonymInfo(word);
  if (demonym) return demonym;
  const { bare, possessive } = stripPossessive(word);
  return possessive ? countryByName(bare) : undefined;
}

/** Display name of a generic body tied to a country: "Foreign Ministry" + Ukraine -> "Ukrainian Foreign Ministry". */
function countryQualifiedName(base: string, country: CountryInfo): string {
  const adjective = country.demonyms[0] ?? country.name;
  return `${adjective} ${base}`;
}

function isGenericOrgName(words: string[]): boolean {
  return words.every((w) => GENERIC_ORG_WORDS.has(w) || CONNECTORS.has(w));
}

/**
 * Extract Country, Place and Organization entities. `personSpans` are the mention spans of persons
 * (from the person extractor): nothing overlapping them is taken as another entity.
 */
export function extractEntities(
  text: string,
  sentences: Sentence[],
  personSpans: Span[] = [],
  registry: EntityRegistry = new EntityRegistry(),
): EntityExtraction {
  const blocked = makeBlockCheck(personSpans);
  const acronyms = new Map<string, Found>();
  for (const sentence of sentences) {
    scanSentence(text, sentence, blocked, registry, acronyms);
  }
  return { entities: registry.records(), countryIds: registry.countryIds };
}

function scanSentence(
  text: string,
  sentence: Sentence,
  blocked: (start: number, end: number) => boolean,
  registry: EntityRegistry,
  acronyms: Map<string, Found>,
): void {
  const toks = tokens(text, sentence);
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    // A number never opens a name: "the 60,000-seater Arena", "in 2005 Lakeside United", "22bn Dam".
    if (!tok.cap || /^\p{N}/u.test(tok.text)) {
      i++;
      continue;
    }
    // A capitalised run: capitalised tokens joined by blanks, with connector words inside.
    let j = i + 1;
    while (j < toks.length && adjacent(text, toks[j - 1]!, toks[j]!)) {
      const t = toks[j]!;
      if (t.cap || (CONNECTORS.has(t.text) && toks[j + 1]?.cap && adjacent(text, t, toks[j + 1]!))) j++;
      else break;
    }
    const run = toks.slice(i, j);
    const prev = i > 0 ? toks[i - 1] : undefined;
    for (const found of scanRun(text, run, prev, toks[j], acronyms)) {
      if (blocked(found.span.start, found.span.end)) continue;
      registry.add(found);
    }
    i = j;
  }
}

/** Cut one capitalised run into entities: head-noun phrases first, then longest gazetteer matches. */
function scanRun(
  text: string,
  run: Tok[],
  prev: Tok | undefined,
  next: Tok | undefined,
  acronyms: Map<string, Found>,
): Found[] {
  const out: Found[] = [];
  const used = new Array<boolean>(run.length).fill(false);

  headPhrases(text, run, used, out);

  let k = 0;
  while (k < run.length) {
    if (used[k] || !run[k]!.cap) {
      k++;
      continue;
    }
    let matched = false;
    for (let len = Math.min(6, run.length - k); len >= 1 && !matched; len--) {
      const last = k + len - 1;
      if (used.slice(k, k + len).some(Boolean) || !run[last]!.cap) continue;
      const slice = run.slice(k, k + len);
      const surface = text.slice(slice[0]!.start, slice[len - 1]!.end);
      const found = gazetteerMatch(
        text,
        surface,
        slice,
        k === 0 ? prev : run[k - 1],
        run[k + len] ?? next,
        acronyms,
      );
      if (found) {
        out.push(found);
        for (let x = k; x <= last; x++) used[x] = true;
        k += len;
        matched = true;
      }
    }
    if (!matched) k++;
  }
  // An unknown settlement named with its country ("in Smallville, Freedonia") or after "city of".
  const firstFree = run.findIndex((_, idx) => !used[idx]);
  if (firstFree === 0 && out.length === 0) {
    const unknown = unknownPlace(text, run, prev);
    if (unknown) out.push(unknown);
  }
  return out;
}

function gazetteerMatch(
  text: string,
  surface: string,
  slice: Tok[],
  before: Tok | undefined,
  after: Tok | undefined,
  acronyms: Map<string, Found>,
): Found | undefined {
  const span = { start: slice[0]!.start, end: slice[slice.length - 1]!.end };
  const firstWord = slice[0]!.text;
  if (NON_ENTITY_WORDS.has(firstWord) && !(slice.length > 1 && !LEADING_NOISE.has(firstWord)))
    return undefined;
  const { bare, possessive } = stripPossessive(surface);
  const bareSpan = possessive ? { start: span.start, end: span.start + bare.length } : span;

  const local = acronyms.get(surface);
  if (local) return { ...local, surface, span };

  const country = countryByName(bare);
  if (country) return { type: 'Country', name: country.name, surface: bare, span: bareSpan, country };
  const org = isKnownOrganization(bare);
  if (org) {
    const found: Found = {
      type: 'Organization',
      name: org.name,
      surface: bare,
      span: bareSpan,
      kind: org.kind,
      ...(org.countryIso ? { country: countryInfo(org.countryIso)! } : {}),
    };
    registerAcronym(text, span.end, found, acronyms);
    return found;
  }
  const place = isKnownPlace(bare);
  if (place) {
    if (
      place.ambiguous &&
      !(before && LOCATIVE.has(before.text.toLowerCase())) &&
      !followedByCountry(text, span.end)
    ) {
      return undefined;
    }
    const stated = followedByCountry(text, span.end);
    const countryRec = stated ?? (place.countryIso ? countryInfo(place.countryIso) : undefined);
    // The article's spelling when it is the same name ("Lviv" for the list's "L'viv"); not a dateline's capitals.
    const sameName = gazetteerKey(bare) === gazetteerKey(place.name) && bare !== bare.toUpperCase();
    return {
      type: 'Place',
      name: sameName ? bare : place.name,
      surface: bare,
      span: bareSpan,
      kind: place.kind,
      ...(countryRec ? { country: countryRec } : {}),
      ...(stated ? { explicitCountry: true } : {}),
    };
  }
  // "building products group James Hardie", "retailer Ames & Cole": the whole name after a company noun.
  if (
    before &&
    !before.cap &&
    COMPANY_NOUNS.has(before.text) &&
    adjacent(text, before, slice[0]!) &&
    slice.length <= 4 &&
    !(after?.cap && adjacent(text, slice[slice.length - 1]!, after)) &&
    // ("Ernst & Young": a name the tokens split is left to the rules that know it)
    !/^\s*&/.test(text.slice(span.end, span.end + 3))
  )
    return { type: 'Organization', name: bare, surface: bare, span: bareSpan, kind: 'company' };
  if (slice.length === 1) {
    // Demonym adjective before a lower-case word: "Turkish officials", "Russian invasion".
    const demonym = demonymInfo(firstWord);
    if (demonym && (!after || !after.cap || !adjacent(text, slice[0]!, after))) {
      return { type: 'Country', name: demonym.name, surface: firstWord, span, country: demonym };
    }
  }
  return undefined;
}

/** ", <Country>" right after a place name: the country it is in. */
function followedByCountry(text: string, end: number): CountryInfo | undefined {
  if (text.charCodeAt(end) !== 44) return undefined; // ','
  const m = /^,\s*((?:the\s+)?[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})/u.exec(
    text.slice(end, end + 60),
  );
  if (!m?.[1]) return undefined;
  const words = m[1].split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const info = countryByName(words.slice(0, n).join(' '));
    if (info) return info;
  }
  return undefined;
}

/** "World Food Programme (WFP)": the acronym names the same organisation later in the article. */
function registerAcronym(text: string, end: number, found: Found, acronyms: Map<string, Found>): void {
  const m = /^\s*\(([A-Z][A-Z0-9&]{1,9})\)/.exec(text.slice(end, end + 16));
  if (m?.[1] && !acronyms.has(m[1])) acronyms.set(m[1], { ...found });
}

function headKind(word: string): { org?: OrganizationKind; place?: 'facility' | 'region' } | undefined {
  const org = ORGANIZATION_HEADS[word] as OrganizationKind | undefined;
  if (org) return { org };
  if (FACILITY_HEADS.has(word)) return { place: 'facility' };
  if (REGION_HEADS.has(word)) return { place: 'region' };
  return undefined;
}

/** Phrases ending in an organisation, facility or region head noun. Marks their tokens used. */
function headPhrases(text: string, run: Tok[], used: boolean[], out: Found[]): void {
  for (let h = 0; h < run.length; h++) {
    if (used[h] || !headKind(run[h]!.text)) continue;
    // A chain of heads ("Foreign Ministry Press Service") is one name: take the last head.
    for (let n = h + 1; n < run.length && run[n]!.cap; n++) if (headKind(run[n]!.text)) h = n;
    const kind = headKind(run[h]!.text)!;
    // Extend right over "of <Name>" ("Ministry of Foreign Affairs", "Bank of Japan").
    let end = h;
    // "Institute on Drug Abuse", "Council on Foreign Relations" too; not "Ministry on Monday".
    const complement = run[h + 1]?.text;
    if (
      (complement === 'of' ||
        complement === 'for' ||
        (complement === 'on' && !CALENDAR_WORD.test(run[h + 2]?.text ?? ''))) &&
      run[h + 2]?.cap
    ) {
      let e = h + 2;
      while (e < run.length && (run[e]!.cap || (CONNECTORS.has(run[e]!.text) && run[e + 1]?.cap))) e++;
      end = e - 1;
    }
    // Extend left over capitalised words (not into another phrase), then drop sentence starters.
    let start = h;
    while (start > 0 && !used[start - 1] && (run[start - 1]!.cap || CONNECTORS.has(run[start - 1]!.text)))
      start--;
    while (start < h && (LEADING_NOISE.has(run[start]!.text) || CONNECTORS.has(run[start]!.text))) start++;
    const known = knownOrgWithin(text, run, start, end);
    if (known) {
      out.push(known.found);
      for (let x = known.start; x <= end; x++) used[x] = true;
      h = end;
      continue;
    }
    // A leading demonym or possessive country qualifies the body ("Russian Foreign Ministry").
    const lead = run[start]!;
    const country = start < h ? modifierCountry(lead.text) : undefined;
    const baseStart = country ? start + 1 : start;
    const words = run.slice(baseStart, end + 1).map((t) => t.text);
    // "<Body> of <Country>" ("Ministry of Defence of Ukraine", "Parliament of Georgia") when the tail is
    // exactly a country; "Bank of England" stays a name because England is no country here.
    const tailCountry = end > h ? countryByName(text.slice(run[h + 2]!.start, run[end]!.end)) : undefined;
    if (words.length < 2 && !country) continue;
    if (words.length === 1 && kind.place) continue;
    const fullSpan = { start: lead.start, end: run[end]!.end };
    const surface = text.slice(fullSpan.start, fullSpan.end);
    const baseSurface = text.slice(run[baseStart]!.start, run[end]!.end);
    const generic = isGenericOrgName(words);
    const ctry = country ?? tailCountry;
    let name = baseSurface;
    if (country && generic) name = countryQualifiedName(baseSurface, country);
    else if (country) name = surface;
    else if (tailCountry && isGenericOrgName(words.slice(0, h - baseStart + 1))) {
      name = countryQualifiedName(text.slice(run[baseStart]!.start, run[h]!.end), tailCountry);
    }
    if (generic && !ctry && words.length < 2) continue;
    if (kind.org) {
      out.push({
        type: 'Organization',
        name,
        surface,
        span: fullSpan,
        kind: kind.org,
        ...(ctry ? { country: ctry } : {}),
      });
    } else {
      out.push({
        type: 'Place',
        name,
        surface,
        span: fullSpan,
        kind: kind.place,
        ...(ctry ? { country: ctry } : {}),
      });
    }
    for (let x = start; x <= end; x++) used[x] = true;
    h = end;
  }
}

/** The longest suffix-anchored known organisation in run[from..end] ("International Atomic Energy Agency"). */
function knownOrgWithin(
  text: string,
  run: Tok[],
  from: number,
  end: number,
): { found: Found; start: number } | undefined {
  for (let s = from; s <= end; s++) {
    if (!run[s]!.cap) continue;
    const surface = text.slice(run[s]!.start, run[end]!.end);
    const org = isKnownOrganization(surface);
    if (!org) continue;
    const country = org.countryIso ? countryInfo(org.countryIso) : undefined;
    // "The Harbour Times", "Tampa Bay Times": an outlet known by one generic word ("Times") after
    // other capitalised words is another paper, named by the whole run.
    let first = from;
    while (first < s && !run[first]!.cap) first++;
    if (first < s && run[first]!.text === 'The') first++;
    if (org.kind === 'outlet' && s === end && first < s && run.slice(first, s).every((t) => t.cap)) {
      const whole = text.slice(run[first]!.start, run[end]!.end);
      return {
        start: first,
        found: {
          type: 'Organization',
          name: whole,
          surface: whole,
          span: { start: run[first]!.start, end: run[end]!.end },
          kind: 'outlet',
        },
      };
    }
    return {
      start: s,
      found: {
        type: 'Organization',
        name: org.name,
        surface,
        span: { start: run[s]!.start, end: run[end]!.end },
        kind: org.kind,
        ...(country ? { country } : {}),
      },
    };
  }
  return undefined;
}

/** A settlement the gazetteer lacks, recognisable from its context. */
function unknownPlace(text: string, run: Tok[], prev: Tok | undefined): Found | undefined {
  if (run.length > 3 || NON_ENTITY_WORDS.has(run[0]!.text)) return undefined;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const surface = text.slice(first.start, last.end);
  const span = { start: first.start, end: last.end };
  if (SETTLEMENT_NOUNS.test(text.slice(Math.max(0, first.start - 30), first.start))) {
    const stated = followedByCountry(text, last.end);
    return {
      type: 'Place',
      name: surface,
      surface,
      span,
      kind: 'city',
      ...(stated ? { country: stated, explicitCountry: true } : {}),
    };
  }
  if (prev && LOCATIVE.has(prev.text.toLowerCase()) && prev.text !== 'of') {
    const stated = followedByCountry(text, last.end);
    if (stated)
      return {
        type: 'Place',
        name: surface,
        surface,
        span,
        kind: 'city',
        country: stated,
        explicitCountry: true,
      };
  }
  return undefined;
}
