/**
 * Ingest benchmark (issue 9, item 3): nodes+relationships per second for the batched diff sync, the same
 * data written one statement per row (the ratio), and a no-change re-ingest. WIPES the target database.
 *
 *   npx tsx src/store/bench-ingest.ts <articles.jsonl|dir> --yes-wipe [--data-dir D --bolt-port P]
 *        [--naive-articles 300] [--batch-size 2000] [--concurrency 2] [--json]
 * (or NEO4J_URI/NEO4J_PASSWORD for a server of your own). `benchIngest()` is what `speakergraph bench` calls.
 */
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../config.js';
import type { ArticleInput, DocumentExtraction } from '../extract/types.js';
import { readArticles } from '../input/read-articles.js';
import { defaultPipeline, ingestArticles, type IngestPipeline } from './ingest.js';
import { applySchema } from './schema.js';
import { toStoreGraph } from './store-graph.js';
import { withStore } from './store.js';
import { syncGraph, writeRowByRow } from './write.js';

export interface IngestBenchResult {
  articles: number;
  nodes: number;
  relationships: number;
  /** Whole ingest into an empty database: read state, extract, resolve, write. */
  ingestSeconds: number;
  extractSeconds: number;
  resolveSeconds: number;
  /**
   * Batched diff sync of the full graph into an empty database, on a warm server: the median of the
   * last three writes once the server has settled (a long-running Neo4j has JIT-compiled its write
   * path; the JIT keeps improving over the first six or so full writes: measured on a 2-core machine,
   * 77k rows, Neo4j CPU per write 21, 9, 7.5, 6.6, 5.7, 5.2, 5.0, 4.4 s).
   */
  batchedWriteSeconds: number;
  /** Every warm write, in order (the spread shows how settled the server was). */
  warmWriteSeconds: number[];
  batchedRowsPerSecond: number;
  /** The same write on the freshly started server (JIT and page cache cold), reported beside it. */
  coldBatchedWriteSeconds: number;
  coldBatchedRowsPerSecond: number;
  /** Same subset both ways, for the ratio. */
  naiveArticles: number;
  naiveRows: number;
  naiveRowsPerSecond: number;
  /** The batched subset writes, in order (settled like warmWriteSeconds; the median of the last three). */
  batchedSubsetWriteSeconds: number[];
  batchedSubsetRowsPerSecond: number;
  batchedVsNaive: number;
  /** Re-ingest of the same articles with nothing changed. */
  noChangeReingestSeconds: number;
}

/** Three warm writes within 5% of each other: the server has settled. */
const SETTLED_SPREAD = 1.05;
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/**
 * Runs a timed write up to `most` times, stopping once the last three are within SETTLED_SPREAD of each
 * other; returns every time, in order (the median of the last three is the figure).
 */
async function untilSettled(timed: () => Promise<number>, most: number): Promise<number[]> {
  const times: number[] = [];
  const settled = () => {
    const last = times.slice(-3);
    return last.length === 3 && Math.max(...last) <= SETTLED_SPREAD * Math.min(...last);
  };
  while (times.length < Math.max(1, most) && !settled()) times.push(await timed());
  return times;
}
const wipe = async (driver: Driver) => {
  // In bounded transactions: one DETACH DELETE of a large graph would need the whole graph in memory.
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
};

function buildStoreGraph(pipeline: IngestPipeline, docs: DocumentExtraction[]) {
  const sorted = [...docs].sort((a, b) =>
    a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0,
  );
  return toStoreGraph(pipeline.buildGraph(sorted));
}

