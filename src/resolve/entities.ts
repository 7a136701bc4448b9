/**
 * Cross-article entity resolution: one key per real entity.
 * - Countries: by ISO code (the gazetteer already canonicalised the name).
 * - Places and organisations: by folded canonical name (places also by country when known).
 * - Persons: blocked by the surname's consonant skeleton (so only names that could be variants are
 *   ever compared: near-linear), clustered by transliteration-aware similarity with a gender veto;
 *   surname-only persons join the single full-name cluster of their block that fits, or the one far
 *   better known than the others (see dominant()), or stay on their own when the surname is ambiguous.
 */
import { countryByName, gazetteerKey } from '../extract/gazetteer.js';
import type { DocumentExtraction, EntityRecord, EntityType, Span } from '../extract/types.js';
import { nodeKey, type ArticleSpan } from '../model/ontology.js';
import { blockingKey, parseName, personId, similarNames, type ParsedName } from './names.js';

export interface ResolvedRole {
  title: string;
  /** Key of the Country or Organization the office belongs to. */
  target: string;
  span: ArticleSpan;
}

export interface ResolvedEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: ArticleSpan[];
  articles: string[];
  gender?: 'male' | 'female';
  kind?: string;
  iso?: string;
  /** Place/Organization: key of the Country it is in, with the supporting spans. */
  locatedIn?: { key: string; spans: ArticleSpan[] };
  roles: ResolvedRole[];
  /** Person: nationality Country key with the supporting spans. */
  nationality?: { key: string; spans: ArticleSpan[] };
}

export interface EntityResolution {
  entities: Map<string, ResolvedEntity>;
  /** (article id, local id) -> entity key. */
  keyOf(article: string, localId: string): string | undefined;
}

interface Member {
  article: string;
  record: EntityRecord;
  parsed?: ParsedName;
}

/** An organisation named by a lower-case group noun ("police", "analysts"): one node per article. */
function namedByCommonNoun(name: string): boolean {
  return /^\p{Ll}/u.test(name);
}

/**
 * Which speaker an entity is, for telling whether outlets disagree on one: its key, except that the
 * per-article nodes of one group noun ("analysts" in two articles) are one speaker there. Different
 * bodies perhaps, but a quote given to "analysts" by two outlets is no conflict between them.
 */
export function speakerIdentity(entity: ResolvedEntity): string {
  return entity.type === 'Organization' && namedByCommonNoun(entity.name)
    ? `group:${entity.name.normalize('NFC').toLowerCase()}`
    : entity.key;
}

function spanIn(article: string, span: Span): ArticleSpan {
  return { article, start: span.start, end: span.end };
}

/** Most frequent value, ties broken by length (fuller) then alphabetically: deterministic. */
function pickName(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  )[0]![0];
}

