import { describe, expect, it } from 'vitest';
import { exportFileName, parseExportRequest } from './selector.js';

describe('parseExportRequest', () => {
  it('accepts the selectors as strings, lists comma-separated or repeated', () => {
    expect(parseExportRequest({ format: 'gexf', node: 'person:x', depth: '2', types: ['Person,Quote', 'Event'] })).toEqual({
      format: 'gexf',
      selector: { node: 'person:x', depth: 2, types: ['Person', 'Quote', 'Event'] },
    });
    expect(parseExportRequest({ format: 'json', query: 'MATCH (n) RETURN n', params: '{"a":1}' }).selector).toEqual({
      query: 'MATCH (n) RETURN n',
      params: { a: 1 },
    });
  });

  it('refuses bad formats, depths, names, combinations and unknown fields', () => {
    const bad = [
      { format: 'xlsx' },
      { format: 'json', node: 'x', depth: '9' },
      { format: 'json', depth: '1' },
      { format: 'json', node: 'x', ids: 'a,b' },
      { format: 'json', types: 'Person; DROP' },
      { format: 'json', query: 'MATCH (n) RETURN n', params: '[1]' },
      { format: 'json', limit: '5' },
      { format: ['json', 'gexf'] },
    ];
    for (const input of bad) expect(() => parseExportRequest(input), JSON.stringify(input)).toThrow(/invalid export request/);
  });

  it('runs the read-only Cypher guard on the query', () => {
    expect(() => parseExportRequest({ format: 'json', query: 'MATCH (n) DETACH DELETE n' })).toThrow(/DETACH is not allowed/);
    expect(() => parseExportRequest({ format: 'json', query: 'CALL apoc.export.csv.all("x", {})' })).toThrow();
  });
});

describe('exportFileName', () => {
  it('names the selection and the time, in ASCII', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const req = parseExportRequest({ format: 'gexf', node: 'Çağrı "x"' });
    expect(exportFileName(req, 'gexf', at)).toBe('speakergraph-node-Cagr-x-20260102-030405.gexf');
    expect(exportFileName(parseExportRequest({ format: 'csv' }), 'zip', at)).toBe('speakergraph-graph-20260102-030405.zip');
  });
});
