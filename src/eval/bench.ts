/**
 * Throughput of the per-article pipeline (extractDocument) on a JSON Lines corpus, in MB of text per
 * second of CPU time on one core. Run: npx tsx src/eval/bench.ts [articles.jsonl] [rounds]
 * Default corpus: ../shared/corpus/bbc-news-2225/articles.jsonl next to the project.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { extractDocument } from '../extract/index.js';

const file =
  process.argv[2] ?? resolve(PROJECT_ROOT, '..', 'shared', 'corpus', 'bbc-news-2225', 'articles.jsonl');
const rounds = Number(process.argv[3] ?? 3);
const articles = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; text: string });
const megabytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;

for (let round = 1; round <= rounds; round++) {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  let quotes = 0;
  for (const a of articles) quotes += extractDocument({ id: a.id, text: a.text }).quotes.length;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  process.stdout.write(
    `round ${round}: ${articles.length} articles, ${megabytes.toFixed(2)} MB, ${quotes} quotes, ` +
      `${(megabytes / cpuSeconds).toFixed(2)} MB/s per core (cpu ${cpuSeconds.toFixed(2)} s, wall ${wallSeconds.toFixed(2)} s)\n`,
  );
}
