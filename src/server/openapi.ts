/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Parameter and body schemas are generated from the
 * same zod schemas that validate requests (schemas.ts), so the document cannot drift from the checks;
 * response shapes are described by hand below.
 */
import { z } from 'zod';
import { NODE_LABELS } from '../model/ontology.js';
import { cypherBody, neighboursQuery, nodeIdSchema, overviewQuery, quotesQuery, searchQuery } from './schemas.js';

type JsonSchema = Record<string, unknown>;

/** Definitions zod emits for recursive schemas (z.json()), hoisted into components.schemas. */
const hoistedDefinitions: Record<string, JsonSchema> = {};

/** `#/$defs/x` is relative to zod's own document; in ours the definitions live under components. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewriteRefs(v),
      ]),
    );
  }
  return value;
}

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, $defs, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    hoistedDefinitions[name] = rewriteRefs(def) as JsonSchema;
  }
  return rewriteRefs(rest) as JsonSchema;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: object.required?.includes(name) ?? false,
    description: s.description,
    schema: s,
  }));
}

const idParameter = { name: 'id', in: 'path', required: true, schema: jsonSchema(nodeIdSchema) };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function ok(description: string, schema: JsonSchema): JsonSchema {
  return { description, content: { 'application/json': { schema } } };
}

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Error${s}` }]));

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid parameters or query',
  403: 'the Cypher query is not read-only',
  404: 'not found',
  408: 'the Cypher query ran past the timeout',
  413: 'request body too large',
  415: 'body is not application/json',
  422: 'the Cypher query needed too much memory',
  429: 'rate limit reached',
  503: 'Neo4j is not reachable',
};

const SUBGRAPH: JsonSchema = {
  type: 'object',
  description: 'graphology serialized graph (graph.export()); node key = the node id',
  required: ['attributes', 'options', 'nodes', 'edges'],
  properties: {
    attributes: { type: 'object', description: 'e.g. {center, depth, truncated}' },
    options: { type: 'object', properties: { type: { const: 'directed' }, multi: { const: true } } },
    nodes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'attributes'],
        properties: {
          key: { type: 'string' },
          attributes: {
            type: 'object',
            required: ['type'],
            properties: { type: { enum: [...NODE_LABELS] }, name: { type: 'string' } },
          },
        },
      },
    },
    edges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'source', 'target', 'attributes'],
        properties: {
          key: { type: 'string' },
          source: { type: 'string' },
          target: { type: 'string' },
          attributes: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
        },
      },
    },
  },
};

export function buildOpenApiDocument(version: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'speakergraph API',
      version,
      description:
        'Who said what, to whom, where and when: read access to the speaker knowledge graph. JSON only; ' +
        'errors are {error: {code, message}}.',
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'Neo4j reachable, node and relationship totals',
          responses: {
            200: ok('up', {
              type: 'object',
              properties: {
                status: { const: 'ok' },
                neo4j: { const: 'up' },
                nodes: { type: 'integer' },
                relationships: { type: 'integer' },
              },
            }),
            ...errors(503),
          },
        },
      },
      '/api/stats': {
        get: {
          summary: 'counts per node label and relationship type',
          responses: { 200: ok('counts', ref('Counts')), ...errors(503) },
        },
      },
      '/api/search': {
        get: {
          summary: 'full-text search over names, aliases and quote text, ranked',
          parameters: queryParameters(searchQuery),
          responses: {
            200: ok('hits, best first', {
              type: 'object',
              properties: { query: { type: 'string' }, hits: { type: 'array', items: ref('SearchHit') } },
            }),
            ...errors(400, 429, 503),
          },
        },
      },
      '/api/nodes/{id}': {
        get: {
          summary: 'a node: all properties, plus provenance (articles and the exact source sentences)',
          parameters: [idParameter],
          responses: { 200: ok('the node', ref('NodeDetails')), ...errors(400, 404, 503) },
        },
      },
      '/api/nodes/{id}/neighbors': {
        get: {
          summary: 'the subgraph within depth hops of a node (nearest and most connected first)',
          parameters: [idParameter, ...queryParameters(neighboursQuery)],
          responses: { 200: ok('subgraph', ref('Subgraph')), ...errors(400, 404, 503) },
        },
      },
      '/api/graph': {
        get: {
          summary: 'overview subgraph: the most connected nodes of the given types, optionally within article dates',
          parameters: queryParameters(overviewQuery),
          responses: { 200: ok('subgraph', ref('Subgraph')), ...errors(400, 503) },
        },
      },
      '/api/quotes': {
        get: {
          summary: 'quotes with their speakers and the articles reporting them',
          parameters: queryParameters(quotesQuery),
          responses: {
            200: ok('a page of quotes, most corroborated first (then by id, so pages never overlap)', {
              type: 'object',
              required: ['quotes', 'hasMore', 'nextOffset'],
              properties: {
                quotes: { type: 'array', items: ref('Quote') },
                hasMore: { type: 'boolean', description: 'more quotes follow this page' },
                nextOffset: {
                  type: ['integer', 'null'],
                  description: 'the offset of the next page, null when this is the last',
                },
              },
            }),
            ...errors(400, 503),
          },
        },
      },
      '/api/queries': {
        get: {
          summary: 'the saved queries of graph/queries (run them with POST /api/cypher)',
          responses: { 200: ok('saved queries', { type: 'object', properties: { queries: { type: 'array' } } }) },
        },
      },
      '/api/cypher': {
        post: {
          summary: 'run one read-only Cypher statement (READ transaction, timeout, row cap)',
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(cypherBody) } } },
          responses: {
            200: ok('rows, and a subgraph when the rows hold nodes, relationships or paths', ref('CypherResult')),
            ...errors(400, 403, 408, 413, 415, 422, 429, 503),
          },
        },
      },
      '/api/export': {
        get: {
          summary:
            'a subgraph as a file (format=gexf|graphml|json|csv|cypher; select with query=&params=, node=&depth=, ids=, ' +
            'types=, edgeTypes=; POST takes the same fields as JSON), streamed as an attachment',
          responses: {
            200: { description: 'the file (Content-Disposition: attachment)' },
            ...errors(400, 403, 404, 408, 429, 503),
          },
        },
      },
    },
    components: {
      schemas: {
        ...hoistedDefinitions,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        Counts: {
          type: 'object',
          properties: {
            nodes: { type: 'object', additionalProperties: { type: 'integer' } },
            relationships: { type: 'object', additionalProperties: { type: 'integer' } },
            totalNodes: { type: 'integer' },
            totalRelationships: { type: 'integer' },
          },
        },
        SearchHit: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            type: { enum: [...NODE_LABELS] },
            name: { type: 'string' },
            score: { type: 'number' },
          },
        },
        NodeDetails: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            type: { enum: [...NODE_LABELS] },
            properties: { type: 'object' },
            provenance: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  articleId: { type: 'string' },
                  title: { type: 'string' },
                  outlet: { type: 'string' },
                  date: { type: 'string' },
                  url: { type: 'string' },
                  start: { type: 'integer' },
                  end: { type: 'integer' },
                  text: { type: 'string', description: 'the exact span' },
                  sentence: { type: 'string', description: 'the sentence(s) around it' },
                  paragraph: { type: 'string', description: 'the paragraph holding the sentence' },
                  paragraphStart: { type: 'integer', description: 'offset of the paragraph in the article (like start/end)' },
                },
              },
            },
          },
        },
        Quote: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            text: { type: 'string' },
            kind: { type: ['string', 'null'] },
            corroboration: { type: 'integer' },
            contested: { type: 'boolean' },
            speakers: { type: 'array', items: { type: 'object' } },
            addressees: { type: 'array', items: { type: 'object' }, description: 'to whom it was said: {id, type, name}' },
            settings: { type: 'array', items: { type: 'object' }, description: 'where or at which event it was said: {id, type, name}' },
            audience: { type: 'array', items: { type: 'string' }, description: 'addressees that are no entity ("reporters")' },
            date: { type: ['string', 'null'], description: 'earliest date a report says it was said on' },
            sources: { type: 'array', items: { type: 'object' } },
          },
        },
        Subgraph: SUBGRAPH,
        CypherResult: {
          type: 'object',
          properties: {
            columns: { type: 'array', items: { type: 'string' } },
            rows: { type: 'array', items: { type: 'object' } },
            truncated: { type: 'boolean' },
            elapsedMs: { type: 'integer' },
            graph: ref('Subgraph'),
          },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([status, description]) => [
          `Error${status}`,
          { description, content: { 'application/json': { schema: ref('Error') } } },
        ]),
      ),
    },
  };
}
