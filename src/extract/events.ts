/**
 * Events of one article: meetings, talks, summits, visits, calls and attacks, from trigger words in a
 * sentence. Each gets a date (explicit or a weekday resolved against the article date), a place (the
 * Place/Country after "in"/"at"), participants (persons in the sentence, else countries) and
 * mediators or hosts ("hosted by X", "mediated by X", "X-brokered", "at the mediation of X").
 * Later sentences about "the talks" add to the same event instead of creating a new one.
 */
import { resolveDateIn } from './dates.js';
import { demonymInfo } from './gazetteer.js';
import { firstAtOrAfter } from './text.js';
import type { EntityRecord, EventKind, EventRecord, Sentence, Span } from './types.js';

interface Trigger {
  kind: EventKind;
  re: RegExp;
}

// Order matters: the first trigger found in a sentence decides the kind.
const TRIGGERS: Trigger[] = [
  { kind: 'summit', re: /\bsummits?\b/i },
  {
    kind: 'talks',
    re: /\b(?:(?:peace|cease-?fire|truce|high-level|direct|face-to-face|bilateral)\s+)?(?:talks|negotiations)\b/i,
  },
  {
    kind: 'call',
    re: /\b(?:(?:tele)?phone (?:call|conversations?|talks)|video call|spoke (?:by|on the) (?:tele)?phone|phoned)\b/i,
  },
  { kind: 'meeting', re: /\b(?:met|meets|meeting|meetings)\b/i },
  { kind: 'visit', re: /\b(?:visit|visits|visited|visiting|trip to)\b/i },
  {
    kind: 'attack',
    re: /\b(?:attacks?|attacked|air ?strikes?|missile strikes?|bombings?|bombed|shelling|shelled|raids?|invasion|invaded)\b/i,
  },
];

const ANY_TRIGGER = new RegExp(TRIGGERS.map((t) => t.re.source).join('|'), 'i');
/** The triggers as global expressions, to look past an occurrence that is no event. */
const GLOBAL_TRIGGERS: Trigger[] = TRIGGERS.map((t) => ({ kind: t.kind, re: new RegExp(t.re.source, 'gi') }));

/** Phrases that look like triggers but are not events between parties. */
const NOT_AN_EVENT =
  /\b(?:press conference|news conference|meeting (?:the|their|its) (?:needs|demand|target|goal)s?|heart attack|panic attack|familiar with the (?:talks|negotiations|meetings?|visit|call)|(?:met|meets|meeting) (?:with )?(?:[\p{L}-]+ ){0,2}(?:resistance|opposition|criticism|approval|success|scepticism|skepticism|expectations?|requirements?|criteria|standards?|deadlines?|fate|end|death))\b/iu;

/** Cues before a mediator or host: the entity named right after them mediated. */
const MEDIATOR_CUE =
  /\b(?:(?:hosted|mediated|brokered|chaired|facilitated|organi[sz]ed|sponsored|convened) by|(?:at|under|with) the (?:mediation|invitation|auspices) of|mediation (?:by|of))\s+(?:the\s+)?/gi;
