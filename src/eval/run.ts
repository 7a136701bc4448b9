/** Score the extraction pipeline on one split of the quote evaluation set. */
import type { EvalData, GoldQuote, Split } from './data.js';
import { countDocument, emptyCounts, scores, type PredictedQuote, type Scores } from './metrics.js';
import { extractForEval } from './pipeline.js';

export const THRESHOLDS = [0.3, 0.8] as const;

export interface SplitReport {
  split: Split;
  docs: number;
  /** Keyed by threshold ("0.3", "0.8"): all quotes, and direct quotes only (gold kind != indirect). */
  all: Record<string, Scores>;
  direct: Record<string, Scores>;
  seconds: number;
}

export function evaluateSplit(
  data: EvalData,
  split: Split,
  extract: (text: string) => { predicted: PredictedQuote[] } = extractForEval,
): SplitReport {
  const started = performance.now();
  const goldByDoc = new Map<string, GoldQuote[]>();
  for (const q of data.quotes) goldByDoc.set(q.docId, [...(goldByDoc.get(q.docId) ?? []), q]);
  const all = Object.fromEntries(THRESHOLDS.map((t) => [String(t), emptyCounts()]));
  const direct = Object.fromEntries(THRESHOLDS.map((t) => [String(t), emptyCounts()]));
  const docs = data.docs.filter((d) => d.split === split);
  for (const doc of docs) {
    const gold = goldByDoc.get(doc.id) ?? [];
    const { predicted } = extract(doc.text);
    const goldDirect = gold.filter((q) => q.kind !== 'indirect');
    const predictedDirect = predicted.filter((q) => q.kind !== 'indirect');
    for (const t of THRESHOLDS) {
      countDocument(gold, predicted, t, all[String(t)]!);
      countDocument(goldDirect, predictedDirect, t, direct[String(t)]!);
    }
  }
  const toScores = (m: Record<string, ReturnType<typeof emptyCounts>>): Record<string, Scores> =>
    Object.fromEntries(Object.entries(m).map(([k, c]) => [k, scores(c)]));
  return {
    split,
    docs: docs.length,
    all: toScores(all),
    direct: toScores(direct),
    seconds: (performance.now() - started) / 1000,
  };
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

/** Plain-text table of one split's report. */
export function formatReport(report: SplitReport): string {
  const lines = [`split ${report.split}: ${report.docs} docs (${report.seconds.toFixed(2)} s)`];
  lines.push('  quotes     overlap   P      R      F1     speaker-acc  (gold/pred/matched)');
  for (const [label, table] of [
    ['all', report.all],
    ['direct', report.direct],
  ] as const) {
    for (const t of THRESHOLDS) {
      const s = table[String(t)]!;
      lines.push(
        `  ${label.padEnd(9)}  ${String(t * 100).padStart(3)}%   ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${pct(s.speakerAccuracy)}        (${s.counts.gold}/${s.counts.predicted}/${s.counts.matched})`,
      );
    }
  }
  return lines.join('\n');
}
