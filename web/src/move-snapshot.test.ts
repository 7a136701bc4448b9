import { describe, expect, it } from 'vitest';
import { affineFromPoints, applyMatrix, invertMatrix, type CssMatrix } from './move-snapshot.js';

const close = (m: CssMatrix, want: CssMatrix): void => {
  for (const k of ['a', 'b', 'c', 'd', 'e', 'f'] as const) expect(m[k]).toBeCloseTo(want[k], 9);
};

describe('move snapshot transforms', () => {
  it('finds a translation from three moved points', () => {
    const m = affineFromPoints(
      [
        { x: 10, y: 10 },
        { x: 110, y: 10 },
        { x: 10, y: 60 },
      ],
      [
        { x: 130, y: 50 },
        { x: 230, y: 50 },
        { x: 130, y: 100 },
      ],
    );
    close(m, { a: 1, b: 0, c: 0, d: 1, e: 120, f: 40 });
  });

  it('finds a zoom about a point with a rotation, and inverts it', () => {
    // Scale 2 and a quarter turn about (100, 50): x' = 100 - 2(y - 50), y' = 50 + 2(x - 100).
    const f = (p: { x: number; y: number }) => ({ x: 100 - 2 * (p.y - 50), y: 50 + 2 * (p.x - 100) });
    const p = [
      { x: 0, y: 0 },
      { x: 300, y: 20 },
      { x: 40, y: 500 },
    ] as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
    const m = affineFromPoints(p, [f(p[0]), f(p[1]), f(p[2])]);
    close(m, { a: 0, b: 2, c: -2, d: 0, e: 200, f: -150 });
    const q = { x: 77, y: -3 };
    const back = applyMatrix(invertMatrix(m), applyMatrix(m, q));
    expect(back.x).toBeCloseTo(q.x, 9);
    expect(back.y).toBeCloseTo(q.y, 9);
  });
});
