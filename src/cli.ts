/**
 * The `speakergraph` command line. Each subcommand lives in src/commands/<name>.ts and registers itself
 * on the program; this file only wires them together and maps errors to exit codes:
 * 0 ok, 1 user error (one-line message), 2 internal error.
 */
import { Command, CommanderError } from 'commander';
import { registerBenchCommand } from './commands/bench.js';
import { registerDbCommands } from './commands/db.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerExportCommand } from './commands/export.js';
import { registerExtractCommand } from './commands/extract.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerQueryCommand } from './commands/query.js';
import { registerServeCommand } from './commands/serve.js';
import { errorMessage, isUserError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('speakergraph')
    .description('Who said what, to whom, where and when: a speaker knowledge graph from news articles.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerBenchCommand(program);
  registerDbCommands(program);
  registerEvalCommand(program);
  registerExportCommand(program);
  registerExtractCommand(program);
  registerIngestCommand(program);
  registerQueryCommand(program);
  registerServeCommand(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exitCode 0; usage errors were already printed.
      return err.exitCode === 0 ? 0 : 1;
    }
    if (isUserError(err)) {
      process.stderr.write(`speakergraph: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`speakergraph: internal error: ${errorMessage(err)}\n`);
    if (err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
}
