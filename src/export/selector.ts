/**
 * What to export, as the CLI and GET /api/export both accept it, validated in one place (zod) and with
 * the same static Cypher guard as POST /api/cypher (src/server/cypher-guard.ts). Values arrive as strings
 * (flags, query strings); lists as `a,b` or repeated.
 */
import { z } from 'zod';
import { UserError } from '../errors.js';
import { assertReadOnlyCypher } from '../server/cypher-guard.js';
import { MAX_EXPORT_DEPTH, type ExportSelector } from '../store/export-reads.js';
import { commaSeparatedList } from '../validation.js';
import { EXPORT_FORMATS, type ExportFormat } from './index.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const list = (what: string, item: z.ZodString) =>
  commaSeparatedList(z.union([z.string(), z.array(z.string())]).optional(), item, 10_000).describe(what);

export const exportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS).describe(`one of ${EXPORT_FORMATS.join(', ')}`),
    query: z
      .string()
      .min(1)
      .optional()
      .describe('a read-only Cypher query; exports the graph values it returns'),
    params: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined) return undefined;
        try {
          const v: unknown = JSON.parse(s);
          if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: 'custom', message: 'params must be a JSON object' });
        return z.NEVER;
      })
      .describe('query parameters as a JSON object'),
    node: z.string().min(1).max(1000).optional().describe('centre node: an id or an exact name'),
    depth: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_EXPORT_DEPTH)
      .optional()
      .describe('hops around the centre node (default 1)'),
    ids: list('node ids: exports them and the relationships among them', z.string().min(1).max(1000)),
    types: list('node types to keep', z.string().regex(NAME, 'a label name')),
    edgeTypes: list('relationship types to keep', z.string().regex(NAME, 'a relationship type name')),
  })
  .strict()
  .refine((r) => [r.query, r.node, r.ids].filter((s) => s !== undefined).length <= 1, {
    message: 'give at most one of query, node and ids',
  })
  .refine((r) => r.depth === undefined || r.node !== undefined, { message: 'depth needs node' })
  .refine((r) => r.params === undefined || r.query !== undefined, { message: 'params needs query' });

export type ExportRequestInput = z.input<typeof exportRequestSchema>;

export interface ExportRequest {
  format: ExportFormat;
  selector: ExportSelector;
}

/** Validates a request and runs the Cypher guard on its query. Throws UserError (code EXPORT_INVALID or CYPHER_REFUSED). */
export function parseExportRequest(input: unknown, options: { maxQueryLength?: number } = {}): ExportRequest {
  const parsed = exportRequestSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
      .join('; ');
    throw new UserError('EXPORT_INVALID', `invalid export request: ${message}`);
  }
  const { format, query, ...rest } = parsed.data;
  const selector: ExportSelector = { ...rest };
  if (query !== undefined)
    selector.query = assertReadOnlyCypher(query, { maxLength: options.maxQueryLength });
  for (const key of Object.keys(selector) as Array<keyof ExportSelector>) {
    if (selector[key] === undefined) delete selector[key];
  }
  return { format, selector };
}

/** A file name that says what was exported: speakergraph-<selector>-<yyyymmdd-hhmmss>.<ext>. */
export function exportFileName(request: ExportRequest, extension: string, now = new Date()): string {
  const s = request.selector;
  const what = s.query
    ? 'query'
    : s.node
      ? `node-${s.node}`
      : s.ids
        ? 'selection'
        : s.types
          ? s.types.join('-')
          : 'graph';
  const slug = what
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents off: Ç -> C
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `speakergraph-${slug || 'export'}-${stamp}.${extension}`;
}
