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
