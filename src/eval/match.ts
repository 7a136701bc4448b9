/**
 * One-to-one matching of predicted quote spans to gold spans: a pair qualifies when the overlap
 * covers at least `threshold` of the gold span; pairs are taken greedily by overlap, best first.
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
  pairs.sort((a, b) => b.overlap - a.overlap);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const chosen: MatchPair[] = [];
  for (const pair of pairs) {
    if (usedGold.has(pair.gold) || usedPredicted.has(pair.predicted)) continue;
    usedGold.add(pair.gold);
    usedPredicted.add(pair.predicted);
    chosen.push(pair);
  }
  return chosen;
}
