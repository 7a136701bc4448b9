/**
 * Paragraphs, sentences and tokens: the offsets every other extractor works in. Pure and regex-driven
 * (one linear pass per stage) because the whole pipeline must run at >= 1 MB/s per core.
 */
import type { Sentence, Span } from './types.js';

/** Abbreviations whose period never ends a sentence (they precede a name or a number). */
const NEVER_FINAL = new Set(
  (
    'mr mrs ms mx dr prof gen lt col maj capt cpt sgt cpl pte adm cmdr cdr rep reps sen sens gov lt.gov ' +
    'pres supt insp det const atty rev hon fr st mt ft messrs mme mlle vol vols fig figs dept univ assn ' +
    'ave blvd hwy jan feb apr jun jul aug sep sept oct nov dec e.g i.e cf vs approx'
  ).split(' '),
);

/** Abbreviations that may end a sentence ("... Acme Inc. The firm ...") — decided by the next word. */
const MAYBE_FINAL = new Set('inc co corp ltd llc plc etc bros jr sr a.m p.m u.s u.k u.n e.u'.split(' '));

/** Words that, capitalised after an ambiguous abbreviation, almost always start a new sentence. */
const SENTENCE_STARTERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there here but and so ' +
    'yet or in on at for as if when while after before since although though however meanwhile still ' +
    'also then now some many most all no not one two what why how who where which officials police'
  ).split(' '),
);

/**
 * A short name (or a name with an appositive between commas) followed by a reporting verb: the
 * attribution of the quote before it.
 */
