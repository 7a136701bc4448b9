import { describe, expect, it } from 'vitest';
import { paragraphAround } from './graph-reads.js';

describe('paragraphAround', () => {
  const body = 'First line.\n\nSecond "quoted" paragraph here.\nThird.';
  it('returns the line holding the span, with its offsets', () => {
    const start = body.indexOf('quoted');
    const p = paragraphAround(body, start, start + 6);
    expect(p.text).toBe('Second "quoted" paragraph here.');
    expect(body.slice(p.start, p.end)).toBe(p.text);
  });
  it('covers both lines when a span crosses a break, and the text edges', () => {
    expect(paragraphAround(body, body.indexOf('here'), body.indexOf('Third') + 3).text).toBe('Second "quoted" paragraph here.\nThird.');
    expect(paragraphAround(body, 0, 5).text).toBe('First line.');
  });
});
