/**
 * `speakergraph export --format gexf|graphml|json|csv|cypher [selector] [--out path]`: a subgraph (or the
 * whole graph) from Neo4j to a file or stdout. CSV needs --out: a `.zip` path gets a zip, any other path
 * a folder with nodes.csv and edges.csv. Files are written under a temporary name and renamed when
 * complete, so a failed export never leaves a half-written file behind.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { EXPORT_FORMATS, writeCsvFolder, writeExport, type ExportStats } from '../export/index.js';
import { parseExportRequest } from '../export/selector.js';
import { openDriver } from '../store/connection.js';
import { openNeo4jExport } from '../store/export-reads.js';
import { toStoreError } from '../store/neo4j-errors.js';
import { addNeo4jOptions, configFrom, type CommonOptions } from './options.js';

interface ExportOptions extends CommonOptions {
  format: string;
  query?: string;
  params?: string;
  node?: string;
  depth?: string;
  ids?: string;
  types?: string;
  edgeTypes?: string;
  out?: string;
  pageSize?: string;
}

function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
}

async function toFile(path: string, write: (tmp: string) => Promise<ExportStats>): Promise<ExportStats> {
  const tmp = temporaryPath(path);
  try {
    const stats = await write(tmp);
    await rm(path, { recursive: true, force: true });
    await rename(tmp, path);
    return stats;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export function registerExportCommand(program: Command): void {
  addNeo4jOptions(
    program
      .command('export')
      .description('export the graph or a subgraph as GEXF, GraphML, graphology JSON, CSV or a Cypher script')
      .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
      .option('--query <cypher>', 'a read-only Cypher query: exports the nodes, relationships and paths it returns')
      .option('--params <json>', 'parameters of --query, as a JSON object')
      .option('--node <id|name>', 'export the neighbourhood of this node (an id, or an exact name)')
      .option('--depth <n>', 'hops around --node (0 to 5, default 1)')
      .option('--ids <ids>', 'comma-separated node ids: those nodes and the relationships among them')
      .option('--types <labels>', 'comma-separated node types to keep (e.g. Person,Quote)')
      .option('--edge-types <types>', 'comma-separated relationship types to keep (e.g. SAID)')
      .option('--out <path>', 'output file (csv: a .zip file, or a folder); stdout when omitted')
      .option('--page-size <n>', 'nodes per read transaction (default 2000)'),
  ).action(async (opts: ExportOptions) => {
    const request = parseExportRequest({
      format: opts.format,
      query: opts.query,
      params: opts.params,
      node: opts.node,
      depth: opts.depth,
      ids: opts.ids,
      types: opts.types,
      edgeTypes: opts.edgeTypes,
    });
    if (request.format === 'csv' && !opts.out) {
      throw new UserError('EXPORT_NEEDS_OUT', 'csv writes two files: give --out <file.zip> or --out <folder>');
    }
    const pageSize = opts.pageSize === undefined ? undefined : Number(opts.pageSize);
    if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0)) {
      throw new UserError('EXPORT_INVALID', '--page-size must be a positive whole number');
    }
    const { config, log } = configFrom(opts);
    const driver = openDriver(config.neo4j);
    const started = performance.now();
    try {
      const source = await openNeo4jExport(driver, request.selector, { database: config.neo4j.database, pageSize });
      const out = opts.out;
      let stats: ExportStats;
      if (out === undefined) {
        // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing on EPIPE.
        process.stdout.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EPIPE') throw err;
        });
        stats = await writeExport(request.format, source, process.stdout, { end: false });
      } else if (request.format === 'csv' && !out.toLowerCase().endsWith('.zip')) {
        stats = await toFile(out, (tmp) => writeCsvFolder(source, tmp));
      } else {
        stats = await toFile(out, async (tmp) => {
          const file = createWriteStream(tmp);
          const done = finished(file);
          const s = await writeExport(request.format, source, file);
          await done;
          return s;
        });
      }
      log.info(
        { format: request.format, ...stats, ms: Math.round(performance.now() - started), out: out ?? 'stdout' },
        `exported ${stats.nodes} nodes and ${stats.edges} relationships`,
      );
    } catch (err) {
      throw toStoreError(err, config.neo4j);
    } finally {
      await driver.close();
    }
  });
}
