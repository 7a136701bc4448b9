import { describe, expect, it } from 'vitest';
import { quoteDisplayText } from './quote-text.js';

describe('quoteDisplayText', () => {
  it('sets a direct quote in quotation marks', () => {
    expect(quoteDisplayText('We will build the bridge.', 'direct')).toBe('“We will build the bridge.”');
  });

  it('keeps a partial quote as written, its own marks around the quoted fragment only', () => {
    const partial = 'the plan was “not dead yet,” she added';
    expect(quoteDisplayText(partial, 'partial')).toBe(partial);
  });

  it('does not put a paraphrase in quotation marks', () => {
    expect(quoteDisplayText('the council would vote in May', 'indirect')).toBe(
      'the council would vote in May',
    );
  });

  it('treats a quote of unknown kind (an older graph) as direct', () => {
    expect(quoteDisplayText('Yes.', undefined)).toBe('“Yes.”');
  });

  it('shortens to the given length, marks and ellipsis included', () => {
    const long = 'a'.repeat(30) + ' ' + 'b'.repeat(30);
    const direct = quoteDisplayText(long, 'direct', 20);
    expect(direct).toHaveLength(20);
    expect(direct.startsWith('“')).toBe(true);
    expect(direct.endsWith('…”')).toBe(true);
    const indirect = quoteDisplayText(long, 'indirect', 20);
    expect(indirect).toHaveLength(20);
    expect(indirect.endsWith('…')).toBe(true);
    expect(quoteDisplayText('short', 'indirect', 20)).toBe('short');
  });
});
