/**
 * CSV: nodes.csv and edges.csv, in a zip (streamed through yazl) or in a folder.
 *
 * Columns: nodes.csv = id, type, then every node property; edges.csv = id, type, source, target, then
 * every relationship property. Property columns are sorted by column name (a first pass over the source finds
 * them), and named by attributeName (a property called `type` is the column `_type`). Cells: strings as
 * they are, numbers and booleans as their JSON text (`3`, `0.5`, `true`), lists as JSON (`["a","b"]`), an
 * absent property as an empty cell. RFC 4180 quoting (csv-stringify), UTF-8 without BOM, LF line ends.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';
import { ZipFile } from 'yazl';
import { attributeName, collectSchema, flatValue, type ExportStats, type GraphSource, type Properties } from './model.js';

export const NODE_COLUMNS = ['id', 'type'] as const;
export const EDGE_COLUMNS = ['id', 'type', 'source', 'target'] as const;

function cell(value: Properties[string] | undefined): string {
  if (value === undefined) return '';
  const flat = flatValue(value);
  return typeof flat === 'string' ? flat : JSON.stringify(flat);
}

async function put(stringifier: Stringifier, row: string[]): Promise<void> {
  if (!stringifier.write(row)) await once(stringifier, 'drain');
}

interface CsvStreams {
  nodes: Stringifier;
  edges: Stringifier;
}

/** Writes nodes.csv to completion, then edges.csv. */
async function writeTables(source: GraphSource, streams: CsvStreams): Promise<ExportStats> {
  const schema = await collectSchema(source);
  const byColumn = (a: string, b: string) => (attributeName(a) < attributeName(b) ? -1 : 1);
  const nodeProps = [...schema.nodeProperties.keys()].sort(byColumn);
  const edgeProps = [...schema.edgeProperties.keys()].sort(byColumn);
  const stats: ExportStats = { nodes: 0, edges: 0 };

  await put(streams.nodes, [...NODE_COLUMNS, ...nodeProps.map(attributeName)]);
  for await (const node of source.nodes()) {
    await put(streams.nodes, [node.id, node.type, ...nodeProps.map((p) => cell(node.properties[p]))]);
    stats.nodes++;
  }
  streams.nodes.end();

  await put(streams.edges, [...EDGE_COLUMNS, ...edgeProps.map(attributeName)]);
  for await (const edge of source.edges()) {
    await put(streams.edges, [
      edge.id,
      edge.type,
      edge.source,
      edge.target,
      ...edgeProps.map((p) => cell(edge.properties[p])),
    ]);
    stats.edges++;
  }
  streams.edges.end();
  return stats;
}

const stringifier = (): Stringifier => stringify({ record_delimiter: 'unix' });

/** A zip with nodes.csv and edges.csv, streamed to `output` (which this ends). */
export async function writeCsvZip(source: GraphSource, output: Writable): Promise<ExportStats> {
  const zip = new ZipFile();
  const streams = { nodes: stringifier(), edges: stringifier() };
  // yazl reads its entries one after the other, so edges.csv is only consumed once nodes.csv has ended;
  // backpressure on each stringifier keeps at most a buffer of rows in memory.
  zip.addReadStream(streams.nodes, 'nodes.csv', { mtime: new Date() });
  zip.addReadStream(streams.edges, 'edges.csv', { mtime: new Date() });
  zip.end();
  zip.outputStream.pipe(output);
  const done = finished(output);
  try {
    const stats = await writeTables(source, streams);
    await done;
    return stats;
  } catch (err) {
    streams.nodes.destroy();
    streams.edges.destroy();
    output.destroy(err instanceof Error ? err : undefined);
    throw err;
  }
}

/** A folder with nodes.csv and edges.csv (created if missing). */
export async function writeCsvFolder(source: GraphSource, dir: string): Promise<ExportStats> {
  await mkdir(dir, { recursive: true });
  const streams = { nodes: stringifier(), edges: stringifier() };
  const files = [createWriteStream(join(dir, 'nodes.csv')), createWriteStream(join(dir, 'edges.csv'))] as const;
  streams.nodes.pipe(files[0]);
  streams.edges.pipe(files[1]);
  const done = Promise.all(files.map((f) => finished(f)));
  try {
    const stats = await writeTables(source, streams);
    await done;
    return stats;
  } catch (err) {
    for (const f of files) f.destroy();
    throw err;
  }
}
