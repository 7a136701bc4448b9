/**
 * Test support: reads every export format back into one canonical shape, so round-trip tests compare
 * like with like. Uses the parsers a user would: graphology-gexf, graphology-graphml, JSON.parse,
 * csv-parse and yauzl.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Attributes, SerializedGraph } from 'graphology-types';
import { parse as parseCsv } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { flatValue, propertyName, type GraphSource, type PropertyValue, type Scalar } from '../model.js';

export type CanonValue = PropertyValue;
export interface CanonNode {
  type: string;
  properties: Record<string, CanonValue>;
}
export interface CanonEdge extends CanonNode {
  source: string;
  target: string;
}
export interface Canon {
  nodes: Record<string, CanonNode>;
  edges: Record<string, CanonEdge>;
}

/** How values look after a format: native (JSON, Cypher), flat (GEXF, GraphML), text (CSV cells). */
export type ValueMode = 'native' | 'flat' | 'text';

export function modeValue(value: PropertyValue, mode: ValueMode): CanonValue {
  if (mode === 'native') return value;
  const flat = flatValue(value);
  if (mode === 'flat') return flat;
  return typeof flat === 'string' ? flat : JSON.stringify(flat);
}

function mapProps(props: Record<string, PropertyValue>, mode: ValueMode): Record<string, CanonValue> {
  const out: Record<string, CanonValue> = {};
  for (const key of Object.keys(props).sort()) out[key] = modeValue(props[key] as PropertyValue, mode);
  return out;
}

/** What a source should look like after a format that carries values as `mode`. */
export async function canonFromSource(source: GraphSource, mode: ValueMode = 'native'): Promise<Canon> {
  const canon: Canon = { nodes: {}, edges: {} };
  for await (const n of source.nodes()) canon.nodes[n.id] = { type: n.type, properties: mapProps(n.properties, mode) };
  for await (const e of source.edges()) {
    canon.edges[e.id] = { type: e.type, source: e.source, target: e.target, properties: mapProps(e.properties, mode) };
  }
  return canon;
}

function fromAttributes(attrs: Attributes, drop: string[] = []): CanonNode {
  const properties: Record<string, CanonValue> = {};
  for (const key of Object.keys(attrs).sort()) {
    if (key === 'type' || drop.includes(key)) continue;
    properties[propertyName(key)] = attrs[key] as CanonValue;
  }
  return { type: String(attrs.type), properties };
}

function fromGraph(graph: MultiDirectedGraph, drop: string[] = []): Canon {
  const canon: Canon = { nodes: {}, edges: {} };
  graph.forEachNode((key, attrs) => (canon.nodes[key] = fromAttributes(attrs, drop)));
  graph.forEachEdge((key, attrs, source, target) => {
    canon.edges[key] = { ...fromAttributes(attrs, drop), source, target };
  });
  return canon;
}

export function canonFromJson(text: string): Canon {
  return fromGraph(MultiDirectedGraph.from(JSON.parse(text) as SerializedGraph));
}

/** GEXF: the element label (a display name derived from the node) is not a property. */
export function canonFromGexf(xml: string): Canon {
  return fromGraph(parseGexf(MultiDirectedGraph, xml) as MultiDirectedGraph, ['label']);
}

export function canonFromGraphml(xml: string): Canon {
  return fromGraph(parseGraphml(MultiDirectedGraph, xml) as MultiDirectedGraph);
}

function rowsToCanon(nodesCsv: string, edgesCsv: string): Canon {
  const canon: Canon = { nodes: {}, edges: {} };
  const props = (row: Record<string, string>, fixed: string[]) => {
    const out: Record<string, CanonValue> = {};
    for (const key of Object.keys(row).sort()) {
      const v = row[key] as string;
      if (!fixed.includes(key) && v !== '') out[propertyName(key)] = v;
    }
    return out;
  };
  for (const row of parseCsv(nodesCsv, { columns: true }) as Array<Record<string, string>>) {
    canon.nodes[row.id as string] = { type: row.type as string, properties: props(row, ['id', 'type']) };
  }
  for (const row of parseCsv(edgesCsv, { columns: true }) as Array<Record<string, string>>) {
    canon.edges[row.id as string] = {
      type: row.type as string,
      source: row.source as string,
      target: row.target as string,
      properties: props(row, ['id', 'type', 'source', 'target']),
    };
  }
  return canon;
}

export async function canonFromCsvFolder(dir: string): Promise<Canon> {
  return rowsToCanon(await readFile(join(dir, 'nodes.csv'), 'utf8'), await readFile(join(dir, 'edges.csv'), 'utf8'));
}

/** The entries of a zip, by name, as UTF-8 text. */
export function readZip(buffer: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const files: Record<string, string> = {};
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('end', () => {
            files[entry.fileName] = Buffer.concat(parts).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export async function canonFromCsvZip(buffer: Buffer): Promise<Canon> {
  const files = await readZip(buffer);
  return rowsToCanon(files['nodes.csv'] ?? '', files['edges.csv'] ?? '');
}

export type { Scalar };
