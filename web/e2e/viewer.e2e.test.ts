/**
 * The viewer end to end: Debian's Chromium (playwright-core) against the real server (createApp) and the
 * real test Neo4j holding the sample corpus, ingested by the real `speakergraph ingest`. One page walks
 * through what a user does: load, search a person, read a quote at its source, expand, filter, run a
 * saved query, export, share the URL and open it again. Screenshots go to test-output/screenshots/.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { RunningServer } from '../../src/server/listen.js';
import { openDriver } from '../../src/store/connection.js';
import { startTestServer } from '../../test/api-server.js';
import { runCli } from '../../test/run-cli.js';
import { SCREENSHOT_DIR, buildViewer, launchChromium, waitReady, watchErrors } from './browser.js';

const conn = inject('neo4j');
let driver: Driver;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let dist: string;

const shot = (name: string, p: Page = page) => p.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });

interface ViewerProbe {
  order: number;
  size: number;
  visible: number;
  types: Record<string, { total: number; visible: number }>;
  expanded: string[];
  camera: { x: number; y: number; ratio: number };
  positions: Record<string, [number, number]>;
}

/** Reads the viewer's state through its read-only handle. */
function probe(p: Page = page): Promise<ViewerProbe> {
  return p.evaluate(() => {
    const h = window.speakergraph;
    if (!h) throw new Error('no viewer handle');
    const v = h.view;
    const positions: Record<string, [number, number]> = {};
    v.graph.forEachNode((k, a) => (positions[k] = [a.x, a.y]));
    return {
      order: v.graph.order,
      size: v.graph.size,
      visible: v.visibleNodes().length,
      types: Object.fromEntries(v.typeCounts()),
      expanded: v.expandedKeys(),
      camera: v.getCamera(),
      positions,
    };
  });
}

