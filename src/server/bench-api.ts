/**
 * API load measurements with autocannon: latency percentiles and requests/s for search and neighbour
 * expansion at N concurrent connections on loopback.
 *
 * The server runs as its own process (`speakergraph serve`, rate limits off) so the load generator does
 * not share its event loop; Neo4j is whatever the configuration points at. Request targets rotate over
 * real names and ids read from the graph (the most connected people and places), so caches see a spread.
 * Each cache mode gets its own server: `off` (the response cache and the neighbour snapshot disabled:
 * every answer is a Neo4j query), `snapshot` (response cache off, neighbour expansion answered from the
 * in-memory snapshot once it is built; only the neighbour targets) and `warm` (both on, every target
 * requested once first, so the load is served from the cache).
 *
 *   npx tsx src/server/bench-api.ts [--duration 10] [--connections 50] [--cache off,snapshot,warm] [--json]
 *   (with NEO4J_URI/NEO4J_PASSWORD or the local server's defaults)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig, PROJECT_ROOT, type AppConfig } from '../config.js';
import { InternalError } from '../errors.js';
import { openDriver } from '../store/connection.js';
import { createGraphReads } from '../store/graph-reads.js';

export interface EndpointTarget {
  name: string;
  /** Paths requested in turn by each connection. */
  paths: string[];
}

export interface EndpointFigures {
  name: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface BenchOptions {
  connections?: number;
  durationSeconds?: number;
}

/** Loads one endpoint at a time (so they do not compete) and reports its figures. */
export async function benchEndpoints(baseUrl: string, targets: EndpointTarget[], options: BenchOptions = {}): Promise<EndpointFigures[]> {
  const connections = options.connections ?? 50;
  const duration = options.durationSeconds ?? 10;
  const figures: EndpointFigures[] = [];
  for (const target of targets) {
    if (target.paths.length === 0) continue; // autocannon cannot run an empty request list
    const result = await autocannon({
      url: baseUrl,
      connections,
      duration,
      requests: target.paths.map((path) => ({ method: 'GET', path })),
    });
    figures.push({
      name: target.name,
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        mean: Math.round(result.latency.mean * 10) / 10,
        max: result.latency.max,
      },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    });
  }
  return figures;
}

/** Search words and node ids from the graph itself: the most connected people, places and countries. */
export async function pickBenchTargets(config: AppConfig, count = 20): Promise<EndpointTarget[]> {
  const driver = openDriver(config.neo4j);
  try {
    const reads = createGraphReads(driver, {
      database: config.neo4j.database,
      cypher: { timeoutMs: config.server.cypherTimeoutMs, maxRows: config.server.cypherMaxRows },
    });
    const overview = await reads.overview({ types: ['Person', 'Place', 'Country', 'Organization'], limit: count });
    if (overview.nodes.length === 0) throw new InternalError('BENCH_EMPTY_GRAPH', 'the graph is empty: ingest something first');
    const names = overview.nodes.map((n) => String(n.attributes.name ?? n.key));
    // Hubs are the worst case; a spread of ordinary people is what most clicks expand.
    // People from a quarter of the way down the id order: not the hubs, whatever the graph's size.
    const ordinary = await reads.cypher(
      'MATCH (n:Person) WITH n.id AS id ORDER BY id WITH collect(id) AS ids RETURN ids[size(ids) / 4 .. size(ids) / 4 + $n] AS ids',
      { n: count },
    );
    const ordinaryIds = ((ordinary.rows[0]?.ids ?? []) as unknown[]).map(String);
    return [
      {
        name: 'search',
        // Whole names and the prefixes a user types on the way.
        paths: names.flatMap((name) => [name, name.slice(0, 4)]).map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=10`),
      },
      {
        name: 'neighbors d1 hubs',
        paths: overview.nodes.map((n) => `/api/nodes/${encodeURIComponent(n.key)}/neighbors?depth=1&limit=200`),
      },
      {
        name: 'neighbors d1 typical',
        paths: ordinaryIds.map((id) => `/api/nodes/${encodeURIComponent(id)}/neighbors?depth=1&limit=200`),
      },
      {
        name: 'neighbors d2 hubs',
        paths: overview.nodes.map((n) => `/api/nodes/${encodeURIComponent(n.key)}/neighbors?depth=2&limit=200`),
      },
      {
        name: 'neighbors d2 typical',
        paths: ordinaryIds.map((id) => `/api/nodes/${encodeURIComponent(id)}/neighbors?depth=2&limit=200`),
      },
      // The side panel: all properties and up to 50 provenance items with their sentences and paragraphs.
      { name: 'node details typical', paths: ordinaryIds.map((id) => `/api/nodes/${encodeURIComponent(id)}`) },
      { name: 'node details hubs', paths: overview.nodes.map((n) => `/api/nodes/${encodeURIComponent(n.key)}`) },
    ];
  } finally {
    await driver.close();
  }
}

/**
 * Requests every path once, one at a time: with the response cache on, this is the first touch that fills
 * it (the figures after it are warm); its latencies are reported as the first-touch figures.
 */
export async function touchEach(baseUrl: string, targets: EndpointTarget[]): Promise<Array<{ name: string; requests: number; meanMs: number; maxMs: number }>> {
  const out = [];
  for (const target of targets) {
    const times: number[] = [];
    for (const path of target.paths) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}${path}`);
      await res.arrayBuffer();
      times.push(performance.now() - started);
      if (!res.ok) throw new InternalError('BENCH_TOUCH_FAILED', `${path}: status ${res.status}`);
    }
    const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
    out.push({ name: target.name, requests: times.length, meanMs: Math.round(mean * 10) / 10, maxMs: Math.round(Math.max(0, ...times) * 10) / 10 });
  }
  return out;
}

