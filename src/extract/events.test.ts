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
  const name = (id: string | undefined): string | undefined => doc.entities.find((e) => e.localId === id)?.name;

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