/** Cues after a mediator or host: "<Country>-brokered", "X hosted the talks". */
const MEDIATOR_AFTER =
  /^(?:['’]s)?\s*-?\s*(?:brokered|mediated|hosted|sponsored)\b|^\s+(?:hosted|hosts|hosting|mediated|mediates|mediating|brokered|brokers|chaired|chairs|chairing)\b/i;

const LOCATION_CUE =
  /\b(?:in|at)\s+(?:the\s+)?(?:(?:resort|coastal|southern|northern|eastern|western|capital|port|border)\s+)?(?:city|town|capital|village|region)?\s*(?:of\s+)?$/i;

const BETWEEN = /\bbetween\s+$/i;

/** "previous negotiations", "earlier talks": an occasion before the one the article reports. */
const PAST_OCCASION = /\b(?:previous|past|earlier|prior|former)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** Most characters between the event word and its venue, and the words that start another clause. */
const MAX_VENUE_GAP = 140;
const EVENT_PREDICATE =
  /\b(?:take|takes|took|taking) place\b|\b(?:be|been|was|were|is|are|will be) (?:held|hosted|staged)\b/i;
const VENUE_BREAK =
  /\b(?:is|was|are|were|be|been|has|have|had|will|would|which|who|that|where|while|when|because|although)\b/i;

/** What follows a country's adjective when it names a party to the event. */
const PARTY_NOUN_AFTER =
  /^\s+(?:and\b|(?:top\s+|foreign\s+|prime\s+|chief\s+)?(?:officials?|ministers?|minister|negotiators?|delegations?|delegates?|diplomats?|leaders?|leadership|presidents?|counterparts?|envoys?|government|side|team|representatives?|authorities)\b)/i;

interface MentionRef {
  span: Span;
  entity: EntityRecord;
}

function mentionIndex(entities: EntityRecord[]): MentionRef[] {
  const refs: MentionRef[] = [];
  for (const entity of entities) for (const span of entity.mentions) refs.push({ span, entity });
  return refs.sort((a, b) => a.span.start - b.span.start);
}

/** Mentions whose start lies in [start, end), by binary search over the sorted index. */
function mentionsIn(index: MentionRef[], start: number, end: number): MentionRef[] {
  const out: MentionRef[] = [];
  for (
    let i = firstAtOrAfter(index, start, (r) => r.span.start);
    i < index.length && index[i]!.span.start < end;
    i++
  )
    out.push(index[i]!);
  return out;
}

/**
 * Stretches of a sentence inside quotation marks (offsets into it). A sentence may open inside a quote
 * begun in the one before ("...”" with no opening mark) or end inside one that goes on.
 */
export function quotedRanges(sentenceText: string): Span[] {
  const ranges: Span[] = [];
  let open: number | undefined;
  let straightOpen: number | undefined;
  for (let i = 0; i < sentenceText.length; i++) {
    const c = sentenceText[i];
    if (c === '“') open ??= i;
    else if (c === '”') {
      ranges.push({ start: open ?? 0, end: i + 1 });
      open = undefined;
    } else if (c === '"') {
      if (straightOpen === undefined) straightOpen = i;
      else {
        ranges.push({ start: straightOpen, end: i + 1 });
        straightOpen = undefined;
      }
    }
  }
  const unclosed = open ?? straightOpen;
  if (unclosed !== undefined) ranges.push({ start: unclosed, end: sentenceText.length });
  return ranges;
}

const blank = (text: string, ranges: readonly Span[]): string => {
  let out = text;
  for (const r of ranges) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out;
};

/**
 * An event that is only talked of as possible, wanted or refused ("the possibility of a summit", "would
 * not refuse a meeting", "calls for talks", "no meeting"): it has not happened, so it is no event.
 */
const HYPOTHETICAL_BEFORE =
  /\b(?:possib(?:le|ility|ilities)|potential|proposed|prospects?|would|could|might|refus(?:e|ed|es|ing)|ready (?:for|to)|willing(?:ness)? to|hopes? (?:for|of)|calls? for|called for|push(?:es|ed)? for|such an?|any|no)\s+(?:[\p{L}'’-]+\s+){0,4}$/iu;

function findTrigger(sentenceText: string): { kind: EventKind; index: number; word: string } | undefined {
  // Most sentences name no event at all: one scan for any trigger word before the finer checks.
  if (!ANY_TRIGGER.test(sentenceText)) return undefined;
  if (
    NOT_AN_EVENT.test(sentenceText) &&
    !/\b(talks|met|summit|visit)/i.test(sentenceText.replace(NOT_AN_EVENT, ''))
  ) {
    return undefined;
  }
  // Words inside quotation marks are what someone said, not what the article reports as having happened.
  const cleaned = blank(sentenceText, quotedRanges(sentenceText)).replace(NOT_AN_EVENT, (m) =>
    ' '.repeat(m.length),
  );
  for (const t of GLOBAL_TRIGGERS) {
    const re = t.re;
    re.lastIndex = 0;
    for (let m = re.exec(cleaned); m; m = re.exec(cleaned)) {
      const clauseStart = Math.max(0, cleaned.lastIndexOf(',', m.index) + 1, m.index - 80);
      if (HYPOTHETICAL_BEFORE.test(cleaned.slice(clauseStart, m.index))) continue;
      return { kind: t.kind, index: m.index, word: m[0] };
    }
  }
  return undefined;
}

/** Words that end the phrase around an event word: reporting, subordinate and relative clauses. */
const DETACHED =
  /[;:"“”]|\b(?:said|says|say|told|tells|added|according|after|before|when|because|while|although|though|since|if|who|whom|which|whose|that|where|as)\b/i;

/**
 * Is a person mention syntactically tied to the event word? Subjects before it in the same clause
 * ("X and Y held talks", "X's visit to Z", "X met Y") and objects right after it ("met Y", "talks
 * with Y", "talks between X and Y"); not people in a reporting clause, a subordinate clause or a
 * different phrase of the sentence.
 */
function attachedToTrigger(text: string, triggerStart: number, triggerEnd: number, span: Span): boolean {
  if (span.end <= triggerStart) {
    const between = text.slice(span.end, triggerStart);
    return between.split(/\s+/).filter(Boolean).length <= 12 && !DETACHED.test(between);
  }
  if (span.start >= triggerEnd) {
    const between = text.slice(triggerEnd, span.start);
    return (
      between.split(/\s+/).filter(Boolean).length <= 8 &&
      !DETACHED.test(between) &&
      !/[.!?]/.test(between.replace(/\b(?:\p{Lu}\.)+/gu, ''))
    );
  }
  return false;
}

/** Participant or mediator may be a person or a country (or an organisation acting as host). */
function isActor(e: EntityRecord): boolean {
  return e.type === 'Person' || e.type === 'Country' || e.type === 'Organization';
}

/**
 * Extract events. `entities` must hold every entity of the article (persons included), with
 * `countryIds` mapping canonical country names to their local ids (for "Turkish-brokered").
 */
export function extractEvents(
  text: string,
  sentences: Sentence[],
  entities: EntityRecord[],
  articleDate: string | undefined,
  countryIds: ReadonlyMap<string, string> = new Map(),
): EventRecord[] {
  const index = mentionIndex(entities);
  const byId = new Map(entities.map((e) => [e.localId, e]));
  const events: EventRecord[] = [];
  /** Indexes (into events) of events reported as an earlier occasion. */
  const pastOccasions = new Set<number>();
  let counter = 0;
  for (const sentence of sentences) {
    const sText = text.slice(sentence.start, sentence.end);
    const trigger = findTrigger(sText);
    if (!trigger) continue;
    const refs = mentionsIn(index, sentence.start, sentence.end);
    const mediators = new Set<string>();
    // After a mediation cue, the mediator is the first person named within a short role phrase
    // ("hosted by Swiss diplomat X" -> X, not Switzerland); failing that, a country or organisation.
    for (const cue of sText.matchAll(MEDIATOR_CUE)) {
      const cueEnd = sentence.start + cue.index + cue[0].length;
      const after = refs.filter((r) => r.span.start >= cueEnd && isActor(r.entity));
      // The first actor named decides; a country named by its adjective ("Swiss diplomat X") gives way
      // to the person it describes, but not across a clause ("facilitated by T and lasted ..., X said").
      const first = after[0];
      const adjective =
        first !== undefined &&
        first.entity.type === 'Country' &&
        demonymInfo(text.slice(first.span.start, first.span.end)) !== undefined;
      const person = after.find(
        (r) =>
          r.entity.type === 'Person' &&
          r.span.start - cueEnd <= 50 &&
          (r === first || adjective) &&
          !/[,;:]|\band\b/.test(text.slice(cueEnd, r.span.start)),
      );
      const other = first && first.span.start - cueEnd <= 12 ? first : undefined;
      const chosen = person ?? other;
      if (chosen) mediators.add(chosen.entity.localId);
    }
    for (const ref of refs) {
      if (!isActor(ref.entity)) continue;
      const after = text.slice(ref.span.end, Math.min(sentence.end, ref.span.end + 14));
      if (MEDIATOR_AFTER.test(after)) mediators.add(ref.entity.localId);
    }
    // "Turkish-brokered talks": a demonym glued to a mediation word names the country.
    for (const m of sText.matchAll(/\b([A-Z][a-z]+)-(?:brokered|mediated|hosted|sponsored)\b/g)) {
      const country = m[1] ? demonymInfo(m[1]) : undefined;
      const id = country ? countryIds.get(country.name) : undefined;
      if (id) mediators.add(id);
    }
    const triggerStart = sentence.start + trigger.index;
    const triggerEnd = triggerStart + trigger.word.length;
    // Attacks have victims and perpetrators, not participants: people near the word are not parties.
    const isAttack = trigger.kind === 'attack';
    // Place: a Place (preferred) or Country mentioned right after "in"/"at".
    let place: string | undefined;
    let placeIsCountry = true;
    for (const ref of refs) {
      if (ref.entity.type !== 'Place' && ref.entity.type !== 'Country') continue;
      if (mediators.has(ref.entity.localId)) continue;
      const before = text.slice(Math.max(sentence.start, ref.span.start - 40), ref.span.start);
      if (!LOCATION_CUE.test(before)) continue;
      // The venue is said near the event word ("met in X", "talks in X", "in X on Thursday for talks"),
      // not at the far end of a sentence about something else ("the aspect of the talks was ... in X").
      if (!isAttack) {
        const between =
          ref.span.start >= triggerEnd
            ? text.slice(triggerEnd, ref.span.start)
            : text.slice(ref.span.end, triggerStart);
        if (between.length > MAX_VENUE_GAP) continue;
        // "the meeting is due to take place in X" still says where the event is.
        if (VENUE_BREAK.test(between) && !EVENT_PREDICATE.test(between)) continue;
      }
      if (place === undefined || (placeIsCountry && ref.entity.type === 'Place')) {
        place = ref.entity.localId;
        placeIsCountry = ref.entity.type === 'Country';
      }
    }
    const persons: typeof refs = [];
    if (!isAttack) {
      // After the event word only the first person is its object, plus people coordinated with it.
      let lastObject: Span | undefined;
      for (const r of refs) {
        if (r.entity.type !== 'Person' || mediators.has(r.entity.localId)) continue;
        if (r.span.start >= triggerEnd) {
          const coordinated =
            lastObject !== undefined &&
            /^\s*(?:,|,?\s*and)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}$/u.test(
              text.slice(lastObject.end, r.span.start),
            );
          const attached = lastObject
            ? coordinated
            : attachedToTrigger(text, triggerStart, triggerEnd, r.span);
          // The first person after the word decides: later ones only join by coordination with it.
          if (!attached) {
            lastObject = { start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };
            continue;
          }
          lastObject = r.span;
          persons.push(r);
        } else if (attachedToTrigger(text, triggerStart, triggerEnd, r.span)) persons.push(r);
      }
    }
    let participants = unique(persons.map((r) => r.entity.localId));
    if (participants.length === 0 && !isAttack) {
      // No person named: the parties are the countries (not the venue, not the mediator), e.g.
      // "talks between Freedonia and Sylvania" or "the foreign ministers of A and B met".
      participants = unique(
        refs
          .filter(
            (r) =>
              r.entity.type === 'Country' && r.entity.localId !== place && !mediators.has(r.entity.localId),
          )
          .filter(
            (r) =>
              !LOCATION_CUE.test(text.slice(Math.max(sentence.start, r.span.start - 40), r.span.start)) ||
              BETWEEN.test(text.slice(Math.max(sentence.start, r.span.start - 12), r.span.start)),
          )
          // A country's adjective makes it a party only before its people ("Veldish negotiators",
          // "Veldish and Tarish officials"), not before a thing ("the Veldish offensive").
          .filter(
            (r) =>
              !demonymInfo(text.slice(r.span.start, r.span.end)) ||
              PARTY_NOUN_AFTER.test(text.slice(r.span.end, r.span.end + 40)),
          )
          .map((r) => r.entity.localId),
      );
    }
    const date = resolveDateIn(sText, articleDate);
    const span = {
      start: sentence.start + trigger.index,
      end: sentence.start + trigger.index + trigger.word.length,
    };
    if (participants.length === 0 && mediators.size === 0 && !place && !(isAttack && date)) continue;

    // "previous negotiations in X" is another occasion: it takes no later mention and joins none.
    const pastOccasion = PAST_OCCASION.test(sText.slice(Math.max(0, trigger.index - 40), trigger.index));
    const previous = pastOccasion
      ? undefined
      : events.findLast((e, i) => !pastOccasions.has(i) && compatible(e, trigger.kind, date, place, byId));
    if (previous) {
      previous.participants = unique([...previous.participants, ...participants]);
      previous.mediators = unique([...previous.mediators, ...mediators]);
      if (!previous.date && date) previous.date = date;
      // Keep the most specific venue: a city beats the country it is in.
      if (place && (!previous.place || byId.get(previous.place)?.type === 'Country')) previous.place = place;
      continue;
    }
    if (pastOccasion) pastOccasions.add(events.length);
    events.push({
      localId: `e${++counter}`,
      kind: trigger.kind,
      name: '',
      ...(date ? { date } : {}),
      ...(place ? { place } : {}),
      participants,
      mediators: [...mediators],
      span,
      sentence: sentence.index,
    });
  }
  for (const event of events) {
    event.participants = event.participants.filter((p) => !event.mediators.includes(p));
    // Named people stand for their countries: keep countries as parties only when no one is named.
    if (event.participants.some((p) => byId.get(p)?.type === 'Person')) {
      event.participants = event.participants.filter((p) => byId.get(p)?.type === 'Person');
    }
    event.name = eventName(event, byId);
  }
  return events;
}

/** Meetings and talks are the same kind of event for merging purposes ("met ... the talks"). */
function sameFamily(a: EventKind, b: EventKind): boolean {
  const talky = (k: EventKind): boolean => k === 'meeting' || k === 'talks';
  return a === b || (talky(a) && talky(b));
}

/** Same venue, or one is the country the other (a place) is in. */
function samePlace(a: string, b: string, byId: Map<string, EntityRecord>): boolean {
  return a === b || byId.get(a)?.country === b || byId.get(b)?.country === a;
}

function compatible(
  e: EventRecord,
  kind: EventKind,
  date: string | undefined,
  place: string | undefined,
  byId: Map<string, EntityRecord>,
): boolean {
  if (!sameFamily(e.kind, kind)) return false;
  if (date && e.date && date !== e.date) return false;
  if (place && e.place && !samePlace(place, e.place, byId)) return false;
  return true;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** "talks in <place>" / "meeting between A and B" / "attack": built from the article's own entities. */
function eventName(event: EventRecord, byId: Map<string, EntityRecord>): string {
  const label = event.kind === 'other' ? 'event' : event.kind;
  const placeName = event.place ? byId.get(event.place)?.name : undefined;
  const parties = event.participants
    .map((p) => byId.get(p)?.name)
    .filter((n): n is string => Boolean(n))
    .slice(0, 3);
  let name = label;
  if (parties.length >= 2)
    name += ` between ${parties.slice(0, -1).join(', ')} and ${parties[parties.length - 1]}`;
  else if (parties.length === 1) name += ` with ${parties[0]}`;
  if (placeName) name += ` in ${placeName}`;
  if (event.date) name += ` (${event.date})`;
  return name;
}
