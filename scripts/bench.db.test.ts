/**
 * Keeps `npm run bench` working: its quick mode runs every part on the sample corpus against the test
 * Neo4j. It checks that each figure was produced and is consistent, never how fast anything was.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../test/run-cli.js';

describe('speakergraph bench --quick', () => {
  it('measures every part on the sample corpus and writes the figures as JSON', async () => {
    const conn = inject('neo4j');
    const out = join(mkdtempSync(join(tmpdir(), 'sg-bench-')), 'results.json');
    const r = await runCli(['bench', '--quick', '--allow-wipe', '--json', out], {
      ...process.env,
      NEO4J_URI: conn.uri,
      NEO4J_USER: conn.user,
      NEO4J_PASSWORD: conn.password,
    });
    expect(r.stderr).not.toMatch(/^bench: /m);
    expect(r.code).toBe(0);
    for (const label of [
      'extract, 1 worker',
      'resolve growth',
      'ingest, batched',
      'api search',
      'export gexf',
      'viewer sample corpus',
    ]) {
      expect(r.stdout).toContain(label);
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.quick).toBe(true);
    expect(report.corpus.articles).toBe(5);
    expect(report.extraction.quotes).toBeGreaterThan(0);
    expect(report.extraction.oneWorkerMBps).toBeGreaterThan(0);
    expect(report.resolution.points.map((p: { size: number }) => p.size)).toEqual([1, 2, 5]);
    const rows = report.ingest.nodes + report.ingest.relationships;
    expect(rows).toBeGreaterThan(100);
    expect(report.ingest.naiveRows).toBe(rows);
    for (const ep of report.api.endpoints) {
      expect(ep.requests).toBeGreaterThan(0);
      expect(ep.non2xx).toBe(0);
    }
    // Every export carried the whole ingested graph.
    for (const x of report.export) {
      expect(x.result.nodes).toBe(report.ingest.nodes);
      expect(x.result.edges).toBe(report.ingest.relationships);
    }
    expect(report.viewer[0]).toMatchObject({ graph: 'sample corpus', nodes: report.ingest.nodes });
    expect(report.viewer[1]).toMatchObject({ nodes: 1000, edges: 3000 });
    // Builds the viewer, starts servers and a browser: minutes on a loaded 2-core machine.
  }, 600_000);
});
