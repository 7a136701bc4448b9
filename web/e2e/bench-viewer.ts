/**
 * Viewer rendering figures: time to first render and frame times while panning/zooming, in Debian's
 * headless Chromium, for generated graphs (loaded through the viewer's import path, ?data=) and, with
 * --server URL, for the graph a running speakergraph server holds.
 *
 *   npx tsx web/e2e/bench-viewer.ts [--sizes 10000x30000,50000x150000] [--server http://127.0.0.1:3100]
 *                                   [--gl disable-gpu|swiftshader]
 *
 * Prints one JSON line per graph. Frame times are measured twice: while the ForceAtlas2 worker is still
 * running (the main thread must stay responsive) and after the layout is stopped.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { generateGraph } from './bench-graph.js';
import { buildViewer, launchChromium, waitReady } from './browser.js';
import { measurePanZoom, type FrameStats } from './measure-frames.js';
import { startStaticServer } from './static-server.js';

export interface ViewerFigures {
  graph: string;
  nodes: number;
  edges: number;
  firstRenderMs: number;
  loadToFirstRenderMs: number;
  framesDuringLayout: FrameStats;
  framesAfterLayout: FrameStats;
}

/** Opens `url` in a fresh 1280x720 page and measures it. */
export async function measureViewer(browser: Browser, url: string, graph: string): Promise<ViewerFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    const started = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.speakergraph?.firstRenderMs !== undefined, null, { timeout: 300_000 });
    const loadToFirstRenderMs = Date.now() - started;
    const { firstRenderMs, nodes, edges } = await page.evaluate(() => ({
      firstRenderMs: window.speakergraph?.firstRenderMs ?? NaN,
      nodes: window.speakergraph?.view.graph.order ?? 0,
      edges: window.speakergraph?.view.graph.size ?? 0,
    }));
    const running = await page.evaluate(() => window.speakergraph?.layoutRunning ?? false);
    const framesDuringLayout = running ? await measurePanZoom(page, '#graph', 3) : { frames: 0, medianMs: NaN, p95Ms: NaN, maxMs: NaN, durationMs: 0 };
    await page.evaluate(() => window.speakergraph?.view.layout.stop());
    await waitReady(page, 300_000);
    await page.evaluate(() => window.speakergraph?.view.resetCamera());
    await page.waitForTimeout(500);
    const framesAfterLayout = await measurePanZoom(page, '#graph', 3);
    return { graph, nodes, edges, firstRenderMs, loadToFirstRenderMs, framesDuringLayout, framesAfterLayout };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '10000x30000,50000x150000')
    .split(',')
    .filter(Boolean)
    .map((s) => s.split('x').map(Number) as [number, number]);
  const files = new Map<string, string>();
  for (const [n, m] of sizes) files.set(`/bench/${n}x${m}.json`, JSON.stringify(generateGraph(n, m)));
  const dist = await buildViewer();
  const server = await startStaticServer(dist, files);
  const gl = arg('--gl') === 'swiftshader' ? 'swiftshader' : 'disable-gpu';
  const browser = await launchChromium(gl);
  try {
    const live = arg('--server');
    if (live) console.log(JSON.stringify({ gl, ...(await measureViewer(browser, `${live}/`, `server ${live}`)) }));
    for (const path of files.keys()) {
      console.log(JSON.stringify({ gl, ...(await measureViewer(browser, `${server.url}/?data=${path}`, path)) }));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
