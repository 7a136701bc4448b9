/** Debian's Chromium driven by playwright-core (no downloaded browsers), and the viewer's test build. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../src/config.js';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-output', 'screenshots');

/**
 * `--disable-gpu` (the tests' default) makes Chromium run WebGL on the page's main thread in software;
 * `swiftshader` keeps software rendering but in the GPU process (ANGLE over SwiftShader, no GPU needed),
 * which is how a browser on a machine with any GPU behaves: the benchmarks report both.
 */
export function launchChromium(gl: 'disable-gpu' | 'swiftshader' = 'disable-gpu'): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      ...(gl === 'disable-gpu' ? ['--disable-gpu'] : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader']),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Builds the viewer with Vite into a fresh temporary directory (never touching web/dist). */
export async function buildViewer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'speakergraph-viewer-'));
  await build({
    configFile: join(PROJECT_ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

/** Collects page errors and console errors (WebGL driver chatter excluded), to assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('GL Driver')) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Waits until the viewer has loaded its graph and finished the automatic layout. */
export async function waitReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['ready'] !== undefined, null, { timeout });
  const state = await page.evaluate(() => document.documentElement.dataset['ready']);
  if (state !== 'true') {
    const status = await page.textContent('#status');
    throw new Error(`the viewer failed to load: ${status ?? '?'}`);
  }
}
