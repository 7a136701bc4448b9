import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDGE_TYPES, NODE_LABELS } from '../model/ontology.js';
import {
  FULLTEXT_INDEX,
  SCHEMA_FILE,
  parseCypherScript,
  schemaCypher,
  schemaStatementName,
  schemaStatements,
} from './schema.js';

describe('graph/schema.cypher', () => {
  it('is exactly what the ontology generates (regenerate: npx tsx src/store/schema.ts --write)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaCypher());
  });

  it('has an id uniqueness constraint for every node label and relationship type of the ontology', () => {
    const statements = parseCypherScript(readFileSync(SCHEMA_FILE, 'utf8'));
    for (const label of NODE_LABELS) {
      expect(statements).toContainEqual(
        expect.stringMatching(new RegExp(`FOR \\(n:\`${label}\`\\) REQUIRE n\\.id IS UNIQUE$`)),
      );
    }
    for (const type of EDGE_TYPES) {
      expect(statements).toContainEqual(
        expect.stringMatching(new RegExp(`FOR \\(\\)-\\[r:\`${type}\`\\]-\\(\\) REQUIRE r\\.id IS UNIQUE$`)),
      );
    }
    const fulltext = statements.find((s) => s.includes('FULLTEXT'));
    expect(fulltext).toContain(FULLTEXT_INDEX);
    expect(fulltext).toContain('ON EACH [n.name, n.aliases, n.text]');
    expect(fulltext).toContain('eventually_consistent');
  });

  it('names every statement, so applySchema can skip what exists', () => {
    const names = schemaStatements().map(schemaStatementName);
    expect(names.every((n) => n !== undefined)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(FULLTEXT_INDEX);
    expect(schemaStatementName('CREATE INDEX quote_kind IF NOT EXISTS FOR (n:`Quote`) ON (n.kind)')).toBe(
      'quote_kind',
    );
  });

  it('makes every statement idempotent and splits the script on statement ends only', () => {
    expect(schemaStatements().every((s) => s.includes('IF NOT EXISTS'))).toBe(true);
    expect(parseCypherScript('// c;\nRETURN 1;\n// x\nRETURN "a;b"\n;\n')).toEqual([
      'RETURN 1',
      'RETURN "a;b"',
    ]);
  });
});
