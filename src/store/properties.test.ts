import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, fromNeo4jProps, toNeo4jProps } from './properties.js';

describe('toNeo4jProps', () => {
  it('keeps primitives and native lists, integers as Neo4j integers, floats as floats', () => {
    const p = toNeo4jProps({
      name: 'A',
      count: 3,
      score: 0.5,
      ok: true,
      aliases: ['x', 'y'],
      offsets: [1, 2],
      mixed: [1, 2.5],
    });
    expect(p.name).toBe('A');
    expect(neo4j.isInt(p.count)).toBe(true);
    expect(p.score).toBe(0.5);
    expect(p.aliases).toEqual(['x', 'y']);
    expect((p.offsets as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(p.mixed).toEqual([1, 2.5]);
    expect(p.jsonKeys).toBeUndefined();
  });

  it('stores objects and lists of objects as JSON listed in jsonKeys, and reads them back', () => {
    const attrs = {
      spans: [{ article: 'a', start: 1, end: 5 }],
      meta: { b: 1, a: 'x' },
      gone: undefined,
      nothing: null,
    };
    const p = toNeo4jProps(attrs);
    expect(p.jsonKeys).toEqual(['meta', 'spans']);
    expect(typeof p.spans).toBe('string');
    expect('gone' in p || 'nothing' in p).toBe(false);
    expect(fromNeo4jProps({ ...p, syncHash: 'h' })).toEqual({ spans: attrs.spans, meta: attrs.meta });
  });
});

describe('contentHash', () => {
  it('ignores key order but not values', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
