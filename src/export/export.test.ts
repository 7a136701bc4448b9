import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cypherNumber, cypherString, splitCypherStatements, writeCypher } from './cypher.js';
import { graphologySource } from './graphology-source.js';
import { writeCsvFolder, writeExport, type ExportFormat } from './index.js';
import { attributeName, propertyName } from './model.js';
import { stringSink } from './sink.js';
import { MULTILINE_QUOTE, NASTY_NAME, fixtureGraph } from './test-support/fixture.js';
import {
  canonFromCsvFolder,
  canonFromCsvZip,
  canonFromGexf,
  canonFromGraphml,
  canonFromJson,
  canonFromSource,
} from './test-support/read-back.js';
import { escapeXmlAttribute, xmlSafe } from './xml.js';

async function exportToBuffer(format: ExportFormat): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (d: Buffer) => parts.push(d));
  await writeExport(format, graphologySource(fixtureGraph()), out);
  return Buffer.concat(parts);
}

describe('export writers round-trip the fixture graph', () => {
  const source = () => graphologySource(fixtureGraph());

  it('JSON: graphology reads back the same nodes, edges, types and native values', async () => {
    const text = (await exportToBuffer('json')).toString('utf8');
    const back = canonFromJson(text);
    expect(back).toEqual(await canonFromSource(source(), 'native'));
    expect(back.nodes['person:cagri']?.properties.name).toBe(NASTY_NAME);
    expect(back.edges['said:2']?.properties.source).toBe('Reuters');
    expect(Object.keys(back.edges)).toHaveLength(8);
  });

  it('GEXF: graphology-gexf reads back the same graph, lists as JSON text', async () => {
    const xml = (await exportToBuffer('gexf')).toString('utf8');
    expect(xml).toContain('<attribute id="_source" title="_source" type="string"/>');
    const back = canonFromGexf(xml);
    expect(back).toEqual(await canonFromSource(source(), 'flat'));
    expect(back.nodes['quote:q1']?.properties.text).toBe(MULTILINE_QUOTE);
    expect(back.edges['men:2']?.properties.count).toBe(4000000000);
    expect(back.edges['said:1']?.properties.contested).toBe(true);
  });

  it('GraphML: graphology-graphml reads back the same graph, lists as JSON text', async () => {
    const xml = (await exportToBuffer('graphml')).toString('utf8');
    expect(xml).toMatch(/attr\.name="count" attr\.type="long"/);
    const back = canonFromGraphml(xml);
    expect(back).toEqual(await canonFromSource(source(), 'flat'));
    expect(JSON.parse(String(back.nodes['person:cagri']?.properties.aliases))).toEqual(['Çağrı', "O'Neil", 'a, b | c']);
  });

  it('CSV zip and folder: one header, every property a column, cells per the documented rule', async () => {
    const expected = await canonFromSource(source(), 'text');
    const zipped = await exportToBuffer('csv');
    expect(zipped.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await canonFromCsvZip(zipped)).toEqual(expected);

    const dir = await mkdtemp(join(tmpdir(), 'sg-csv-'));
    try {
      await writeCsvFolder(source(), dir);
      expect(await canonFromCsvFolder(dir)).toEqual(expected);
      const header = (await readFile(join(dir, 'edges.csv'), 'utf8')).split('\n')[0];
      expect(header).toBe('id,type,source,target,_source,articles,contested,count,spans,title');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Cypher: constraints first, one statement per line, values as escaped literals', async () => {
    const sink = stringSink();
    const stats = await writeCypher(source(), sink);
    expect(stats).toEqual({ nodes: 6, edges: 8 });
    const statements = splitCypherStatements(sink.text());
    expect(statements[0]).toMatch(/^CREATE CONSTRAINT IF NOT EXISTS FOR \(n:`Article`\) REQUIRE n\.id IS UNIQUE$/);
    const firstMerge = statements.findIndex((s) => s.startsWith('UNWIND'));
    expect(statements.slice(0, firstMerge).every((s) => s.startsWith('CREATE CONSTRAINT'))).toBe(true);
    expect(statements.slice(firstMerge).every((s) => s.startsWith('UNWIND ['))).toBe(true);
    expect(sink.text()).toContain(cypherString(NASTY_NAME));
  });
});

describe('escaping', () => {
  it('Cypher strings escape quotes, backslashes, control characters and lone surrogates only', () => {
    expect(cypherString(`a'b"c\\d\ne\tf`)).toBe(`'a\\'b"c\\\\d\\ne\\tf'`);
    expect(cypherString('Çağrı Зеленський 🎉')).toBe("'Çağrı Зеленський 🎉'");
    expect(cypherString('\u0000\u2028\uD800x')).toBe("'\\u0000\\u2028\\uD800x'");
  });

  it('Cypher numbers are integer or float literals', () => {
    expect(cypherNumber(3)).toBe('3');
    expect(cypherNumber(0.5)).toBe('0.5');
    expect(cypherNumber(1e21)).toBe('1e21');
    expect(cypherNumber(2 ** 60)).toBe('1152921504606847000.0');
    expect(cypherNumber(NaN)).toBe('0.0/0.0');
    expect(cypherNumber(-Infinity)).toBe('-1.0/0.0');
  });

  it('XML: characters XML cannot carry become U+FFFD; newlines in attributes are references', () => {
    expect(xmlSafe('a\u0001b\uFFFEc')).toBe('a\uFFFDb\uFFFDc');
    expect(escapeXmlAttribute('"<a>&\n')).toBe('&quot;&lt;a&gt;&amp;&#10;');
  });

  it('attribute names: reserved names and leading underscores round-trip', () => {
    for (const name of ['type', 'id', 'source', 'target', '_x', '__y', 'name']) {
      expect(propertyName(attributeName(name))).toBe(name);
    }
    expect(attributeName('type')).toBe('_type');
    expect(attributeName('name')).toBe('name');
  });
});

describe('streamSink', () => {
  it('waits for drain without leaving listeners behind', async () => {
    const { Writable } = await import('node:stream');
    const { streamSink } = await import('./sink.js');
    let written = 0;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, cb) {
        written += chunk.length;
        setImmediate(cb);
      },
    });
    const sink = streamSink(slow);
    for (let i = 0; i < 50; i++) await sink.write('x'.repeat(70_000));
    await sink.flush();
    expect(written).toBe(50 * 70_000);
    expect(slow.listenerCount('close')).toBe(0);
    expect(slow.listenerCount('drain')).toBe(0);
  });
});
