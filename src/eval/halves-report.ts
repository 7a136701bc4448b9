/**
 * Scores of the two fixed dev halves (see halves.ts) and of the whole dev split. Never the test split.
 *
 *   npx tsx src/eval/halves-report.ts
 */
import { defaultEvalDir, loadEvalData } from './data.js';
import { devHalf } from './halves.js';
import { evaluateSplit } from './run.js';

const data = loadEvalData(defaultEvalDir());
const pct = (x: number): string => (100 * x).toFixed(1);
for (const [label, part] of [
  ['dev-A', devHalf(data, 'A')],
  ['dev-B', devHalf(data, 'B')],
  ['dev', { docs: data.docs.filter((d) => d.split === 'dev'), quotes: data.quotes }],
] as const) {
  const r = evaluateSplit(part, 'dev');
  const a = r.all['0.3']!;
  const s = r.all['0.8']!;
  const d = r.direct['0.3']!;
  console.log(
    `${label.padEnd(5)} docs ${r.docs}  P/R/F1 ${pct(a.precision)}/${pct(a.recall)}/${pct(a.f1)}  F1@80 ${pct(s.f1)}  spk ${pct(a.speakerAccuracy)} (${a.counts.speakerCorrect}/${a.counts.matched})  direct F1 ${pct(d.f1)} spk ${pct(d.speakerAccuracy)}`,
  );
}
