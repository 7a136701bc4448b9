import { describe, expect, it } from 'vitest';
import { firstNameGender } from './person-lexicon.js';

describe('firstNameGender', () => {
  it('decides a name both English lists hold by the world lists when they give one gender', () => {
    // (the English lists carry "Tony", "George", "Bill" and "Claire" for both genders)
    expect(firstNameGender('Tony')).toBe('male');
    expect(firstNameGender('George')).toBe('male');
    expect(firstNameGender('Bill')).toBe('male');
    expect(firstNameGender('Claire')).toBe('female');
  });

  it('leaves names given to both men and women without a gender', () => {
    for (const name of ['Jordan', 'Morgan', 'Alex', 'Jamie']) expect(firstNameGender(name)).toBeUndefined();
  });

  it('keeps one-gender names and the corrections', () => {
    expect(firstNameGender('Hilda')).toBe('female');
    expect(firstNameGender('Ian')).toBe('male');
    expect(firstNameGender('Philippe')).toBe('male');
  });
});
