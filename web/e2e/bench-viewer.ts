/**
 * Viewer rendering figures: time to first render and frame times while panning/zooming, in Debian's
 * headless Chromium, for generated graphs (loaded through the viewer's import path, ?data=), graphology
 * JSON files given with --file and, with --server URL, for the graph a running speakergraph server holds.
 *
 *   npx tsx web/e2e/bench-viewer.ts [--sizes 10000x30000,50000x150000] [--file name=graph.json ...]
 *                                   [--server http://127.0.0.1:3100] [--gl disable-gpu|swiftshader]
 *                                   [--budget SECONDS] [--screenshots DIR]
 *
 * Prints one JSON line per graph. Each page goes through: load until the first frame with the graph
 * drawn; the automatic ForceAtlas2 run (given at most a third of the budget); pan/zoom while the layout
 * worker runs (started again for the measurement, as the "Run layout" button does, so that every frame
 * measured is one with the layout running); stop; pan/zoom again. Frame intervals and the page's long
 * tasks (main thread blocked for more than 50 ms) are recorded in each window, and also over the automatic
 * layout and from the stop to the final positions drawn (huge graphs: the end of the worker's preview,
 * the 'speakergraph:layout-drawn' mark; others: the next frame after the stop). Every page has a time
 * budget (default 240 s): past it, what was measured is reported with timedOut set, so that a graph the
 * viewer cannot handle does not hang the benchmark.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateGraph } from './bench-graph.js';
import { buildViewer, launchChromium } from './browser.js';
import {
  NO_FRAMES,
  installLongTaskObserver,
  longTasksBetween,
  measurePanZoom,
  type FrameStats,
} from './measure-frames.js';
import { startStaticServer } from './static-server.js';

export interface ViewerFigures {
  graph: string;
  nodes: number;
  edges: number;
  /** ms from navigation start to the end of the first render with the graph in it (sigma afterRender). */
  firstRenderMs: number;
  /** ms from navigation start to the next animation frame after it (the frame on screen). */
  firstFrameMs: number;
  /** Wall-clock ms from page.goto to the harness seeing the first render. */
  loadToFirstRenderMs: number;
  /** Longest main-thread task before the first frame. */
  longestTaskBeforeFirstFrameMs: number;
  /** ms from the first render to the end of the automatic layout; null when it did not end in time. */
  autoLayoutMs: number | null;
  autoLayoutIterations: number;
  /** Long tasks from the first frame to the automatic layout's positions drawn (or to the end of the wait). */
  autoLayoutLongTasks: LongTasks;
  /** From layout.stop() (after the pan/zoom while it ran) to its final positions drawn. */
  stopToDrawn: LongTasks & { ms: number };
  /** ForceAtlas2 iterations per second while the camera moved (the worker is not starved). */
  layoutIterationsPerSecond: number;
  framesDuringLayout: FrameStats;
  framesAfterLayout: FrameStats;
  /**
   * From the end of the pan/zoom after the layout to the real frame drawn at rest (large graphs show the
   * last frame moved with the camera while it moves, see web/src/move-snapshot.ts), with its long tasks.
   */
  settleAfterMoves: LongTasks & { ms: number };
  budgetMs: number;
  timedOut: boolean;
  screenshot?: string;
}

export interface MeasureOptions {
  budgetMs?: number;
  rounds?: number;
  screenshot?: string;
}

type LongTasks = Awaited<ReturnType<typeof longTasksBetween>>;
const NO_LONG_TASKS: LongTasks = { longTasks: 0, longestTaskMs: 0, longTasksTotalMs: 0 };

class BudgetExceeded extends Error {}

/** How many times the viewer drew the final positions of a previewed layout run. */
function layoutDrawnCount(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('speakergraph:layout-drawn').length);
}

function within<T>(p: Promise<T>, deadline: number): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new BudgetExceeded());
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new BudgetExceeded()), left))),
  ]);
}

async function iterationsDone(page: Page): Promise<number> {
  return page.evaluate(() => window.speakergraph?.view.layout.iterationsDone ?? 0);
}

