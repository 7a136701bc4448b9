/**
 * `npm run bench` / `speakergraph bench`: every hot path measured against a baseline taken in the same run
 * (the machines are noisy, so ratios are what compare across runs). Prints a table; --json FILE writes the
 * same figures. --quick runs a few-second smoke version on the shipped sample corpus (used by the tests).
 *
 *   npm run bench -- [--quick] [--json bench/results.json] [--corpus FILE] [--only extract,resolve,...]
 *
 * The ingest, API, export and viewer parts need a Neo4j they may WIPE: by default a dedicated local server
 * (data dir .neo4j/bench, Bolt port 17688) started and stopped here; with NEO4J_URI set, only when
 * --allow-wipe says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  benchExtraction,
  benchResolution,
  type ExtractionFigures,
  type ResolutionFigures,
} from '../src/bench/extraction.js';
import { loadConfig, PROJECT_ROOT, type AppConfig } from '../src/config.js';
import { UserError } from '../src/errors.js';
import type { ExportBenchmark } from '../src/export/measure.js';
import type { ArticleInput } from '../src/extract/types.js';
import { readArticles } from '../src/input/read-articles.js';
import { createLogger } from '../src/logger.js';
import { startLocal, stopLocal } from '../src/neo4j-local/server.js';
import {
  pickBenchTargets,
  runApiModes,
  CACHE_MODES,
  startServeProcess,
  type ApiRun,
  type EndpointFigures,
} from '../src/server/bench-api.js';
import { benchIngest, type IngestBenchResult } from '../src/store/bench-ingest.js';
import { openDriver } from '../src/store/connection.js';
import { defaultPipeline, ingestArticles } from '../src/store/ingest.js';
import { generateGraph } from '../web/e2e/bench-graph.js';
import { buildViewer, launchChromium } from '../web/e2e/browser.js';
import { measureViewer, type ViewerFigures } from '../web/e2e/bench-viewer.js';
import { startStaticServer } from '../web/e2e/static-server.js';

const PARTS = ['extract', 'resolve', 'ingest', 'api', 'export', 'viewer'] as const;
type Part = (typeof PARTS)[number];

interface BenchReport {
  quick: boolean;
  date: string;
  machine: { cpus: number; node: string };
  corpus: { path: string; articles: number; megabytes: number };
  extraction?: ExtractionFigures;
  resolution?: ResolutionFigures;
  ingest?: IngestBenchResult;
  api?: {
    graph: string;
    connections: number;
    endpoints: EndpointFigures[];
    /** Sequential first request of each target with the cache on (what filled it). */
    firstTouch: NonNullable<ApiRun['firstTouch']>;
    /** From the first neighbour request to the first answer from the in-memory snapshot. */
    snapshotReadyMs?: number;
  };
  export?: ExportBenchmark[];
  viewer?: ViewerFigures[];
}

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    corpus: { type: 'string' },
    only: { type: 'string' },
    'allow-wipe': { type: 'boolean', default: false },
  },
});

const quick = opts.quick ?? false;
const corpusPath = resolve(
  opts.corpus ??
    (quick
      ? join(PROJECT_ROOT, 'graph', 'articles')
      : join(PROJECT_ROOT, '..', 'shared', 'corpus', 'bbc-news-2225', 'articles.jsonl')),
);
const parts = new Set<Part>(
  opts.only
    ? (opts.only.split(',').filter((p): p is Part => (PARTS as readonly string[]).includes(p)) as Part[])
    : PARTS,
);
const log = createLogger('info');
let current: BenchReport | undefined;
/** Logs the next part and saves what the finished parts measured (a long run that dies keeps them). */
const step = (msg: string) => {
  if (current && opts.json) saveJson(current, opts.json);
  log.info(msg);
};

function saveJson(report: BenchReport, file: string): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

async function loadCorpus(path: string): Promise<ArticleInput[]> {
  const articles: ArticleInput[] = [];
  for await (const a of readArticles([path], (p) => log.warn({ problem: p }, 'skipped input')))
    articles.push(a);
  if (articles.length === 0) throw new UserError('BENCH_NO_CORPUS', `no articles in ${path}`);
  return articles;
}

/** The Neo4j the benchmark may wipe: its own local server unless NEO4J_URI is set and --allow-wipe given. */
async function benchNeo4j(): Promise<{ config: AppConfig; stop: () => Promise<void> }> {
  const config = loadConfig({
    dataDir: join(PROJECT_ROOT, '.neo4j', 'bench'),
    boltPort: 17688,
    logLevel: 'warn',
  });
  if (!config.managedNeo4j) {
    if (!opts['allow-wipe']) {
      throw new UserError(
        'BENCH_WOULD_WIPE',
        'the benchmark wipes its database: with NEO4J_URI set, pass --allow-wipe',
      );
    }
    return { config, stop: async () => undefined };
  }
  const { alreadyRunning } = await startLocal(config, log);
  return { config, stop: async () => void (alreadyRunning || (await stopLocal(config, log))) };
}

