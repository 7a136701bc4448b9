/**
 * Cross-article event resolution. Events of one family (meeting/talks, summit, visit, call, attack)
 * at the same resolved place on the same date are one event, and so are events on the same date at a
 * place and at the country it is in that share a participant (the city names the merged event);
 * without a date, the same family, a compatible place and at least two shared participants. Keys are content-derived from the
 * family, date, place and the two first participant keys, so re-running gives the same keys.
 *
 * Participants are compared by person and also by side: a person stands for the country they hold
 * office in or belong to, and a mediator or host is a side too, so "talks between the foreign ministers
 * of A and B, hosted by C" and "talks between A, B and C" can be recognised as one event even when the
 * outlets name different people (two shared sides, like two shared participants, are enough).
 */
import { createHash } from 'node:crypto';
import type { DocumentExtraction, EventKind } from '../extract/types.js';
import { nodeKey, type ArticleSpan } from '../model/ontology.js';

export interface ResolvedEvent {
  key: string;
  kind: EventKind;
  name: string;
  date?: string;
  place?: string;
  participants: Map<string, ArticleSpan[]>;
  mediators: Map<string, ArticleSpan[]>;
  /** Span of the trigger and its sentence per article. */
  mentions: ArticleSpan[];
  sentenceSpans: ArticleSpan[];
  articles: string[];
  /** The per-article records merged into it, as `article\0localId` (what quotes said at it point to). */
  localIds: string[];
}

/** How ResolvedEvent.localIds names one article's event record. */
export const eventLocalKey = (article: string, localId: string): string => `${article}\u0000${localId}`;

function family(kind: EventKind): string {
  return kind === 'talks' ? 'meeting' : kind;
}

function shortHash(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 16);
}

