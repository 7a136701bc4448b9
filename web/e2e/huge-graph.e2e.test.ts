/**
 * The viewer on a huge graph (more than 20,000 nodes: a generated one, imported with ?data=, no database
 * needed), in Debian's Chromium: the graph is validated and built in slices (frames are drawn meanwhile,
 * no task over 400 ms); while ForceAtlas2 runs, the layout worker paints a preview of the nodes and the
 * main thread's graph keeps its positions (sigma is not redrawn); the preview follows the camera; at the
 * end the final positions reach sigma exactly as a full refresh would give them; the Run/Stop layout
 * button works; the preview paints only the nodes the filters let through; nodes are hoverable after a
 * drag (the picking pass is skipped while the camera moves); while the camera moves, the last frame is
 * moved with it (no render) and at rest the real frame is sigma's normal render, with the edges painted
 * by a worker under sigma's nodes; and the automatic layout gives the same positions on every load.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from './bench-graph.js';
import { buildViewer, launchChromium, waitReady, watchErrors } from './browser.js';
import { installLongTaskObserver, longTasksBetween } from './measure-frames.js';
import { startStaticServer, type StaticServer } from './static-server.js';

const NODES = 21_000;
const EDGES = 25_000;
const SAMPLE = 97; // every 97th node is compared

let dist: string;
let server: StaticServer;
let browser: Browser;
let url: string;

type Positions = Record<string, [number, number]>;

function positions(page: Page): Promise<Positions> {
  return page.evaluate((every) => {
    const g = window.speakergraph!.view.graph;
    const out: Record<string, [number, number]> = {};
    g.nodes().forEach((k, i) => {
      if (i % every === 0) out[k] = [g.getNodeAttribute(k, 'x'), g.getNodeAttribute(k, 'y')];
    });
    return out;
  }, SAMPLE);
}

/** Pixels of the stage in a screenshot that are saturated colour (nodes), not the grey-white background. */
async function colouredPixels(page: Page): Promise<number> {
  const png = (await page.locator('#graph').screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (Math.max(px[i]!, px[i + 1]!, px[i + 2]!) - Math.min(px[i]!, px[i + 1]!, px[i + 2]!) > 40) n++;
    }
    return n;
  }, png);
}

/** The quotes' colour (theme.ts), as the preview paints it. */
const QUOTE_RGB: [number, number, number] = [0x7a, 0x5c, 0x99];

/** Pixels of the stage in a screenshot of exactly this colour. */
async function pixelsOf(page: Page, [r, g, b]: [number, number, number]): Promise<number> {
  const png = (await page.locator('#graph').screenshot()).toString('base64');
  return page.evaluate(
    async ({ data, rgb }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i] === rgb[0] && px[i + 1] === rgb[1] && px[i + 2] === rgb[2]) n++;
      }
      return n;
    },
    { data: png, rgb: [r, g, b] },
  );
}

/**
 * What the move snapshot did (web/src/move-snapshot.ts), the CSS transform of sigma's node and label
 * layers and of the edge layer (web/src/edge-layer.ts), and the edge layer's paints not done yet.
 */
function snapshotState(page: Page): Promise<{
  renders: number;
  skipped: number;
  active: boolean;
  transform: string;
  labels: string;
  edges: string;
  edgesPending: number;
}> {
  return page.evaluate(() => {
    const v = window.speakergraph!.view;
    const canvases = v.sigma.getCanvases();
    const edges = document.querySelector<HTMLCanvasElement>('#graph canvas.edge-layer');
    return {
      ...v.moveSnapshot.counts,
      active: v.moveSnapshot.isActive,
      transform: getComputedStyle(canvases['nodes']!).transform,
      labels: getComputedStyle(canvases['labels']!).transform,
      edges: edges ? getComputedStyle(edges).transform : 'no edge layer',
      edgesPending: v.edgeLayer.pending,
    };
  });
}

/** Once the worker painted the edges for the current view (its layer then has no transform left). */
async function edgesPainted(page: Page): Promise<void> {
  await expect.poll(() => snapshotState(page).then((s) => s.edgesPending), { timeout: 30_000 }).toBe(0);
  const { edges } = await snapshotState(page);
  if (edges !== 'none') {
    const [a, b, c, d, e, f] = matrixOf(edges);
    expect([a, b, c, d]).toEqual([1, 0, 0, 1]);
    expect(Math.abs(e!) + Math.abs(f!)).toBeLessThan(0.01);
  }
}

function matrixOf(css: string): number[] {
  const m = /^matrix\((.*)\)$/.exec(css);
  if (!m) throw new Error(`not a matrix: ${css}`);
  return m[1]!.split(',').map(Number);
}

