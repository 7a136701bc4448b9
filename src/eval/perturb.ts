/**
 * Robustness check on the DEV split (never the test split): the same articles with the people's names
 * replaced by invented ones of the same length, so that offsets and gold spans stay valid. Rules that
 * lean on the name lists (first-name gender, known names) show up as a drop against the plain run.
 *
 *   npx tsx src/eval/perturb.ts [--half A|B] [--surnames] [--everyone] [--errors]
 *
 * First names found in the name data sets are replaced by invented words that no list knows (the
 * gender then has to come from the text: honorifics, pronouns); with `--surnames` the other words of
 * the gold speakers' names are replaced too.
 */
import { defaultEvalDir, loadEvalData, type EvalData } from './data.js';
import { devHalf, type Half } from './halves.js';
import { matchSpans } from './match.js';
import { extractForEval } from './pipeline.js';
import { evaluateSplit } from './run.js';
import { speakerMatches } from './speaker-match.js';
import { isKnownFirstName } from '../extract/person-lexicon.js';

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/** A deterministic invented word of `length` letters, capitalised like `like`. */
function invented(word: string, salt: number): string {
  let h = salt;
  for (const ch of word) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    const set = i % 2 === 0 ? CONSONANTS : VOWELS;
    out += set.charAt((h >>> 16) % set.length);
  }
  out = out.charAt(0).toUpperCase() + out.slice(1);
  return isKnownFirstName(out) ? invented(word, salt + 1) : out;
}

/** The dev data with name words replaced throughout (texts and gold speakers). */
export function perturbNames(data: EvalData, surnames: boolean, everyone = false): EvalData {
  const docs = data.docs.map((doc) => {
    const gold = data.quotes.filter((q) => q.docId === doc.id);
    const words = new Set<string>();
    for (const q of gold) {
      const parts = (q.speaker ?? '').split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w));
      if (parts.length < 2) continue;
      for (const [i, w] of parts.entries())
        if ((i === 0 && isKnownFirstName(w)) || (surnames && i > 0)) words.add(w);
    }
    // `everyone`: every known first name opening a two-word name anywhere in the article, too.
    if (everyone)
      for (const m of doc.text.matchAll(/\b(\p{Lu}\p{Ll}{2,})\s+\p{Lu}\p{Ll}+/gu))
        if (isKnownFirstName(m[1]!)) words.add(m[1]!);
    const map = new Map([...words].map((w) => [w, invented(w, 7)]));
    const swap = (s: string): string =>
      map.size === 0 ? s : s.replace(/\p{Lu}\p{Ll}+/gu, (w) => map.get(w) ?? w);
    return { doc: { ...doc, text: swap(doc.text) }, swap };
  });
  const swapOf = new Map(docs.map((d) => [d.doc.id, d.swap]));
  return {
    docs: docs.map((d) => d.doc),
    quotes: data.quotes.map((q) => {
      const swap = swapOf.get(q.docId);
      return swap && q.speaker ? { ...q, speaker: swap(q.speaker) } : q;
    }),
  };
}

const isMain = process.argv[1]?.endsWith('perturb.ts') ?? false;
if (isMain) {
  const halfAt = process.argv.indexOf('--half');
  const half = halfAt > 0 ? (process.argv[halfAt + 1] as Half) : undefined;
  const loaded = loadEvalData(defaultEvalDir());
  const dev = half ? devHalf(loaded, half) : loaded;
  const pct = (x: number): string => (100 * x).toFixed(1);
  const changed = perturbNames(dev, process.argv.includes('--surnames'), process.argv.includes('--everyone'));
  if (process.argv.includes('--errors')) {
    const one = (t: string): string => t.replace(/\s+/g, ' ');
    for (const doc of changed.docs.filter((d) => d.split === 'dev')) {
      const gold = changed.quotes.filter((q) => q.docId === doc.id);
      const plainGold = dev.quotes.filter((q) => q.docId === doc.id);
      const plainDoc = dev.docs.find((d) => d.id === doc.id)!;
      const plain = extractForEval(plainDoc.text).predicted;
      const plainRight = new Set(
        matchSpans(plainGold, plain, 0.3)
          .filter((p) => speakerMatches(plain[p.predicted]!.speaker, plainGold[p.gold]!.speaker))
          .map((p) => p.gold),
      );
      const { quotes, predicted } = extractForEval(doc.text);
      for (const pair of matchSpans(gold, predicted, 0.3)) {
        const g = gold[pair.gold]!;
        const p = predicted[pair.predicted]!;
        if (speakerMatches(p.speaker, g.speaker) || !plainRight.has(pair.gold)) continue;
        const q = quotes[pair.predicted]!;
        console.log(
          `--- ${doc.id.slice(-6)} @${g.start} [${g.kind}] gold=${g.speaker} | pred=${p.speaker ?? '∅'} (mention: ${q.speakerMention?.text ?? '∅'}, cue: ${q.cue ?? '∅'})`,
        );
        const from = Math.max(0, Math.min(q.sentenceSpan.start, g.start) - 250);
        console.log(`    ${one(doc.text.slice(from, g.start))} [[${one(doc.text.slice(g.start, g.end))}]]`);
      }
    }
  }
  for (const [label, part] of [
    ['plain', dev],
    ['names', changed],
  ] as const) {
    const r = evaluateSplit(part, 'dev');
    const a = r.all['0.3']!;
    console.log(
      `${label.padEnd(6)} dev${half ? `-${half}` : ''} P/R/F1 ${pct(a.precision)}/${pct(a.recall)}/${pct(a.f1)}  F1@80 ${pct(r.all['0.8']!.f1)}  spk ${pct(a.speakerAccuracy)} (${a.counts.speakerCorrect}/${a.counts.matched})`,
    );
  }
}
