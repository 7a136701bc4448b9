/**
 * Runs extractDocument over many articles, on worker threads when the input is large enough to pay
 * for them (extraction is pure and per-document; resolution runs afterwards on the main thread).
 * Results come back in input order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../errors.js';
import { extractDocument } from '../extract/index.js';
import type { ArticleInput, DocumentExtraction } from '../extract/types.js';
import type { WorkerRequest, WorkerResponse } from './extract-worker.js';

/** Below this much text, starting workers costs more than it saves. */
export const WORKER_THRESHOLD_BYTES = 1_000_000;
const BATCH_BYTES = 256_000;

/**
 * Below this many cores the default is no workers. Extraction on one thread already keeps a second core
 * busy with V8's background garbage collection and compilation (2,225 BBC articles on a 2-core machine:
 * 7.2 s of CPU on the JavaScript thread and 5.2 s on V8's own threads), so on 2 cores two workers only
 * compete for it: 0.34-0.72x the one-thread rate in `npm run bench` runs.
 */
export const MIN_CORES_FOR_WORKERS = 4;

export interface PoolOptions {
  /** Number of worker threads; 0 or 1 extracts on the main thread. Default: see defaultWorkerCount. */
  workers?: number;
}

/** Large inputs on a machine with enough cores: one worker per core but one (the main thread's). */
export function defaultWorkerCount(totalChars: number, cores: number = availableParallelism()): number {
  if (totalChars < WORKER_THRESHOLD_BYTES || cores < MIN_CORES_FOR_WORKERS) return 0;
  return cores - 1;
}

function batches(articles: readonly ArticleInput[]): ArticleInput[][] {
  const out: ArticleInput[][] = [];
  let cur: ArticleInput[] = [];
  let size = 0;
  for (const a of articles) {
    cur.push(a);
    size += a.text.length;
    if (size >= BATCH_BYTES) {
      out.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * The worker module next to this one: the compiled .js, or under tsx (development, tests) the .ts
 * source, which a worker can only load with tsx's loader registered in it.
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const worker = new URL('./extract-worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./extract-worker.js', import.meta.url));
}

export async function extractAll(
  articles: readonly ArticleInput[],
  options: PoolOptions = {},
): Promise<DocumentExtraction[]> {
  const totalChars = articles.reduce((n, a) => n + a.text.length, 0);
  const workerCount = Math.min(options.workers ?? defaultWorkerCount(totalChars), articles.length);
  if (workerCount <= 1) return articles.map(extractDocument);

  const jobs = batches(articles);
  const results: DocumentExtraction[][] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(workerCount, jobs.length) }, () => startWorker());
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= jobs.length) return resolve();
              const batch = next++;
              worker.postMessage({ batch, articles: jobs[batch]! } satisfies WorkerRequest);
            };
            worker.on('message', (res: WorkerResponse) => {
              if ('error' in res) {
                reject(
                  new InternalError(
                    'EXTRACT_FAILED',
                    `extraction failed${res.article ? ` for article ${res.article}` : ''}: ${res.error}`,
                    { article: res.article },
                  ),
                );
                return;
              }
              results[res.batch] = res.docs;
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0)
                reject(new InternalError('WORKER_EXIT', `extraction worker exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
