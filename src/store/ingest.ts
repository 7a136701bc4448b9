/**
 * Ingest: articles in, graph in Neo4j out, such that the result depends only on the set of articles
 * ever ingested (not on order, batching or interruptions).
 *
 * Design:
 * 1. Hash every input article (text + metadata). Articles whose hash equals the `textHash` stored on
 *    their Article node are skipped; new and changed ones are extracted (pure, per article).
 * 2. The stored extraction records of all other ingested articles are read back from their Article
 *    nodes, and cross-article resolution re-runs over all of them plus the new ones, sorted by article id
 *    (resolution is near-linear, so this stays cheap; it is what makes "B after A" equal "A and B
 *    together", and makes a changed article drop facts only it supported and leave shared facts with
 *    one source fewer).
 * 3. The resulting graph is synced into Neo4j as a diff (write.ts): per node/relationship content hashes
 *    are compared with the stored ones; only what changed is written, what disappeared is deleted, in
 *    bounded UNWIND batches, one transaction each. Article nodes with their bookkeeping are written
 *    last, so a run killed at any point is redone by the next run and converges on the same state.
 * A no-change re-ingest therefore costs reading the inputs, hashing them and one query.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Driver } from 'neo4j-driver';
import { errorMessage } from '../errors.js';
import { extractDocument } from '../extract/index.js';
import type { ArticleInput, DocumentExtraction } from '../extract/types.js';
import { nodeKey } from '../model/ontology.js';
import { resolveCorpus } from '../resolve/index.js';
import { articleHash, loadArticleHashes, loadStoredExtractions, serializeExtraction } from './articles.js';
import { silentProgress, type ProgressReporter } from './progress.js';
import { applySchema, awaitSearchIndex } from './schema.js';
import { toStoreGraph } from './store-graph.js';
import { emptySyncCounts, syncGraph, type SyncCounts } from './write.js';

/** The two pipeline steps ingest runs; injectable so tests can feed small hand-made graphs. */
export interface IngestPipeline {
  extract(input: ArticleInput): DocumentExtraction;
  buildGraph(docs: DocumentExtraction[]): AbstractGraph;
}

/** The project's pipeline: issue 4's per-article extraction and cross-article resolution. */
export const defaultPipeline: IngestPipeline = {
  extract: extractDocument,
  buildGraph: (docs) => resolveCorpus(docs) as unknown as AbstractGraph,
};

export interface IngestOptions {
  pipeline: IngestPipeline;
  database?: string;
  batchSize?: number;
  /** Write transactions in flight at once (see SyncOptions.concurrency). */
  concurrency?: number;
  progress?: ProgressReporter;
}

export interface ArticleFailure {
  articleId: string;
  message: string;
}

export interface IngestSummary extends SyncCounts {
  articlesRead: number;
  articlesNew: number;
  articlesChanged: number;
  articlesSkipped: number;
  articlesFailed: number;
  failures: ArticleFailure[];
  /** Articles in the database after the run. */
  articlesStored: number;
  seconds: number;
}

interface Extracted {
  articleId: string;
  textHash: string;
  extractionJson: string;
  extraction: DocumentExtraction;
}

/** Adds the store's bookkeeping to each Article node (creating the node if the builder did not). */
function attachArticleRecords(graph: AbstractGraph, records: Extracted[]): void {
  for (const r of records) {
    const key = nodeKey('Article', r.articleId);
    if (!graph.hasNode(key)) {
      graph.addNode(key, {
        type: 'Article',
        name: r.extraction.article.title ?? r.articleId,
        articleId: r.articleId,
        articles: [r.articleId],
        spans: [],
      });
    }
    graph.mergeNodeAttributes(key, {
      textHash: r.textHash,
      body: r.extraction.text,
      extraction: r.extractionJson,
    });
  }
}

export async function ingestArticles(
  driver: Driver,
  inputs: ArticleInput[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = Date.now();
  const progress = options.progress ?? silentProgress;
  const { database } = options;
  const failures: ArticleFailure[] = [];

  // One input per article id; a repeated id would make the result depend on input order.
  const unique = new Map<string, ArticleInput>();
  for (const input of inputs) {
    if (unique.has(input.id))
      failures.push({ articleId: input.id, message: 'duplicate article id in the input; first kept' });
    else unique.set(input.id, input);
  }

  await applySchema(driver, database);
  const storedHashes = await loadArticleHashes(driver, database);
  const todo: Array<{ input: ArticleInput; textHash: string; changed: boolean }> = [];
  let skipped = 0;
  for (const input of unique.values()) {
    const textHash = articleHash(input);
    const stored = storedHashes.get(input.id);
    if (stored === textHash) skipped++;
    else todo.push({ input, textHash, changed: stored !== undefined });
  }

  const summary: IngestSummary = {
    ...emptySyncCounts(),
    articlesRead: inputs.length,
    articlesNew: 0,
    articlesChanged: 0,
    articlesSkipped: skipped,
    articlesFailed: 0,
    failures,
    articlesStored: storedHashes.size,
    seconds: 0,
  };
  if (todo.length === 0) {
    summary.articlesFailed = failures.length;
    summary.seconds = (Date.now() - started) / 1000;
    return summary;
  }

  const extracted: Extracted[] = [];
  progress.start('extract', todo.length, 'articles');
  todo.forEach(({ input, textHash, changed }, i) => {
    try {
      const extraction = options.pipeline.extract(input);
      extracted.push({
        articleId: input.id,
        textHash,
        extraction,
        extractionJson: serializeExtraction(extraction),
      });
      if (changed) summary.articlesChanged++;
      else summary.articlesNew++;
    } catch (err) {
      failures.push({ articleId: input.id, message: errorMessage(err) });
    }
    progress.update(i + 1);
  });
  progress.stop();

  const replaced = new Set(extracted.map((e) => e.articleId));
  const stored = await loadStoredExtractions(driver, replaced, database);
  const all: Extracted[] = [...stored, ...extracted].sort((a, b) =>
    a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0,
  );
  const graph = options.pipeline.buildGraph(all.map((a) => a.extraction));
  attachArticleRecords(graph, all);
  const desired = toStoreGraph(graph);

  const counts = await syncGraph(driver, desired, {
    database,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    onStart: (total) => progress.start('write', total, 'rows'),
    onProgress: (done) => progress.update(done),
  });
  await awaitSearchIndex(driver, database);
  progress.stop();

  Object.assign(summary, counts);
  summary.articlesFailed = failures.length;
  summary.articlesStored = all.length;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
