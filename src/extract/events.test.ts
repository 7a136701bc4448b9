import { describe, expect, it } from 'vitest';
import { extractDocument } from './index.js';

describe('events', () => {
  // 2021-06-17 is a Thursday.
  const doc = extractDocument({
    id: 'ev1',
    date: '2021-06-17',
    text:
      'Foreign Minister Arvo Telmann of Estonia and Foreign Minister Bela Korvath of Hungary held talks on ' +
      'Tuesday in Geneva, Switzerland. The talks were hosted by Swiss diplomat Anouk Berrier.\n\n' +
      'Separately, a drone attack hit a depot in Lviv on Wednesday.',
  });
  const name = (id: string | undefined): string | undefined =>
    doc.entities.find((e) => e.localId === id)?.name;

  it('finds talks with weekday date, place and participants, and the host as mediator', () => {
    const talks = doc.events.find((e) => e.kind === 'talks');
    expect(talks).toBeDefined();
    expect(talks!.date).toBe('2021-06-15');
    expect(name(talks!.place)).toBe('Geneva');
    expect(talks!.participants.map(name).sort()).toEqual(['Arvo Telmann', 'Bela Korvath']);
    expect(talks!.mediators.map(name)).toEqual(['Anouk Berrier']);
  });

  it('finds an attack with its own date and place', () => {
    const attack = doc.events.find((e) => e.kind === 'attack');
    expect(attack?.date).toBe('2021-06-16');
    expect(name(attack?.place)).toBe('Lviv');
  });

  it('takes a country glued to "-brokered" as the mediator', () => {
    const d = extractDocument({
      id: 'ev2',
      text: 'Negotiators from Peru and Chile met in Lima for Norwegian-brokered talks on Friday.',
      date: '2021-06-17',
    });
    const event = d.events[0];
    expect(event).toBeDefined();
    expect(event!.mediators.map((id) => d.entities.find((e) => e.localId === id)?.name)).toContain('Norway');
  });
});

describe('event participants', () => {
  const names = (d: ReturnType<typeof extractDocument>, ids: string[]): string[] =>
    ids.map((id) => d.entities.find((e) => e.localId === id)?.name ?? id).sort();

  it('keeps an attack with its place and date but without the people named near it', () => {
    const d = extractDocument({
      id: 'ev3',
      date: '2021-06-17',
      text: 'The attack on Tuesday in Kharkiv left shopkeeper Ottilie Brask injured, President Henrik Vasmer said.',
    });
    const attack = d.events.find((e) => e.kind === 'attack');
    expect(attack).toBeDefined();
    expect(attack!.date).toBe('2021-06-15');
    expect(d.entities.find((e) => e.localId === attack!.place)?.name).toBe('Kharkiv');
    expect(attack!.participants).toEqual([]);
  });

  it('takes the subject and object of "met" and leaves out the person reporting it', () => {
    const d = extractDocument({
      id: 'ev4',
      date: '2021-06-17',
      text: 'Prime Minister Tavi Lund met Chancellor Edda Korhonen in Oslo on Monday, spokesman Piet Dorman told reporters.',
    });
    const meeting = d.events.find((e) => e.kind === 'meeting');
    expect(names(d, meeting!.participants)).toEqual(['Edda Korhonen', 'Tavi Lund']);
  });

  it('takes "talks between X and Y" and "X\'s visit to Z", not people in another clause', () => {
    const d = extractDocument({
      id: 'ev5',
      date: '2021-06-17',
      text:
        'Talks between Minister Arne Solberg and Minister Ivo Kask ended in Tallinn on Friday. ' +
        'When reporter Lina Berg asked about it, Senator Joan Pell said her visit to Riga would follow.',
    });
    const talks = d.events.find((e) => e.kind === 'talks');
    expect(names(d, talks!.participants)).toEqual(['Arne Solberg', 'Ivo Kask']);
    const visit = d.events.find((e) => e.kind === 'visit');
    expect(
      visit?.participants.map((id) => d.entities.find((e) => e.localId === id)?.name) ?? [],
    ).not.toContain('Lina Berg');
  });
});

