/**
 * Turning graph attributes into Neo4j properties, and content hashes of them.
 *
 * Neo4j properties are primitives or homogeneous lists of primitives. Attributes that are anything else
 * (objects, lists of objects such as a quote's `mentions`) are stored as a JSON string under the same key,
 * and the key is listed in the `jsonKeys` property so readers can decode them losslessly.
 * Integral numbers are stored as Neo4j INTEGER (the driver would otherwise send every JS number as a float).
 */
import { createHash } from 'node:crypto';
import neo4j, { type Integer } from 'neo4j-driver';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };
export type PlainProps = Record<string, PlainValue>;
export type Neo4jValue = string | number | boolean | Integer | string[] | number[] | boolean[] | Integer[];
export type Neo4jProps = Record<string, Neo4jValue>;

/** Property names the store itself sets; readers and exports may treat them as bookkeeping. */
export const JSON_KEYS_PROPERTY = 'jsonKeys';
export const SYNC_HASH_PROPERTY = 'syncHash';

/** Key-sorted JSON: the same content always gives the same string, whatever the attribute order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url').slice(0, 32);
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function toNumber(n: number, asInteger: boolean): number | Integer {
  return asInteger ? neo4j.int(n) : n;
}

/** A list Neo4j can store natively (all strings, all booleans, or all numbers), else undefined. */
function nativeList(list: unknown[]): Neo4jValue | undefined {
  if (list.every((v) => typeof v === 'string')) return list as string[];
  if (list.every((v) => typeof v === 'boolean')) return list as boolean[];
  if (list.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const ints = (list as number[]).every((n) => Number.isSafeInteger(n));
    return ints ? (list as number[]).map((n) => neo4j.int(n)) : (list as number[]);
  }
  return undefined;
}

/**
 * Encodes attributes as Neo4j properties. `undefined`/`null` are dropped (Neo4j has no null property);
 * non-native values become JSON strings listed under `jsonKeys`.
 */
export function toNeo4jProps(attrs: Record<string, unknown>): Neo4jProps {
  const props: Neo4jProps = {};
  const jsonKeys: string[] = [];
  for (const key of Object.keys(attrs).sort()) {
    const value = attrs[key];
    if (value === undefined || value === null) continue;
    if (isPrimitive(value)) {
      props[key] = typeof value === 'number' ? toNumber(value, Number.isSafeInteger(value)) : value;
      continue;
    }
    const list = Array.isArray(value) ? nativeList(value) : undefined;
    if (list !== undefined) {
      props[key] = list;
      continue;
    }
    props[key] = canonicalJson(value);
    jsonKeys.push(key);
  }
  if (jsonKeys.length > 0) props[JSON_KEYS_PROPERTY] = jsonKeys;
  return props;
}

/** Inverse of toNeo4jProps for values read back (driver opened with disableLosslessIntegers). */
export function fromNeo4jProps(props: Record<string, unknown>): Record<string, unknown> {
  const jsonKeys = Array.isArray(props[JSON_KEYS_PROPERTY]) ? (props[JSON_KEYS_PROPERTY] as string[]) : [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === JSON_KEYS_PROPERTY || key === SYNC_HASH_PROPERTY) continue;
    out[key] = jsonKeys.includes(key) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return out;
}
