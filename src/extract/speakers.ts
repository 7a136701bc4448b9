/**
 * Speaker attribution: reporting cues, the speaker phrase next to a cue, and resolving that phrase
 * (name, pronoun, role noun, organisation or group) to an entity of the article.
 */
import { countryForModifier, isNewsOutlet } from './gazetteer.js';
import { HONORIFICS, ROLE_NOUNS, TITLE_HEADS, TITLE_MODIFIERS } from './person-lexicon.js';
import { foldName, sentenceAt, writtenInLowerCase } from './text.js';
import type { EntityRecord, Sentence, Span } from './types.js';

/** Reporting verbs, all inflections that occur in news copy. */
const CUE_WORDS = `
  said says say saying told tells tell telling added adds adding noted notes noting explained explains
  explaining argued argues arguing wrote writes writing asked asks replied replies stated states warned
  warns warning insisted insists insisting recalled recalls recalling tweeted tweets claimed claims
  acknowledged acknowledges admitted admits announced announces confirmed confirms stressed stresses
  emphasized emphasizes emphasised emphasises suggested suggests predicted predicts conceded concedes
  declared declares maintained maintains contended contends observed observes remarked remarks
  responded responds countered counters urged urges cautioned cautions testified testifies commented
  comments mentioned mentions revealed reveals agreed agrees complained complains lamented laments
  boasted boasts joked jokes quipped quips shouted shouts yelled whispered blurted estimated estimates
  indicated indicates alleged alleges denied denies promised promises vowed vows pledged pledges
  reiterated reiterates wondered wonders reported reports continued continues explained acknowledging
  cautioning stressing arguing contending suggesting predicting announcing confirming advised advises
  reminded reminds encouraged encourages retorted retorts exclaimed conceded answered answers answering
  asserted asserts asserting replying responding declaring claiming admitting conceding vowing denying
  complaining lamenting joking quipping boasting reiterating alleging tweeting`;
/**
 * Base forms of reporting verbs after a plural subject ("critics argue", "they insist"). Most are
 * nouns too ("the claim", "a note"): the quote rules take them only right after a plural subject.
 */
export const BASE_FORM_CUES: ReadonlySet<string> = new Set(
  'argue claim insist warn note explain stress suggest contend maintain admit acknowledge allege complain predict recall testify caution concede urge add write confirm announce agree deny reveal indicate report promise pledge vow'.split(
    ' ',
  ),
);
export const CUES: ReadonlySet<string> = new Set([
  ...CUE_WORDS.split(/\s+/).filter(Boolean),
  ...BASE_FORM_CUES,
]);

/** Cues that take the addressee as an object before the content ("told reporters that ..."). */
export const OBJECT_CUES: ReadonlySet<string> = new Set(
  'told tells tell telling asked asks urged urges warned warns reminded reminds assured informed cautioned advised advises encouraged encourages'.split(
    ' ',
  ),
);

const PRONOUNS: Readonly<Record<string, 'male' | 'female' | 'plural' | 'neuter' | 'self'>> = {
  he: 'male',
  she: 'female',
  they: 'plural',
  it: 'neuter',
  we: 'plural',
  i: 'self',
};

/** Group nouns that speak without a name ("police said", "officials say"). */
const GROUP_NOUNS = new Set(
  `police officials authorities experts critics analysts researchers scientists investigators prosecutors
  residents witnesses sources organizers organisers protesters activists advocates doctors economists
  lawyers observers regulators opponents supporters officers spokespeople leaders members staff
  government ministry department agency company firm group statement report study survey memo court
  board council union committee commission office organization organisation association party campaign
  team club league family coalition service spokesperson spokesman spokeswoman
  dealers traders bankers brokers investors diplomats negotiators delegates lawmakers legislators
  executives employees workers farmers producers exporters importers shareholders creditors`.split(/\s+/),
);

/** A common noun for a group or body of people ("police", "ministry"), not a name. */
export function isGroupNoun(word: string): boolean {
  const w = word.toLowerCase();
  return GROUP_NOUNS.has(w) || ORG_NOUNS.has(w);
}

/** Singular nouns that refer back to a named organisation ("the company", "the utility"). */
const ORG_NOUNS = new Set(
  `company firm ministry department agency group organization organisation office board union council
  committee commission association party government team club league court service campaign coalition
  utility station school hospital university college city province state store bank airline network
  broadcaster newspaper publisher manufacturer retailer maker insurer regulator watchdog charity
  foundation non-profit nonprofit church diocese force army military embassy consulate corporation
  authority administration department municipality district institute centre center business town
  village county township borough
  automaker carrier operator developer employer lender provider producer monopoly`.split(/\s+/),
);

/** Role nouns that name a kind of person and the title words they can stand for. */
const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  diplomat: ['minister', 'ambassador', 'envoy', 'diplomat', 'secretary', 'consul'],
  envoy: ['envoy', 'ambassador', 'diplomat', 'minister', 'representative'],
  official: [
    'official',
    'minister',
    'secretary',
    'spokesperson',
    'spokesman',
    'spokeswoman',
    'director',
    'officer',
    'commissioner',
  ],
  leader: ['leader', 'president', 'premier', 'chancellor', 'king', 'queen', 'minister', 'chief', 'head'],
  politician: [
    'minister',
    'senator',
    'mp',
    'mpp',
    'mla',
    'leader',
    'president',
    'premier',
    'mayor',
    'politician',
    'candidate',
  ],
  lawmaker: ['senator', 'mp', 'mpp', 'mla', 'representative', 'congressman', 'congresswoman', 'lawmaker'],
  executive: ['ceo', 'executive', 'president', 'chairman', 'chairwoman', 'director', 'founder', 'chief'],
  boss: ['ceo', 'executive', 'president', 'chairman', 'director', 'head', 'chief', 'manager', 'owner'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman'],
  spokesman: ['spokesperson', 'spokesman'],
  spokeswoman: ['spokesperson', 'spokeswoman'],
  officer: ['officer', 'constable', 'sergeant', 'detective', 'inspector', 'police'],
  doctor: ['doctor', 'dr', 'physician', 'surgeon'],
  judge: ['judge', 'justice', 'magistrate'],
  top: ['minister', 'president'],
};

export interface SpeakerPhrase {
  text: string;
  span: Span;
  /** Someone another speaker reports as saying it ("Byrne recalls Clinton telling ..."): not in focus after. */
  relayed?: true;
}

export interface MentionIndex {
  /** Entity mentions sorted by start offset. */
  mentions: { start: number; end: number; entity: EntityRecord }[];
  byId: Map<string, EntityRecord>;
  /** Photo captions: the people in a picture are weak antecedents of a description. */
  captions: Span[];
  /** Surnames (folded) that more than one person of the article has. */
  sharedSurnames: Set<string>;
}

/** A photo caption: a paragraph closed by its credit ("Ada Lind and her son at home. ( Ben Ros / Tarn Herald )"). */
const PHOTO_CAPTION = /(?:^|\n)[^\n]{10,600}?\(\s*[^()\n/]{2,60}\/[^()\n]{2,60}\)[ \t]*(?=\n|$)/g;

/** ... or a paragraph opened by it ("Ben Ros / The Tarn Press Ada Lind and her son at home."). */
const CREDIT_FIRST_CAPTION =
  /(?:^|\n)[ \t]*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*\/\s*(?:The\s+)?\p{Lu}[\p{L}&.]*(?:\s+\p{Lu}[\p{L}&.]*){0,3}\s+(?:Press|News|Images|Photos?|Star|Post|Herald|Times|Record)\b[^\n]{0,400}/gu;

function photoCaptions(text: string | undefined): Span[] {
  if (text === undefined || !text.includes('/')) return [];
  const spans = [...text.matchAll(PHOTO_CAPTION), ...text.matchAll(CREDIT_FIRST_CAPTION)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * A photo credit: "(Ada Lind / The Tarn Herald)", "(Photo: Ada Lind/Reuters)". The person named in
 * one took the picture; they are no antecedent of the story's pronouns and descriptions.
 */
function inPhotoCredit(text: string, start: number, end: number): boolean {
  // Bounded look-arounds: a credit is short, and an unbounded search would rescan the article.
  const before = text.slice(Math.max(0, start - 40), start);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.includes(')', open)) return false;
  const after = text.slice(end, end + 80);
  const close = after.indexOf(')');
  if (close < 0) return false;
  return before.slice(open).includes('/') || after.slice(0, close).includes('/');
}

/**
 * Web-page teaser lines linking to other stories ("READ MORE: ...", "WATCH | ...", "Related: ..."), photo
 * captions a page opens with "Open this photo in gallery" and video captions: the people they name are
 * no part of the story's discourse.
 */
const TEASER_LINE =
  /(?:^|\n)[ \t]*(?:(?:READ MORE|WATCH|RELATED|LISTEN|CLICK HERE|MORE)\b|(?:Read more|Watch|Related|Listen|More)\s*[:|]|Open this photo in gallery\b)[^\n]*/g;

/** A video caption: a paragraph closed by the clip's running time ("... the opioid crisis. 10:43"). */
const VIDEO_CAPTION = /(?:^|\n)[^\n]{10,400}?\s\d{1,2}:\d{2}(?=\n|$)/g;

function teaserLines(text: string): Span[] {
  const spans: Span[] = [];
  if (
    /READ MORE|WATCH|RELATED|LISTEN|CLICK HERE|MORE|Read more|Watch|Related|Listen|More|Open this photo/.test(
      text,
    )
  )
    for (const m of text.matchAll(TEASER_LINE)) spans.push({ start: m.index, end: m.index + m[0].length });
  if (/\s\d{1,2}:\d{2}(?:\n|$)/.test(text))
    for (const m of text.matchAll(VIDEO_CAPTION)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/**
 * Person and organisation mentions by offset; with `text`, those in photo credits and teaser lines
 * are left out.
 */
export function buildMentionIndex(entities: EntityRecord[], text?: string): MentionIndex {
  const teasers = text === undefined ? [] : teaserLines(text);
  const inTeaser = (m: Span): boolean => teasers.some((t) => m.start < t.end && t.start < m.end);
  const mentions = entities
    .filter((e) => e.type === 'Person' || e.type === 'Organization')
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })))
    .filter(
      (m) =>
        text === undefined ||
        (!inPhotoCredit(text, m.start, m.end) && (teasers.length === 0 || !inTeaser(m))),
    );
  mentions.sort((a, b) => a.start - b.start);
  const surnames = new Map<string, number>();
  for (const e of entities)
    if (e.type === 'Person' && e.name.includes(' ')) {
      const last = foldName(e.name.split(' ').at(-1)!);
      surnames.set(last, (surnames.get(last) ?? 0) + 1);
    }
  return {
    mentions,
    byId: new Map(entities.map((e) => [e.localId, e])),
    captions: photoCaptions(text),
    sharedSurnames: new Set([...surnames].filter(([, n]) => n > 1).map(([name]) => name)),
  };
}

