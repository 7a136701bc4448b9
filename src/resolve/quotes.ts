/**
 * Cross-article quote merging: the same words reported by several outlets become one quote with all
 * its sources. Texts are normalised (case, punctuation, quotes, whitespace, diacritics), blocked with
 * MinHash/LSH over word shingles so only likely pairs are compared (near-linear, no all-pairs), then
 * verified by shingle Jaccard similarity or containment and clustered with union-find.
 */
import { createHash } from 'node:crypto';
import type { DocumentExtraction, QuoteKind } from '../extract/types.js';

export interface QuoteMention {
  article: string;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
}

export interface QuoteSpeaker {
  key: string;
  articles: string[];
  /** True when other articles give this quote to a different speaker. */
  contested: boolean;
}

/** An entity or event the quote was addressed to or said at, with the articles that say so. */
export interface QuoteLink {
  key: string;
  articles: string[];
}

export interface ResolvedQuote {
  /** Stable, content-derived key (hash of the representative's normalised text). */
  key: string;
  text: string;
  kind: QuoteKind;
  /** Every distinct wording seen, the representative first. */
  variants: string[];
  mentions: QuoteMention[];
  speakers: QuoteSpeaker[];
  /** Number of distinct articles reporting the quote. */
  corroboration: number;
  /** To whom (Person/Organization/Country keys) and where (Place/Country/Event keys) it was said. */
  addressees: QuoteLink[];
  settings: QuoteLink[];
  /** Non-entity addressees ("reporters"), sorted. */
  audience: string[];
  /** Earliest stated date of the statement across its reports. */
  date?: string;
}

/** Similarity needed to call two wordings the same quote. */
const MIN_JACCARD = 0.6;
/** A shorter wording wholly inside a longer one (a trimmed excerpt) is the same quote too. */
const MIN_CONTAINMENT = 0.9;
const MIN_CONTAINED_WORDS = 6;
const BANDS = 10;
const ROWS = 3;

