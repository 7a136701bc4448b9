/**
 * `speakergraph ingest <files|dirs...>`: read articles, extract new and changed ones, resolve across
 * everything stored, and sync the graph into Neo4j (see src/store/ingest.ts for the design).
 * Unreadable inputs and articles that fail extraction are reported and skipped; the command then
 * exits 1 after writing everything else.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ArticleInput } from '../extract/types.js';
import { readArticles, type InputProblem } from '../input/read-articles.js';
import { defaultPipeline, ingestArticles, type IngestSummary } from '../store/ingest.js';
import { createProgress } from '../store/progress.js';
import { withStore } from '../store/store.js';
import { DEFAULT_BATCH_SIZE } from '../store/write.js';
import { formatProblem } from './extract.js';
import { addNeo4jOptions, configFrom, parseOptions, type CommonOptions } from './options.js';

const optionsSchema = z.object({
  batchSize: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_BATCH_SIZE),
  json: z.boolean().optional(),
});

export function formatSummary(s: IngestSummary): string {
  return [
    `articles: ${s.articlesRead} read, ${s.articlesNew} new, ${s.articlesChanged} changed, ${s.articlesSkipped} unchanged (skipped), ${s.articlesFailed} failed; ${s.articlesStored} in the database`,
    `nodes: ${s.nodesCreated} created, ${s.nodesUpdated} updated, ${s.nodesDeleted} deleted, ${s.nodesUnchanged} unchanged`,
    `relationships: ${s.relationshipsCreated} created, ${s.relationshipsUpdated} updated, ${s.relationshipsDeleted} deleted, ${s.relationshipsUnchanged} unchanged`,
    `time: ${s.seconds.toFixed(1)}s`,
  ].join('\n');
}

export function registerIngestCommand(program: Command): void {
  addNeo4jOptions(
    program
      .command('ingest')
      .description(
        'extract articles and write the graph into Neo4j (idempotent; unchanged articles are skipped)',
      )
      .argument('<paths...>', '.txt/.md files, .jsonl/.ndjson files or directories (walked recursively)')
      .option('--batch-size <n>', `rows per write transaction (default ${DEFAULT_BATCH_SIZE})`)
      .option('--json', 'print the summary as JSON'),
  ).action(async (paths: string[], rawOptions: CommonOptions & Record<string, unknown>) => {
    const opts = parseOptions(optionsSchema, rawOptions);
    const { config, log } = configFrom(rawOptions);

    const problems: InputProblem[] = [];
    const articles: ArticleInput[] = [];
    for await (const article of readArticles(paths, (p) => {
      problems.push(p);
      log.warn({ file: p.file, line: p.line }, `skipped ${formatProblem(p)}`);
    })) {
      articles.push(article);
    }
    if (articles.length === 0) {
      throw new UserError('NO_ARTICLES', `no readable articles in ${paths.join(', ')}`, {
        problems: problems.length,
      });
    }

    const summary = await withStore(config.neo4j, (driver) =>
      ingestArticles(driver, articles, {
        pipeline: defaultPipeline,
        database: config.neo4j.database,
        batchSize: opts.batchSize,
        progress: createProgress(log),
      }),
    );
    for (const f of summary.failures)
      log.warn({ article: f.articleId }, `article ${f.articleId} failed: ${f.message}`);
    log.info({ ...summary, failures: summary.failures.length }, 'ingest finished');
    process.stdout.write(
      opts.json
        ? `${JSON.stringify({ ...summary, inputProblems: problems.length })}\n`
        : `${formatSummary(summary)}\n`,
    );
    const bad = problems.length + summary.articlesFailed;
    if (bad > 0) {
      throw new UserError(
        'INGEST_INCOMPLETE',
        `${bad} input(s) could not be ingested (see the log above); everything else was written`,
      );
    }
  });
}