/**
 * Sampled sigma display data, the sync's, then after a full refresh: they must be the same. Compared at
 * rest: while the camera moves (a drag's inertia) the move snapshot stands in for sigma's render, and a
 * refresh leaves its processing (normalised positions) to the render at rest.
 */
async function displayDataAgainstFullRefresh(
  page: Page,
): Promise<{ max: number; labelsSame: boolean; compared: number }> {
  await expect.poll(() => page.evaluate(() => window.speakergraph!.view.moveSnapshot.isActive)).toBe(false);
  return page.evaluate((every) => {
    const v = window.speakergraph!.view;
    const s = v.sigma;
    const keys = v.graph.nodes().filter((_k, i) => i % every === 0);
    const read = () =>
      keys.map((k) => {
        const d = s.getNodeDisplayData(k)!;
        return [d.x, d.y, d.size];
      });
    // The label grid is sigma's own (not public): which labels it would show at the default camera.
    const labels = () =>
      JSON.stringify(
        (s as unknown as { labelGrid: { getLabelsToDisplay(r: number, d: number): string[] } }).labelGrid
          .getLabelsToDisplay(1, s.getSetting('labelDensity'))
          .sort(),
      );
    const before = read();
    const labelsBefore = labels();
    s.refresh();
    const after = read();
    let max = 0;
    before.forEach((b, i) => b.forEach((x, j) => (max = Math.max(max, Math.abs(x - after[i]![j]!)))));
    return { max, labelsSame: labelsBefore === labels(), compared: keys.length };
  }, SAMPLE);
}

