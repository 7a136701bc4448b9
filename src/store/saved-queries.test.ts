import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { listSavedQueries, parseSavedQuery, savedQueryParams } from './saved-queries.js';

describe('graph/queries/*.cypher', () => {
  const queries = listSavedQueries();

  it('has the saved queries the issue asks for', () => {
    expect(queries.map((q) => q.name)).toEqual(
      expect.arrayContaining([
        'who-said-what-about-whom',
        'who-spoke-to-whom',
        'quotes-by-person',
        'contested-quotes',
        'events-with-mediators',
        'corroborated-quotes',
        'ego-network',
      ]),
    );
  });

  it.each(listSavedQueries().map((q) => [q.name, q] as const))(
    '%s has a header and declares exactly the $parameters it uses',
    (_name, q) => {
      expect(q.title.length).toBeGreaterThan(3);
      expect(q.description.length).toBeGreaterThan(20);
      const used = new Set([...q.cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
      expect(new Set(q.params.map((p) => p.name))).toEqual(used);
      expect(q.cypher).not.toMatch(/\b(CREATE|MERGE|DELETE|SET|REMOVE|LOAD CSV)\b/i);
    },
  );
});

describe('savedQueryParams', () => {
  const q = parseSavedQuery(
    'x.cypher',
    '// title: T\n// description: D\n// param name: who\n// param limit: rows\nRETURN $name, $limit',
  );
  it('fills missing declared parameters with null and refuses undeclared ones', () => {
    expect(savedQueryParams(q, { name: 'A' })).toEqual({ name: 'A', limit: null });
    expect(() => savedQueryParams(q, { nme: 'A' })).toThrow(UserError);
  });
  it('refuses a file without a title', () => {
    expect(() => parseSavedQuery('y.cypher', '// description: D\nRETURN 1')).toThrow(/title/);
  });
});
