import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { ResponseCache, VersionProbe, cachedJson, jsonBody, weakEtag } from './response-cache.js';

describe('ResponseCache', () => {
  const body = (n: number, c = 'x') => Buffer.from(c.repeat(n));

  it('returns an entry only for the version it was stored at, and drops everything on a new version', () => {
    const cache = new ResponseCache(10_000);
    expect(cache.get('/a', 'v1')).toBeUndefined();
    cache.set('/a', 'v1', body(10));
    expect(cache.get('/a', 'v1')?.body.toString()).toBe('x'.repeat(10));
    expect(cache.get('/a', 'v2')).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
    // An answer computed at an older version than the newest seen is not kept.
    cache.set('/b', 'v1', body(10));
    expect(cache.get('/b', 'v2')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 1, misses: 3 });
  });

  it('stays within its byte bound, least recently used out first; oversized answers are not kept', () => {
    // Each entry costs its body, its key and about 200 bytes of bookkeeping: 8 of these fit.
    const cache = new ResponseCache(3_000);
    cache.get('/', 'v');
    for (const k of ['/1', '/2', '/3', '/4', '/5']) cache.set(k, 'v', body(150));
    cache.get('/1', 'v'); // now the most recently used
    for (const k of ['/6', '/7', '/8', '/9', '/10', '/11']) cache.set(k, 'v', body(150));
    expect(cache.stats().bytes).toBeLessThanOrEqual(3_000);
    expect(cache.stats().entries).toBe(8);
    expect(cache.get('/1', 'v')).toBeDefined();
    expect(cache.get('/2', 'v')).toBeUndefined();
    cache.set('/big', 'v', body(400)); // more than an eighth of the bound
    expect(cache.get('/big', 'v')).toBeUndefined();
  });

  it('off at 0 bytes', () => {
    const cache = new ResponseCache(0);
    expect(cache.enabled).toBe(false);
    cache.get('/a', 'v');
    cache.set('/a', 'v', body(1));
    expect(cache.get('/a', 'v')).toBeUndefined();
  });

  it('ETags in the weak format Express uses (one validator for every content encoding)', () => {
    expect(weakEtag(Buffer.from('hello'))).toBe('W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"');
  });
});

describe('VersionProbe', () => {
  it('gives each caller a probe started after its call, with at most one probe in flight', async () => {
    let started = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const probe = new VersionProbe(async () => {
      const n = ++started;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return `v${n}`;
    });
    const first = probe.current();
    const joined = await Promise.all([probe.current(), probe.current(), probe.current()]);
    expect(await first).toBe('v1');
    // Callers that arrived while probe 1 ran share probe 2, which started after they called.
    expect(joined).toEqual(['v2', 'v2', 'v2']);
    expect(await probe.current()).toBe('v3');
    expect(maxInFlight).toBe(1);
  });

  it('a failed probe fails its callers only', async () => {
    let n = 0;
    const probe = new VersionProbe(async () => {
      n++;
      if (n === 1) throw new Error('down');
      return `v${n}`;
    });
    const failed = probe.current();
    const next = probe.current();
    await expect(failed).rejects.toThrow('down');
    expect(await next).toBe('v2');
  });
});

describe('cachedJson over HTTP', () => {
  // A pre-serialized answer (with spacing JSON.stringify would not make) must reach the client byte for byte.
  const raw = Buffer.from('{"nodes": [ "caf\u00e9", "<b>x</b>" ]}');
  const serve = async (cacheBytes: number) => {
    const app = express();
    app.set('etag', 'weak');
    const cache = new ResponseCache(cacheBytes);
    const versions = new VersionProbe(async () => 'v1');
    app.get('/raw', cachedJson(cache, versions, () => async () => jsonBody(raw)));
    app.get('/value', cachedJson(cache, versions, () => async () => ({ a: 1 })));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, close: () => new Promise((r) => server.close(r)) };
  };

  for (const [mode, bytes] of [
    ['off', 0],
    ['on', 1_000_000],
  ] as const) {
    it(`sends a JsonBody as it is and a value as JSON, with an ETag that answers 304 (cache ${mode})`, async () => {
      const { url, close } = await serve(bytes);
      try {
        for (let i = 0; i < 2; i++) {
          const res = await fetch(`${url}/raw`);
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
          expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBe(true);
          expect(res.headers.get('x-cache')).toBe(mode === 'off' ? 'off' : i === 0 ? 'miss' : 'hit');
          const etag = res.headers.get('etag');
          expect(etag).toBe(weakEtag(raw));
          // As a browser revalidates (Node's fetch marks a bare conditional request no-cache, which is never fresh).
          const revalidate = { 'If-None-Match': etag as string, 'Cache-Control': 'max-age=0' };
          expect((await fetch(`${url}/raw`, { headers: revalidate })).status).toBe(304);
        }
        expect(await (await fetch(`${url}/value`)).json()).toEqual({ a: 1 });
      } finally {
        await close();
      }
    });
  }
});
