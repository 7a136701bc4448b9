/**
 * Regression floor for quote extraction and attribution on the dev split of the shared evaluation set
 * (../shared/eval/gender-gap-tracker-quotes). Floors sit a point or two below the scores reached, so a
 * change that loses accuracy fails here. Unit tests of the matcher and speaker comparison come first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { defaultEvalDir, loadEvalData } from './data.js';
import { goldCoverage, matchSpans } from './match.js';
import { evaluateSplit } from './run.js';
import { speakerMatches } from './speaker-match.js';

describe('span matching', () => {
  it('measures overlap as a fraction of the gold span', () => {
    expect(goldCoverage({ start: 0, end: 10 }, { start: 5, end: 100 })).toBe(0.5);
    expect(goldCoverage({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
  });

  it('matches one to one, as many pairs as possible', () => {
    const gold = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const predicted = [
      { start: 0, end: 30 },
      { start: 1, end: 10 },
    ];
    const pairs = matchSpans(gold, predicted, 0.8);
    expect(pairs.map((p) => [p.gold, p.predicted])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(matchSpans(gold, [{ start: 0, end: 5 }], 0.8)).toEqual([]);
  });
});

describe('speaker comparison', () => {
  it('accepts full names, surname-only and case/diacritics differences', () => {
    expect(speakerMatches('Renée Olafsdottir', 'Renee Olafsdottir')).toBe(true);
    expect(speakerMatches('Olafsdottir', 'Renee Olafsdottir')).toBe(true);
    expect(speakerMatches('the union', 'The union')).toBe(true);
    expect(speakerMatches('NFSA', 'Northern Ferry Safety Authority')).toBe(true);
    expect(speakerMatches('Brindlewick Holdings Co.', 'Brindlewick Holdings')).toBe(true);
    expect(speakerMatches('Mr. Olafsdottir', 'Renee Olafsdottir')).toBe(true);
    expect(speakerMatches('Dr. Renee Olafsdottir', 'Renee Olafsdottir')).toBe(true);
    expect(speakerMatches('Tarvo Ilves', 'Tarvo K. Ilves')).toBe(true);
  });

  it('rejects a different person with the same surname, and missing speakers', () => {
    expect(speakerMatches('Tomas Olafsdottir', 'Renee Olafsdottir')).toBe(false);
    expect(speakerMatches('NRA', 'Northern Ferry Safety Authority')).toBe(false);
    expect(speakerMatches('Mr. Tomas Olafsdottir', 'Renee Olafsdottir')).toBe(false);
    expect(speakerMatches('Tarvo Ilves', 'Mart K. Ilves')).toBe(false);
    expect(speakerMatches(undefined, 'Renee Olafsdottir')).toBe(false);
  });
});

describe('eval data loading', () => {
  it('reports missing data as a user error naming the directory', () => {
    expect(() => loadEvalData('/nonexistent/eval-dir')).toThrow(UserError);
    expect(() => loadEvalData('/nonexistent/eval-dir')).toThrow(/nonexistent\/eval-dir/);
  });
});

const dataDir = defaultEvalDir();

describe('dev split regression', () => {
  it('finds the shared evaluation data', () => {
    expect(existsSync(join(dataDir, 'docs.jsonl'))).toBe(true);
  });

  it('stays at or above the reached quote F1 and speaker accuracy', () => {
    const report = evaluateSplit(loadEvalData(dataDir), 'dev');
    expect(report.docs).toBe(50);
    const loose = report.all['0.3']!;
    const strict = report.all['0.8']!;
    const direct = report.direct['0.3']!;
    expect(loose.f1).toBeGreaterThanOrEqual(0.93);
    expect(strict.f1).toBeGreaterThanOrEqual(0.922);
    expect(loose.speakerAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(direct.f1).toBeGreaterThanOrEqual(0.937);
    expect(direct.speakerAccuracy).toBeGreaterThanOrEqual(0.958);
  });
});
