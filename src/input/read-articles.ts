/**
 * Reading articles from disk: .txt/.md files (one article each, id = file name without extension) and
 * .jsonl/.ndjson files (one {id, text, title?, outlet?, date?, url?} per line, streamed line by line),
 * directories walked recursively. Bad input (empty, binary, not UTF-8, malformed line) is reported as
 * an InputProblem naming the file (and line) and skipped; the rest is still read.
 */
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ArticleInput } from '../extract/types.js';

export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
export const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

const jsonlRecord = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string().refine((t) => t.trim().length > 0, 'text is empty'),
  title: z.string().optional().nullable(),
  outlet: z.string().optional().nullable(),
  date: z.string().optional().nullable(),
  url: z.string().optional().nullable(),
});

/** Expand files and directories (recursively, sorted) to the readable input files. */
export async function collectInputFiles(paths: readonly string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isInputFile(full)) files.push(full);
    }
  };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      problems.push({ file: path, message: 'no such file or directory' });
      continue;
    }
    if (info.isDirectory()) await walk(path);
    else if (isInputFile(path)) files.push(path);
    else problems.push({ file: path, message: `unsupported file type "${extname(path) || '(none)'}" (expected .txt, .md, .jsonl or .ndjson)` });
  }
  return { files, problems };
}

function isInputFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TEXT_EXTENSIONS.has(ext) || JSONL_EXTENSIONS.has(ext);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decode strictly: binary (NUL bytes) and invalid UTF-8 are errors, a BOM is dropped. */
export function decodeText(bytes: Uint8Array): { text?: string; error?: string } {
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes), not text' };
  try {
    const text = decoder.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

/** One article from a .txt/.md file; a leading Markdown "# " heading becomes the title. */
export async function readTextArticle(file: string): Promise<ArticleInput> {
  const bytes = await readFile(file);
  if (bytes.length === 0) throw new UserError('INPUT_EMPTY', 'empty file', { file });
  const { text, error } = decodeText(bytes);
  if (error !== undefined || text === undefined) throw new UserError('INPUT_NOT_TEXT', error ?? 'unreadable', { file });
  if (text.trim().length === 0) throw new UserError('INPUT_EMPTY', 'file holds only whitespace', { file });
  const id = basename(file, extname(file));
  const heading = /^\s*#\s+(.+)/.exec(text);
  return { id, text, ...(heading?.[1] && extname(file) !== '.txt' ? { title: heading[1].trim() } : {}) };
}

/** Raw lines of a file as bytes, streamed: huge files never sit in memory whole. */
async function* byteLines(file: string): AsyncGenerator<{ line: number; bytes: Buffer }> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) >= 0) {
      line++;
      yield { line, bytes: buf.subarray(0, nl) };
      buf = buf.subarray(nl + 1);
    }
    carry = Buffer.from(buf);
  }
  if (carry.length > 0) yield { line: line + 1, bytes: carry };
}

/** Articles of a JSON Lines file; each bad line becomes a problem and is skipped. */
export async function* readJsonlArticles(
  file: string,
  onProblem: (p: InputProblem) => void,
): AsyncGenerator<ArticleInput> {
  let any = false;
  let nonBlank = 0;
  for await (const { line, bytes } of byteLines(file)) {
    any = true;
    const { text: raw, error } = decodeText(bytes);
    if (error !== undefined || raw === undefined) {
      onProblem({ file, line, message: error ?? 'unreadable' });
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    nonBlank++;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      onProblem({ file, line, message: `malformed JSON: ${(err as Error).message}` });
      continue;
    }
    const parsed = jsonlRecord.safeParse(value);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
      onProblem({ file, line, message: `invalid article record: ${detail}` });
      continue;
    }
    const r = parsed.data;
    yield {
      id: r.id,
      text: r.text,
      ...(r.title ? { title: r.title } : {}),
      ...(r.outlet ? { outlet: r.outlet } : {}),
      ...(r.date ? { date: r.date } : {}),
      ...(r.url ? { url: r.url } : {}),
    };
  }
  if (!any || nonBlank === 0) onProblem({ file, message: 'empty file (no JSON lines)' });
}

/** Every article from the given paths, in order; problems are reported and skipped. */
export async function* readArticles(
  paths: readonly string[],
  onProblem: (p: InputProblem) => void,
): AsyncGenerator<ArticleInput> {
  const { files, problems } = await collectInputFiles(paths);
  for (const p of problems) onProblem(p);
  const seen = new Set<string>();
  const unique = function* (article: ArticleInput, file: string, line?: number): Generator<ArticleInput> {
    if (seen.has(article.id)) {
      onProblem({ file, ...(line !== undefined ? { line } : {}), message: `duplicate article id "${article.id}" (kept the first)` });
      return;
    }
    seen.add(article.id);
    yield article;
  };
  for (const file of files) {
    if (JSONL_EXTENSIONS.has(extname(file).toLowerCase())) {
      for await (const article of readJsonlArticles(file, onProblem)) yield* unique(article, file);
    } else {
      try {
        yield* unique(await readTextArticle(file), file);
      } catch (err) {
        onProblem({ file, message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}