/** Index of the first mention starting at or after `offset`. */
function lowerBound(index: MentionIndex, offset: number): number {
  let lo = 0;
  let hi = index.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entity mentions inside [start, end). */
export function mentionsWithin(index: MentionIndex, start: number, end: number): MentionIndex['mentions'] {
  const out: MentionIndex['mentions'] = [];
  for (let i = lowerBound(index, start); i < index.mentions.length; i++) {
    const m = index.mentions[i]!;
    if (m.start >= end) break;
    if (m.end <= end) out.push(m);
  }
  return out;
}

/** The word-level trim of a phrase: offsets of the first and last non-space characters. */
function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s,]/.test(text.charAt(start))) start++;
  while (end > start && /[\s,]/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

const CLAUSE_BOUNDARY =
  /(?:[,;:(—–"“”]|\b(?:and|but|while|as|because|although|though|after|before|when|where|which|who|that|with|so|if|since|until|whereas|than)\b)/gi;
/** Nouns and adjectives ending in "-ly" that head a subject ("the former monopoly said"): no adverbs. */
const LY_NOT_ADVERB = String.raw`(?!(?:monopoly|duopoly|oligopoly|family|ally|assembly|supply|rally|anomaly|bully|elderly|homily|folly)\b)`;
const AUX_ADVERBS = new RegExp(
  String.raw`(?:\s+(?:also|has|have|had|would|will|did|does|do|then|later|previously|repeatedly|once|again|further|recently|earlier|always|often|never|simply|just|still|already|first|quickly|even|had|now|too|meanwhile|however|though|instead|nevertheless|yesterday|today|tonight|(?:last|this)\s+(?:week|month|year|weekend)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|${LY_NOT_ADVERB}[a-z]+ly))+\s*$`,
);

function subjectPhrase(text: string, start: number, end: number): SpeakerPhrase | undefined {
  const span = trimSpan(text, start, end);
  return span.end > span.start ? { text: text.slice(span.start, span.end), span } : undefined;
}

/**
 * The speaker phrase right before a cue at `cueStart`, within the sentence starting at `from`:
 * the last clause before the cue, skipping an appositive ("X, a lawyer for Y, said").
 */
/** ", who spoke to reporters," closing a stretch of text (before a cue). */
const NON_RESTRICTIVE_RELATIVE = /,\s+(?:who|whose|which)\b[^;:"“”.!?]*,$/;

/** Capitalised words opening their clause, then "and"/"&", right before a capitalised name. */
const CAPITALISED_AND_BEFORE = /(?<=^\s*|[.!?;:,]\s+|\n)(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:and|&)\s+$/u;

/** A sentence adverb opening the sentence without a comma ("However a spokesman said"): no subject. */
const OPENING_ADVERB = /^\s*(?:However|Meanwhile|Nevertheless|Nonetheless)\s+(?=\p{L})/u;

const NAME_THEN_APPOSITIVE =
  /^\s*((?:\p{Lu}[\p{L}&'’.-]*\s+){0,4}\p{Lu}[\p{L}&'’.-]*),\s+(?:a|an|the|its|his|her|their|who|whose|which)\s[^;:"“”()]{2,120},$/u;

/** "According to X the prime minister said": the source of the report before its own subject. */
const ACCORDING_TO_BEFORE_SUBJECT =
  /^\s*According to (?:the\s+)?\p{Lu}[\p{L}'’ -]{0,60}?\s+(?=(?:the|a|an|his|her|their)\s+\p{Ll}[^,;:"“”]*$)/u;

export function subjectBefore(text: string, from: number, cueStart: number): SpeakerPhrase | undefined {
  const opening =
    OPENING_ADVERB.exec(text.slice(from, cueStart)) ??
    ACCORDING_TO_BEFORE_SUBJECT.exec(text.slice(from, cueStart));
  if (opening) from += opening[0].length;
  // "It is denouncing what it calls "..."", "what he described as": the subject of the free relative.
  const what = /(?<![\p{L}\p{M}])what\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{L}[\p{L}'’.-]*)\s+$/u.exec(
    text.slice(from, cueStart),
  );
  if (
    what &&
    /^(?:calls?|called|describe[sd]|termed|terms|dubbed|dubs|labell?ed)\b/.test(
      text.slice(cueStart, cueStart + 10),
    )
  ) {
    const at = from + what.index + what[0].indexOf(what[1]!);
    return subjectPhrase(text, at, at + what[1]!.length);
  }
  let end = cueStart;
  const head = text.slice(from, end);
  const aux = AUX_ADVERBS.exec(head);
  // (not down to ", who": "Mr Blaine, who last year denied" keeps "who last year" for the name before it)
  if (aux && !/,\s*who\s*$/i.test(text.slice(from, from + aux.index))) end = from + aux.index;
  // "He rejected claims that ...", "X has denied reports that ...": the verb before a noun of saying
  // is the subject's; the noun is the cue.
  const verbBeforeNoun =
    /\s+(?:(?:has|have|had|also|again|strongly|categorically|flatly|repeatedly)\s+)*(?:rejected|denied|dismissed|refuted|disputed|repeated|reiterated|echoed|renewed|backed|welcomed|rejects|denies|dismisses|disputes|repeats|echoes|welcomes)\s*$/i.exec(
      text.slice(from, end),
    );
  if (
    verbBeforeNoun &&
    /^(?:claims?|reports?|suggestions?|warnings?|allegations?|accusations?|fears?)$/i.test(
      text.slice(cueStart, cueStart + 12).split(/\s/)[0]!,
    )
  )
    end = from + verbBeforeNoun.index;
  while (end > from && /\s/.test(text.charAt(end - 1))) end--;
  // "The company (NYSE: ACME) said", "Sen. X (D-Mo.) tweeted": a parenthetical tag is no subject.
  // (an acronym in brackets is the name's own: "Incomes Data Services (IDS) said"; a share is no tag)
  const tag = /\s*\((?![A-Z]{2,8}\)|[\d.,]+%\))[^()"“”]{1,40}\)$/.exec(text.slice(from, end));
  if (tag && tag.index > 0) end = from + tag.index;
  if (end <= from) return undefined;
  // "A senior adviser, who spoke on condition of anonymity, said": a relative clause set off by
  // commas stands between the subject and its verb.
  const aside = NON_RESTRICTIVE_RELATIVE.exec(text.slice(Math.max(from, end - 200), end));
  if (aside) {
    const cut = Math.max(from, end - 200) + aside.index;
    if (/\p{L}/u.test(text.slice(from, cut))) end = cut;
  }
  // "Kasa Group, a maker of chips and phones, said": a name opening the sentence, then an appositive
  // that may hold clause words of its own ("and", "with", "who").
  const named = NAME_THEN_APPOSITIVE.exec(text.slice(from, end));
  // (an opening connective or adverb is no name: "But, a spokesman for X, Y, said", "Separately, ...")
  if (named && !NON_BODY_OPENER.test(named[1]!) && !/^\p{Lu}\p{Ll}+ly\b|^Separately\b/u.test(named[1]!)) {
    const at = from + named[0].indexOf(named[1]!);
    return subjectPhrase(text, at, at + named[1]!.length);
  }
  // Segments separated by clause boundaries, newest last.
  const segments: Span[] = [];
  let segStart = from;
  const region = text.slice(from, end);
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (const m of region.matchAll(CLAUSE_BOUNDARY)) {
    // "an official familiar with the talks said": "with" after "familiar" goes on with the subject.
    if (/^with$/i.test(m[0]) && /\bfamiliar\s+$/i.test(region.slice(0, m.index))) continue;
    segments.push({ start: segStart, end: from + m.index });
    segStart = from + m.index + m[0].length;
  }
  segments.push({ start: segStart, end });
  let last = trimSpan(text, segments.at(-1)!.start, segments.at(-1)!.end);
  // "X, a lawyer for Y, said" / "His father, X, says": the comma before the cue closes an appositive.
  if (last.end <= last.start && text.charAt(end - 1) === ',' && segments.length >= 2) {
    const inner = trimSpan(text, segments.at(-2)!.start, segments.at(-2)!.end);
    const innerText = text.slice(inner.start, inner.end);
    const outer =
      segments.length >= 3 ? trimSpan(text, segments.at(-3)!.start, segments.at(-3)!.end) : undefined;
    const outerText = outer ? text.slice(outer.start, outer.end) : '';
    const outerIsName = /(?:^|\s)\p{Lu}[\p{L}'’-]+$/u.test(outerText) && outerText.split(/\s+/).length <= 5;
    // (names of five or six words with particles: "Sulman Bin Khalifa Al Khalifa", "Ana de la Torre")
    const innerIsName =
      /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|bin|bint|al|el|de|del|della|da|di|dos|du|la|le|van|von|der|den|ibn|ben))*$/u.test(
        innerText,
      ) && innerText.split(/\s+/).length <= 6;
    if (outer && outerIsName && !innerIsName) last = outer;
    else if (outer && /^(?:a|an|the|who|whose|his|her|its|their|\d|[a-z])/.test(innerText)) last = outer;
    else last = inner;
  }
  // "Texaco Refining and Marketing said": capitalised words on both sides of "and" are one name.
  const joined = CAPITALISED_AND_BEFORE.exec(text.slice(from, last.start));
  if (joined && /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(text.slice(last.start, last.end)))
    last = { start: last.start - joined[0].length, end: last.end };
  const phrase = text.slice(last.start, last.end);
  if (!phrase || phrase.split(/\s+/).length > 9) return undefined;
  // "what officials say", "which he said": the relative word is not part of the speaker.
  const relative = /^(?:what|which|whom|who|that)\s+/i.exec(phrase);
  // "Beck, who has in the past described ...", "McConnell, who in 2010 said": the relative pronoun's
  // antecedent, the name before ", who", is the speaker.
  const whoClause =
    /((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+),\s*who(?:\s+(?:[^\s,;]+\s+){0,4}|\s*)$/u.exec(
      text.slice(Math.max(from, last.start - 120), last.start),
    );
  // (verbs of speech only: "who co-wrote the screenplay", "who were charged over" report nothing)
  if (
    whoClause &&
    !/^(?:who\s|[,"“])/i.test(phrase) &&
    !/^(?:he|she|they|it|we)\b/i.test(phrase) &&
    /^(?:said|says|told|tells|described|describes|denied|denies|claimed|claims|argued|argues|warned|warns|insisted|insists|called|calls|accused|admitted|acknowledged|added|noted|stated)\b/.test(
      text.slice(cueStart, cueStart + 14),
    )
  ) {
    const at = Math.max(from, last.start - 120) + whoClause.index;
    return { text: whoClause[1]!, span: { start: at, end: at + whoClause[1]!.length } };
  }
  if (relative) return subjectPhrase(text, last.start + relative[0].length, last.end);
  // A passive or copula ("He was described as") names no speaker.
  if (/(?<![\p{L}\p{M}])(?:was|were|is|are|be|been|being)$/iu.test(phrase)) return undefined;
  if (!/^[\p{L}\d'’"“-]/u.test(phrase)) return undefined;
  // A bare dash or bullet names no one ("- the firm ...").
  if (!/[\p{L}\p{N}]/u.test(phrase)) return undefined;
  // "Even he admitted", "Leaving the summit he said", "what he called": a subject pronoun that ends the
  // phrase is the subject, whatever stands before it.
  const pronoun = /\s(he|she|they|we|I)$/.exec(phrase);
  if (pronoun) return subjectPhrase(text, last.end - pronoun[1]!.length, last.end);
  // "Last month it said", "In its annual report the board said": an opening adverbial written
  // without a comma is no part of the subject.
  const opener = ADVERBIAL_WITHOUT_COMMA.exec(phrase);
  if (opener) {
    const rest = subjectAfterAdverbial(phrase.slice(opener[0].length));
    if (rest !== undefined) {
      const start = last.start + opener[0].length + rest;
      return { text: text.slice(start, last.end), span: { start, end: last.end } };
    }
  }
  return { text: phrase, span: last };
}

/** A time phrase or a prepositional phrase opening a subject phrase, with no comma after it. */
const ADVERBIAL_WITHOUT_COMMA =
  /^(?:(?:Last|Next|This|Earlier|Later|Early|Late)\s+(?:this\s+|last\s+|next\s+)?(?:week|month|year|weekend|night|morning|afternoon|evening|spring|summer|autumn|fall|winter|season|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\s+|(?:Earlier|Later|Previously|Meanwhile|Yesterday|Today|Now)\s+|(?:In|On|At|During|After|Before|Since|Speaking|Writing|Addressing)\s+)/;

/**
 * Where the subject starts in what follows an opening adverbial: a personal pronoun, or the last
 * determiner that is not the object of a preposition ("its report on the council's work the
 * committee" -> "the committee", "a statement the head of the union" -> "the head of the union").
 */
function subjectAfterAdverbial(rest: string): number | undefined {
  let at: number | undefined;
  for (const m of rest.matchAll(/(?:^|\s)(he|she|it|they|we|I|the|a|an|its|his|her|their)\s+\S/g)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const before = rest.slice(0, start).trimEnd();
    if (/(?<![\p{L}\p{M}])(?:of|for|at|to|with|from|on|in|by|about|into|over)$/iu.test(before)) continue;
    at = start;
    // A pronoun is the whole subject: nothing after it can be.
    if (/^(?:he|she|it|they|we|I)$/.test(m[1]!)) break;
  }
  // A pronoun at the very end ("In February 2004 he").
  const pronoun = /(?:^|\s)(he|she|it|they|we|I)$/.exec(rest);
  if (pronoun) return pronoun.index + pronoun[0].length - pronoun[1]!.length;
  if (at !== undefined) return at;
  // A name closing the phrase ("Earlier this week Tarland", "Last month Tarland's watchdog").
  const name =
    /(?:^|\s)(\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*){0,3}(?:['’]s(?:\s+[\p{Ll}-]+){1,3})?)$/u.exec(
      rest,
    );
  return name ? name.index + name[0].length - name[1]!.length : undefined;
}

/** The speaker phrase right after a cue ("..., said the minister." / "said X, a lawyer"). */
export function subjectAfter(text: string, cueEnd: number, limit: number): SpeakerPhrase | undefined {
  const rest = text.slice(cueEnd, Math.min(limit, cueEnd + 120));
  const lead = /^\s+/.exec(rest);
  if (!lead) return undefined;
  // The phrase runs to the first clause punctuation; a dot only ends it after a full word ("Dr." does not).
  let end = lead[0].length;
  for (; end < rest.length; end++) {
    const ch = rest.charAt(end);
    if (/[,;:!?"“”()—–]/.test(ch)) break;
    if (
      ch === '.' &&
      !/(?:^|\s)(?:\p{Lu}|Dr|Mr|Mrs|Ms|Prof|St|Sgt|Lt|Col|Gen|Capt|Rev|Jr|Sr|Gov|Sen|Rep|Insp|Det|Const|Supt)$/u.test(
        rest.slice(0, end),
      )
    )
      break;
  }
  let phrase = rest.slice(lead[0].length, end).trimEnd();
  // Drop a trailing participle clause or adjunct ("the minister in a statement").
  phrase = phrase.replace(
    /\s+(?:in|on|at|during|after|before|from|to|via|when|while|who|which|told|adding|noting|describing|as)\b.*$/,
    '',
  );
  if (!phrase || phrase.split(/\s+/).length > 12) return undefined;
  if (
    /^(?:in|on|at|during|after|before|from|to|of|about|for|with|by|against|over|into|that|this|last|earlier|later|recently|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(
      phrase,
    )
  ) {
    return undefined;
  }
  if (/^(?:he|she|they|it|we|i)\b/i.test(phrase) && !/^(?:he|she|they|it|we|i)$/i.test(phrase))
    return undefined;
  // "told him the ...": an object pronoun after the cue is the addressee, never the speaker.
  if (/^(?:him|them|us|me)\b/i.test(phrase)) return undefined;
  const start = cueEnd + lead[0].length;
  // "says Orla's partner, Ben Tate." / "said the company's founder, X": the name that follows; a
  // one-word name only when it ends the sentence ("says Tate's dad, Rudi.").
  // ("said EEF chief economist, Steve Radley": a bare title phrase ending in a person noun too)
  if (
    /^(?:the|a|an|his|her|its|their)\s|^\p{Lu}[\p{L}'’-]*['’]s\s+\p{Ll}/u.test(phrase) ||
    (/\s\p{Ll}+$/u.test(phrase) && isPersonHead(phrase.split(/\s+/).at(-1)!))
  ) {
    // (read past the phrase window, or "Andrew J. Pincus" would end at its edge as "Andrew J")
    const after = text.slice(cueEnd + end, Math.min(limit, cueEnd + end + 80));
    const name =
      /^,\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s+\p{Lu}[\p{L}'’-]+\.?)(?:\s*[,.;]|\s+(?:of|at|from|with)\s|$)/u.exec(
        after,
      ) ?? /^,\s+(\p{Lu}\p{Ll}+)\s*(?:[.;!?]|$)/u.exec(after);
    if (name) {
      const nameStart = cueEnd + end + name.index + name[0].indexOf(name[1]!);
      // (the sentence's full stop is no part of the name: "..., Steve Radley.")
      let nameText = name[1]!.replace(/(?<=\p{L}{3})\.$/u, '');
      let from = nameStart;
      // ("Representatives James E. Clyburn": a title before the name is no part of it)
      const title = /^(\p{Lu}\p{Ll}+?)s?\s+(?=\p{Lu})/u.exec(nameText);
      if (title && isPersonHead(title[1]!.toLowerCase()) && nameText.split(/\s+/).length > 2) {
        from += title[0].length;
        nameText = nameText.slice(title[0].length);
      }
      return { text: nameText, span: { start: from, end: from + nameText.length } };
    }
  }
  // "insists 16-year-old Ada Lind": the age before a name is no part of it.
  const aged = /^\d+-year-old\s+(?=\p{Lu})/u.exec(phrase);
  if (aged) return subjectPhrase(text, start + aged[0].length, start + phrase.length);
  // "said agency vice-director Ada Lind": the name after a lower-case title.
  const titled = /^((?:[\p{Ll}-]+\s+){1,4})(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})$/u.exec(phrase);
  if (titled && isPersonHead(titled[1]!.trim().split(/\s+/).at(-1)!)) {
    const nameStart = start + titled[1]!.length;
    return { text: titled[2]!, span: { start: nameStart, end: nameStart + titled[2]!.length } };
  }
  return { text: phrase, span: { start, end: start + phrase.length } };
}

/**
 * What may stand between a subject and its cue: an appositive or relative clause between commas (a
 * short quoted phrase inside it included: "X, who lost 5 kg "and a belt size", says"), an affiliation,
 * adverbs and auxiliaries.
 */
const BETWEEN_SUBJECT_AND_CUE = new RegExp(
  String.raw`^(?:\s*\((?![A-Z]{2,8}\))[^()"“”]{1,40}\))?(?:\s*,(?:[^"“”;]|"[^"“”;]{1,60}"|“[^"“”;]{1,60}”){1,160}(?:,|\s[-–—]))?(?:\s+(?:with|of|from|at|for)\s+(?:the\s+)?\p{Lu}[^,.;"“”]{0,60}?)?(?:\s+(?:also|has|have|had|would|will|did|does|do|then|later|previously|repeatedly|once|again|further|recently|earlier|always|often|never|simply|just|still|already|first|quickly|even|${LY_NOT_ADVERB}[a-z]+ly))*\s*$`,
  'u',
);

/** A role after a name, its body after a preposition, up to the cue: " sales director at Velmont Foods ". */
const ROLE_AFTER_NAME =
  /^\s+(?:[\p{Ll}-]+\s+){0,3}([\p{Ll}-]+)\s+(?:at|with|of|for|from)\s+(?:the\s+)?(?:[\p{L}\p{N}&'’.-]+\s+){1,7}$/u;

/**
 * The subject of a cue found through the article's entity mentions: the nearest person (then
 * organisation) mention before the cue separated from it only by an appositive (", a lawyer,"), an
 * affiliation ("with the X Authority", "of X") or adverbs/auxiliaries.
 */
export function mentionSubjectBefore(
  text: string,
  index: MentionIndex,
  from: number,
  cueStart: number,
  types: readonly ('Person' | 'Organization')[] = ['Person', 'Organization'],
): SpeakerPhrase | undefined {
  const inRange = mentionsWithin(index, from, cueStart);
  for (const type of types) {
    for (let i = inRange.length - 1; i >= 0; i--) {
      const m = inRange[i]!;
      if (m.entity.type !== type) continue;
      // (a dot right before a comma closes an abbreviation the name ends in: "Joseph Biden Jr., in ...")
      const between = text.slice(m.end, cueStart).replace(/^\.(?=,)/, '');
      if (/^['’]s\b/.test(between)) continue;
      // "A spokeswoman for X said": X is the object of a preposition, not the subject of the cue.
      if (
        /(?<![\p{L}\p{M}])(?:for|to|of|about|on behalf of)\s+(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$/iu.test(
          text.slice(Math.max(from, m.start - 24), m.start),
        )
      )
        continue;
      // "a spokesman for House Speaker X told": so is a name after a preposition and an office title.
      const titledObject =
        /(?<![\p{L}\p{M}])(?:for|to|of|on behalf of)\s+(?:the\s+)?((?:\p{Lu}[\p{L}.'’-]*\s+){1,4})$/u.exec(
          text.slice(Math.max(from, m.start - 60), m.start),
        );
      if (
        titledObject &&
        titledObject[1]!
          .trim()
          .split(/\s+/)
          .some((w) => TITLE_HEADS.has(w.toLowerCase()))
      )
        continue;
      // "X, a Tarnair spokesman told the BBC": an appositive whose closing comma the writer left out,
      // also with the head's complement ("X, a spokesman for House Speaker Y told the Post").
      const openAppositive =
        /^,\s+(?:a|an|the)\s+(?:[\p{L}'’.&-]+\s+){0,5}?([\p{Ll}-]+)\s*$/u.exec(between) ??
        /^,\s+(?:a|an|the)\s+(?:[\p{L}'’.&-]+\s+){0,3}?([\p{Ll}-]+)\s+(?:for|of|to|at|with)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+){1,7}$/u.exec(
          between,
        );
      // "Dr X games systems director at digital content firm THX told": a role with no commas.
      const bareRole = ROLE_AFTER_NAME.exec(between);
      if (
        BETWEEN_SUBJECT_AND_CUE.test(between) ||
        (type === 'Person' && openAppositive && isPersonHead(openAppositive[1]!)) ||
        (type === 'Person' && bareRole && isPersonHead(bareRole[1]!))
      )
        return { text: text.slice(m.start, m.end), span: { start: m.start, end: m.end } };
    }
  }
  return undefined;
}

/** Organisations that can be an unnamed speaker ("the company said"): not the outlets reporting. */
function isSpeakingOrg(e: EntityRecord): boolean {
  return e.type === 'Organization' && !isNewsOutlet(e.name);
}

/** Members of a political party, written capitalised ("the Ohio Republican"). */
const PARTY_MEMBER = /^(?:republican|democrat|conservative|liberal|socialist|tory|libertarian|progressive)$/;

/** Head nouns that denote a single person. */
const PERSON_HEADS =
  /(?:er|or|ist|ian|ant|ent|man|woman|person|mother|father|son|daughter|wife|husband|girl|boy|child|teen|teenager|resident|veteran|victim|survivor|refugee|immigrant|patient|student|graduate|official|chief|head|republican|democrat|conservative|liberal|arms|maverick|mogul|tycoon|star|legend|icon|native|guru|scholar|hero|heroine|champion|newcomer|spouse|fiancée?|widow|youngster|guy|lady|gentleman|individual|citizen|inmate|defendant|plaintiff|complainant|nominee|appointee|delegate|mp|mla|mpp|mep)$/;

/** A noun that can head a speaker: a person, a body, a group or a document ("the mayor", "the firm"). */
export function isSpeakerNoun(word: string): boolean {
  return isPersonHead(word) || ORG_NOUNS.has(word) || GROUP_NOUNS.has(word) || DOCUMENT_NOUNS.has(word);
}

/** A head noun naming a person: a role noun, an office title or a person-like word ending. */
export function isPersonHead(head: string): boolean {
  return ROLE_NOUNS.has(head) || TITLE_HEADS.has(head) || PERSON_HEADS.test(head);
}

/** A dateline: a place (with a region), an optional agency in brackets, then a dash. */
const DATELINE =
  /^\p{Lu}[\p{L}.'’ -]{1,30}?(?:,\s*\p{Lu}[\p{L}.]{1,12})?\s*(?:\([\p{L} .]{1,20}\)\s*)?[—–]\s*|^\p{Lu}[\p{L}.'’ -]{1,30}?\s*\([\p{L} .]{1,20}\)\s*-\s*/u;

/**
 * A sentence-opening adverbial phrase ending in a comma. An "-ing" word opening a name with a finite
 * verb after it is the subject ("Downing Street would not comment, saying ..."), not a participle.
 */
const LEADING_ADVERBIAL =
  /^(?:(?:But|And|Then|So|Yet|Still|However|Meanwhile|Moreover|Instead|Later|Earlier|Now|Today|Yesterday|Of course|In fact|Indeed|Also)(?:\s+[^\s,.;:"“”]+){0,3},\s*|(?:Last|Next|This|That|Every|Each|Earlier|Later)\s+(?:week|month|year|weekend|night|morning|afternoon|evening|spring|summer|fall|autumn|winter|season|time|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b[^,.;:"“”]{0,40},\s*|(?:In|On|At|After|Before|During|When|While|As|Since|Speaking|Asked|Addressing|Writing|According|Following|Despite|Unlike|Like|For|With|From|Under|Over|Through|Alongside|Amid|Among|Across|Against|Beyond|Within|Without|Throughout|Until|Upon|Inside|Outside|Behind|Besides|Once|If|Although|Though|Because|Early|Late)\b[^,.;:"“”]{0,110},\s*|\p{Lu}\p{Ll}+ing\b(?!(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s+(?:would|will|has|have|had|is|was|are|were|did|does|do|said|says|could|can|may|might|must|should|[a-z]{2,}ed)\b)[^,.;:"“”]{0,80},\s*|(?:[\p{L}\d-]+\s+){1,3}(?:ago|later|earlier|on)\s*,\s*)/u;

/**
 * Length of the noun phrase after a determiner when a group, organisation or person noun heads it
 * within its first words: "diocese issued ..." -> "diocese", "city council's planning office
 * published" -> up to "office" (a possessive is a modifier, the head comes after it), "city council
 * voted" -> "city council".
 */
function headedPhraseLength(rest: string): number | undefined {
  // (a person noun in the plural heads a group: "the judges", "the lawyers")
  const isHead = (w: string): boolean =>
    ORG_NOUNS.has(w) ||
    GROUP_NOUNS.has(w) ||
    DOCUMENT_NOUNS.has(w) ||
    w === 'industry' ||
    w === 'sector' ||
    isPersonHead(w) ||
    (/s$/.test(w) && (isPersonHead(w.slice(0, -1)) || (/es$/.test(w) && isPersonHead(w.slice(0, -2)))));
  const words = [...rest.slice(0, 80).matchAll(/([\p{L}-]+)(['’]s)?(?=[\s,.;:]|$)/gu)].slice(0, 5);
  let head: RegExpMatchArray | undefined;
  for (const [k, w] of words.entries()) {
    const previous = words[k - 1];
    if (w.index !== (previous ? previous.index! + previous[0].length + 1 : 0)) break;
    // A determiner opens another noun phrase: "The town released a statement" has no head in its first words.
    if (/^(?:a|an|the|its|his|her|their)$/.test(w[1]!)) break;
    if (w[2]) {
      head = undefined;
      continue;
    }
    // A capitalised word is a modifier ("The Florida senator"), never the head.
    if (/^\p{Lu}/u.test(w[1]!)) {
      if (head) break;
      continue;
    }
    if (isHead(w[1]!)) {
      head = w;
      if (words[k + 1] && isHead(words[k + 1]![1]!)) continue;
      break;
    }
    if (head) break;
  }
  return head ? head.index! + head[1]!.length : undefined;
}

/**
 * The subject that opens a sentence, for participle cues ("X reminded customers ..., saying ..."): a
 * leading pronoun, an entity mention among the first words, or a leading capitalised name.
 */
export function sentenceSubject(
  text: string,
  index: MentionIndex,
  sentenceStart: number,
  end: number,
): SpeakerPhrase | undefined {
  let start = sentenceStart;
  // Skip a dateline ("ELMFORD, Ont. —", "Elmford (AFP) –") in front of the first sentence of a story.
  const dateline = DATELINE.exec(text.slice(start, Math.min(end, start + 80)));
  if (dateline) start += dateline[0].length;
  // Skip an opening adverbial ("However,", "Speaking in Ohio,", "In a statement,", "Then, in 2017,").
  for (let k = 0; k < 3; k++) {
    const lead = LEADING_ADVERBIAL.exec(text.slice(start, Math.min(end, start + 150)));
    if (!lead) break;
    start += lead[0].length;
  }
  const opening = text.slice(start, Math.min(end, start + 80));
  // "From the report: "..."": the source after "From".
  const source = /^From\s+((?:the|a|an|his|her|its|their)\s+[^,:;.!?"“”]{1,60}?)\s*:\s*$/.exec(
    text.slice(start, end),
  );
  if (source) {
    const at = start + source[0].indexOf(source[1]!);
    return { text: source[1]!, span: { start: at, end: at + source[1]!.length } };
  }
  // "He ...", and after a conjunction in lower case: "Then he cut into X, calling him ...".
  const pronoun =
    /^(?:(?:But|And|Then|So|Yet|Still|Later)\s+(?:then\s+)?)?(He|She|It|They|We|(?<=\s)(?:he|she|it|they|we))\b/.exec(
      opening,
    );
  if (pronoun) {
    const at = start + pronoun.index + pronoun[0].length - pronoun[1]!.length;
    return { text: pronoun[1]!, span: { start: at, end: at + pronoun[1]!.length } };
  }
  // "Chinese foreign ministry spokeswoman X", "White House economic adviser X": a person after a title.
  const opening_mentions = mentionsWithin(index, start, Math.min(end, start + 100));
  const titled = opening_mentions.find(
    (m) =>
      m.entity.type === 'Person' &&
      text
        .slice(start, m.start)
        .split(/\s+/)
        .filter(Boolean)
        .every((w, i, all) => isTitleRunWord(w, all[i - 1])),
  );
  if (titled)
    return { text: text.slice(titled.start, titled.end), span: { start: titled.start, end: titled.end } };
  const first = mentionsWithin(index, start, Math.min(end, start + 40))[0];
  if (first && text.slice(start, first.start).split(/\s+/).filter(Boolean).length <= 2) {
    // "A Superior Court of Tarland judge ruled": the organisation modifies a person noun, the head.
    const headNoun = /^\s+([\p{Ll}-]+)\b/u.exec(text.slice(first.end, first.end + 30));
    if (first.entity.type === 'Organization' && headNoun && isPersonHead(headNoun[1]!)) {
      const phraseEnd = first.end + headNoun[0].length;
      return { text: text.slice(start, phraseEnd), span: { start, end: phraseEnd } };
    }
    return { text: text.slice(first.start, first.end), span: { start: first.start, end: first.end } };
  }
  // "The diocese issued a statement, saying ...": a determiner phrase headed by a group or role noun.
  // The head is the first of the next three words that is a group, organisation or person noun
  // ("The diocese issued", "The city council's planning office published"); a possessive word is
  // a modifier, not the head.
  // Lower case after a skipped adverbial ("Last month, a group of experts warned ...").
  // ("And the judges paved the way ...": a conjunction opening the sentence is no part of it)
  const conjunction =
    /^(?:And|But|So|Yet|Then)\s+(?=(?:the|a|an|its|his|her|their)\s)/.exec(opening)?.[0] ?? '';
  const determined = opening.slice(conjunction.length);
  const determiner = /^(?:The|A|An|Its|His|Her|Their)\s+/i.exec(determined);
  const headLength = determiner ? headedPhraseLength(determined.slice(determiner[0].length)) : undefined;
  if (determiner && headLength !== undefined) {
    const phrase = determined.slice(0, determiner[0].length + headLength);
    const at = start + conjunction.length;
    return { text: phrase, span: { start: at, end: at + phrase.length } };
  }
  // "Veldish health ministry spokeswoman Ana Ruiz said": a name right after a lower-case title phrase.
  const titledName =
    /^((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}(?:[\p{Ll}-]+\s+){0,4})(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})(?=\s+\p{Ll})/u.exec(
      opening,
    );
  if (titledName) {
    const lead = titledName[1]!.trim().split(/\s+/);
    const head = lead.at(-1) ?? '';
    if (
      /^\p{Ll}/u.test(head) &&
      isPersonHead(head) &&
      lead.every((w) => /^\p{Lu}/u.test(w) || isPremodifierWord(w) || ORG_NOUNS.has(w) || GROUP_NOUNS.has(w))
    ) {
      const at = start + titledName[1]!.length;
      return { text: titledName[2]!, span: { start: at, end: at + titledName[2]!.length } };
    }
  }
  // "The Democratic National Convention released a statement, saying": a name after "The" that no
  // entity covers.
  // (before a finite verb: "The Votes at 16 alliance said" is no name "Votes")
  const theName =
    /^The\s+((?:\p{Lu}[\p{L}.'’&-]*\s+){0,4}\p{Lu}[\p{L}.'’&-]*)\s+(?:[a-z]+ed|[a-z]+s|has|have|had|was|were|is|are|will|would|said|told|gave|made|put|sent|took|wrote|spoke)\b/u.exec(
      opening,
    );
  if (
    theName &&
    !/^(?:In|On|At|But|And|This|That|When|While|After|Before|Of)$/.test(theName[1]!.split(/\s+/)[0]!)
  ) {
    const at = start + theName[0].indexOf(theName[1]!);
    return { text: theName[1]!, span: { start: at, end: at + theName[1]!.length } };
  }
  const name = /^((?:\p{Lu}[\p{L}.'’&-]*\s+){0,3}\p{Lu}[\p{L}.'’&-]*)\s+[a-z]/u.exec(opening);
  if (
    name &&
    !/^(?:The|A|An|In|On|At|But|And|This|That|These|Those|When|While|After|Before|Of|However|Still|Yet|So|If|As|His|Her|Its|Their|Our|My|Your)\b/.test(
      name[1]!,
    ) &&
    !/ing$/.test(name[1]!)
  ) {
    return { text: name[1]!, span: { start, end: start + name[1]!.length } };
  }
  return undefined;
}

export interface ResolveContext {
  text: string;
  /** The article's sentences, for sentence-local antecedents. */
  sentences?: Sentence[];
  /** Per-article cache of full organisation names for short forms and acronyms. */
  orgNames: Map<string, ResolvedSpeaker | undefined>;
  /** Genders learnt from pronoun attributions in this article ("she said" -> female). */
  learnedGender: Map<string, 'male' | 'female'>;
  /** The last organisation/group named only by a phrase ("Tarn Water said" with no entity for it). */
  lastLabel?: { label: string; paragraph: number; mention: SpeakerPhrase; at: number };
  /** The last speaker that is a person known only by a label ("Labour spokeswoman", an unlisted name). */
  /** `id`: the body the label was resolved to ("A BBC spokeswoman said" is the BBC's). */
  lastPersonLabel?: { label: string; paragraph: number; mention: SpeakerPhrase; at: number; id?: string };
  /** The last speaker that is an unnamed group ("experts warned"): what a later "they say" goes on with. */
  lastGroupLabel?: { label: string; paragraph: number; mention: SpeakerPhrase; at: number };
  index: MentionIndex;
  /** The speaker of the closest earlier quote, for pronoun preference. */
  lastSpeaker?: { id: string; at: number; paragraph: number };
  paragraph: number;
  /** Every quote's content, indirect ones too: a person named inside someone's statement is not a new topic. */
  allQuoteSpans: Span[];
  /** Quote content spans: mentions inside quotes are weak antecedents. */
  quoteSpans: Span[];
  /** The content of the quote whose speaker is being resolved, and whether it is in quotation marks. */
  content?: Span;
  contentQuoted?: boolean;
}

export interface ResolvedSpeaker {
  id?: string;
  /** Name to report when no entity matched (a group like "police", an unlisted organisation). */
  label?: string;
  /** For a label reached through an earlier mention ("it" -> "Tarn Water"): that earlier mention. */
  antecedent?: SpeakerPhrase;
}

function insideQuote(ctx: ResolveContext, offset: number): boolean {
  return spanCovers(ctx.quoteSpans, offset);
}

/** Spans sorted by start: binary search for the last one starting at or before `offset`. */
export function spanCovers(spans: Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  // Check a few spans back in case an earlier, longer span still covers the offset.
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) if (offset < spans[i]!.end) return true;
  return false;
}

/** Most recent entity mention before `offset` that satisfies `ok`, outside quotes. */
/** How far back (in characters) an antecedent is looked for. */
const RECENCY_WINDOW = 15_000;

function recentEntity(
  ctx: ResolveContext,
  offset: number,
  ok: (e: EntityRecord, m: { start: number; end: number }) => boolean,
): EntityRecord | undefined {
  let fallback: EntityRecord | undefined;
  for (let i = lowerBound(ctx.index, offset) - 1; i >= 0; i--) {
    const m = ctx.index.mentions[i]!;
    // An antecedent further back than this is not what a news sentence refers to (and keeps it linear).
    if (m.start < offset - RECENCY_WINDOW) break;
    if (!ok(m.entity, m)) continue;
    if (!insideQuote(ctx, m.start)) return m.entity;
    fallback ??= m.entity;
  }
  return fallback;
}

/**
 * A speaker label that stands for one person: a singular person noun ("spokeswoman", "senior
 * official") or an unlisted name of two or three capitalised words with no organisation word in it.
 */
export function isPersonLabel(label: string): boolean {
  // ("spokeswoman for Human Rights Watch": the head comes before its complement)
  const words = label
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/^(\p{Ll}[\p{L}-]*)\s+(?:for|of|at|with|from)\s+.*$/u, '$1')
    .split(/\s+/);
  const last = words.at(-1)!;
  if (/^\p{Ll}/u.test(last)) return !last.endsWith('s') && isPersonHead(last.toLowerCase());
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?$/u.test(w)) &&
    !words.some(
      (w) =>
        ORG_NOUNS.has(w.toLowerCase()) ||
        GROUP_NOUNS.has(w.toLowerCase()) ||
        ORG_NAME_WORD.test(w) ||
        // ("Florida Friday": a day or a month is in no one's name)
        CALENDAR_WORD.test(w),
    )
  );
}

/** A label that describes a person by a lower-case role ("the Texas attorney general"), not a name. */
function isDescribedPerson(label: string): boolean {
  return /\p{Ll}$/u.test(label) && /\s\p{Ll}+$|^\p{Ll}+$/u.test(label) && isPersonLabel(label);
}

/** Words of organisation names that no personal name has. */
const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/;

const ORG_NAME_WORD =
  /^(?:Inc|Corp|Ltd|Group|Bank|Council|Party|Ministry|Department|Agency|Office|Commission|Committee|Association|Union|Institute|University|College|School|Hospital|Police|Service|Services|Trust|Fund|Society|Foundation|Club|Team|News|Times|Post|Radio|Television|Network|Airways|Airlines|Motors|Energy|Systems|Technologies|Industries|International|National|Federal|Street|House|Court|Board|Authority|Research|Partners|Associates|Consulting|Consultants|Analytics|Labs|Capital|Securities|Holdings|Media|Communications|Solutions|Insurance|Centre|Center|Forum|Review|Journal|Magazine|Reporter|Telegraph|Herald|Tribune|Gazette|Observer|Guardian|Chronicle|Economist|Watch|Alliance|Coalition|Federation|League)$/;

/** Does a person label allow the pronoun's gender ("spokeswoman" is no "he")? */
function labelGenderFits(label: string, kind: 'male' | 'female'): boolean {
  const last = label.split(/\s+/).at(-1)!.toLowerCase();
  if (/(?:woman|mother|daughter|wife|sister|actress|girl)$/.test(last)) return kind === 'female';
  if (/(?:man|father|son|husband|brother|boy)$/.test(last) && !/woman$/.test(last)) return kind === 'male';
  return true;
}

/** Resolve a pronoun speaker: gender-compatible, preferring the previous quote's speaker. */
function resolvePronoun(pronoun: string, offset: number, ctx: ResolveContext): ResolvedSpeaker {
  let resolved = resolvePronounOnce(pronoun, offset, ctx);
  // '"I think Sean's situation is hard," he said': people do not name themselves in what they say,
  // so a person named inside the quote is another antecedent's topic, not the speaker.
  const content = ctx.content;
  if (
    resolved.id &&
    content &&
    mentionsWithin(ctx.index, content.start, content.end).some(
      (m) =>
        m.entity.localId === resolved.id &&
        // (a span running on into the next attribution, '... it won't make it," Roffman predicted', or
        // "... but Prager thinks ...", names the speaker as a speaker: that does not count)
        !CUES.has(/^\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(ctx.text.slice(m.end, m.end + 30))?.[1] ?? '') &&
        !/^\s+thinks?\b/.test(ctx.text.slice(m.end, m.end + 10)) &&
        // (a reporter's paraphrase names people freely, "He notes that ... Trump's microphone": in an
        // indirect quote only a bare name, "he said Ryan.", counts)
        (ctx.contentQuoted || /^\s*(?:[.,;:!?)]|$)/.test(ctx.text.slice(m.end, m.end + 3))),
    )
  ) {
    const other = resolvePronounOnce(pronoun, offset, ctx, resolved.id);
    if (other.id || other.label) resolved = other;
  }
  const kind = PRONOUNS[pronoun.toLowerCase()];
  // The speaker of "she said" is female from here on (for people whose gender the text never gave).
  if (resolved.id && (kind === 'male' || kind === 'female') && !ctx.learnedGender.has(resolved.id)) {
    ctx.learnedGender.set(resolved.id, kind);
  }
  return resolved;
}

function resolvePronounOnce(
  pronoun: string,
  offset: number,
  ctx: ResolveContext,
  excluded?: string,
): ResolvedSpeaker {
  const kind = PRONOUNS[pronoun.toLowerCase()];
  if (kind === 'male' || kind === 'female') {
    const genderOf = (e: EntityRecord): string | undefined => e.gender ?? ctx.learnedGender.get(e.localId);
    const fits = (e: EntityRecord): boolean =>
      e.type === 'Person' && e.localId !== excluded && (genderOf(e) === kind || genderOf(e) === undefined);
    const strict = (e: EntityRecord): boolean =>
      e.type === 'Person' && e.localId !== excluded && genderOf(e) === kind;
    const last = ctx.lastSpeaker ? ctx.index.byId.get(ctx.lastSpeaker.id) : undefined;
    // Subjects are the likely antecedents; a possessive or prepositional object ("about Kim's plan") is not.
    // Centering: the grammatical subject of a recent clause outside any reported content is the
    // preferred antecedent; a person named inside someone's (even indirect) statement is not.
    const salient = (e: EntityRecord, m: { start: number; end: number }): boolean =>
      fits(e) && inSubjectPosition(ctx.text, m.start, m.end) && !spanCovers(ctx.allQuoteSpans, m.start);
    const local = localAntecedent(ctx, offset, fits, kind);
    const last0 = ctx.lastSpeaker ? ctx.index.byId.get(ctx.lastSpeaker.id) : undefined;
    // A person in this or the previous sentence, named after the last quote, is the one meant.
    if (
      local &&
      (!ctx.lastSpeaker ||
        local.entity === last0 ||
        local.at > ctx.lastSpeaker.at ||
        ctx.paragraph - ctx.lastSpeaker.paragraph > 3 ||
        !last0 ||
        !fits(last0))
    )
      return { id: local.entity.localId };
    const subject = recentEntityWhere(ctx, offset, salient, 2500);
    const recent = subject ?? recentEntity(ctx, offset, strict) ?? recentEntity(ctx, offset, fits);
    // "A Labour spokeswoman said ... . She said: ...": the last speaker was a person known by a label,
    // and nobody fitting was named since.
    const labelled = ctx.lastPersonLabel;
    if (
      labelled &&
      ctx.paragraph - labelled.paragraph <= 2 &&
      (!ctx.lastSpeaker || labelled.at > ctx.lastSpeaker.at || labelled.id === ctx.lastSpeaker.id) &&
      labelGenderFits(labelled.label, kind) &&
      // (someone named inside a statement since, "... said Andi Petra would stay", does not count)
      (!recent || (lastNarratedMentionBefore(ctx, recent, offset) ?? -1) < labelled.mention.span.start)
    )
      return labelled.id ? { id: labelled.id } : { label: labelled.label, antecedent: labelled.mention };
    if (last && fits(last) && ctx.lastSpeaker && ctx.paragraph - ctx.lastSpeaker.paragraph <= 3) {
      // Another fitting person introduced after the last quote takes over as the topic.
      if (!recent || recent === last) return { id: last.localId };
      const recentAt = lastMentionBefore(ctx, recent, offset);
      // A subject in the last couple of sentences wins even without a known gender.
      const nearSubject = recent === subject && recentAt !== undefined && offset - recentAt < 350;
      if (
        recentAt !== undefined &&
        recentAt > ctx.lastSpeaker.at &&
        (strict(recent) || !strict(last) || nearSubject) &&
        !spanCovers(ctx.allQuoteSpans, recentAt)
      ) {
        return { id: recent.localId };
      }
      return { id: last.localId };
    }
    if (recent) return { id: recent.localId };
    // Cataphora: "she said ... Ines Varga is among ...": the first fitting person named just after.
    const ahead = mentionsWithin(ctx.index, offset, offset + 400).find((m) => fits(m.entity));
    return ahead ? { id: ahead.entity.localId } : {};
  }
  if (kind === 'plural' || kind === 'neuter') {
    // "The nurses union met in May ... they voted", "KRW declined to comment. ... it said": a body
    // in subject position in this or the last sentences is the antecedent.
    const lower = pronoun.toLowerCase();
    if (lower === 'it' || lower === 'they') {
      const local = bodyAntecedent(ctx, offset, lower === 'they');
      if (local) return local;
    }
    const last = ctx.lastSpeaker ? ctx.index.byId.get(ctx.lastSpeaker.id) : undefined;
    // (never the outlet that reports the story: "according to The Canadian Press ... they promise")
    if (last && isSpeakingOrg(last) && ctx.paragraph - (ctx.lastSpeaker?.paragraph ?? 0) <= 3)
      return { id: last.localId };
    // "..., experts warned. They say ...": an unnamed group that was the last source.
    if (
      lower === 'they' &&
      ctx.lastGroupLabel &&
      ctx.paragraph - ctx.lastGroupLabel.paragraph <= 1 &&
      // (named in this or the last sentence: the group is still the one in focus)
      (!ctx.sentences ||
        (sentenceAt(ctx.sentences, offset)?.index ?? 0) -
          (sentenceAt(ctx.sentences, ctx.lastGroupLabel.mention.span.start)?.index ?? -9) <=
          1) &&
      (!ctx.lastSpeaker || ctx.lastGroupLabel.at > ctx.lastSpeaker.at)
    )
      return { label: ctx.lastGroupLabel.label, antecedent: ctx.lastGroupLabel.mention };
    // (a person known by a label is no "it": "Former guardsman Ada Lind said ... It added ...")
    if (
      ctx.lastLabel &&
      ctx.paragraph - ctx.lastLabel.paragraph <= 3 &&
      !isPersonLabel(ctx.lastLabel.label)
    ) {
      return { label: ctx.lastLabel.label, antecedent: ctx.lastLabel.mention };
    }
    const org = recentEntity(ctx, offset, isSpeakingOrg);
    return org ? { id: org.localId } : {};
  }
  return ctx.lastSpeaker ? { id: ctx.lastSpeaker.id } : {};
}

/**
 * A verb (or adverb + verb) right after a subject ("Tarn Water cancelled", "The Greens believe"): a
 * lower-case word that is no preposition, conjunction or determiner.
 */
const FINITE_AFTER =
  /^\s+(?!(?:of|and|or|but|in|on|at|to|for|with|from|by|as|the|a|an|who|which|that|whose|than|into|over|under|after|before|during)\b)\p{Ll}+\b/u;

/** A capitalised name (with "&", "of", "and" inside): "Velmont & Hale", "Bank of Elmford". */
const CAPITALISED_NAME =
  /\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:(?:&|of|and|for|the)\s+)*\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;

/**
 * The body (organisation or group) a neuter or plural pronoun refers to: in the sentence of the
 * pronoun (before it) or the two sentences before (within two paragraphs), the nearest subject that is
 * an organisation entity, a determiner phrase headed by an organisation or group noun ("the union",
 * "The city council's planning office"), or a capitalised name that is no gendered person followed
 * by a finite verb ("KRW declined", "The Greens believe"). "it" takes singular ones only.
 */
function bodyAntecedent(ctx: ResolveContext, offset: number, plural: boolean): ResolvedSpeaker | undefined {
  if (!ctx.sentences) return undefined;
  const current = sentenceAt(ctx.sentences, offset);
  if (!current) return undefined;
  const text = ctx.text;
  const outside = (at: number): boolean => !spanCovers(ctx.quoteSpans, at);
  // The next word is a verb, not the head noun of a longer phrase ("Elm Lake mayor", "Velmont maker").
  const verbAfter = (at: number): boolean => {
    const next = FINITE_AFTER.exec(text.slice(at, at + 40));
    return next !== null && !isGroupNoun(next[0].trim()) && !isPersonHead(next[0].trim());
  };
  /** `bare`: a capitalised name without an entity, to be expanded to its full name once chosen. */
  type Found = { at: number; found: ResolvedSpeaker; bare?: boolean };
  // The body's full name when the article gives one ("Velmont" -> "Velmont Foods Inc.").
  const named = (f: Found): ResolvedSpeaker =>
    f.bare ? (cachedOrganisationName(ctx, f.found.label!, f.at) ?? f.found) : f.found;
  const inSentence = (sentence: Sentence, end: number): Found[] => {
    const out: Found[] = [];
    for (const m of mentionsWithin(ctx.index, sentence.start, end)) {
      if (!outside(m.start) || !inSubjectPosition(text, m.start, m.end)) continue;
      if (!verbAfter(m.end)) continue;
      // (an outlet too when it is the subject that acts: "The Tampa Bay Times ran an editorial. It said")
      if (isSpeakingOrg(m.entity) || (!plural && m.entity.type === 'Organization'))
        out.push({ at: m.start, found: { id: m.entity.localId } });
      // (a bare surname several people share is one of a family, never a body: "The suit said Willis ...")
      else if (
        m.entity.type === 'Person' &&
        !m.entity.gender &&
        !ctx.learnedGender.has(m.entity.localId) &&
        !ctx.index.sharedSurnames.has(foldName(text.slice(m.start, m.end)))
      ) {
        const plain = !plural && !(m.entity.roles ?? []).length;
        if (plain) out.push({ at: m.start, found: { id: m.entity.localId } });
      }
    }
    const slice = text.slice(sentence.start, end);
    for (const d of slice.matchAll(/\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+/g)) {
      const length = headedPhraseLength(slice.slice(d.index + d[0].length));
      if (length === undefined) continue;
      const phraseText = slice.slice(d.index, d.index + d[0].length + length);
      const head = /[\p{Ll}-]+$/u.exec(phraseText)![0];
      const fits = plural
        ? GROUP_NOUNS.has(head) || ORG_NOUNS.has(head)
        : ORG_NOUNS.has(head) && !head.endsWith('s');
      const at = sentence.start + d.index;
      const endAt = at + phraseText.length;
      if (!fits || !outside(at) || !inSubjectPosition(text, at, endAt)) continue;
      if (!verbAfter(endAt)) continue;
      const phrase = { text: phraseText, span: { start: at, end: endAt } };
      const described = resolveDescription(phraseText, at, ctx, false);
      out.push({
        at,
        // (a label keeps this phrase as its mention: "The company faces ... It said" names "company")
        found: described.id
          ? described
          : described.label
            ? { ...described, antecedent: described.antecedent ?? phrase }
            : { label: phraseText, antecedent: phrase },
      });
    }
    for (const m of slice.matchAll(CAPITALISED_NAME)) {
      const at = sentence.start + m.index;
      const name = m[0].replace(/^(?:The|A|An)\s+/, '');
      const nameAt = at + m[0].length - name.length;
      const endAt = at + m[0].length;
      if (!name || mentionsWithin(ctx.index, at, endAt).length || !outside(at)) continue;
      if (NON_BODY_OPENER.test(name) || !inSubjectPosition(text, at, endAt)) continue;
      // "Australian building products group ...": a demonym before a noun is an adjective, no body;
      // so is a sentence's capitalised first word the article writes in lower case ("Strong sales").
      if (!/\s/.test(name) && (countryForModifier(name) || writtenInLowerCase(text, name.toLowerCase())))
        continue;
      // ... or a participle or adverb opening it ("Increased costs hit ...", "Rising prices ...").
      if (!/\s/.test(name) && at === sentence.start && /^\p{Lu}\p{Ll}{3,}(?:ed|ing|ly)$/u.test(name))
        continue;
      if (!verbAfter(endAt)) continue;
      // "they" wants a plural ("The Greens"), "it" a name that is not plural-looking.
      // "The Greens" or "Greens" is plural, "Velmont Foods" a company name.
      const pluralName = /[^s']s$/.test(name) && (name !== m[0] || !/\s/.test(name));
      if (plural !== pluralName) continue;
      out.push({
        at,
        found: { label: name, antecedent: { text: name, span: { start: nameAt, end: endAt } } },
        bare: true,
      });
    }
    return out.sort((a, b) => a.at - b.at);
  };
  const here = inSentence(current, offset).at(-1);
  if (here) return named(here);
  for (let k = 1; k <= 2; k++) {
    const previous = ctx.sentences[current.index - k];
    if (!previous || previous.paragraph < current.paragraph - 2) break;
    const there = inSentence(previous, previous.end);
    if (there.length) return named(there[0]!);
  }
  return undefined;
}

/** Capitalised sentence openers that are no name of a body. */
const NON_BODY_OPENER =
  /^(?:The|A|An|It|He|She|They|We|I|You|This|That|These|Those|There|Here|Neither|Either|None|Nobody|Everyone|Everybody|Someone|Somebody|Anyone|Nothing|But|And|So|Yet|Or|If|When|While|After|Before|As|In|On|At|For|From|With|By|Of|To|However|Meanwhile|Still|Now|Then|Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Some|Many|Most|All|Both|Other|Others|Several|Each|Every|No|Not|One|Two|Three|Four|Five|Mr|Mrs|Ms|Dr|Last|Next|Earlier|Later|Even|Also|Only|Just|Such|Another|Any|More|Few|First|Second|Third|Final|Recent|Further|Although|Though|Because|Since|Until|Unless|Despite|During|Under|Over|Through|Against|Among|Amid|Across|Without|Within|Like|Unlike|According|Following|Including|Instead|Indeed|Perhaps|Almost|Nearly|Around|About|What|Where|Which|Who|Why|How|Whether)\b/;

/**
 * The antecedent of a personal pronoun inside its own sentence (a subject before it) or in the
 * previous sentence (its subject, else the last person named there outside possessives and quotes).
 */
function localAntecedent(
  ctx: ResolveContext,
  offset: number,
  fits: (e: EntityRecord) => boolean,
  kind?: 'male' | 'female',
): { entity: EntityRecord; at: number } | undefined {
  if (!ctx.sentences) return undefined;
  const current = sentenceAt(ctx.sentences, offset);
  if (!current) return undefined;
  const candidates = (from: number, to: number): MentionIndex['mentions'] =>
    mentionsWithin(ctx.index, from, to).filter(
      (m) =>
        m.entity.type === 'Person' &&
        fits(m.entity) &&
        !spanCovers(ctx.allQuoteSpans, m.start) &&
        !/^['’](?:s\b|\s)/.test(ctx.text.slice(m.end, m.end + 2)) &&
        // "followed by an Alan Shearer strike": a name modifying a noun after "a"/"an" is nobody in focus
        !(
          /(?<![\p{L}\p{M}])(?:a|an)\s+$/iu.test(ctx.text.slice(Math.max(0, m.start - 4), m.start)) &&
          /^\s+\p{Ll}/u.test(ctx.text.slice(m.end, m.end + 3))
        ),
    );
  // ("If X doesn't win, he said ...": the subject of a clause opened by a subordinator is not the
  // main clause's; "some cheer when X calls ...; some cheer when he insists" is parallel and is)
  const pronounSubordinate = inSubordinateClause(ctx.text, current.start, offset);
  const here = candidates(current.start, offset).find(
    (m) =>
      inSubjectPosition(ctx.text, m.start, m.end) &&
      (pronounSubordinate || !inSubordinateClause(ctx.text, current.start, m.start)),
  );
  if (here) return { entity: here.entity, at: here.start };
  const previous = ctx.sentences[current.index - 1];
  if (!previous || previous.paragraph < current.paragraph - 1) return undefined;
  // The previous sentence's main-clause subject; the subject of a subordinate clause ("Although X
  // has said ..., the plan ...") is less salient than the last speaker and is not taken.
  const there = candidates(previous.start, previous.end).filter(
    (m) => !inSubordinateClause(ctx.text, previous.start, m.start),
  );
  // "The 31-year-old was third behind X and Y ... she said": a description of a person is the subject
  // of the previous sentence; the pronoun is the person it describes (in focus before it), not X or Y.
  // (resolved as the description itself is: "The prime minister" is the holder of that title)
  const opening = PERSON_DESCRIPTION_OPENING.exec(ctx.text.slice(previous.start, previous.start + 60));
  if (opening && (/\d-year-old$/.test(opening[2]!) || isPersonHead(opening[2]!.toLowerCase()))) {
    const id = resolveDescription(opening[1]!, previous.start + opening.index, ctx).id;
    const described = id ? ctx.index.byId.get(id) : undefined;
    // (the description is a mention of that person: it is where the person was last referred to)
    if (described?.type === 'Person' && fits(described))
      return { entity: described, at: previous.start + opening.index };
  }
  // "Asked whether he feared that X could win, Ban demurred.": after an opening adverbial clause the
  // main clause's subject is the last subject of the sentence, not the first.
  const subjects = there.filter((m) => inSubjectPosition(ctx.text, m.start, m.end));
  const subjectThere = ADVERBIAL_CLAUSE_OPENING.test(ctx.text.slice(previous.start, previous.start + 16))
    ? subjects.at(-1)
    : subjects[0];
  // "He sees Owen as the replacement for Shearer ... . "...," he told": a sentence whose subject is
  // "he" goes on about the person in focus; a name it holds as an object is not the antecedent.
  const openingPronoun = /^[\s"“]*(?:(?:But|And|Then|Now|So)\s+)?(He|She)\b/.exec(
    ctx.text.slice(previous.start, previous.start + 12),
  )?.[1];
  if (!subjectThere && openingPronoun && PRONOUNS[openingPronoun.toLowerCase()] === kind) return undefined;
  const best = subjectThere ?? there.at(-1);
  return best ? { entity: best.entity, at: best.start } : undefined;
}

/** A sentence opening with an adverbial clause or participle phrase before its main clause. */
const ADVERBIAL_CLAUSE_OPENING =
  /^[\s"“]*(?:Asked|Pressed|Questioned|Speaking|Responding|Told|When|After|Before|While|Although|Though|If|Despite|Given|Because|Unlike)\b/;

/** A definite description opening a sentence: "The 31-year-old was", "But the former minister said". */
const PERSON_DESCRIPTION_OPENING =
  /^(?:(?:But|And|Yet|Still|Now|Then)\s+)?((?:The|the|This|this)\s+(?:[\p{Ll}\d-]+\s+){0,3}?([\p{Ll}\d-]+))(?=\s+(?:was|is|has|had|will|would|finished|came|won|lost|said|says|told|added|\p{Ll}+ed)\b)/u;

/** Subordinators that open a clause which is not the main clause of its sentence. */
const SUBORDINATOR =
  /^(?:although|though|while|whereas|if|unless|because|since|when|whenever|until|once|even though)$/i;

/** Does `at` lie in a clause opened by a subordinator (the last clause start before it in the sentence)? */
function inSubordinateClause(text: string, sentenceStart: number, at: number): boolean {
  const before = text.slice(Math.max(sentenceStart, at - 200), at);
  let last: string | undefined;
  for (const m of before.matchAll(CLAUSE_START)) last = m[0];
  return last !== undefined && SUBORDINATOR.test(last.trim());
}

/** A wire-style dateline right before a position: "GREAT NECK, N.Y., June 1 - ", "LONDON, March 2 - ". */
const DATELINE_BEFORE =
  /(?:^|\n)\s*\p{Lu}[\p{Lu}.' -]{1,40},(?:\s+\p{Lu}[\p{L}.]{1,12},)?\s+\p{Lu}\p{Ll}+\.?\s+\d{1,2}\s+[-—–]\s+$/u;

/** Where a clause starts: punctuation, a sentence end, a conjunction or a subordinator. */
const CLAUSE_START =
  /(?:[,;:(—–"“”]|[.!?]['"’”]?\s|\n|\b(?:and|but|or|while|although|though|because|when|as|after|before|if|since|that|so|yet|whereas|until|once|then)\b)/gi;

/** Prepositions and adverbs that end like a person noun ("for", "after", "over"): no premodifiers. */
const FUNCTION_WORDS_LIKE_NOUNS = new Set(
  'for nor or per over after under never ever other another whether rather together either neither however whatever further than'.split(
    ' ',
  ),
);

/** A title or role noun of the lists (not one guessed from its ending): "minister for women". */
function isListedTitle(word: string): boolean {
  return ROLE_NOUNS.has(word) || TITLE_HEADS.has(word);
}

/**
 * A word that may stand in the run of title words before a name: capitalised, "of"/"the", a
 * premodifier, or "for" inside a title after its person noun ("deputy minister for women X").
 */
function isTitleRunWord(word: string, previous: string | undefined): boolean {
  return (
    /^\p{Lu}/u.test(word) ||
    /^(?:of|the)$/.test(word) ||
    (word === 'for' && previous !== undefined && isListedTitle(previous.toLowerCase())) ||
    isPremodifierWord(word)
  );
}

/** Lower-case words that can stand before a name inside a subject noun phrase ("the former envoy X"). */
export function isPremodifierWord(word: string): boolean {
  const w = word.toLowerCase();
  if (/^(?:the|a|an|his|her|their|its|our|former|late|then|new|longtime|long-time|\d+-year-old|\d+)$/.test(w))
    return true;
  // (a preposition or adverb that ends like a person noun, "for", "after", "over", is none)
  if (FUNCTION_WORDS_LIKE_NOUNS.has(w)) return false;
  return TITLE_MODIFIERS.has(w) || isPersonHead(w) || /(?:ic|al|ive|ian|ese|ish)$/.test(w);
}

/**
 * A mention in grammatical subject position: what stands between the start of its clause and the
 * mention is only a noun-phrase premodifier (capitalised title words, determiners, role nouns), it is
 * not a possessive, and it is not an object inside "as well as X" / "such as X" / "including X".
 */
export function inSubjectPosition(text: string, start: number, end: number): boolean {
  if (/^['’](?:s\b|\s)/.test(text.slice(end, end + 2))) return false;
  // "Tarn Rovers frontman Ada Lind said": a name before a role noun and another name modifies that name.
  // (the role lists only: word endings would take "sent" or "after" for a role)
  const modifier = /^\s+([\p{Ll}-]+)\s+\p{Lu}\p{Ll}/u.exec(text.slice(end, end + 40));
  if (
    modifier &&
    (ROLE_NOUNS.has(modifier[1]!) ||
      TITLE_HEADS.has(modifier[1]!) ||
      /^[\p{Ll}-]{3,}(?:man|woman)$/u.test(modifier[1]!))
  )
    return false;
  // "the former Trump University customer": a name inside a longer name modifies it.
  if (
    /^[ \u00a0]+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3)) &&
    !/^\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(text.slice(end, end + 12))
  )
    return false;
  const before = text.slice(Math.max(0, start - 160), start);
  let cut = 0;
  for (const m of before.matchAll(CLAUSE_START)) cut = m.index + m[0].length;
  // "GREAT NECK, N.Y., June 1 - Total Health Systems Inc said": a dateline opening the paragraph.
  const dateline = DATELINE_BEFORE.exec(before);
  if (dateline) cut = before.length;
  const tail = before.slice(cut);
  const lead = before.slice(0, cut);
  if (/(?<![\p{L}\p{M}])(?:as well as|such as|including|like|than)\s*$/iu.test(lead)) return false;
  // "talks with Ana Ruiz and Tomas Brandt, he said": the second of two names joined by "and" stands
  // where the first does (an object after "with" there, not a subject), unless a verb follows it
  // ("... leaders Elmford and Ruiz is confident").
  const conjunct = /((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s+(?:and|or)\s*$/u.exec(lead);
  if (conjunct && !/\S/.test(tail) && /^\s*(?:[,;:.)]|$)/.test(text.slice(end, end + 2))) {
    const at = start - before.length + conjunct.index;
    return inSubjectPosition(text, at, at + conjunct[1]!.length);
  }
  // "a move for England and Real Madrid striker X": "and" joins the objects of a preposition here.
  if (
    /\b(?:for|with|to|of|from|by|against|about|between|behind|beside)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*\s+(?:and|or)\s*$/u.test(
      lead,
    )
  )
    return false;
  const words = tail.split(/\s+/).filter(Boolean);
  if (words.length > 7) return false;
  // "Unlike X, he ...", "Like X, she ...": a contrast or comparison opening the clause sets X apart
  // from its subject.
  if (words.some((w) => CONTRASTIVE_PREPOSITION.test(w))) return false;
  return words.every((w, i) => isTitleRunWord(w.replace(/[,.]$/, ''), words[i - 1]));
}

/** Prepositions of contrast or comparison: the name after one is not the clause's subject. */
const CONTRASTIVE_PREPOSITION = /^(?:Unlike|Like|Except|Besides|Against|Than|Instead|Apart)$/i;

const possessive = (text: string, end: number): boolean => /^['’]s?\b/.test(text.slice(end, end + 2));

/** A mention right after "like"/"unlike"/"than": someone compared with, not the one in focus. */
function afterComparison(text: string, start: number): boolean {
  return /(?<![\p{L}\p{M}])(?:like|unlike|than)\s+$/iu.test(text.slice(Math.max(0, start - 8), start));
}

/** A mention in subject position: not a possessive, not after a preposition or inside a list object. */
function isSubjectLike(text: string, start: number, end: number): boolean {
  if (possessive(text, end)) return false;
  const before = text.slice(Math.max(0, start - 25), start);
  return !/\b(?:about|with|to|for|of|by|from|against|on|at|into|than|like|and|or|met|called|told|asked|thanked|blamed|criticized|criticised|praised|beat|defeated|replace|replaced)\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(
    before,
  );
}

/** Most recent mention (within `window` characters) before `offset` whose entity and position satisfy `ok`. */
function recentEntityWhere(
  ctx: ResolveContext,
  offset: number,
  ok: (e: EntityRecord, m: { start: number; end: number }) => boolean,
  window: number,
): EntityRecord | undefined {
  for (let i = lowerBound(ctx.index, offset) - 1; i >= 0; i--) {
    const m = ctx.index.mentions[i]!;
    if (m.start < offset - window) break;
    if (!insideQuote(ctx, m.start) && ok(m.entity, m)) return m.entity;
  }
  return undefined;
}

function lastMentionBefore(ctx: ResolveContext, entity: EntityRecord, offset: number): number | undefined {
  let at: number | undefined;
  for (const m of entity.mentions) if (m.start < offset && !insideQuote(ctx, m.start)) at = m.start;
  return at;
}

/** The last mention of `entity` before `offset` outside every statement, indirect ones too. */
function lastNarratedMentionBefore(
  ctx: ResolveContext,
  entity: EntityRecord,
  offset: number,
): number | undefined {
  let at: number | undefined;
  for (const m of entity.mentions)
    if (m.start < offset && !spanCovers(ctx.allQuoteSpans, m.start)) at = m.start;
  return at;
}

const roleWordCache = new WeakMap<EntityRecord, string[]>();

function roleWords(e: EntityRecord): string[] {
  let words = roleWordCache.get(e);
  if (!words) {
    words = (e.roles ?? []).flatMap((r) => r.title.toLowerCase().split(/[\s-]+/));
    roleWordCache.set(e, words);
  }
  return words;
}

/** Elected and appointed offices: their holder is not someone known to hold another one. */
const POLITICAL_OFFICES = new Set(
  'president minister premier chancellor mayor governor senator ambassador envoy commissioner'.split(' '),
);

/** Words that make a title another, lesser office ("deputy prime minister", "shadow chancellor"). */
const OFFICE_QUALIFIERS = new Set('deputy vice shadow assistant junior under associate'.split(' '));

/** Judicial offices: an article names their holder with the title, or leaves them unnamed ("the judge ruled"). */
const OFFICE_HEADS = new Set('judge justice magistrate prosecutor coroner narrator announcer'.split(' '));

/** Documents that "say" things for their author: "the statement said", "a tweet said". */
const DOCUMENT_NOUNS = new Set(
  'statement release tweet post letter notice memo email e-mail decision ruling filing advert advertisement leaflet brochure headline manifesto message remarks response reply verdict newsletter handbook guidance'.split(
    ' ',
  ),
);

/**
 * The author of a document named as the speaker: "a statement released by X" is X's, "the board
 * decision" the board's, and "the statement" otherwise the speaker of the quote just before (within two
 * paragraphs), who issued it; else the document stays a label.
 */
function documentAuthor(
  phrase: string,
  words: string[],
  offset: number,
  ctx: ResolveContext,
  indefinite: boolean,
): ResolvedSpeaker | undefined {
  const at = words.findIndex((w) => DOCUMENT_NOUNS.has(w.toLowerCase()));
  if (at < 0 || words.slice(0, at).some((w) => /^\p{Lu}/u.test(w))) return undefined;
  const by = /\b(?:by|from)\s+((?:the\s+)?\p{Lu}.*)$/u.exec(phrase);
  if (by) {
    const start = offset + by.index + by[0].length - by[1]!.length;
    const author = resolveSpeaker({ text: by[1]!, span: { start, end: start + by[1]!.length } }, ctx);
    if (author.id || author.label) return author;
  }
  const modifiers = words.slice(0, at);
  if (modifiers.some((w) => isGroupNoun(w))) {
    const body = `the ${modifiers.join(' ')}`;
    const author = resolveDescription(body, offset, ctx);
    if (author.id || author.label) return author;
  }
  if (indefinite && at > 0) return undefined;
  const speaker =
    ctx.lastSpeaker && ctx.paragraph - ctx.lastSpeaker.paragraph <= 2 ? ctx.lastSpeaker : undefined;
  const label = ctx.lastLabel && ctx.paragraph - ctx.lastLabel.paragraph <= 2 ? ctx.lastLabel : undefined;
  if (label && (!speaker || label.at > speaker.at)) return { label: label.label, antecedent: label.mention };
  if (speaker) return { id: speaker.id };
  return descriptionLabel(phrase, offset);
}

/** Nouns for a report or a publication that "says" what its authors or editors found. */
const REPORT_NOUNS = new Set(
  'report study survey poll research paper newspaper magazine journal review'.split(' '),
);

/** What a named author "says" through: "calculations by X", "an analysis by Dr X" (as well as reports). */
const AUTHORED_NOUNS = new Set([
  ...REPORT_NOUNS,
  ...'calculation analysis estimate projection forecast data figure count tally'.split(' '),
]);

/**
 * "study by analysts X", "reports in the X trade newspaper": a report noun, "by"/"from"/"in", up to two
 * lower-case words, then the author's name (and what kind of body it is).
 */
const REPORT_BY =
  /\b([\p{Ll}]+)\s+(?:by|from|in)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}?(\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,4})(?:\s+[\p{Ll}-]+){0,2}$/u;

/** Capitalised words naming a body (with "of", "for", "and", "&" inside). */
const BODY_NAME = String.raw`\p{Lu}[\p{L}&'’.-]*(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?\p{Lu}[\p{L}&'’.-]*){0,4}`;

/**
 * The body a bare "the report" / "the newspaper" stands for: the name on the last report, study,
 * survey or paper written out within the last paragraphs ("the Vantor report", "a study by analysts
 * Kelso Partners", "the Harbour Ledger trade newspaper"), else the last speaker when that was no person (a body or a
 * document itself: "..., the Beige Book said. The report added ...").
 */
function reportSource(ctx: ResolveContext, offset: number): ResolvedSpeaker | undefined {
  const from = Math.max(0, offset - 2500);
  const window = ctx.text.slice(from, offset);
  const nouns = [...REPORT_NOUNS].join('|');
  const re = new RegExp(
    // ("Oxfam's Paying the Price report": the possessor, before a title of up to four words)
    String.raw`(?!(?:The|A|An|Its|His|Her|Their|This|That|These|Those|Our)\s)(?:(${BODY_NAME})['’]s\s+(?:[\p{L}-]+\s+){0,4}?|(${BODY_NAME})\s+(?:[\p{Ll}-]+\s+){0,2}?)(?:${nouns})s?\b|\b(?:${nouns})s?\s+(?:by|from|for|in)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}?(${BODY_NAME})`,
    'gu',
  );
  let best: ResolvedSpeaker | undefined;
  for (const m of window.matchAll(re)) {
    // (a name ends at a sentence end: "... of PCs. The magazine")
    const name = (m[1] ?? m[2] ?? m[3])!;
    const at = from + m.index + m[0].indexOf(name);
    // (a name ends at a sentence end: "... of PCs. The magazine" is the article's own)
    if (/\.\s/.test(name) || NON_BODY_OPENER.test(name) || countryForModifier(name) || insideQuote(ctx, at))
      continue;
    const resolved = resolveSpeaker({ text: name, span: { start: at, end: at + name.length } }, ctx);
    // (a body, not a country or person: "a US music magazine" names no source)
    if (resolved.id ? ctx.index.byId.get(resolved.id)?.type === 'Organization' : resolved.label)
      best = resolved;
  }
  if (best) return best;
  const label = ctx.lastLabel && ctx.paragraph - ctx.lastLabel.paragraph <= 1 ? ctx.lastLabel : undefined;
  const speaker =
    ctx.lastSpeaker && ctx.paragraph - ctx.lastSpeaker.paragraph <= 1 ? ctx.lastSpeaker : undefined;
  if (
    label &&
    (!speaker || label.at > speaker.at) &&
    !isDescribedPerson(label.label) &&
    !NON_BODY_OPENER.test(label.label)
  )
    return { label: label.label, antecedent: label.mention };
  if (speaker && ctx.index.byId.get(speaker.id)?.type === 'Organization') return { id: speaker.id };
  return undefined;
}

/**
 * The person introduced as the subject of the sentence after the one at `offset` (same or next
 * paragraph): first mentioned there, in subject position, with no role that contradicts `roles`.
 */
function newcomerNamedNext(
  ctx: ResolveContext,
  offset: number,
  roles: readonly string[],
  onlyOne = false,
): EntityRecord | undefined {
  if (!ctx.sentences) return undefined;
  const current = sentenceAt(ctx.sentences, offset);
  const next = current ? ctx.sentences[current.index + 1] : undefined;
  if (!current || !next || next.paragraph > current.paragraph + 1) return undefined;
  // ... or the speaker of the quotation that is the next sentence ('"...," said Eleanore Catenaro.').
  const quotedBy = (m: { start: number }): boolean =>
    /^["“]/.test(ctx.text.slice(next.start, next.start + 1)) &&
    /[,?!]["”]\s+(?:said|says|added|adds|explained|explains|wrote|writes)\s+(?:[\p{Ll}-]+\s+){0,3}$/u.test(
      ctx.text.slice(Math.max(next.start, m.start - 50), m.start),
    );
  const first = mentionsWithin(ctx.index, next.start, next.end).find(
    (m) =>
      m.entity.type === 'Person' &&
      ((m.start < next.start + 80 && inSubjectPosition(ctx.text, m.start, m.end)) || quotedBy(m)),
  );
  if (!first || first.entity.mentions[0]!.start < next.start) return undefined;
  // (two people introduced together, "Minister X and Minister Y met", leave it open)
  if (
    onlyOne &&
    mentionsWithin(ctx.index, next.start, next.end).some(
      (m) =>
        m.entity !== first.entity &&
        m.entity.type === 'Person' &&
        m.entity.mentions[0]!.start >= next.start &&
        /^\s*,?\s*and\s+(?:[\p{L}.-]+\s+){0,3}$/u.test(ctx.text.slice(first.end, m.start)),
    )
  )
    return undefined;
  const words = roleWords(first.entity);
  if (words.length > 0 && !roles.some((r) => words.includes(r))) return undefined;
  // ... nor the title written before the name in that sentence ("deputy minister for women X" is no spokesman)
  const titleBefore = ctx.text
    .slice(next.start, first.start)
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter((w) => isListedTitle(w) && !HONORIFICS.has(w));
  if (titleBefore.length > 0 && !titleBefore.some((w) => roles.includes(w))) return undefined;
  return first.entity;
}

/** Nouns of kinship: "his son", "her husband" is a relative of the possessor. */
const KIN_NOUNS = new Set(
  'son daughter wife husband mother father brother sister uncle aunt nephew niece cousin grandson granddaughter grandmother grandfather widow widower fiance fiancé fiancee fiancée spouse stepson stepdaughter stepfather stepmother'.split(
    ' ',
  ),
);

/** Determiners of an indefinite noun phrase: it introduces someone not named before. */
const INDEFINITE = /^(?:a|an|another|one|some|several)\s/i;

/** A description as a label of its own, without the article and a trailing relative clause. */
function descriptionLabel(phrase: string, offset: number): ResolvedSpeaker {
  const relative = /\s+(?:who|whom|whose|which|that)\b/i.exec(phrase);
  const text = relative ? phrase.slice(0, relative.index) : phrase;
  return {
    label: text.replace(/^the\s+/i, ''),
    antecedent: { text, span: { start: offset, end: offset + text.length } },
  };
}

/**
 * The most recent capitalised name (within a few paragraphs before `offset`, outside quotes) that
 * contains the head noun capitalised: "the diocese" -> "Anglican Diocese of Elmford".
 */
function capitalisedNameWithHead(
  ctx: ResolveContext,
  head: string,
  offset: number,
): SpeakerPhrase | undefined {
  if (head.length < 3) return undefined;
  const from = Math.max(0, offset - 3000);
  const window = ctx.text.slice(from, offset);
  const headWord = head.charAt(0).toUpperCase() + head.slice(1);
  if (!window.includes(headWord)) return undefined;
  const word = String.raw`\p{Lu}[\p{L}'’.&-]*`;
  const re = new RegExp(
    String.raw`(?:${word}\s+(?:(?:of|for|and|on|the|&)\s+)*)*${headWord}(?:\s+(?:of|for|on)\s+(?:the\s+)?${word}(?:\s+${word})*)?`,
    'gu',
  );
  let best: SpeakerPhrase | undefined;
  for (const m of window.matchAll(re)) {
    const start = from + m.index;
    // The word itself at a sentence start ("Union members ...") is no name; one-word names are not either.
    if (!/\s/.test(m[0]) || spanCovers(ctx.quoteSpans, start)) continue;
    best = { text: m[0], span: { start, end: start + m[0].length } };
  }
  return best;
}

/**
 * Where the paragraph in focus at `offset` starts: its own paragraph, or the one before when its own
 * names nobody (outside quotes) before `offset`.
 */
function focusStart(ctx: ResolveContext, offset: number): number {
  // Never further back than the window a description looks in: the walks stay bounded on a long paragraph.
  const floor = Math.max(0, offset - FOCUS_WINDOW);
  const sentences = ctx.sentences;
  const current = sentences ? sentenceAt(sentences, offset) : undefined;
  if (!sentences || !current) return floor;
  const paragraphStart = (paragraph: number, from: number): number => {
    let i = from;
    while (i > 0 && sentences[i - 1]!.paragraph >= paragraph && sentences[i - 1]!.end > floor) i--;
    return i;
  };
  const own = paragraphStart(current.paragraph, current.index);
  const ownStart = Math.max(floor, sentences[own]!.start);
  let named = false;
  for (let i = lowerBound(ctx.index, offset) - 1; i >= 0 && !named; i--) {
    const m = ctx.index.mentions[i]!;
    if (m.start < ownStart) break;
    named = m.entity.type === 'Person' && !insideQuote(ctx, m.start);
  }
  if (named || own === 0 || ownStart === floor) return ownStart;
  return Math.max(floor, sentences[paragraphStart(sentences[own - 1]!.paragraph, own - 1)]!.start);
}

/** How far back (characters) the person in focus of a description is looked for. */
const FOCUS_WINDOW = 2500;

/**
 * Is `e` a person the article ties to `country` by nationality or by the country of a role? Those are
 * Country local ids after the orchestrator links them, names before.
 */
function isPersonOf(ctx: ResolveContext, e: EntityRecord, country: string): boolean {
  const countryName = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : (ctx.index.byId.get(value)?.name ?? value);
  return (
    e.type === 'Person' &&
    (countryName(e.nationality) === country ||
      (e.roles ?? []).some((r) => countryName(r.country) === country))
  );
}

/** Institutions of distinct kinds: "the hospital" is never the "Ontario Superior Court" named before. */
const INSTITUTION_KINDS = new Set([
  'hospital',
  'court',
  'school',
  'university',
  'college',
  'church',
  'prison',
  'airline',
  'bank',
]);

/** Does the name end in an institution of another kind than `head`? */
function headedByOtherKind(name: string, head: string): boolean {
  const last = name.split(/\s+/).at(-1)!.toLowerCase();
  return INSTITUTION_KINDS.has(head) && INSTITUTION_KINDS.has(last) && last !== head;
}

/** Does the article give the person a nationality or a country for a role? */
function hasStatedCountry(e: EntityRecord): boolean {
  return e.nationality !== undefined || (e.roles ?? []).some((r) => r.country !== undefined);
}

/**
 * "his foreign minister, X, ... the Turkish diplomat added": a holder of the role whose country the
 * text does not state (the country of "his" is not read), named since anyone of that country and
 * not as the object of a preposition ("has written to Mr X").
 */
function roleHolderOfUnstatedCountry(
  ctx: ResolveContext,
  offset: number,
  roleFits: (e: EntityRecord) => boolean,
  countryFits: (e: EntityRecord) => boolean,
): EntityRecord | undefined {
  const holder = recentEntity(ctx, offset, (e) => roleFits(e) && !hasStatedCountry(e));
  if (!holder) return undefined;
  const at = lastMentionBefore(ctx, holder, offset) ?? -1;
  const national = recentEntity(ctx, offset, countryFits);
  if (national && (lastMentionBefore(ctx, national, offset) ?? -1) > at) return undefined;
  const before = ctx.text.slice(Math.max(0, at - 24), at);
  return /(?<![\p{L}\p{M}])(?:to|with|for|by|from|of|on|against|about|than)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$/iu.test(
    before,
  )
    ? undefined
    : holder;
}

/** Parts of an organisation: a capitalised word before one names the parent ("the Velmont unit"). */
const PART_NOUNS = new Set(['subsidiary', 'unit', 'division', 'arm', 'affiliate']);

/** Resolve "the minister", "the Turkish diplomat", "the company" to an entity of the article. */
function resolveDescription(
  phrase: string,
  offset: number,
  ctx: ResolveContext,
  local = true,
): ResolvedSpeaker {
  const indefinite = INDEFINITE.test(phrase) && !/^one\s+of\b/i.test(phrase);
  // "his office", "their union": the body of a person, not an organisation named before.
  const possessed = /^(?:his|her|their)\s/i.test(phrase);
  const words = phrase
    .replace(/^(?:the|a|an|his|her|its|their|our|this|that|another|one|some|several)\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  // The head noun is the last word before an "of"/"for"/"with" complement or a relative clause.
  // ... but not an "of" inside a capitalised name ("A Superior Court of Tarland judge").
  const capitalised = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);
  const ofAt = words.findIndex(
    (w, i) =>
      /^(?:of|for|with|at|from|who|whom|whose|which|that|on|in)$/i.test(w) &&
      !(
        capitalised(words[i - 1]) &&
        capitalised(words[i + 1]) &&
        i + 2 < words.length &&
        !capitalised(words.at(-1))
      ),
  );
  // ... and "familiar with" follows the head ("an official familiar with the talks").
  const core = ofAt > 0 ? words.slice(0, ofAt - (/^familiar$/i.test(words[ofAt - 1]!) ? 1 : 0)) : words;
  // "sergeant-at-arms", "mother-in-law": the head of a hyphenated compound is its first word.
  const head = (core.at(-1)?.toLowerCase() ?? '').replace(/-(?:at|in|of|for)-.*$/, '');
  const document = documentAuthor(phrase, words, offset, ctx, indefinite);
  if (document) return document;
  // "A study by analysts Vantor Research", "a survey from research firm X": the report's author.
  const reportBy = REPORT_BY.exec(phrase);
  // (not a demonym or country before the author's kind: "a report from U.S. intelligence agencies")
  if (
    reportBy &&
    REPORT_NOUNS.has(reportBy[1]!.toLowerCase().replace(/s$/, '')) &&
    !countryForModifier(reportBy[2]!)
  ) {
    const start = offset + reportBy.index + reportBy[0].indexOf(reportBy[2]!, reportBy[1]!.length);
    const author = resolveSpeaker(
      { text: reportBy[2]!, span: { start, end: start + reportBy[2]!.length } },
      ctx,
    );
    if (author.id || author.label) return author;
  }
  // "The Vantor report suggests ... . ..., said the report": the body a report or paper was named by.
  if (!indefinite && !possessed && core.length === 1 && REPORT_NOUNS.has(head)) {
    const source = reportSource(ctx, offset);
    if (source) return source;
  }
  if (indefinite) {
    // "A district judge ruled ... . Justice Ana Ruiz ordered ...": the indefinite description
    // introduces the person the next sentence names for the first time.
    const named =
      ROLE_NOUNS.has(head) || TITLE_HEADS.has(head)
        ? newcomerNamedNext(ctx, offset, ROLE_SYNONYMS[head] ?? [head])
        : undefined;
    return named ? { id: named.localId } : descriptionLabel(phrase, offset);
  }
  let country: string | undefined;
  for (const w of core.slice(0, -1)) country ??= countryForModifier(w);
  const synonyms = ROLE_SYNONYMS[head] ?? [head];
  const titleModifiers = core
    .slice(0, -1)
    .map((w) => w.toLowerCase())
    .filter((w) => /^\p{Ll}+$/u.test(w) && countryForModifier(w) === undefined && !/^\d/.test(w));
  // "the prime minister" is not the deputy prime minister, "the chancellor" not the shadow one: a
  // qualifier of the office that the description leaves out makes it another office.
  const roleFits = (e: EntityRecord): boolean =>
    e.type === 'Person' &&
    synonyms.some((s) => roleWords(e).includes(s)) &&
    !roleWords(e).some((w) => OFFICE_QUALIFIERS.has(w) && !titleModifiers.includes(w));
  const countryFits = (e: EntityRecord): boolean => country !== undefined && isPersonOf(ctx, e, country);
  const person = possessed
    ? undefined
    : country
      ? (recentEntity(ctx, offset, (e) => countryFits(e) && roleFits(e)) ??
        roleHolderOfUnstatedCountry(ctx, offset, roleFits, countryFits) ??
        recentEntity(ctx, offset, countryFits))
      : // "the foreign minister": the holder of a title with those words before the prime minister named since.
        (recentEntity(
          ctx,
          offset,
          (e) => roleFits(e) && titleModifiers.every((w) => roleWords(e).includes(w)),
        ) ?? recentEntity(ctx, offset, roleFits));
  if (person) return { id: person.localId };
  if (GROUP_NOUNS.has(head) || ORG_NOUNS.has(head) || PART_NOUNS.has(head) || head.endsWith('s')) {
    if (possessed) return descriptionLabel(phrase, offset);
    // Modifiers that restrict the body ("the French government", "the nurses union") must
    // agree with the organisation's name: a demonym, a capitalised word or a plural noun.
    // ... except for a part of a body, whose modifier names the parent ("the Delta subsidiary said"):
    // the part is the organisation in focus, whatever its name.
    const partOf = PART_NOUNS.has(head);
    const ownSentence = ctx.sentences ? sentenceAt(ctx.sentences, offset) : undefined;
    const ownStart = ownSentence?.start ?? offset;
    const partWindowStart = ownSentence
      ? (ctx.sentences![ownSentence.index - 1]?.start ?? ownSentence.start)
      : offset - 300;
    const modifiers = partOf
      ? []
      : core
          .slice(0, -1)
          .filter((w) => /^\p{Lu}/u.test(w) || countryForModifier(w) !== undefined || /[^s]s$/.test(w));
    const compatible = (name: string): boolean => {
      const folded = foldName(name);
      return modifiers.every((w) => {
        const c = countryForModifier(w);
        if (c && folded.includes(foldName(c))) return true;
        return folded.includes(foldName(w).replace(/(?:ian|ese|ish|an|s)$/, ''));
      });
    };
    // An organisation whose name contains the head noun, else the most recent organisation.
    // A body named earlier in the description's own sentence as the object of a preposition is not
    // it ("In a filing with the Securities and Exchange Commission, the group said").
    // (only inside an opening adverbial set off by a comma: "after the firm warned" in "Shares in X
    // tumbled after the firm warned" is X)
    const opensWithAdverbial =
      /^(?:In|With|At|During|After|Before|Under|Through|Following|Despite|Amid)\b/.test(
        ctx.text.slice(ownStart, ownStart + 12),
      );
    const notObjectHere = (m: { start: number }): boolean =>
      m.start < ownStart ||
      !opensWithAdverbial ||
      !ctx.text.slice(m.start, offset).includes(',') ||
      !/(?<![\p{L}\p{M}])(?:with|to|from|by|of|for|in|at|on|against|about|before)\s+(?:the\s+)?$/iu.test(
        ctx.text.slice(Math.max(0, m.start - 30), m.start),
      );
    const named = recentEntity(
      ctx,
      offset,
      (e, m) =>
        notObjectHere(m) &&
        e.type === 'Organization' &&
        (partOf
          ? // a body named in this or the last sentence, not the parent named in the phrase
            !e.mentions.some((x) => x.start >= offset && x.start < offset + phrase.length) &&
            e.mentions.some((x) => x.start >= partWindowStart && x.start < offset)
          : foldName(e.name).includes(head)) &&
        compatible(e.name),
    );
    const namedAt = named ? (lastMentionBefore(ctx, named, offset) ?? -1) : -1;
    const written = ORG_NOUNS.has(head) ? capitalisedNameWithHead(ctx, head, offset) : undefined;
    if (written && written.span.start > namedAt && compatible(written.text))
      return { label: written.text, antecedent: written };
    if (named) return { id: named.localId };
    if (modifiers.length > 0 || partOf) return descriptionLabel(phrase, offset);
    if (ORG_NOUNS.has(head)) {
      // "Velmont received a payment. The company noted ...": a body that is the subject nearby.
      const near = local && !head.endsWith('s') ? bodyAntecedent(ctx, offset, false) : undefined;
      const nearName = near?.id ? ctx.index.byId.get(near.id)?.name : near?.label;
      if (near && !(nearName && headedByOtherKind(nearName, head))) return near;
      if (
        ctx.lastLabel &&
        ctx.paragraph - ctx.lastLabel.paragraph <= 6 &&
        !isDescribedPerson(ctx.lastLabel.label)
      ) {
        return { label: ctx.lastLabel.label, antecedent: ctx.lastLabel.mention };
      }
      const org = recentEntity(
        ctx,
        offset,
        (e, m) => isSpeakingOrg(e) && notObjectHere(m) && !headedByOtherKind(e.name, head),
      );
      if (org) return { id: org.localId };
    }
    return { label: phrase.replace(/^(?:the)\s+/i, '') };
  }
  // "his son said ... . Eric X, son of the front-runner, ...": a relative is the person the article
  // gives that kinship (before, "his wife, Ana X", or right after), never the possessor; else unnamed.
  if (possessed && KIN_NOUNS.has(head)) {
    const kin =
      recentEntity(ctx, offset, (e) => e.type === 'Person' && roleWords(e).includes(head)) ??
      newcomerNamedNext(ctx, offset, [head], true);
    if (kin) return { id: kin.localId };
    // ("Nogar's son Stephen said ... . "...," his son said": the relative quoted just before)
    for (const last of [ctx.lastPersonLabel, ctx.lastLabel])
      if (last && ctx.paragraph - last.paragraph <= 2 && new RegExp(`\\b${head}\\b`, 'i').test(last.label))
        return { label: last.label, antecedent: last.mention };
    return descriptionLabel(phrase, offset);
  }
  // A judicial office named by its title ("the judge", "the coroner") that nobody in the article holds is
  // someone unnamed, not whoever was last in focus.
  if (!possessed && OFFICE_HEADS.has(head) && !/\d+-year-old\b/.test(phrase))
    return descriptionLabel(phrase, offset);
  // "according to the Hollywood Reporter": a capitalised name ending in a person noun that is no
  // title is a body's name, not a description of someone.
  if (/^\p{Lu}/u.test(core.at(-1) ?? '') && core.length > 1 && ROLE_NOUNS.has(head) && !TITLE_HEADS.has(head))
    return descriptionLabel(phrase, offset);
  // A person described by an unlisted role ("the 32-year-old labourer"): the person in focus.
  if (!possessed && (/\d+-year-old\b/.test(phrase) || isPersonHead(head))) {
    // "The watchdog's chairman has said ... . In a speech, William Donaldson promised": a description
    // before anyone is named stands for the person the next sentence introduces.
    const anyoneBefore = ctx.index.mentions.some(
      (m) => m.start < offset && m.entity.type === 'Person' && !spanCovers(ctx.allQuoteSpans, m.start),
    );
    const introduced = anyoneBefore
      ? undefined
      : newcomerNamedNext(ctx, offset, ROLE_SYNONYMS[head] ?? [head], true);
    if (introduced) return { id: introduced.localId };
    // An office ("the mayor", "the prime minister") is nobody known to hold another office. (A bare
    // "the minister" may be any minister, a secretary of state or a clergyman.)
    const office = POLITICAL_OFFICES.has(head) && (head !== 'minister' || titleModifiers.length > 0);
    const person = personInFocus(
      ctx,
      offset,
      office
        ? (e) =>
            roleWords(e).length === 0 ||
            (roleFits(e) && titleModifiers.every((w) => roleWords(e).includes(w)))
        : undefined,
    );
    if (person) return { id: person.localId };
    // Nobody it could denote: the description stands for someone unnamed, and a later "he said" goes on with it.
    if (!/\d+-year-old\b/.test(phrase)) return descriptionLabel(phrase, offset);
  }
  return {};
}

/**
 * The person a description of someone not named in it stands for ("the 32-year-old labourer"): a
 * subject of the paragraph, else anyone it names who is not merely a possessor or compared with ("I'm
 * talking about X, who like Y ..."), else a subject further back.
 */
function personInFocus(
  ctx: ResolveContext,
  offset: number,
  accept: (e: EntityRecord) => boolean = () => true,
): EntityRecord | undefined {
  // Someone named inside another's statement is not in focus ("X said the team would back Y").
  const focus = offset - focusStart(ctx, offset);
  // Nor is another person of the description's own sentence ("In a speech about X, the leader said").
  const ownSentence = ctx.sentences ? sentenceAt(ctx.sentences, offset) : undefined;
  const narrated = (m: Span): boolean =>
    !spanCovers(ctx.allQuoteSpans, m.start) &&
    !spanCovers(ctx.index.captions, m.start) &&
    !(ownSentence !== undefined && m.start >= ownSentence.start);
  return (
    recentEntityWhere(
      ctx,
      offset,
      (e, m) => e.type === 'Person' && accept(e) && narrated(m) && isSubjectLike(ctx.text, m.start, m.end),
      focus,
    ) ??
    recentEntityWhere(
      ctx,
      offset,
      (e, m) =>
        e.type === 'Person' &&
        accept(e) &&
        narrated(m) &&
        !afterComparison(ctx.text, m.start) &&
        !possessive(ctx.text, m.end),
      focus,
    ) ??
    recentEntityWhere(
      ctx,
      offset,
      (e, m) => e.type === 'Person' && accept(e) && narrated(m) && isSubjectLike(ctx.text, m.start, m.end),
      FOCUS_WINDOW,
    ) ??
    recentEntity(
      ctx,
      offset,
      (e, m) => e.type === 'Person' && accept(e) && !spanCovers(ctx.index.captions, m.start),
    ) ??
    recentEntity(ctx, offset, (e) => e.type === 'Person' && accept(e))
  );
}

const ORG_SUFFIX =
  /\s(?:Inc|Co|Corp|Corporation|Ltd|LLC|Group|Energy|Electronics|Motors|Bank|Airlines|Holdings|Technologies|Systems|Industries|Company|Foundation|Association|Institute|Agency|Authority|Board|Council|Commission|Department|Ministry|Services?)\.?$/;

/**
 * The full name of an organisation the article names by acronym or short form: "IRCC" next to
 * "Immigration, Refugees and Citizenship Canada (IRCC)", "Samsung" for "Samsung Electronics Co.".
 */
function fullOrganisationName(document: string, label: string, at: number): ResolvedSpeaker | undefined {
  // The full name is introduced near its short form: search a window, not the whole document.
  const offset = Math.max(0, at - RECENCY_WINDOW);
  const text = document.slice(offset, at + 2000);
  const found = (name: string, index: number): ResolvedSpeaker => ({
    label: name,
    antecedent: { text: name, span: { start: offset + index, end: offset + index + name.length } },
  });
  if (/^[A-Z]{2,6}$/.test(label)) {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const paren = new RegExp(
      `((?:\\p{Lu}[\\p{L}'’.&-]*,?\\s+(?:(?:of|and|for|on|the|de|&)\\s+)*){1,7}\\p{Lu}[\\p{L}'’.&-]*)\\s*\\(${escaped}\\)`,
      'u',
    ).exec(text);
    if (paren) return found(paren[1]!, paren.index);
    for (const m of text.matchAll(
      /\p{Lu}[\p{L}'’&-]*(?:,?\s+(?:(?:of|and|for|on|the|&)\s+)*\p{Lu}[\p{L}'’&-]*){1,7}/gu,
    )) {
      const initials = m[0]
        .split(/[\s,]+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w.charAt(0))
        .join('');
      if (initials === label) return found(m[0], m.index);
    }
    return undefined;
  }
  if (/^\p{Lu}[\p{L}&'’-]+$/u.test(label)) {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const longer = new RegExp(`\\b${escaped}(?:\\s+\\p{Lu}[\\p{L}&'’-]*\\.?){1,3}`, 'gu');
    for (const m of text.matchAll(longer)) {
      if (ORG_SUFFIX.test(m[0])) return found(m[0], m.index);
    }
  }
  return undefined;
}

/** A speaker phrase is a pronoun, a name, a determiner phrase or a bare group noun, and short. */
export function plausibleSpeaker(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  if (words.length > 8) return false;
  if (/^(?:he|she|they|it|we|i|you)$/i.test(phrase)) return true;
  if (/^(?:if|about|when|while|because|although|after|before|as|so|then|of|for|to|in|on|at)\b/i.test(phrase))
    return false;
  if (/['’]s?$/.test(phrase)) return false;
  // An adverb alone ("directly", "reportedly") names nobody.
  if (/^\p{Ll}+ly$/u.test(phrase)) return false;
  // "No-one, however, seems to have told ...": a verb and an infinitive marker name nobody.
  if (/\bto$/i.test(phrase)) return false;
  if (/^\p{Lu}/u.test(phrase)) return true;
  if (
    /^(?:the|a|an|his|her|its|their|our|this|that|these|those|one|some|many|several|two|three|most|other|another)\s/i.test(
      phrase,
    )
  )
    return true;
  if (words.length <= 3 && /s$/.test(words.at(-1)!) && !/ness$/.test(words.at(-1)!)) return true;
  // "lawyers for the ministry", "officials at the port": a bare plural head with its complement.
  return (
    /^(?:[\p{Ll}-]+\s+)?[\p{Ll}-]{3,}[^s\W]s\s+(?:for|of|from|at|with|in|familiar\s+with)\s+\S/u.test(
      phrase,
    ) && words.length <= 7
  );
}

/** Full organisation names looked up once per label and article. */
function cachedOrganisationName(ctx: ResolveContext, label: string, at: number): ResolvedSpeaker | undefined {
  if (!ctx.orgNames.has(label)) ctx.orgNames.set(label, fullOrganisationName(ctx.text, label, at));
  return ctx.orgNames.get(label);
}

/** Resolve a speaker phrase (a name, pronoun, description or group) found next to a cue. */
/** A phrase headed by the people around someone: "X aides", "the X campaign", "advisers to X". */
const ASSOCIATES_HEAD =
  /(?:^|\s)(?<!\bof\s)(?:aides|aide|advisers|advisors|adviser|advisor|campaign|camp|fans|supporters|backers|allies|ally|staff|staffers|loyalists|surrogates|associates|friends|relatives|lawyers|attorneys|spokespeople|confidants?|insiders?|operatives?|strategists?|donors?|(?:campaign|transition)\s+(?:sources?|officials?|spokes(?:man|woman|person)))(?:$|\s+(?:to|of|for|close\s+to)\s)/i;

export function resolveSpeaker(phrase: SpeakerPhrase, ctx: ResolveContext): ResolvedSpeaker {
  const text = phrase.text.trim();
  const lower = text.toLowerCase();
  // "the IRCC", "the Kremlin": a determiner before a proper name.
  const determined = /^the\s+(?=\p{Lu})/u.exec(text);
  // "the Ohio Republican", "the Premier": a capitalised person noun heads a description.
  const lastWord = text.split(/\s+/).at(-1)!.toLowerCase();
  const personNoun = PARTY_MEMBER.test(lastWord) || TITLE_HEADS.has(lastWord) || ROLE_NOUNS.has(lastWord);
  if (determined && personNoun) {
    const described = resolveDescription(text, phrase.span.start, ctx);
    if (described.id) return described;
  }
  // "said the American", "the Swede": a person the article gives that nationality.
  const demonym =
    /^the\s+(\p{Lu}\p{Ll}+)$/u.exec(text) ??
    (/^the\s+$/i.test(ctx.text.slice(Math.max(0, phrase.span.start - 4), phrase.span.start))
      ? /^(\p{Lu}\p{Ll}+)$/u.exec(text)
      : null);
  const demonymCountry = demonym ? countryForModifier(demonym[1]!) : undefined;
  if (demonym && demonymCountry) {
    const national = recentEntity(ctx, phrase.span.start, (e) => isPersonOf(ctx, e, demonymCountry));
    // (the person in focus was tried too: on BBC sport copy it was of another nationality as often as not)
    if (national) return { id: national.localId };
  }
  // Words that open a clause or a participle phrase are no speaker ("Asked about it, ...", "Some ...").
  if (/^(?:Asked|Some|One|Many|Most|Others|Both|All|Several|Few|Another|Each|Either|Neither)$/.test(text))
    return {};
  // Nor is a day or a month ("Wednesday at the debate, X said ...").
  if (/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today|Tonight)$/i.test(text))
    return {};
  // "People familiar with her thinking say", "Officials close to the deal said": a group noun
  // capitalised only because it opens the sentence is a description, not a body's name.
  const openingNoun = /^(\p{Lu}\p{Ll}+)(?=\s+\p{Ll})/u.exec(text);
  // (a capitalised word after it makes a name: "Department of Justice", "Ministry of Defence lawyers")
  if (
    openingNoun &&
    (GROUP_NOUNS.has(openingNoun[1]!.toLowerCase()) || openingNoun[1] === 'People') &&
    !/\s\p{Lu}/u.test(text)
  ) {
    const lowered = openingNoun[1]!.toLowerCase() + text.slice(openingNoun[1]!.length);
    const resolved = resolveSpeaker({ text: lowered, span: phrase.span }, ctx);
    // (the mention keeps the article's own spelling)
    if (resolved.antecedent?.text === lowered) return { ...resolved, antecedent: phrase };
    return resolved;
  }
  if (determined && !/\s\p{Ll}/u.test(text.slice(determined[0].length))) {
    const start = phrase.span.start + determined[0].length;
    return resolveSpeaker(
      { text: text.slice(determined[0].length), span: { start, end: phrase.span.end } },
      ctx,
    );
  }
  if (PRONOUNS[lower] !== undefined) return resolvePronoun(lower, phrase.span.start, ctx);
  // "A Superior Court of Tarland judge": an indefinite person description, whoever holds the organisation's name.
  // A spokesperson or official speaks for the organisation, which stays the speaker.
  if (
    INDEFINITE.test(text) &&
    /\s\p{Ll}[\p{Ll}-]*$/u.test(text) &&
    !/\s(?:spokes\w*|officials?|representatives?|sources?)$/.test(text)
  ) {
    const described = resolveDescription(text, phrase.span.start, ctx);
    if (described.id) return described;
  }
  // "the Velmont Group subsidiary": the organisation named inside is the parent, not the speaker.
  if (/^(?:the|a|an|its|their)\s/i.test(text) && PART_NOUNS.has(lastWord)) {
    const part = resolveDescription(text, phrase.span.start, ctx);
    if (part.id || part.label) return part;
  }
  // A known entity mentioned inside the phrase: the last one not followed by "'s" (the head).
  const inside = mentionsWithin(ctx.index, phrase.span.start, phrase.span.end + 1);
  // The head is the first person named (not inside a "for/of X" complement), else the last entity.
  // A name after a preposition or inside a relative clause ("the person who spoke to X") is not the head.
  const complement = (m: { start: number }): boolean => {
    const before = text.slice(0, m.start - phrase.span.start).trim();
    return (
      /(?<![\p{L}\p{M}])(?:for|of|at|with|from|to|by|about)$/iu.test(before) ||
      /\b(?:who|whom|whose|which|that)\b/i.test(before)
    );
  };
  // "X's" and the bare apostrophe of a plural possessive ("the member states' panel").
  const notPossessive = (m: { start: number; end: number }): boolean =>
    !/^['’]s\b/.test(ctx.text.slice(m.end, m.end + 3)) &&
    !(/s$/.test(ctx.text.slice(m.start, m.end)) && /^['’]\s/.test(ctx.text.slice(m.end, m.end + 2)));
  // "Varnes aides", "the Varnes campaign", "advisers to Ms. Varnes": the people around a person, who
  // are not that person.
  const associates = ASSOCIATES_HEAD.exec(text);
  if (associates && inside.some((m) => m.entity.type === 'Person')) {
    const label = text.replace(/^(?:the|a|an)\s+/i, '');
    return { label, antecedent: phrase };
  }
  // "calculations by X of the Y Institute": a person named as a report's author, not the body after.
  const authored = /^(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}+)\s+(?:by|from)\s+/u.exec(text);
  if (authored && AUTHORED_NOUNS.has(authored[1]!.replace(/s$/, ''))) {
    const author = inside.find(
      (m) =>
        m.entity.type === 'Person' &&
        notPossessive(m) &&
        /^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$/.test(
          ctx.text.slice(phrase.span.start + authored[0].length, m.start),
        ),
    );
    if (author) return { id: author.entity.localId };
  }
  const headMention =
    inside.find((m) => m.entity.type === 'Person' && notPossessive(m) && !complement(m)) ??
    [...inside].reverse().find(notPossessive);
  if (headMention && /^\p{Lu}/u.test(text.slice(headMention.start - phrase.span.start))) {
    // "a spokesperson for X" names the organisation only through a complement: keep the description.
    if (!complement(headMention)) return { id: headMention.entity.localId };
  }
  if (
    /^(?:the|a|an|his|her|its|their|our|this|that|another|one|some|several)\s/i.test(text) ||
    /^[a-z]/.test(text)
  ) {
    const described = resolveDescription(text, phrase.span.start, ctx);
    if (described.id || described.label) return described;
    if (headMention && !complement(headMention)) return { id: headMention.entity.localId };
    return {};
  }
  // "Canada's chief public health officer", "Velmont's chief executive": a possessive name before a
  // lower-case person noun is a description of a person, like "the chief public health officer".
  const possessor = /^\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3}['’]s\s+(?=\p{Ll})/u.exec(text);
  if (possessor && isPersonHead(lastWord.replace(/[^\p{L}-]/gu, ''))) {
    const described = resolveDescription(`the ${text}`, phrase.span.start, ctx);
    if (described.id) return described;
  }
  // "CLINTON: I feel ...": a transcript's label in capitals is the person of that name, else a name
  // of its own, written as a name.
  const capitalsLabel =
    ctx.text.charAt(phrase.span.end) === ':'
      ? /^(?:(\p{Lu}{2,5})\.\s)?(\p{Lu}[\p{Lu}'’-]+)$/u.exec(text)
      : null;
  if (capitalsLabel) {
    const key = foldName(capitalsLabel[2]!);
    const person = recentEntity(
      ctx,
      phrase.span.start,
      (e) => e.type === 'Person' && e.name.split(/\s+/).some((w) => foldName(w) === key),
    );
    if (person) return { id: person.localId };
    const label = capitalsLabel[2]!.charAt(0) + capitalsLabel[2]!.slice(1).toLowerCase();
    return { label, antecedent: phrase };
  }
  // An unlisted name: "X of Y" / "X with Y" is X speaking for Y.
  if (/^\p{Lu}/u.test(text)) {
    const label = text
      .replace(/\s+(?:of|with|from|at)\s+.*$/, '')
      .replace(/['’]s$/, '')
      .replace(/^\p{Lu}[\p{L}.]*-based\s+/u, '');
    const at = phrase.span.start + Math.max(0, text.indexOf(label));
    return (
      cachedOrganisationName(ctx, label, phrase.span.start) ?? {
        label,
        antecedent: { text: label, span: { start: at, end: at + label.length } },
      }
    );
  }
  return {};
}
