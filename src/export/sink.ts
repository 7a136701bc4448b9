/**
 * Text output with backpressure: writers await each write, so a slow consumer (an HTTP client, a pipe)
 * slows the Neo4j reads down instead of letting output pile up in memory. Small strings are gathered
 * into chunks of about 64 KiB first, which keeps the number of stream writes low.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface TextSink {
  write(text: string): Promise<void>;
  /** Writes what is buffered (does not end the underlying stream). */
  flush(): Promise<void>;
}

const CHUNK = 64 * 1024;

export function streamSink(stream: Writable): TextSink {
  let buffer: string[] = [];
  let size = 0;
  const push = async (): Promise<void> => {
    if (size === 0) return;
    const text = buffer.join('');
    buffer = [];
    size = 0;
    if (stream.destroyed) throw new Error('output closed before the export finished');
    if (!stream.write(text)) {
      // 'close' as well as 'drain': a client that went away must not leave the export waiting forever.
      // The abort removes the loser's listener (otherwise every wait would leave one behind).
      const ac = new AbortController();
      await Promise.race([once(stream, 'drain', { signal: ac.signal }), once(stream, 'close', { signal: ac.signal })]);
      ac.abort();
      if (stream.destroyed) throw new Error('output closed before the export finished');
    }
  };
  return {
    async write(text: string): Promise<void> {
      buffer.push(text);
      size += text.length;
      if (size >= CHUNK) await push();
    },
    flush: push,
  };
}

/** Collects everything in memory: for tests and small in-process exports. */
export function stringSink(): TextSink & { text(): string } {
  const parts: string[] = [];
  return {
    write: async (t: string) => {
      parts.push(t);
    },
    flush: async () => undefined,
    text: () => parts.join(''),
  };
}
