/**
 * A static check of user Cypher before it reaches Neo4j. It is defence in depth: the query also runs in a
 * READ access-mode transaction with a timeout (src/store/cypher.ts), which is what really stops writes.
 * The guard errs on the side of refusing: a harmless query that merely *looks* like a write (a variable
 * named `set`, say) is refused too, with a message saying which rule tripped.
 *
 * Order matters: raw-text checks (length, control and invisible characters), then NFKC normalisation
 * (so fullwidth `ＣＲＥＡＴＥ` reads as CREATE), then lexing away comments and string literals (so words
 * inside them neither trigger nor hide anything), then checks on what is left.
 */
import { UserError } from '../errors.js';

export const DEFAULT_MAX_QUERY_LENGTH = 10_000;

/** Clauses and phrases that write, change schema or administer the server. Matched as whole words. */
const FORBIDDEN_WORDS: readonly string[] = [
  'CREATE',
  'MERGE',
  'DELETE',
  'DETACH',
  'SET',
  'REMOVE',
  'DROP',
  'FOREACH',
  'LOAD',
  'PERIODIC',
  'TRANSACTIONS',
  'ALTER',
  'RENAME',
  'GRANT',
  'DENY',
  'REVOKE',
  'TERMINATE',
  'USE',
  'SHOW',
  'IMPERSONATE',
  'INSERT', // GQL spelling of CREATE
  'ENABLE', // server administration (ENABLE SERVER, DEALLOCATE/REALLOCATE DATABASES)
  'DEALLOCATE',
  'REALLOCATE',
];

/** START/STOP are also common property words; only the administration phrases are refused. */
const FORBIDDEN_PHRASES: readonly RegExp[] = [/\b(?:START|STOP)\s+(?:DATABASE|SERVER)\b/i];

/** Procedures that only read (schema, labels, the full-text index). Everything else in CALL is refused. */
const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
  'dbms.components',
]);

/** APOC is refused wholesale (procedures and functions: apoc.cypher.run*, load, export, periodic ...). */
const FORBIDDEN_NAMESPACES = ['apoc', 'gds'];

/** Letters, digits, '_' and '.' only: what a procedure name looks like once backticks are removed. */
const PROCEDURE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export interface GuardOptions {
  maxLength?: number;
}

export class CypherRefusedError extends UserError {
  constructor(rule: string, message: string) {
    super('CYPHER_REFUSED', message, { rule });
    this.name = 'CypherRefusedError';
  }
}

/**
 * Control characters (except tab, CR, LF), format characters (zero-width, bidi overrides, BOM), line and
 * paragraph separators, and every space other than U+0020: none belongs in a query typed by a person,
 * and each can make text read differently to a human, to this guard and to Neo4j's parser.
 */
const ODD_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Co}\p{Cn}]/u;
const ALLOWED_WHITESPACE = new Set(['\t', '\n', '\r', ' ']);

function findOddCharacter(text: string): string | undefined {
  for (const ch of text) {
    if (ALLOWED_WHITESPACE.has(ch)) continue;
    if (ODD_CHARACTER.test(ch)) return ch;
  }
  return undefined;
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Replaces comments with a space, string literals with '' and backtick-quoted names with their content
 * (so `apoc.load.json` or `CREATE` in backticks are still seen). Throws on an unterminated one.
 */
export function stripLiteralsAndComments(query: string): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    const next = query[i + 1];
    if (ch === '/' && next === '/') {
      const end = query.indexOf('\n', i);
      i = end === -1 ? query.length : end;
      out += ' ';
    } else if (ch === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      if (end === -1) throw new CypherRefusedError('unterminated', 'unterminated /* comment');
      i = end + 2;
      out += ' ';
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < query.length && query[j] !== ch) j += query[j] === '\\' ? 2 : 1;
      if (j >= query.length) throw new CypherRefusedError('unterminated', 'unterminated string literal');
      i = j + 1;
      out += "''";
    } else if (ch === '`') {
      // `` inside a quoted name is an escaped backtick.
      let j = i + 1;
      let name = '';
      for (;;) {
        if (j >= query.length) throw new CypherRefusedError('unterminated', 'unterminated `quoted name`');
        if (query[j] === '`') {
          if (query[j + 1] === '`') {
            name += '`';
            j += 2;
            continue;
          }
          break;
        }
        name += query[j];
        j += 1;
      }
      i = j + 1;
      // A quoted name that could be a keyword or a procedure name stays visible; anything else is opaque.
      out += PROCEDURE_NAME.test(name) ? ` ${name} ` : ' _quoted_ ';
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Words of the stripped query, skipping property keys (`n.set`) and parameters (`$delete`). */
function keywordPositions(code: string): Array<{ word: string; index: number }> {
  const words: Array<{ word: string; index: number }> = [];
  const re = /[A-Za-z_][A-Za-z0-9_]*/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const before = code.slice(0, m.index).trimEnd().at(-1);
    if (before === '.' || before === '$') continue;
    words.push({ word: m[0].toUpperCase(), index: m.index });
  }
  return words;
}

