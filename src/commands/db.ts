/** `speakergraph db start|stop|status`: the project's own local Neo4j (or a report on NEO4J_URI's). */
import type { Command } from 'commander';
import { localStatus, startLocal, stopLocal } from '../neo4j-local/server.js';
import { identifyServer } from '../store/connection.js';
import { addNeo4jOptions, configFrom, type CommonOptions } from './options.js';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('start, stop and inspect the local Neo4j server');

  addNeo4jOptions(
    db
      .command('start')
      .description('fetch (first time only) and start the local Neo4j; waits until Bolt answers'),
  ).action(async (opts: CommonOptions) => {
    const { config, log } = configFrom(opts);
    if (!config.managedNeo4j) {
      const server = await identifyServer(config.neo4j);
      print(
        `NEO4J_URI is set: using Neo4j ${server.version} (${server.edition}) at ${config.neo4j.uri}; nothing to start`,
      );
      return;
    }
    const started = Date.now();
    const { alreadyRunning, status } = await startLocal(config, log);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    print(
      alreadyRunning
        ? `Neo4j already running at ${status.uri} (pid ${status.pid})`
        : `Neo4j ${status.server?.version ?? ''} ready at ${status.uri} (pid ${status.pid}, ${seconds}s)`,
    );
  });

  addNeo4jOptions(
    db.command('stop').description('stop the local Neo4j cleanly (waits for its shutdown)'),
  ).action(async (opts: CommonOptions) => {
    const { config, log } = configFrom(opts);
    if (!config.managedNeo4j) {
      print(
        `NEO4J_URI is set: the server at ${config.neo4j.uri} is not managed by speakergraph; nothing to stop`,
      );
      return;
    }
    const { wasRunning } = await stopLocal(config, log);
    print(wasRunning ? 'Neo4j stopped' : 'Neo4j was not running');
  });

  addNeo4jOptions(db.command('status').description('report whether Neo4j is running and answering'))
    .option('--json', 'print the status as JSON')
    .action(async (opts: CommonOptions & { json?: boolean }) => {
      const { config } = configFrom(opts);
      const status = config.managedNeo4j
        ? await localStatus(config)
        : { state: 'running' as const, uri: config.neo4j.uri, server: await identifyServer(config.neo4j) };
      if (opts.json) {
        print(JSON.stringify({ managed: config.managedNeo4j, ...status }));
      } else if (status.state === 'running') {
        print(`running: Neo4j ${status.server?.version} (${status.server?.edition}) at ${status.uri}`);
      } else {
        print(`${status.state}: ${status.uri}`);
      }
    });
}
