/**
 * Secondary check of attribution cues on the PolNeAR DEV split (../shared/eval/polnear, surface
 * speaker spans only, no canonical names). For gold quotes with a source that a predicted quote
 * overlaps (30%), counts how often the speaker mention we used overlaps the gold source span. Direct
 * and mixed quotes only by default (PolNeAR marks far more paraphrase than the extractor looks for).
 *
 *   npx tsx src/eval/polnear.ts [--all-kinds] [--limit N] [--overlap 0.8] [--half A|B] [--errors] [--missed]
 *
 * `--missed` lists the gold quotes no prediction matches. `--errors` lists each matched quote whose speaker mention misses the gold source span ({{gold}},
 * <<ours>>, [[content]]).
 *
 * `--half A|B`: the dev documents sorted by id, even positions (A) or odd ones (B), as for the quote
 * set (halves.ts): study one half, check a change on the other.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { matchSpans } from './match.js';
import { extractForEval } from './pipeline.js';

interface Doc {
  id: string;
  text: string;
  split: string;
}
interface Gold {
  doc_id: string;
  start: number;
  end: number;
  speaker_start: number | null;
  speaker_end: number | null;
  kind: string;
  split: string;
}

const dir = resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'polnear');
const lines = (file: string): unknown[] =>
  readFileSync(resolve(dir, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
const allKinds = process.argv.includes('--all-kinds');
const limitAt = process.argv.indexOf('--limit');
const overlapAt = process.argv.indexOf('--overlap');
const overlap = overlapAt > 0 ? Number(process.argv[overlapAt + 1]) : 0.3;
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const showErrors = process.argv.includes('--errors');
const showMissed = process.argv.includes('--missed');
const oneLine = (t: string): string => t.replace(/\s+/g, ' ');
const halfAt = process.argv.indexOf('--half');
const half = halfAt > 0 ? process.argv[halfAt + 1] : undefined;
const docs = (lines('docs.jsonl') as Doc[])
  .filter((d) => d.split === 'dev')
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  .filter((_, i) => half === undefined || (i % 2 === 0) === (half === 'A'))
  .slice(0, limit);
const gold = (lines('quotes.jsonl') as Gold[]).filter(
  (q) => q.split === 'dev' && q.speaker_start !== null && (allKinds || q.kind !== 'indirect'),
);
const goldByDoc = new Map<string, Gold[]>();
for (const q of gold) goldByDoc.set(q.doc_id, [...(goldByDoc.get(q.doc_id) ?? []), q]);

let total = 0;
let predictedTotal = 0;
let matched = 0;
let withMention = 0;
let agree = 0;
/** Gold sources that are no pronoun, and the predicted speaker entity (or mention) found at them. */
let named = 0;
let namedAgree = 0;
const PRONOUN_SOURCE = /^(?:he|she|they|it|we|i|you|his|her|their)$/i;
for (const doc of docs) {
  const g = goldByDoc.get(doc.id) ?? [];
  total += g.length;
  const { quotes, predicted, entities } = extractForEval(doc.text);
  const byId = new Map(entities.map((e) => [e.localId, e]));
  predictedTotal += allKinds ? predicted.length : predicted.filter((p) => p.kind !== 'indirect').length;
  const pairs = matchSpans(g, predicted, overlap);
  if (showMissed) {
    const hit = new Set(pairs.map((p) => p.gold));
    for (const [i, gq] of g.entries())
      if (!hit.has(i))
        console.log(
          `MISSED [${gq.kind}] ${oneLine(doc.text.slice(Math.max(0, gq.start - 100), gq.start))} [[${oneLine(doc.text.slice(gq.start, gq.end))}]] ${oneLine(doc.text.slice(gq.end, gq.end + 60))}`,
        );
  }
  for (const pair of pairs) {
    matched++;
    const q = quotes[pair.predicted]!;
    const gq = g[pair.gold]!;
    const m = q.speakerMention?.span;
    const source = { start: gq.speaker_start!, end: gq.speaker_end! };
    const at = (s: { start: number; end: number }): boolean => s.start < source.end && source.start < s.end;
    if (!PRONOUN_SOURCE.test(doc.text.slice(source.start, source.end).trim())) {
      named++;
      const entity = q.speaker ? byId.get(q.speaker) : undefined;
      if ((entity?.mentions.some(at) ?? false) || (m !== undefined && at(m))) namedAgree++;
    }
    if (!m) continue;
    withMention++;
    if (m.start < gq.speaker_end! && gq.speaker_start! < m.end) agree++;
    else if (showErrors) {
      const from = Math.max(0, Math.min(q.span.start, source.start, m.start) - 80);
      const to = Math.min(doc.text.length, Math.max(q.span.end, source.end, m.end) + 40);
      const mark = [
        [source.start, '{{'],
        [source.end, '}}'],
        [m.start, '<<'],
        [m.end, '>>'],
        [gq.start, '[['],
        [gq.end, ']]'],
      ] as const;
      let out = '';
      let at = from;
      for (const [pos, tag] of [...mark].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))) {
        if (pos < at) continue;
        out += doc.text.slice(at, pos) + tag;
        at = pos;
      }
      out += doc.text.slice(at, to);
      console.log(
        `--- ${doc.id} [${gq.kind}] gold={{${doc.text.slice(source.start, source.end)}}} pred=<<${q.speakerMention!.text}>> cue=${q.cue ?? '∅'}`,
      );
      console.log(`    ${oneLine(out.length > 1200 ? out.slice(0, 600) + ' … ' + out.slice(-600) : out)}`);
    }
  }
}
const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '-');
console.log(
  `polnear dev${half ? `-${half}` : ''} (${docs.length} docs, ${allKinds ? 'all kinds' : 'direct+mixed'}, ${overlap * 100}% overlap): gold ${total}, ` +
    `predicted ${predictedTotal}, matched ${matched} (recall ${pct(matched, total)}%, precision ${pct(matched, predictedTotal)}%), with a mention ${withMention}, ` +
    `mention overlaps gold source ${agree} (${pct(agree, matched)}% of matched, ${pct(agree, withMention)}% of those with a mention); ` +
    `gold source no pronoun ${named}, speaker entity or mention at it ${namedAgree} (${pct(namedAgree, named)}%)`,
);
