/**
 * How a quote's text is shown. Only a direct quote is the speaker's own words throughout, so only it is
 * set in quotation marks; a partial quote carries its own marks around the quoted fragment, and an
 * indirect statement is a paraphrase: wrapped in marks, either would read as verbatim.
 */
export function quoteDisplayText(text: string, kind: unknown, maxLength = Infinity): string {
  const direct = kind === 'direct' || kind === undefined || kind === null;
  const room = direct ? maxLength - 2 : maxLength;
  const body = text.length > room ? `${text.slice(0, Math.max(1, room - 1)).trimEnd()}…` : text;
  return direct ? `“${body}”` : body;
}
