import { describe, expect, it } from 'vitest';
import { extractDocument } from './index.js';
import type { EntityRecord } from './types.js';

function byName(entities: EntityRecord[], name: string): EntityRecord | undefined {
  return entities.find((e) => e.name === name);
}

describe('countries, places and organisations', () => {
  const doc = extractDocument({
    id: 't1',
    text:
      'Officials gathered in Lyon, France, on Tuesday. Norwegian officials and the World Health Organization ' +
      "joined them, as did a team from Portugal's Foreign Ministry.\n\n" +
      'The delegation later flew to the town of Brevik Falls, Canada. (Reuters/Getty Images)',
  });

  it('places a known city in its country and one named with its country', () => {
    const lyon = byName(doc.entities, 'Lyon');
    expect(lyon?.type).toBe('Place');
    expect(doc.entities.find((e) => e.localId === lyon?.country)?.name).toBe('France');
    const unknown = byName(doc.entities, 'Brevik Falls');
    expect(unknown?.type).toBe('Place');
    expect(doc.entities.find((e) => e.localId === unknown?.country)?.name).toBe('Canada');
  });

  it('counts demonyms as country mentions and qualifies generic bodies with their country', () => {
    expect(byName(doc.entities, 'Norway')?.type).toBe('Country');
    const ministry = byName(doc.entities, 'Portuguese Foreign Ministry');
    expect(ministry?.type).toBe('Organization');
    expect(doc.entities.find((e) => e.localId === ministry?.country)?.name).toBe('Portugal');
    expect(byName(doc.entities, 'World Health Organization')?.type).toBe('Organization');
  });

  it('takes news agencies and photo credits as organisations, never persons', () => {
    expect(byName(doc.entities, 'Reuters')?.type).toBe('Organization');
    expect(byName(doc.entities, 'Getty Images')?.type).toBe('Organization');
    expect(doc.entities.filter((e) => e.type === 'Person').map((e) => e.name)).not.toContain('Reuters');
    expect(doc.entities.some((e) => e.name === 'Tuesday')).toBe(false);
  });

  it('uses local ids by type: c, l, o', () => {
    for (const e of doc.entities) {
      const prefix = { Country: 'c', Place: 'l', Organization: 'o', Person: 'p' }[e.type];
      expect(e.localId.startsWith(prefix)).toBe(true);
    }
  });
});

describe('person roles and nationality', () => {
  it('points a role country at the Country local id', () => {
    const doc = extractDocument({
      id: 't2',
      text: 'Chilean Finance Minister Marisol Quenta arrived on Monday. Quenta said the talks were useful.',
    });
    const person = doc.entities.find((e) => e.type === 'Person');
    const chile = byName(doc.entities, 'Chile');
    expect(chile?.type).toBe('Country');
    expect(person?.roles?.[0]?.country).toBe(chile?.localId);
    expect(person?.nationality).toBe(chile?.localId);
  });
});

describe('numbers next to names', () => {
  it('never starts a name with a number or a figure glued to a word', () => {
    const doc = extractDocument({
      id: 't3',
      text:
        'Fans filled the 45,000-seater Marlow Park Stadium on Sunday. In 2005 Brindle Valley Council ' +
        'approved a 12bn Harwick Bridge. The 17-year-old Quenta Rovers Football Club player scored twice.',
    });
    const names = doc.entities.map((e) => e.name);
    expect(names.filter((n) => /^[\p{N}\p{P}]/u.test(n))).toEqual([]);
    expect(names).toContain('Marlow Park Stadium');
    expect(names).toContain('Brindle Valley Council');
  });

  it('keeps a number inside a name after a capitalised word', () => {
    const doc = extractDocument({
      id: 't4',
      text: 'The rocket was built by Orbital 7 Systems Group in Texas.',
    });
    expect(doc.entities.map((e) => e.name)).toContain('Orbital 7 Systems Group');
  });
});

describe('organisation names with "on"', () => {
  it('keeps "Institute on ..." whole but stops before a date', () => {
    const doc = extractDocument({
      id: 't5',
      text: 'The figures come from the Northern Institute on Water Quality. The Tarland Ministry on Monday disagreed.',
    });
    const names = doc.entities.map((e) => e.name);
    expect(names).toContain('Northern Institute on Water Quality');
    expect(names.some((n) => /Monday/.test(n))).toBe(false);
  });
});

describe('an outlet known by one generic word', () => {
  it('is named by the whole run when other capitalised words come before it', () => {
    const text = 'The Harbour Times ran an editorial. The Times said so too.';
    const orgs = extractDocument({ id: 't', text })
      .entities.filter((e) => e.type === 'Organization')
      .map((e) => e.name);
    expect(orgs).toContain('Harbour Times');
    expect(orgs).toContain('The Times');
  });
});
