import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.js';

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument('test') as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema: unknown }> }>> };

  it('is OpenAPI 3.1 and every $ref resolves inside it', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const ref of refs(doc)) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('documents the validated query parameters with their schemas', () => {
    const search = doc.paths['/api/search']?.get?.parameters?.map((p) => p.name);
    expect(search).toEqual(['q', 'types', 'limit']);
    const neighbours = doc.paths['/api/nodes/{id}/neighbors']?.get?.parameters?.map((p) => `${p.in}:${p.name}`);
    expect(neighbours).toEqual(['path:id', 'query:detail', 'query:depth', 'query:types', 'query:limit']);
    const quotes = doc.paths['/api/quotes']?.get?.parameters;
    expect(quotes?.map((p) => p.name)).toEqual(['speaker', 'contested', 'minSources', 'limit', 'offset']);
    expect(quotes?.find((p) => p.name === 'offset')?.schema).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
    });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
