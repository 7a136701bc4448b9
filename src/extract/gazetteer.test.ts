import { describe, expect, it } from 'vitest';
import {
  countryForDemonym,
  countryForDemonymPlural,
  countryForModifier,
  countryForName,
  countryIso,
  isKnownOrganization,
  isKnownPlace,
  isNewsOutlet,
} from './gazetteer.js';

describe('gazetteer', () => {
  it('resolves country aliases to one canonical name and ISO code', () => {
    expect(countryForName('U.S.')).toBe('United States');
    expect(countryForName('the United States')).toBe('United States');
    expect(countryForName('UK')).toBe('United Kingdom');
    expect(countryForName('Britain')).toBe('United Kingdom');
    expect(countryForName('Russian Federation')).toBe('Russia');
    expect(countryForName('Türkiye')).toBe('Turkey');
    expect(countryIso('Holland')).toBe('NL');
  });

  it('does not take ordinary words or two-letter codes for countries', () => {
    expect(countryForName('us')).toBeUndefined();
    expect(countryForName('IN')).toBeUndefined();
    expect(countryForName('Monday')).toBeUndefined();
  });

  it('maps demonyms and nationality plurals to countries', () => {
    expect(countryForDemonym('Ukrainian')).toBe('Ukraine');
    expect(countryForDemonym('Turkish')).toBe('Turkey');
    expect(countryForDemonym('American')).toBe('United States');
    expect(countryForDemonym('Ukrainians')).toBeUndefined();
    expect(countryForDemonymPlural('Ukrainians')).toBe('Ukraine');
    expect(countryForDemonymPlural('Britons')).toBe('United Kingdom');
    expect(countryForModifier("Norway's")).toBe('Norway');
  });

  it('knows cities and regions with their country, and flags ambiguous words', () => {
    expect(isKnownPlace('Kiev')?.country).toBe('Ukraine');
    expect(isKnownPlace('Birmingham')?.country).toBe('United Kingdom');
    expect(isKnownPlace('California')).toMatchObject({ kind: 'region', country: 'United States' });
    expect(isKnownPlace('Reading')?.ambiguous).toBe(true);
    expect(isKnownPlace('France')).toBeUndefined();
    expect(isKnownPlace('Friday')).toBeUndefined();
  });

  it('knows organisations by name and acronym, acronyms only in capitals', () => {
    expect(isKnownOrganization('UN')?.name).toBe('United Nations');
    expect(isKnownOrganization('Nato')?.name).toBe('NATO');
    expect(isKnownOrganization('WHO')?.name).toBe('World Health Organization');
    expect(isKnownOrganization('Who')).toBeUndefined();
    expect(isNewsOutlet('Reuters')).toBe(true);
    expect(isNewsOutlet('NATO')).toBe(false);
  });
});

describe('a region and a city of the same name', () => {
  it('is the region when the region holds bigger cities than any city of that name', () => {
    expect(isKnownPlace('Ontario')).toMatchObject({ kind: 'region', country: 'Canada' });
    expect(isKnownPlace('Florida')).toMatchObject({ kind: 'region', country: 'United States' });
    // a city that is the largest of its region keeps its name: New York, London
    expect(isKnownPlace('New York')).toMatchObject({ kind: 'city', country: 'United States' });
    expect(isKnownPlace('London')).toMatchObject({ kind: 'city', country: 'United Kingdom' });
  });
});
