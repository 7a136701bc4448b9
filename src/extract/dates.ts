/**
 * Date parsing and resolution against an article's date: explicit dates ("March 10, 2022",
 * "10 March", "2022-03-10") and relative ones ("Thursday", "on Wednesday", "yesterday"). All dates are
 * calendar dates in ISO form (YYYY-MM-DD), computed in UTC so the result never depends on the machine.
 */

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

const MONTH_WORD =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** "March 10, 2022", "March 10", "10 March 2022", "2022-03-10", "Mar. 10". */
export const EXPLICIT_DATE = new RegExp(
  `\\b(?:(\\d{4})-(\\d{2})-(\\d{2})|${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD}(?:,?\\s+(\\d{4}))?)\\b`,
  'g',
);

export const WEEKDAY_WORD = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

const RELATIVE_DAY = /\b(today|yesterday|tomorrow|tonight|last night)\b/gi;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The calendar date (YYYY-MM-DD) of an ISO date or timestamp, or of a "March 10, 2022" style string. */
export function normaliseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  EXPLICIT_DATE.lastIndex = 0;
  const m = EXPLICIT_DATE.exec(value);
  return m ? dateFromMatch(m, undefined) : undefined;
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Resolve an explicit-date regex match; a missing year comes from the article date (or is unknown). */
export function dateFromMatch(m: RegExpExecArray, articleDate: string | undefined): string | undefined {
  if (m[1]) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const monthWord = m[4] ?? m[8];
  const day = Number(m[5] ?? m[7]);
  const yearText = m[6] ?? m[9];
  const month = monthWord ? MONTHS[monthWord.toLowerCase().replace('.', '')] : undefined;
  if (!month || !day) return undefined;
  if (yearText) return isoDate(Number(yearText), month, day);
  if (!articleDate) return undefined;
  const articleYear = Number(articleDate.slice(0, 4));
  const candidate = isoDate(articleYear, month, day);
  // "December 30" in an article of January 2 is last year's.
  if (candidate && candidate > addDays(articleDate, 60)) return isoDate(articleYear - 1, month, day);
  return candidate;
}

/**
 * The date a weekday name means in an article of `articleDate`: news uses a bare weekday for the
 * current week, so the nearest such day on or before the article date, or after it when the clause
 * speaks of the future ("will meet on Friday").
 */
export function resolveWeekday(weekday: string, articleDate: string, future = false): string | undefined {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase() as (typeof WEEKDAYS)[number]);
  if (target < 0) return undefined;
  const current = weekdayOf(articleDate);
  if (future) {
    const ahead = (target - current + 7) % 7;
    return addDays(articleDate, ahead === 0 ? 7 : ahead);
  }
  return addDays(articleDate, -((current - target + 7) % 7));
}

/** "today", "yesterday", "tomorrow", "last night" against the article date. */
export function resolveRelativeDay(word: string, articleDate: string): string | undefined {
  switch (word.toLowerCase()) {
    case 'today':
    case 'tonight':
      return articleDate;
    case 'yesterday':
    case 'last night':
      return addDays(articleDate, -1);
    case 'tomorrow':
      return addDays(articleDate, 1);
    default:
      return undefined;
  }
}

const FUTURE_CUE =
  /\b(will|shall|is to|are to|plans? to|planned|scheduled|expected to|set to|next|upcoming|due to|would)\b/i;

/**
 * The first date expression in `text` (a sentence or clause) resolved against the article date:
 * explicit dates first, then weekday names, then today/yesterday/tomorrow.
 */
export function resolveDateIn(text: string, articleDate: string | undefined): string | undefined {
  EXPLICIT_DATE.lastIndex = 0;
  const explicit = EXPLICIT_DATE.exec(text);
  if (explicit) {
    const d = dateFromMatch(explicit, articleDate);
    if (d) return d;
  }
  if (!articleDate) return undefined;
  WEEKDAY_WORD.lastIndex = 0;
  const weekday = WEEKDAY_WORD.exec(text);
  if (weekday?.[1]) {
    const before = text.slice(Math.max(0, weekday.index - 60), weekday.index);
    return resolveWeekday(weekday[1], articleDate, FUTURE_CUE.test(before));
  }
  RELATIVE_DAY.lastIndex = 0;
  const relative = RELATIVE_DAY.exec(text);
  return relative?.[1] ? resolveRelativeDay(relative[1], articleDate) : undefined;
}
