/**
 * Builds the speaker graph from resolved records.
 *
 * Graph type: graphology MultiDirectedGraph. Directed because every relation has a direction (SAID goes
 * from speaker to quote); multi because two nodes can be joined by edges of different types (a person
 * is NATIONAL_OF and HOLDS_OFFICE to the same country, takes part in and mediates the same event) and
 * by the same type with different qualifiers (two offices of one country). Every edge gets an explicit,
 * stable key (ontology.edgeKey) so rebuilding never duplicates an edge and the store can MERGE on it.
 */
import graphology from 'graphology';
import type { ArticleMeta } from '../extract/types.js';
import type { ResolvedEntity } from '../resolve/entities.js';
import type { ResolvedEvent } from '../resolve/events.js';
import {
  EdgeType,
  edgeKey,
  nodeKey,
  placeEdgeFor,
  type ArticleSpan,
  type EdgeAttributes,
  type NodeAttributes,
  type QuoteNode,
} from './ontology.js';

const { MultiDirectedGraph } = graphology;
export type SpeakerGraph = InstanceType<typeof MultiDirectedGraph<NodeAttributes, EdgeAttributes>>;

/** A quote resolved across articles (produced by src/resolve/quotes.ts). */
export interface QuoteInput {
  key: string;
  text: string;
  kind: 'direct' | 'partial' | 'indirect';
  variants: string[];
  mentions: { article: string; start: number; end: number; sentenceStart: number; sentenceEnd: number }[];
  speakers: { key: string; articles: string[]; contested: boolean }[];
  corroboration: number;
  /** To whom and where (entity/event keys), each with the articles that say so. */
  addressees?: { key: string; articles: string[] }[];
  settings?: { key: string; articles: string[] }[];
  audience?: string[];
  date?: string;
}

