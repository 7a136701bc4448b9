/**
 * Article metadata: the input fields, completed from the text itself — a dateline ("KYIV (Reuters) -",
 * "LONDON, March 3 (AP) —"), an explicit date line near the top, a byline ("By A and B") and a
 * "(Agency)" credit naming the outlet. Only the head of the text is examined (datelines and bylines
 * live there), which keeps this O(1) per article.
 */
import { EXPLICIT_DATE, dateFromMatch, normaliseDate } from './dates.js';
import { countryForName, isKnownOrganization, isKnownPlace } from './gazetteer.js';
import { plainLayout } from './text.js';
import type { ArticleInput, ArticleMeta, Span } from './types.js';

const HEAD_CHARS = 600;

/**
 * Dateline: an upper-case city (optionally ", Country" or ", Month Day"), then an optional
 * "(Outlet)", then a dash. "OSLO, Norway (Reuters) -", "WASHINGTON —", "BERGEN, March 10 (AP) -".
 */
const DATELINE =
  /^\s*([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,\s*([A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?(?:,\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s*(?:\(([^)\n]{2,40})\))?\s*[-–—]+\s*/;

/** "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Reuters". Anchored to a line. */
const BYLINE =
  /(?:^|\n)\s*By\s+((?:\p{Lu}[\p{L}.'’-]+\s?){1,4}(?:(?:,\s*|\s+and\s+)(?:\p{Lu}[\p{L}.'’-]+\s?){1,4})*)\s*(?:\n|$)/u;

/** "date 2022-03-10", "Published: March 10, 2022", "Updated March 10, 2022 9:00 AM". */
const DATE_LINE = /(?:^|\n)\s*(?:date|published|updated|posted)\s*:?\s*([^\n]{6,40})/i;

/** An agency credit in running text: "(Reuters)", "(AP)" right after a dateline or at the very start. */
const OUTLET_CREDIT = /\(([A-Z][A-Za-z&. -]{1,30})\)/;

export interface DatelineMatch {
  city: string;
  outlet?: string;
  date?: string;
  span: Span;
}

function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The dateline at the start of the text, when there is one. */
export function findDateline(text: string, articleDate?: string): DatelineMatch | undefined {
  // The dateline opens the story: the first line, or the line after a byline or a date line.
  let offset = 0;
  for (let line = 0; line < 3 && offset < HEAD_CHARS; line++) {
    const found = datelineAt(text, offset, articleDate);
    if (found) return found;
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  return undefined;
}

function datelineAt(text: string, offset: number, articleDate?: string): DatelineMatch | undefined {
  const m = DATELINE.exec(text.slice(offset, offset + HEAD_CHARS));
  if (!m?.[1]) return undefined;
  const city = titleCase(m[1].trim());
  // A dateline city is a known place, or the capitalised first word is followed by a country or an
  // outlet credit; an all-caps headline word alone ("BREAKING -") is not enough.
  const known = isKnownPlace(city) ?? (countryForName(city) ? { country: city } : undefined);
  const credit = m[4]?.trim();
  if (!known && !credit && !(m[2] && countryForName(m[2]))) return undefined;
  const dateText = [m[2], m[3]].find((part) => part && /\d/.test(part));
  let date: string | undefined;
  if (dateText) {
    EXPLICIT_DATE.lastIndex = 0;
    const dm = EXPLICIT_DATE.exec(dateText);
    if (dm) date = dateFromMatch(dm, articleDate);
  }
  const outlet =
    credit && (isKnownOrganization(credit)?.kind === 'outlet' || /^[A-Z]/.test(credit)) ? credit : undefined;
  return {
    city,
    ...(outlet ? { outlet: isKnownOrganization(outlet)?.name ?? outlet } : {}),
    ...(date ? { date } : {}),
    span: { start: offset + m.index, end: offset + m.index + m[0].length },
  };
}

/** Names in a "By ..." line. */
export function findByline(text: string): string[] | undefined {
  const m = BYLINE.exec(text.slice(0, HEAD_CHARS));
  if (!m?.[1]) return undefined;
  const names = m[1]
    .split(/,\s*|\s+and\s+/)
    .map((n) => n.trim())
    .filter((n) => n.length > 1 && !isKnownOrganization(n));
  return names.length > 0 ? names : undefined;
}

/** A date stated near the top of the text ("date 2022-03-10", "Published March 10, 2022"). */
export function findHeadDate(text: string): string | undefined {
  const head = text.slice(0, HEAD_CHARS);
  const line = DATE_LINE.exec(head);
  return line?.[1] ? normaliseDate(line[1]) : undefined;
}

/** A date line's label and date, at a line start: "date 2022-03-10", "Published: March 10, 2022". */
const DATE_LABEL = /(?:^|\n)[ \t]*((?:date|published|updated|posted)[ \t]*:?[ \t]*)/gi;
const ISO_DATE_TIME = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/y;

/**
 * Spans of the text that are metadata, not prose: a date line's label and date ("date 2022-03-10"),
 * which scraped articles often run into their first sentence. The extractors skip them, so the lede
 * does not start with a "date" word glued to the first name.
 */
export function findMetadataSpans(text: string): Span[] {
  const head = text.slice(0, HEAD_CHARS);
  const spans: Span[] = [];
  for (const m of head.matchAll(DATE_LABEL)) {
    const start = m.index + m[0].length - m[1]!.length;
    const dateStart = m.index + m[0].length;
    ISO_DATE_TIME.lastIndex = dateStart;
    let end = ISO_DATE_TIME.exec(head) ? ISO_DATE_TIME.lastIndex : -1;
    if (end < 0) {
      EXPLICIT_DATE.lastIndex = 0;
      const explicit = EXPLICIT_DATE.exec(head.slice(dateStart, dateStart + 40));
      if (explicit?.index === 0) end = dateStart + explicit[0].length;
    }
    if (end > dateStart) spans.push({ start, end });
  }
  return spans;
}

/**
 * The text with its metadata spans blanked (not cut, so every offset stays exact): what the
 * extractors read.
 */
export function proseText(text: string): string {
  let out = plainLayout(text);
  for (const { start, end } of findMetadataSpans(text))
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/** Article metadata: input fields win, the text fills in what they lack. */
export function extractMetadata(input: ArticleInput): ArticleMeta {
  const text = input.text;
  const inputDate = normaliseDate(input.date);
  const headDate = inputDate ?? findHeadDate(text);
  const dateline = findDateline(text, headDate);
  const credit = dateline?.outlet ?? creditInHead(text);
  const byline = findByline(text);
  const date = headDate ?? dateline?.date;
  return {
    id: input.id,
    ...(input.title ? { title: input.title } : {}),
    ...((input.outlet ?? credit) ? { outlet: input.outlet ?? credit } : {}),
    ...(date ? { date } : {}),
    ...(dateline ? { datelineCity: dateline.city } : {}),
    ...(byline ? { byline } : {}),
    ...(input.url ? { url: input.url } : {}),
  };
}

/** "(Reuters)" within the first line or two: the outlet the story is credited to. */
function creditInHead(text: string): string | undefined {
  const m = OUTLET_CREDIT.exec(text.slice(0, 200));
  if (!m?.[1]) return undefined;
  const org = isKnownOrganization(m[1].trim());
  return org?.kind === 'outlet' ? org.name : undefined;
}