describe('what is no event, and what is another one', () => {
  const run = (text: string) => {
    const d = extractDocument({ id: 'ev-x', text, date: '2021-06-17' });
    const name = (id: string | undefined) => d.entities.find((e) => e.localId === id)?.name;
    return { d, name };
  };

  it('makes no event of a meeting only talked of as possible, refused or wanted', () => {
    for (const text of [
      'Peter Lindqvist raised the possibility of a summit between Maria Olenko and Anna Berg in Geneva.',
      'Peter Lindqvist said Maria Olenko would not refuse a meeting with Anna Berg.',
      'Peter Lindqvist expressed willingness to hold more talks with Maria Olenko.',
    ]) {
      expect(run(text).d.events, text).toEqual([]);
    }
  });

  it('takes no event from inside a quotation, nor its parties', () => {
    const { d } = run(
      'Arvo Telmann told a Norwegian broadcaster on Thursday: "Only direct talks between Bela Korvath and Anouk Berrier can end this."',
    );
    expect(d.events).toEqual([]);
  });

  it('reads "met stiff resistance" and "officials familiar with the talks" as no meeting', () => {
    expect(run('The plan by Arvo Telmann met stiff resistance in Geneva.').d.events).toEqual([]);
    expect(
      run('Bela Korvath has spoken with Anouk Berrier, an official familiar with the talks said.').d.events,
    ).toEqual([]);
  });

  it('keeps an earlier round apart from the talks the article reports', () => {
    const { d, name } = run(
      'Peter Lindqvist and Maria Olenko held talks in Geneva on Thursday. ' +
        'Maria Olenko said her demands were made clear in previous negotiations in Lyon. ' +
        'Peter Lindqvist later called the meeting with Anna Berg useful.',
    );
    const places = d.events.map((e) => name(e.place)).sort();
    expect(places).toEqual(['Geneva', 'Lyon']);
    // The later mention without a venue is the reported talks, not the earlier round.
    const geneva = d.events.find((e) => name(e.place) === 'Geneva');
    expect(geneva?.participants.map(name).sort()).toEqual(['Anna Berg', 'Maria Olenko', 'Peter Lindqvist']);
    expect(d.events.find((e) => name(e.place) === 'Lyon')?.participants).toEqual([]);
  });

  it('takes no venue from another clause of the sentence, and no party from an adjective before a thing', () => {
    const { d, name } = run(
      'Maria Olenko said the main aspect of the talks was the attempt to open a corridor in the port city of Bergen.',
    );
    expect(d.events.map((e) => name(e.place))).not.toContain('Bergen');
    const adjective = run('The talks in Geneva on Thursday were overshadowed by the Chilean offensive.');
    expect(adjective.d.events[0]?.participants).toEqual([]);
    const people = run('Norwegian negotiators and Chilean officials held talks in Geneva on Thursday.');
    expect(people.d.events[0]?.participants.map(people.name).sort()).toEqual(['Chile', 'Norway']);
  });

  it('takes the facilitating country, not a person named in the next clause, as the mediator', () => {
    const { d, name } = run(
      'The talks between Peter Lindqvist and Maria Olenko were facilitated by Norway and lasted an hour, Peter Lindqvist said.',
    );
    expect(d.events[0]?.mediators.map(name)).toEqual(['Norway']);
  });
});

describe('venues said through the event’s own predicate', () => {
  it('keeps "the meeting is due to take place in X" as the venue', () => {
    const d = extractDocument({
      id: 'ev-y',
      date: '2021-06-17',
      text: 'The meeting between Peter Lindqvist and Maria Olenko is due to take place on Friday in Geneva.',
    });
    expect(d.entities.find((e) => e.localId === d.events[0]?.place)?.name).toBe('Geneva');
  });
});
