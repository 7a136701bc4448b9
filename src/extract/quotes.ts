/**
 * Quotes in one article: direct quotations (straight or curly marks, over several sentences, and over
 * paragraphs by the newspaper convention of re-opening each paragraph without closing the previous
 * one), partial quotes (a quoted fragment inside a reported clause) and indirect statements
 * ("X said (that) ...", "..., X said.", "according to X, ..."), each attributed to a speaker.
 */
import {
  BASE_FORM_CUES,
  CUES,
  OBJECT_CUES,
  buildMentionIndex,
  isPersonHead,
  isGroupNoun,
  isPersonLabel,
  inSubjectPosition,
  isPremodifierWord,
  isSpeakerNoun,
  mentionsWithin,
  spanCovers,
  resolveSpeaker,
  subjectAfter,
  mentionSubjectBefore,
  plausibleSpeaker,
  sentenceSubject,
  subjectBefore,
  type MentionIndex,
  type ResolveContext,
  type ResolvedSpeaker,
  type SpeakerPhrase,
} from './speakers.js';
import { NON_NAME_WORDS } from './person-lexicon.js';
import { sentenceAt } from './text.js';
import type { EntityRecord, QuoteKind, QuoteRecord, Sentence, Span } from './types.js';

/** A stretch of text between quotation marks within one paragraph. */
interface QuoteSegment {
  open: number;
  /** Index of the closing mark; undefined when the paragraph ends inside the quote. */
  close?: number;
  content: Span;
  paragraph: number;
  /** Segments of one quotation running over several paragraphs share a chain id. */
  chain: number;
  sentenceLike: boolean;
}

/** One quote waiting for attribution. */
interface Candidate {
  kind: QuoteKind;
  content: Span;
  paragraph: number;
  phrase?: SpeakerPhrase;
  cue?: string;
  /** Direct segments: the chain they belong to and their position inside the paragraph. */
  segment?: QuoteSegment;
  resolved?: ResolvedSpeaker;
  /** The speaker finally given, after fallbacks. */
  final?: ResolvedSpeaker;
  /** The speaker mention the record reports (its own, or the one of the quote it continues). */
  mention?: SpeakerPhrase;
  /** The text says nobody's name for it (an agentless passive): no fallback to another speaker. */
  unnamed?: true;
  /** A statement the sentence mentions as someone's ("X's claim that ..."): its source is not in focus. */
  mentioned?: true;
}

