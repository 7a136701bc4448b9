/**
 * Saved queries: graph/queries/<name>.cypher, each starting with a header of `//` comment lines:
 *   // title: Quotes by person
 *   // description: ...
 *   // param name: the person's name or an alias (string)
 * The body after the header is one read-only Cypher statement using only those $parameters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { UserError } from '../errors.js';

export const SAVED_QUERIES_DIR = join(PROJECT_ROOT, 'graph', 'queries');

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  params: Array<{ name: string; description: string }>;
  cypher: string;
  file: string;
}

export function parseSavedQuery(file: string, source: string): SavedQuery {
  const lines = source.split('\n');
  const header: string[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i] as string).trimStart().startsWith('//'); i++) {
    header.push((lines[i] as string).replace(/^\s*\/\/\s?/, ''));
  }
  const field = (name: string) =>
    header
      .find((h) => h.startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  const title = field('title');
  const description = field('description');
  if (!title || !description) {
    throw new UserError(
      'SAVED_QUERY_HEADER',
      `${file}: the header needs "// title:" and "// description:" lines`,
    );
  }
  const params = header
    .map((h) => /^param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$/.exec(h))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1] as string, description: (m[2] as string).trim() }));
  const cypher = lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
  return { name: basename(file, '.cypher'), title, description, params, cypher, file };
}

export function listSavedQueries(dir = SAVED_QUERIES_DIR): SavedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseSavedQuery(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}

export function getSavedQuery(name: string, dir = SAVED_QUERIES_DIR): SavedQuery {
  const found = listSavedQueries(dir).find((q) => q.name === name);
  if (!found) {
    const names = listSavedQueries(dir)
      .map((q) => q.name)
      .join(', ');
    throw new UserError('SAVED_QUERY_UNKNOWN', `no saved query "${name}" (available: ${names})`);
  }
  return found;
}

/**
 * The parameters to run a saved query with: declared ones not given are null (each query gives its
 * defaults with coalesce), undeclared ones are refused so a typo does not pass silently.
 */
export function savedQueryParams(query: SavedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const declared = new Set(query.params.map((p) => p.name));
  const unknown = Object.keys(given).filter((k) => !declared.has(k));
  if (unknown.length > 0) {
    throw new UserError(
      'SAVED_QUERY_PARAMS',
      `saved query "${query.name}" has no parameter(s) ${unknown.join(', ')} (it takes: ${[...declared].join(', ') || 'none'})`,
    );
  }
  return Object.fromEntries(query.params.map((p) => [p.name, given[p.name] ?? null]));
}
