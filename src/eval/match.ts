/**
 * One-to-one matching of predicted quote spans to gold spans: a pair qualifies when the overlap
 * covers at least `threshold` of the gold span; the matching pairs as many quotes as possible.
 */
export interface SpanLike {
  start: number;
  end: number;
}

export interface MatchPair {
  gold: number;
  predicted: number;
  overlap: number;
}

/** Fraction of the gold span covered by the predicted span. */
export function goldCoverage(gold: SpanLike, predicted: SpanLike): number {
  const length = gold.end - gold.start;
  if (length <= 0) return 0;
  const shared = Math.min(gold.end, predicted.end) - Math.max(gold.start, predicted.start);
  return shared > 0 ? shared / length : 0;
}

export function matchSpans(gold: SpanLike[], predicted: SpanLike[], threshold: number): MatchPair[] {
  const pairs: MatchPair[] = [];
  // Quotes of one article are few; sort both by start and only compare spans that overlap.
  const order = predicted.map((p, i) => ({ p, i })).sort((a, b) => a.p.start - b.p.start);
  for (const [g, span] of gold.entries()) {
    for (const { p, i } of order) {
      if (p.start >= span.end) break;
      const overlap = goldCoverage(span, p);
      if (overlap >= threshold) pairs.push({ gold: g, predicted: i, overlap });
    }
  }
  // Maximum one-to-one matching (augmenting paths), trying each gold quote's best overlaps first.
  const edges = new Map<number, MatchPair[]>();
  for (const pair of pairs) edges.set(pair.gold, [...(edges.get(pair.gold) ?? []), pair]);
  for (const list of edges.values()) list.sort((a, b) => b.overlap - a.overlap);
  const ownerOf = new Map<number, MatchPair>();
  const augment = (g: number, seen: Set<number>): boolean => {
    for (const pair of edges.get(g) ?? []) {
      if (seen.has(pair.predicted)) continue;
      seen.add(pair.predicted);
      const owner = ownerOf.get(pair.predicted);
      if (!owner || augment(owner.gold, seen)) {
        ownerOf.set(pair.predicted, pair);
        return true;
      }
    }
    return false;
  };
  for (const g of edges.keys()) augment(g, new Set());
  const chosen = [...ownerOf.values()].sort((a, b) => a.gold - b.gold);
  return chosen;
}