/** The static route every figure is compared with: same server, middleware and loopback, no Neo4j. */
export const BASELINE_TARGET: EndpointTarget = { name: 'static openapi.json (baseline)', paths: ['/api/openapi.json'] };

/**
 * `cache` of a run: `off` (SPEAKERGRAPH_API_CACHE_MB=0 and SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS=0, every
 * request runs its query), `snapshot` (no response cache, neighbour snapshot built first) or `warm` (every
 * target touched first).
 */
export type CacheMode = 'off' | 'snapshot' | 'warm';
export const CACHE_MODES: readonly CacheMode[] = ['off', 'snapshot', 'warm'];

const MODE_ENV: Record<CacheMode, NodeJS.ProcessEnv> = {
  off: { SPEAKERGRAPH_API_CACHE_MB: '0', SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS: '0' },
  snapshot: { SPEAKERGRAPH_API_CACHE_MB: '0' },
  warm: { SPEAKERGRAPH_API_CACHE_MB: '256' },
};

/** Asks for a neighbourhood until the server answers it from its snapshot (the first ask starts the load). */
async function awaitNeighbourSnapshot(baseUrl: string, path: string, timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}${path}`);
    await res.arrayBuffer();
    if (res.headers.get('x-neighbours') === 'memory') return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new InternalError('BENCH_SNAPSHOT_TIMEOUT', `the neighbour snapshot was not ready within ${timeoutMs} ms`);
}

export interface ApiRun {
  cache: CacheMode;
  /** Only for `warm`: the sequential first touch of every target, which filled the cache. */
  firstTouch?: Awaited<ReturnType<typeof touchEach>>;
  /** Only for `snapshot`: ms from the first neighbour request to the first answer from the snapshot. */
  snapshotReadyMs?: number;
  endpoints: EndpointFigures[];
}

/**
 * One server per cache mode, the baseline first then each endpoint in turn (after a short warm-up pass:
 * query plans, JIT). Cache off: cold figures, every answer computed. Warm: every target touched once first
 * (one request at a time, into an empty cache: the first-touch figures), so the load is served from it.
 */
export async function runApiModes(
  targets: EndpointTarget[],
  env: NodeJS.ProcessEnv,
  modes: readonly CacheMode[],
  options: BenchOptions = {},
): Promise<ApiRun[]> {
  const runs: ApiRun[] = [];
  const all = [BASELINE_TARGET, ...targets];
  for (const cache of modes) {
    const server = await startServeProcess({ ...env, ...MODE_ENV[cache] });
    try {
      // First touch before anything else, so every one of its requests finds the cache empty.
      const firstTouch = cache === 'warm' ? await touchEach(server.url, targets) : undefined;
      const measured =
        cache === 'snapshot' ? [BASELINE_TARGET, ...targets.filter((t) => t.name.startsWith('neighbors'))] : all;
      const neighbourPath = measured.find((t) => t.name.startsWith('neighbors'))?.paths[0];
      const snapshotReadyMs =
        cache === 'snapshot' && neighbourPath !== undefined ? await awaitNeighbourSnapshot(server.url, neighbourPath) : undefined;
      await benchEndpoints(server.url, measured, { connections: 4, durationSeconds: 1 });
      runs.push({ cache, firstTouch, snapshotReadyMs, endpoints: await benchEndpoints(server.url, measured, options) });
    } finally {
      await server.stop();
    }
  }
  return runs;
}

/** A port the OS says is free on loopback right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `speakergraph serve` in a child process with rate limits off; resolves with its URL. */
export async function startServeProcess(env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'main.ts'), 'serve', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...env, LOG_LEVEL: 'error', SPEAKERGRAPH_RATE_LIMIT_SEARCH: '0', SPEAKERGRAPH_RATE_LIMIT_CYPHER: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /serving on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new InternalError('BENCH_SERVE_EXITED', `serve exited with ${code}`)));
  });
  return {
    url,
    child,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Everything: targets from the graph, a server process per cache mode, each endpoint loaded in turn. */
export async function runApiBenchmark(config: AppConfig, modes: readonly CacheMode[], options: BenchOptions = {}): Promise<ApiRun[]> {
  return runApiModes(await pickBenchTargets(config), process.env, modes, options);
}

export function formatFigures(figures: EndpointFigures[]): string {
  const lines = figures.map(
    (f) =>
      `${f.name.padEnd(18)} ${String(f.requestsPerSecond).padStart(6)} req/s  p50 ${f.latencyMs.p50} ms  p90 ${f.latencyMs.p90} ms  ` +
      `p99 ${f.latencyMs.p99} ms  max ${f.latencyMs.max} ms  (${f.requests} requests, ${f.non2xx} non-2xx, ${f.errors} errors)`,
  );
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      cache: { type: 'string', default: 'off,snapshot,warm' },
      json: { type: 'boolean' },
    },
  });
  const modes = (values.cache ?? '').split(',').filter((m): m is CacheMode => (CACHE_MODES as string[]).includes(m));
  const runs = await runApiBenchmark(loadConfig(), modes, {
    durationSeconds: Number(values.duration),
    connections: Number(values.connections),
  });
  process.stdout.write(
    values.json ? `${JSON.stringify(runs, null, 2)}\n` : runs.map((r) => `cache ${r.cache}\n${formatFigures(r.endpoints)}`).join(''),
  );
}
