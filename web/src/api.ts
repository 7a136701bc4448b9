/**
 * The viewer's one API client. Every response is validated with zod, so a change of the server's
 * contract shows up as one clear error ("GET /api/search: results.0.name: expected string") rather than
 * as a blank panel. Same-origin only; nothing is fetched from anywhere else.
 */
import { z } from 'zod';
import { yieldToBrowser } from './yield.js';

/** Graphology's serialized graph (the format of every subgraph the API returns). */
export const SerializedNode = z.object({
  key: z.string(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export const SerializedEdge = z.object({
  key: z.string().optional(),
  source: z.string(),
  target: z.string(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  undirected: z.boolean().optional(),
});
export const Subgraph = z.object({
  attributes: z.record(z.string(), z.unknown()).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  nodes: z.array(SerializedNode),
  edges: z.array(SerializedEdge),
});
export type Subgraph = z.infer<typeof Subgraph>;
export type SerializedNode = z.infer<typeof SerializedNode>;
export type SerializedEdge = z.infer<typeof SerializedEdge>;

/** A subgraph response, possibly with a truncation flag next to the graph. */
const GraphResponse = z.union([
  Subgraph.extend({ truncated: z.boolean().optional() }),
  z.object({ graph: Subgraph, truncated: z.boolean().optional() }).transform((r) => ({ ...r.graph, truncated: r.truncated })),
]);
export type GraphResponse = z.infer<typeof GraphResponse>;

export const Health = z.looseObject({ ok: z.boolean().optional(), status: z.string().optional() });

export const Stats = z.looseObject({
  nodes: z.record(z.string(), z.number()).optional(),
  relationships: z.record(z.string(), z.number()).optional(),
});
export type Stats = z.infer<typeof Stats>;

/** A search hit (the store's `id` is the node's key in every subgraph). */
export const SearchHit = z
  .looseObject({ id: z.string(), type: z.string(), name: z.string(), score: z.number().optional() })
  .transform((h): SearchHit => ({ key: h.id, type: h.type, name: h.name, score: h.score }));
export interface SearchHit {
  key: string;
  type: string;
  name: string;
  score?: number;
  /** Why it matched, when not the name itself. */
  matched?: string;
}
const SearchResponse = z.union([
  z.object({ results: z.array(SearchHit) }).transform((r) => r.results),
  z.object({ hits: z.array(SearchHit) }).transform((r) => r.hits),
]);

/** One place a fact was read: the span, its sentence(s) and the article's metadata. */
export const SourceSentence = z.looseObject({
  articleId: z.string(),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  date: z.string().nullish(),
  url: z.string().nullish(),
  /** Offsets of the span in the article body. */
  start: z.number(),
  end: z.number(),
  /** The exact text of the span, and the sentence(s) around it. */
  text: z.string(),
  sentence: z.string(),
  /** The paragraph holding the sentence, when the API sends it. */
  paragraph: z.string().optional(),
});
export type SourceSentence = z.infer<typeof SourceSentence>;

const NodeDetailObject = z.looseObject({
  id: z.string(),
  type: z.string(),
  properties: z.record(z.string(), z.unknown()),
  provenance: z.array(SourceSentence),
});
export const NodeDetail = z.union([NodeDetailObject, z.object({ node: NodeDetailObject }).transform((r) => r.node)]);
export type NodeDetail = z.infer<typeof NodeDetailObject>;

export const QuoteItem = z.looseObject({
  id: z.string(),
  text: z.string(),
  kind: z.string().nullish(),
  corroboration: z.number(),
  contested: z.boolean(),
  speakers: z.array(z.looseObject({ id: z.string(), type: z.string().optional(), name: z.string().nullish(), contested: z.boolean() })),
  sources: z.array(
    z.looseObject({
      articleId: z.string(),
      title: z.string().nullish(),
      outlet: z.string().nullish(),
      date: z.string().nullish(),
      url: z.string().nullish(),
    }),
  ),
});
export type QuoteItem = z.infer<typeof QuoteItem>;
/** One page of /api/quotes: `nextOffset` is where the next page starts, null on the last one. */
export const QuotePage = z.looseObject({
  quotes: z.array(QuoteItem),
  hasMore: z.boolean(),
  nextOffset: z.number().int().nonnegative().nullable(),
});
export type QuotePage = z.infer<typeof QuotePage>;

export const CypherResult = z
  .looseObject({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.unknown())),
    truncated: z.boolean(),
    graph: Subgraph.nullish(),
    subgraph: Subgraph.nullish(),
    elapsedMs: z.number().optional(),
  })
  .transform(({ subgraph, graph, ...rest }) => ({ ...rest, graph: graph ?? subgraph ?? undefined }));
export type CypherResult = z.output<typeof CypherResult>;

export const SavedQuery = z.looseObject({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(z.object({ name: z.string(), description: z.string() })),
  cypher: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuery>;
const SavedQueriesResponse = z.union([
  z.object({ queries: z.array(SavedQuery) }).transform((r) => r.queries),
  z.array(SavedQuery),
]);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly endpoint: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'response'}: ${i.message}`)
    .join('; ');
}

async function fetchJson(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<{ json: unknown; status: number; endpoint: string }> {
  const endpoint = `${method} ${path.split('?')[0]}`;
  const res = await fetch(path, {
    method,
    signal,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(res.status, endpoint, `${endpoint}: the server answered ${res.status} with a non-JSON body`);
  }
  if (!res.ok) {
    throw new ApiError(res.status, endpoint, errorText(json) ?? `HTTP ${res.status} ${res.statusText}`);
  }
  return { json, status: res.status, endpoint };
}

async function request<T>(
  schema: z.ZodType<T>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const { json, status, endpoint } = await fetchJson(method, path, body, signal);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(status, endpoint, `${endpoint} answered in an unexpected shape (${describeIssues(parsed.error)})`);
  }
  return parsed.data;
}

const SubgraphShell = Subgraph.extend({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) });
const NodeList = z.array(SerializedNode);
const EdgeList = z.array(SerializedEdge);
/** Items validated between two looks at the clock, and the time between two yields to the browser. */
const VALIDATE_CHUNK = 2000;
const VALIDATE_SLICE_MS = 12;

/**
 * A serialized graph validated as `Subgraph` is, but its node and edge lists in slices with yields to the
 * browser in between: zod takes about half a second for 50,000 nodes and 150,000 edges, in one task.
 */
export async function parseSubgraphInSlices(json: unknown, status: number, endpoint: string): Promise<Subgraph> {
  const fail = (prefix: string, offset: number, error: z.ZodError): never => {
    const issues = error.issues.map((i) => ({
      ...i,
      path: prefix ? [prefix, Number(i.path[0]) + offset, ...i.path.slice(1)] : i.path,
    }));
    throw new ApiError(
      status,
      endpoint,
      `${endpoint} answered in an unexpected shape (${describeIssues({ issues })})`,
    );
  };
  const shell = SubgraphShell.safeParse(json);
  if (!shell.success) return fail('', 0, shell.error);
  let sliceEnd = performance.now() + VALIDATE_SLICE_MS;
  const lists = [
    ['nodes', shell.data.nodes, NodeList],
    ['edges', shell.data.edges, EdgeList],
  ] as const;
  const out: { nodes: SerializedNode[]; edges: SerializedEdge[] } = { nodes: [], edges: [] };
  for (const [name, items, schema] of lists) {
    const target = out[name] as unknown[];
    for (let at = 0; at < items.length; at += VALIDATE_CHUNK) {
      const parsed = schema.safeParse(items.slice(at, at + VALIDATE_CHUNK));
      if (!parsed.success) fail(name, at, parsed.error);
      else for (const item of parsed.data) target.push(item);
      if (performance.now() > sliceEnd) {
        await yieldToBrowser();
        sliceEnd = performance.now() + VALIDATE_SLICE_MS;
      }
    }
  }
  return { ...shell.data, ...out };
}

/** The API's error body is {error: {code, message}}. */
export function errorText(json: unknown): string | undefined {
  const parsed = z.object({ error: z.object({ code: z.string().optional(), message: z.string() }) }).safeParse(json);
  return parsed.success ? parsed.data.error.message : undefined;
}

function qs(params: Record<string, string | number | boolean | undefined | readonly string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const api = {
  health: () => request(Health, 'GET', '/api/health'),
  stats: () => request(Stats, 'GET', '/api/stats'),
  search: (q: string, signal?: AbortSignal, limit = 10) =>
    request(SearchResponse, 'GET', `/api/search${qs({ q, limit })}`, undefined, signal),
  node: (key: string) => request(NodeDetail, 'GET', `/api/nodes/${encodeURIComponent(key)}`),
  neighbors: (key: string, depth = 1, limit = 200) =>
    request(GraphResponse, 'GET', `/api/nodes/${encodeURIComponent(key)}/neighbors${qs({ depth, limit })}`),
  graph: (opts: { types?: readonly string[]; from?: string; to?: string; limit?: number } = {}) =>
    request(GraphResponse, 'GET', `/api/graph${qs(opts)}`),
  quotes: (opts: {
    speaker?: string;
    contested?: boolean;
    minSources?: number;
    limit?: number;
    offset?: number;
  }) => request(QuotePage, 'GET', `/api/quotes${qs(opts)}`),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request(CypherResult, 'POST', '/api/cypher', { query, params }),
  savedQueries: () => request(SavedQueriesResponse, 'GET', '/api/queries'),
  /** A graphology JSON file from this origin (the viewer's import and the benchmarks). */
  importGraph: async (path: string): Promise<Subgraph> => {
    const { json, status, endpoint } = await fetchJson('GET', path);
    performance.mark('speakergraph:graph-fetched');
    await new Promise((resolve) => setTimeout(resolve, 0));
    return parseSubgraphInSlices(json, status, endpoint);
  },
};

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The /api/export URL for a selection (a node and depth, a read-only query, or node types). */
export function exportUrl(
  format: ExportFormat,
  selector: { node?: string; depth?: number; query?: string; types?: readonly string[] },
): string {
  return `/api/export${qs({ format, node: selector.node, depth: selector.depth, query: selector.query, types: selector.types })}`;
}
