import { describe, expect, it } from 'vitest';
import { extractDocument } from './index.js';
import { findMetadataSpans, proseText } from './metadata.js';
import type { DocumentExtraction } from './types.js';

function names(doc: DocumentExtraction, type: string): string[] {
  return doc.entities.filter((e) => e.type === type).map((e) => e.name);
}

function speakerName(doc: DocumentExtraction, fragment: string): string | undefined {
  const quote = doc.quotes.find((q) => q.text.includes(fragment));
  if (!quote)
    throw new Error(`no quote with "${fragment}": ${JSON.stringify(doc.quotes.map((q) => q.text))}`);
  return doc.entities.find((e) => e.localId === quote.speaker)?.name ?? quote.speakerMention?.text;
}

describe('titles with an "of" complement', () => {
  it('reads "Minister of Foreign Affairs X Y" as a title and a person, with the country before it', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'Norwegian Minister of Foreign Affairs Ingrid Halvorsen met reporters in Oslo on Tuesday.',
    });
    const person = doc.entities.find((e) => e.type === 'Person');
    expect(person?.name).toBe('Ingrid Halvorsen');
    expect(person?.roles?.map((r) => r.title)).toEqual(['Minister of Foreign Affairs']);
    const norway = doc.entities.find((e) => e.type === 'Country' && e.name === 'Norway');
    expect(person?.roles?.[0]?.country).toBe(norway?.localId);
  });

  it('takes a country named in the complement ("President of France X") as the office\'s country', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'President of France Amelie Fournier arrived in Rome on Monday.',
    });
    const person = doc.entities.find((e) => e.type === 'Person');
    expect(person?.name).toBe('Amelie Fournier');
    const france = doc.entities.find((e) => e.type === 'Country' && e.name === 'France');
    expect(person?.roles?.[0]).toMatchObject({ title: 'President of France', country: france?.localId });
  });

  it("finds no place or organisation inside a person's title", () => {
    const doc = extractDocument({
      id: 'a',
      text: 'Secretary of State Tom Blake and Minister of the Interior Karl Weber spoke in Vienna.',
    });
    expect(names(doc, 'Person').sort()).toEqual(['Karl Weber', 'Tom Blake']);
    expect(names(doc, 'Place')).toEqual(['Vienna']);
    expect(names(doc, 'Organization')).toEqual([]);
  });

  it('takes any non-name word of the complement while two words are left for the name', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'Chancellor of the Exchequer Edwin Marlow and Governor of the Central Bank Maria Lopez spoke.',
    });
    const roles = Object.fromEntries(
      doc.entities.filter((e) => e.type === 'Person').map((e) => [e.name, e.roles?.map((r) => r.title)]),
    );
    expect(roles).toEqual({
      'Edwin Marlow': ['Chancellor of the Exchequer'],
      'Maria Lopez': ['Governor of the Central Bank'],
    });
  });

  it('reads a title word before a company word as part of the company name ("General Motors")', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'General Dynamo Motors fell, and Vessby Motor said it would cut jobs. General Motors said sales rose.',
    });
    expect(names(doc, 'Person')).toEqual([]);
    expect(names(doc, 'Organization')).toEqual(expect.arrayContaining(['General Motors', 'Vessby Motor']));
  });

  it('keeps institutions named with "of" whole when no title precedes them', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'The Bank of England said on Thursday that rates would rise.',
    });
    expect(names(doc, 'Organization')).toContain('Bank of England');
    expect(names(doc, 'Person')).toEqual([]);
  });
});

describe('metadata inside the prose', () => {
  const text = ' date 2023-04-02 Danish Foreign Minister Lars Mikkelsen spoke to reporters on Sunday.\n';

  it('finds a "date" label and its date, and only those characters', () => {
    const spans = findMetadataSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['date 2023-04-02']);
    expect(findMetadataSpans('Published: March 10, 2022\nThe ferry left.').map((s) => s.end)).toEqual([25]);
    expect(findMetadataSpans('The date of the vote is not set.')).toEqual([]);
  });

  it('blanks it for the extractors without moving any offset', () => {
    expect(proseText(text)).toHaveLength(text.length);
    const doc = extractDocument({ id: 'a', text });
    expect(doc.text).toBe(text);
    expect(doc.article.date).toBe('2023-04-02');
    const person = doc.entities.find((e) => e.type === 'Person');
    expect(person?.name).toBe('Lars Mikkelsen');
    expect(person?.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Lars Mikkelsen']);
  });
});

describe('statements relayed by an outlet', () => {
  it('gives "X said CONTENT, Outlet reported." to X alone, without the relay in the content', () => {
    const doc = extractDocument({
      id: 'a',
      text:
        'Harbour master Odile Varga arrived on Monday.\n\n' +
        'Varga said the northern pier would stay closed until the storm passed, Reuters reported.',
    });
    const relayed = doc.quotes.filter((q) => q.text.includes('northern pier'));
    expect(relayed).toHaveLength(1);
    expect(relayed[0]?.text).toBe('the northern pier would stay closed until the storm passed');
    expect(speakerName(doc, 'northern pier')).toBe('Odile Varga');
  });

  it('still gives a statement to the outlet when nobody else is its speaker', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'The northern pier will stay closed until the storm has passed, Reuters reported.',
    });
    expect(speakerName(doc, 'northern pier')).toBe('Reuters');
  });
});