async function count(query: string): Promise<number> {
  const res = await driver.executeQuery(query, {}, { database: conn.database });
  return Number(res.records[0]?.get(0));
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  driver = openDriver(conn);
  // The sample corpus, written by the real ingest command into an empty database.
  await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: conn.database });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    LOG_LEVEL: 'warn',
  };
  if (conn.database) env['NEO4J_DATABASE'] = conn.database;
  const ingest = await runCli(['ingest', join(PROJECT_ROOT, 'graph', 'articles'), '--json'], env);
  if (ingest.code !== 0) throw new Error(`ingest failed (${ingest.code}): ${ingest.stderr}`);
  dist = await buildViewer();
  server = await startTestServer(driver, { cypherMaxRows: 1000 }, dist);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close(1_000);
  await driver?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('the viewer against the real server and Neo4j', () => {
  let kuleba = '';
  let sharedUrl = '';

  it('loads the overview, lays it out and draws it', async () => {
    const total = await count('MATCH (n) RETURN count(n)');
    expect(total).toBeGreaterThan(50);
    // A small overview (the 40 most connected nodes), so that expanding has something to add.
    await page.goto(`${server.url}/?max=40`);
    await waitReady(page);
    const p = await probe();
    expect(p.order).toBe(40);
    expect(p.size).toBeGreaterThan(0);
    expect(await page.textContent('#status')).toMatch(/^40 nodes · \d+ edges/);
    // The legend counts what is drawn.
    const personCount = await page.textContent('[data-type="Person"] .legend-count');
    expect(Number(personCount)).toBe(p.types['Person']?.total ?? 0);
    const firstRender = await page.evaluate(() => window.speakergraph?.firstRenderMs);
    expect(firstRender).toBeGreaterThan(0);
    await shot('01-overview');
    expect(errors).toEqual([]);
  });

  it('searches a person with "/" and the keyboard, focuses and opens the panel', async () => {
    await page.locator('#graph').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('kuleba');
    const option = page.locator('#search-list li[data-key]').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Dmytro Kuleba');
    kuleba = (await option.getAttribute('data-key')) ?? '';
    expect(kuleba).toMatch(/^person:/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('node') === key, kuleba);
    await expect.poll(() => page.textContent('#panel-title')).toBe('Dmytro Kuleba');
    expect(await page.isVisible('#panel')).toBe(true);
  });

  it("shows the person's quotes with the source sentence highlighted within its paragraph", async () => {
    const card = page.locator('.quote-card:has(.paragraph mark)').first();
    await card.waitFor({ timeout: 30_000 });
    const mark = card.locator('.paragraph mark').first();
    const quoteId = await card.getAttribute('data-quote');
    const marked = (await mark.textContent()) ?? '';
    const paragraph = (await mark.locator('xpath=..').textContent()) ?? '';
    // The highlight is a sentence inside a longer paragraph, shown whole around it.
    expect(marked.length).toBeGreaterThan(10);
    expect(paragraph.length).toBeGreaterThan(marked.length);
    expect(paragraph).toContain(marked);
    // It is the API's source sentence for that quote.
    const detail = (await (
      await fetch(`${server.url}/api/nodes/${encodeURIComponent(quoteId ?? '')}`)
    ).json()) as {
      provenance: Array<{ sentence: string; articleId: string; title?: string }>;
    };
    const source = detail.provenance.find((s) => s.sentence.trim() === marked.trim());
    expect(source).toBeDefined();
    // The line above the paragraph names the article.
    const head = await mark.locator('xpath=../preceding-sibling::div[@class="source-head"]').textContent();
    expect(head).toContain(source?.title ?? source?.articleId);
    // Text from articles is text: no element in the panel body comes from article markup.
    expect(await page.locator('#panel-body script, #panel-body iframe, #panel-body img').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await shot('02-panel-quote');
  });

  it('sets only direct quotes in quotation marks; a paraphrase or partial quote is shown as written', async () => {
    const listing = (await (
      await fetch(`${server.url}/api/quotes?speaker=${encodeURIComponent(kuleba)}&limit=50`)
    ).json()) as { quotes: Array<{ id: string; text: string; kind: string }> };
    const kinds = new Set(listing.quotes.map((q) => q.kind));
    expect(kinds.has('direct') && (kinds.has('indirect') || kinds.has('partial'))).toBe(true);
    for (const q of listing.quotes) {
      const shown = await page.locator(`.quote-card[data-quote="${q.id}"] .quote-text`).textContent();
      expect(shown).toBe(q.kind === 'direct' ? `“${q.text}”` : q.text);
    }
  });

  it('says under a quote to whom and where it was said, and its links open those nodes', async () => {
    interface Link {
      id: string;
      name: string;
    }
    const listing = (await (
      await fetch(`${server.url}/api/quotes?speaker=${encodeURIComponent(kuleba)}&limit=50`)
    ).json()) as {
      quotes: Array<{ id: string; settings: Link[]; audience: string[] }>;
    };
    const placed = listing.quotes.filter((q) => q.settings.length > 0);
    expect(placed.length).toBeGreaterThan(0);
    for (const q of placed) {
      const line = page.locator(`.quote-card[data-quote="${q.id}"] .quote-setting`);
      await line.waitFor();
      const text = (await line.textContent()) ?? '';
      for (const a of q.audience) expect(text).toContain(a);
      for (const s of q.settings) expect(text).toContain(s.name);
    }
    await page.locator(`.quote-card[data-quote="${placed[0]!.id}"]`).scrollIntoViewIfNeeded();
    await shot('02b-quote-setting');
    const target = placed[0]!.settings[0]!;
    await page
      .locator(`.quote-card[data-quote="${placed[0]!.id}"] .quote-setting button`, { hasText: target.name })
      .first()
      .click();
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('node') === key, target.id);
    await expect.poll(() => page.textContent('#panel-title')).toBe(target.name);
    // Back to the person for the tests that follow.
    await page.goBack();
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('node') === key, kuleba);
    await expect.poll(() => page.textContent('#panel-title')).toBe('Dmytro Kuleba');
  });

  it('pages through a speaker\'s quotes with "Show more quotes" until none are left', async () => {
    const listing = (await (
      await fetch(`${server.url}/api/quotes?speaker=${encodeURIComponent(kuleba)}&limit=500`)
    ).json()) as { quotes: Array<{ id: string }>; hasMore: boolean };
    const all = listing.quotes.map((q) => q.id);
    expect(listing.hasMore).toBe(false);
    // The sample corpus has no speaker with more quotes than the default page (25): the URL's page size
    // makes Kuleba's quotes at least three pages, so there is a page to fail and one more after it.
    expect(all.length).toBeGreaterThanOrEqual(3);
    const pageSize = Math.floor((all.length - 1) / 2);
    // A context of its own: the offline step below must not reach the page the other tests use.
    const own = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const paging = await own.newPage();
    const pagingErrors = watchErrors(paging);
    await paging.goto(`${server.url}/?max=40&node=${encodeURIComponent(kuleba)}&quotePageSize=${pageSize}`);
    await waitReady(paging);
    await expect.poll(() => paging.textContent('#panel-title')).toBe('Dmytro Kuleba');
    const cards = paging.locator('#panel-body .quote-card');
    const more = paging.getByRole('button', { name: 'Show more quotes' });
    const shownIds = () => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-quote')));
    await more.waitFor();
    expect(await shownIds()).toEqual(all.slice(0, pageSize));
    expect(await paging.textContent('#panel-body section.quotes h3')).toBe(`Quotes (${pageSize}+)`);
    // Records whether the button is ever disabled (while a page loads).
    await more.evaluate((b) => {
      new MutationObserver(() => {
        if ((b as HTMLButtonElement).disabled) b.dataset['wasDisabled'] = 'true';
      }).observe(b, { attributes: true, attributeFilter: ['disabled'] });
    });

    // From the keyboard: Enter on the focused button appends the next page and focuses its first quote.
    await more.focus();
    await paging.keyboard.press('Enter');
    await expect.poll(shownIds).toEqual(all.slice(0, 2 * pageSize));
    expect(await paging.evaluate(() => document.activeElement?.getAttribute('data-quote'))).toBe(
      all[pageSize],
    );
    expect(await more.getAttribute('data-was-disabled')).toBe('true');

    // A failed page (the browser offline) says so in the panel, keeps what is shown and the button.
    await own.setOffline(true);
    await more.click();
    const error = paging.locator('#panel-body section.quotes p.error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Could not load more quotes: /);
    expect(await shownIds()).toEqual(all.slice(0, 2 * pageSize));
    expect(await more.isEnabled()).toBe(true);
    await own.setOffline(false);

    // Clicked until the API says no more: every quote once, in the API's order, and the button gone.
    for (let clicks = 0; (await more.isVisible()) && clicks < all.length; clicks++) {
      const before = (await shownIds()).length;
      await more.click();
      await expect.poll(async () => (await shownIds()).length).toBeGreaterThan(before);
    }
    await expect.poll(() => more.isVisible()).toBe(false);
    expect(await shownIds()).toEqual(all);
    expect(await paging.textContent('#panel-body section.quotes h3')).toBe(`Quotes (${all.length})`);
    expect(await paging.locator('#panel-body section.quotes p.error').count()).toBe(0);
    expect(await paging.locator('#panel-body script, #panel-body iframe, #panel-body img').count()).toBe(0);
    await shot('02c-quotes-paged', paging);
    // The offline step's failed requests are the only errors allowed.
    expect(pagingErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await own.close();
  });

  it('expands the neighbours and collapses them again', async () => {
    const before = await probe();
    await page.click('#panel-expand');
    await page.waitForFunction(
      (key) => new URL(location.href).searchParams.getAll('expand').includes(key),
      kuleba,
    );
    const after = await probe();
    expect(after.expanded).toEqual([kuleba]);
    expect(after.order).toBeGreaterThan(before.order);
    expect(await page.textContent('#panel-expand')).toBe('Collapse neighbours');
    await page.waitForFunction(() => !window.speakergraph?.layoutRunning, null, { timeout: 60_000 });
    await shot('03-expanded');
    await page.click('#panel-expand');
    await expect.poll(async () => (await probe()).order).toBe(before.order);
    // Expand again: this is the state shared later.
    await page.click('#panel-expand');
    await expect.poll(async () => (await probe()).order).toBe(after.order);
  });

  it('filters a node type away from the legend, and back/forward restore it', async () => {
    const before = await probe();
    const quotes = before.types['Quote']?.total ?? 0;
    expect(quotes).toBeGreaterThan(0);
    await page.click('[data-type="Quote"]');
    expect(await page.getAttribute('[data-type="Quote"]', 'aria-pressed')).toBe('false');
    await expect.poll(async () => (await probe()).types['Quote']?.visible).toBe(0);
    expect((await probe()).visible).toBe(before.visible - quotes);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('Quote');
    await shot('04-filtered');
    await page.goBack();
    await expect.poll(async () => (await probe()).types['Quote']?.visible).toBe(quotes);
    expect(await page.getAttribute('[data-type="Quote"]', 'aria-pressed')).toBe('true');
    await page.goForward();
    await expect.poll(async () => (await probe()).types['Quote']?.visible).toBe(0);
  });

  it('runs a saved Cypher query from the console and marks its nodes', async () => {
    await page.click('#console-toggle');
    const saved = page.locator('#saved-queries button[data-query="contested-quotes"]');
    await saved.waitFor();
    await saved.click();
    await page.waitForSelector('#cypher-results table.results tbody tr');
    const expected = await count('MATCH ()-[:SAID {contested: true}]->(q:Quote) RETURN count(DISTINCT q)');
    expect(expected).toBeGreaterThan(0);
    expect(await page.locator('#cypher-results tbody tr').count()).toBe(expected);
    expect(await page.textContent('#cypher-status')).toMatch(new RegExp(`^${expected} rows?`));
    // A query with graph values draws them: typed and run with Ctrl+Enter.
    await page.fill('#cypher-input', 'MATCH (p:Person)-[r:HOLDS_OFFICE]->(c) RETURN p, r, c LIMIT 3');
    await page.press('#cypher-input', 'Control+Enter');
    await expect.poll(() => page.textContent('#cypher-status')).toMatch(/nodes? drawn/);
    await shot('05-console');
    await page.click('#console-close');
  });

  it('exports the current view (GraphML through the API) and a PNG snapshot', async () => {
    const { visible } = await probe();
    await page.click('#export-toggle');
    await page.selectOption('#export-format', 'graphml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-view')]);
    expect(download.suggestedFilename()).toMatch(/\.graphml$/);
    const xml = readFileSync((await download.path()) ?? '', 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml.match(/<node /g)?.length).toBe(visible);
    await page.click('#export-toggle');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = readFileSync((await png.path()) ?? '');
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });

  it('reopens the same view from a shared URL: node, filters, expansion, camera and layout', async () => {
    await page.waitForFunction(() => !window.speakergraph?.layoutRunning, null, { timeout: 60_000 });
    await page.waitForTimeout(500); // the camera is written to the URL after it settles
    sharedUrl = page.url();
    const params = new URL(sharedUrl).searchParams;
    expect(params.get('node')).toBe(kuleba);
    expect(params.getAll('expand')).toEqual([kuleba]);
    expect(params.get('hide')).toBe('Quote');
    expect(params.get('cam')).toMatch(/^-?[\d.]+,-?[\d.]+,[\d.]+$/);

    const other = await context.newPage();
    const otherErrors = watchErrors(other);
    await other.goto(sharedUrl);
    await waitReady(other);
    await expect.poll(() => other.textContent('#panel-title')).toBe('Dmytro Kuleba');
    const a = await probe(other);
    expect(a.expanded).toEqual([kuleba]);
    expect(a.types['Quote']?.visible).toBe(0);
    const [x, y, ratio] = (params.get('cam') ?? '').split(',').map(Number);
    expect(a.camera.x).toBeCloseTo(x ?? NaN, 3);
    expect(a.camera.y).toBeCloseTo(y ?? NaN, 3);
    expect(a.camera.ratio).toBeCloseTo(ratio ?? NaN, 3);
    await shot('06-shared-url', other);

    // The same URL lays the graph out the same way again.
    await other.reload();
    await waitReady(other);
    const b = await probe(other);
    expect(Object.keys(b.positions).sort()).toEqual(Object.keys(a.positions).sort());
    for (const [k, [px, py]] of Object.entries(a.positions)) {
      expect(b.positions[k]?.[0]).toBeCloseTo(px, 3);
      expect(b.positions[k]?.[1]).toBeCloseTo(py, 3);
    }
    expect(otherErrors).toEqual([]);
    await other.close();
  });

  it('closes the panel with Escape and stays readable on a narrow window', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.isVisible('#panel')).toBe(false);
    expect(new URL(page.url()).searchParams.get('node')).toBeNull();
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 420, height: 820 });
    await narrow.goto(sharedUrl);
    await waitReady(narrow);
    // Nothing overflows sideways; the sidebar is behind its toggle; the panel is a bottom sheet.
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    expect(await narrow.isVisible('#sidebar-toggle')).toBe(true);
    const panel = await narrow.locator('#panel').boundingBox();
    expect(panel?.width).toBeLessThanOrEqual(420);
    await shot('07-narrow', narrow);
    await narrow.click('#sidebar-toggle');
    await expect.poll(async () => (await narrow.locator('#sidebar').boundingBox())?.x).toBe(0);
    await shot('08-narrow-sidebar', narrow);
    await narrow.close();
  });
});