function checkProcedureCalls(code: string): void {
  // CALL followed by a (possibly dotted, possibly spaced) name; CALL { ... } and CALL (x) { ... } are subqueries.
  const callRe = /\bCALL\b\s*([A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)?/gi;
  for (let m = callRe.exec(code); m; m = callRe.exec(code)) {
    const rawName = m[1];
    if (rawName === undefined) {
      const after = code.slice(m.index + 4).trimStart()[0];
      if (after === '{' || after === '(') continue;
      throw new CypherRefusedError('call', 'CALL must be followed by a subquery or an allowed read-only procedure');
    }
    const name = rawName.replace(/\s+/g, '').toLowerCase();
    if (!ALLOWED_PROCEDURES.has(name)) {
      throw new CypherRefusedError(
        'procedure',
        `procedure ${name} is not allowed (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})`,
      );
    }
  }
}

function checkNamespaces(code: string): void {
  for (const ns of FORBIDDEN_NAMESPACES) {
    if (new RegExp(`\\b${ns}\\s*\\.`, 'i').test(code)) {
      throw new CypherRefusedError('namespace', `${ns}.* procedures and functions are not allowed`);
    }
  }
}

function checkSingleStatement(code: string): void {
  const withoutTrailing = code.trimEnd().replace(/;$/, '');
  if (withoutTrailing.includes(';')) {
    throw new CypherRefusedError('multiple-statements', 'only one statement per request');
  }
}

/**
 * Throws CypherRefusedError when the query is not an acceptable read-only query; returns the query to run
 * (the NFKC-normalised text).
 */
export function assertReadOnlyCypher(query: string, options: GuardOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_QUERY_LENGTH;
  if (query.trim().length === 0) throw new CypherRefusedError('empty', 'the query is empty');
  if (query.length > maxLength) {
    throw new CypherRefusedError('length', `the query is ${query.length} characters; the limit is ${maxLength}`);
  }
  const odd = findOddCharacter(query);
  if (odd !== undefined) {
    throw new CypherRefusedError('character', `the query contains the invisible or control character ${codePoint(odd)}`);
  }
  const normalised = query.normalize('NFKC');
  const code = stripLiteralsAndComments(normalised);
  // Outside literals, Cypher is ASCII; anything else is a homoglyph or a trick (Cyrillic С in СREATE).
  const nonAscii = /[^\x20-\x7E\t\n\r]/.exec(code);
  if (nonAscii) {
    throw new CypherRefusedError(
      'non-ascii',
      `non-ASCII character ${codePoint(nonAscii[0])} outside a string literal; quote names with backticks`,
    );
  }
  checkSingleStatement(code);
  for (const { word } of keywordPositions(code)) {
    if (FORBIDDEN_WORDS.includes(word)) {
      throw new CypherRefusedError('write-clause', `${word} is not allowed: the query endpoint is read-only`);
    }
  }
  for (const phrase of FORBIDDEN_PHRASES) {
    const hit = phrase.exec(code);
    if (hit) throw new CypherRefusedError('admin', `${hit[0].toUpperCase()} is not allowed: the query endpoint is read-only`);
  }
  checkNamespaces(code);
  checkProcedureCalls(code);
  // What was checked is what runs: the normalised text.
  return normalised;
}
