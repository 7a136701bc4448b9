/**
 * `speakergraph eval [--split dev|test|all] [--data <dir>] [--json]`: score quote extraction and
 * speaker attribution against the human-annotated Gender Gap Tracker quotes.
 */
import type { Command } from 'commander';
import { PROJECT_ROOT } from '../config.js';
import { UserError } from '../errors.js';
import { defaultEvalDir, loadEvalData, type Split } from '../eval/data.js';
import { evaluateSplit, formatReport } from '../eval/run.js';

interface EvalOptions {
  split: string;
  data?: string;
  json?: boolean;
}

function splitsFor(value: string): Split[] {
  if (value === 'dev' || value === 'test') return [value];
  if (value === 'all') return ['dev', 'test'];
  throw new UserError('BAD_OPTION', `--split must be dev, test or all (got "${value}")`);
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('score quote extraction and speaker attribution on the annotated evaluation set')
    .option('--split <split>', 'dev, test or all', 'all')
    .option('--data <dir>', 'evaluation data directory (docs.jsonl, quotes.jsonl)')
    .option('--json', 'print the report as JSON')
    .action((opts: EvalOptions) => {
      const splits = splitsFor(opts.split);
      const data = loadEvalData(opts.data ?? defaultEvalDir(PROJECT_ROOT));
      const reports = splits.map((split) => evaluateSplit(data, split));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${reports.map(formatReport).join('\n\n')}\n`);
    });
}
