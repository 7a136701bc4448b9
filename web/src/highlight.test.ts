import { describe, expect, it } from 'vitest';
import { highlightSentence } from './highlight.js';

const para =
  'Ukrainian Foreign Minister Dmytro Kuleba met Sergey Lavrov in Antalya. Kuleba said Kyiv "will not surrender" to Moscow. Talks will continue.';
const sentence = 'Kuleba said Kyiv "will not surrender" to Moscow.';

function marked(r: ReturnType<typeof highlightSentence>): string {
  return r.segments.map((s) => (s.highlight ? `[${s.text}]` : s.text)).join('');
}

describe('source sentence highlighted within its paragraph', () => {
  it('finds an exact sentence and keeps the whole paragraph', () => {
    const r = highlightSentence(para, sentence);
    expect(r.method).toBe('exact');
    expect(marked(r)).toBe(para.replace(sentence, `[${sentence}]`));
    expect(r.segments.filter((s) => s.highlight)).toHaveLength(1);
  });

  it('uses offsets when they point at the sentence, and ignores them when they do not', () => {
    const start = para.indexOf(sentence);
    expect(highlightSentence(para, sentence, { start, end: start + sentence.length }).method).toBe('offsets');
    const wrong = highlightSentence(para, sentence, { start: 0, end: 10 });
    expect(wrong.method).toBe('exact');
    expect(marked(wrong)).toContain(`[${sentence}]`);
  });

  it('matches across whitespace and typographic quote differences', () => {
    const typographic = para.replace('"will not surrender"', '\u201Cwill  not\nsurrender\u201D');
    const r = highlightSentence(typographic, sentence);
    expect(r.method).toBe('normalized');
    const hl = r.segments.find((s) => s.highlight);
    expect(hl?.text).toBe('Kuleba said Kyiv \u201Cwill  not\nsurrender\u201D to Moscow.');
    expect(r.segments.map((s) => s.text).join('')).toBe(typographic);
  });

  it('shows the sentence alone when it is not in the paragraph', () => {
    const r = highlightSentence('Something else entirely.', sentence);
    expect(r.method).toBe('not-found');
    expect(r.segments).toEqual([{ text: sentence, highlight: true }]);
  });

  it('treats markup as plain text (the panel renders with textContent)', () => {
    const p = 'He wrote <script>alert(1)</script> and left.';
    const r = highlightSentence(p, '<script>alert(1)</script>');
    expect(r.segments.map((s) => s.text)).toEqual(['He wrote ', '<script>alert(1)</script>', ' and left.']);
  });
});

import { paragraphAround } from './highlight.js';

describe('paragraph around a span', () => {
  const body = 'Title line\n\nFirst paragraph. It has two sentences.\n\n  Second paragraph, where "the quote" is.\nStill second.\n\nThird.';
  it('returns the blank-line delimited paragraph holding the span, with its offset', () => {
    const at = body.indexOf('the quote');
    const r = paragraphAround(body, at, at + 9);
    expect(r.paragraph).toBe('Second paragraph, where "the quote" is.\nStill second.');
    expect(body.slice(r.offset, r.offset + r.paragraph.length)).toBe(r.paragraph);
    expect(paragraphAround(body, 0, 5).paragraph).toBe('Title line');
    expect(paragraphAround(body, body.length - 2, body.length).paragraph).toBe('Third.');
  });
  it('falls back to single newlines when the text has no blank lines', () => {
    const flat = 'One.\nTwo has it.\nThree.';
    expect(paragraphAround(flat, 5, 8).paragraph).toBe('Two has it.');
  });
});
