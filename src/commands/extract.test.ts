import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';

interface Exported {
  options: { type: string; multi: boolean };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes: Record<string, unknown> }[];
}

const GOOD = 'Chilean Finance Minister Marisol Quenta met reporters in Santiago on Monday.\n\n"We are ready," Quenta said.\n';

describe('speakergraph extract (real CLI)', () => {
  it('extracts the sample articles into a graph that honours the output contract', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sg-extract-')), 'graph.json');
    const res = await runCli(['extract', 'graph/articles', '--out', out, '--log-level', 'silent']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as Exported;
    expect(graph.options.type).toBe('directed');
    const types = new Set(graph.nodes.map((n) => n.attributes['type']));
    for (const t of ['Person', 'Country', 'Place', 'Organization', 'Event', 'Quote', 'Article']) expect(types).toContain(t);
    const ids = readdirSync('graph/articles').map((f) => f.replace(/\.txt$/, '')).sort();
    const articles = graph.nodes.filter((n) => n.attributes['type'] === 'Article');
    expect(articles.map((n) => n.attributes['articleId']).sort()).toEqual(ids);
    for (const n of graph.nodes) {
      const a = n.attributes;
      expect(typeof a['name']).toBe('string');
      if (a['type'] === 'Person') expect(Array.isArray(a['aliases'])).toBe(true);
      if (a['type'] === 'Quote') {
        expect(typeof a['text']).toBe('string');
        const mentions = a['mentions'] as { article: string; start: number; end: number }[];
        expect(mentions.length).toBeGreaterThan(0);
        // Offsets point into the text exactly as read.
        const m = mentions[0]!;
        const text = readFileSync(join('graph/articles', `${m.article}.txt`), 'utf8');
        expect(text.slice(m.start, m.end).length).toBe(m.end - m.start);
        expect(m.end).toBeLessThanOrEqual(text.length);
      }
    }
    for (const e of graph.edges) {
      expect(typeof e.attributes['type']).toBe('string');
      expect((e.attributes['articles'] as string[]).length).toBeGreaterThan(0);
    }
    const said = graph.edges.filter((e) => e.attributes['type'] === 'SAID');
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((e) => typeof e.attributes['contested'] === 'boolean')).toBe(true);
  });

  it('reports empty, binary, non-UTF-8 and malformed JSONL input by name, keeps the rest, exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-bad-'));
    writeFileSync(join(dir, 'good.txt'), GOOD);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('Caf\xe9 news from Santiago.', 'latin1'));
    writeFileSync(
      join(dir, 'feed.jsonl'),
      Buffer.concat([
        Buffer.from(`${JSON.stringify({ id: 'j1', text: GOOD, title: 'Quenta ready' })}\n`),
        Buffer.from('{"id": "j2", "text": \n'),
        Buffer.from('{"id": "j3", "text": "caf\xe9"}\n', 'latin1'),
        Buffer.from(`${JSON.stringify({ id: 'j4' })}\n`),
      ]),
    );
    const out = join(dir, 'graph.json');
    const res = await runCli(['extract', dir, '--out', out, '--log-level', 'silent']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/empty\.txt: empty file/);
    expect(res.stderr).toMatch(/binary\.txt: binary file/);
    expect(res.stderr).toMatch(/latin1\.md: not valid UTF-8/);
    expect(res.stderr).toMatch(/feed\.jsonl:2: malformed JSON/);
    expect(res.stderr).toMatch(/feed\.jsonl:3: not valid UTF-8/);
    expect(res.stderr).toMatch(/feed\.jsonl:4: invalid article record: text/);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as Exported;
    const ids = graph.nodes.filter((n) => n.attributes['type'] === 'Article').map((n) => n.attributes['articleId']);
    expect(ids.sort()).toEqual(['good', 'j1']);
    expect(graph.nodes.find((n) => n.attributes['type'] === 'Article' && n.attributes['articleId'] === 'j1')?.attributes['title']).toBe(
      'Quenta ready',
    );
  });

  it('fails with a clear message and no output when nothing is readable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-none-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const res = await runCli(['extract', join(dir, 'empty.txt'), join(dir, 'missing.txt')]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/missing\.txt: no such file/);
    expect(res.stderr).toMatch(/no readable articles/);
  });

  it('gives the same graph on worker threads as on the main thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-workers-'));
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `w${i}`, text: GOOD.replace('Monday', `Monday ${i}`) }));
    writeFileSync(join(dir, 'in.ndjson'), `${lines.join('\n')}\n`);
    const [single, multi] = await Promise.all([
      runCli(['extract', join(dir, 'in.ndjson'), '--workers', '0', '--log-level', 'silent']),
      runCli(['extract', join(dir, 'in.ndjson'), '--workers', '2', '--log-level', 'silent']),
    ]);
    expect(single.code).toBe(0);
    expect(multi.code).toBe(0);
    expect(multi.stdout).toBe(single.stdout);
    expect((JSON.parse(single.stdout) as Exported).nodes.length).toBeGreaterThan(6);
  });
});
