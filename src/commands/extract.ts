/**
 * `speakergraph extract <files|dirs...> [--out graph.json]`: read articles, extract each (on worker
 * threads for large inputs), resolve across articles, write graphology's `graph.export()` JSON.
 * Bad inputs are reported one per line on stderr and skipped; the command then exits 1.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ArticleInput } from '../extract/types.js';
import { readArticles, type InputProblem } from '../input/read-articles.js';
import { createLogger } from '../logger.js';
import { extractAll } from '../pipeline/extract-pool.js';
import { resolveCorpus } from '../resolve/index.js';
import { parseOptions } from './options.js';

const optionsSchema = z.object({
  out: z.string().min(1).optional(),
  workers: z.coerce.number().int().min(0).max(256).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export function formatProblem(p: InputProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

export interface ExtractSummary {
  articles: number;
  chars: number;
  problems: number;
  nodes: number;
  edges: number;
  extractSeconds: number;
  totalSeconds: number;
}

export async function runExtract(paths: string[], rawOptions: unknown): Promise<ExtractSummary> {
  const opts = parseOptions(optionsSchema, rawOptions);
  const log = createLogger(opts.logLevel);
  const started = performance.now();

  const problems: InputProblem[] = [];
  const articles: ArticleInput[] = [];
  for await (const article of readArticles(paths, (p) => {
    problems.push(p);
    process.stderr.write(`speakergraph: skipped ${formatProblem(p)}\n`);
  })) {
    articles.push(article);
  }
  if (articles.length === 0) {
    throw new UserError('NO_ARTICLES', `no readable articles in ${paths.join(', ')}`, { problems: problems.length });
  }
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const t0 = performance.now();
  const docs = await extractAll(articles, opts.workers !== undefined ? { workers: opts.workers } : {});
  const extractSeconds = (performance.now() - t0) / 1000;
  const graph = resolveCorpus(docs);
  const json = JSON.stringify(graph.export());
  if (opts.out) await writeFile(opts.out, json);
  else await new Promise<void>((resolve, reject) => process.stdout.write(`${json}\n`, (err) => (err ? reject(err) : resolve())));
  const totalSeconds = (performance.now() - started) / 1000;
  const summary: ExtractSummary = {
    articles: articles.length,
    chars,
    problems: problems.length,
    nodes: graph.order,
    edges: graph.size,
    extractSeconds,
    totalSeconds,
  };
  log.info(
    { ...summary, mbPerSecond: Number((chars / 1e6 / totalSeconds).toFixed(2)), articlesPerSecond: Math.round(articles.length / totalSeconds) },
    'extract finished',
  );
  if (problems.length > 0) {
    throw new UserError('INPUT_ERRORS', `${problems.length} input problem(s); those inputs were skipped (see above)`, {
      problems: problems.length,
    });
  }
  return summary;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('extract people, places, organisations, events and quotes from articles and write the graph as JSON')
    .argument('<paths...>', '.txt/.md files, .jsonl/.ndjson files or directories (walked recursively)')
    .option('-o, --out <file>', 'write the graph JSON (graphology export) here instead of stdout')
    .option('--workers <n>', 'worker threads for extraction (default: cores - 1 for inputs over 1 MB on 4 or more cores, else none)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent', 'info')
    .action(async (paths: string[], options: unknown) => {
      await runExtract(paths, options);
    });
}
