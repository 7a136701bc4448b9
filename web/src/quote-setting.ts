/**
 * To whom, where and when a quote was said, as the panel shows it under the quote: read from the quote
 * listing's addressees / settings / audience / date (validated here, so an older server that sends none
 * of them just shows nothing).
 */
import { z } from 'zod';

const Link = z.object({ id: z.string(), type: z.string().nullish(), name: z.string().nullish() });
const QuoteSetting = z.object({
  addressees: z.array(Link).catch([]),
  settings: z.array(Link).catch([]),
  audience: z.array(z.string()).catch([]),
  date: z.string().nullish().catch(null),
});

export type QuoteLink = z.infer<typeof Link>;

/** One part of the line: plain words, or a link to a node of the graph. */
export type SettingPart = { text: string } | { link: QuoteLink };

/** "to X and reporters · at Y · on 3 Mar 2026" as parts, or nothing when the reports say none of it. */
export function quoteSettingParts(quote: unknown, formatDate: (iso: string) => string): SettingPart[] {
  const parsed = QuoteSetting.safeParse(quote);
  if (!parsed.success) return [];
  const { addressees, settings, audience, date } = parsed.data;
  const parts: SettingPart[] = [];
  const list = (items: SettingPart[]) =>
    items.forEach((item, i) => {
      if (i > 0) parts.push({ text: i === items.length - 1 ? ' and ' : ', ' });
      parts.push(item);
    });
  const to: SettingPart[] = [...addressees.map((link) => ({ link })), ...audience.map((text) => ({ text }))];
  if (to.length) {
    parts.push({ text: 'Said to ' });
    list(to);
  }
  if (settings.length) {
    parts.push({ text: parts.length ? ' · at ' : 'Said at ' });
    list(settings.map((link) => ({ link })));
  }
  if (date) parts.push({ text: `${parts.length ? ' · on ' : 'Said on '}${formatDate(date)}` });
  return parts;
}
