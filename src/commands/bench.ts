/**
 * `speakergraph bench`: runs scripts/bench.ts (the same as `npm run bench`). The benchmark drives Chromium
 * and builds the viewer, so it needs the development dependencies; it is not part of the runtime install.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Command } from 'commander';
import { PROJECT_ROOT } from '../config.js';
import { UserError } from '../errors.js';

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('measure every hot path against its baseline and print a table (needs the dev dependencies)')
    .option('--quick', 'a few-second smoke run on the sample corpus')
    .option('--json <file>', 'also write the figures as JSON')
    .option('--corpus <file>', 'articles to measure (default ../shared/corpus/bbc-news-2225/articles.jsonl)')
    .option('--only <parts>', 'comma-separated: extract,resolve,ingest,api,export,viewer')
    .option('--allow-wipe', 'with NEO4J_URI set, allow the benchmark to wipe that database')
    .action(
      async (opts: {
        quick?: boolean;
        json?: string;
        corpus?: string;
        only?: string;
        allowWipe?: boolean;
      }) => {
        const script = join(PROJECT_ROOT, 'scripts', 'bench.ts');
        let tsx: string;
        try {
          tsx = createRequire(join(PROJECT_ROOT, 'package.json')).resolve('tsx');
        } catch {
          throw new UserError(
            'BENCH_NEEDS_DEV_DEPS',
            'the benchmark needs the development dependencies: run npm install',
          );
        }
        if (!existsSync(script) || !tsx) throw new UserError('BENCH_MISSING', `${script} is missing`);
        const args = ['--import', 'tsx', script];
        if (opts.quick) args.push('--quick');
        if (opts.json) args.push('--json', opts.json);
        if (opts.corpus) args.push('--corpus', opts.corpus);
        if (opts.only) args.push('--only', opts.only);
        if (opts.allowWipe) args.push('--allow-wipe');
        const code = await new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
          child.on('error', reject);
          child.on('exit', (c) => resolve(c ?? 2));
        });
        if (code !== 0) process.exitCode = code;
      },
    );
}