/** Opens `url` in a fresh 1280x720 page and measures it within the time budget. */
export async function measureViewer(
  browser: Browser,
  url: string,
  graph: string,
  options: MeasureOptions = {},
): Promise<ViewerFigures> {
  const budgetMs = options.budgetMs ?? 240_000;
  const rounds = options.rounds ?? 3;
  const started = Date.now();
  const deadline = started + budgetMs;
  const fig: ViewerFigures = {
    graph,
    nodes: 0,
    edges: 0,
    firstRenderMs: NaN,
    firstFrameMs: NaN,
    loadToFirstRenderMs: NaN,
    longestTaskBeforeFirstFrameMs: NaN,
    autoLayoutMs: null,
    autoLayoutIterations: 0,
    autoLayoutLongTasks: NO_LONG_TASKS,
    stopToDrawn: { ...NO_LONG_TASKS, ms: NaN },
    layoutIterationsPerSecond: NaN,
    framesDuringLayout: NO_FRAMES,
    framesAfterLayout: NO_FRAMES,
    settleAfterMoves: { ...NO_LONG_TASKS, ms: NaN },
    budgetMs,
    timedOut: false,
  };
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await installLongTaskObserver(page);
    // The first animation frame after the first render: when the drawn graph reaches the screen.
    await page.addInitScript(`(() => {
      const tick = () => {
        const h = window.speakergraph;
        if (h && h.firstRenderMs !== undefined) {
          window.__firstFrameMs = performance.now();
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await within(page.goto(url), deadline);
    await within(
      page.waitForFunction(
        () => (window as unknown as { __firstFrameMs?: number }).__firstFrameMs !== undefined,
        null,
        {
          timeout: 0,
          polling: 100,
        },
      ),
      deadline,
    );
    fig.loadToFirstRenderMs = Date.now() - started;
    const first = await within(
      page.evaluate(() => ({
        firstRenderMs: window.speakergraph?.firstRenderMs ?? NaN,
        firstFrameMs: (window as unknown as { __firstFrameMs?: number }).__firstFrameMs ?? NaN,
        nodes: window.speakergraph?.view.graph.order ?? 0,
        edges: window.speakergraph?.view.graph.size ?? 0,
      })),
      deadline,
    );
    Object.assign(fig, first);
    fig.longestTaskBeforeFirstFrameMs = (
      await within(longTasksBetween(page, 0, fig.firstFrameMs), deadline)
    ).longestTaskMs;

    // The automatic layout, left alone, for at most a third of the budget.
    const layoutWait = Math.min(deadline, Date.now() + budgetMs / 3);
    const done = await within(
      page
        .waitForFunction(() => document.documentElement.dataset['ready'] !== undefined, null, {
          timeout: Math.max(1, layoutWait - Date.now()),
          polling: 200,
        })
        .then(() => true)
        .catch(() => false),
      deadline,
    );
    const state = await within(
      page.evaluate(() => ({ now: performance.now(), ready: document.documentElement.dataset['ready'] })),
      deadline,
    );
    if (state.ready === 'error') throw new Error(`the viewer failed to load ${graph}`);
    if (done) {
      const settledAt = await within(
        page.evaluate(
          () =>
            performance.getEntriesByName('speakergraph:layout-done').at(-1)?.startTime ?? performance.now(),
        ),
        deadline,
      );
      fig.autoLayoutMs = settledAt - fig.firstRenderMs;
    }
    fig.autoLayoutIterations = await within(iterationsDone(page), deadline);
    // A previewed run is drawn a moment after it is done: its long tasks are counted up to then.
    const autoEnd = await within(
      page
        .waitForFunction(
          () =>
            !window.speakergraph?.view.layout.isPreviewing ||
            performance.getEntriesByName('speakergraph:layout-drawn').length > 0,
          null,
          { timeout: Math.max(1, Math.min(30_000, deadline - Date.now())), polling: 100 },
        )
        .catch(() => undefined)
        .then(() =>
          page.evaluate(
            () =>
              performance.getEntriesByName('speakergraph:layout-drawn').at(0)?.startTime ?? performance.now(),
          ),
        ),
      deadline,
    );
    fig.autoLayoutLongTasks = await within(longTasksBetween(page, fig.firstFrameMs, autoEnd + 1), deadline);

    // Pan and zoom while the layout runs (started again, or kept running, until stopped).
    await within(
      page.evaluate(() => {
        window.speakergraph?.view.resetCamera();
        window.speakergraph?.view.layout.start();
      }),
      deadline,
    );
    await page.waitForTimeout(400);
    const itersBefore = await within(iterationsDone(page), deadline);
    const t0 = Date.now();
    fig.framesDuringLayout = await within(
      measurePanZoom(page, '#graph', rounds, deadline),
      deadline + 30_000,
    );
    const itersAfter = await within(iterationsDone(page), deadline + 30_000);
    fig.layoutIterationsPerSecond = ((itersAfter - itersBefore) * 1000) / (Date.now() - t0);
    const drawnBefore = await within(layoutDrawnCount(page), deadline + 30_000);
    const stoppedAt = await within(
      page.evaluate(() => {
        const previewing = window.speakergraph?.view.layout.isPreviewing ?? false;
        window.speakergraph?.view.layout.stop();
        window.speakergraph?.view.resetCamera();
        return { at: performance.now(), previewing };
      }),
      deadline + 30_000,
    );
    const drawnAt = await within(
      stoppedAt.previewing
        ? page
            .waitForFunction(
              (n) => performance.getEntriesByName('speakergraph:layout-drawn').length > n,
              drawnBefore,
              { timeout: 0, polling: 100 },
            )
            .then(() =>
              page.evaluate(
                () => performance.getEntriesByName('speakergraph:layout-drawn').at(-1)!.startTime,
              ),
            )
        : page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())))),
      deadline + 60_000,
    );
    // Up to the frame after it (drawing a huge graph is paid when the frame is committed).
    const drawnFrame = await within(
      page.evaluate(
        () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now())))),
      ),
      deadline + 60_000,
    );
    fig.stopToDrawn = {
      ms: drawnAt - stoppedAt.at,
      ...(await within(longTasksBetween(page, stoppedAt.at, drawnFrame), deadline + 60_000)),
    };
    await page.waitForTimeout(600);
    fig.framesAfterLayout = await within(measurePanZoom(page, '#graph', rounds, deadline), deadline + 30_000);
    const movedUntil = await within(
      page.evaluate(() => performance.now()),
      deadline + 30_000,
    );
    const settled = await within(
      page
        .waitForFunction(() => window.speakergraph?.view.moveSnapshot.isActive === false, null, {
          timeout: 0,
          polling: 50,
        })
        .then(() =>
          page.evaluate(
            () =>
              new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now())))),
          ),
        ),
      deadline + 60_000,
    );
    fig.settleAfterMoves = {
      ms: settled - movedUntil,
      ...(await within(longTasksBetween(page, movedUntil, settled), deadline + 60_000)),
    };
    if (options.screenshot) {
      await within(page.mouse.move(1, 1), deadline + 30_000);
      await within(
        page.evaluate(() => window.speakergraph?.view.resetCamera()),
        deadline + 30_000,
      );
      await page.waitForTimeout(800);
      await within(page.screenshot({ path: options.screenshot }), deadline + 60_000);
      fig.screenshot = options.screenshot;
    }
    if (Date.now() > deadline) fig.timedOut = true;
    return fig;
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    fig.timedOut = true;
    return fig;
  } finally {
    // A page whose main thread is stuck may not close politely: do not wait on it for ever.
    await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const all = (name: string): string[] =>
    args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]!] : []));
  const sizes = (arg('--sizes') ?? (all('--file').length > 0 ? '' : '10000x30000,50000x150000'))
    .split(',')
    .filter(Boolean)
    .map((s) => s.split('x').map(Number) as [number, number]);
  const files = new Map<string, string>();
  const names = new Map<string, string>();
  for (const spec of all('--file')) {
    const [name, path] = spec.includes('=')
      ? (spec.split('=', 2) as [string, string])
      : [basename(spec, '.json'), spec];
    files.set(`/bench/${name}.json`, readFileSync(path, 'utf8'));
    names.set(`/bench/${name}.json`, name);
  }
  for (const [n, m] of sizes) {
    const path = `/bench/${n}x${m}.json`;
    files.set(path, JSON.stringify(generateGraph(n, m)));
    names.set(path, `generated ${n}x${m}`);
  }
  const budgetMs = Number(arg('--budget') ?? 240) * 1000;
  const shots = arg('--screenshots');
  if (shots) mkdirSync(shots, { recursive: true });
  const dist = await buildViewer();
  const server = await startStaticServer(dist, files);
  const gl = arg('--gl') === 'swiftshader' ? 'swiftshader' : 'disable-gpu';
  const browser = await launchChromium(gl);
  try {
    const live = arg('--server');
    if (live)
      console.log(
        JSON.stringify({ gl, ...(await measureViewer(browser, `${live}/`, `server ${live}`, { budgetMs })) }),
      );
    for (const path of files.keys()) {
      const name = names.get(path) ?? path;
      const screenshot = shots ? join(shots, `${name.replace(/[^\w.-]+/g, '_')}.png`) : undefined;
      const fig = await measureViewer(browser, `${server.url}/?data=${path}`, name, { budgetMs, screenshot });
      console.log(JSON.stringify({ gl, ...fig }));
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
