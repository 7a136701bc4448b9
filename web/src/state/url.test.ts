import { describe, expect, it } from 'vitest';
import { decodeViewState, defaultViewState, differsBeyondCamera, encodeViewState, type ViewState } from './url.js';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const state: ViewState = {
      selected: 'person:dmytro-kuleba',
      filters: {
        hiddenNodeTypes: ['Article', 'Quote'],
        hiddenEdgeTypes: ['MENTIONED_IN'],
        from: '2022-03-01',
        to: '2022-03-31',
        minCorroboration: 2,
        contestedOnly: true,
      },
      camera: { x: 0.5123, y: 0.25, ratio: 0.7 },
      expanded: ['person:dmytro-kuleba', 'country:ua'],
      cypher: 'MATCH (p:Person)-[:SAID]->(q) RETURN p, q LIMIT 5',
      data: '/bench/graph.json',
      overviewLimit: 40,
      quotePageSize: 10,
    };
    const qs = encodeViewState(state);
    expect(decodeViewState(qs)).toEqual(state);
    expect(decodeViewState(`?${qs}`)).toEqual(state);
  });

  it('omits defaults, so the default view has an empty query string', () => {
    expect(encodeViewState(defaultViewState())).toBe('');
    expect(decodeViewState('')).toEqual(defaultViewState());
  });

  it('drops unknown types, bad dates, bad numbers and foreign data URLs', () => {
    const s = decodeViewState(
      'hide=Person,Bogus,Person&hideEdges=SAID,nope&from=2022-02-30&to=yesterday&min=abc&cam=1,2&data=https://evil.example/x.json&contested=yes',
    );
    expect(s.filters.hiddenNodeTypes).toEqual(['Person']);
    expect(s.filters.hiddenEdgeTypes).toEqual(['SAID']);
    expect(s.filters.from).toBeUndefined();
    expect(s.filters.to).toBeUndefined();
    expect(s.filters.minCorroboration).toBe(1);
    expect(s.filters.contestedOnly).toBe(false);
    expect(s.camera).toBeUndefined();
    expect(s.data).toBeUndefined();
    expect(decodeViewState('data=//evil.example/x.json').data).toBeUndefined();
    expect(decodeViewState('cam=0.5,0.5,-1').camera).toBeUndefined();
    expect(decodeViewState('max=0').overviewLimit).toBeUndefined();
    expect(decodeViewState('max=99999').overviewLimit).toBeUndefined();
    for (const bad of ['0', '-3', '2.5', '501', 'ten']) {
      expect(decodeViewState(`quotePageSize=${bad}`).quotePageSize, bad).toBeUndefined();
    }
    expect(decodeViewState('quotePageSize=500').quotePageSize).toBe(500);
  });

  it('keeps keys with reserved characters intact', () => {
    const key = 'quote:a&b=c?d#e';
    const s = decodeViewState(encodeViewState({ ...defaultViewState(), selected: key, expanded: [key] }));
    expect(s.selected).toBe(key);
    expect(s.expanded).toEqual([key]);
  });

  it('tells camera-only changes from real ones', () => {
    const a = defaultViewState();
    const b = { ...a, camera: { x: 0.1, y: 0.2, ratio: 1 } };
    expect(differsBeyondCamera(a, b)).toBe(false);
    expect(differsBeyondCamera(a, { ...a, selected: 'person:x' })).toBe(true);
  });
});
