/**
 * Deterministic initial positions: each node's starting point is derived from its key alone, so the same
 * graph lays out the same way on every reload (ForceAtlas2 is then run for a fixed number of iterations).
 */

/** FNV-1a 32-bit hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point in the disc of the given radius, fixed for a key (uniform over the disc). */
export function seededPosition(key: string, radius = 100): { x: number; y: number } {
  const rnd = mulberry32(hashString(key));
  const r = radius * Math.sqrt(rnd());
  const theta = 2 * Math.PI * rnd();
  return { x: r * Math.cos(theta), y: r * Math.sin(theta) };
}

/** Near an anchor (for nodes added by an expansion): still fixed for the key. */
export function seededNear(key: string, anchor: { x: number; y: number }, spread: number): { x: number; y: number } {
  const p = seededPosition(key, spread);
  return { x: anchor.x + p.x, y: anchor.y + p.y };
}