export async function benchIngest(
  driver: Driver,
  articles: ArticleInput[],
  options: {
    naiveArticles?: number;
    batchSize?: number;
    concurrency?: number;
    pipeline?: IngestPipeline;
    /**
     * Most batched writes after the cold one (default 8): they stop once the last three are within 5%
     * of each other, and the median of the last three (or of the only one) is reported.
     */
    warmWrites?: number;
  } = {},
): Promise<IngestBenchResult> {
  const pipeline = options.pipeline ?? defaultPipeline;
  const { batchSize, concurrency } = options;
  await applySchema(driver);

  let t0 = performance.now();
  const docs = articles.map((a) => pipeline.extract(a));
  const extractSeconds = seconds(t0);
  t0 = performance.now();
  const full = buildStoreGraph(pipeline, docs);
  const resolveSeconds = seconds(t0);

  // Write-only throughput: the batched sync of the full graph into an empty database, once on the cold
  // server, then more until the server has settled (see batchedWriteSeconds).
  const writeBatched = async (graph: typeof full): Promise<number> => {
    await wipe(driver);
    const t = performance.now();
    await syncGraph(driver, graph, { batchSize, concurrency });
    return seconds(t);
  };
  const coldBatchedWriteSeconds = await writeBatched(full);
  const warmWriteSeconds = await untilSettled(() => writeBatched(full), options.warmWrites ?? 8);
  const batchedWriteSeconds = median(warmWriteSeconds.slice(-3));
  const rows = full.nodes.length + full.rels.length;

  // Ratio on a subset both ways (row by row over the whole corpus would take many minutes). The batched
  // side of it is settled the same way: one write of a few thousand rows takes about a second, and a
  // single one is as noisy as the machine.
  const subsetDocs = docs.slice(0, options.naiveArticles ?? 300);
  const subset = buildStoreGraph(pipeline, subsetDocs);
  const subsetRows = subset.nodes.length + subset.rels.length;
  await wipe(driver);
  t0 = performance.now();
  await writeRowByRow(driver, subset);
  const naiveSeconds = seconds(t0);
  const subsetWrites = await untilSettled(() => writeBatched(subset), options.warmWrites ?? 8);
  const batchedSubsetSeconds = median(subsetWrites.slice(-3));

  // End-to-end ingest into an empty database, then the same again with nothing changed.
  await wipe(driver);
  t0 = performance.now();
  await ingestArticles(driver, articles, { pipeline, batchSize, concurrency });
  const ingestSeconds = seconds(t0);
  t0 = performance.now();
  const again = await ingestArticles(driver, articles, { pipeline, batchSize, concurrency });
  const noChangeReingestSeconds = seconds(t0);
  if (again.articlesSkipped !== articles.length)
    throw new Error('no-change re-ingest did not skip every article');

  const naiveRowsPerSecond = subsetRows / naiveSeconds;
  const batchedSubsetRowsPerSecond = subsetRows / batchedSubsetSeconds;
  return {
    articles: articles.length,
    nodes: full.nodes.length,
    relationships: full.rels.length,
    ingestSeconds,
    extractSeconds,
    resolveSeconds,
    batchedWriteSeconds,
    warmWriteSeconds,
    batchedRowsPerSecond: rows / batchedWriteSeconds,
    coldBatchedWriteSeconds,
    coldBatchedRowsPerSecond: rows / coldBatchedWriteSeconds,
    naiveArticles: subsetDocs.length,
    naiveRows: subsetRows,
    naiveRowsPerSecond,
    batchedSubsetWriteSeconds: subsetWrites,
    batchedSubsetRowsPerSecond,
    batchedVsNaive: batchedSubsetRowsPerSecond / naiveRowsPerSecond,
    noChangeReingestSeconds,
  };
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const input = argv[0];
  if (!input || !argv.includes('--yes-wipe')) {
    process.stderr.write(
      'usage: bench-ingest.ts <articles.jsonl|dir> --yes-wipe [--data-dir D --bolt-port P] [--naive-articles N] [--batch-size N] [--concurrency N] [--json]\n',
    );
    process.exitCode = 1;
    return;
  }
  const port = flag('--bolt-port');
  const config = loadConfig({ dataDir: flag('--data-dir'), boltPort: port ? Number(port) : undefined });
  const articles: ArticleInput[] = [];
  for await (const a of readArticles([input], (p) =>
    process.stderr.write(`skipped ${p.file}: ${p.message}\n`),
  ))
    articles.push(a);
  const naive = flag('--naive-articles');
  const batch = flag('--batch-size');
  const concurrency = flag('--concurrency');
  const result = await withStore(config.neo4j, (driver) =>
    benchIngest(driver, articles, {
      ...(naive ? { naiveArticles: Number(naive) } : {}),
      ...(batch ? { batchSize: Number(batch) } : {}),
      ...(concurrency ? { concurrency: Number(concurrency) } : {}),
    }),
  );
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  process.stdout.write(
    [
      `articles ${result.articles}: ${result.nodes} nodes + ${result.relationships} relationships`,
      `ingest into empty db: ${f(result.ingestSeconds)}s (extract ${f(result.extractSeconds)}s, resolve ${f(result.resolveSeconds)}s)`,
      `batched write, warm server: ${f(result.batchedWriteSeconds)}s = ${f(result.batchedRowsPerSecond, 0)} nodes+rels/s (cold, first write: ${f(result.coldBatchedWriteSeconds)}s = ${f(result.coldBatchedRowsPerSecond, 0)}/s)`,
      `same ${result.naiveArticles}-article subset (${result.naiveRows} rows): row by row ${f(result.naiveRowsPerSecond, 0)}/s, batched ${f(result.batchedSubsetRowsPerSecond, 0)}/s, ratio ${f(result.batchedVsNaive)}x`,
      `no-change re-ingest: ${f(result.noChangeReingestSeconds, 2)}s`,
    ].join('\n') + '\n',
  );
}

if (process.argv[1]?.endsWith('bench-ingest.ts') || process.argv[1]?.endsWith('bench-ingest.js')) {
  await main(process.argv.slice(2));
}
