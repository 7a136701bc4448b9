/**
 * Frame timing in the page while the camera pans and zooms, driven by playwright: a requestAnimationFrame
 * loop records the interval between frames while the mouse drags the stage and the wheel zooms. Reusable
 * by the benchmarks.
 */
import type { Page } from 'playwright-core';

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  durationMs: number;
}

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
 * Pans (drags) and zooms (wheel) over the element matching `selector` for `rounds` rounds while
 * recording frame intervals in the page.
 */
export async function measurePanZoom(page: Page, selector = '#graph', rounds = 6): Promise<FrameStats> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: the test runner's transpiler would add helpers the page does not have.
  await page.evaluate(`(() => {
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
  })()`);
  const started = Date.now();
  for (let r = 0; r < rounds; r++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const dir = r % 2 === 0 ? 1 : -1;
    for (let i = 1; i <= 20; i++) await page.mouse.move(cx + dir * i * 12, cy + dir * i * 6);
    await page.mouse.up();
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, r % 2 === 0 ? -120 : 120);
      await page.waitForTimeout(30);
    }
  }
  const durationMs = Date.now() - started;
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__framesOn = false;
    return w.__frames.slice(1);
  });
  return summarize(deltas, durationMs);
}
