import { describe, expect, it } from 'vitest';
import { growthExponent, median } from './stats.js';

describe('bench statistics', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('recovers the exponent of a power law', () => {
    const linear = [250, 500, 1000, 2000].map((size) => ({ size, seconds: size * 0.002 }));
    const quadratic = [250, 500, 1000, 2000].map((size) => ({ size, seconds: size * size * 1e-6 }));
    expect(growthExponent(linear)).toBeCloseTo(1, 6);
    expect(growthExponent(quadratic)).toBeCloseTo(2, 6);
  });
});
