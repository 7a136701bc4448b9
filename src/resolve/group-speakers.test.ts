import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract/index.js';
import type { DocumentExtraction } from '../extract/types.js';
import { addGroupSpeakers, groupSpeakerName } from './group-speakers.js';

function speakerOf(doc: DocumentExtraction, fragment: string): { type?: string; name?: string } {
  const quote = doc.quotes.find((q) => q.text.includes(fragment));
  if (!quote)
    throw new Error(`no quote with "${fragment}": ${JSON.stringify(doc.quotes.map((q) => q.text))}`);
  const entity = doc.entities.find((e) => e.localId === quote.speaker);
  return entity ? { type: entity.type, name: entity.name } : {};
}

function run(text: string): DocumentExtraction {
  return addGroupSpeakers(extractDocument({ id: 'a', text, date: '2024-05-02' }));
}

describe('role descriptions resolved over the whole article', () => {
  it('gives a lede quote by "Norway\'s fisheries minister" to the person named with that office later', () => {
    const doc = run(
      'Norway’s fisheries minister said the quota talks had failed.\n\n' +
        'Norwegian Fisheries Minister Ingrid Halvorsen met her Icelandic counterpart, Einar Sigurdsson, in Bergen.',
    );
    expect(speakerOf(doc, 'quota talks')).toEqual({ type: 'Person', name: 'Ingrid Halvorsen' });
  });

  it('finds a counterpart by the country of the description', () => {
    const doc = run(
      'His Danish counterpart said the fleet would stay in port.\n\n' +
        'Norwegian Fisheries Minister Ingrid Halvorsen met her Danish counterpart, Einar Sigurdsson, in Bergen.',
    );
    expect(speakerOf(doc, 'fleet would stay')).toEqual({ type: 'Person', name: 'Einar Sigurdsson' });
  });

  it('finds "his Russian counterpart" among several Russians by the office named before it', () => {
    const doc = run(
      "Veldland's foreign minister said his country would not give in, while his Russian counterpart warned " +
        'the West against sending weapons.\n\n' +
        'Russian President Oleg Varin spoke by phone. Russian Foreign Minister Ivo Lasko met Veldish Foreign ' +
        'Minister Ada Korr in Antalya.',
    );
    expect(speakerOf(doc, 'against sending weapons')).toEqual({ type: 'Person', name: 'Ivo Lasko' });
  });

  it('leaves a description that fits nobody unattributed instead of making it an organisation', () => {
    const doc = run('A senior Danish minister said the quota talks had failed.\n\nThe boats stayed in port.');
    expect(speakerOf(doc, 'quota talks')).toEqual({});
    expect(doc.entities.filter((e) => e.type === 'Organization').map((e) => e.name)).toEqual([]);
  });

  it('leaves an ambiguous description (two ministers) unresolved', () => {
    const doc = run(
      'The minister said the quota talks had failed.\n\n' +
        'Fisheries Minister Ingrid Halvorsen and Trade Minister Einar Sigurdsson met in Bergen.',
    );
    expect(speakerOf(doc, 'quota talks')).toEqual({});
  });

  it('still makes an organisation of a group speaker', () => {
    const doc = run('The port authority said the northern pier would reopen in May.');
    expect(speakerOf(doc, 'northern pier')).toEqual({ type: 'Organization', name: 'port authority' });
  });
});

describe('group speaker names', () => {
  it('lower-cases a common noun capitalised only because it opens the sentence, not a country or place', () => {
    expect(groupSpeakerName('Police')).toBe('police');
    expect(groupSpeakerName('The fire department')).toBe('fire department');
    expect(groupSpeakerName("Norway's fisheries ministry")).toBe("Norway's fisheries ministry");
    expect(groupSpeakerName('Danish police')).toBe('Danish police');
    expect(groupSpeakerName('The Ontario government')).toBe('Ontario government');
    expect(groupSpeakerName('a Cosla spokesman')).toBe('Cosla spokesman');
    expect(groupSpeakerName('he')).toBeUndefined();
    expect(groupSpeakerName('Dealers')).toBe('dealers');
  });

  it('names no body by a word that opens a clause, nor by a mention that ran over a reporting verb', () => {
    for (const mention of [
      'Since',
      'Previously',
      'Neither',
      'However',
      'He said the claims',
      'It also said the council',
    ]) {
      expect(groupSpeakerName(mention), mention).toBeUndefined();
    }
  });

  it('takes the source after "according to" and drops a stray bracket', () => {
    expect(groupSpeakerName('according to figures')).toBe('figures');
    expect(groupSpeakerName('according to the Harbour Authority')).toBe('Harbour Authority');
    expect(groupSpeakerName('VKF)')).toBe('VKF');
    expect(groupSpeakerName('(VKF')).toBe('VKF');
    expect(groupSpeakerName('Fund (VKF)')).toBe('Fund (VKF)');
    expect(groupSpeakerName('Italy')).toBe('Italy');
  });

  it('keeps an acronym opening the name as written ("RCMP spokesperson")', () => {
    expect(groupSpeakerName('An ETRA spokesperson')).toBe('ETRA spokesperson');
  });
});

describe('no organisation named by punctuation or a figure', () => {
  it('makes no speaker of a list dash, a "so-called" phrase or a percentage', () => {
    const doc = run(
      'Firms gave three reasons for staying:\n\n- the call centre is part of their "core business function",\n\n' +
        'These so-called "next generation machines" will be faster. Some 40% said politicians never gave "a straight answer".',
    );
    const orgs = doc.entities.filter((e) => e.type === 'Organization').map((e) => e.name);
    expect(orgs.filter((n) => !/\p{L}/u.test(n) || /^\p{N}/u.test(n))).toEqual([]);
    expect(groupSpeakerName('-')).toBeUndefined();
    expect(groupSpeakerName('92%')).toBeUndefined();
    expect(groupSpeakerName('£37.5bn')).toBeUndefined();
    expect(groupSpeakerName('- The Tarnby Rovers')).toBe('Tarnby Rovers');
  });
});
