/** Precision/recall/F1 and speaker accuracy over matched quotes, for a set of documents. */
import type { GoldQuote } from './data.js';
import { matchSpans } from './match.js';
import { speakerMatches } from './speaker-match.js';

export interface PredictedQuote {
  start: number;
  end: number;
  kind: 'direct' | 'partial' | 'indirect';
  /** Name of the attributed speaker (entity name, or the group/organisation phrase). */
  speaker?: string;
}

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
  speakerCorrect: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** Share of matched quotes whose speaker is right. */
  speakerAccuracy: number;
  counts: Counts;
}

export function emptyCounts(): Counts {
  return { gold: 0, predicted: 0, matched: 0, speakerCorrect: 0 };
}

/** Add one document's counts at one overlap threshold. */
export function countDocument(
  gold: GoldQuote[],
  predicted: PredictedQuote[],
  threshold: number,
  into: Counts,
): void {
  const pairs = matchSpans(gold, predicted, threshold);
  into.gold += gold.length;
  into.predicted += predicted.length;
  into.matched += pairs.length;
  for (const pair of pairs) {
    if (speakerMatches(predicted[pair.predicted]!.speaker, gold[pair.gold]!.speaker)) into.speakerCorrect++;
  }
}

export function scores(counts: Counts): Scores {
  const precision = counts.predicted ? counts.matched / counts.predicted : 0;
  const recall = counts.gold ? counts.matched / counts.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const speakerAccuracy = counts.matched ? counts.speakerCorrect / counts.matched : 0;
  return { precision, recall, f1, speakerAccuracy, counts };
}
