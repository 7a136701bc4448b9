import { describe, expect, it } from 'vitest';
import { dateRange, edgePasses, filtersAreDefault, inDateRange, nodePasses } from './filter-logic.js';
import { defaultViewState, type FilterState } from './state/url.js';

const base = (): FilterState => defaultViewState().filters;

describe('filter logic', () => {
  it('hides node types from the legend', () => {
    const f = { ...base(), hiddenNodeTypes: ['Article' as const] };
    expect(nodePasses({ nodeType: 'Article' }, f)).toBe(false);
    expect(nodePasses({ nodeType: 'Person' }, f)).toBe(true);
  });

  it('reads partial dates as the span they cover', () => {
    expect(dateRange('2022-02')).toEqual({ start: '2022-02-01', end: '2022-02-28' });
    expect(dateRange('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(dateRange('2022-03-10T08:00:00Z')).toEqual({ start: '2022-03-10', end: '2022-03-10' });
    expect(dateRange('unknown')).toBeUndefined();
    expect(inDateRange('2022-03', '2022-03-15', undefined)).toBe(true);
    expect(inDateRange('2022-02', '2022-03-01', undefined)).toBe(false);
    expect(inDateRange('2022-04-01', undefined, '2022-03-31')).toBe(false);
    expect(inDateRange(undefined, '2022-03-01', '2022-03-31')).toBe(true);
  });

  it('filters dated nodes only', () => {
    const f = { ...base(), from: '2022-03-01', to: '2022-03-31' };
    expect(nodePasses({ nodeType: 'Event', date: '2022-03-10' }, f)).toBe(true);
    expect(nodePasses({ nodeType: 'Article', date: '2021-12-01' }, f)).toBe(false);
    expect(nodePasses({ nodeType: 'Person' }, f)).toBe(true);
  });

  it('applies minimum corroboration and contested-only to quotes', () => {
    const f = { ...base(), minCorroboration: 2 };
    expect(nodePasses({ nodeType: 'Quote', corroboration: 1 }, f)).toBe(false);
    expect(nodePasses({ nodeType: 'Quote', corroboration: 3 }, f)).toBe(true);
    expect(nodePasses({ nodeType: 'Person' }, f)).toBe(true);
    const c = { ...base(), contestedOnly: true };
    expect(nodePasses({ nodeType: 'Quote', contested: false }, c)).toBe(false);
    expect(nodePasses({ nodeType: 'Quote', contested: true }, c)).toBe(true);
    expect(edgePasses({ edgeType: 'SAID', contested: false }, c, true, true)).toBe(false);
    expect(edgePasses({ edgeType: 'SAID', contested: true }, c, true, true)).toBe(true);
    expect(edgePasses({ edgeType: 'HOLDS_OFFICE' }, c, true, true)).toBe(true);
  });

  it('hides edges of hidden types or with a hidden end', () => {
    const f = { ...base(), hiddenEdgeTypes: ['MENTIONED_IN' as const] };
    expect(edgePasses({ edgeType: 'MENTIONED_IN' }, f, true, true)).toBe(false);
    expect(edgePasses({ edgeType: 'SAID' }, f, true, false)).toBe(false);
    expect(edgePasses({ edgeType: 'SAID' }, f, true, true)).toBe(true);
  });

  it('knows the default', () => {
    expect(filtersAreDefault(base())).toBe(true);
    expect(filtersAreDefault({ ...base(), contestedOnly: true })).toBe(false);
  });
});

import { isIdColumn } from './console.js';

describe('console id columns', () => {
  it('recognises id columns by name', () => {
    expect(isIdColumn('id')).toBe(true);
    expect(isIdColumn('quoteId')).toBe(true);
    expect(isIdColumn('speaker_id')).toBe(true);
    expect(isIdColumn('quote')).toBe(false);
    expect(isIdColumn('valid')).toBe(false);
  });
});
