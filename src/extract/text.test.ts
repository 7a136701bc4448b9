import { describe, expect, it } from 'vitest';
import { foldName, sentenceAt, splitParagraphs, splitSentences, tokenize, plainLayout } from './text.js';

function sentenceTexts(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('keeps honorifics, dotted acronyms, initials and decimals inside sentences', () => {
    const text =
      'Mr. Orvan went to the U.S. Senate. Prices rose 3.5 per cent. Mara J. Telby spoke at 5 p.m. Friday.';
    expect(sentenceTexts(text)).toEqual([
      'Mr. Orvan went to the U.S. Senate.',
      'Prices rose 3.5 per cent.',
      'Mara J. Telby spoke at 5 p.m. Friday.',
    ]);
  });

  it('ends a sentence at an acronym when a clear sentence starter follows', () => {
    expect(sentenceTexts('Sales fell in the U.S. The board met.')).toEqual([
      'Sales fell in the U.S.',
      'The board met.',
    ]);
  });

  it('ends sentences inside closing quotes, but not before a lower-case attribution', () => {
    const text =
      'He said: "We will stay." Then he left. "Are you done?" she asked. He said no. Others agreed.';
    expect(sentenceTexts(text)).toEqual([
      'He said: "We will stay."',
      'Then he left.',
      '"Are you done?" she asked.',
      'He said no.',
      'Others agreed.',
    ]);
  });

  it('handles curly quotes and a "No." before a number', () => {
    expect(sentenceTexts('“It is over.” No. 4 Lane is closed.')).toEqual([
      '“It is over.”',
      'No. 4 Lane is closed.',
    ]);
  });

  it('numbers paragraphs and breaks at newlines, joining hard-wrapped lines', () => {
    const text = 'Headline Without Stop\nFirst line of a\nwrapped sentence.\n\n"Second paragraph quote.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.paragraph, text.slice(s.start, s.end)])).toEqual([
      [0, 'Headline Without Stop'],
      [0, 'First line of a\nwrapped sentence.'],
      [1, '"Second paragraph quote.'],
    ]);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2]);
  });
});

describe('helpers', () => {
  it('splits paragraphs on blank lines, or on newlines when there are none', () => {
    expect(splitParagraphs('a b\n\n c\nd ').length).toBe(2);
    expect(splitParagraphs('a\nb\nc').length).toBe(3);
  });

  it('tokenises words with offsets and keeps dotted acronyms whole', () => {
    const text = "O'Dell met the U.S. envoy.";
    expect(tokenize(text).map((t) => t.text)).toEqual(["O'Dell", 'met', 'the', 'U.S.', 'envoy']);
    const envoy = tokenize(text)[4]!;
    expect(text.slice(envoy.start, envoy.end)).toBe('envoy');
  });

  it('folds case, diacritics and apostrophes for name comparison', () => {
    expect(foldName('Zoë O’Brien')).toBe("zoe o'brien");
  });

  it('does not end a sentence before an opening quote mark followed by a lower-case word', () => {
    const text = 'Ada Vell, who lost 4 kg. “and a shoe size” since May, says the diet works. It was hard.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Ada Vell, who lost 4 kg. “and a shoe size” since May, says the diet works.',
      'It was hard.',
    ]);
  });

  it('keeps a quoted question with its attribution when an appositive follows the name', () => {
    const text = '"Who folds first?" Dana Kell, a trade analyst at Elm Bank, said in a note. Markets fell.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '"Who folds first?" Dana Kell, a trade analyst at Elm Bank, said in a note.',
      'Markets fell.',
    ]);
  });

  it('finds the sentence containing an offset', () => {
    const text = 'One. Two. Three.';
    const sentences = splitSentences(text);
    expect(sentenceAt(sentences, text.indexOf('Two'))?.index).toBe(1);
    expect(sentenceAt(sentences, 100)).toBeUndefined();
  });
});

describe('plainLayout', () => {
  it('turns odd spaces and line separators into spaces and breaks, one character for one', () => {
    const text = 'A\u00a0B\u202fC\r\nD\u2028E\rF';
    const plain = plainLayout(text);
    expect(plain).toBe('A B C \nD\nE\nF');
    expect(plain.length).toBe(text.length);
    expect(plainLayout('plain text')).toBe('plain text');
  });

  it('turns a horizontal bar and a figure dash into the em and en dash', () => {
    expect(plainLayout('taxes \u2015 as was true \u2015 he said, 1\u20122')).toBe(
      'taxes \u2014 as was true \u2014 he said, 1\u20132',
    );
  });
});
