/**
 * The export formats: what each writes, its content type and file extension, and one entry point that
 * writes any format to a stream (CSV: a zip) or, for CSV only, to a folder.
 */
import type { Writable } from 'node:stream';
import { writeCsvFolder, writeCsvZip } from './csv.js';
import { writeCypher } from './cypher.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { writeJson } from './json.js';
import type { ExportStats, GraphSource } from './model.js';
import { streamSink, type TextSink } from './sink.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
  /** True when the output is text (CSV is a binary zip). */
  text: boolean;
}

export const FORMAT_INFO: Readonly<Record<ExportFormat, FormatInfo>> = {
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', text: true },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', text: true },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', text: true },
  csv: { contentType: 'application/zip', extension: 'zip', text: false },
  cypher: { contentType: 'application/x-cypher-query; charset=utf-8', extension: 'cypher', text: true },
};

const TEXT_WRITERS: Record<Exclude<ExportFormat, 'csv'>, (s: GraphSource, o: TextSink) => Promise<ExportStats>> = {
  gexf: writeGexf,
  graphml: writeGraphml,
  json: writeJson,
  cypher: writeCypher,
};

/**
 * Writes `format` to `output` (a CSV export is a zip). Ends `output` when done unless `end` is false
 * (process.stdout must not be ended); a zip always ends its output.
 */
export async function writeExport(
  format: ExportFormat,
  source: GraphSource,
  output: Writable,
  options: { end?: boolean } = {},
): Promise<ExportStats> {
  if (format === 'csv') return writeCsvZip(source, output);
  const stats = await TEXT_WRITERS[format](source, streamSink(output));
  if (options.end !== false) output.end();
  return stats;
}

export { writeCsvFolder, writeCsvZip, writeCypher, writeGexf, writeGraphml, writeJson };
export type { ExportEdge, ExportNode, ExportStats, GraphSource } from './model.js';