function neo4jEnv(config: AppConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: config.neo4j.uri,
    NEO4J_USER: config.neo4j.user,
    NEO4J_PASSWORD: config.neo4j.password,
  };
}

/** Each export in a fresh process: peak RSS of a long-lived process says nothing about the export. */
function benchExports(config: AppConfig): ExportBenchmark[] {
  const out = mkdtempSync(join(tmpdir(), 'sg-bench-export-'));
  try {
    return (['gexf', 'csv'] as const).map((format) => {
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(PROJECT_ROOT, 'scripts', 'bench-export.ts'),
          'run',
          format,
          join(out, `graph.${format === 'csv' ? 'zip' : format}`),
        ],
        { encoding: 'utf8', env: neo4jEnv(config) },
      );
      if (child.status !== 0) throw new Error(`export ${format} failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as ExportBenchmark;
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function benchApi(config: AppConfig, graph: string): Promise<NonNullable<BenchReport['api']>> {
  const connections = quick ? 5 : 50;
  const durationSeconds = quick ? 1 : 10;
  const targets = await pickBenchTargets(config, quick ? 5 : 20);
  // Each run starts with the baseline: a static route (no Neo4j), through the same server, middleware
  // and loopback. Cache off: cold, every answer computed; warm: every target touched once first.
  const runs = await runApiModes(targets, neo4jEnv(config), CACHE_MODES, { connections, durationSeconds });
  return {
    graph,
    connections,
    snapshotReadyMs: runs.find((r) => r.snapshotReadyMs !== undefined)?.snapshotReadyMs,
    endpoints: runs.flatMap((r) =>
      r.endpoints.map((ep) => ({ ...ep, name: `${ep.name} [cache ${r.cache}]` })),
    ),
    firstTouch: runs.flatMap((r) => r.firstTouch ?? []),
  };
}

async function benchViewer(config: AppConfig, graphName: string, report: BenchReport): Promise<void> {
  // Generated graphs: the interactive target (10k nodes) and the usable one (50k), each with a time
  // budget so that a graph the viewer cannot handle is reported as timed out instead of hanging the run.
  const sizes: [number, number][] = quick
    ? [[1000, 3000]]
    : [
        [10_000, 30_000],
        [50_000, 150_000],
      ];
  const budgetMs = quick ? 60_000 : 300_000;
  const files = new Map(
    sizes.map(([n, m]) => [`/bench/${n}x${m}.json`, JSON.stringify(generateGraph(n, m))]),
  );
  // The corpus graph: the overview the API serves, measured in the viewer built here (the server
  // would serve web/dist, which may be an older build).
  const server = await startServeProcess(neo4jEnv(config));
  try {
    const res = await fetch(`${server.url}/api/graph?limit=1000`);
    if (!res.ok) throw new Error(`GET /api/graph answered ${res.status}`);
    files.set('/bench/corpus.json', await res.text());
  } finally {
    await server.stop();
  }
  const dist = await buildViewer();
  const statics = await startStaticServer(dist, files);
  const browser = await launchChromium();
  try {
    report.viewer ??= [];
    report.viewer.push(
      await measureViewer(browser, `${statics.url}/?data=/bench/corpus.json`, graphName, { budgetMs }),
    );
    for (const path of files.keys()) {
      if (path === '/bench/corpus.json') continue;
      report.viewer.push(
        await measureViewer(browser, `${statics.url}/?data=${path}`, `generated ${path}`, { budgetMs }),
      );
    }
  } finally {
    await browser.close();
    await statics.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

const f = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);

function table(report: BenchReport): string {
  const rows: [string, string, string][] = [];
  const e = report.extraction;
  if (e) {
    rows.push([
      'extract, 1 worker',
      `${f(e.oneWorkerMBps, 2)} MB/s, ${f(e.oneWorkerArticlesPerSecond, 0)} articles/s, ${f(e.quotesPerSecond, 0)} quotes/s`,
      `${f(e.ratioToTokenise)}x tokenise-only time`,
    ]);
    rows.push([
      `extract, ${e.allCores} workers`,
      `${f(e.allCoresMBps, 2)} MB/s`,
      `${f(e.allCoresMBps / e.oneWorkerMBps, 2)}x one worker`,
    ]);
  }
  const r = report.resolution;
  if (r)
    rows.push([
      'resolve growth',
      r.points.map((p) => `${p.size}: ${f(p.seconds, 2)}s`).join(', '),
      `exponent ${f(r.exponent, 2)} (target <= 1.2)`,
    ]);
  const i = report.ingest;
  if (i) {
    rows.push([
      'ingest, batched',
      `${f(i.batchedRowsPerSecond, 0)} nodes+rels/s (${i.nodes + i.relationships} rows, settled server: median of the last ${Math.min(3, i.warmWriteSeconds.length)} of ${i.warmWriteSeconds.length} warm writes)`,
      `${f(i.batchedVsNaive)}x one-statement-per-row (${f(i.naiveRowsPerSecond, 0)}/s)`,
    ]);
    rows.push([
      'ingest, cold server',
      `${f(i.coldBatchedRowsPerSecond, 0)} nodes+rels/s (first write after start)`,
      `${f(i.coldBatchedRowsPerSecond / i.batchedRowsPerSecond, 2)}x the warm rate`,
    ]);
    rows.push([
      'ingest, end to end',
      `${f(i.ingestSeconds)} s for ${i.articles} articles`,
      `no-change re-ingest ${f(i.noChangeReingestSeconds, 2)} s`,
    ]);
  }
  const a = report.api;
  if (a) {
    // Each cache mode's rows are compared with the baseline measured in the same server run.
    const suffix = (name: string) => /\[cache \w+\]$/.exec(name)?.[0] ?? '';
    for (const ep of a.endpoints) {
      const base = a.endpoints.find((x) => x.name.startsWith('static') && suffix(x.name) === suffix(ep.name));
      rows.push([
        `api ${ep.name}`,
        `p50 ${f(ep.latencyMs.p50, 0)} ms, p99 ${f(ep.latencyMs.p99, 0)} ms, ${f(ep.requestsPerSecond, 0)} req/s @${ep.connections}`,
        base && ep !== base
          ? `${f(ep.requestsPerSecond / base.requestsPerSecond, 2)}x baseline req/s, ${ep.non2xx} non-2xx`
          : `${ep.non2xx} non-2xx`,
      ]);
    }
    if (a.snapshotReadyMs !== undefined)
      rows.push([
        'api neighbour snapshot',
        `ready ${f(a.snapshotReadyMs / 1000, 2)} s after the first request`,
        'load of the whole graph, once per graph version',
      ]);
    for (const t of a.firstTouch) {
      rows.push([
        `api ${t.name} [first touch]`,
        `mean ${f(t.meanMs, 0)} ms, max ${f(t.maxMs, 0)} ms`,
        `${t.requests} sequential requests`,
      ]);
    }
  }
  for (const x of report.export ?? []) {
    rows.push([
      `export ${x.format}`,
      `${f(x.ms / 1000, 2)} s, ${x.result.nodes} nodes, ${x.result.edges} rels`,
      `peak RSS ${x.peakRssMiB} MiB (start ${x.startRssMiB})`,
    ]);
  }
  for (const v of report.viewer ?? []) {
    const during = v.framesDuringLayout;
    const after = v.framesAfterLayout;
    rows.push([
      `viewer ${v.graph}`,
      `${v.nodes} nodes, ${v.edges} edges: first frame ${f(v.firstFrameMs, 0)} ms${v.timedOut ? ' (budget exceeded)' : ''}`,
      `frame median/p95/max ${f(after.medianMs)}/${f(after.p95Ms)}/${f(after.maxMs)} ms, ` +
        `during layout ${f(during.medianMs)}/${f(during.p95Ms)}/${f(during.maxMs)} ms`,
    ]);
  }
  const w = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length), 6));
  const line = (cells: string[]) => `| ${cells.map((c, k) => c.padEnd(w[k]!)).join(' | ')} |`;
  return [
    line(['measure', 'figure', 'against the baseline']),
    line(w.map((n) => '-'.repeat(n))),
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const articles = await loadCorpus(corpusPath);
  const report: BenchReport = {
    quick,
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
    corpus: {
      path: corpusPath,
      articles: articles.length,
      megabytes: articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6,
    },
  };
  current = report;
  const repeats = quick ? 1 : 2;
  if (parts.has('extract') || parts.has('resolve')) {
    step('extraction');
    const { figures, docs } = await benchExtraction(articles, repeats);
    if (parts.has('extract')) report.extraction = figures;
    if (parts.has('resolve')) {
      step('resolution growth');
      const sizes = quick ? [1, 2, articles.length] : [250, 500, 1000, articles.length];
      report.resolution = await benchResolution(docs, sizes, repeats);
    }
  }
  if (['ingest', 'api', 'export', 'viewer'].some((p) => parts.has(p as Part))) {
    const { config, stop } = await benchNeo4j();
    const driver = openDriver(config.neo4j);
    const graphName = quick ? 'sample corpus' : 'corpus graph';
    try {
      if (parts.has('ingest')) {
        step('ingest');
        report.ingest = await benchIngest(driver, articles, {
          naiveArticles: quick ? articles.length : 200,
          warmWrites: quick ? 1 : 8,
        });
      } else {
        await ingestArticles(driver, articles, { pipeline: defaultPipeline });
      }
      if (parts.has('api')) {
        step('api');
        report.api = await benchApi(config, graphName);
      }
      if (parts.has('export')) {
        step('export');
        report.export = benchExports(config);
      }
      if (parts.has('viewer')) {
        step('viewer');
        await benchViewer(config, graphName, report);
      }
    } finally {
      await driver.close();
      await stop();
    }
  }
  process.stdout.write(`${table(report)}\n`);
  if (opts.json) saveJson(report, opts.json);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof UserError ? 1 : 2);
});
