/**
 * To whom, where and when a quote was said, read from its attribution clause: the words of the quote's
 * sentence(s) outside the quoted content ("..., she told <the committee> <in Ribeira> <on Tuesday>.").
 *
 * - addressee: the entity after an addressing cue ("told X", "said to X", "in an interview with X",
 *   "in a letter to X", "speaking to X", "addressing X"); a group that is no entity ("told reporters")
 *   becomes the quote's audience phrase instead. Pronoun addressees are left out (no coreference here).
 * - date: the first date phrase (explicit, weekday, yesterday/today) in the adjuncts of the speech act
 *   (see adjunctWindows), against the article date.
 * - place: a Place or Country after "in", "at" or "from" in those adjuncts (a Place beats a Country);
 *   the speaker's own mention, role titles and descriptions ("X, an analyst in Y") never count.
 * - event: an event whose trigger is in the clause ("speaking after the talks, ...").
 *
 * Pure: records in, records out. The quoted content itself is never read for any of these: a date or a
 * place inside the quotation is what the speaker talked about, not when or where they spoke.
 */
import { resolveDateIn } from './dates.js';
import { demonymInfo } from './gazetteer.js';
import { firstAtOrAfter } from './text.js';
import type { EntityRecord, EventKind, EventRecord, QuoteRecord, Span } from './types.js';

export interface QuoteContext {
  /** Local id of the Person, Organization or Country the quote was addressed to. */
  addressee?: string;
  /** An addressee that is no entity: "reporters", "the committee", "a news conference". */
  audience?: string;
  /** ISO date the statement was made, when the attribution says. */
  date?: string;
  /** Local id of the Place or Country where it was said. */
  place?: string;
  /** Local id of the event it was said at or around. */
  event?: string;
}

interface Mention {
  start: number;
  end: number;
  entity: EntityRecord;
}

/** Cues after which the addressee follows directly: "told the BBC", "assured reporters". */
const DIRECT_ADDRESS =
  /\b(?:told|tells|telling|assured|assures|assuring|informed|informs|reminded|reminds|addressing|addressed)\s+/gi;
/** Cues that take "to"/"with" before the addressee. */
const PREPOSITIONAL_ADDRESS =
  /\b(?:(?:said|says|saying|speaking|spoke|speaks|talking|talked|talks|wrote|writes|writing|explained|explains|complained|complains|admitted|admits|confided|confides|announced|announces|declared|declares|stated|states|remarked|insisted|confirmed|confirms|added|adds|revealed|reveals|described|conceded|noted|argued)\s+(?:in\s+(?:a|an|his|her|their|its)\s+(?:letter|message|email|e-mail|note|statement|speech|address|post|video|interview)\s+)?to|(?:in|during)\s+(?:a|an|his|her|their|its)\s+(?:(?:exclusive|recent|televised|radio|phone|telephone|video|joint|separate|lengthy|brief|written|open)\s+)?(?:interview|conversation|call|letter|message|email|e-mail|note|statement|speech|address|meeting|briefing|podcast)\s+(?:with|to)|(?:speaking|talking|writing)\s+(?:to|with))\s+/gi;

