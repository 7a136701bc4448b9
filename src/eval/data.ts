/**
 * Loader for the Gender Gap Tracker quote evaluation set (docs.jsonl + quotes.jsonl, see the data
 * set's README). The only file I/O of the evaluation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { UserError } from '../errors.js';

export type Split = 'dev' | 'test';

export interface EvalDoc {
  id: string;
  text: string;
  split: Split;
}

export interface GoldQuote {
  docId: string;
  start: number;
  end: number;
  /** Canonical (coreference-resolved) speaker name. */
  speaker: string | null;
  kind: 'direct' | 'mixed' | 'indirect';
}

export interface EvalData {
  docs: EvalDoc[];
  quotes: GoldQuote[];
}

/** Default location: the shared evaluation data next to the project checkout. */
export function defaultEvalDir(projectRoot: string = PROJECT_ROOT): string {
  return resolve(projectRoot, '..', 'shared', 'eval', 'gender-gap-tracker-quotes');
}

function readJsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new UserError('EVAL_DATA_INVALID', `${file}:${i + 1}: not valid JSON`);
      }
    });
}

function field<T>(
  row: Record<string, unknown>,
  name: string,
  check: (v: unknown) => v is T,
  file: string,
): T {
  const value = row[name];
  if (!check(value)) throw new UserError('EVAL_DATA_INVALID', `${file}: record without a valid "${name}"`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isSplit = (v: unknown): v is Split => v === 'dev' || v === 'test';

export function loadEvalData(dir: string): EvalData {
  const docsFile = join(dir, 'docs.jsonl');
  const quotesFile = join(dir, 'quotes.jsonl');
  if (!existsSync(docsFile) || !existsSync(quotesFile)) {
    throw new UserError(
      'EVAL_DATA_MISSING',
      `evaluation data not found in ${dir} (expected docs.jsonl and quotes.jsonl); pass --data <dir>`,
    );
  }
  const docs = readJsonLines(docsFile).map((raw) => {
    const row = raw as Record<string, unknown>;
    return {
      id: field(row, 'id', isString, docsFile),
      text: field(row, 'text', isString, docsFile),
      split: field(row, 'split', isSplit, docsFile),
    };
  });
  const quotes = readJsonLines(quotesFile).map((raw) => {
    const row = raw as Record<string, unknown>;
    const kind = row.kind === 'direct' || row.kind === 'mixed' ? row.kind : 'indirect';
    return {
      docId: field(row, 'doc_id', isString, quotesFile),
      start: field(row, 'start', isNumber, quotesFile),
      end: field(row, 'end', isNumber, quotesFile),
      speaker: typeof row.speaker === 'string' ? row.speaker : null,
      kind,
    } satisfies GoldQuote;
  });
  return { docs, quotes };
}
