/**
 * Export benchmark: time and peak RSS per format for a synthetic graph.
 *
 *   # a separate Neo4j for it (never the dev or test one)
 *   npx tsx src/main.ts db start --data-dir /tmp/sg-bench --bolt-port 17880
 *   export NEO4J_URI=bolt://127.0.0.1:17880 NEO4J_PASSWORD=$(cat /tmp/sg-bench/password)
 *   npx tsx scripts/bench-export.ts seed 100000 --clear   # empties that database, writes 100k relationships
 *   npx tsx scripts/bench-export.ts all /tmp/sg-bench-out # one fresh process per format, a table
 *   npx tsx scripts/bench-export.ts run gexf /tmp/x.gexf  # one measured export, as JSON
 *   npx tsx scripts/bench-export.ts replay /tmp/sg-bench-out/graph.cypher --clear  # run a Cypher export into the database
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { splitCypherStatements } from '../src/export/cypher.js';
import { EXPORT_FORMATS, type ExportFormat } from '../src/export/index.js';
import { benchmarkExport, measure, type ExportBenchmark } from '../src/export/measure.js';
import { openDriver } from '../src/store/connection.js';
import { applySchema } from '../src/store/schema.js';
import { clearDatabase, writeSyntheticGraph } from '../src/store/synthetic.js';

const [command, arg, third] = process.argv.slice(2);
const config = loadConfig();

async function main(): Promise<void> {
  if (command === 'all') {
    const outDir = arg ?? '/tmp/sg-bench-out';
    mkdirSync(outDir, { recursive: true });
    const rows: ExportBenchmark[] = [];
    for (const format of EXPORT_FORMATS) {
      const out = join(outDir, `graph.${format === 'csv' ? 'zip' : format}`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'bench-export.ts'), 'run', format, out], {
        encoding: 'utf8',
        env: process.env,
      });
      if (child.status !== 0) throw new Error(`${format}: ${child.stderr}`);
      rows.push(JSON.parse(child.stdout) as ExportBenchmark);
    }
    process.stdout.write('| format | nodes | relationships | time (s) | RSS at start (MiB) | peak RSS (MiB) |\n|---|---|---|---|---|---|\n');
    for (const r of rows) {
      process.stdout.write(
        `| ${r.format} | ${r.result.nodes} | ${r.result.edges} | ${(r.ms / 1000).toFixed(1)} | ${r.startRssMiB} | ${r.peakRssMiB} |\n`,
      );
    }
    return;
  }
  const driver = openDriver(config.neo4j);
  try {
    if (command === 'seed') {
      const relationships = Number(arg ?? 100_000);
      if (third === '--clear') await clearDatabase(driver, config.neo4j.database);
      // The store's schema: the id indexes the export's keyset pagination relies on.
      await applySchema(driver, config.neo4j.database);
      const m = await measure(() => writeSyntheticGraph(driver, { relationships, database: config.neo4j.database }));
      process.stdout.write(`${JSON.stringify(m)}\n`);
    } else if (command === 'replay' && arg) {
      if (third === '--clear') await clearDatabase(driver, config.neo4j.database);
      const statements = splitCypherStatements(readFileSync(arg, 'utf8'));
      const m = await measure(async () => {
        for (const statement of statements) await driver.executeQuery(statement, {}, { database: config.neo4j.database });
        return statements.length;
      });
      process.stdout.write(`${JSON.stringify(m)}\n`);
    } else if (command === 'run' && arg && third) {
      const r = await benchmarkExport(driver, arg as ExportFormat, third, { database: config.neo4j.database });
      process.stdout.write(`${JSON.stringify(r)}\n`);
    } else {
      process.stderr.write('usage: bench-export.ts seed <relationships> [--clear] | run <format> <out> | all [outDir] | replay <file.cypher> [--clear]\n');
      process.exitCode = 1;
    }
  } finally {
    await driver.close();
  }
}

await main();
