/**
 * `speakergraph query "<cypher>" [--params json] [--format table|json|csv]`: read-only Cypher from the
 * terminal; `--saved <name>` runs one of graph/queries/*.cypher instead, `--list` lists them.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { parseParamsJson, runReadQuery } from '../store/query.js';
import { getSavedQuery, listSavedQueries, savedQueryParams } from '../store/saved-queries.js';
import { withStore } from '../store/store.js';
import { addNeo4jOptions, configFrom, parseOptions, type CommonOptions } from './options.js';
import { formatResult } from './query-format.js';

const optionsSchema = z.object({
  params: z.string().optional(),
  format: z.enum(['table', 'json', 'csv']).default('table'),
  saved: z.string().min(1).optional(),
  list: z.boolean().optional(),
});

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (err) => (err ? reject(err) : resolve())),
  );
}

export function registerQueryCommand(program: Command): void {
  addNeo4jOptions(
    program
      .command('query')
      .description('run a read-only Cypher query (writes are refused) and print the rows')
      .argument('[cypher]', 'the Cypher query (omit with --saved or --list)')
      .option('--params <json>', 'query parameters as a JSON object, e.g. \'{"name":"Smith"}\'')
      .option('--format <format>', 'table|json|csv', 'table')
      .option('--saved <name>', 'run the saved query graph/queries/<name>.cypher')
      .option('--list', 'list the saved queries and their parameters'),
  ).action(async (cypher: string | undefined, rawOptions: CommonOptions & Record<string, unknown>) => {
    const opts = parseOptions(optionsSchema, rawOptions);
    if (opts.list) {
      const lines = listSavedQueries().map(
        (q) =>
          `${q.name}: ${q.title}\n  ${q.description}${q.params.map((p) => `\n  $${p.name}: ${p.description}`).join('')}`,
      );
      await write(`${lines.join('\n')}\n`);
      return;
    }
    if (opts.saved && cypher)
      throw new UserError('BAD_OPTION', 'give either a Cypher query or --saved, not both');
    const saved = opts.saved ? getSavedQuery(opts.saved) : undefined;
    const text = saved ? saved.cypher : cypher;
    if (!text?.trim())
      throw new UserError('BAD_OPTION', 'no query given (a Cypher string, --saved <name> or --list)');
    const given = parseParamsJson(opts.params);
    const params = saved ? savedQueryParams(saved, given) : given;
    const { config } = configFrom(rawOptions);
    const result = await withStore(config.neo4j, (driver) =>
      runReadQuery(driver, config.neo4j, text, params),
    );
    await write(formatResult(result, opts.format));
  });
}
