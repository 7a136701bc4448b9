/** Test support: the real app on an ephemeral loopback port, against the real test Neo4j. */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createApp, type AppDeps } from '../src/server/app.js';
import { listen, type RunningServer } from '../src/server/listen.js';

export const TEST_LIMITS: AppDeps['config'] = {
  cypherTimeoutMs: 2_000,
  cypherMaxRows: 20,
  cypherMaxLength: 10_000,
  rateLimitCypherPerMinute: 0,
  rateLimitSearchPerMinute: 0,
};

/** A stand-in for web/dist: an index.html and one hashed asset. */
export function fakeViewerDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'speakergraph-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>speakergraph</title><script type="module" src="/assets/app-1a2b3c.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js'), `console.log(${JSON.stringify('x'.repeat(2000))});\n`);
  return dir;
}

export async function startTestServer(
  driver: Driver,
  limits: Partial<AppDeps['config']> = {},
  webDist = fakeViewerDist(),
): Promise<RunningServer> {
  const app = createApp({
    driver,
    config: { ...TEST_LIMITS, ...limits },
    log: createLogger('silent'),
    webDist,
    projectRoot: PROJECT_ROOT,
  });
  return listen(app, '127.0.0.1', 0);
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function getJson<T = unknown>(base: string, path: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path}: not JSON (status ${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

export function postCypher<T = unknown>(base: string, body: unknown): Promise<JsonResponse<T>> {
  return getJson<T>(base, '/api/cypher', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * A GET through node:http, for conditional requests: fetch() adds `Cache-Control: no-cache` whenever
 * If-None-Match is set, which makes every server answer 200 instead of 304.
 */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