export function resolveEvents(
  docs: readonly DocumentExtraction[],
  keyOf: (article: string, localId: string) => string | undefined,
  countryOf: (placeKey: string) => string | undefined = () => undefined,
  sideOf: (entityKey: string) => string | undefined = () => undefined,
): Map<string, ResolvedEvent> {
  const events: ResolvedEvent[] = [];
  /** The sides (countries, or the entities themselves) each merged event's participants and mediators stand for. */
  const sidesOf = new Map<ResolvedEvent, Set<string>>();
  // Blocking indexes (no all-pairs scan): events by family and day, and by family and participant.
  const byDay = new Map<string, ResolvedEvent[]>();
  const byParty = new Map<string, ResolvedEvent[]>();
  const index = (map: Map<string, ResolvedEvent[]>, key: string, ev: ResolvedEvent): void => {
    const list = map.get(key);
    if (!list) map.set(key, [ev]);
    else if (!list.includes(ev)) list.push(ev);
  };
  /** "Bergen" is within "Norway": a place inside a country is the country's event, more precisely. */
  const within = (inner: string, outer: string): boolean => inner === outer || countryOf(inner) === outer;
  // Most precise first (a city, then a country, then no place; then article and position), so a
  // country-level report joins an event already placed in a city whatever the input order.
  const countryPrefix = nodeKey('Country', '');
  const precision = (place: string | undefined): number =>
    !place ? 2 : place.startsWith(countryPrefix) ? 1 : 0;
  const ordered = docs
    .flatMap((doc) =>
      doc.events.map((e) => ({ doc, e, place: e.place ? keyOf(doc.article.id, e.place) : undefined })),
    )
    .sort(
      (x, y) =>
        precision(x.place) - precision(y.place) ||
        (x.doc.article.id < y.doc.article.id ? -1 : x.doc.article.id > y.doc.article.id ? 1 : 0) ||
        x.e.span.start - y.e.span.start,
    );
  for (const { doc, e, place } of ordered) {
    const article = doc.article.id;
    const participants = e.participants.map((p) => keyOf(article, p)).filter((k): k is string => Boolean(k));
    const mediators = e.mediators.map((p) => keyOf(article, p)).filter((k): k is string => Boolean(k));
    const sentence = doc.sentences[e.sentence];
    const trigger: ArticleSpan = { article, start: e.span.start, end: e.span.end };
    const sentenceSpan: ArticleSpan = sentence
      ? { article, start: sentence.start, end: sentence.end }
      : trigger;
    const fam = family(e.kind);
    const sides = [...new Set([...participants, ...mediators].map((k) => sideOf(k) ?? k))];
    // Shared participants, or shared sides when more of those are shared.
    const shared = (c: ResolvedEvent): number => {
      const people = participants.filter((p) => c.participants.has(p)).length;
      const theirs = sidesOf.get(c);
      return Math.max(people, theirs ? sides.filter((x) => theirs.has(x)).length : 0);
    };
    const placesFit = (c: ResolvedEvent): 'same' | 'nested' | 'open' | undefined => {
      if (!c.place || !place) return 'open';
      if (c.place === place) return 'same';
      return within(place, c.place) || within(c.place, place) ? 'nested' : undefined;
    };
    let target: ResolvedEvent | undefined;
    if (e.date) {
      // Same day: the same place is enough; a nested place needs a shared participant.
      target = (byDay.get(`${fam}|${e.date}`) ?? []).find((c) => {
        const fit = placesFit(c);
        if (fit === 'same') return true;
        if (fit === 'nested') return shared(c) >= 1;
        return fit === 'open' && shared(c) >= 2;
      });
    }
    if (!target) {
      const seen = new Set<ResolvedEvent>();
      for (const p of [...participants, ...sides]) {
        for (const c of byParty.get(`${fam}|${p}`) ?? []) {
          if (seen.has(c)) continue;
          seen.add(c);
          if ((!c.date || !e.date || c.date === e.date) && placesFit(c) !== undefined && shared(c) >= 2) {
            target = c;
            break;
          }
        }
        if (target) break;
      }
    }
    if (!target) {
      target = {
        key: '',
        kind: e.kind,
        name: e.name,
        ...(e.date ? { date: e.date } : {}),
        ...(place ? { place } : {}),
        participants: new Map(),
        mediators: new Map(),
        mentions: [],
        sentenceSpans: [],
        articles: [],
        localIds: [],
      };
      events.push(target);
    } else if (place && (!target.place || (target.place !== place && within(place, target.place)))) {
      // The more precise place (a city over its country) names the merged event.
      target.place = place;
      target.name = e.name;
    }
    if (!target.date && e.date) target.date = e.date;
    if (target.date) index(byDay, `${fam}|${target.date}`, target);
    for (const p of participants) {
      addSpan(target.participants, p, sentenceSpan);
      index(byParty, `${fam}|${p}`, target);
    }
    for (const m of mediators) addSpan(target.mediators, m, sentenceSpan);
    const targetSides = sidesOf.get(target) ?? new Set<string>();
    sidesOf.set(target, targetSides);
    for (const x of sides) {
      targetSides.add(x);
      index(byParty, `${fam}|${x}`, target);
    }
    target.mentions.push(trigger);
    target.sentenceSpans.push(sentenceSpan);
    target.localIds.push(eventLocalKey(article, e.localId));
    if (!target.articles.includes(article)) target.articles.push(article);
  }
  const out = new Map<string, ResolvedEvent>();
  for (const ev of events) {
    const parties = [...ev.participants.keys()].sort().slice(0, 2);
    const basis =
      ev.date && ev.place
        ? `${family(ev.kind)}|${ev.date}|${ev.place}`
        : `${family(ev.kind)}|${ev.date ?? ''}|${ev.place ?? ''}|${parties.join('|') || ev.mentions[0]!.article + ':' + ev.mentions[0]!.start}`;
    ev.key = nodeKey('Event', shortHash(basis));
    ev.articles.sort();
    const existing = out.get(ev.key);
    if (existing) {
      for (const [k, v] of ev.participants) for (const s of v) addSpan(existing.participants, k, s);
      for (const [k, v] of ev.mediators) for (const s of v) addSpan(existing.mediators, k, s);
      existing.mentions.push(...ev.mentions);
      existing.sentenceSpans.push(...ev.sentenceSpans);
      existing.localIds.push(...ev.localIds);
      existing.articles = [...new Set([...existing.articles, ...ev.articles])].sort();
    } else {
      out.set(ev.key, ev);
    }
  }
  return out;
}

function addSpan(map: Map<string, ArticleSpan[]>, key: string, span: ArticleSpan): void {
  const list = map.get(key);
  if (list) list.push(span);
  else map.set(key, [span]);
}