/** Doubled single marks stand for double quotes in typewritten copy: ''...'', ‘‘...’’, ``...''. */
const OPEN_MARKS = new Set(['“', '«', '„', '‘‘', '``']);
const QUOTE_MARK = /["“”«»„]|''|’’|‘‘|``/g;
const CLOSE_MARKS = new Set(['”', '»', '’’']);
/** Marks that open or close a quotation alike. */
const EITHER_MARKS = new Set(['"', "''"]);

function paragraphSpans(sentences: Sentence[]): { paragraph: number; start: number; end: number }[] {
  const out: { paragraph: number; start: number; end: number }[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    if (last && last.paragraph === s.paragraph) last.end = s.end;
    else out.push({ paragraph: s.paragraph, start: s.start, end: s.end });
  }
  return out;
}

/** Trim whitespace and a trailing comma from a content span. */
function trimContent(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /[\s,]/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

const TITLE_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*|of|the|and|a|in|on|for|to|with)`;
const TITLE_CASE = new RegExp(String.raw`^${TITLE_WORD}(?:\s+${TITLE_WORD})*[,.!?]?$`, 'u');
const TITLE_BEFORE = /(?:\b(?:on|titled|entitled)|\p{L}['’]s)\s*["“]\s*$/u;

/** A title in quotation marks ("said on MSNBC's "Morning Joe," adding"): a programme or work, not speech. */
function isQuotedTitle(text: string, content: Span): boolean {
  const body = text.slice(content.start, content.end);
  const words = body.split(/\s+/);
  if (!TITLE_CASE.test(body)) return false;
  if (words.length <= 5 && TITLE_BEFORE.test(text.slice(Math.max(0, content.start - 30), content.start)))
    return true;
  // "in "The Kid Who Would Be King,"": function words capitalised inside are a title's, never speech.
  if (words.length >= 3 && words.length <= 9 && words.slice(1).some((w) => TITLE_FUNCTION_WORD.test(w)))
    return true;
  // "the "Activate" project": a capitalised name in marks between a determiner and its noun.
  return (
    words.length <= 3 &&
    /(?<![\p{L}\p{M}])(?:the|a|an|its|their|his|her|our)\s*["“]\s*$/u.test(
      text.slice(Math.max(0, content.start - 8), content.start),
    ) &&
    /^[,.]?["”]\s+\p{Ll}+/u.test(text.slice(content.end, content.end + 20)) &&
    !/^[,.]?["”]\s+(?:said|says|told|added|and|or|but|is|was|are|were)\b/.test(
      text.slice(content.end, content.end + 20),
    )
  );
}

const TITLE_FUNCTION_WORD =
  /^(?:The|A|An|Of|In|On|And|Who|Would|Be|Is|Are|To|For|With|From|At|By|It|My|Your|Our|Their|His|Her|That|This)$/;

function isSentenceLike(text: string, content: Span, continued: boolean, closeAt = content.end): boolean {
  const body = text.slice(content.start, content.end);
  if (continued) return true;
  const words = body.split(/\s+/).filter(Boolean).length;
  const capital = /^[\p{Lu}\d…]|^\.\.\./u.test(body);
  // The punctuation may sit outside the content span, just inside the closing mark ("Not now," he said).
  const terminal = /[.!?,…]$/.test(body) || /[.!?,…]/.test(text.slice(content.end, closeAt));
  return (capital && (words >= 3 || terminal)) || words >= 8;
}

/** Quotation-mark segments, paragraph by paragraph. */
export function findQuoteSegments(text: string, sentences: Sentence[]): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  let chain = 0;
  let carried = false;
  for (const para of paragraphSpans(sentences)) {
    let open = -1;
    let openLength = 1;
    const startsWithOpener = /^(?:["“«„]|''|‘‘|``)/.test(text.slice(para.start, para.start + 2));
    const continuing = carried && startsWithOpener;
    if (!continuing) chain++;
    carried = false;
    let firstInParagraph = true;
    // The chain of a quotation that runs on over an opening mark ('... him. "I can ...'), if any.
    let runOnChain: number | undefined;
    QUOTE_MARK.lastIndex = para.start;
    for (let mark = QUOTE_MARK.exec(text); mark && mark.index < para.end; mark = QUOTE_MARK.exec(text)) {
      const i = mark.index;
      const c = mark[0];
      // A straight mark after a sentence end and a space, before a word, opens a sentence of the same
      // quotation ('"He stayed down. "I can tell you ...'): the quotation goes on, it does not close.
      if (
        open !== -1 &&
        EITHER_MARKS.has(c) &&
        /\s/.test(text.charAt(i - 1)) &&
        /[\p{Lu}\p{N}‘'(]/u.test(text.charAt(i + c.length)) &&
        /[.!?…]["”’]?\s+$/.test(text.slice(open + openLength, i))
      ) {
        const content = trimContent(text, open + openLength, i);
        if (content.end > content.start) {
          const cont = continuing && firstInParagraph && open === para.start;
          runOnChain ??= cont ? chain : ++chain;
          segments.push({ open, content, paragraph: para.paragraph, chain: runOnChain, sentenceLike: true });
          firstInParagraph = false;
        }
        open = i;
        openLength = c.length;
        continue;
      }
      // Inch marks and similar: a straight quote glued to a digit on the left.
      if (c === '"' && open === -1 && /\d/.test(text.charAt(i - 1))) continue;
      // A straight quote glued to the word or punctuation before it and followed by a space closes a
      // quote whose opening we never saw: skip it rather than open a bogus quote.
      if (
        EITHER_MARKS.has(c) &&
        open === -1 &&
        /[\p{L}\p{N},.!?]/u.test(text.charAt(i - 1)) &&
        /\s|$/.test(text.charAt(i + c.length) || ' ')
      )
        continue;
      const opening = open === -1 && (OPEN_MARKS.has(c) || EITHER_MARKS.has(c));
      if (opening) {
        open = i;
        openLength = c.length;
        continue;
      }
      if (open !== -1 && (CLOSE_MARKS.has(c) || EITHER_MARKS.has(c))) {
        const content = trimContent(text, open + openLength, i);
        if (content.end > content.start && !isQuotedTitle(text, content)) {
          const cont = (continuing && firstInParagraph && open === para.start) || runOnChain !== undefined;
          segments.push({
            open,
            // The last character of the closing mark: what follows it is the attribution.
            close: i + c.length - 1,
            content,
            paragraph: para.paragraph,
            chain: runOnChain ?? (cont ? chain : ++chain),
            sentenceLike: isSentenceLike(text, content, cont, i),
          });
          firstInParagraph = false;
        }
        runOnChain = undefined;
        open = -1;
      }
    }
    if (open !== -1) {
      // Unclosed at paragraph end: continues if the next paragraph re-opens (checked on the next turn).
      const content = trimContent(text, open + openLength, para.end);
      if (content.end > content.start) {
        const cont = continuing && firstInParagraph && open === para.start;
        if (runOnChain !== undefined) chain = runOnChain;
        else if (!cont) chain++;
        segments.push({ open, content, paragraph: para.paragraph, chain, sentenceLike: true });
        carried = true;
      }
    }
  }
  return segments;
}

/** Cues that also have non-speech senses ("added a goal", "confirmed the deal"): only with "that". */
const WEAK_CUES = new Set(
  'added adds continued continues responded responds denied denies confirmed confirms announced announces described describes reported reports estimated estimates indicated indicates promised promises pledged pledges agreed agrees asked asks revealed reveals boasts boasted add confirm announce agree deny reveal indicate answered answers answering responding declaring denying claiming boasting conceding'.split(
    ' ',
  ),
);

/** Auxiliaries and common irregular finite verbs. */
const FINITE_WORD =
  /^(?:is|are|was|were|will|would|had|has|have|could|can|should|may|might|must|did|does|do|been|being|made|went|took|gave|sought|found|knew|thought|got|came|became|left|kept|won|lost|ran|saw|broke|spent|paid|sold|bought|brought|built|caught|fell|felt|led|meant|met|put|sent|stood|wrote|told|said|beat|hit|cut|let|set|hurt|cost|quit|spread|shut|began|ate|drove|flew|grew|held|rose|spoke|stole|threw|wore|won't|can't|didn't|doesn't|isn't|wasn't|weren't|aren't|hasn't|haven't|hadn't)$/i;

/** Words after which the next word is a noun or adjective, not a verb ("the coveted", "three wins"). */
const DETERMINER_WORD =
  /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|some|many|most|all|no|every|each|any|several|few|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)$/i;

/**
 * Does a content read as a clause rather than a noun phrase: a finite verb among its first twelve words
 * before a comma or a relative pronoun ("the council wants ...", "the guards beat him" are clauses; "the
 * vital first break", "the coveted trophy", "victory in the vote, which was ..." are not)? A word in
 * -ed or -s right after a determiner is an adjective or a plural noun, not the verb.
 */
function readsAsClause(content: string): boolean {
  const words = content.split(/\s+/).slice(0, 12);
  for (let i = 0; i < words.length; i++) {
    const raw = words[i]!;
    const w = raw.replace(/[^\p{L}'’]/gu, '');
    if (i > 0 && /^(?:which|who|whom|whose)$/i.test(w)) return false;
    if (FINITE_WORD.test(w)) return true;
    const afterDeterminer = i === 0 || DETERMINER_WORD.test(words[i - 1]!.replace(/[^\p{L}\d'’,.]/gu, ''));
    if (!afterDeterminer && /^\p{Ll}{3,}ed$/u.test(w)) return true;
    // A word in -s is a verb only after a subject that a determiner or a name opens ("the council
    // wants"); "pay-TV channels later" is a noun phrase.
    if (
      !afterDeterminer &&
      /^\p{Ll}{3,}[^s\W']s$/u.test(w) &&
      words.slice(0, i).some((x) => DETERMINER_WORD.test(x) || /^\p{Lu}/u.test(x))
    )
      return true;
    if (/[,;:]$/.test(raw)) return false;
  }
  return false;
}

/** Cues whose content is an instruction: "urged residents to conserve water". */
const URGE_CUES = new Set(
  'urged urges urge advised advises reminded reminds encouraged encourages warned warns told asked called'.split(
    ' ',
  ),
);

/** Subjects that are figures or documents about numbers, not speakers. */
const NON_SPEAKER_SUBJECT =
  /(?<![\p{L}\p{M}])(?:data|index|indexes|indices|contract|shares|stocks|prices|figures|numbers|average|rate|market|markets)$/iu;

/** Words that open a related-link or video teaser line rather than reporting ("READ MORE: X says ..."). */
const TEASER = /^(?:READ MORE|WATCH|Watch|RELATED|Related|LISTEN|Listen|MORE|CLICK HERE)\b/;

interface CueMatch {
  word: string;
  start: number;
  end: number;
}

// (only before a quotation or ending the attribution: "Italy hit back in the 11th minute" reports nothing)
const PHRASAL_CUE =
  /\b(?:shot|shoots|fired|fires|hit|hits|hitting|firing|shooting) back\b(?=\s*[,:]\s*["“‘]|\s*[.;!?]|\s*$)|\b(?:pointed|points|point) out\b(?=\s+that\b)/g;

/** All cue words of the last text asked about, in order (one pass per article, then binary search). */
let cueCache: { text: string; cues: CueMatch[] } | undefined;

function allCues(text: string): CueMatch[] {
  if (cueCache?.text === text) return cueCache.cues;
  const cues: CueMatch[] = [];
  for (const m of text.matchAll(/[a-z]+/g)) {
    if (
      CUES.has(m[0]) &&
      !/[\p{L}]/u.test(text.charAt(m.index - 1)) &&
      !/[\p{L}]/u.test(text.charAt(m.index + m[0].length))
    ) {
      cues.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  // Phrasal verbs of reply ("Hillary shot back, ...") and "pointed out that": the cue is the whole phrase.
  for (const m of text.matchAll(PHRASAL_CUE))
    cues.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  if (cues.length > 1) cues.sort((a, b) => a.start - b.start);
  cueCache = { text, cues };
  return cues;
}

function cuesIn(text: string, start: number, end: number): CueMatch[] {
  const cues = allCues(text);
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: CueMatch[] = [];
  for (let i = lo; i < cues.length && cues[i]!.end <= end; i++) out.push(cues[i]!);
  return out;
}

/** A cue used as speech: not passive ("is said to"), not "said to be". */
function isSpeechCue(text: string, cue: CueMatch): boolean {
  const before = text.slice(Math.max(0, cue.start - 16), cue.start);
  if (/(?<![\p{L}\p{M}])(?:is|was|were|are|be|been|being|so-)\s*$/iu.test(before)) return false;
  // ... with adverbs between: "isn't explicitly mentioned", "was not directly told".
  if (
    /\b(?:is|was|were|are|be|been|being|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\s+(?:(?:not|never|\p{Ll}+ly)\s+){1,2}$/iu.test(
      text.slice(Math.max(0, cue.start - 40), cue.start),
    )
  )
    return false;
  // "Tube Lines, which maintains the Jubilee line": after "which" only a verb of saying reports.
  if (/,\s+which\s+(?:\p{Ll}+ly\s+)?$/u.test(before) && !RELATIVE_SPEECH_CUES.test(cue.word)) return false;
  // "we're told", "you're told": a contracted "are" makes it passive too.
  if (/\p{L}['’]re\s*$/iu.test(before)) return false;
  // "added 6.3 cents", "added $2bn to its value": a sum after "add" is no statement.
  if (
    /^add(?:s|ed|ing)?$/i.test(cue.word) &&
    /^\s+(?:(?:about|nearly|almost|some|another|a\s+further|more\s+than)\s+)?[$£€¥\d]/i.test(
      text.slice(cue.end, cue.end + 24),
    )
  )
    return false;
  // "conceded six goals", "conceded a penalty", "conceded 21 runs": a score conceded is no admission.
  if (
    /^conced(?:es|ed|ing)?$/i.test(cue.word) &&
    /^\s+(?:(?:a|an|the|their|his|its|just|only|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+further)\s+)*(?:goals?|penalt(?:y|ies)|runs?|points?|tries|try|wickets?|sets?|games?|frames?|fouls?|free-kicks?|free\s+kicks?|corners?|defeats?|ground|possession|seats?|victory|the\s+election|the\s+race|defeat)\b/i.test(
      text.slice(cue.end, cue.end + 40),
    )
  )
    return false;
  // "The two-year notes fell 1/32", "its claims were rejected": an -s form before a finite verb is a
  // plural noun, the subject of that verb.
  if (
    /s$/.test(cue.word) &&
    !/^(?:says|tells|asks|argues|insists|explains|adds|admits|believes)$/.test(cue.word) &&
    /^\s+(?:fell|rose|gained|lost|slipped|climbed|dropped|eased|firmed|were|are|have|had|remain(?:ed)?|stood)\b/.test(
      text.slice(cue.end, cue.end + 12),
    )
  )
    return false;
  // "two or three warning letters", "warning signs": "warning" modifying a noun reports nothing.
  if (
    /^warnings?$/i.test(cue.word) &&
    /^\s+(?:letters?|signs?|shots?|lights?|labels?|notices?|sirens?|systems?|messages?|signals?|bells?|stickers?|triangles?)\b/i.test(
      text.slice(cue.end, cue.end + 14),
    )
  )
    return false;
  // A plural noun after "of" or a hyphenated adjective: "his series of early-morning tweets", "a
  // set of claims" (the verb reading needs a subject, which neither is).
  if (
    /[^s]s$/.test(cue.word) &&
    /(?:(?<![\p{L}\p{M}])of|(?<![\p{L}\p{M}])\p{Ll}+-\p{Ll}+)\s+$/u.test(
      text.slice(Math.max(0, cue.start - 24), cue.start),
    )
  )
    return false;
  // A noun after a determiner: "had their say", "his tweets" (a verb never follows one directly).
  if (/(?<![\p{L}\p{M}])(?:the|a|an|his|her|its|their|our|my|your)\s+$/iu.test(before)) return false;
  // Negated or infinitive: "did not say", "declined to say" report no statement.
  // ... but "went on to say" reports.
  if (
    /(?<![\p{L}\p{M}])(?:not|never|n['’]t|to)\s*$/iu.test(before) &&
    !/(?<![\p{L}\p{M}])(?:went|goes|go)\s+on\s+to\s*$/iu.test(before)
  )
    return false;
  // "seems to have told", "is thought to have said": a perfect infinitive reports no statement either.
  if (/\bto\s+have\s*$/i.test(before)) return false;
  // "said when announcing the talks he hoped ...": announcing a thing at a time reports nothing of its
  // own (only "when announcing that ..." does).
  if (
    /^(?:announcing|confirming|revealing|unveiling|launching)$/i.test(cue.word) &&
    /(?<![\p{L}\p{M}])(?:when|while|after|before|in)\s+$/iu.test(before) &&
    !/^\s+that\b/i.test(text.slice(cue.end, cue.end + 6))
  )
    return false;
  // "according to studio estimates", "according to news agency reports": a noun, the source.
  if (
    /\baccording\s+to\s+(?:[\p{L}'’-]+\s+){0,3}$/iu.test(text.slice(Math.max(0, cue.start - 50), cue.start))
  )
    return false;
  // "reports say", "claims suggested": a noun, the subject of the verb after it.
  if (
    /^\s+(?:say|says|said|suggest|suggests|suggested|show|shows|showed|indicate|indicate[ds])\b/i.test(
      text.slice(cue.end, cue.end + 12),
    )
  )
    return false;
  // "The name says it all": an idiom.
  if (/^\s+it\s+all\b/i.test(text.slice(cue.end, cue.end + 8))) return false;
  // A plural noun, not a verb: "the claims", "Hua's comments", "those reports" (never "says": "The
  // mother of three says").
  if (
    /s$/.test(cue.word) &&
    cue.word.toLowerCase() !== 'says' &&
    /(?:\b(?:the|those|these|his|her|its|their|our|my|your|has|have|had|of|in|across|over|about|amid|despite|following|against|with|by|from|on|to|for|such|any|some|many|new|recent|other|both|several|all|few|more|most|dozen|dozens|hundreds|thousands|two|three|four|five|six|seven|eight|nine|ten|\d+)|\p{L}['’]s?)\s*$/iu.test(
      before,
    )
  ) {
    return false;
  }
  if (/^\s+to\s+(?:be|have)\b/.test(text.slice(cue.end, cue.end + 12))) return false;
  // "wrote off the debt", "writes extensively about food": writing that reports nothing.
  if (
    /^(?:wrote|writes|write|writing|written)$/.test(cue.word) &&
    /^\s+(?:(?:off|down)\b|(?:\p{Ll}+ly\s+)?(?:about|for)\b)/u.test(text.slice(cue.end, cue.end + 30))
  )
    return false;
  // A base form ("argue", "claim") reports only after a plural subject: a plural pronoun or noun,
  // perhaps with an adverb between ("they argue", "critics also claim"), never after a determiner.
  if (BASE_FORM_CUES.has(cue.word) && !PLURAL_SUBJECT_BEFORE.test(before)) return false;
  // ... and is no noun before a preposition ("its first earnings report since ...").
  if (
    BASE_FORM_CUES.has(cue.word) &&
    /^\s+(?:since|of|for|on|in|at|by|from|with|into|about|to|and|or)\b/.test(
      text.slice(cue.end, cue.end + 12),
    )
  )
    return false;
  return true;
}

const PLURAL_SUBJECT_BEFORE =
  /(?:\b(?:[Tt]hey|[Ww]e|police|people)|[a-z]{3,}[^s']s)\s+(?:(?:also|still|now|often|repeatedly|generally|themselves|both|all)\s+)?$/;

/** The speaker phrase of a cue; `participle` asks for the subject of the sentence ("X ..., saying"). */
type SubjectFinder = (from: number, cueStart: number, participle?: boolean) => SpeakerPhrase | undefined;

/** Participle cues ("adding", "saying") share the subject of the main clause. */
function isParticiple(cue: CueMatch): boolean {
  return cue.word.endsWith('ing');
}

/**
 * Verbs that report a quotation only in the frame right after it: how it was said ("fumed", "mused",
 * "shot back", "went on"). Elsewhere they have other senses ("charged with", "went on holiday").
 */
const MANNER_CUE =
  /\b(?:fumed|fumes|mused|muses|charged|charges|snapped|snaps|scoffed|scoffs|gushed|gushes|marvell?ed|marvels|laughed|laughs|sighed|sighs|cried|cries|pleaded|pleads|implored|implores|begged|begs|urged|urges|demanded|demands|boomed|booms|thundered|thunders|bristled|griped|gripes|grumbled|grumbles|muttered|mutters|murmured|murmurs|screamed|screams|yelled|yells|deadpanned|offered|offers|recounted|recounts|reflected|reflects|interjected|interjects|rejoined|teased|teases|chuckled|chuckles|raged|rages|ranted|rants|chided|chides|scolded|scolds|lectured|elaborated|elaborates|(?:went|goes|go)\s+on|(?:shot|shoots|fired|fires|hit|hits)\s+back|(?:pointed|points|point)\s+out|(?:chimed|chimes)\s+in|(?:summed|sums)\s+up)\b/g;

function mannerCueAfter(text: string, from: number, end: number): CueMatch | undefined {
  MANNER_CUE.lastIndex = 0;
  const m = MANNER_CUE.exec(text.slice(from, end));
  if (!m) return undefined;
  return { word: m[0].replace(/\s+/g, ' '), start: from + m.index, end: from + m.index + m[0].length };
}

/** Attribution after a closing quote mark: `"...," X said` / `"...," said X`. */
function attributionAfter(
  text: string,
  from: number,
  limit: number,
  subjectOf: SubjectFinder,
): { phrase: SpeakerPhrase; cue: CueMatch } | undefined {
  const windowEnd = Math.min(limit, from + 160);
  const cues = cuesIn(text, from, windowEnd);
  // Right after a quotation, verbs of manner report it too ("...," X fumed / shot back / went on).
  const manner = mannerCueAfter(text, from, Math.min(windowEnd, from + 110));
  if (manner && !cues.some((c) => c.start < manner.start)) cues.unshift(manner);
  for (const cue of cues) {
    if (!isSpeechCue(text, cue)) continue;
    const between = text.slice(from, cue.start);
    if (between.length > 110 || isParticiple(cue)) return undefined;
    if (/^[\s,]*$/.test(between.replace(/^[”"»]/, ''))) {
      const phrase = subjectAfter(text, cue.end, limit);
      return phrase ? { phrase, cue } : undefined;
    }
    // '"...," in sharp contrast to past years, says X, a ...': an adjunct that goes on from the
    // quotation, then the inverted cue and its subject.
    if (
      /,\s*$/.test(between) &&
      /^(?:says|said|adds|added|notes|noted|writes|wrote|explains|explained)$/.test(
        text.slice(cue.start, cue.end),
      ) &&
      /^\s+(?:the\s+)?\p{Lu}/u.test(text.slice(cue.end, cue.end + 6))
    ) {
      const phrase = subjectAfter(text, cue.end, limit);
      if (phrase) return { phrase, cue };
    }
    const phrase = subjectOf(from, cue.start);
    if (phrase) return { phrase, cue };
    return undefined;
  }
  return undefined;
}

/** A transcript's speaker label: a name in capitals and a colon ("CLINTON: ", "SEN. RUIZ: "). */
const TRANSCRIPT_LABEL = /^(\s*)((?:\p{Lu}{2,5}\.\s)?\p{Lu}[\p{Lu}'’-]{1,24}):\s/u;
/** Capitalised labels of a page or a transcript that are nobody: "VIDEO:", "UPDATE:", "Q:". */
const TRANSCRIPT_NON_SPEAKERS =
  /^(?:VIDEO|AUDIO|UPDATE|UPDATED|NOTE|PHOTO|PHOTOS|WATCH|MORE|READ|EDITOR|CAPTION|SOURCE|SOURCES|CORRECTION|BREAKING|EXCLUSIVE|WARNING|SPOILER|TRANSCRIPT|CLIP|LISTEN|RELATED|PREVIOUSLY|ALSO|QUESTION|ANSWER|AP|AFP|CNN|NBC|CBS|ABC|BBC|PBS|NPR|FOX|MSNBC|UN|EU|US|UK)$/;

/** After a cue: its adjuncts, a comma and the statement going on in lower case (", he said, life was"). */
const PARENTHETICAL_GOES_ON =
  /^[^.!?;,"“”]{0,40},\s+(?!(?:which|who|whom|whose|where|when|and|but|or|as|while)\b|\p{Ll}+ing\b)\p{Ll}/u;

/** Verbs that introduce someone's own words mid-sentence: "called it "a disgrace"", "described as "...". */
const NAMING_CUE =
  /(?<![\p{L}-])(?:called|calling|calls|call|described|describes|describing|dubbed|termed|labelled|labeled|branded|expressed|voiced|chanted|shouted|shout|writing|wrote|tweeted|ruled|vowed|vowing|promised|promising|pledged|pledging|warned|urged|insisted|insists|insisting|declared|declaring|claimed|claiming|accused|accusing|praised|praising|mocked|mocking|thanked|thanking|condemned|condemning|denounced|denouncing|decried|criticized|criticised|blasted|slammed|dismissed|saying|said|says)\b/gu;

/** Verbs of praise and blame among the naming cues: their passive has another agent. */
const JUDGING_CUE = /^(?:accus|prais|mock|thank|condemn|denounc|decri|criticiz|criticis|blast|slamm|dismiss)/;

/** Abbreviations a name may carry, whose dot ends no sentence. */
const NAME_ABBREVIATION =
  /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|\p{Lu}|(?:\p{Lu}\.)+\p{Lu})$/u;

/**
 * The agent's name out of the capitalised words after "by": up to a sentence end (not the dot of "Dr."
 * or "U.S."), with the lower-case head it may have ("the Soviet press"); a time is no agent ("by Friday").
 */
function agentName(words: string, after: string): string | undefined {
  let name = words;
  for (const m of words.matchAll(/\.\s/g)) {
    if (!NAME_ABBREVIATION.test(words.slice(0, m.index))) {
      name = words.slice(0, m.index);
      break;
    }
  }
  name = name.replace(/\.$/, '');
  const bare = name.replace(/^the\s+/i, '');
  if (NON_NAME_WORDS.has(bare.split(/\s+/)[0]!.toLowerCase())) return undefined;
  // "by the Soviet press.": a lower-case head closes the phrase when punctuation follows it.
  const head =
    /^the\s/i.test(name) && name === words ? /^(\s+\p{Ll}{3,})(?=\s*[.,;:!?]|\s*$)/u.exec(after) : null;
  return head ? name + head[1] : name;
}

/** Speaker of a quoted fragment after a naming verb in the same sentence (the verb's subject, if any). */
function namingAttribution(
  text: string,
  from: number,
  open: number,
  subjectOf: SubjectFinder,
): { phrase?: SpeakerPhrase; cue: string; cueEnd: number; unnamed?: true } | undefined {
  const lead = text.slice(Math.max(from, open - 90), open);
  const matches = [...lead.matchAll(NAMING_CUE)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const cueStart = open - lead.length + last.index;
  const passive = /\b(?:is|was|were|are|be|been|being)\s+(?:\p{Ll}+ly\s+)?$/u.test(
    text.slice(Math.max(from, cueStart - 30), cueStart),
  );
  // "Y was accused of "..."": the passive of a verb of judging names no one who said the words.
  if (passive && JUDGING_CUE.test(last[0])) return undefined;
  // "He is described as "a proud grandfather"": the passive's subject did not say it; the agent after
  // "by" did ("was described by Jobs as the "most important Mac""); without one the quote has no named speaker.
  if (passive && !last[0].endsWith('ing')) {
    const cueEnd = cueStart + last[0].length;
    const agentAt = (at: number, to: number): RegExpExecArray | null =>
      /^\s+by\s+(?:(?:his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,4})?((?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u.exec(
        text.slice(at, to),
      );
    // The agent before the quotation, or right after it ('was labelled a "big misjudgement" by the Tories').
    const close = text.slice(open + 1, open + 400).search(/[”"]/);
    const after = close >= 0 ? open + 2 + close : -1;
    const before = agentAt(cueEnd, open);
    const agent = before ?? (after >= 0 ? agentAt(after, after + 80) : null);
    // (still a quotation: annotators count "was described as “basically kidnapping”" as one)
    if (!agent) return { cue: last[0], cueEnd, unnamed: true };
    const at = (before ? cueEnd : after) + agent[0].length - agent[1]!.length;
    const name = agentName(agent[1]!, text.slice(at + agent[1]!.length, at + agent[1]!.length + 30));
    if (!name) return { cue: last[0], cueEnd, unnamed: true };
    return {
      cue: last[0],
      cueEnd,
      phrase: { text: name, span: { start: at, end: at + name.length } },
    };
  }
  // "X went after Y, calling him "a total fraud"": a participle shares the subject of the sentence.
  const phrase = subjectOf(from, cueStart, last[0].endsWith('ing'));
  return { cue: last[0], cueEnd: cueStart + last[0].length, ...(phrase ? { phrase } : {}) };
}

/**
 * The content of a quoted fragment reported by a verb right before it: the verb's complement up to
 * the closing mark ("called [the plan "a disgrace"]", "promised [to publish it "as soon as possible"]"),
 * not the quoted words alone, when only a short phrase without punctuation stands between them.
 */
function fragmentClause(text: string, cueEnd: number, seg: QuoteSegment): Span {
  const lead = text.slice(cueEnd, seg.open);
  if (!/\S/.test(lead) || lead.length > 100 || /[.;:!?"“”«»()[\]—–]/.test(lead)) return seg.content;
  if (lead.split(/\s+/).filter(Boolean).length > 12) return seg.content;
  // "said but added that he was "..."", "the claim is "..."": no complement of the verb.
  if (/^\s*(?:and|but|or|is|are|was|were)\b/i.test(lead)) return seg.content;
  let start = cueEnd;
  // ("said when announcing the talks he hoped it would mark "...": the clause starts at "he")
  const timeClause = TIME_CLAUSE_TO_PRONOUN.exec(lead);
  if (timeClause) start += timeClause[0].length;
  while (start < seg.open && /[\s,]/.test(text.charAt(start))) start++;
  return { start, end: seg.close !== undefined ? seg.close + 1 : seg.content.end };
}

/** `"...," according to X.` after a closing quote mark. */
function accordingAfter(
  text: string,
  from: number,
  limit: number,
): { phrase: SpeakerPhrase; cue: CueMatch } | undefined {
  const m = /^[\s,]*according to\s+/i.exec(text.slice(from, limit));
  if (!m) return undefined;
  const cue = { word: 'according to', start: from + m.index, end: from + m[0].length - 1 };
  const phrase = subjectAfter(text, cue.end, limit);
  return phrase ? { phrase, cue } : undefined;
}

/**
 * `"..." — Ana Ruiz` / `"..." ― Ana Ruiz, a teacher`: a name after a dash that follows the closing
 * mark, as in quote round-ups and epigraphs; the name ends the sentence or precedes a comma.
 */
function dashAfter(
  text: string,
  from: number,
  limit: number,
): { phrase: SpeakerPhrase; cue: CueMatch } | undefined {
  const m =
    /^[ \t]*[―—–-]+[ \t]*((?:\p{Lu}[\p{L}\p{M}.'’-]*\s){0,3}\p{Lu}[\p{L}\p{M}.'’-]*)(?=\s*(?:[,.;]|$)|\s+[“"]|\n)/u.exec(
      text.slice(from, Math.min(limit + 80, from + 120)),
    ) ??
    // ... or opening the next paragraph ("\n\n-Ana Ruiz, Tarnby."), then with two names or more.
    /^[ \t]*\n\s*[―—–-]+[ \t]*((?:\p{Lu}[\p{L}\p{M}.'’-]*\s){1,3}\p{Lu}[\p{L}\p{M}.'’-]*)(?=\s*(?:[,.;]|$)|\n)/u.exec(
      text.slice(from, from + 120),
    );
  if (!m) return undefined;
  const start = from + m.index + m[0].length - m[1]!.length;
  const name = m[1]!.replace(/[.,]$/, '');
  return {
    phrase: { text: name, span: { start, end: start + name.length } },
    cue: { word: '—', start: from + m.index, end: start },
  };
}

/** "That was the view of X", "That was how X put it", "So said X": a speaker named after the quotation. */
const SPEAKER_NEXT =
  /^(?:(?:That|This|Such|Those|These)\s+(?:was|is|were|are|has been|had been)\s+(?:(?:how|what)\s+|(?:the|a)\s+(?:view|verdict|message|assessment|reaction|response|word|advice|warning|opinion|argument|take|conclusion|explanation|position|assurance)\s+(?:of|from)\s+)|So\s+(?:said|says)\s+)/;

/**
 * A quotation that ends its sentence without an attribution, followed by a sentence that names its
 * speaker: `"..." That was the view of Ana Ruiz, the mayor.` / `That was how X described it.`
 */
function namedInNextSentence(
  text: string,
  sentences: Sentence[],
  closeSentence: Sentence,
  afterClose: number,
  index: MentionIndex,
): { phrase: SpeakerPhrase; cue: CueMatch } | undefined {
  if (!/^[\s.!?,]*$/.test(text.slice(afterClose, closeSentence.end))) return undefined;
  const next = sentences[closeSentence.index + 1];
  if (!next || next.paragraph > closeSentence.paragraph + 1) return undefined;
  const m = SPEAKER_NEXT.exec(text.slice(next.start, Math.min(next.end, next.start + 80)));
  if (!m) return undefined;
  const at = next.start + m[0].length;
  const cue = { word: m[0].trim(), start: next.start, end: at };
  // A person or organisation named right there ("the view of Mayor Ana Ruiz"), else the phrase.
  const named = mentionsWithin(index, at, Math.min(next.end, at + 60)).find((x) =>
    /^(?:(?:\p{Lu}[\p{L}.'’-]*|the|a|an|[\p{Ll}-]+(?:er|or|ist|ent|ant|man|woman))\s+){0,4}$/u.test(
      text.slice(at, x.start),
    ),
  );
  if (named)
    return {
      phrase: { text: text.slice(named.start, named.end), span: { start: named.start, end: named.end } },
      cue,
    };
  const phrase = subjectAfter(text, at - 1, next.end);
  if (!phrase) return undefined;
  // "That was how the minister put it", "what the ministry has been saying": the verb phrase after
  // the subject is not part of it.
  const verb =
    /\s+(?:has|have|had|was|were|is|are|would|will|can|could|once|later|first|then|also|put|puts|said|says|described|describes|called|calls|\p{Ll}+ed)\b/u.exec(
      phrase.text,
    );
  const clean = verb ? phrase.text.slice(0, verb.index) : phrase.text;
  if (!/\p{L}/u.test(clean)) return undefined;
  return {
    phrase: { text: clean, span: { start: phrase.span.start, end: phrase.span.start + clean.length } },
    cue,
  };
}

/** Attribution before an opening quote mark: `X said, "..."` / `X told reporters: "..."`. */
function attributionBefore(
  text: string,
  from: number,
  open: number,
  subjectOf: SubjectFinder,
): { phrase: SpeakerPhrase; cue: CueMatch } | undefined {
  const cues = cuesIn(text, from, open).filter((c) => isSpeechCue(text, c));
  const cue = cues.at(-1);
  if (!cue) return undefined;
  const gap = text.slice(cue.end, open);
  if (gap.length > 60 || /[.!?]/.test(gap) || /["“”]/.test(gap)) return undefined;
  // '"...," X confirmed, adding that "..."': a participle shares the subject of the cue before it.
  const phrase = isParticiple(cue)
    ? (subjectOf(from, cue.start, true) ?? attributionAfter(text, from, cue.start, subjectOf)?.phrase)
    : (subjectOf(from, cue.start) ?? subjectAfter(text, cue.end, open));
  return phrase ? { phrase, cue } : undefined;
}

const ADJUNCT =
  /^(?:\s*,)?\s+(?:(?:on|last|this|earlier|late|early|in|at|during|after|before|over|via|through|from|to|by|with)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\p{L}\d'’.-]+\s+){0,3}?(?:statement|interview|release|email|e-mail|letter|conference|briefing|news conference|press conference|post|video|speech|call|meeting|tweet|phone|message|hearing|court|week|month|year|day|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|time|media|reporters|documents?|filing|report)(?!['’]s)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|previously|earlier|later|again|also|repeatedly|publicly|privately|once)\b/iu;

/**
 * Skip time and setting adjuncts after a cue ("said Saturday", "said in a statement"); a noun with a
 * possessive is a modifier, the adjunct runs on ("in his New Year's speech").
 */
function skipAdjuncts(text: string, pos: number, limit: number): number {
  for (let k = 0; k < 3; k++) {
    const adj = ADJUNCT.exec(text.slice(pos, limit));
    if (!adj) break;
    pos += adj[0].length;
  }
  return pos;
}

/** Where the reported content starts after a cue, skipping the addressee, adjuncts and "that". */
function contentStartAfterCue(text: string, cue: CueMatch, limit: number): number {
  let pos = cue.end;
  let addressee = false;
  const objectCue = OBJECT_CUES.has(cue.word.toLowerCase());
  if (objectCue) {
    const obj =
      /^\s+(?:(?:him|her|them|us|me|you|reporters|journalists|lawmakers|members|parliament|MPs|MPPs)\b|(?:the|a|an|his|her|their)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:[\p{L}'’-]+)(?=\s+(?:that|in|on|at|he|she|they|it|we|i|the|a|an|there|this|last|earlier|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|,)|(?:the|a|an|his|her|their)\s+(?:(?:(?!(?:not|to|that|who|which|is|was|are|were|will|would|has|have|had|be)\b)[\p{Ll}'’-]+\s+){0,3}[\p{Ll}'’-]+|(?:\p{Lu}[\p{L}'’.&-]*\s*){1,4})(?=\s*[“"])|(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}(?:(?:news\s+)?agency\s*|newspaper\s*|radio\s*|television\s*)?)/u.exec(
        text.slice(pos, limit),
      );
    if (obj) pos += obj[0].length;
    addressee = obj !== null;
  }
  for (let k = 0; k < 3; k++) {
    const adj = ADJUNCT.exec(text.slice(pos, limit));
    if (!adj) break;
    pos += adj[0].length;
  }
  // "told the court in the town of Elm Lake she was hired": an addressee's place or time runs to the
  // subject pronoun of the reported clause; so does a time clause after any cue ("said when announcing
  // the talks this week he hoped ...").
  const toPronoun = (addressee ? ADDRESSEE_ADJUNCT_TO_PRONOUN : TIME_CLAUSE_TO_PRONOUN).exec(
    text.slice(pos, limit),
  );
  if (toPronoun && !/\bthat\s/.test(toPronoun[0])) pos += toPronoun[0].length;
  // "told an audience in Leeds on Friday evening that ...": an addressee's adjuncts run to "that";
  // so does a prepositional phrase after any cue ("claimed in the Observer that ...").
  // Only adjuncts after an addressee already read ("told the paper the plan that ministers backed ..."
  // is a relative clause), and never "in that case", "at that point" (a determiner "that").
  const prepositional =
    /^\s*(?:in|on|at|during|after|before|via|through|over|outside|inside)\s+(?!that\b)/i.test(
      text.slice(pos, pos + 16),
    );
  const nounPhraseNext = /^\s*(?:the|a|an|his|her|their|its|this|these|those)\s/i.test(
    text.slice(pos, pos + 8),
  );
  if ((objectCue && !(addressee && nounPhraseNext)) || prepositional) {
    // A programme's title in quotation marks may be part of it ("told NBC's “Meet the Press” that").
    const toThat = /^(?:[^,.;:!?"“”]|[“"]\p{Lu}[^"“”,.]{0,30}[”"]){0,50}?\bthat\s+/u.exec(
      text.slice(pos, limit),
    );
    // Not across an infinitive or a clause of its own ("urged X to adopt rules that", "tells us we have and that").
    if (
      toThat &&
      !/\b(?:said|says|told|tells|to|he|she|they|we|i|it|who|which)\s/i.test(toThat[0].slice(0, -5))
    )
      pos += toThat[0].length;
  }
  // "admits in this instance, there were ...": a short prepositional phrase set off by a comma
  // before the reported clause.
  const comma = text.indexOf(',', pos + 1);
  const phrase =
    comma > 0 && comma < Math.min(limit, pos + 50)
      ? /^\s*,?\s*(?:in|on|at|during|for|with|from|by|under|after|before)\s+[^,.;:!?"“”]{1,40},\s*(?=(?:there|he|she|they|it|we|i|the|a|an|this|these|those|\p{Lu})\b)/u.exec(
          text.slice(pos, limit),
        )
      : null;
  if (phrase) pos += phrase[0].length;
  // "told reporters, without providing evidence, that ...": an aside set off by commas before "that".
  const aside = /^\s*,\s*[^,;:"“”.!?]{2,60},\s*(?=that\s)/.exec(text.slice(pos, limit));
  if (aside) pos += aside[0].length;
  const that = /^\s*,?\s*(?:that\b)?/.exec(text.slice(pos, limit));
  if (that) pos += that[0].length;
  while (pos < limit && /[\s,:]/.test(text.charAt(pos))) pos++;
  return pos;
}

/** A place or time after an addressee, up to the subject pronoun of the reported clause. */
const ADDRESSEE_ADJUNCT_TO_PRONOUN =
  /^\s*(?:in|on|at|during|after|before|from|outside)\s+[^,.;:!?"“”]{1,60}?\s(?=(?:he|she|they|we|I)\s+\p{Ll})/u;
/** A time clause with a participle after a cue, up to the subject pronoun of the reported clause. */
const TIME_CLAUSE_TO_PRONOUN =
  /^\s*(?:when|while|after|before)\s+\p{Ll}+ing\s+[^,.;:!?"“”]{1,60}?\s(?=(?:he|she|they|we|I)\s+\p{Ll})/u;

/** ", win or lose, she ..." after a cue: a clause, not a participle, a conjunction or a source. */
const COMMA_THEN_CLAUSE =
  /^,\s+(?!(?:and|but|or|adding|according|as|who|which|while|whereas|when|although|though|because|noting|saying|explaining|referring|citing|pointing|in|on|at|during|after|before|with|without|to|for|from|by|via|through)\b)(?![\p{L}-]+ing\b)\p{L}/u;

/** Cues that report speech whatever follows them: the ones a ", which ..." clause can take. */
const RELATIVE_SPEECH_CUES =
  /^(?:said|says|told|tells|added|adds|stated|states|warned|warns|wrote|writes|tweeted|announced|confirmed|denied|insisted|argued|claimed|reported|reports|noted|notes|urged|urges|explained|acknowledged|admitted|predicted|suggested)\b/;

/**
 * After "told": an addressee, an optional adjunct or two (no "that" clause, no subject pronoun opening
 * one: "told the court on Monday she was hired"), then the end of the sentence.
 */
const ADDRESSEE_TO_END =
  /^\s+(?:him|her|them|us|me|you|reporters|journalists|lawmakers|members|parliament|MPs|MPPs|(?:the|a|an|his|her|their)(?:\s+(?!(?:that|who|which|whether|if|how|what|why|when|he|she|they|it|we|i|is|was|are|were|will|would|had|has)\b)[\p{L}\p{N}'’.&-]+){1,5}|(?:\p{Lu}[\p{L}'’.&-]*\s*){1,5}?)(?:\s*,?\s+(?:(?:on|in|at|by|during|after|before|from|via|over|earlier|later)\b|(?:last|this)\s+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)(?:(?!\bthat\s|\b(?:he|she|they|we|I)\s+\p{Ll})[^,.;:!?"“”]){0,60}?){0,2}\s*(?:[.!?]["”’]?\s*)?$/u;

/** "described X as Y", "branded the plan as Y": a verb of describing, its object (a few words), "as". */
const DESCRIBED_AS =
  /(?<![\p{L}-])(described|describes|describing|characteri[sz]ed|characteri[sz]es|labell?ed|branded)(\s+(?:[\p{L}\p{N}'’-]+\s+){1,6}?)as\s+/u;

/** "what X calls Y", "what they said was Y": a short subject and a verb of naming or saying. */
const WHAT_X_CALLS =
  /\bwhat\s+((?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\p{L}'’.-]+\s+){0,3}?[\p{L}'’.-]+)\s+(calls|called|call|describes|described\s+as|describe\s+as|terms|termed|dubs|dubbed|said\s+(?:was|were|is|are)|says\s+(?:is|are|was)|say\s+(?:is|are|was))\s+(?=\p{L})/u;

/** Sentence openers of two words or more that report nothing ("For instance, she said, ..."). */
const OPENING_PHRASE =
  /^(?:for (?:instance|example)|in (?:fact|addition|short|particular|general|contrast|turn|the meantime|other words)|of course|as a result|by contrast|at the same time|on the other hand|at first|after all|even so|above all)$/i;

/** "according to plan" and the like: a manner, not a source. */
const ACCORDING_IDIOM =
  /^(?:(?:the|a|its|their|his|her|our)\s+)?(?:plan|plans|schedule|script|tradition|custom|protocol|form|expectations?|rules?)\s*$/i;

/**
 * Prepositional phrases that end the sentence after a cue and its adjuncts ("during a news briefing
 * after the talks."): a preposition and a short noun phrase, one to three times, with no determiner,
 * pronoun, auxiliary or past form inside that would open a clause of its own.
 */
const TRAILING_PREPOSITIONAL =
  /^(?:\s*,?\s+(?:after|before|during|following|at|in|on|from|with|ahead\s+of|amid|alongside)\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:(?!(?:the|a|an|he|she|they|it|we|i|this|that|there|is|was|are|were|will|would|has|have|had|can|could|should|may|might|must)\b)[\p{L}\p{N}'’-]+(?<!ed)\s+){0,3}?(?!(?:the|a|an|he|she|they|it|we|i|this|that|there)\b)[\p{L}\p{N}'’-]+(?<!ed)){1,3}\s*[.!?]?["”’]?\s*$/u;

/** "told" / "tells": the cue whose object is the addressee, not the speaker or the content. */
const TOLD = /^(?:told|tells)$/i;

/**
 * After an inverted cue, a lower-case title and a name up to a comma or the sentence end: "..., said
 * agency vice-director Ada Lind, in a statement." (the title is a person noun or its modifiers).
 */
function titledNameAfter(rest: string): boolean {
  const m = /^\s+((?:[\p{Ll}-]+\s+){1,4})\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}\s*(?:[,.;]|$)/u.exec(
    rest,
  );
  if (!m) return false;
  const words = m[1]!.trim().split(/\s+/);
  return isPersonHead(words.at(-1)!) && !/^(?:that|it|he|she|they|we|i|this|there)$/.test(words[0]!);
}

/**
 * After an inverted cue set off by commas, "the" and a noun that can speak, then a comma or the
 * sentence end: "The plan, insists the mayor, will ...", "CONTENT, said the report." (not "announced
 * the news, adding ...").
 */
function speakerNounPhraseAfter(rest: string): boolean {
  const m =
    /^\s+the\s+(?:[\p{L}'’-]+\s+){0,3}?([\p{Ll}'’-]+)\s*[,;]\s*(?![\p{Ll}]+ing\b)/u.exec(rest) ??
    // (at the sentence end only modifiers before the noun: "said the bid undervalued the business." is a clause)
    /^\s+the\s+(?:(?!(?:the|a|an|\p{Ll}+ed)\s)[\p{L}'’-]+\s+){0,2}?([\p{Ll}'’-]+)[.!?]?["”’]?\s*$/u.exec(
      rest,
    );
  return m !== null && isSpeakerNoun(m[1]!);
}

/** A day after a cue ("X, a minister, said Wednesday that ..."): a time adjunct, not an inverted speaker. */
const DAY_AFTER =
  /^\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tonight)\b(?!['’])/;

/** A trailing ", Name reported." (an outlet or person relaying the statement) at a sentence end. */
const RELAY_TAIL =
  /,\s+(?:\p{Lu}[\p{L}\p{M}.'’&-]*\s+){1,4}(?:reported|reports|said|says)\s*[.!?]?["”’]?\s*$/u;

/**
 * Between a cue and an opening quote mark, the start of a reported clause of two words or more ("said
 * he did not see a "...", "said the station would "..."): not an addressee, an adjunct, "that" alone or
 * a lead-in ending in a colon or comma.
 */
function reportedClauseBefore(text: string, cue: CueMatch, open: number): boolean {
  const lead = text.slice(contentStartAfterCue(text, cue, open), open).trim();
  // "said even though X is wrong, "...": a subordinate clause opens the reported sentence.
  const subordinate =
    /^(?:even though|although|though|if|when|while|because|as|since|unless|once|after|before)\b.*,$/i.test(
      lead,
    );
  return (
    lead.split(/\s+/).filter(Boolean).length >= 2 &&
    (subordinate || !/[:,;—–-]$/.test(lead)) &&
    !/^(?:in|on|at|to|from|via|through|during|after|before|with|by|for|of|about|as)\b/i.test(lead)
  );
}

const OWN_QUOTATION_CLAUSE =
  /(?:,|\s[―—–-])\s+(?:(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*|he|she|they)\s+(?:then\s+|later\s+)?(\p{Ll}+)(?:\s+back)?\s*[,:]\s*["“]/gu;

/**
 * A noun of saying (group 2) with its source, then "that": a possessor before it ("Smith's claim
 * that", group 1) or a "from"/"by" phrase after it ("an attack from Beijing's envoy in Ottawa that",
 * group 3).
 */
const NOUN_OF_SAYING =
  /(?:\b((?:\p{Lu}[\p{L}.'’-]*\s+(?:(?:of|for|and|on|the)\s+)?){0,4}\p{Lu}[\p{L}.'’-]*['’]s?)\s+(?:[\p{Ll}-]+\s+)?)?\b(claims?|warnings?|accusations?|allegations?|assertions?|suggestions?|insistence|attacks?|criticism|complaints?|arguments?|admissions?|assurances?|predictions?|threats?|boasts?|denials?)(?:\s+(?:from|by)\s+((?:the\s+)?(?:[\p{L}.'’-]+\s+){0,7}?[\p{L}.'’-]+))?\s+that\s+/gu;

/** End of the reported content: the sentence end, or before ", according to ..." and the like. */
function contentEnd(text: string, start: number, sentenceEnd: number): number {
  let end = sentenceEnd;
  const tail = text.slice(start, end);
  const cut =
    /,\s+(?:according to|(?:he|she|they|it|we)\s+(?:said|says|say|added|adds|told|tells|warned|warns|argued|argues|insisted|insists|stressed|claimed|claims|explained|noted))\b/i.exec(
      tail,
    );
  if (cut) end = start + cut.index;
  // "When X noted that CONTENT ― Y boasted, "...": a clause with its own speaker and a quotation ends it.
  for (const m of text.slice(start, end).matchAll(OWN_QUOTATION_CLAUSE)) {
    if (CUES.has(m[1]!)) {
      end = start + m.index;
      break;
    }
  }
  // "X said CONTENT, Agency reported.": the relaying outlet's cue is not part of what X said.
  const relay = RELAY_TAIL.exec(text.slice(start, end));
  if (relay) end = start + relay.index;
  while (end > start && /[\s.!?,;:]/.test(text.charAt(end - 1))) end--;
  return end;
}

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/).filter(Boolean).length;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * "X said CONTENT, while Y warned ...": a coordinated clause with a speaker of its own ends X's
 * content. A report nested without a conjunction ("X said Y told her ...") stays X's content, and so
 * does a clause whose subject is a pronoun (it may be X again) or whose verb is a weak cue.
 */
function nextSpeakerClause(
  text: string,
  sentence: Sentence,
  cues: CueMatch[],
  start: number,
  end: number,
  subjectOf: SubjectFinder,
): number {
  for (const next of cues) {
    if (next.start <= start || next.start >= end || isParticiple(next)) continue;
    if (WEAK_CUES.has(next.word.toLowerCase()) || !isSpeechCue(text, next)) continue;
    const other = subjectOf(sentence.start, next.start);
    // A pronoun may be X again ("..., but he stressed ..."): only a described or named other speaker.
    if (!other || other.span.start <= start || /^(?:he|she|it|they|we|i|you)$/i.test(other.text)) continue;
    // (title words may stand between: "..., but Tory Liam Fox said", "while fellow Tory X said")
    const conjunction = /,?\s*\b(?:while|whereas|but|and)\s+((?:[\p{L}'’.-]+\s+){0,3})$/u.exec(
      text.slice(start, other.span.start),
    );
    if (!conjunction) continue;
    const titleWords = conjunction[1]!.split(/\s+/).filter(Boolean);
    // (no determiner: "... and the High Court had stressed ..." may be X's report still)
    if (
      !titleWords.every(
        (w) =>
          /^\p{Lu}/u.test(w) || (isPremodifierWord(w) && !/^(?:the|a|an|his|her|their|its|our)$/i.test(w)),
      )
    )
      continue;
    let cut = start + conjunction.index;
    while (cut > start && /[\s,;:—–-]/.test(text.charAt(cut - 1))) cut--;
    return cut;
  }
  return end;
}

/** Indirect (and partial) statements in one sentence, given the direct-quote segments around it. */
function indirectInSentence(
  text: string,
  sentence: Sentence,
  segments: QuoteSegment[],
  usedCues: Set<number>,
  subjectOf: SubjectFinder,
  index: MentionIndex,
): Candidate[] {
  const out: Candidate[] = [];
  if (TEASER.test(text.slice(sentence.start, sentence.start + 12))) return [];
  const insideSegment = (offset: number): boolean =>
    segments.some((s) => s.content.start <= offset && offset < s.content.end);
  const sentenceCues = cuesIn(text, sentence.start, sentence.end);
  // Whether a cue of this sentence inside `span` already attributed something (checked per sentence,
  // not over the document's whole set of used cues).
  const usedCueWithin = (span: Span): boolean =>
    sentenceCues.some((c) => usedCues.has(c.start) && c.start >= span.start && c.start < span.end);
  // A finite verb of saying opening a span's clause ("X said that ..."), taken as a report of its own.
  const ownCueWithin = (span: Span): boolean =>
    sentenceCues.some(
      (c) =>
        c.start >= span.start &&
        c.start < Math.min(span.end, span.start + 70) &&
        usedCues.has(c.start) &&
        !/[,;:]/.test(text.slice(span.start, c.start)) &&
        !isParticiple(c) &&
        !insideSegment(c.start) &&
        isSpeechCue(text, c),
    );
  // "a scathing attack from Beijing's envoy that it smacks of "..."", "claims by the opposition that
  // ...", "Smith's warning that ...": a noun of saying with its source and a that-clause.
  const nounCues = new Set<number>();
  for (const m of text.slice(sentence.start, sentence.end).matchAll(NOUN_OF_SAYING)) {
    const at = sentence.start + m.index;
    if (insideSegment(at)) continue;
    // (not a statement that is the sentence's own subject, "Bellamy's claim that ... was denied by X":
    // where its clause ends is not known)
    if (
      !/\p{L}[^]*\s\p{L}/u.test(
        text
          .slice(sentence.start, at)
          .replace(/\b(?:the|a|an|but|and)\b/gi, '')
          .trim(),
      )
    )
      continue;
    const noun = m[2]!;
    const sourceText = (m[3] ?? m[1])?.trim().replace(/['’]s?$/, '');
    if (!sourceText) continue;
    const nounAt = m[0].indexOf(noun, m[1] ? m[0].indexOf(m[1]) + m[1].length : 0);
    const sourceStart = m[3] ? at + m[0].indexOf(m[3], nounAt + noun.length) : at + m[0].indexOf(m[1]!);
    const start = at + m[0].length;
    const content = trimContent(
      text,
      start,
      contentEnd(
        text,
        start,
        nextSpeakerClause(text, sentence, sentenceCues, start, sentence.end, subjectOf),
      ),
    );
    if (wordCount(text, content) < 3) continue;
    // "suggestions by the banks that would upset ...": "that" relative to the noun, no statement.
    if (
      /^(?:would|will|could|can|may|might|should|must|is|are|was|were|has|have|had|did|does)\b/i.test(
        text.slice(content.start, content.start + 8),
      )
    )
      continue;
    // The noun may be a cue word too ("claims"): its verb reading is not taken (nor counted as used:
    // the statement may sit inside another's report, "..., and claims by X that ..., he told MPs").
    for (const c of sentenceCues) if (c.start >= at && c.start < start) nounCues.add(c.start);
    out.push({
      kind: segments.some((seg) => overlaps(seg.content, content)) ? 'partial' : 'indirect',
      content,
      paragraph: sentence.paragraph,
      phrase: { text: sourceText, span: { start: sourceStart, end: sourceStart + sourceText.length } },
      cue: noun,
      mentioned: true,
    });
  }
  const mentionedCount = out.length;
  for (const cue of sentenceCues) {
    if (
      usedCues.has(cue.start) ||
      nounCues.has(cue.start) ||
      insideSegment(cue.start) ||
      !isSpeechCue(text, cue)
    )
      continue;
    // "what they said was Y": a free relative, taken below with its own subject.
    if (
      /^\s+(?:was|were|is|are)\b/.test(text.slice(cue.end, cue.end + 6)) &&
      /\bwhat\s+(?:[\p{L}'’.-]+\s+){1,4}$/iu.test(
        text.slice(Math.max(sentence.start, cue.start - 50), cue.start),
      )
    )
      continue;
    const participle = isParticiple(cue);
    const subject = participle
      ? subjectOf(sentence.start, cue.start, true)
      : subjectOf(sentence.start, cue.start);
    const start = contentStartAfterCue(text, cue, sentence.end);
    let end = nextSpeakerClause(
      text,
      sentence,
      sentenceCues,
      start,
      contentEnd(text, start, sentence.end),
      subjectOf,
    );
    // "urged them to stop, declaring: "..."" / "When X said ..., Y replied: "..."": a cue inside the
    // clause that attributed a quotation already ends this cue's content, at the comma before that
    // participle or before that cue's subject (a report nested without a comma stays: "X said Y told her").
    // A participle after a comma reports a statement of its own (", saying ...", ", adding that ...").
    for (const c of sentenceCues) {
      if (c.start <= start || c.start >= end) continue;
      let cut: number | undefined;
      if (isParticiple(c)) {
        if (
          /,\s*$/.test(text.slice(start, c.start)) &&
          (usedCues.has(c.start) || (!WEAK_CUES.has(c.word) && isSpeechCue(text, c)))
        )
          cut = c.start;
      } else if (usedCues.has(c.start)) {
        // The subject may carry a title or description after the comma ("..., Mayor X replied").
        const other = subjectOf(sentence.start, c.start);
        const lead = other && other.span.start > start ? text.slice(start, other.span.start) : '';
        const comma = /,(?:\s+[^\s,;:"“”]+){0,4}\s*$/.exec(lead);
        if (comma) cut = start + comma.index;
      }
      if (cut === undefined) continue;
      end = cut;
      while (end > start && /[\s,;:—–-]/.test(text.charAt(end - 1))) end--;
      break;
    }
    const content = { start, end };
    const body = text.slice(start, end);
    // A cue that closes its clause ("..., X said." / "X said, adding ...") reports what came before.
    // "..., said X, a lawyer.": a cue right after a comma with a name after it is an inverted report.
    const afterComma = /,\s*$/.test(text.slice(Math.max(sentence.start, cue.start - 3), cue.start));
    const closesClause =
      /^\s*(?:[,.;!?]|$)/.test(text.slice(cue.end, sentence.end)) ||
      // "CONTENT, she told the Tarn Herald on Monday.": only the addressee and adjuncts follow "told".
      (TOLD.test(cue.word) && ADDRESSEE_TO_END.test(text.slice(cue.end, sentence.end))) ||
      /^\s*(?:[,.;!?]|$)/.test(text.slice(skipAdjuncts(text, cue.end, sentence.end), sentence.end)) ||
      // "CONTENT, Kim said during a news briefing after the talks.": only prepositional phrases follow
      // the cue of a subject set off by a comma from the content before it.
      (subject !== undefined &&
        !participle &&
        !WEAK_CUES.has(cue.word.toLowerCase()) &&
        plausibleSpeaker(subject.text) &&
        /,\s*$/.test(text.slice(sentence.start, subject.span.start)) &&
        TRAILING_PREPOSITIONAL.test(text.slice(skipAdjuncts(text, cue.end, sentence.end), sentence.end))) ||
      // (a participle is never inverted: ", saying Nordland will ..." reports what Nordland will do)
      (afterComma &&
        !participle &&
        // "X, a reporter, told Tarn Radio that ...": the name after "told" is its addressee, and a
        // clause after it is what was told (only a short addressee may end the sentence).
        !(
          subject &&
          TOLD.test(cue.word) &&
          !/^\s+\p{Lu}[\p{L}'’.&-]*(?:\s+[\p{L}'’.&-]+){0,3}\s*(?:[,.;]|$)/u.test(
            text.slice(cue.end, sentence.end),
          )
        ) &&
        !mentionSubjectBefore(text, index, sentence.start, cue.start) &&
        (/^\s+(?:\p{Lu}|\d+-year-old\s+\p{Lu})[^,.;]*(?:[,.;]|$)/u.test(text.slice(cue.end, sentence.end)) ||
          speakerNounPhraseAfter(text.slice(cue.end, sentence.end)) ||
          titledNameAfter(text.slice(cue.end, sentence.end))) &&
        !/^\s+(?:He|She|They|It|We|I)\b/.test(text.slice(cue.end, cue.end + 5)) &&
        !DAY_AFTER.test(text.slice(cue.end, cue.end + 12)));
    // "X said, if elected, she would ...": a comma after the cue of a subject that opens the sentence
    // (nothing reported before it) sets off the reported clause, not the end of a report.
    const commaThenClause =
      subject !== undefined &&
      !participle &&
      !/,/.test(text.slice(sentence.start, subject.span.start)) &&
      subject.span.start < cue.start &&
      COMMA_THEN_CLAUSE.test(text.slice(cue.end, cue.end + 40)) &&
      wordCount(text, content) >= 4;
    const afterThat = /\bthat\s*$/.test(text.slice(cue.end, start));
    // A nominative pronoun opens a clause as "that" does ("announced he would run"), never an object.
    const clauseOpens = /^(?:he|she|they|we|i)\s+\p{Ll}/u.test(text.slice(start, start + 14));
    // "claims the first break", "claimed victory": a claim with a noun phrase after it reports nothing;
    // without "that" its content must read as a clause ("claimed the figures were wrong").
    // So does a participle that announces or confirms a thing ("announcing the measure,").
    const claimWithoutClause =
      /^(?:claim(?:s|ed)?|maintain(?:s|ed)?|announcing|confirming|revealing|adding|writing)$/i.test(
        cue.word,
      ) &&
      !afterThat &&
      !clauseOpens &&
      !/^it\s/i.test(text.slice(start, start + 3)) &&
      !readsAsClause(text.slice(start, end));
    const needsThat =
      (WEAK_CUES.has(cue.word.toLowerCase()) && !afterThat && !clauseOpens) || claimWithoutClause;
    if (
      (subject || participle) &&
      (!closesClause || commaThenClause) &&
      !needsThat &&
      end > start &&
      wordCount(text, content) >= 3 &&
      // A clause, not a leftover adjunct or object: a long content may open with "in his area, ...".
      // After "that" the content is a clause even when it opens with a number or a preposition ("said
      // that 600 homes ...", "noted that as a businessman, ...").
      // ("said about 8,500 vehicles had arrived": "about" before a figure is an estimate, no topic)
      (afterThat ||
        !/^(?:by|for|of|from|with|about|as|and|or|but)\b/i.test(body) ||
        /^(?:about|around)\s+[\d$£€][\d,.]*\s+(?:\p{Ll}+\s+){1,2}(?:had|have|has|were|was|are|is|will|would)\b/u.test(
          body,
        )) &&
      // Not the rest of a sentence after an aside set off by dashes ("effort - too much, critics
      // argue - into enforcement"): the aside reports nothing after its closing dash.
      !(/^[-–—]/.test(body) && text.slice(sentence.start, cue.start).includes(body.charAt(0))) &&
      (afterThat || !/^(?:\d|\$)/.test(body)) &&
      (!/^(?:in|on|at)\b/i.test(body) || wordCount(text, content) >= 8) &&
      (!/^to\b/i.test(body) || URGE_CUES.has(cue.word.toLowerCase())) &&
      !(subject && (NON_SPEAKER_SUBJECT.test(subject.text) || !plausibleSpeaker(subject.text)))
    ) {
      const quoted = segments.filter((s) => overlaps(s.content, content));
      // A full quotation right after the cue is a direct quote attributed before it.
      if (quoted.some((s) => s.sentenceLike && s.open <= start + 1)) continue;
      // ... and so is a short one that makes up the whole content after an addressee ("telling a radio
      // station Monday “nothing will change”"): left to the pass over fragments, which reports it.
      if (
        OBJECT_CUES.has(cue.word.toLowerCase()) &&
        /\S/.test(text.slice(cue.end, start)) &&
        quoted.some((s) => s.open === start && s.close !== undefined && s.close + 1 >= end)
      )
        continue;
      // A quotation opened inside the clause runs to its closing mark, past the sentence end.
      const runsOn = quoted.find((s) => s.open > start && s.content.end > content.end);
      out.push({
        kind: quoted.length ? 'partial' : 'indirect',
        content: runsOn ? { start: content.start, end: runsOn.content.end } : content,
        paragraph: sentence.paragraph,
        ...(subject ? { phrase: subject } : {}),
        cue: cue.word,
      });
      usedCues.add(cue.start);
      // "The budget, he told reporters, would be ...": a "told" set off by commas with its addressee
      // in the middle of the statement; the words before it are the speaker's too.
      if (
        subject &&
        TOLD.test(cue.word) &&
        subject.span.start < cue.start &&
        plausibleSpeaker(subject.text) &&
        /,\s*$/.test(text.slice(cue.end, start))
      ) {
        const lead = text.slice(sentence.start, subject.span.start);
        const before = trimContent(text, sentence.start, sentence.start + Math.max(0, lead.lastIndexOf(',')));
        const words = text.slice(before.start, before.end);
        if (
          /,\s*$/.test(lead) &&
          wordCount(text, before) >= 2 &&
          !OPENING_PHRASE.test(words) &&
          // Not a circumstance of the telling ("On Monday, he told reporters, ...").
          !/^(?:in|on|at|after|before|during|when|while|asked|speaking|if|as|since|because|following)\b/i.test(
            words,
          ) &&
          !/^["“]/.test(words) &&
          !segments.some((s) => overlaps(s.content, before) && s.sentenceLike) &&
          !usedCueWithin(before)
        )
          out.push({
            kind: segments.some((s) => overlaps(s.content, before)) ? 'partial' : 'indirect',
            content: before,
            paragraph: sentence.paragraph,
            phrase: subject,
            cue: cue.word,
          });
      }
      continue;
    }
    if (participle) continue;
    // Inverted: "CONTENT, X said." / "CONTENT, said X." / "CONTENT, he explains, for ...".
    // "CONTENT, says Kim.": after a comma, a cue followed by a name is inverted; the name speaks.
    const inverted =
      afterComma &&
      (/^\s+(?:\p{Lu}|the\s|a\s|an\s|\d+-year-old\s)/u.test(text.slice(cue.end, cue.end + 16)) ||
        titledNameAfter(text.slice(cue.end, sentence.end))) &&
      !DAY_AFTER.test(text.slice(cue.end, cue.end + 12)) &&
      // "CONTENT, his counterpart, X, told Veldish radio.": what follows "told" is the addressee.
      !(subject && TOLD.test(cue.word))
        ? subjectAfter(text, cue.end, sentence.end)
        : undefined;
    const phrase =
      (inverted && plausibleSpeaker(inverted.text) ? inverted : undefined) ??
      subject ??
      subjectAfter(text, cue.end, sentence.end);
    if (!phrase || (subject && !closesClause)) continue;
    const lead = text.slice(sentence.start, Math.min(phrase.span.start, cue.start));
    const comma = lead.lastIndexOf(',');
    if (comma < 0) continue;
    // "CONTENT, his counterpart, Minister X, told ...": a short description set off before the
    // name is the speaker's too; the content ends before it (a clause there, "an employee called
    // police, X said", is content: no verb in the description).
    const described =
      /^\p{Lu}/u.test(phrase.text) && phrase.span.start < cue.start
        ? /,["”’]?\s+((?:his|her|their|its|the|a|an)(?:\s+(?!(?:is|was|are|were|has|have|had|will|would|can|could|says?|said|told|tells)\b)[\p{Ll}'’-]+(?<!ed)){1,4})\s*$/u.exec(
            lead.slice(0, comma),
          )
        : null;
    const cut = described ? described.index + described[0].length - described[1]!.length - 1 : comma;
    const before = trimContent(text, sentence.start, sentence.start + cut);
    if (
      /^["“]/.test(text.slice(before.start, before.start + 1)) ||
      segments.some((s) => overlaps(s.content, before) && s.sentenceLike)
    )
      continue;
    // "Instead, he said, CONTENT." / "Otherwise, she said, CONTENT.": an opening adverb is no report,
    // but the parenthetical attribution still reports what follows it.
    if (
      wordCount(text, before) < 2 ||
      OPENING_PHRASE.test(text.slice(before.start, before.end)) ||
      // "More significantly, says the report, ...": an adverb phrase alone
      /^(?:(?:more|most|less|even|perhaps|still|quite|very|so|rather)\s+)?\p{L}+ly$/iu.test(
        text.slice(before.start, before.end),
      )
    ) {
      // (after the speaker when it follows the cue: "More significantly, says the report, ...")
      const restFrom = phrase.span.start > cue.start ? phrase.span.end : cue.end;
      const rest = /^\s*,\s*(?:that\s+)?/.exec(text.slice(restFrom, sentence.end));
      if (!rest || wordCount(text, before) < 1) continue;
      const after = trimContent(
        text,
        restFrom + rest[0].length,
        contentEnd(text, restFrom + rest[0].length, sentence.end),
      );
      if (
        wordCount(text, after) < 3 ||
        !/^[\p{L}\p{N}"“‘']/u.test(text.charAt(after.start)) ||
        segments.some((s) => overlaps(s.content, after) && s.sentenceLike)
      )
        continue;
      out.push({ kind: 'indirect', content: after, paragraph: sentence.paragraph, phrase, cue: cue.word });
      usedCues.add(cue.start);
      continue;
    }
    // "X said CONTENT, Agency reported.": CONTENT is X's, already taken; the outlet only relays it.
    if (usedCueWithin(before)) continue;
    out.push({
      kind: segments.some((s) => overlaps(s.content, before)) ? 'partial' : 'indirect',
      content: before,
      paragraph: sentence.paragraph,
      phrase,
      cue: cue.word,
    });
    usedCues.add(cue.start);
    // A parenthetical attribution ("Too often, he says, they get it.") reports what follows too, also
    // after adjuncts of the cue ("The plan, he said on Friday, will ...") and after an inverted
    // speaker when a verb or "that" goes on ("The plan, said X, would ..."; not ", said X, a lawyer").
    // Those two need a plausible speaker set off by a comma and words in lower case after it (not a
    // title, "in a report, Paying the Price", nor a relative clause or a conjunction: ", which was ...",
    // "cases mentioned last week, but will ...").
    const speakerAfter = phrase.span.start > cue.start;
    let restAt = speakerAfter ? phrase.span.end : cue.end;
    for (let k = 0; k < 3; k++) {
      // Adjuncts of the cue only, never one after the comma that ends it (", to hand the phone back").
      const adj = /^\s*,/.test(text.slice(restAt, restAt + 3))
        ? null
        : ADJUNCT.exec(text.slice(restAt, sentence.end));
      if (!adj) break;
      restAt += adj[0].length;
    }
    const rest = /^\s*,\s*(?:that\s+)?/.exec(text.slice(restAt, sentence.end));
    const restStart = rest ? restAt + rest[0].length : restAt;
    const extended = restAt !== cue.end;
    const restHead = text.slice(restStart, restStart + 20);
    if (
      rest &&
      // ("..., analysts said, and the company expects ...": a clause with a subject of its own joined on
      // is the writer's; "..., he says, and are mostly meant ..." goes on with the reported clause)
      !/^(?:(?:and|but|or)\s+(?:the|a|an|this|that|these|those|its|his|her|their|he|she|it|they|we|I|if|when|\p{Lu}|\d)|which|who|whom|whose|while|whereas)\b/u.test(
        restHead,
      ) &&
      (!extended ||
        (plausibleSpeaker(phrase.text) &&
          /,\s*$/.test(text.slice(sentence.start, speakerAfter ? cue.start : phrase.span.start)) &&
          /^\p{Ll}/u.test(restHead) &&
          !/^(?:which|who|whom|whose|where|when|and|but|or|as|while)\b/.test(restHead))) &&
      (!speakerAfter ||
        /\bthat\s+$/.test(rest[0]) ||
        /^(?:is|was|are|were|will|would|could|should|can|may|might|must|has|have|had|did|does|do)\b/.test(
          restHead,
        ))
    ) {
      const after = trimContent(text, restStart, contentEnd(text, restStart, sentence.end));
      const participleAfter = /^([a-z]+ing)(\s+that\b)?/.exec(text.slice(after.start, after.start + 30));
      if (
        wordCount(text, after) >= 2 &&
        // Words, not a dash or bracket left over from an aside ("too much, critics argue - into ...").
        /^[\p{L}\p{N}"“‘']/u.test(text.charAt(after.start)) &&
        // Not a participle cue that reports a statement of its own (", adding that ...").
        !(
          participleAfter &&
          CUES.has(participleAfter[1]!) &&
          (!WEAK_CUES.has(participleAfter[1]!) || participleAfter[2] !== undefined)
        ) &&
        !segments.some((s) => overlaps(s.content, after) && s.sentenceLike)
      ) {
        out.push({ kind: 'indirect', content: after, paragraph: sentence.paragraph, phrase, cue: cue.word });
      }
    }
  }
  const slice = text.slice(sentence.start, sentence.end);
  // The guard of the "described X as Y" and "what X calls Y" rules: a plausible speaker, a content of
  // two words or more, the cue (`at`) outside a quotation, nothing already taken over the content.
  const acceptsNamedStatement = (subject: SpeakerPhrase, content: Span, at: number): boolean =>
    plausibleSpeaker(subject.text) &&
    !NON_SPEAKER_SUBJECT.test(subject.text) &&
    wordCount(text, content) >= 2 &&
    !insideSegment(at) &&
    !segments.some((s) => overlaps(s.content, content)) &&
    !out.some((o) => overlaps(o.content, content));
  // "Police described the attack as a carjacking": what the subject called it is their statement.
  const described =
    slice.includes(' as ') && /describ|characteri|label|brand/.test(slice) ? DESCRIBED_AS.exec(slice) : null;
  if (described) {
    const verbAt = sentence.start + described.index;
    const passive = /\b(?:is|was|were|are|be|been|being)\s+(?:\p{Ll}+ly\s+)?$/u.test(
      text.slice(Math.max(sentence.start, verbAt - 30), verbAt),
    );
    const start = sentence.start + described.index + described[0].length;
    let end = contentEnd(text, start, sentence.end);
    // "... as a carjacking and said she fled": a second verb of the subject ends the description.
    const more =
      /,?\s+(?:and|but)\s+(?:(?:also|then|later)\s+)?(?:said|says|told|tells|\p{Ll}{3,}ed)\b/u.exec(
        text.slice(start, end),
      );
    if (more) end = start + more.index;
    const content = trimContent(text, start, end);
    const subject = passive ? undefined : subjectOf(sentence.start, verbAt);
    if (subject && acceptsNamedStatement(subject, content, verbAt))
      out.push({
        kind: 'indirect',
        content,
        paragraph: sentence.paragraph,
        phrase: subject,
        cue: described[1]!,
      });
  }
  // "his concern lies in what he calls the erosion of free speech": the words after the cue are X's.
  const whatCalls = slice.includes('what ') || slice.includes('What ') ? WHAT_X_CALLS.exec(slice) : null;
  if (whatCalls) {
    const subjectAt = sentence.start + whatCalls.index + whatCalls[0].indexOf(whatCalls[1]!, 4);
    let subject: SpeakerPhrase = {
      text: whatCalls[1]!,
      span: { start: subjectAt, end: subjectAt + whatCalls[1]!.length },
    };
    // "members complained about what they said was ...": "they" are the plural subject of the clause.
    if (/^they$/i.test(subject.text)) {
      const lead = slice.slice(0, whatCalls.index);
      const main =
        /(?:^|,\s+)((?:the\s+|many\s+|some\s+)?[\p{L}-]+[^s\W]s)\s+\p{Ll}+(?:ed|s)(?:\s+(?:about|over|at|of|with|to))?\s*$/iu.exec(
          lead,
        );
      if (main && !/^(?:they|this|its|his|was|has|is)$/i.test(main[1]!)) {
        const at = sentence.start + main.index + main[0].indexOf(main[1]!);
        subject = { text: main[1]!, span: { start: at, end: at + main[1]!.length } };
      }
    }
    const start = sentence.start + whatCalls.index + whatCalls[0].length;
    const stop = /[,;:(—–]/.exec(text.slice(start, sentence.end));
    const content = trimContent(
      text,
      start,
      contentEnd(text, start, stop ? start + stop.index : sentence.end),
    );
    if (acceptsNamedStatement(subject, content, start))
      out.push({
        kind: 'indirect',
        content,
        paragraph: sentence.paragraph,
        phrase: subject,
        cue: whatCalls[2]!,
      });
  }
  // "According to X, CONTENT." and "CONTENT, according to X."
  // (a dot inside an abbreviation does not end the source: "a report from U.S. intelligence agencies")
  const according =
    /\baccording to\s+((?:[^,.;]|\.(?=\S|\s+\p{Ll}))(?:[^,.;]|\.(?=\S|\s+\p{Ll})){1,79})/iu.exec(slice);
  if (according && !insideSegment(sentence.start + according.index) && !ACCORDING_IDIOM.test(according[1]!)) {
    const phraseStart = sentence.start + according.index + according[0].length - according[1]!.length;
    const phrase = {
      text: according[1]!.trim(),
      span: { start: phraseStart, end: phraseStart + according[1]!.trim().length },
    };
    const atStart = according.index < 3;
    // "The harsh truth, according to experts, is ...": set off by commas inside the sentence, with the
    // predicate going on after it; what follows is the statement (the subject before it is its topic).
    // Only when the topic is too short to report by itself ("Fundraising, according to ..., has").
    const inside =
      !atStart &&
      /,\s*$/.test(slice.slice(0, according.index)) &&
      wordCount(text, trimContent(text, sentence.start, sentence.start + according.index)) < 3 &&
      /^,\s+\p{Ll}/u.test(text.slice(phrase.span.end, phrase.span.end + 3));
    // "According to Frank Brown, global advisory leader at PwC, the trend ...", "According to Italy's
    // business newspaper, Il Sole 24 Ore, the government ...": an appositive after the source (a name
    // after a description, a role after a name) is no part of the statement.
    let after = phrase.span.end + 1;
    const appositive = /^\s*([^,;:"“”()]{2,60}),\s+/.exec(text.slice(after, sentence.end));
    if (appositive && wordCount(text, { start: after + appositive[0].length, end: sentence.end }) >= 3) {
      const apposition = appositive[1]!.trim();
      const described = /\s\p{Ll}+$/u.test(phrase.text);
      const nameAfterDescription =
        described && /^\p{Lu}[\p{L}\d'’.&-]*(?:\s+\p{Lu}[\p{L}\d'’.&-]*){0,5}$/u.test(apposition);
      const roleAfterName =
        !described &&
        /^\p{Lu}/u.test(phrase.text) &&
        (/^(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,4}(?:of|at|for|with)\s+(?:the\s+)?\p{Lu}[^,]*$/u.test(
          apposition,
        ) ||
          isPersonHead(apposition.split(/\s+/).at(-1)!.toLowerCase()));
      if (nameAfterDescription || roleAfterName) after += appositive[0].length;
    }
    const content =
      atStart || inside
        ? trimContent(text, after, contentEnd(text, after, sentence.end))
        : trimContent(text, sentence.start, sentence.start + according.index);
    // (a full quotation inside the content, after words of the writer's, is part of it: "According to
    // the memo, the fund "believed in ..."": a mixed quote; one that is the whole content is direct)
    const quoted = segments.filter((s) => overlaps(s.content, content));
    const whole = quoted.some(
      (s) => s.sentenceLike && wordCount(text, { start: content.start, end: s.open }) < 2,
    );
    if (
      wordCount(text, content) >= 3 &&
      !whole &&
      // "X said CONTENT, according to Agency": X's statement, already taken; the agency relays it.
      // (so does "According to the FT, X said that ..." and "According to advance text, he told delegates: ...")
      (((atStart || inside) && !ownCueWithin(content)) || !usedCueWithin(content))
    ) {
      out.push({
        kind: quoted.length > 0 ? 'partial' : 'indirect',
        content,
        paragraph: sentence.paragraph,
        phrase,
        cue: 'according to',
      });
    }
  }
  // A statement mentioned inside someone's report ("X said Y's admission that ... suggested ...") is
  // part of that report, not a quote of its own.
  return mentionedCount === 0
    ? out
    : out.filter(
        (c) =>
          !c.mentioned ||
          !out.some(
            (o) => !o.mentioned && o.content.start <= c.content.start && c.content.start < o.content.end,
          ),
      );
}

function sentenceSpanOf(sentences: Sentence[], span: Span): Span {
  const first = sentenceAt(sentences, span.start);
  const last = sentenceAt(sentences, Math.max(span.start, span.end - 1));
  return { start: first?.start ?? span.start, end: last?.end ?? span.end };
}

export function extractQuotes(text: string, sentences: Sentence[], entities: EntityRecord[]): QuoteRecord[] {
  const segments = findQuoteSegments(text, sentences);
  const index = buildMentionIndex(entities, text);
  const subjectOf: SubjectFinder = (from, cueStart, participle) => {
    // "X went on to say": the subject stands before "went".
    const wentOn = /(?<![\p{L}\p{M}])(?:went|goes|go)\s+on\s+to\s+$/iu.exec(
      text.slice(Math.max(from, cueStart - 16), cueStart),
    );
    if (wentOn) cueStart = Math.max(from, cueStart - 16) + wentOn.index;
    if (participle) {
      const sentence = sentenceAt(sentences, cueStart);
      if (!sentence) return undefined;
      // "..., with reports saying he has fallen out": the participle's own subject after "with".
      const withSubject =
        /\bwith\s+((?:the|some|many|several|other|local)\s+)?((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)\s+$/u.exec(
          text.slice(Math.max(sentence.start, cueStart - 60), cueStart),
        );
      // "Byrne recalls Clinton telling one agent", "Oltchick recalled him saying": a verb of
      // perception or memory takes the participle's own subject as its object.
      const perceived =
        /(?<![\p{L}\p{M}])(?:recalls?|recalled|remembers?|remembered|heard|hears?|saw|sees?|watched|quotes?|quoted|describes?|described|cites?|cited|recounts?|recounted|writes\s+of|wrote\s+of)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’-]+|him|her|them)\s+$/u.exec(
          text.slice(Math.max(sentence.start, cueStart - 70), cueStart),
        );
      if (perceived) {
        const raw = perceived[1]!;
        const word =
          raw.toLowerCase() === 'him'
            ? 'he'
            : raw.toLowerCase() === 'her'
              ? 'she'
              : raw.toLowerCase() === 'them'
                ? 'they'
                : raw;
        const at = cueStart - perceived[0].length + perceived[0].lastIndexOf(raw);
        return { text: word, span: { start: at, end: at + raw.length }, relayed: true };
      }
      if (withSubject && !/^(?:him|her|them|it|us|me|this|that)$/i.test(withSubject[2]!)) {
        const at =
          cueStart - withSubject[0].length + withSubject[0].indexOf(withSubject[1] ?? withSubject[2]!);
        const phraseText = text.slice(at, cueStart).trimEnd();
        return { text: phraseText, span: { start: at, end: at + phraseText.length } };
      }
      // '"...," X said, adding that ...': a sentence that opens with a quotation has the subject of
      // the finite cue after it, not a word of the quotation.
      const lead = text.slice(sentence.start, cueStart);
      // ... or that has a quotation close in it before the cue ('... a disaster," X said, adding').
      const opensQuoted =
        /["“]/.test(text.slice(Math.max(0, sentence.start - 1), sentence.start + 1)) || /[”"]/.test(lead);
      // (from the last closing mark with an attribution after it: not one that closes a title, as in
      // '... chance," X said on Radio Y's "Morning Hour," adding')
      const closings = [...lead.matchAll(/[”"]/g)].map((m) => sentence.start + m.index + 1).reverse();
      const before = () => {
        for (const afterQuote of closings.length > 0 ? closings.slice(0, 3) : [sentence.start]) {
          const found = attributionAfter(text, afterQuote, cueStart, subjectOf)?.phrase;
          if (found) return found;
        }
        return undefined;
      };
      // "CONTENT, X said (on Monday), adding that ...": the participle goes with the parenthetical
      // cue right before it, whose subject is set off by a comma from the content before it.
      const finite = cuesIn(text, sentence.start, cueStart).at(-1);
      if (
        !opensQuoted &&
        finite &&
        !isParticiple(finite) &&
        isSpeechCue(text, finite) &&
        /^\s*,\s*$/.test(text.slice(skipAdjuncts(text, finite.end, cueStart), cueStart))
      ) {
        const own = subjectOf(sentence.start, finite.start);
        if (
          own &&
          own.span.start > sentence.start &&
          /,\s*$/.test(text.slice(sentence.start, own.span.start))
        )
          return own;
      }
      // "Their strike is unofficial, and the government has condemned it, warning ...": the participle
      // goes with the last clause joined on before it, whose own subject opens it.
      if (!opensQuoted) {
        let joined = -1;
        for (const m of lead.matchAll(
          /(?:,\s*(?:and|but)|;)\s+(?=(?:the|a|an|its|his|her|their)\s|\p{Lu})/gu,
        ))
          joined = m.index + m[0].length;
        const own = joined > 0 ? sentenceSubject(text, index, sentence.start + joined, cueStart) : undefined;
        if (own) return own;
      }
      return opensQuoted
        ? (before() ?? sentenceSubject(text, index, sentence.start, cueStart))
        : (sentenceSubject(text, index, sentence.start, cueStart) ?? before());
    }
    // "X did not reveal the details, but said ...": a coordinated verb shares the sentence's subject.
    if (
      /(?:,\s*|\s)(?:and|but)\s+(?:(?:also|later|then|has|have|had|would|will|did)\s+)*$/.test(
        text.slice(Math.max(from, cueStart - 20), cueStart),
      )
    ) {
      const sentence = sentenceAt(sentences, cueStart);
      if (sentence) return sentenceSubject(text, index, sentence.start, cueStart);
    }
    // "X, who called it "...": the relative pronoun stands for the noun phrase before it.
    const windowStart = Math.max(from, cueStart - 60);
    const beforeCue = text.slice(windowStart, cueStart);
    const relative = /,\s+(who|which)\s+(?:(?:has|have|had|also|once|later|then|[a-z]+ly)\s+)*$/i.exec(
      beforeCue,
    );
    // "... backed by Secretary Ada Ruiz who said:": a person named right before "who" without a comma.
    const bareWho = /\s+who\s+(?:(?:has|have|had|also|once|later|then|[a-z]+ly)\s+)*$/.exec(beforeCue);
    if (!relative && bareWho) {
      const at = windowStart + bareWho.index;
      const named = mentionsWithin(index, Math.max(from, at - 60), at).find(
        (m) => m.end === at && m.entity.type === 'Person',
      );
      if (named)
        return { text: text.slice(named.start, named.end), span: { start: named.start, end: named.end } };
    }
    if (relative) {
      const at = windowStart + relative.index;
      // "said X, a doctor from Y, New Jersey, who said": "who" is a person, the head of the appositive
      // its comma closes.
      const mentioned =
        relative[1]!.toLowerCase() === 'who'
          ? (mentionSubjectBefore(text, index, from, at, ['Person']) ??
            mentionSubjectBefore(text, index, from, at + 1, ['Person']) ??
            mentionSubjectBefore(text, index, from, at))
          : mentionSubjectBefore(text, index, from, at);
      if (mentioned) return mentioned;
      // "... blamed Velmont Rail, which said ...": the noun phrase closing the clause, often an object
      // (isSpeechCue keeps only verbs of saying after "which").
      return relative[1]!.toLowerCase() === 'which'
        ? trailingNounPhrase(text, from, at)
        : subjectBefore(text, from, at);
    }
    return mentionSubjectBefore(text, index, from, cueStart) ?? subjectBefore(text, from, cueStart);
  };
  const candidates: Candidate[] = [];
  const usedCues = new Set<number>();
  /** Direct quotes inside a reported clause: kept only if the indirect pass does not cover them. */
  const deferred: Candidate[] = [];

  // Direct quotes and their explicit attributions.
  for (const [i, seg] of segments.entries()) {
    if (!seg.sentenceLike) continue;
    const openSentence = sentenceAt(sentences, seg.open) ?? sentenceAt(sentences, seg.content.start);
    const closeAt = seg.close ?? seg.content.end;
    const closeSentence = sentenceAt(sentences, closeAt) ?? openSentence;
    const next = segments[i + 1];
    const prev = segments[i - 1];
    let limit = closeSentence?.end ?? seg.content.end;
    if (next && next.paragraph === seg.paragraph && next.open < limit) limit = next.open;
    let found = seg.close !== undefined ? attributionAfter(text, seg.close + 1, limit, subjectOf) : undefined;
    // 'Sales were "flat for a month" as buyers waited, she said.': a quotation inside a clause that
    // goes on after it, then the attribution: the clause is the quote (a partial one).
    if (found && openSentence && seg.close !== undefined && (!prev || prev.chain !== seg.chain)) {
      const head = text.slice(openSentence.start, seg.open);
      const attributionAt = Math.min(found.cue.start, found.phrase.span.start);
      const tail = text.slice(seg.close + 1, attributionAt);
      const comma = tail.lastIndexOf(',');
      // ... also when the quotation opens the sentence and the clause goes on after it in lower case
      // ('"Irreversible damage" will be caused by the plans, MPs have warned.').
      if (
        (/\p{L}/u.test(head) ||
          (head.trim() === '' &&
            /^\s+\p{Ll}/u.test(tail) &&
            // (not a full quotation closed by its own comma: '"In a sense, ...," the new chief said')
            !/[,.!?…]["”’'`]{1,2}$/.test(text.slice(Math.max(0, seg.close - 3), seg.close + 1)))) &&
        !/[:—–-]\s*$/.test(head) &&
        !/["“”]/.test(head) &&
        comma > 0 &&
        wordCount(text, { start: seg.close + 1, end: seg.close + 1 + comma }) >= 2 &&
        !/["“”]/.test(tail)
      ) {
        usedCues.add(found.cue.start);
        candidates.push({
          kind: 'partial',
          content: trimContent(text, openSentence.start, seg.close + 1 + comma),
          paragraph: seg.paragraph,
          phrase: found.phrase,
          cue: found.cue.word,
        });
        // "..., he said, life was likely ...": a parenthetical attribution reports the words after it.
        const sentenceEnd = closeSentence?.end ?? found.cue.end;
        const goesOn = PARENTHETICAL_GOES_ON.exec(text.slice(found.cue.end, sentenceEnd));
        if (goesOn && found.phrase.span.start < found.cue.start) {
          const from = found.cue.end + goesOn[0].length - 1;
          const after = trimContent(text, from, contentEnd(text, from, sentenceEnd));
          if (wordCount(text, after) >= 3)
            candidates.push({
              kind: segments.some((other) => overlaps(other.content, after)) ? 'partial' : 'indirect',
              content: after,
              paragraph: seg.paragraph,
              phrase: found.phrase,
              cue: found.cue.word,
            });
        }
        continue;
      }
    }
    if (!found) {
      // '"CLINTON: I feel ...': a transcript's speaker label opening the quotation.
      const label = TRANSCRIPT_LABEL.exec(text.slice(seg.content.start, seg.content.start + 40));
      if (label && !TRANSCRIPT_NON_SPEAKERS.test(label[2]!)) {
        const start = seg.content.start + label[1]!.length;
        found = {
          phrase: { text: label[2]!, span: { start, end: start + label[2]!.length } },
          cue: { word: ':', start: start + label[2]!.length, end: start + label[2]!.length + 1 },
        };
      }
    }
    if (!found && openSentence) {
      const from =
        prev && prev.close !== undefined && prev.close > openSentence.start
          ? prev.close + 1
          : openSentence.start;
      found = attributionBefore(text, from, seg.open, subjectOf);
      // "X said he did not see a "real prospect of ..." in it": the quotation sits inside a reported
      // clause that starts before it; the clause is the quote (found by the indirect pass).
      if (found && reportedClauseBefore(text, found.cue, seg.open)) {
        deferred.push({ kind: 'direct', content: seg.content, paragraph: seg.paragraph, segment: seg });
        continue;
      }
    }
    if (!found && seg.close !== undefined) found = accordingAfter(text, seg.close + 1, limit);
    if (!found && seg.close !== undefined) found = dashAfter(text, seg.close + 1, limit);
    if (!found && openSentence && /:\s*$/.test(text.slice(openSentence.start, seg.open))) {
      // "X is more blunt: "..."": the sentence's subject introduces the quote.
      const phrase = sentenceSubject(text, index, openSentence.start, seg.open);
      if (phrase) found = { phrase, cue: { word: ':', start: seg.open, end: seg.open } };
    }
    if (!found && openSentence && seg.open === openSentence.start) {
      // A quote opening a paragraph right after "X said:" at the end of the previous one.
      const previous = sentences[openSentence.index - 1];
      if (
        previous &&
        previous.paragraph !== openSentence.paragraph &&
        /:\s*$/.test(text.slice(previous.start, previous.end))
      ) {
        found =
          attributionBefore(text, previous.start, previous.end, subjectOf) ??
          (() => {
            const phrase = sentenceSubject(text, index, previous.start, previous.end);
            return phrase
              ? { phrase, cue: { word: ':', start: previous.end, end: previous.end } }
              : undefined;
          })();
      }
    }
    if (!found && seg.close !== undefined && closeSentence)
      found = namedInNextSentence(text, sentences, closeSentence, seg.close + 1, index);
    if (found) usedCues.add(found.cue.start);
    // Without an attribution, quoted words in the middle of running text are a title or a scare quote.
    const lead = openSentence ? text.slice(openSentence.start, seg.open) : '';
    const continued = prev !== undefined && prev.chain === seg.chain;
    if (!found && !continued && /\p{L}/u.test(lead) && !/[:—–-]\s*$/.test(lead)) {
      const naming = openSentence
        ? namingAttribution(text, openSentence.start, seg.open, subjectOf)
        : undefined;
      if (!naming) continue;
      const { cueEnd, ...attribution } = naming;
      candidates.push({
        kind: 'partial',
        content: fragmentClause(text, cueEnd, seg),
        paragraph: seg.paragraph,
        ...attribution,
      });
      continue;
    }
    candidates.push({
      kind: 'direct',
      content: seg.content,
      paragraph: seg.paragraph,
      segment: seg,
      ...(found ? { phrase: found.phrase, cue: found.cue.word } : {}),
    });
  }

  const byParagraph = new Map<number, QuoteSegment[]>();
  for (const seg of segments)
    byParagraph.set(seg.paragraph, [...(byParagraph.get(seg.paragraph) ?? []), seg]);
  for (const sentence of sentences) {
    const near = byParagraph.get(sentence.paragraph) ?? [];
    candidates.push(...indirectInSentence(text, sentence, near, usedCues, subjectOf, index));
  }

  // Candidate contents sorted by start, for a binary-searched overlap test.
  const contents = candidates.map((c) => c.content).sort((a, b) => a.start - b.start);
  const coveredContent = (span: Span): boolean => {
    let lo = 0;
    let hi = contents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (contents[mid]!.start < span.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (overlaps(contents[i]!, span)) return true;
    return false;
  };
  for (const c of deferred) {
    if (coveredContent(c.content)) continue;
    const seg = c.segment!;
    const sentence = sentenceAt(sentences, seg.open);
    const found = sentence ? attributionBefore(text, sentence.start, seg.open, subjectOf) : undefined;
    if (found) usedCues.add(found.cue.start);
    candidates.push({ ...c, ...(found ? { phrase: found.phrase, cue: found.cue.word } : {}) });
  }
  // Fragments attributed with a cue right before them ("X called it "a disgrace"") and not covered.
  for (const seg of segments) {
    if (seg.sentenceLike || coveredContent(seg.content)) continue;
    const sentence = sentenceAt(sentences, seg.open);
    if (!sentence) continue;
    const found = attributionBefore(text, sentence.start, seg.open, subjectOf);
    if (found && wordCount(text, seg.content) >= 3) {
      usedCues.add(found.cue.start);
      // "telling a radio station Monday “nothing will change”": only the addressee and adjuncts stand
      // between the cue and the quotation, which is the quote itself (a direct one), not a clause.
      if (
        OBJECT_CUES.has(found.cue.word.toLowerCase()) &&
        /\S/.test(text.slice(found.cue.end, seg.open)) &&
        // (the opening mark in view: an addressee is read up to it)
        contentStartAfterCue(text, found.cue, seg.open + 1) >= seg.open
      ) {
        candidates.push({
          kind: 'direct',
          content: seg.content,
          paragraph: seg.paragraph,
          // No segment: the speaker named here ("someone tells me") gets no fallback to another one.
          phrase: found.phrase,
          cue: found.cue.word,
        });
        continue;
      }
      candidates.push({
        kind: 'partial',
        content: fragmentClause(text, found.cue.end, seg),
        paragraph: seg.paragraph,
        phrase: found.phrase,
        cue: found.cue.word,
      });
      continue;
    }
    const naming = namingAttribution(text, sentence.start, seg.open, subjectOf);
    if (naming) {
      const { cueEnd, ...attribution } = naming;
      candidates.push({
        kind: 'partial',
        content: fragmentClause(text, cueEnd, seg),
        paragraph: seg.paragraph,
        ...attribution,
      });
    }
  }

  // Embedded posts and pull quotes: a paragraph signed by its author at its end.
  for (const c of signedParagraphs(text, sentences, index)) {
    const covered = candidates.some(
      (o) => overlapLength(o.content, c.content) > 0.5 * (c.content.end - c.content.start),
    );
    if (!covered) candidates.push(c);
  }

  // Two passes may reach the same clause (a cue's clause holding a fragment): one quote, the first
  // found that names a speaker.
  const bySpan = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.content.start}:${c.content.end}`;
    const kept = bySpan.get(key);
    if (!kept || (!kept.phrase && c.phrase)) bySpan.set(key, c);
  }
  const unique = [...bySpan.values()].sort((a, b) => a.content.start - b.content.start);
  return attribute(text, sentences, unique, index);
}

/**
 * The noun phrase that ends the text before `end` (within the sentence from `from`): a capitalised
 * name ("Velmont Rail", "the Bank of Elmford") or a determiner phrase ("the utility", "its owner").
 */
function trailingNounPhrase(text: string, from: number, end: number): SpeakerPhrase | undefined {
  const start = Math.max(from, end - 80);
  const before = text.slice(start, end);
  const m =
    /(?:\b(?:the|a|an|its|their|his|her)\s+)?\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+(?:(?:of|for|and|&|the)\s+)*\p{Lu}[\p{L}\p{N}'’.&-]*)*$/u.exec(
      before,
    ) ?? /\b(?:the|its|their|his|her)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+$/u.exec(before);
  if (!m) return undefined;
  const at = start + m.index;
  return { text: m[0], span: { start: at, end: at + m[0].length } };
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * An embedded social-media post as web copy renders it: the post's words, an optional link, then
 * "— Display Name (@handle) Month D, YYYY" closing the paragraph.
 */
const EMBEDDED_POST =
  /^([^]*?)\s*(?:\S*(?:pic\.twitter\.com|https?:\/\/t\.co)\/\S*\s*)*[—–]+\s*(\p{Lu}[^()\n]{0,60}?)\s*\(@\w{1,30}\)\s*\p{Lu}\p{Ll}+\.?\s+\d{1,2},?\s+\d{4}\.?\s*$/u;

/**
 * A pull quote: a paragraph of the speaker's words whose last "sentence" is only their name, with an
 * optional title before it or a short description after a comma ("... for us. Ana Ruiz, Elm Lake mayor").
 */
const PULL_QUOTE_SIGNATURE =
  /[.!?…]["”’]?\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,5}\p{Lu}[\p{L}'’-]+)(?:,\s+[^.,;:!?"“”\n]{1,60})?$/u;

/** Paragraphs signed by their author: embedded posts and pull quotes, each a direct quote of the signer. */
function signedParagraphs(text: string, sentences: Sentence[], index: MentionIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const para of paragraphSpans(sentences)) {
    const body = text.slice(para.start, para.end);
    if (body.includes('(@')) {
      const post = EMBEDDED_POST.exec(body);
      if (post) {
        // The post's words, without trailing hashtags.
        const words = post[1]!.replace(/(?:\s*#[\p{L}\p{N}_]+)+\s*$/u, '');
        const content = trimContent(text, para.start, para.start + words.length);
        const nameAt = para.start + post.index + post[0].indexOf(post[2]!, post[1]!.length);
        if (wordCount(text, content) >= 3)
          out.push({
            kind: 'direct',
            content,
            paragraph: para.paragraph,
            phrase: { text: post[2]!, span: { start: nameAt, end: nameAt + post[2]!.length } },
            cue: '—',
          });
        continue;
      }
    }
    // Cheap test first: a pull quote's paragraph ends in a capitalised word, never in punctuation.
    if (!/\p{L}$/u.test(body) || /["“”]/.test(body)) continue;
    const tail = Math.max(0, body.length - 140);
    const sign = PULL_QUOTE_SIGNATURE.exec(body.slice(tail));
    if (!sign) continue;
    const nameStart = para.start + tail + sign.index + sign[0].indexOf(sign[1]!);
    const nameEnd = nameStart + sign[1]!.length;
    // The signature must end in a person or organisation the article names.
    const signer = mentionsWithin(index, nameStart, nameEnd).find((m) => m.end === nameEnd);
    if (!signer) continue;
    const content = trimContent(text, para.start, para.start + tail + sign.index + 1);
    if (wordCount(text, content) < 6) continue;
    out.push({
      kind: 'direct',
      content,
      paragraph: para.paragraph,
      phrase: { text: text.slice(nameStart, nameEnd), span: { start: nameStart, end: nameEnd } },
      cue: '—',
    });
  }
  return out;
}

/**
 * Does narration lie between two quotes: a stretch of eight words or more outside quotation marks, not
 * just the attribution of another quote ('," he said. "')? A long lead-in of the next quote ("Striker X,
 * who scored twice on Saturday, said:") counts too, so the quote before it keeps the previous speaker.
 */
function narrationBetween(text: string, from: number, to: number): boolean {
  // The gap opens with the closing mark of the first quote (content spans exclude their marks).
  const gap = text.slice(from, to).replace(/^[\s,.!?;:]*["”]/, '');
  let words = 0;
  let quoted = false;
  for (const m of gap.matchAll(/["“”]|[\p{L}\p{N}'’-]+/gu)) {
    if (/^["“”]$/.test(m[0])) quoted = m[0] === '“' ? true : m[0] === '”' ? false : !quoted;
    else if (!quoted && ++words >= 8) return true;
  }
  return false;
}

/** Resolve speakers in document order, carrying the last speaker for pronouns and unattributed quotes. */
function attribute(
  text: string,
  sentences: Sentence[],
  candidates: Candidate[],
  index: MentionIndex,
): QuoteRecord[] {
  const quoteSpans = candidates.filter((c) => c.kind !== 'indirect').map((c) => c.content);
  const ctx: ResolveContext = {
    text,
    sentences,
    index,
    paragraph: 0,
    quoteSpans,
    allQuoteSpans: candidates.map((c) => c.content),
    learnedGender: new Map(),
    orgNames: new Map(),
  };
  const chainSpeaker = new Map<number, ResolvedSpeaker>();
  const records: QuoteRecord[] = [];
  const resolveAt = (c: Candidate): ResolvedSpeaker => {
    if (c.resolved) return c.resolved;
    ctx.paragraph = c.paragraph;
    ctx.content = c.content;
    ctx.contentQuoted = c.kind === 'direct';
    c.resolved = c.phrase ? resolveSpeaker(c.phrase, ctx) : {};
    return c.resolved;
  };
  /** The person subject of the sentence right before a quotation that opens its own sentence, named after the last quote. */
  const subjectIntroducedBefore = (
    seg: QuoteSegment,
    prevCandidate: Candidate | undefined,
  ): MentionIndex['mentions'][number] | undefined => {
    const own = sentenceAt(sentences, seg.open);
    if (!own || own.start !== seg.open) return undefined;
    const previous = sentences[own.index - 1];
    if (!previous || previous.paragraph !== own.paragraph) return undefined;
    if (/["“”]/.test(text.slice(previous.start, previous.end))) return undefined;
    if (prevCandidate && prevCandidate.content.end > previous.start) return undefined;
    return mentionsWithin(index, previous.start, previous.end).find(
      (m) => m.entity.type === 'Person' && inSubjectPosition(text, m.start, m.end),
    );
  };
  /** The mention a record reports for its resolved speaker: an earlier mention of an unlisted body, else its own. */
  const mentionOf = (c: Candidate, speaker: ResolvedSpeaker): SpeakerPhrase | undefined =>
    !speaker.id && speaker.antecedent ? speaker.antecedent : c.phrase;
  const chainMention = new Map<number, SpeakerPhrase>();
  for (const [i, c] of candidates.entries()) {
    let speaker = resolveAt(c);
    // A quotation that goes on after its attribution ('"...," she said. "..."') or re-opens the next
    // paragraph: its speaker and the mention that names them are those of the part attributed.
    let inherited: SpeakerPhrase | undefined;
    // An unresolved pronoun names someone we could not find: no fallback to another speaker.
    const failedPronoun = c.phrase !== undefined && /^(?:he|she|it|they)$/i.test(c.phrase.text);
    if (!speaker.id && !speaker.label && (c.segment || !c.phrase) && !failedPronoun && !c.unnamed) {
      // Same chain (multi-paragraph quote), then neighbours in the paragraph, then the last speaker.
      const chained = c.segment ? chainSpeaker.get(c.segment.chain) : undefined;
      const chain = c.segment?.chain;
      const later = c.segment
        ? candidates.slice(i + 1, i + 12).find(
            (o) =>
              !o.mentioned &&
              o.segment &&
              o.phrase &&
              (o.segment.chain === chain ||
                // A later cue in the paragraph speaks for this quote only when no narration comes between.
                (o.paragraph === c.paragraph && !narrationBetween(text, c.content.end, o.content.start))),
          )
        : undefined;
      const laterSpeaker = later ? resolveAt(later) : undefined;
      // (a statement only mentioned as someone's hands nothing on: "He shrugged off X's claim that ... . "...," he said")
      const prevCandidate = candidates
        .slice(Math.max(0, i - 4), i)
        .findLast((o) => !o.mentioned && !o.phrase?.relayed);
      const prevSpeaker = prevCandidate?.paragraph === c.paragraph ? prevCandidate.final : undefined;
      // (not when the quotation has an attribution of its own, here or later in its chain, nor when
      // it names that person: '... Simon Taylor looks certain to be picked. "... Simon Taylor is an
      // outstanding player"' is the coach's)
      const sameChainLater = later !== undefined && later.segment?.chain === chain;
      const introducedAt =
        c.segment && !c.phrase && !sameChainLater
          ? subjectIntroducedBefore(c.segment, prevCandidate)
          : undefined;
      const introduced =
        introducedAt &&
        !introducedAt.entity.mentions.some((m) =>
          candidates.some(
            (o) => o.segment?.chain === chain && m.start >= o.content.start && m.start < o.content.end,
          ),
        )
          ? introducedAt
          : undefined;
      if (chained && (chained.id || chained.label)) {
        speaker = chained;
        inherited = chainMention.get(chain!);
      } else if (introduced && introduced.entity.localId !== prevSpeaker?.id) {
        // 'X said ... . But union leader Y criticised the plans. "..."': the quotation after a sentence
        // whose subject is a person new since the last quote is that person's.
        speaker = { id: introduced.entity.localId };
        inherited = {
          text: text.slice(introduced.start, introduced.end),
          span: { start: introduced.start, end: introduced.end },
        };
      } else if (prevSpeaker && (prevSpeaker.id || prevSpeaker.label)) {
        speaker = prevSpeaker;
        inherited = prevCandidate!.mention;
      } else if (laterSpeaker && (laterSpeaker.id || laterSpeaker.label)) {
        speaker = laterSpeaker;
        inherited = mentionOf(later!, laterSpeaker);
      }
      // The last speaker was a body named only by a label ("Tarn Water said ..."): it goes on.
      else if (
        ctx.lastLabel &&
        c.paragraph - ctx.lastLabel.paragraph <= 2 &&
        (!ctx.lastSpeaker || ctx.lastLabel.at > ctx.lastSpeaker.at)
      )
        speaker = { label: ctx.lastLabel.label, antecedent: ctx.lastLabel.mention };
      else if (ctx.lastSpeaker && c.paragraph - ctx.lastSpeaker.paragraph <= 2)
        speaker = { id: ctx.lastSpeaker.id };
      else speaker = recentPerson(index, c.content.start, quoteSpans);
    }
    c.final = speaker;
    c.mention = inherited ?? mentionOf(c, speaker);
    if (c.segment && (speaker.id || speaker.label)) {
      chainSpeaker.set(c.segment.chain, speaker);
      if (c.mention) chainMention.set(c.segment.chain, c.mention);
    }
    // (the source of a statement only mentioned is no speaker in focus)
    const inFocus = !c.mentioned && !c.phrase?.relayed;
    if (inFocus && speaker.id) {
      ctx.lastSpeaker = { id: speaker.id, at: c.content.start, paragraph: c.paragraph };
      // "A BBC spokeswoman said ..., She said": the spokeswoman speaks for the body she was given to.
      const spoken = c.phrase?.text.replace(/^(?:the|a|an)\s+/i, '');
      // (a spokesperson only: "The Amnesty secretary-general" given to Amnesty is still a person of her own)
      if (
        c.phrase &&
        spoken &&
        /(?:^|\s)spokes(?:man|woman|person)(?:\s+(?:for|of|at)\s.*)?$/i.test(spoken) &&
        index.byId.get(speaker.id)?.type === 'Organization'
      )
        ctx.lastPersonLabel = {
          label: spoken,
          paragraph: c.paragraph,
          mention: c.phrase,
          at: c.content.start,
          id: speaker.id,
        };
    } else if (inFocus && speaker.label) {
      const mention = speaker.antecedent ?? c.phrase ?? { text: speaker.label, span: c.content };
      const last = { label: speaker.label, paragraph: c.paragraph, mention, at: c.content.start };
      if (/^\p{Lu}/u.test(speaker.label)) ctx.lastLabel = last;
      else if (
        /^(?:\p{Ll}[\p{L}-]*\s+){0,3}\p{Ll}+s$/u.test(speaker.label) &&
        isGroupNoun(speaker.label.split(/\s+/).at(-1)!)
      )
        ctx.lastGroupLabel = last;
      // "a Labour spokeswoman said ... She said": a person without a name of their own.
      if (isPersonLabel(speaker.label)) ctx.lastPersonLabel = last;
    }
    const record: QuoteRecord = {
      localId: `q${records.length + 1}`,
      kind: c.kind,
      text: text.slice(c.content.start, c.content.end),
      span: c.content,
      sentenceSpan: sentenceSpanOf(
        sentences,
        c.phrase
          ? {
              start: Math.min(c.content.start, c.phrase.span.start),
              end: Math.max(c.content.end, c.phrase.span.end),
            }
          : c.content,
      ),
    };
    if (speaker.id) record.speaker = speaker.id;
    // An unlisted organisation reached through "it"/"the company" is named by its earlier mention.
    const mention = c.mention;
    if (mention) record.speakerMention = { text: mention.text, span: mention.span };
    else if (speaker.label) record.speakerMention = { text: speaker.label, span: c.content };
    if (c.cue) record.cue = c.cue;
    records.push(record);
  }
  return records;
}

/** The most recently mentioned person before `offset`, outside quotes: the topic of the passage. */
function recentPerson(index: MentionIndex, offset: number, quoteSpans: Span[]): ResolvedSpeaker {
  const before = mentionsWithin(index, Math.max(0, offset - 5000), offset);
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.entity.type !== 'Person') continue;
    if (spanCovers(quoteSpans, m.start)) continue;
    return { id: m.entity.localId };
  }
  return {};
}