const ATTRIBUTION_AFTER =
  /^(?:(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}|(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*,\s[^.!?"“”]{1,100}?,\s+)(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|replies|recalled|recalls|explained|explains|wondered|wonders|shouted|shouts|yelled|yells|insisted|insists|continued|continues|countered|counters|responded|responds|argued|argues|noted|notes|joked|jokes|quipped|quips|exclaimed|exclaims|demanded|demands|fumed|fumes|mused|muses|snapped|snaps|scoffed|scoffs|laughed|laughs|cried|cries|pleaded|pleads|screamed|screams|muttered|mutters|murmured|murmurs|sighed|sighs|retorted|retorts|whispered|whispers|declared|declares|warned|warns|boasted|boasts|lamented|laments|complained|complains|admitted|admits|conceded|concedes|tweeted|tweets|interjected|offered|charged|(?:went|goes)\s+on|(?:shot|fired)\s+back|chimed\s+in)\b/u;

const OPENERS = /["“‘'([«]/;

/** Space characters other than the ASCII space that web copy carries (no-break, thin, em, ideographic). */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * The text with its layout characters made plain, one character for one so every offset stays exact:
 * odd spaces become spaces, line and paragraph separators and carriage returns become line breaks
 * ("\r\n" a space and a break), odd dashes em or en dashes. The rules read spaces and breaks; copy pasted from a web page
 * otherwise loses quotes whose "said" sits after a no-break space.
 */
export function plainLayout(text: string): string {
  if (!/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\r\u2012\u2015]/.test(text)) return text;
  return (
    text
      .replace(ODD_SPACES, ' ')
      // The horizontal bar and figure dash some sites set for a dash: the dashes the rules read.
      .replace(/\u2015/g, '\u2014')
      .replace(/\u2012/g, '\u2013')
      .replace(/\r\n/g, ' \n')
      .replace(/[\r\u2028\u2029]/g, '\n')
  );
}

/** Paragraph spans: blank lines separate paragraphs; a text with no blank line uses single newlines. */
export function splitParagraphs(text: string): Span[] {
  const separator = /\n[ \t\r\f\v\u00a0]*\n\s*/g.test(text) ? /\n[ \t\r\f\v\u00a0]*\n\s*/g : /\n\s*/g;
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(separator)) {
    pushTrimmed(text, from, m.index, spans);
    from = m.index + m[0].length;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

/**
 * Lines inside one paragraph: a single newline ends a sentence unless the text is plainly hard-wrapped
 * (the line ends mid-clause and the next one continues in lower case).
 */
function paragraphChunks(text: string, para: Span): Span[] {
  const chunks: Span[] = [];
  let chunkStart = para.start;
  let i = text.indexOf('\n', para.start);
  while (i !== -1 && i < para.end) {
    const prev = text.slice(Math.max(para.start, i - 1), i).trim();
    const nextChar = text
      .slice(i + 1, i + 40)
      .trimStart()
      .charAt(0);
    const wrapped = /[a-z,;\-–]/.test(prev) && /[a-z(]/.test(nextChar);
    if (!wrapped) {
      pushTrimmed(text, chunkStart, i, chunks);
      chunkStart = i + 1;
    }
    i = text.indexOf('\n', i + 1);
  }
  pushTrimmed(text, chunkStart, para.end, chunks);
  return chunks;
}

/** The word (letters and inner dots) just before position `dot`: "U.S" for "U.S.". */
function wordBefore(text: string, dot: number): string {
  let s = dot;
  while (s > 0) {
    const c = text.charAt(s - 1);
    if (/[\p{L}.]/u.test(c)) s--;
    else break;
  }
  return text.slice(s, dot).replace(/^\.+/, '');
}

/**
 * Decide whether the terminal punctuation text[start, punctEnd), followed by closing quotes/brackets up
 * to `end`, closes a sentence.
 */
function isBoundary(text: string, start: number, punctEnd: number, end: number, limit: number): boolean {
  // What follows: whitespace then the next token.
  let j = end;
  while (j < limit && isSpace(text.charCodeAt(j))) j++;
  if (j === end || j >= limit) return j >= limit;
  const next = text.charAt(j);
  const nextWord = /^[\p{L}\p{N}'’-]+/u.exec(text.slice(j, j + 30))?.[0] ?? '';
  const startsUpper = /[\p{Lu}\p{N}]/u.test(next) || OPENERS.test(next) || next === '—' || next === '-';
  if (!startsUpper) return false;
  // An opening quote mark before a lower-case word continues the sentence ("lost 5 lbs. “and more”").
  if (OPENERS.test(next) && /^\p{Ll}/u.test(text.charAt(j + 1))) return false;
  // Only a bare "." needs the abbreviation checks; "!", "?", "..." and closing quotes are final.
  // (a closing quotation mark after the dot ends the sentence too: 'since Cell Block H." Labour had')
  if (
    punctEnd - start === 1 &&
    text.charAt(start) === '.' &&
    end > punctEnd &&
    /["”’]/.test(text.slice(punctEnd, end))
  )
    return true;
  if (punctEnd - start !== 1 || text.charAt(start) !== '.') {
    // "...?" Smith asked. — a question or exclamation in quotes followed by its attribution.
    const closedQuote = end > punctEnd && /["”’]/.test(text.slice(punctEnd, end));
    return !(closedQuote && ATTRIBUTION_AFTER.test(text.slice(j, j + 80)));
  }
  const raw = wordBefore(text, start);
  const word = raw.toLowerCase();
  if (word === '') return true;
  // Titles are abbreviated capitalised ("Gen."), Latin ones in lower case ("e.g."): "fr" is not "Fr".
  if (
    NEVER_FINAL.has(word) &&
    (/^\p{Lu}/u.test(raw) || word.includes('.') || word === 'vs' || word === 'cf' || word === 'approx')
  ) {
    return false;
  }
  // "No. 10": an abbreviation only before a number.
  if (raw === 'No' && /^\p{N}/u.test(nextWord)) return false;
  const lowerNext = nextWord.toLowerCase();
  // A single capital letter is an initial ("John F. Kennedy") unless a clear sentence starter follows.
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text.charAt(start - 1))) {
    return SENTENCE_STARTERS.has(lowerNext);
  }
  if (MAYBE_FINAL.has(word) || word.includes('.')) return SENTENCE_STARTERS.has(lowerNext);
  return true;
}

/** Sentence spans in document order, each tagged with its paragraph index. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = splitParagraphs(text);
  const terminal = /[.!?…]+[\p{Pf}"”’'»)\]]*/gu;
  paragraphs.forEach((para, paragraph) => {
    for (const chunk of paragraphChunks(text, para)) {
      let from = chunk.start;
      terminal.lastIndex = chunk.start;
      let m: RegExpExecArray | null;
      while ((m = terminal.exec(text)) !== null && m.index < chunk.end) {
        const punctEnd = m.index + /^[.!?…]+/.exec(m[0])![0].length;
        const end = Math.min(m.index + m[0].length, chunk.end);
        if (isBoundary(text, m.index, punctEnd, end, chunk.end)) {
          pushSentence(text, from, end, paragraph, sentences, sentences.length);
          from = end;
        }
      }
      pushSentence(text, from, chunk.end, paragraph, sentences, sentences.length);
    }
  });
  return sentences;
}

function pushSentence(
  text: string,
  start: number,
  end: number,
  paragraph: number,
  out: Sentence[],
  index: number,
): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ index, paragraph, start, end });
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Word tokens (letters/digits with inner apostrophes, hyphens and dots) within [start, end). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const word = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?/gu;
  word.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = word.exec(text)) !== null && m.index < end) {
    let t = m[0];
    // Keep a trailing dot only for dotted abbreviations ("U.S."); otherwise it is punctuation.
    if (t.endsWith('.') && !/\.[\p{L}\p{N}]+\.$/u.test(t) && !NEVER_FINAL.has(t.slice(0, -1).toLowerCase())) {
      t = t.slice(0, -1);
    }
    tokens.push({ text: t, start: m.index, end: Math.min(m.index + t.length, end) });
  }
  return tokens;
}

/** True for a word that starts with an upper-case letter ("Smith", "O'Neil", "McKay"). */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Lower-case, strip diacritics and fold curly apostrophes: the key for comparing names. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}

/** The sentence containing `offset`, by binary search over sentences sorted by start. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Index of the first item whose key is >= `value` in items sorted by that key (binary search). */
export function firstAtOrAfter<T>(items: readonly T[], value: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does `word` (lower case) occur as a word written in lower case somewhere in the text? */
export function writtenInLowerCase(text: string, word: string): boolean {
  if (!/^[a-z-]+$/.test(word)) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!/\p{L}/u.test(text.charAt(at - 1)) && !/\p{L}/u.test(text.charAt(at + word.length))) return true;
  }
  return false;
}
