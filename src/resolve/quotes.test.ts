import { describe, expect, it } from 'vitest';
import type { DocumentExtraction, QuoteRecord } from '../extract/types.js';
import { normaliseQuoteText, resolveQuotes } from './quotes.js';

function doc(
  id: string,
  quotes: { text: string; speaker?: string; kind?: QuoteRecord['kind'] }[],
): DocumentExtraction {
  let offset = 0;
  const records = quotes.map((q, i) => {
    const start = offset;
    offset += q.text.length + 10;
    return {
      localId: `q${i + 1}`,
      kind: q.kind ?? 'direct',
      text: q.text,
      span: { start, end: start + q.text.length },
      sentenceSpan: { start: Math.max(0, start - 1), end: start + q.text.length + 8 },
      ...(q.speaker ? { speaker: q.speaker } : {}),
    } satisfies QuoteRecord;
  });
  return { article: { id }, text: '', sentences: [], entities: [], events: [], quotes: records };
}

/** Speakers are keyed globally as "<name>" here: local id p1 in every test article is the same person. */
const speakers: Record<string, string> = { p1: 'person:orlan-vesk', p2: 'person:tamsin-rhee' };
const keyOf = (_article: string, local: string): string | undefined => speakers[local];

describe('resolveQuotes', () => {
  it('normalises case, punctuation, curly quotes and diacritics', () => {
    expect(normaliseQuoteText('“We will NOT surrender,” — café.')).toBe('we will not surrender cafe');
  });

  it('merges near-identical wording from several outlets into one quote with all sources', () => {
    const a = doc('a1', [
      { text: 'We will not give up the harbour towns, whatever it costs us.', speaker: 'p1' },
    ]);
    const b = doc('b1', [
      { text: 'We will not give up the harbour towns whatever it costs us', speaker: 'p1' },
    ]);
    const c = doc('c1', [
      { text: 'we will not give up the harbor towns, whatever it costs us.', speaker: 'p1' },
    ]);
    const other = doc('d1', [{ text: 'The weather in the valley was mild all week long.', speaker: 'p2' }]);
    const resolved = resolveQuotes([a, b, c, other], keyOf);
    expect(resolved).toHaveLength(2);
    const merged = resolved.find((q) => q.corroboration === 3)!;
    expect(merged.mentions.map((m) => m.article)).toEqual(['a1', 'b1', 'c1']);
    expect(merged.variants).toHaveLength(3);
    expect(merged.speakers).toEqual([
      { key: 'person:orlan-vesk', articles: ['a1', 'b1', 'c1'], contested: false },
    ]);
  });

  it('treats a trimmed excerpt of a longer quote as the same quote', () => {
    const long = doc('a1', [
      { text: 'The bridge will reopen in spring once the new steel beams have been tested by engineers.' },
    ]);
    const short = doc('b1', [
      { text: 'the bridge will reopen in spring once the new steel beams have been tested' },
    ]);
    expect(resolveQuotes([long, short], keyOf)).toHaveLength(1);
  });

  it('keeps both speakers, marked contested, when outlets disagree', () => {
    const a = doc('a1', [{ text: 'Nobody in this room wanted the ceasefire to collapse.', speaker: 'p1' }]);
    const b = doc('b1', [{ text: 'Nobody in this room wanted the ceasefire to collapse.', speaker: 'p2' }]);
    const [quote] = resolveQuotes([a, b], keyOf);
    expect(quote!.speakers.map((s) => [s.key, s.contested])).toEqual([
      ['person:orlan-vesk', true],
      ['person:tamsin-rhee', true],
    ]);
  });

  it('gives stable keys whatever the input order, and different keys to different quotes', () => {
    const a = doc('a1', [
      { text: 'Taxes will fall next year.' },
      { text: 'Schools will stay open all summer.' },
    ]);
    const b = doc('b1', [{ text: 'Taxes will fall next year!' }]);
    const one = resolveQuotes([a, b], keyOf).map((q) => q.key);
    const two = resolveQuotes([b, a], keyOf).map((q) => q.key);
    expect(one).toEqual(two);
    expect(new Set(one).size).toBe(2);
  });

  it('does not merge quotes that merely share a few words', () => {
    const a = doc('a1', [{ text: 'The talks in the capital were constructive and long.' }]);
    const b = doc('b1', [{ text: 'The talks in the capital collapsed after an hour of shouting.' }]);
    expect(resolveQuotes([a, b], keyOf)).toHaveLength(2);
  });

  it('shows the wording of the winning kind: a direct quote over a partial report of it', () => {
    const direct = doc('a1', [{ text: 'the harbour towns will never be given up', speaker: 'p1' }]);
    const partial = doc('b1', [
      {
        text: 'At the meeting the minister said “the harbour towns will never be given up”',
        speaker: 'p1',
        kind: 'partial',
      },
    ]);
    const direct2 = doc('c1', [{ text: 'the harbour towns will never be given up', speaker: 'p1' }]);
    for (const order of [
      [partial, direct, direct2],
      [direct, direct2, partial],
    ]) {
      const merged = resolveQuotes(order, keyOf);
      expect(merged).toHaveLength(1);
      expect(merged[0]).toMatchObject({ kind: 'direct', text: 'the harbour towns will never be given up' });
      expect(merged[0]?.variants).toHaveLength(2);
    }
  });
});
