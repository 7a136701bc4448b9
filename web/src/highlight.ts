/**
 * Locating a source sentence (or a quote's span) within its paragraph, so the panel can show the
 * paragraph with the sentence highlighted. Pure; the panel renders the segments with textContent.
 */

export interface Segment {
  text: string;
  highlight: boolean;
}

/** Paragraph split into before / match / after; when the sentence cannot be placed, the sentence alone, highlighted. */
export interface HighlightResult {
  segments: Segment[];
  /** How the sentence was placed: offsets given by the API, an exact match, a whitespace-insensitive match, or not found. */
  method: 'offsets' | 'exact' | 'normalized' | 'not-found';
}

function split(paragraph: string, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  if (start > 0) out.push({ text: paragraph.slice(0, start), highlight: false });
  out.push({ text: paragraph.slice(start, end), highlight: true });
  if (end < paragraph.length) out.push({ text: paragraph.slice(end), highlight: false });
  return out;
}

/** Typographic quotes and dashes folded, so a sentence quoted with straight quotes still matches. */
function foldChar(c: string): string {
  switch (c) {
    case '\u2018':
    case '\u2019':
    case '\u201B':
    case '\u2032':
      return "'";
    case '\u201C':
    case '\u201D':
    case '\u201F':
    case '\u2033':
      return '"';
    case '\u2013':
    case '\u2014':
      return '-';
    case '\u00A0':
      return ' ';
    default:
      return c;
  }
}

/**
 * Builds the paragraph's normalized form (whitespace runs collapsed, quotes folded) with, for each
 * normalized character, its index in the original.
 */
function normalizeWithMap(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = foldChar(s.charAt(i));
    if (/\s/.test(c)) {
      if (!prevSpace && text.length > 0) {
        text += ' ';
        map.push(i);
      }
      prevSpace = true;
    } else {
      text += c;
      map.push(i);
      prevSpace = false;
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  return { text, map };
}

/**
 * Highlights `sentence` within `paragraph`. Offsets (relative to the paragraph) are trusted only when the
 * text at those offsets is the sentence; otherwise the sentence is searched for, exactly and then
 * ignoring whitespace and quote style.
 */
export function highlightSentence(
  paragraph: string,
  sentence: string,
  offsets?: { start: number; end: number },
): HighlightResult {
  const target = sentence.trim();
  if (!paragraph || !target) {
    return { segments: target ? [{ text: target, highlight: true }] : [], method: 'not-found' };
  }
  if (
    offsets &&
    offsets.start >= 0 &&
    offsets.end <= paragraph.length &&
    offsets.start < offsets.end &&
    paragraph.slice(offsets.start, offsets.end).trim() === target
  ) {
    return { segments: split(paragraph, offsets.start, offsets.end), method: 'offsets' };
  }
  const exact = paragraph.indexOf(target);
  if (exact >= 0) return { segments: split(paragraph, exact, exact + target.length), method: 'exact' };

  const p = normalizeWithMap(paragraph);
  const t = normalizeWithMap(target).text;
  const at = t ? p.text.indexOf(t) : -1;
  if (at >= 0) {
    const start = p.map[at] as number;
    const end = (p.map[at + t.length - 1] as number) + 1;
    return { segments: split(paragraph, start, end), method: 'normalized' };
  }
  return { segments: [{ text: target, highlight: true }], method: 'not-found' };
}

/**
 * The paragraph of `body` containing the span [start, end): paragraphs are separated by blank lines
 * (or, in texts without any, by single newlines). Returns the paragraph and its offset in the body.
 */
export function paragraphAround(body: string, start: number, end: number): { paragraph: string; offset: number } {
  const s = Math.max(0, Math.min(start, body.length));
  const e = Math.max(s, Math.min(end, body.length));
  const sep = /\n[ \t]*\n/.test(body) ? /\n[ \t]*\n/g : /\n/g;
  let from = 0;
  let to = body.length;
  for (const m of body.matchAll(sep)) {
    const at = m.index;
    if (at + m[0].length <= s) from = at + m[0].length;
    else if (at >= e) {
      to = at;
      break;
    }
  }
  const raw = body.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { paragraph: raw.trim(), offset: from + lead };
}
