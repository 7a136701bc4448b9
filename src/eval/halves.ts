/**
 * The dev split in two fixed halves, for tuning without overfitting: the dev article ids sorted, even
 * positions are half A (where errors are studied), odd positions half B (where a change must hold up).
 * Never the test split.
 *
 *   npx tsx src/eval/halves.ts
 */
import type { EvalData } from './data.js';

export type Half = 'A' | 'B';

/** The dev data restricted to one half (docs and their gold quotes); the split label stays 'dev'. */
export function devHalf(data: EvalData, half: Half): EvalData {
  const ids = data.docs
    .filter((d) => d.split === 'dev')
    .map((d) => d.id)
    .sort();
  const keep = new Set(ids.filter((_, i) => (i % 2 === 0) === (half === 'A')));
  return {
    docs: data.docs.filter((d) => keep.has(d.id)),
    quotes: data.quotes.filter((q) => keep.has(q.docId)),
  };
}
