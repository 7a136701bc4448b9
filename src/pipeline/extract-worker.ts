/**
 * Worker thread body: receives batches of articles, answers with their extractions. Extraction is
 * pure and per-document, so workers share nothing.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../extract/index.js';
import type { ArticleInput, DocumentExtraction } from '../extract/types.js';

export interface WorkerRequest {
  batch: number;
  articles: ArticleInput[];
}
export type WorkerResponse =
  | { batch: number; docs: DocumentExtraction[] }
  | { batch: number; error: string; article?: string };

parentPort?.on('message', (req: WorkerRequest) => {
  const docs: DocumentExtraction[] = [];
  for (const article of req.articles) {
    try {
      docs.push(extractDocument(article));
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      parentPort!.postMessage({ batch: req.batch, error: message, article: article.id } satisfies WorkerResponse);
      return;
    }
  }
  parentPort!.postMessage({ batch: req.batch, docs } satisfies WorkerResponse);
});
