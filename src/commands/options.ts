/** Options shared by several subcommands, and turning them into config overrides. */
import type { Command } from 'commander';
import type { z } from 'zod';
import { formatIssues, loadConfig, type AppConfig, type ConfigOverrides } from '../config.js';
import { UserError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';

export interface CommonOptions {
  dataDir?: string;
  boltPort?: number;
  logLevel?: string;
}

export function addNeo4jOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'data dir of the local Neo4j (env SPEAKERGRAPH_DATA_DIR)')
    .option('--bolt-port <port>', 'Bolt port of the local Neo4j (env SPEAKERGRAPH_BOLT_PORT)', (v) =>
      Number(v),
    )
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (env LOG_LEVEL)');
}

export function configFrom(
  opts: CommonOptions,
  extra: ConfigOverrides = {},
): { config: AppConfig; log: Logger } {
  const config = loadConfig({
    dataDir: opts.dataDir,
    boltPort: opts.boltPort,
    logLevel: opts.logLevel,
    ...extra,
  });
  return { config, log: createLogger(config.logLevel) };
}

/** Validates a command's raw commander options; a bad value is a one-line UserError. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UserError('BAD_OPTION', `invalid option: ${formatIssues(parsed.error)}`);
  return parsed.data;
}
