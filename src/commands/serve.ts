/** `speakergraph serve [--port 3000] [--host 127.0.0.1]`: the API and the built viewer. */
import type { Command } from 'commander';
import { createApp } from '../server/app.js';
import { listen } from '../server/listen.js';
import { openDriver } from '../store/connection.js';
import { countGraph } from '../store/read.js';
import { errorMessage } from '../errors.js';
import { addNeo4jOptions, configFrom, type CommonOptions } from './options.js';

interface ServeOptions extends CommonOptions {
  port?: number;
  host?: string;
}

export function registerServeCommand(program: Command): void {
  addNeo4jOptions(
    program
      .command('serve')
      .description('serve the API and the viewer (binds to 127.0.0.1 unless --host says otherwise)')
      .option('--port <port>', 'port to listen on (env PORT, default 3000)', (v) => Number(v))
      .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)'),
  ).action(async (opts: ServeOptions) => {
    const { config, log } = configFrom(opts, { port: opts.port, host: opts.host });
    const driver = openDriver(config.neo4j);
    try {
      // Start even when Neo4j is down (/api/health says so), but say it now.
      const counts = await countGraph(driver, config.neo4j.database);
      log.info({ nodes: counts.totalNodes, relationships: counts.totalRelationships }, 'connected to Neo4j');
    } catch (err) {
      log.warn({ err: errorMessage(err) }, `Neo4j at ${config.neo4j.uri} is not answering yet`);
    }
    const app = createApp({ driver, database: config.neo4j.database, config: config.server, log, projectRoot: config.projectRoot });
    let running;
    try {
      running = await listen(app, config.server.host, config.server.port);
    } catch (err) {
      await driver.close();
      throw err;
    }
    log.info({ url: running.url }, 'speakergraph is serving');
    process.stdout.write(`speakergraph: serving on ${running.url} (Ctrl-C to stop)\n`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    log.info({ signal }, 'shutting down');
    await running.close();
    await driver.close();
    log.info('stopped');
  });
}
