/**
 * Does a predicted speaker name denote the gold canonical speaker? Case, diacritics, a leading article,
 * an honorific, middle initials and corporate suffixes are ignored; a surname-only name matches the full name, and an acronym
 * matches the name it abbreviates ("EU" / "European Union").
 */
const CORPORATE_SUFFIX = new Set(['inc', 'co', 'corp', 'corporation', 'ltd', 'llc', 'plc']);
const HONORIFIC = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'rev']);
const MINOR_WORDS = new Set(['of', 'and', 'for', 'on', 'the', 'de', 'la']);

function normalise(name: string): string[] {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/^\s*(?:the|a|an)\s+/, '')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && CORPORATE_SUFFIX.has(words.at(-1)!)) words.pop();
  // "Mr. Ames", "Dr. Ana Ruiz": an honorific is no part of the name.
  while (words.length > 1 && HONORIFIC.has(words[0]!)) words.shift();
  // "Harry J. Ames": a middle initial is left out as often as written.
  return words.length > 2 ? words.filter((w, i) => i === 0 || i === words.length - 1 || w.length > 1) : words;
}

function initials(words: string[]): string {
  return words
    .filter((w) => !MINOR_WORDS.has(w))
    .map((w) => w.charAt(0))
    .join('');
}

export function speakerMatches(predicted: string | undefined, gold: string | null): boolean {
  if (!predicted || !gold) return false;
  const p = normalise(predicted);
  const g = normalise(gold);
  if (p.length === 0 || g.length === 0) return false;
  if (p.join(' ') === g.join(' ')) return true;
  // An acronym for the other name.
  if (p.length === 1 && g.length > 1 && p[0] === initials(g)) return true;
  if (g.length === 1 && p.length > 1 && g[0] === initials(p)) return true;
  // Surname-only (either side) or a title-prefixed form: the last words agree.
  return p.at(-1) === g.at(-1) && (p.length === 1 || g.length === 1 || p.at(-2) === g.at(-2));
}
