/** Does a predicted speaker name denote the gold canonical speaker? Surname-only matches count. */
function normalise(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/^\s*(?:the|a|an)\s+/, '')
    .split(/\s+/)
    .filter(Boolean);
}

export function speakerMatches(predicted: string | undefined, gold: string | null): boolean {
  if (!predicted || !gold) return false;
  const p = normalise(predicted);
  const g = normalise(gold);
  if (p.length === 0 || g.length === 0) return false;
  if (p.join(' ') === g.join(' ')) return true;
  // Surname-only (either side) or a title-prefixed form: the last words agree.
  return p.at(-1) === g.at(-1) && (p.length === 1 || g.length === 1 || p.at(-2) === g.at(-2));
}