describe('"according to"', () => {
  it('is a relay, not a second speaker, after "X said CONTENT"', () => {
    const doc = extractDocument({
      id: 'a',
      text:
        'Harbour master Odile Varga spoke on Monday.\n\n' +
        'Varga said on Monday that the northern pier would reopen next month, according to the Reuters news agency.',
    });
    const pier = doc.quotes.filter((q) => q.text.includes('northern pier'));
    expect(pier.map((q) => speakerName(doc, q.text))).toEqual(['Odile Varga']);
  });

  it('names a source, not a manner ("according to plan")', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'The ferry crossing went according to plan, and the harbour reopened on Monday.',
    });
    expect(doc.quotes).toEqual([]);
  });

  it('still attributes "CONTENT, according to X." when nobody else said it', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'The northern pier will reopen next month, according to harbour master Maria Varga.',
    });
    expect(speakerName(doc, 'northern pier')).toBe('Maria Varga');
  });
});

describe('two speakers in one sentence', () => {
  it('ends the first content where a coordinated clause with its own named speaker begins', () => {
    const doc = extractDocument({
      id: 'a',
      text:
        'Harbour master Odile Varga and port engineer Tomas Brandt met on Monday.\n\n' +
        'Varga said the northern pier would reopen in May, while Brandt insisted that the repairs would take a year.',
    });
    const pier = doc.quotes.find((q) => q.text.includes('northern pier'));
    expect(pier?.text).toBe('the northern pier would reopen in May');
    expect(speakerName(doc, 'northern pier')).toBe('Odile Varga');
    expect(speakerName(doc, 'repairs would take')).toBe('Tomas Brandt');
  });

  it('keeps a pronoun clause, which may be the same speaker, in the content', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'Harbour master Odile Varga said the pier was safe, but she stressed that the ferry was not.',
    });
    expect(doc.quotes.map((q) => q.text)).toContainEqual(
      expect.stringContaining('the pier was safe, but she'),
    );
  });
});

describe('a role in apposition before the name', () => {
  it('reads "her Danish counterpart, X," and "the Danish ambassador, X." as X\'s role and country', () => {
    for (const text of [
      'Ingrid Halvorsen met her Danish counterpart, Lars Mikkelsen, in Bergen.',
      'The talks were led by the Danish ambassador, Lars Mikkelsen.',
    ]) {
      const doc = extractDocument({ id: 'a', text });
      const person = doc.entities.find((e) => e.name === 'Lars Mikkelsen');
      const denmark = doc.entities.find((e) => e.type === 'Country' && e.name === 'Denmark');
      expect(person?.roles?.map((r) => r.country)).toEqual([denmark?.localId]);
      expect(person?.nationality).toBe(denmark?.localId);
    }
  });

  it('does not take a role from a clause before the subject', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'After meeting the minister, Lars Mikkelsen said the talks went well.',
    });
    expect(doc.entities.find((e) => e.name === 'Lars Mikkelsen')?.roles).toEqual([]);
  });
});

describe('a dateline before a statement reported at the end of its sentence', () => {
  it('keeps "OSLO, March 3 -" out of the quote and of the sentence that supports it', () => {
    const text =
      'OSLO, March 3 - The central bank will hold rates steady until the autumn, finance ministry officials said.';
    const doc = extractDocument({ id: 'a', text });
    const quote = doc.quotes.find((q) => q.text.includes('hold rates steady'));
    expect(quote?.text).toBe('The central bank will hold rates steady until the autumn');
    expect(text.slice(quote!.sentenceSpan.start, quote!.sentenceSpan.start + 3)).toBe('The');
    expect(doc.article.datelineCity).toBe('Oslo');
  });
});

describe('web copy with no-break spaces', () => {
  it('finds the same quotes as with plain spaces', () => {
    const text =
      '"The clinics are full every night of the week," according to Dr. Ilse Varga, a doctor in Tarnby.'.replace(
        / /g,
        '\u00a0',
      );
    const plain = extractDocument({ id: 'a', text: text.replace(/\u00a0/g, ' ') });
    const nbsp = extractDocument({ id: 'a', text });
    expect(nbsp.quotes.map((q) => [q.span, q.kind])).toEqual(plain.quotes.map((q) => [q.span, q.kind]));
    expect(nbsp.quotes).toHaveLength(1);
    const speaker = nbsp.entities.find((e) => e.localId === nbsp.quotes[0]!.speaker);
    expect(speaker?.name).toBe('Ilse Varga');
  });
});

describe('a company named like a person', () => {
  it('reads the name after a company noun as the company ("building products group Ames Hollis")', () => {
    const doc = extractDocument({
      id: 'a',
      text:
        'Danish building products group Ames Hollis has agreed to pay victims. ' +
        'The move follows protests after the firm said a previous fund was running out of money.',
    });
    expect(doc.entities.filter((e) => e.type === 'Person')).toEqual([]);
    const company = doc.entities.find((e) => e.name === 'Ames Hollis');
    expect(company?.type).toBe('Organization');
    expect(doc.entities.find((e) => e.localId === doc.quotes[0]!.speaker)?.name).toBe('Ames Hollis');
  });

  it('still reads a person after a noun that people are too ("film producer Ada Lind")', () => {
    const doc = extractDocument({
      id: 'a',
      text: 'Veteran film producer Ada Lind said the studio had closed.',
    });
    expect(doc.entities.find((e) => e.name === 'Ada Lind')?.type).toBe('Person');
  });
});

describe('a role written after a name without commas', () => {
  it('leaves the speaker the person ("Dr X games director at content firm Y told")', () => {
    const doc = extractDocument({
      id: 'a',
      text: '"HD support is mandatory," Dr Ilse Varga games systems director at content firm Tarvox told the website.',
    });
    expect(doc.entities.find((e) => e.localId === doc.quotes[0]!.speaker)?.name).toBe('Ilse Varga');
  });
});