/** Lower case, no diacritics, no punctuation or quote marks, single spaces. */
export function normaliseQuoteText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function shingles(words: string[]): Set<string> {
  // Word bigrams: one changed word (a spelling variant) costs only two shingles.
  const size = words.length >= 3 ? 2 : 1;
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  if (out.size === 0 && words.length) out.add(words.join(' '));
  return out;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Per-function multipliers/offsets for MinHash (fixed, so keys are reproducible). */
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => ({
  a: (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0,
  b: Math.imul(i + 7, 0x85ebca6b) >>> 0,
}));

function minhash(set: Set<string>): number[] {
  const hashes = [...set].map(fnv1a);
  return SEEDS.map(({ a, b }) => {
    let min = 0xffffffff;
    for (const h of hashes) {
      const v = (Math.imul(h ^ b, a) ^ (h >>> 15)) >>> 0;
      if (v < min) min = v;
    }
    return min;
  });
}

function similar(a: Set<string>, b: Set<string>, wordsA: number, wordsB: number): boolean {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared++;
  const union = a.size + b.size - shared;
  if (union > 0 && shared / union >= MIN_JACCARD) return true;
  const smallerWords = Math.min(wordsA, wordsB);
  return smallerWords >= MIN_CONTAINED_WORDS && small.size > 0 && shared / small.size >= MIN_CONTAINMENT;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Item {
  article: string;
  text: string;
  normalised: string;
  kind: QuoteKind;
  mention: QuoteMention;
  speaker?: string;
  addressee?: string;
  setting?: string;
  audience?: string;
  date?: string;
}

const KIND_RANK: Record<QuoteKind, number> = { direct: 3, partial: 2, indirect: 1 };

/**
 * `entityKey` maps an article's entity local ids (speakers, addressees, places) to resolved keys;
 * `eventKey` its event local ids; `speakerIdentity` says which speaker keys are one speaker for the
 * contested flag (the per-article nodes of a group noun such as "police" or "analysts" are one
 * speaker there: two articles giving a quote to "analysts" do not contest it).
 */
export function resolveQuotes(
  docs: DocumentExtraction[],
  entityKey: (articleId: string, localId: string) => string | undefined,
  eventKey: (articleId: string, localId: string) => string | undefined = () => undefined,
  speakerIdentity: (key: string) => string = (key) => key,
): ResolvedQuote[] {
  const items: Item[] = [];
  for (const doc of docs) {
    const article = doc.article.id;
    for (const q of doc.quotes) {
      const normalised = normaliseQuoteText(q.text);
      if (!normalised) continue;
      const speaker = q.speaker ? entityKey(article, q.speaker) : undefined;
      const addressee = q.addressee ? entityKey(article, q.addressee) : undefined;
      // The event is the more precise setting: it has its own place.
      const setting =
        (q.event ? eventKey(article, q.event) : undefined) ?? (q.place ? entityKey(article, q.place) : undefined);
      items.push({
        article,
        text: q.text,
        normalised,
        kind: q.kind,
        mention: {
          article,
          start: q.span.start,
          end: q.span.end,
          sentenceStart: q.sentenceSpan.start,
          sentenceEnd: q.sentenceSpan.end,
        },
        ...(speaker ? { speaker } : {}),
        ...(addressee && addressee !== speaker ? { addressee } : {}),
        ...(setting ? { setting } : {}),
        ...(q.audience ? { audience: q.audience } : {}),
        ...(q.date ? { date: q.date } : {}),
      });
    }
  }

  const words = items.map((i) => i.normalised.split(' '));
  const sets = words.map(shingles);
  const uf = new UnionFind(items.length);
  // Identical normalised texts merge directly; LSH buckets propose the near-identical ones.
  const exact = new Map<string, number>();
  const buckets = new Map<string, number[]>();
  items.forEach((item, i) => {
    const same = exact.get(item.normalised);
    if (same !== undefined) {
      // Only one copy of each exact text enters the buckets, so repeated quotes cannot blow a bucket up.
      uf.union(same, i);
      return;
    }
    exact.set(item.normalised, i);
    const signature = minhash(sets[i]!);
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${signature.slice(band * ROWS, band * ROWS + ROWS).join(',')}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  const compared = new Set<string>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const a = bucket[x]!;
        const b = bucket[y]!;
        if (uf.find(a) === uf.find(b)) continue;
        const pair = `${a}:${b}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        if (similar(sets[a]!, sets[b]!, words[a]!.length, words[b]!.length)) uf.union(a, b);
      }
    }
  }

  const clusters = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = uf.find(i);
    const list = clusters.get(root);
    if (list) list.push(item);
    else clusters.set(root, [item]);
  });
  const resolved = [...clusters.values()].map((cluster) => buildQuote(cluster, speakerIdentity));
  resolved.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return resolved;
}

/** One resolved quote from a cluster of mentions; the representative is chosen independently of input order. */
function buildQuote(cluster: Item[], speakerIdentity: (key: string) => string): ResolvedQuote {
  const kindCounts = new Map<QuoteKind, number>();
  for (const item of cluster) kindCounts.set(item.kind, (kindCounts.get(item.kind) ?? 0) + 1);
  const kind = [...kindCounts.entries()].sort(
    (a, b) => b[1] - a[1] || KIND_RANK[b[0]] - KIND_RANK[a[0]],
  )[0]![0];

  // The displayed wording is one of the quote's own kind: a direct quote does not show the words
  // around the quotation that a partial report of it carries.
  const byText = new Map<string, Item[]>();
  for (const item of cluster) {
    if (item.kind === kind) byText.set(item.normalised, [...(byText.get(item.normalised) ?? []), item]);
  }
  const ranked = [...byText.entries()].sort(
    ([ta, a], [tb, b]) => b.length - a.length || tb.length - ta.length || (ta < tb ? -1 : ta > tb ? 1 : 0),
  );
  const [repNormalised, repItems] = ranked[0]!;
  const representative = [...repItems].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))[0]!;
  const variants = [representative.text];
  for (const item of cluster) if (!variants.includes(item.text)) variants.push(item.text);

  const speakerArticles = new Map<string, Set<string>>();
  for (const item of cluster) {
    if (!item.speaker) continue;
    const set = speakerArticles.get(item.speaker) ?? new Set<string>();
    set.add(item.article);
    speakerArticles.set(item.speaker, set);
  }
  const contested = new Set([...speakerArticles.keys()].map(speakerIdentity)).size > 1;
  const speakers = [...speakerArticles.entries()]
    .map(([key, articles]) => ({ key, articles: [...articles].sort(), contested }))
    .sort((a, b) => b.articles.length - a.articles.length || (a.key < b.key ? -1 : 1));

  const links = (pick: (item: Item) => string | undefined): QuoteLink[] => {
    const byKey = new Map<string, Set<string>>();
    for (const item of cluster) {
      const key = pick(item);
      if (key) byKey.set(key, (byKey.get(key) ?? new Set()).add(item.article));
    }
    return [...byKey.entries()]
      .map(([key, articles]) => ({ key, articles: [...articles].sort() }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  };
  const dates = cluster.map((i) => i.date).filter((d): d is string => Boolean(d)).sort();

  const mentions = cluster
    .map((i) => i.mention)
    .sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
  return {
    key: `q_${createHash('sha1').update(repNormalised).digest('hex').slice(0, 16)}`,
    text: representative.text,
    kind,
    variants,
    mentions,
    speakers,
    corroboration: new Set(cluster.map((i) => i.article)).size,
    addressees: links((i) => i.addressee),
    settings: links((i) => i.setting),
    audience: [...new Set(cluster.map((i) => i.audience).filter((a): a is string => Boolean(a)))].sort(),
    ...(dates[0] ? { date: dates[0] } : {}),
  };
}
