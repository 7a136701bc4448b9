/**
 * zod schemas for every request the API accepts (query strings, path parameters, the /api/cypher body).
 * They are the validation and the source of the OpenAPI document's parameter schemas (openapi.ts).
 * Query-string values arrive as strings, or arrays when repeated; a repeated single-valued parameter is
 * a 400, not "first one wins".
 */
import { z } from 'zod';
import { commaSeparatedList } from '../validation.js';
import { NODE_LABELS, type NodeLabel } from '../model/ontology.js';
import { HttpError } from './http-error.js';

const nodeLabel = z.enum(NODE_LABELS as [NodeLabel, ...NodeLabel[]]);

/** `types=Person,Quote` or `types=Person&types=Quote`. */
const typesParam = commaSeparatedList(
  z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]).optional(),
  nodeLabel,
  NODE_LABELS.length * 2,
).describe('node labels, comma-separated or repeated: ' + NODE_LABELS.join(', '));

/** Control, format (zero-width, bidi) and line-separator characters: never part of a name or an id. */
const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;

/** Node ids are `<prefix>:<content id>`; refuse controls and invisible characters outright. */
export const nodeIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(PRINTABLE, 'contains control or invisible characters')
  .describe('the node id, e.g. person:jane-doe');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  );

const intParam = (min: number, max: number, def: number, what: string) =>
  z.coerce.number().int().min(min).max(max).default(def).describe(what);

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(PRINTABLE, 'contains control or invisible characters')
    .describe('words to find in names, aliases and quote text'),
  types: typesParam,
  limit: intParam(1, 100, 20, 'most hits returned'),
});

export const nodeParams = z.object({ id: nodeIdSchema });

const detailParam = z
  .enum(['compact', 'full'])
  .default('compact')
  .describe(
    'compact: provenance spans left out and article lists cut to 20 (with articleCount); full: every property',
  );

export const neighboursQuery = z.object({
  detail: detailParam,
  depth: intParam(1, 3, 1, 'hops from the node (1 to 3)'),
  types: typesParam,
  limit: intParam(1, 2000, 200, 'most neighbours returned'),
});

export const overviewQuery = z
  .object({
    detail: detailParam,
    types: typesParam,
    from: isoDate.optional().describe('first article date (YYYY-MM-DD)'),
    to: isoDate.optional().describe('last article date (YYYY-MM-DD)'),
    limit: intParam(1, 5000, 1000, 'most nodes returned (the most connected first)'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: '`from` is after `to`',
    path: ['from'],
  });

/** Far beyond any speaker's quotes; a bound on what one request may ask Neo4j to skip. */
export const MAX_QUOTE_OFFSET = 1_000_000;

export const quotesQuery = z.object({
  speaker: nodeIdSchema.optional().describe('id of the speaking person or organization'),
  contested: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('only quotes whose attribution outlets disagree on (true) or agree on (false)'),
  minSources: intParam(0, 10_000, 0, 'minimum number of articles reporting the quote'),
  limit: intParam(1, 500, 100, 'most quotes returned'),
  offset: intParam(
    0,
    MAX_QUOTE_OFFSET,
    0,
    'quotes skipped first, for paging: pass the nextOffset of the previous answer',
  ),
});

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_PARAM_DEPTH = 5;

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object')
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

export const cypherBody = z
  .object({
    query: z.string().min(1).describe('one read-only Cypher statement'),
    params: z
      .record(z.string().regex(PARAM_NAME, 'parameter names are identifiers'), z.json())
      .default({})
      .refine((p) => Object.keys(p).length <= 50, { message: 'at most 50 parameters' })
      .refine((p) => depthOf(p) <= MAX_PARAM_DEPTH, {
        message: `parameters nest at most ${MAX_PARAM_DEPTH - 1} levels`,
      })
      .describe('query parameters ($name in the query), JSON values'),
  })
  .strict();

/** Parses or throws a 400 naming the offending fields (values are not echoed back). */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : what}: ${i.message}`)
    .join('; ');
  throw new HttpError(400, 'INVALID_REQUEST', `invalid ${what}: ${detail}`);
}
