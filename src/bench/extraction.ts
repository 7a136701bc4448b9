/**
 * Extraction and resolution benchmarks (issue 9, items 1 and 2), each against a baseline measured in
 * the same run: a tokenise-only pass over the same text, and resolution time as the corpus grows.
 */
import { availableParallelism } from 'node:os';
import { extractDocument } from '../extract/index.js';
import { tokenize } from '../extract/text.js';
import type { ArticleInput, DocumentExtraction } from '../extract/types.js';
import { extractAll } from '../pipeline/extract-pool.js';
import { resolveCorpus } from '../resolve/index.js';
import { bestOf, growthExponent } from './stats.js';

export interface ExtractionFigures {
  articles: number;
  megabytes: number;
  tokeniseOnlySeconds: number;
  oneWorkerSeconds: number;
  oneWorkerMBps: number;
  oneWorkerArticlesPerSecond: number;
  quotes: number;
  quotesPerSecond: number;
  allCores: number;
  allCoresSeconds: number;
  allCoresMBps: number;
  /** How much slower than only tokenising: the share of time that is our logic. */
  ratioToTokenise: number;
}

export interface ResolutionFigures {
  points: { size: number; seconds: number }[];
  exponent: number;
}

const megabytesOf = (articles: readonly ArticleInput[]) =>
  articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0) / 1e6;

export async function benchExtraction(
  articles: ArticleInput[],
  repeats = 2,
): Promise<{ figures: ExtractionFigures; docs: DocumentExtraction[] }> {
  const megabytes = megabytesOf(articles);
  const tokenise = await bestOf(repeats, () => articles.reduce((n, a) => n + tokenize(a.text).length, 0));
  const single = await bestOf(repeats, () => articles.map(extractDocument));
  const cores = availableParallelism();
  const parallel = await bestOf(repeats, () => extractAll(articles, { workers: cores }));
  const quotes = single.result.reduce((n, d) => n + d.quotes.length, 0);
  return {
    docs: single.result,
    figures: {
      articles: articles.length,
      megabytes,
      tokeniseOnlySeconds: tokenise.seconds,
      oneWorkerSeconds: single.seconds,
      oneWorkerMBps: megabytes / single.seconds,
      oneWorkerArticlesPerSecond: articles.length / single.seconds,
      quotes,
      quotesPerSecond: quotes / single.seconds,
      allCores: cores,
      allCoresSeconds: parallel.seconds,
      allCoresMBps: megabytes / parallel.seconds,
      ratioToTokenise: single.seconds / tokenise.seconds,
    },
  };
}

/** Resolution time at growing corpus sizes and the fitted exponent (near 1 means near-linear). */
export async function benchResolution(
  docs: readonly DocumentExtraction[],
  sizes: readonly number[],
  repeats = 2,
): Promise<ResolutionFigures> {
  const points: { size: number; seconds: number }[] = [];
  // Warm the JIT first, or the smallest size pays for it and the fitted exponent comes out too low.
  resolveCorpus(docs.slice(0, Math.min(docs.length, sizes[0] ?? 1)));
  for (const size of sizes.filter((s) => s <= docs.length)) {
    const { seconds } = await bestOf(repeats, () => resolveCorpus(docs.slice(0, size)));
    points.push({ size, seconds });
  }
  return { points, exponent: growthExponent(points) };
}
