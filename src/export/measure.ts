/**
 * Measuring an export: wall time and the process's peak resident memory (RSS), sampled every few
 * milliseconds while the export runs. Run one measurement per fresh process (scripts/bench-export.ts
 * does), since RSS never shrinks much once the heap has grown.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Driver } from 'neo4j-driver';
import { openNeo4jExport, type ExportSelector } from '../store/export-reads.js';
import { writeCsvFolder, writeExport, type ExportFormat, type ExportStats } from './index.js';

export interface Measurement<T> {
  result: T;
  ms: number;
  startRssMiB: number;
  peakRssMiB: number;
}

const MiB = 1024 * 1024;

export async function measure<T>(run: () => Promise<T>, sampleEveryMs = 10): Promise<Measurement<T>> {
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, sampleEveryMs);
  const started = performance.now();
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      result,
      ms: Math.round(performance.now() - started),
      startRssMiB: Math.round((startRss / MiB) * 10) / 10,
      peakRssMiB: Math.round((peak / MiB) * 10) / 10,
    };
  } finally {
    clearInterval(timer);
  }
}

export interface ExportBenchmark extends Measurement<ExportStats> {
  format: ExportFormat;
}

/** One export of `format` from Neo4j into `outPath` (csv: a zip when it ends in .zip, else a folder), measured. */
export async function benchmarkExport(
  driver: Driver,
  format: ExportFormat,
  outPath: string,
  options: { selector?: ExportSelector; database?: string; pageSize?: number } = {},
): Promise<ExportBenchmark> {
  const m = await measure(async () => {
    const source = await openNeo4jExport(driver, options.selector ?? {}, {
      database: options.database,
      pageSize: options.pageSize,
    });
    if (format === 'csv' && !outPath.endsWith('.zip')) return writeCsvFolder(source, outPath);
    const file = createWriteStream(outPath);
    const done = finished(file);
    const stats = await writeExport(format, source, file);
    await done;
    return stats;
  });
  return { format, ...m };
}
