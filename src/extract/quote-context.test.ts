/**
 * To whom, where and when (quote-context.ts), on short invented texts run through the whole per-article
 * pipeline: the addressee, audience, date, place and event of each quote come from its attribution clause.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from './index.js';
import type { DocumentExtraction, QuoteRecord } from './types.js';

const ARTICLE_DATE = '2026-03-12'; // a Thursday

function run(text: string, date: string | undefined = ARTICLE_DATE): DocumentExtraction {
  return extractDocument({ id: 't', text, ...(date ? { date } : {}) });
}

function quoteWith(doc: DocumentExtraction, words: string): QuoteRecord {
  const q = doc.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" in ${JSON.stringify(doc.quotes.map((x) => x.text))}`);
  return q;
}

const nameOf = (doc: DocumentExtraction, localId: string | undefined): string | undefined =>
  doc.entities.find((e) => e.localId === localId)?.name;

describe('addressee and audience', () => {
  it('takes the person after "told" as the addressee, not the speaker', () => {
    const doc = run(
      'Marta Oyelaran met Tobias Wennergren at the ministry. ' +
        '"We will not sign this," Marta Oyelaran told Tobias Wennergren.',
    );
    const q = quoteWith(doc, 'not sign this');
    expect(nameOf(doc, q.speaker)).toBe('Marta Oyelaran');
    expect(nameOf(doc, q.addressee)).toBe('Tobias Wennergren');
    expect(q.audience).toBeUndefined();
  });

  it('reads "in an interview with" and "in a letter to" an organisation or person', () => {
    const doc = run(
      'Ilse Brandvold leads the Tarland Dockworkers Union. ' +
        '"The port must stay open," Ilse Brandvold said in an interview with the Tarland Dockworkers Union. ' +
        'In a letter to Jonas Aaltonen, Ilse Brandvold wrote that the strike would go on.',
    );
    expect(nameOf(doc, quoteWith(doc, 'port must stay open').addressee)).toBe('Tarland Dockworkers Union');
    expect(nameOf(doc, quoteWith(doc, 'strike would go on').addressee)).toBe('Jonas Aaltonen');
  });

  it('keeps a group that is no entity as the audience phrase', () => {
    const doc = run('"Nothing has been decided," Petra Lindqvist told reporters after the vote.');
    const q = quoteWith(doc, 'Nothing has been decided');
    expect(q.audience).toBe('reporters');
    expect(q.addressee).toBeUndefined();
  });

  it('leaves out pronoun addressees and passive or infinitive "told"/"said to"', () => {
    const doc = run(
      'Petra Lindqvist spoke to her lawyer. "I am innocent," she told him. ' +
        'Ravi Okonkwo was told by officials that the plant would close. ' +
        '"It is a fair offer," said Anders Holmqvist, who is said to be close to the board.',
    );
    for (const words of ['I am innocent', 'It is a fair offer']) {
      const q = quoteWith(doc, words);
      expect(q.addressee).toBeUndefined();
      expect(q.audience).toBeUndefined();
    }
  });
});

describe('when and where', () => {
  it('resolves the weekday of the attribution against the article date, not a date inside the quote', () => {
    const doc = run('"The talks will resume on Friday," Lena Marsh said on Tuesday.');
    const q = quoteWith(doc, 'talks will resume');
    expect(q.date).toBe('2026-03-10');
  });

  it('has no date when only the quoted words carry one', () => {
    const doc = run('"We will know more on Friday," Lena Marsh said.');
    expect(quoteWith(doc, 'know more').date).toBeUndefined();
  });

  it('takes an explicit date and the place after "in" from the attribution clause', () => {
    const doc = run('Speaking in Bergen on 3 March, Lena Marsh said: "The fleet is ready."');
    const q = quoteWith(doc, 'fleet is ready');
    expect(q.date).toBe('2026-03-03');
    expect(nameOf(doc, q.place)).toBe('Bergen');
  });

  it('prefers a city to its country and ignores places inside the quotation', () => {
    const doc = run(
      '"Our exports to Portugal doubled," Lena Marsh on Wednesday told a news conference in Lyon, France.',
    );
    const q = quoteWith(doc, 'exports to Portugal');
    expect(nameOf(doc, q.place)).toBe('Lyon');
    expect(q.audience).toBe('a news conference');
    expect(q.date).toBe('2026-03-11');
  });

  it('links the event named in the attribution clause', () => {
    const doc = run(
      'Lena Marsh and Tobias Wennergren held talks in Graz on Monday. ' +
        'Speaking after the talks, Lena Marsh said: "We found common ground."',
    );
    const q = quoteWith(doc, 'common ground');
    expect(q.event).toBeDefined();
    expect(doc.events.map((e) => e.localId)).toContain(q.event);
  });

  it('sets nothing when the attribution says nothing about audience, place or time', () => {
    const doc = run('"We found common ground," Lena Marsh said.');
    const q = quoteWith(doc, 'common ground');
    expect([q.addressee, q.audience, q.date, q.place, q.event]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('adjuncts of the speech act only', () => {
  it('does not take where the speaker works, or what the reported content mentions, as where it was said', () => {
    const doc = run(
      '"Demand is weak," said Ilse Brandvold, an analyst at a bank in Bergen. ' +
        'The agency said the rise was due to demand from Portugal, calling it "a temporary blip". ' +
        '"We expect a rebound," wrote analysts from a broker in Lyon in a note to clients on Friday.',
    );
    expect(quoteWith(doc, 'Demand is weak').place).toBeUndefined();
    expect(quoteWith(doc, 'temporary blip').place).toBeUndefined();
    const note = quoteWith(doc, 'expect a rebound');
    expect(note.audience).toBe('clients');
    expect(note.date).toBe('2026-03-06');
  });
});

describe('languages and reported content after "told"', () => {
  it('reads no place from "said in <language>" or from what was told after a pronoun', () => {
    const doc = run(
      'Lena Marsh said in French: "We are ready." ' +
        'Tobias Wennergren said the inspector told him the papers had been found in a cellar in Bergen.',
    );
    expect(quoteWith(doc, 'We are ready').place).toBeUndefined();
    const told = doc.quotes.find((q) => q.text.includes('papers had been found'));
    expect(told?.place).toBeUndefined();
  });
});

describe('adjectives of countries', () => {
  it('does not take the country of "told Norwegian television" as the addressee', () => {
    const doc = run('"We will not move," Lena Marsh told Norwegian television.');
    const q = quoteWith(doc, 'will not move');
    expect(q.addressee).toBeUndefined();
  });
});

describe('an addressee and a weekday between a participle cue and a quotation', () => {
  it('keeps the addressee as the audience and dates the statement by the weekday', () => {
    const doc = run(
      'Mayor Orsolya Fenwright also lowered expectations, telling a regional radio station Monday “nothing will change before the thaw.”',
    );
    const q = quoteWith(doc, 'nothing will change');
    expect(q.kind).toBe('direct');
    expect(q.audience).toBe('a regional radio station');
    expect(q.date).toBe('2026-03-09');
  });

  it('keeps a weekday that opens the name of the addressee inside it ("told the Sunday Lantern")', () => {
    const doc = run('"We will not sell the mill," Orsolya Fenwright told the Sunday Lantern.');
    expect(quoteWith(doc, 'not sell the mill').audience).not.toBe('the');
  });
});
