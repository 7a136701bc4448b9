/**
 * Error analysis on the DEV split only (never the test split: tuning against it would overfit the
 * reported score). Prints each matched quote whose predicted speaker differs from the gold speaker,
 * with the gold mention, the mention we used and the text around the quote.
 *
 *   npx tsx src/eval/errors.ts [--missed] [--spurious] [--half A|B]
 *
 * `--half A` / `--half B` lists one of the fixed dev halves of halves.ts only (study A, check on B).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultEvalDir, loadEvalData } from './data.js';
import { matchSpans } from './match.js';
import { devHalf, type Half } from './halves.js';
import { extractForEval } from './pipeline.js';
import { speakerMatches } from './speaker-match.js';

const dir = defaultEvalDir();
const halfAt = process.argv.indexOf('--half');
const half = halfAt > 0 ? (process.argv[halfAt + 1] as Half) : undefined;
const data = half ? devHalf(loadEvalData(dir), half) : loadEvalData(dir);
/** Gold speaker mentions (the loader keeps only what scoring needs). */
const mentions = readFileSync(join(dir, 'quotes.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { doc_id: string; start: number; speaker_mention: string | null });
const mentionOf = (docId: string, start: number): string =>
  mentions.find((m) => m.doc_id === docId && m.start === start)?.speaker_mention ?? '∅';

const showMissed = process.argv.includes('--missed');
const showSpurious = process.argv.includes('--spurious');
const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
let wrong = 0;
/** Matched and wrong counts by the kind of gold speaker mention, to see which attribution path fails. */
const byMention = new Map<string, { matched: number; wrong: number }>();
const mentionClass = (m: string): string =>
  m === '∅'
    ? 'no mention'
    : /^(?:he|she|they|it|we|i|you|him|her|them|his|its|their)$/i.test(m)
      ? 'pronoun'
      : /^(?:the|a|an|this|that|his|her|its|their)\s/i.test(m) || /^\p{Ll}/u.test(m)
        ? 'description'
        : 'name';
for (const doc of data.docs.filter((d) => d.split === 'dev')) {
  const gold = data.quotes.filter((q) => q.docId === doc.id);
  const { quotes, predicted } = extractForEval(doc.text);
  const pairs = matchSpans(gold, predicted, 0.3);
  for (const pair of pairs) {
    const g = gold[pair.gold]!;
    const p = predicted[pair.predicted]!;
    const tally = byMention.get(mentionClass(mentionOf(doc.id, g.start))) ?? { matched: 0, wrong: 0 };
    byMention.set(mentionClass(mentionOf(doc.id, g.start)), tally);
    tally.matched++;
    if (speakerMatches(p.speaker, g.speaker)) continue;
    wrong++;
    tally.wrong++;
    const q = quotes[pair.predicted]!;
    const from = Math.max(0, Math.min(q.sentenceSpan.start, g.start) - 250);
    console.log(
      `--- ${doc.id.slice(-6)} @${g.start} [${g.kind}] gold=${g.speaker} (mention: ${mentionOf(doc.id, g.start)})` +
        ` | pred=${p.speaker ?? '∅'} (mention: ${q.speakerMention?.text ?? '∅'}, cue: ${q.cue ?? '∅'})`,
    );
    console.log(
      `    ${oneLine(doc.text.slice(from, g.start))} [[${oneLine(doc.text.slice(g.start, g.end))}]] ${oneLine(doc.text.slice(g.end, g.end + 120))}`,
    );
  }
  const matchedGold = new Set(pairs.map((p) => p.gold));
  const matchedPred = new Set(pairs.map((p) => p.predicted));
  if (showMissed)
    for (const [i, g] of gold.entries())
      if (!matchedGold.has(i))
        console.log(`MISSED ${doc.id.slice(-6)} [${g.kind}] ${oneLine(doc.text.slice(g.start, g.end))}`);
  if (showSpurious)
    for (const [i, p] of predicted.entries())
      if (!matchedPred.has(i))
        console.log(`SPURIOUS ${doc.id.slice(-6)} [${p.kind}] ${oneLine(doc.text.slice(p.start, p.end))}`);
}
console.log(`${wrong} wrong speakers on dev`);
for (const [kind, { matched, wrong: bad }] of [...byMention].sort((a, b) => b[1].matched - a[1].matched))
  console.log(
    `  gold mention ${kind}: ${matched} matched, ${bad} wrong (${((100 * (matched - bad)) / matched).toFixed(1)}% right)`,
  );