/** Where the addressee phrase ends: punctuation, a conjunction or a new adverbial. */
const PHRASE_END =
  /[,;:.!?"“”‘’()[\]\n—–]|\s(?:that|on|in|at|after|before|during|when|while|about|as|but|and|or|because|if|whether|last|this|earlier|later|yesterday|today|tomorrow|tonight|to|for|from|via|by|over|amid|following|according|who|which|where)\b|\s(?<!\b(?:the|a|an|his|her|their|its)\s)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![\s-]+[A-Z])/;
const PRONOUN_ADDRESSEE =
  /^(?:him|her|them|us|me|you|it|himself|herself|themselves|one another|each other)$/i;
/** "is said to be close", "spoke to ensure": an infinitive, not an addressee. */
const INFINITIVE =
  /^(?:be|been|have|had|do|make|take|get|go|come|give|keep|help|ensure|stop|say|know|see|meet|discuss|continue|win|lose|pay|leave|become|remain|support|avoid|prevent)\b/i;
/** An audience phrase: a few words, lower case after an optional determiner (no names, no numbers). */
const AUDIENCE_PHRASE =
  /^(?:(?:the|a|an|his|her|their|its|fellow|local|foreign|visiting)\s+){0,3}[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,3}$/;
const PLACE_PREPOSITION = /\b(?:in|at|from)\s+(?:the\s+)?$/i;
/** A definite reference back to an event, as a circumstance: "after the talks", "at Monday's summit". */
const EVENT_REFERENCE =
  /\b(?:at|after|during|before|following|ahead of|on the sidelines of)\s+(?:the|this|these|that|today's|yesterday's|\w+day's)\s+(?:[\w-]+\s+){0,2}?(talks|negotiations|meetings?|summit|visit|trip|call)\b/gi;
const EVENT_FAMILY: Readonly<Record<string, readonly EventKind[]>> = {
  talks: ['talks', 'meeting'],
  negotiations: ['talks', 'meeting'],
  meeting: ['meeting', 'talks'],
  meetings: ['meeting', 'talks'],
  summit: ['summit'],
  visit: ['visit'],
  trip: ['visit'],
  call: ['call'],
};

/** The attribution clause: the quote's sentence(s) minus the quoted content, as absolute spans. */
function clauseSegments(quote: QuoteRecord): Span[] {
  const { sentenceSpan: s, span: q } = quote;
  if (q.start < s.start || q.end > s.end) return [s];
  return [
    { start: s.start, end: q.start },
    { start: q.end, end: s.end },
  ].filter((seg) => seg.end > seg.start);
}

function sortedMentions(entities: readonly EntityRecord[]): Mention[] {
  return entities
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

function mentionsIn(mentions: readonly Mention[], seg: Span): Mention[] {
  const out: Mention[] = [];
  for (
    let i = firstAtOrAfter(mentions, seg.start, (m) => m.start);
    i < mentions.length && mentions[i]!.start < seg.end;
    i++
  ) {
    if (mentions[i]!.end <= seg.end) out.push(mentions[i]!);
  }
  return out;
}

const within = (inner: Span, outer: Span | undefined): boolean =>
  outer !== undefined && inner.start >= outer.start && inner.end <= outer.end;

function addresseeIn(
  text: string,
  seg: Span,
  mentions: readonly Mention[],
  speaker: string | undefined,
): Pick<QuoteContext, 'addressee' | 'audience'> | undefined {
  const clause = text.slice(seg.start, seg.end);
  for (const cue of [DIRECT_ADDRESS, PREPOSITIONAL_ADDRESS]) {
    cue.lastIndex = 0;
    for (let m = cue.exec(clause); m; m = cue.exec(clause)) {
      const from = seg.start + m.index + m[0].length;
      const rest = text.slice(from, seg.end);
      const endAt = PHRASE_END.exec(rest)?.index ?? rest.length;
      const phrase = rest.slice(0, endAt).trim();
      if (!phrase || PRONOUN_ADDRESSEE.test(phrase) || INFINITIVE.test(phrase)) continue;
      // The first entity named inside the phrase: "told Finance Minister X", "told the Y agency".
      // A country's adjective ("told Veldish television") modifies the addressee; it is not the addressee.
      const named = mentionsIn(mentions, { start: from, end: from + endAt }).find(
        (x) =>
          x.entity.type !== 'Place' &&
          x.entity.localId !== speaker &&
          !(x.entity.type === 'Country' && demonymInfo(text.slice(x.start, x.end))),
      );
      if (named) return { addressee: named.entity.localId };
      if (AUDIENCE_PHRASE.test(phrase)) return { audience: phrase };
    }
  }
  return undefined;
}

/** A speech verb whose adjuncts say when and where: "said on Monday", "told a rally in X", "speaking at X". */
const SPEECH_CUE =
  /\b(?:said|says|saying|told|tells|telling|speaking|spoke|speaks|talking|added|adds|wrote|writes|writing|declared|announced|insisted|explained|stated|warned|argued|asked|replied|addressing|addressed)\b/gi;
/** Where an adjunct window ends: a new clause, a quotation, or the end of the sentence. */
const WINDOW_END = /[,;:.!?"“”()\n—–]|\b(?:who|which|that|where|whose|but|because|although|while|if)\b/;
const MAX_WINDOW_WORDS = 12;
const MAX_BETWEEN_WORDS = 5;
const MAX_ADDRESSEE_WORDS = 7;
/** A sentence opening with the circumstances of the statement: "In X on Monday, ...", "Speaking at X, ...". */
const CLAUSE_OPENING = /^\s*(?:speaking|talking|writing|addressing|visiting|in|at|on|from)\s/i;
/** "After the talks, X said": a circumstance that dates the statement and names its event, not its place. */
const EVENT_OPENING = /^\s*(?:after|during|before|following|ahead of)\s/i;
/** Verbs whose object is the addressee ("told X in Y"); after the others, only an adjunct may follow. */
const ADDRESSING_VERB = /^(?:told|tells|telling|addressing|addressed)$/i;
/** How the adjuncts after "said" open: "said on Monday", "said in X", "said late last night". */
const ADJUNCT_OPENING =
  /^\s*(?:in|at|on|during|after|before|from|while|this|last|earlier|later|late|early|yesterday|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

function cutWindow(text: string, start: number, end: number): Span {
  const rest = text.slice(start, end);
  let stop = WINDOW_END.exec(rest)?.index ?? rest.length;
  const words = rest.slice(0, stop).split(/\s+/).filter(Boolean);
  if (words.length > MAX_WINDOW_WORDS) stop = rest.indexOf(words[MAX_WINDOW_WORDS]!, 0);
  return { start, end: start + stop };
}

/**
 * The parts of a clause that modify the act of speaking, so their dates and places are the statement's:
 * the words after a speech verb up to the next clause (never across the speaker's name: "said X, an
 * analyst at Y in Z" tells where X works), the words between the speaker and the verb when they are no
 * aside ("X on Monday told"), and an opening "In Z on Monday," / "Speaking at Z,".
 */
function adjunctWindows(
  text: string,
  seg: Span,
  speakerMention: Span | undefined,
  circumstances: Span[],
): Span[] {
  const windows: Span[] = [];
  const clause = text.slice(seg.start, seg.end);
  if (CLAUSE_OPENING.test(clause)) windows.push(cutWindow(text, seg.start, seg.end));
  else if (EVENT_OPENING.test(clause)) circumstances.push(cutWindow(text, seg.start, seg.end));
  SPEECH_CUE.lastIndex = 0;
  for (let m = SPEECH_CUE.exec(clause); m; m = SPEECH_CUE.exec(clause)) {
    const cueStart = seg.start + m.index;
    const cueEnd = cueStart + m[0].length;
    const limit = Math.min(
      seg.end,
      speakerMention && speakerMention.start >= cueEnd ? speakerMention.start : seg.end,
    );
    if (ADDRESSING_VERB.test(m[0])) windows.push(...addressedWindows(text, cueEnd, limit));
    // After "said" comes what was said unless an adjunct opens it.
    else if (ADJUNCT_OPENING.test(text.slice(cueEnd, cueEnd + 12)))
      windows.push(cutWindow(text, cueEnd, limit));
    // "said X on Monday", "wrote analysts from Y in a note on Friday": adjuncts after an inverted subject.
    if (speakerMention && speakerMention.start >= cueEnd && speakerMention.end < seg.end) {
      if (ADJUNCT_OPENING.test(text.slice(speakerMention.end, speakerMention.end + 12))) {
        windows.push(cutWindow(text, speakerMention.end, seg.end));
      }
    }
    // "X on Monday told", "X, speaking in Y, said"; a longer stretch is a clause of its own.
    if (speakerMention && speakerMention.end <= cueStart && speakerMention.start >= seg.start) {
      const between = text.slice(speakerMention.end, cueStart);
      const short = between.split(/\s+/).filter(Boolean).length <= MAX_BETWEEN_WORDS;
      if (
        short &&
        (!/[,;:"“”()—–]/.test(between) ||
          /^\s*,\s*(?:speaking|talking|writing|addressing|visiting)\b/i.test(between))
      ) {
        windows.push({ start: speakerMention.end, end: cueStart });
      }
    }
  }
  return windows.filter((w) => w.end > w.start);
}

/**
 * After "told": the addressee, then adjuncts only if one opens right after it ("told reporters in X on
 * Monday"); "told him the plan had failed in X" goes on with what was told, which says nothing of where.
 */
function addressedWindows(text: string, from: number, limit: number): Span[] {
  const rest = text.slice(from, limit);
  const pronoun = /^(?:him|her|them|me|us|you)\b/i.exec(rest);
  const npEnd = pronoun ? pronoun[0].length : (PHRASE_END.exec(rest)?.index ?? rest.length);
  if (rest.slice(0, npEnd).split(/\s+/).filter(Boolean).length > MAX_ADDRESSEE_WORDS) return [];
  const out: Span[] = [{ start: from, end: from + npEnd }];
  if (ADJUNCT_OPENING.test(rest.slice(npEnd, npEnd + 12))) out.push(cutWindow(text, from + npEnd, limit));
  return out;
}

function placeIn(
  text: string,
  windows: readonly Span[],
  mentions: readonly Mention[],
  excluded: readonly Span[],
): string | undefined {
  let country: string | undefined;
  for (const w of windows) {
    for (const m of mentionsIn(mentions, w)) {
      if (m.entity.type !== 'Place' && m.entity.type !== 'Country') continue;
      if (excluded.some((x) => within(m, x))) continue;
      // "said in French" names a language: a country's adjective is no place.
      if (m.entity.type === 'Country' && demonymInfo(text.slice(m.start, m.end))) continue;
      if (!PLACE_PREPOSITION.test(text.slice(Math.max(w.start, m.start - 12), m.start))) continue;
      if (m.entity.type === 'Place') return m.entity.localId;
      country ??= m.entity.localId;
    }
  }
  return country;
}

/**
 * The event an adjunct window names: its own trigger ("visiting X"), or after "at/after/during" the latest
 * earlier event of the kind "the talks" refers to.
 */
function eventIn(text: string, seg: Span, events: readonly EventRecord[]): string | undefined {
  const own = events.find((e) => within(e.span, seg));
  if (own) return own.localId;
  EVENT_REFERENCE.lastIndex = 0;
  const ref = EVENT_REFERENCE.exec(text.slice(seg.start, seg.end));
  const kinds = ref?.[1] ? EVENT_FAMILY[ref[1].toLowerCase()] : undefined;
  if (!kinds) return undefined;
  let latest: EventRecord | undefined;
  for (const e of events) {
    if (kinds.includes(e.kind) && e.span.start < seg.start && (!latest || e.span.start > latest.span.start))
      latest = e;
  }
  return latest?.localId;
}

export function quoteContexts(
  text: string,
  entities: readonly EntityRecord[],
  events: readonly EventRecord[],
  quotes: readonly QuoteRecord[],
  articleDate: string | undefined,
): QuoteRecord[] {
  if (quotes.length === 0) return [];
  const mentions = sortedMentions(entities);
  const byId = new Map(entities.map((e) => [e.localId, e]));
  return quotes.map((quote) => {
    const segments = clauseSegments(quote);
    const speaker = quote.speaker ? byId.get(quote.speaker) : undefined;
    // The speaker's own name and titles ("the mayor of X said") say who, not where.
    const excluded: Span[] = [
      ...(quote.speakerMention ? [quote.speakerMention.span] : []),
      ...(speaker?.roles ?? []).map((r) => r.span),
    ];
    // The name itself inside the mention: a subject phrase may run on ("X on Monday told").
    const mentionSpan = quote.speakerMention?.span;
    const ownName = mentionSpan && speaker?.mentions.find((m) => within(m, mentionSpan));
    const speakerName = ownName ?? mentionSpan;
    const context: QuoteContext = {};
    for (const seg of segments) {
      if (context.addressee === undefined && context.audience === undefined) {
        Object.assign(context, addresseeIn(text, seg, mentions, quote.speaker));
      }
      const circumstances: Span[] = [];
      const windows = adjunctWindows(text, seg, speakerName, circumstances);
      for (const w of [...windows, ...circumstances]) {
        context.date ??= resolveDateIn(text.slice(w.start, w.end), articleDate);
        context.event ??= eventIn(text, w, events);
      }
      context.place ??= placeIn(text, windows, mentions, excluded);
    }
    const defined = Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined));
    return Object.keys(defined).length > 0 ? { ...quote, ...defined } : quote;
  });
}
