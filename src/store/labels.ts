/**
 * The node labels and relationship types the store may put into Cypher text. Labels and types cannot be
 * query parameters, so they are the only non-parameter parts of our statements; they come from the
 * ontology's fixed lists and are checked here before any statement is built.
 */
import { InternalError } from '../errors.js';
import { EDGE_TYPES, NODE_LABELS as NODE_TYPES } from '../model/ontology.js';

const LABELS: ReadonlySet<string> = new Set(NODE_TYPES);
const REL_TYPES: ReadonlySet<string> = new Set(EDGE_TYPES);
/** Belt and braces: even an ontology entry must be a plain identifier before it goes into Cypher. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

export const NODE_LABELS: readonly string[] = [...NODE_TYPES];
export const RELATIONSHIP_TYPES: readonly string[] = [...EDGE_TYPES];

export function isNodeLabel(value: unknown): value is string {
  return typeof value === 'string' && LABELS.has(value) && IDENTIFIER.test(value);
}

/** A stored node's ontology type: its first ontology label (any other label it may carry is ignored). */
export function nodeTypeOf(labels: readonly string[]): string {
  return labels.find(isNodeLabel) ?? labels[0] ?? 'Unknown';
}

export function isRelationshipType(value: unknown): value is string {
  return typeof value === 'string' && REL_TYPES.has(value) && IDENTIFIER.test(value);
}

/** Returns the label, backquoted for Cypher, or throws if it is not one of the ontology's labels. */
export function cypherLabel(value: unknown): string {
  if (!isNodeLabel(value)) {
    throw new InternalError('STORE_BAD_LABEL', `not a node label of the ontology: ${JSON.stringify(value)}`);
  }
  return `\`${value}\``;
}

export function cypherRelType(value: unknown): string {
  if (!isRelationshipType(value)) {
    throw new InternalError(
      'STORE_BAD_REL_TYPE',
      `not a relationship type of the ontology: ${JSON.stringify(value)}`,
    );
  }
  return `\`${value}\``;
}
