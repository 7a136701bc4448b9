/**
 * Frame timing in the page while the camera pans and zooms, driven by playwright: a requestAnimationFrame
 * loop records the interval between frames while the mouse drags the stage and the wheel zooms, and a
 * long-task observer (installed before the page's own scripts, see installLongTaskObserver) tells how
 * long the main thread was blocked in that window. Reusable by the benchmarks.
 */
import type { Page } from 'playwright-core';

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  durationMs: number;
  /** Main-thread tasks over 50 ms in the window (Long Tasks API): how many, the longest, their sum. */
  longTasks?: number;
  longestTaskMs?: number;
  longTasksTotalMs?: number;
}

export const NO_FRAMES: FrameStats = { frames: 0, medianMs: NaN, p95Ms: NaN, maxMs: NaN, durationMs: 0 };

export function summarize(deltas: number[], durationMs: number): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    frames: sorted.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted[sorted.length - 1] ?? NaN,
    durationMs,
  };
}

/**
 * Records the page's long tasks from its very start into window.__longTasks ([start, duration] pairs).
 * Call before page.goto. A string, not a function: the test runner's transpiler would add helpers the
 * page does not have.
 */
export async function installLongTaskObserver(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const w = window;
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch (e) {}
  })()`);
}

/** Long tasks that started in [from, to) (page clock), from installLongTaskObserver. */
export async function longTasksBetween(
  page: Page,
  from: number,
  to: number,
): Promise<{ longTasks: number; longestTaskMs: number; longTasksTotalMs: number }> {
  const tasks = (await page.evaluate(
    `(window.__longTasks || []).filter(([s]) => s >= ${from} && s < ${to})`,
  )) as [number, number][];
  return {
    longTasks: tasks.length,
    longestTaskMs: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
    longTasksTotalMs: tasks.reduce((n, [, d]) => n + d, 0),
  };
}

/**
 * Pans (drags) and zooms (wheel) over the element matching `selector` for `rounds` rounds while
 * recording frame intervals in the page. Stops early (with what it measured) once `deadline`
 * (Date.now() value) has passed, so a page whose main thread is blocked cannot hang the caller.
 */
export async function measurePanZoom(
  page: Page,
  selector = '#graph',
  rounds = 6,
  deadline = Infinity,
): Promise<FrameStats> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const pageStart = (await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__framesOn = true;
    let last = performance.now();
    const tick = (t) => {
      if (!w.__framesOn) return;
      w.__frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
    return performance.now();
  })()`)) as number;
  const started = Date.now();
  for (let r = 0; r < rounds && Date.now() < deadline; r++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const dir = r % 2 === 0 ? 1 : -1;
    for (let i = 1; i <= 20 && Date.now() < deadline; i++)
      await page.mouse.move(cx + dir * i * 12, cy + dir * i * 6);
    await page.mouse.up();
    for (let i = 0; i < 6 && Date.now() < deadline; i++) {
      await page.mouse.wheel(0, r % 2 === 0 ? -120 : 120);
      await page.waitForTimeout(30);
    }
  }
  const durationMs = Date.now() - started;
  const { deltas, pageEnd } = (await page.evaluate(`(() => {
    const w = window;
    w.__framesOn = false;
    return { deltas: w.__frames.slice(1), pageEnd: performance.now() };
  })()`)) as { deltas: number[]; pageEnd: number };
  return { ...summarize(deltas, durationMs), ...(await longTasksBetween(page, pageStart, pageEnd)) };
}
