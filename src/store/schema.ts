/**
 * The database schema: graph/schema.cypher, applied on every ingest (each statement is IF NOT EXISTS, so
 * applying it again changes nothing). The file is generated from the ontology by `schemaCypher()`, and a
 * test keeps the two in step, so the ontology stays the one place labels and types are defined.
 *
 *   regenerate: npx tsx src/store/schema.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../config.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, cypherLabel, cypherRelType } from './labels.js';

export const SCHEMA_FILE = join(PROJECT_ROOT, 'graph', 'schema.cypher');
/** Full-text index over names, aliases and quote text; the API's search queries it by this name. */
export const FULLTEXT_INDEX = 'speakergraph_search';
export const FULLTEXT_PROPERTIES = ['name', 'aliases', 'text'] as const;

const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

export function schemaStatements(): string[] {
  const out: string[] = [];
  for (const label of NODE_LABELS) {
    out.push(
      `CREATE CONSTRAINT ${snake(label)}_id_unique IF NOT EXISTS FOR (n:${cypherLabel(label)}) REQUIRE n.id IS UNIQUE`,
    );
  }
  for (const label of NODE_LABELS) {
    out.push(`CREATE INDEX ${snake(label)}_name IF NOT EXISTS FOR (n:${cypherLabel(label)}) ON (n.name)`);
  }
  out.push('CREATE INDEX article_article_id IF NOT EXISTS FOR (n:`Article`) ON (n.articleId)');
  out.push('CREATE INDEX quote_kind IF NOT EXISTS FOR (n:`Quote`) ON (n.kind)');
  for (const type of RELATIONSHIP_TYPES) {
    out.push(
      `CREATE CONSTRAINT ${snake(type)}_rel_id_unique IF NOT EXISTS FOR ()-[r:${cypherRelType(type)}]-() REQUIRE r.id IS UNIQUE`,
    );
  }
  const labels = NODE_LABELS.map(cypherLabel).join('|');
  const props = FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(', ');
  // Eventually consistent: Lucene updates leave the commit path (ingest waits for them at its end).
  out.push(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${labels}) ON EACH [${props}] ` +
      'OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}',
  );
  return out;
}

export function schemaCypher(): string {
  return [
    '// speakergraph schema: applied on every ingest (idempotent: every statement is IF NOT EXISTS).',
    '// Generated from src/model/ontology.ts by `npx tsx src/store/schema.ts --write`; do not edit by hand.',
    '// - a uniqueness constraint on the stable, content-derived `id` of every node label and relationship type',
    '// - range indexes for name lookups',
    `// - the full-text index ${FULLTEXT_INDEX} over names, aliases and quote text (the API's search)`,
    '',
    ...schemaStatements().map((s) => `${s};`),
    '',
  ].join('\n');
}

/** Statements of a Cypher script: `//` comment lines dropped, split on `;` at the end of a line. */
export function parseCypherScript(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Waits until the eventually consistent full-text index has caught up with committed writes. */
export async function awaitSearchIndex(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(
    'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()',
    {},
    { database },
  );
}

/** The name a schema statement creates (`CREATE [FULLTEXT] INDEX|CONSTRAINT <name> IF NOT EXISTS ...`). */
export function schemaStatementName(statement: string): string | undefined {
  return /^CREATE\s+(?:FULLTEXT\s+)?(?:INDEX|CONSTRAINT)\s+([A-Za-z_][A-Za-z0-9_]*)\s+IF NOT EXISTS\b/i.exec(
    statement,
  )?.[1];
}

/**
 * Applies graph/schema.cypher and waits until new indexes are online. Returns how much it created.
 * One `SHOW INDEXES` first (a constraint's backing index has the constraint's name): statements whose
 * index or constraint already exists are not sent, so a database that has the whole schema costs one
 * round trip instead of one per statement (every ingest, the no-change re-ingest included, applies it).
 */
export async function applySchema(
  driver: Driver,
  database?: string,
): Promise<{ constraintsAdded: number; indexesAdded: number }> {
  const { records } = await driver.executeQuery('SHOW INDEXES YIELD name', {}, { database, routing: 'READ' });
  const existing = new Set(records.map((r) => r.get('name') as string));
  let constraintsAdded = 0;
  let indexesAdded = 0;
  for (const statement of parseCypherScript(readFileSync(SCHEMA_FILE, 'utf8'))) {
    const name = schemaStatementName(statement);
    if (name !== undefined && existing.has(name)) continue;
    const { summary } = await driver.executeQuery(statement, {}, { database });
    const updates = summary.counters.updates();
    constraintsAdded += updates.constraintsAdded;
    indexesAdded += updates.indexesAdded;
  }
  if (constraintsAdded + indexesAdded > 0) {
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  }
  return { constraintsAdded, indexesAdded };
}

if (process.argv[1]?.endsWith('schema.ts') && process.argv.includes('--write')) {
  writeFileSync(SCHEMA_FILE, schemaCypher());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
