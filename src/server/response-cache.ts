/**
 * A bounded cache of serialized API answers, valid only for the graph version they were computed at.
 *
 * The graph version is the bookmark of a trivial read transaction: Neo4j hands back the id of the
 * database's last committed transaction, so any commit (an ingest, a test fixture, another client) changes
 * it and nothing else does. A request asks for a version probe that STARTS after it arrived (probes are
 * shared: at most one is in flight, and late arrivals wait for the next one), so a cached answer is never
 * older than a commit the request could have seen. An answer is stored under the version probed before its
 * query ran: if a write lands in between, the entry is newer than its label and simply never matches again.
 *
 * Entries are whole JSON bodies with their strong ETag (and, once a client accepting gzip asked, the body
 * gzipped, so hits are not compressed again each time), least recently used first out, bounded in bytes.
 * A maximum of 0 turns the cache off (every request then runs its query; no version probe either).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
}

interface Entry {
  version: string;
  body: Buffer;
  etag: string;
  /** The body gzipped, made on the first hit that accepts gzip (a browser always does). */
  gzip?: Buffer;
}

/** An answer already serialized by whoever computed it: sent as it is, not through JSON.stringify. */
export interface JsonBody {
  readonly jsonBody: Buffer;
}

export const jsonBody = (body: Buffer): JsonBody => ({ jsonBody: body });

function isJsonBody(value: unknown): value is JsonBody {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as Partial<JsonBody>).jsonBody);
}

function serialize(value: unknown): Buffer {
  return isJsonBody(value) ? value.jsonBody : Buffer.from(JSON.stringify(value));
}

/** The compression middleware's threshold: smaller answers go out as they are. */
const GZIP_THRESHOLD = 1024;
/** Larger answers are not gzipped synchronously for the cache. */
const GZIP_KEPT_MAX = 512 * 1024;

/** Coalesced version probes: each caller gets the result of a probe started after its call. */
export class VersionProbe {
  private inflight: Promise<string> | undefined;
  private queued: Promise<string> | undefined;

  constructor(private readonly probe: () => Promise<string>) {}

  current(): Promise<string> {
    if (this.inflight === undefined) return this.start();
    // The running probe may have started before this call: wait for the next one.
    this.queued ??= this.inflight
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<string> {
    const p = this.probe();
    this.inflight = p;
    const clear = () => {
      if (this.inflight === p) this.inflight = undefined;
    };
    p.then(clear, clear);
    return p;
  }
}

/**
 * Express's weak ETag format (length and SHA-1 of the body), computed once per cached body. Weak,
 * because the same validator goes with the identity, gzip and br encodings of one answer (a strong
 * one would promise byte equality across them).
 */
export function weakEtag(body: Buffer): string {
  return `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;
}

/** What an entry costs besides its bodies: the entry object, its ETag and the map slot (estimated). */
const ENTRY_OVERHEAD_BYTES = 200;

function entryBytes(key: string, entry: Entry): number {
  return entry.body.length + (entry.gzip?.length ?? 0) + Buffer.byteLength(key) + ENTRY_OVERHEAD_BYTES;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private lastVersion: string | undefined;
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get(key: string, version: string): Entry | undefined {
    this.observe(version);
    const entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version) {
      this.misses++;
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry;
  }

  set(key: string, version: string, body: Buffer): Entry {
    const entry: Entry = { version, body, etag: weakEtag(body) };
    // One answer may not take more than an eighth of the cache; it is still served, just not kept.
    if (!this.enabled || body.length > this.maxBytes / 8 || version !== this.lastVersion) return entry;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entryBytes(key, entry);
    this.evict();
    return entry;
  }

  private evict(): void {
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  /** The entry's gzipped body, compressed once and counted in the cache's bytes while the entry is kept. */
  gzipped(key: string, entry: Entry): Buffer {
    if (entry.gzip === undefined) {
      entry.gzip = gzipSync(entry.body);
      if (this.entries.get(key) === entry) {
        this.bytes += entry.gzip.length;
        this.evict();
      }
    }
    return entry.gzip;
  }

  stats(): CacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
    };
  }

  /** A new version makes every entry dead: drop them at once rather than waiting for eviction. */
  private observe(version: string): void {
    if (version === this.lastVersion) return;
    this.entries.clear();
    this.bytes = 0;
    this.lastVersion = version;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.bytes -= entryBytes(key, old);
  }
}

function sendBody(res: Response, entry: Entry, cache: 'hit' | 'miss', gzip?: Buffer): void {
  res.set('Content-Type', 'application/json; charset=utf-8');
  // One weak ETag for every encoding, as the compression middleware leaves it on what it compresses.
  res.set('ETag', entry.etag);
  res.set('X-Cache', cache);
  if (gzip !== undefined) {
    // Already encoded: the compression middleware passes it through.
    res.set('Content-Encoding', 'gzip');
    res.vary('Accept-Encoding');
  }
  // res.send answers 304 itself when If-None-Match matches the ETag set above.
  res.send(gzip ?? entry.body);
}

/**
 * A GET handler whose JSON answer (status 200) is cached per URL and graph version. `prepare` validates
 * the request (throwing answers 4xx before anything touches Neo4j) and returns the read that makes the
 * body (a value, or a JsonBody already serialized), given the graph version probed for this request (undefined when the cache is off, unless
 * `versioned`: a read that keeps version-tied state of its own needs it either way); anything either
 * throws goes to the error handler as usual and is not cached.
 */
export function cachedJson(
  cache: ResponseCache,
  versions: VersionProbe,
  prepare: (req: Request, res: Response) => (version: string | undefined) => Promise<unknown>,
  versioned = false,
): RequestHandler {
  return async (req, res) => {
    const read = prepare(req, res);
    if (!cache.enabled) {
      const version = versioned ? await versions.current() : undefined;
      const body = serialize(await read(version));
      res.set('X-Cache', 'off');
      res.set('Content-Type', 'application/json; charset=utf-8');
      // res.send adds the ETag (and answers 304) as res.json would.
      res.send(body);
      return;
    }
    const key = req.originalUrl;
    const version = await versions.current();
    const hit = cache.get(key, version);
    if (hit !== undefined) {
      // The kept gzip copy when gzip is what the client prefers; otherwise (br, or a body too large
      // to compress on the event loop) the compression middleware encodes it, in its own stream.
      const gzip =
        hit.body.length >= GZIP_THRESHOLD &&
        hit.body.length <= GZIP_KEPT_MAX &&
        req.acceptsEncodings('br', 'gzip') === 'gzip';
      sendBody(res, hit, 'hit', gzip ? cache.gzipped(key, hit) : undefined);
      return;
    }
    const body = serialize(await read(version));
    sendBody(res, cache.set(key, version, body), 'miss');
  };
}
