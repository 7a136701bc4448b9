import { describe, expect, it } from 'vitest';
import { resolveDateIn, resolveWeekday } from './dates.js';
import { extractMetadata } from './metadata.js';

describe('date resolution', () => {
  // 2021-06-17 is a Thursday.
  it('resolves a past weekday to the latest such day on or before the article date', () => {
    expect(resolveWeekday('Thursday', '2021-06-17')).toBe('2021-06-17');
    expect(resolveWeekday('Tuesday', '2021-06-17')).toBe('2021-06-15');
    expect(resolveWeekday('Friday', '2021-06-17')).toBe('2021-06-11');
  });

  it('resolves a weekday in a future clause forward', () => {
    expect(resolveDateIn('The envoys will meet again on Monday.', '2021-06-17')).toBe('2021-06-21');
    expect(resolveDateIn('The envoys met on Monday.', '2021-06-17')).toBe('2021-06-14');
  });

  it('takes explicit dates first and fills a missing year from the article', () => {
    expect(resolveDateIn('They met on March 3 in the capital.', '2021-06-17')).toBe('2021-03-03');
    expect(resolveDateIn('They met on 4 May 2019.', '2021-06-17')).toBe('2019-05-04');
    expect(resolveDateIn('They met yesterday.', '2021-06-17')).toBe('2021-06-16');
    expect(resolveDateIn('They met on Monday.', undefined)).toBeUndefined();
  });
});

describe('article metadata', () => {
  it('reads dateline city, agency credit and byline from the text', () => {
    const meta = extractMetadata({
      id: 'a1',
      text: 'By Wenna Orlick and Tam Brisco\nOSLO, June 16 (Reuters) - Ministers from two countries met on Tuesday.',
      date: '2021-06-17T09:00:00Z',
    });
    expect(meta).toMatchObject({ id: 'a1', datelineCity: 'Oslo', outlet: 'Reuters', date: '2021-06-17' });
    expect(meta.byline).toEqual(['Wenna Orlick', 'Tam Brisco']);
  });

  it('finds a date line at the top when the input has none', () => {
    const meta = extractMetadata({ id: 'a2', text: 'Published: June 16, 2021\n\nSomething happened.' });
    expect(meta.date).toBe('2021-06-16');
    expect(meta.datelineCity).toBeUndefined();
  });
});