export interface GraphInput {
  /** `label`: display name for an article without a title (its lede), never stored as `title`. */
  articles: (ArticleMeta & { label?: string })[];
  entities: Iterable<ResolvedEntity>;
  events: Iterable<ResolvedEvent>;
  quotes: Iterable<QuoteInput>;
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function spanOrder(a: ArticleSpan, b: ArticleSpan): number {
  return a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start || a.end - b.end;
}

function dedupeSpans(spans: ArticleSpan[]): ArticleSpan[] {
  const seen = new Set<string>();
  const out: ArticleSpan[] = [];
  for (const s of [...spans].sort(spanOrder)) {
    const k = `${s.article}\u0000${s.start}\u0000${s.end}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ article: s.article, start: s.start, end: s.end });
    }
  }
  return out;
}

/** Add or extend an edge: provenance accumulates, other attributes are set once. */
function upsertEdge(
  graph: SpeakerGraph,
  type: EdgeType,
  source: string,
  target: string,
  spans: ArticleSpan[],
  extra: Partial<EdgeAttributes> = {},
  qualifier?: string,
): void {
  if (!graph.hasNode(source) || !graph.hasNode(target)) return;
  const key = edgeKey(type, source, target, qualifier);
  if (graph.hasEdge(key)) {
    graph.updateEdgeAttributes(key, (attr) => {
      const merged = dedupeSpans([...attr.spans, ...spans]);
      return { ...attr, ...extra, spans: merged, articles: uniqueSorted(merged.map((s) => s.article)) };
    });
    return;
  }
  const merged = dedupeSpans(spans);
  graph.addDirectedEdgeWithKey(key, source, target, {
    type,
    ...extra,
    articles: uniqueSorted(merged.map((s) => s.article)),
    spans: merged,
  });
}

export function buildGraph(input: GraphInput): SpeakerGraph {
  const graph: SpeakerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();

  for (const meta of [...input.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    graph.mergeNode(nodeKey('Article', meta.id), {
      type: 'Article',
      name: meta.title ?? meta.label ?? meta.id,
      articleId: meta.id,
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.outlet ? { outlet: meta.outlet } : {}),
      ...(meta.date ? { date: meta.date } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.datelineCity ? { datelineCity: meta.datelineCity } : {}),
      ...(meta.byline ? { byline: meta.byline } : {}),
      articles: [meta.id],
      spans: [],
    });
  }

  const entities = [...input.entities].sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const e of entities) {
    const spans = dedupeSpans(e.mentions);
    const base = { name: e.name, aliases: e.aliases, articles: e.articles, spans };
    switch (e.type) {
      case 'Person':
        graph.addNode(e.key, { type: 'Person', ...base, ...(e.gender ? { gender: e.gender } : {}) });
        break;
      case 'Country':
        graph.addNode(e.key, { type: 'Country', ...base, iso: e.iso ?? '' });
        break;
      case 'Place':
        graph.addNode(e.key, { type: 'Place', ...base, ...(e.kind ? { kind: e.kind } : {}) });
        break;
      case 'Organization':
        graph.addNode(e.key, { type: 'Organization', ...base, ...(e.kind ? { kind: e.kind } : {}) });
        break;
    }
  }
  for (const e of entities) {
    const byArticle = new Map<string, ArticleSpan[]>();
    for (const s of e.mentions) pushTo(byArticle, s.article, s);
    for (const [article, spans] of byArticle) {
      upsertEdge(graph, EdgeType.MENTIONED_IN, e.key, nodeKey('Article', article), spans, { count: spans.length });
    }
    if (e.locatedIn && e.locatedIn.key !== e.key) {
      upsertEdge(graph, EdgeType.LOCATED_IN, e.key, e.locatedIn.key, e.locatedIn.spans);
    }
    if (e.nationality) upsertEdge(graph, EdgeType.NATIONAL_OF, e.key, e.nationality.key, e.nationality.spans);
    for (const role of e.roles) {
      upsertEdge(graph, EdgeType.HOLDS_OFFICE, e.key, role.target, [role.span], { title: role.title }, role.title.toLowerCase());
    }
  }

  for (const ev of [...input.events].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const nameOf = (k: string): string | undefined => (graph.hasNode(k) ? graph.getNodeAttribute(k, 'name') : undefined);
    graph.mergeNode(ev.key, {
      type: 'Event',
      name: eventName(ev, nameOf),
      kind: ev.kind,
      ...(ev.date ? { date: ev.date } : {}),
      articles: ev.articles,
      spans: dedupeSpans(ev.mentions),
    });
    if (ev.place) upsertEdge(graph, placeEdgeFor(ev.kind), ev.key, ev.place, ev.sentenceSpans);
    for (const [p, spans] of ev.participants) upsertEdge(graph, EdgeType.PARTICIPATED_IN, p, ev.key, spans);
    for (const [m, spans] of ev.mediators) upsertEdge(graph, EdgeType.MEDIATED, m, ev.key, spans);
    const byArticle = new Map<string, ArticleSpan[]>();
    for (const s of ev.mentions) pushTo(byArticle, s.article, s);
    for (const [article, spans] of byArticle) {
      upsertEdge(graph, EdgeType.MENTIONED_IN, ev.key, nodeKey('Article', article), spans, { count: spans.length });
    }
  }

  for (const q of [...input.quotes].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const mentions = dedupeSpans(q.mentions.map((m) => ({ article: m.article, start: m.start, end: m.end })));
    const sentenceSpans = dedupeSpans(q.mentions.map((m) => ({ article: m.article, start: m.sentenceStart, end: m.sentenceEnd })));
    const node: QuoteNode = {
      type: 'Quote',
      name: q.text.length > 120 ? `${q.text.slice(0, 117)}...` : q.text,
      text: q.text,
      kind: q.kind,
      mentions,
      variants: q.variants,
      corroboration: q.corroboration,
      ...(q.date ? { date: q.date } : {}),
      audience: q.audience ?? [],
      articles: uniqueSorted(mentions.map((m) => m.article)),
      spans: sentenceSpans,
    };
    graph.mergeNode(q.key, node);
    for (const [article, spans] of groupByArticle(sentenceSpans)) {
      upsertEdge(graph, EdgeType.REPORTED_IN, q.key, nodeKey('Article', article), spans);
    }
    for (const speaker of q.speakers) {
      const spans = sentenceSpans.filter((s) => speaker.articles.includes(s.article));
      upsertEdge(graph, EdgeType.SAID, speaker.key, q.key, spans, { contested: speaker.contested });
    }
    for (const [type, links] of [
      [EdgeType.ADDRESSED_TO, q.addressees ?? []],
      [EdgeType.SAID_AT, q.settings ?? []],
    ] as const) {
      for (const link of links) {
        upsertEdge(graph, type, q.key, link.key, sentenceSpans.filter((s) => link.articles.includes(s.article)));
      }
    }
  }
  return graph;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupByArticle(spans: ArticleSpan[]): Map<string, ArticleSpan[]> {
  const out = new Map<string, ArticleSpan[]>();
  for (const s of spans) pushTo(out, s.article, s);
  return out;
}

/**
 * "talks between A and B in P (date)", from the resolved names: the people when two or more took part,
 * else the countries and organisations (not a mix of both kinds, which reads as a list of strangers).
 */
function eventName(ev: ResolvedEvent, nameOf: (key: string) => string | undefined): string {
  const keys = [...ev.participants.keys()].sort();
  const people = keys.filter((k) => k.startsWith(nodeKey('Person', '')));
  const others = keys.filter((k) => !k.startsWith(nodeKey('Person', '')));
  const parties = (people.length >= 2 ? people : others.length >= 2 ? others : keys)
    .map(nameOf)
    .filter((n): n is string => Boolean(n))
    .slice(0, 3);
  let name: string = ev.kind === 'other' ? 'event' : ev.kind;
  if (parties.length >= 2) name += ` between ${parties.slice(0, -1).join(', ')} and ${parties[parties.length - 1]}`;
  else if (parties.length === 1) name += ` with ${parties[0]}`;
  const place = ev.place ? nameOf(ev.place) : undefined;
  if (place) name += ` in ${place}`;
  if (ev.date) name += ` (${ev.date})`;
  return name;
}