beforeAll(async () => {
  dist = await buildViewer();
  server = await startStaticServer(
    dist,
    new Map([['/bench/huge.json', JSON.stringify(generateGraph(NODES, EDGES))]]),
  );
  browser = await launchChromium();
  url = `${server.url}/?data=/bench/huge.json`;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe(`the viewer on a huge graph (${NODES} nodes, ${EDGES} edges)`, () => {
  let page: Page;
  let errors: string[];
  let laidOut: Positions;

  it('previews the automatic layout in the worker, then gives sigma its final positions', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    errors = watchErrors(page);
    await installLongTaskObserver(page);
    // Animation frames from the start: the page keeps drawing frames while it builds the graph.
    await page.addInitScript(`(() => {
      const w = window;
      w.__frameTimes = [];
      const tick = (t) => {
        w.__frameTimes.push(t);
        if (w.__frameTimes.length < 100000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await page.goto(url);
    await page.waitForFunction(() => window.speakergraph?.view.layout.isPreviewing === true, null, {
      timeout: 120_000,
    });
    // The graph was validated and built in slices: frames were drawn meanwhile, and no task was long.
    await page.waitForFunction(() => {
      const built = performance.getEntriesByName('speakergraph:graph-built')[0]?.startTime ?? Infinity;
      return (window as unknown as { __frameTimes: number[] }).__frameTimes.some((t) => t >= built);
    });
    const load = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(`speakergraph:${name}`)[0]?.startTime ?? NaN;
      const from = at('graph-fetched');
      const to = at('graph-built');
      const frames = (window as unknown as { __frameTimes: number[] }).__frameTimes;
      // The frames drawn while it loaded and the first one after: the gaps between them are how long
      // the page could not draw (how many there are depends on the machine's speed, not on slicing).
      const after = frames.findIndex((t) => t >= to);
      const times = [from, ...frames.filter((t) => t > from && t < to), frames[after] ?? NaN];
      let longestGap = 0;
      for (let i = 1; i < times.length; i++) longestGap = Math.max(longestGap, times[i]! - times[i - 1]!);
      return { from, to, longestGap };
    });
    expect(load.to).toBeGreaterThan(load.from);
    expect(load.longestGap).toBeLessThan(400);
    expect((await longTasksBetween(page, load.from, load.to)).longestTaskMs).toBeLessThan(400);
    const seeded = await positions(page);
    expect(await page.isVisible('#graph canvas.layout-preview')).toBe(true);
    // The worker iterates and paints; the main thread's graph is not touched meanwhile.
    await page.waitForFunction(() => (window.speakergraph?.view.layout.iterationsDone ?? 0) >= 3, null, {
      timeout: 120_000,
    });
    expect(await page.evaluate(() => window.speakergraph?.view.layout.isPreviewing)).toBe(true);
    expect(await positions(page)).toEqual(seeded);
    await expect.poll(() => colouredPixels(page), { timeout: 30_000 }).toBeGreaterThan(2000);

    await waitReady(page, 170_000);
    await page.waitForFunction(() => window.speakergraph?.view.layout.isPreviewing === false, null, {
      timeout: 60_000,
    });
    laidOut = await positions(page);
    const moved = Object.keys(seeded).filter((k) => seeded[k]![0] !== laidOut[k]![0]);
    expect(moved.length).toBe(Object.keys(seeded).length);
    expect(await page.isVisible('#graph canvas.layout-preview')).toBe(false);
    const check = await displayDataAgainstFullRefresh(page);
    expect(check.compared).toBeGreaterThan(200);
    expect(check.max).toBe(0);
    expect(check.labelsSame).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);

  it('runs and stops the layout from its button; the preview follows the camera', async () => {
    const button = page.locator('#layout-toggle');
    expect(await button.textContent()).toBe('Run layout');
    await button.click();
    await page.waitForFunction(() => window.speakergraph?.view.layout.isPreviewing === true);
    expect(await button.textContent()).toBe('Stop layout');
    // Wait for a paint, then drag: the painted picture moves with the camera until the next paint.
    await expect.poll(() => colouredPixels(page), { timeout: 30_000 }).toBeGreaterThan(2000);
    // The preview paints only what the filters let through: quotes hidden from the legend go away.
    expect(await pixelsOf(page, QUOTE_RGB)).toBeGreaterThan(300);
    await page.click('#legend-nodes [data-type="Quote"]');
    await expect.poll(() => pixelsOf(page, QUOTE_RGB), { timeout: 30_000 }).toBe(0);
    expect(await colouredPixels(page)).toBeGreaterThan(1000);
    await page.click('#legend-nodes [data-type="Quote"]');
    await expect.poll(() => pixelsOf(page, QUOTE_RGB), { timeout: 30_000 }).toBeGreaterThan(300);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(box.x + box.width / 2 + 15 * i, box.y + box.height / 2);
    await page.mouse.up();
    expect(
      await page.locator('#graph canvas.layout-preview').evaluate((c) => getComputedStyle(c).transform),
    ).toMatch(/^matrix\(/);
    const before = await positions(page);
    await button.click();
    expect(await button.textContent()).toBe('Run layout');
    await page.waitForFunction(() => window.speakergraph?.view.layout.isPreviewing === false, null, {
      timeout: 60_000,
    });
    const after = await positions(page);
    expect(after).not.toEqual(before);
    const check = await displayDataAgainstFullRefresh(page);
    expect(check.max).toBe(0);
    expect(check.labelsSame).toBe(true);

    // Picking is skipped while the camera moves and drawn again after: a node is hoverable after a drag.
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + 200 + 10 * i, box.y + 200);
    await page.mouse.up();
    await page.waitForTimeout(1000);
    const target = await page.evaluate(() => {
      const v = window.speakergraph!.view;
      const { width, height } = v.sigma.getDimensions();
      for (const k of v.graph.nodes()) {
        const p = v.sigma.framedGraphToViewport(v.sigma.getNodeDisplayData(k)!);
        if (p.x > 20 && p.y > 20 && p.x < width - 20 && p.y < height - 20) return p;
      }
      return undefined;
    });
    expect(target).toBeDefined();
    await page.mouse.move(box.x + target!.x - 10, box.y + target!.y - 10);
    await page.mouse.move(box.x + target!.x, box.y + target!.y, { steps: 3 });
    await expect
      .poll(() => page.evaluate(() => document.getElementById('graph')!.classList.contains('hovering')))
      .toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('moves the last frame with the camera while it moves, and draws the real frame at rest (edges by a worker)', async () => {
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 5);
    await expect.poll(() => snapshotState(page).then((s) => s.active)).toBe(false);
    await edgesPainted(page);
    const before = await snapshotState(page);
    expect(before.transform).toBe('none');
    // The edges are the edge layer's (sigma draws none of its own): hidden, the stage loses them.
    const withEdges = await page.locator('#graph').screenshot();
    await page.evaluate(() => {
      document.querySelector<HTMLCanvasElement>('#graph canvas.edge-layer')!.style.visibility = 'hidden';
    });
    const withoutEdges = await page.locator('#graph').screenshot();
    await page.evaluate(() => {
      document.querySelector<HTMLCanvasElement>('#graph canvas.edge-layer')!.style.visibility = '';
    });
    expect(withEdges.equals(withoutEdges)).toBe(false);

    // A drag, held: sigma does not render; its layers are moved by the mouse's offset instead.
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(cx + 12 * i, cy + 4 * i);
    await page.waitForTimeout(300);
    const held = await snapshotState(page);
    expect(held.active).toBe(true);
    expect(held.renders).toBe(before.renders);
    expect(held.skipped).toBeGreaterThan(before.skipped);
    const [a, b, c, d, e, f] = matrixOf(held.transform);
    expect([a, b, c, d]).toEqual([1, 0, 0, 1]);
    expect(e).toBeCloseTo(120, 1);
    expect(f).toBeCloseTo(40, 1);
    expect(held.labels).toBe(held.transform);
    const edgeMove = matrixOf(held.edges);
    expect(edgeMove[4]).toBeCloseTo(120, 1);
    expect(edgeMove[5]).toBeCloseTo(40, 1);

    // Released: the real frame is drawn, untransformed, and it is sigma's normal render of that camera.
    await page.mouse.up();
    await expect.poll(() => snapshotState(page).then((s) => s.active)).toBe(false);
    const rested = await snapshotState(page);
    expect(rested.transform).toBe('none');
    expect(rested.renders).toBeGreaterThan(before.renders);
    await edgesPainted(page);
    await page.waitForTimeout(300);
    const shown = await page.locator('#graph').screenshot();
    await page.evaluate(() => window.speakergraph!.view.sigma.refresh());
    await edgesPainted(page);
    await page.waitForTimeout(300);
    const normal = await page.locator('#graph').screenshot();
    expect(shown.equals(normal)).toBe(true);

    // A wheel zoom: the frame is scaled about the pointer, then drawn for real once the zoom is over.
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(40);
    }
    const zooming = await snapshotState(page);
    expect(zooming.active).toBe(true);
    expect(matrixOf(zooming.transform)[0]).toBeGreaterThan(1.05);
    await expect.poll(() => snapshotState(page).then((s) => s.active)).toBe(false);
    expect((await snapshotState(page)).transform).toBe('none');
    expect(
      await page.evaluate(() => performance.getEntriesByName('speakergraph:move-settled').length),
    ).toBeGreaterThanOrEqual(2);

    // A click at rest selects the node under the pointer: drawn highlighted (only its display data
    // redone), as a full refresh draws it.
    // The point is a whole pixel of the page (where the mouse clicks) and every pixel around it picks the
    // same node: a node partly under another one is not taken (the click would pick its neighbour).
    await page.waitForTimeout(300);
    const target = await page.evaluate((origin) => {
      const v = window.speakergraph!.view;
      const picking = v.sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null };
      const { width, height } = v.sigma.getDimensions();
      for (const key of v.graph.nodes()) {
        const d = v.sigma.getNodeDisplayData(key)!;
        const at = v.sigma.framedGraphToViewport(d);
        const p = { x: Math.round(origin.x + at.x) - origin.x, y: Math.round(origin.y + at.y) - origin.y };
        if (p.x > 40 && p.y > 40 && p.x < width - 40 && p.y < height - 40 && d.size > 2) {
          const around = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => ({ x: p.x + dx, y: p.y + dy })));
          if (around.every((q) => picking.getNodeAtPosition(q) === key)) return { key, ...p };
        }
      }
      return undefined;
    }, box);
    expect(target).toBeDefined();
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    const highlight = (key: string) =>
      page.evaluate((k) => {
        const d = window.speakergraph!.view.sigma.getNodeDisplayData(k)!;
        return { highlighted: d.highlighted, forceLabel: d.forceLabel, x: d.x, y: d.y, size: d.size };
      }, key);
    await expect.poll(() => highlight(target!.key).then((h) => h.highlighted)).toBe(true);
    const partial = await highlight(target!.key);
    await page.evaluate(() => window.speakergraph!.view.sigma.refresh());
    expect(await highlight(target!.key)).toEqual(partial);
    expect(new URL(page.url()).searchParams.get('node')).toBe(target!.key);

    // The edge layer draws what the filters let through: every edge type hidden, it draws nothing.
    const edgeTypes = page.locator('#legend-edges button[data-edge-type]');
    const types = await edgeTypes.count();
    expect(types).toBeGreaterThan(5);
    for (let i = 0; i < types; i++) await edgeTypes.nth(i).click();
    await edgesPainted(page);
    await page.waitForTimeout(300);
    const noEdges = await page.locator('#graph').screenshot();
    await page.evaluate(() => {
      document.querySelector<HTMLCanvasElement>('#graph canvas.edge-layer')!.style.visibility = 'hidden';
    });
    expect(noEdges.equals(await page.locator('#graph').screenshot())).toBe(true);
    await page.evaluate(() => {
      document.querySelector<HTMLCanvasElement>('#graph canvas.edge-layer')!.style.visibility = '';
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('lays the same graph out the same way on another load', async () => {
    const again = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await again.goto(url);
    await waitReady(again, 170_000);
    const b = await positions(again);
    expect(Object.keys(b).sort()).toEqual(Object.keys(laidOut).sort());
    for (const [k, [x, y]] of Object.entries(laidOut)) {
      expect(b[k]![0]).toBeCloseTo(x, 3);
      expect(b[k]![1]).toBeCloseTo(y, 3);
    }
    await again.close();
  }, 240_000);
});