/** Key-safe form of a name: folded, spaces to hyphens ("Ivano-Frankivsk" -> "ivano-frankivsk"). */
function slug(name: string): string {
  return gazetteerKey(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

function countryKeyFor(name: string): string | undefined {
  const info = countryByName(name);
  return info ? nodeKey('Country', info.iso2.toLowerCase()) : undefined;
}

export function resolveEntities(docs: readonly DocumentExtraction[]): EntityResolution {
  const localKeys = new Map<string, string>();
  const groups = new Map<string, Member[]>();
  const persons: Member[] = [];
  const lk = (article: string, localId: string): string => `${article}\u0000${localId}`;

  // Countries and named places/orgs first: their keys are direct.
  for (const doc of docs) {
    const article = doc.article.id;
    const byId = new Map(doc.entities.map((e) => [e.localId, e]));
    for (const record of doc.entities) {
      if (record.type === 'Person') {
        const parsed = parseName(record.name);
        persons.push({ article, record, ...(parsed ? { parsed } : {}) });
        continue;
      }
      let key: string;
      if (record.type === 'Country') {
        key = countryKeyFor(record.name) ?? nodeKey('Country', slug(record.name));
      } else if (record.type === 'Place') {
        const country = record.country ? byId.get(record.country) : undefined;
        const iso = country ? countryByName(country.name)?.iso2.toLowerCase() : undefined;
        key = nodeKey('Place', iso ? `${iso}:${slug(record.name)}` : slug(record.name));
      } else if (namedByCommonNoun(record.name)) {
        // A group noun ("police", "officials") denotes a different body in each article.
        key = nodeKey('Organization', `${slug(article)}:${slug(record.name)}`);
      } else {
        key = nodeKey('Organization', slug(record.name));
      }
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push({ article, record });
      localKeys.set(lk(article, record.localId), key);
    }
  }
  const redirect = new Map<string, string>();
  // A place seen without its country joins the one same-named place whose country is known.
  const placesByName = new Map<string, string[]>();
  for (const key of groups.keys()) {
    if (!key.startsWith('place:')) continue;
    const rest = key.slice('place:'.length);
    const name = rest.includes(':') ? rest.slice(rest.indexOf(':') + 1) : rest;
    const list = placesByName.get(name) ?? [];
    list.push(key);
    placesByName.set(name, list);
  }
  for (const [name, keys] of placesByName) {
    const bare = nodeKey('Place', name);
    const withCountry = keys.filter((k) => k !== bare);
    if (withCountry.length === 1 && keys.includes(bare)) {
      const target = withCountry[0]!;
      groups.get(target)!.push(...groups.get(bare)!);
      groups.delete(bare);
      redirect.set(bare, target);
    }
  }

  if (redirect.size > 0) {
    for (const [k, v] of localKeys) {
      const target = redirect.get(v);
      if (target) localKeys.set(k, target);
    }
  }
  for (const [key, members] of clusterPersons(persons)) {
    groups.set(key, members);
    for (const m of members) localKeys.set(lk(m.article, m.record.localId), key);
  }

  const keyOf = (article: string, localId: string): string | undefined => localKeys.get(lk(article, localId));
  const entities = new Map<string, ResolvedEntity>();
  for (const [key, members] of groups) entities.set(key, mergeMembers(key, members, keyOf));
  return { entities, keyOf };
}

/** Cluster persons within surname-skeleton blocks; returns person key -> members. */
function clusterPersons(persons: Member[]): Map<string, Member[]> {
  const blocks = new Map<string, Member[]>();
  for (const m of persons) {
    const key = m.parsed ? blockingKey(m.parsed) : `?${m.record.name}`;
    const block = blocks.get(key) ?? [];
    block.push(m);
    blocks.set(key, block);
  }
  const out = new Map<string, Member[]>();
  for (const block of blocks.values()) {
    // Full names first (longest first, then alphabetical) so clusters form around the fullest names.
    const full = block.filter((m) => m.parsed?.first).sort(byNameOrder);
    const single = block.filter((m) => !m.parsed?.first).sort(byNameOrder);
    // Full names with one id are one person whatever the articles' pronouns say: the gender veto
    // between them would split a person over one article's mis-resolved "she" (and give two clusters
    // one key). The veto is for names that are only similar, with the gender most of them give.
    const sameName = new Map<string, Member[]>();
    for (const m of full) {
      const id = personId(m.parsed!);
      const list = sameName.get(id);
      if (list) list.push(m);
      else sameName.set(id, [m]);
    }
    const clusters: { rep: ParsedName; gender?: 'male' | 'female'; members: Member[] }[] = [];
    for (const members of sameName.values()) {
      const parsed = members[0]!.parsed!;
      const gender = majorityGender(members);
      const cluster = clusters.find(
        (c) => similarNames(c.rep, parsed) && !(c.gender && gender && c.gender !== gender),
      );
      if (cluster) {
        cluster.members.push(...members);
        cluster.gender ??= gender;
      } else {
        clusters.push({ rep: parsed, ...(gender ? { gender } : {}), members: [...members] });
      }
    }
    const surnameOnly: Member[] = [];
    // Articles of each full-name cluster, counted before any surname-only mention joins one.
    const support = new Map(clusters.map((c) => [c, new Set(c.members.map((x) => x.article)).size]));
    for (const m of single) {
      const g = m.record.gender;
      // A bare surname is little to go on: it must be spelt as one of the cluster's own surnames are
      // (up to transliteration), not merely close to it ("Peres" is no "Pires").
      const surname = m.parsed?.surname;
      const matching = surname
        ? clusters.filter(
            (c) => c.members.some((x) => x.parsed!.surname === surname) && !(g && c.gender && g !== c.gender),
          )
        : [];
      // Surname-only: merged when one full name in the corpus fits, or one is far better known.
      const chosen = matching.length === 1 ? matching[0] : dominant(matching, support);
      if (chosen) chosen.members.push(m);
      else surnameOnly.push(m);
    }
    for (const c of clusters) {
      // Each cluster's key is the id of one of its own names, so keys do not collide; were one to,
      // the members join that node rather than replace it (a replaced cluster's mentions would vanish).
      const key = personKey(c.members);
      const existing = out.get(key);
      if (existing) existing.push(...c.members);
      else out.set(key, c.members);
    }
    for (const m of surnameOnly) {
      const key = nodeKey('Person', m.parsed ? personId(m.parsed) : slug(m.record.name));
      const list = out.get(key) ?? [];
      list.push(m);
      out.set(key, list);
    }
  }
  return out;
}

/**
 * A bare surname that several full names of the corpus fit goes to the one so much better known (at
 * least DOMINANT_MIN_ARTICLES articles, DOMINANT_RATIO times the articles of all the others together)
 * that one more article naming only "Mr X" is far likelier to mean that person than any other: the
 * popularity prior of entity linking, kept strict because a wrong merge gives a quote to the wrong
 * person. Otherwise none: the surname stays a node of its own.
 */
const DOMINANT_MIN_ARTICLES = 10;
const DOMINANT_RATIO = 4;
function dominant<C>(candidates: readonly C[], articles: ReadonlyMap<C, number>): C | undefined {
  if (candidates.length < 2) return undefined;
  const ranked = [...candidates].sort((a, b) => articles.get(b)! - articles.get(a)!);
  const best = articles.get(ranked[0]!)!;
  const rest = ranked.slice(1).reduce((sum, c) => sum + articles.get(c)!, 0);
  return best >= DOMINANT_MIN_ARTICLES && best >= DOMINANT_RATIO * rest ? ranked[0] : undefined;
}

/** The gender most members give (undefined when none does, or on a tie). */
function majorityGender(members: readonly Member[]): 'male' | 'female' | undefined {
  let male = 0;
  let female = 0;
  for (const m of members) {
    if (m.record.gender === 'male') male++;
    else if (m.record.gender === 'female') female++;
  }
  return male > female ? 'male' : female > male ? 'female' : undefined;
}

function byNameOrder(a: Member, b: Member): number {
  return b.record.name.length - a.record.name.length || (a.record.name < b.record.name ? -1 : a.record.name > b.record.name ? 1 : 0);
}

/** Key of a person cluster: the id of its best-supported spelling (mentions, then order). */
function personKey(members: Member[]): string {
  const support = new Map<string, number>();
  for (const m of members) {
    if (!m.parsed?.first) continue;
    const id = personId(m.parsed);
    support.set(id, (support.get(id) ?? 0) + m.record.mentions.length);
  }
  const best = [...support.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0];
  return nodeKey('Person', best ? best[0] : slug(members[0]!.record.name));
}

function mergeMembers(
  key: string,
  members: Member[],
  keyOf: (article: string, localId: string) => string | undefined,
): ResolvedEntity {
  const first = members[0]!.record;
  const type = first.type;
  const names: string[] = [];
  const aliasSet = new Set<string>();
  const mentions: ArticleSpan[] = [];
  const articles = new Set<string>();
  const roles: ResolvedRole[] = [];
  let locatedIn: ResolvedEntity['locatedIn'];
  let nationality: ResolvedEntity['nationality'];
  const gender = majorityGender(members);
  for (const { article, record } of members) {
    // Surname-only spellings do not compete for the display name when a full name exists.
    if (type !== 'Person' || record.name.includes(' ') || members.every((m) => !m.record.name.includes(' '))) {
      for (let i = 0; i < Math.max(1, record.mentions.length); i++) names.push(record.name);
    }
    aliasSet.add(record.name);
    for (const a of record.aliases) aliasSet.add(a);
    for (const s of record.mentions) mentions.push(spanIn(article, s));
    articles.add(article);
    if (record.country) {
      const countryKey = keyOf(article, record.country);
      if (countryKey) {
        locatedIn ??= { key: countryKey, spans: [] };
        if (locatedIn.key === countryKey && record.mentions[0]) locatedIn.spans.push(spanIn(article, record.mentions[0]));
      }
    }
    if (record.nationality) {
      const countryKey = keyOf(article, record.nationality);
      if (countryKey) {
        nationality ??= { key: countryKey, spans: [] };
        const roleSpan = record.roles?.find((r) => r.country === record.nationality)?.span ?? record.mentions[0];
        if (nationality.key === countryKey && roleSpan) nationality.spans.push(spanIn(article, roleSpan));
      }
    }
    for (const role of record.roles ?? []) {
      const owner = role.country ?? role.organization;
      const target = owner ? keyOf(article, owner) : undefined;
      if (target) roles.push({ title: role.title, target, span: spanIn(article, role.span) });
    }
  }
  const name = pickName(names.length > 0 ? names : [first.name]);
  aliasSet.delete(name);
  const iso = type === 'Country' ? countryByName(name)?.iso2 : undefined;
  return {
    key,
    type,
    name,
    aliases: [...aliasSet].sort(),
    mentions,
    articles: [...articles].sort(),
    roles,
    ...(gender ? { gender } : {}),
    ...(iso ? { iso } : {}),
    ...(locatedIn ? { locatedIn } : {}),
    ...(nationality ? { nationality } : {}),
  };
}
