/**
 * Writing a StoreGraph into Neo4j as a diff against what is stored.
 *
 * Every node and relationship carries `syncHash`, a hash of everything written to it. The sync reads the
 * stored (id, hash) pairs, writes only rows whose hash differs or that are missing, and deletes rows the
 * desired graph no longer has. Writes are `UNWIND $rows ... CREATE/MERGE`, in bounded transactions;
 * only labels and relationship types (validated against the ontology) are part of the Cypher text, all
 * values are parameters.
 *
 * Order (crash safety): 1. nodes (Article nodes only as bare stubs), 2. relationships, 3. deletions
 * (relationships, then nodes), 4. full Article nodes. Each phase finishes before the next starts; the
 * transactions of one phase are independent of each other and run two at a time. An Article node with
 * its full properties (content hash, extraction record) is what marks an article as ingested, so it is
 * written last: a run killed earlier leaves its articles unmarked, and the next run redoes them; the
 * diff then converges on the same graph.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { InternalError } from '../errors.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, cypherLabel, cypherRelType } from './labels.js';
import { SYNC_HASH_PROPERTY } from './properties.js';
import type { StoreGraph, StoreNode, StoreRel } from './store-graph.js';

/** The label whose full write marks an article as ingested (written last). */
export const ARTICLE_LABEL = 'Article';

export interface SyncOptions {
  /** Rows per UNWIND statement and per transaction. */
  batchSize?: number;
  database?: string;
  /**
   * Transactions in flight at once within one phase (default 2: the server runs each transaction on one
   * thread). A deadlock between them is a transient error the driver retries.
   */
  concurrency?: number;
  /** Send the statements of one transaction without waiting for each result (default true). */
  pipeline?: boolean;
  /** Called once before writing with the number of rows to write. */
  onStart?: (total: number) => void;
  /** Called after each committed batch with rows written so far and the total to write. */
  onProgress?: (done: number, total: number) => void;
}

export interface SyncCounts {
  nodesCreated: number;
  nodesUpdated: number;
  nodesDeleted: number;
  nodesUnchanged: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  relationshipsDeleted: number;
  relationshipsUnchanged: number;
}

export const DEFAULT_BATCH_SIZE = 2000;
export const DEFAULT_CONCURRENCY = 2;

const key = (kind: string, id: string) => `${kind}\u0000${id}`;

export interface StoredHashes {
  /** `${label}\0${id}` -> syncHash (null when the node has none, e.g. an article stub). */
  nodes: Map<string, string | null>;
  /** `${type}\0${id}` -> syncHash. */
  rels: Map<string, string | null>;
}

/**
 * One round trip per kind: a UNION ALL of one label (or type) scan each, so every MATCH has a static label.
 * The plan (scans) does not depend on statistics, so it is not replanned when the database size changes.
 */
const storedNodesCypher =
  'CYPHER replan=skip ' +
  NODE_LABELS.map(
    (label, i) =>
      `MATCH (n:${cypherLabel(label)}) WHERE n.id IS NOT NULL RETURN ${i} AS k, n.id AS id, n.${SYNC_HASH_PROPERTY} AS hash`,
  ).join(' UNION ALL ');
const storedRelsCypher =
  'CYPHER replan=skip ' +
  RELATIONSHIP_TYPES.map(
    (type, i) =>
      `MATCH ()-[r:${cypherRelType(type)}]->() WHERE r.id IS NOT NULL RETURN ${i} AS k, r.id AS id, r.${SYNC_HASH_PROPERTY} AS hash`,
  ).join(' UNION ALL ');

export async function loadStoredHashes(driver: Driver, database?: string): Promise<StoredHashes> {
  const nodes = new Map<string, string | null>();
  const rels = new Map<string, string | null>();
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    await session.executeRead(async (tx) => {
      const [n, r] = await Promise.all([tx.run(storedNodesCypher), tx.run(storedRelsCypher)]);
      for (const rec of n.records)
        nodes.set(
          key(NODE_LABELS[Number(rec.get('k'))] as string, rec.get('id') as string),
          rec.get('hash') as string | null,
        );
      for (const rec of r.records)
        rels.set(
          key(RELATIONSHIP_TYPES[Number(rec.get('k'))] as string, rec.get('id') as string),
          rec.get('hash') as string | null,
        );
    });
  } finally {
    await session.close();
  }
  return { nodes, rels };
}

export interface SyncPlan {
  nodesToWrite: StoreNode[];
  relsToWrite: StoreRel[];
  /** Ids (label/type + id keys) of rows in nodesToWrite/relsToWrite that do not exist yet: CREATE, not MERGE. */
  newKeys: Set<string>;
  nodesToDelete: Array<{ label: string; id: string }>;
  relsToDelete: Array<{ type: string; id: string }>;
  counts: SyncCounts;
}

export const emptySyncCounts = (): SyncCounts => ({
  nodesCreated: 0,
  nodesUpdated: 0,
  nodesDeleted: 0,
  nodesUnchanged: 0,
  relationshipsCreated: 0,
  relationshipsUpdated: 0,
  relationshipsDeleted: 0,
  relationshipsUnchanged: 0,
});

export function planSync(desired: StoreGraph, stored: StoredHashes): SyncPlan {
  const counts = emptySyncCounts();
  const newKeys = new Set<string>();
  const wantedNodes = new Set<string>();
  const nodesToWrite: StoreNode[] = [];
  for (const node of desired.nodes) {
    const k = key(node.label, node.id);
    wantedNodes.add(k);
    if (!stored.nodes.has(k)) {
      counts.nodesCreated++;
      newKeys.add(k);
    } else if (stored.nodes.get(k) !== node.hash) counts.nodesUpdated++;
    else {
      counts.nodesUnchanged++;
      continue;
    }
    nodesToWrite.push(node);
  }
  const wantedRels = new Set<string>();
  const relsToWrite: StoreRel[] = [];
  for (const rel of desired.rels) {
    const k = key(rel.type, rel.id);
    wantedRels.add(k);
    if (!stored.rels.has(k)) {
      counts.relationshipsCreated++;
      newKeys.add(k);
    } else if (stored.rels.get(k) !== rel.hash) counts.relationshipsUpdated++;
    else {
      counts.relationshipsUnchanged++;
      continue;
    }
    relsToWrite.push(rel);
  }
  const split = (k: string) => {
    const at = k.indexOf('\u0000');
    return [k.slice(0, at), k.slice(at + 1)] as const;
  };
  const nodesToDelete = [...stored.nodes.keys()]
    .filter((k) => !wantedNodes.has(k))
    .map((k) => {
      const [label, id] = split(k);
      return { label, id };
    });
  const relsToDelete = [...stored.rels.keys()]
    .filter((k) => !wantedRels.has(k))
    .map((k) => {
      const [type, id] = split(k);
      return { type, id };
    });
  counts.nodesDeleted = nodesToDelete.length;
  counts.relationshipsDeleted = relsToDelete.length;
  return { nodesToWrite, relsToWrite, newKeys, nodesToDelete, relsToDelete, counts };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One statement over one batch of rows, in its own (retried) write transaction. */
interface Step {
  cypher: string;
  rows: unknown[];
  /** For MATCH-then-MERGE statements: every row must have found its endpoints. */
  expectAll?: boolean;
}

/**
 * Rows the plan found missing are CREATEd (cheaper than MERGE: no existence check); the uniqueness
 * constraints still refuse a duplicate should another writer have created it meanwhile. Existing rows are
 * overwritten whole (`SET x = props`), which also removes properties the new version no longer has.
 */
function nodeSteps(nodes: StoreNode[], newKeys: Set<string>, batchSize: number, stubsOnly: boolean): Step[] {
  const steps: Step[] = [];
  for (const [label, group] of groupBy(nodes, (n) => n.label)) {
    const l = cypherLabel(label);
    const fresh = group.filter((n) => newKeys.has(key(n.label, n.id)));
    const existing = group.filter((n) => !newKeys.has(key(n.label, n.id)));
    if (stubsOnly) {
      const cypher = `UNWIND $rows AS row CREATE (n:${l} {id: row.id})`;
      for (const batch of chunks(fresh, batchSize))
        steps.push({ cypher, rows: batch.map((n) => ({ id: n.id })) });
      continue;
    }
    const create = `UNWIND $rows AS row CREATE (n:${l}) SET n = row.props`;
    const update = `UNWIND $rows AS row MERGE (n:${l} {id: row.id}) SET n = row.props`;
    // Article stubs were created in phase 1, so full Article rows always go through MERGE.
    const creatable = label === ARTICLE_LABEL ? [] : fresh;
    const rest = label === ARTICLE_LABEL ? group : existing;
    for (const batch of chunks(creatable, batchSize))
      steps.push({ cypher: create, rows: batch.map((n) => ({ props: n.props })) });
    for (const batch of chunks(rest, batchSize))
      steps.push({ cypher: update, rows: batch.map((n) => ({ id: n.id, props: n.props })) });
  }
  return steps;
}

function relSteps(rels: StoreRel[], newKeys: Set<string>, batchSize: number): Step[] {
  const steps: Step[] = [];
  for (const group of groupBy(rels, (r) => `${r.type} ${r.sourceLabel} ${r.targetLabel}`).values()) {
    const first = group[0] as StoreRel;
    const t = cypherRelType(first.type);
    const create =
      `UNWIND $rows AS row ` +
      `MATCH (a:${cypherLabel(first.sourceLabel)} {id: row.source}) ` +
      `MATCH (b:${cypherLabel(first.targetLabel)} {id: row.target}) ` +
      `CREATE (a)-[r:${t}]->(b) SET r = row.props ` +
      `RETURN count(*) AS written`;
    const update = `UNWIND $rows AS row MATCH ()-[r:${t} {id: row.id}]->() SET r = row.props RETURN count(*) AS written`;
    const fresh = group.filter((r) => newKeys.has(key(r.type, r.id)));
    const existing = group.filter((r) => !newKeys.has(key(r.type, r.id)));
    for (const batch of chunks(fresh, batchSize)) {
      steps.push({
        cypher: create,
        rows: batch.map((r) => ({ source: r.source, target: r.target, props: r.props })),
        expectAll: true,
      });
    }
    for (const batch of chunks(existing, batchSize)) {
      steps.push({ cypher: update, rows: batch.map((r) => ({ id: r.id, props: r.props })), expectAll: true });
    }
  }
  return steps;
}

function relDeleteSteps(plan: SyncPlan, batchSize: number): Step[] {
  const steps: Step[] = [];
  for (const [type, group] of groupBy(plan.relsToDelete, (r) => r.type)) {
    const cypher = `UNWIND $rows AS id MATCH ()-[r:${cypherRelType(type)} {id: id}]->() DELETE r`;
    for (const batch of chunks(group, batchSize)) steps.push({ cypher, rows: batch.map((r) => r.id) });
  }
  return steps;
}

function nodeDeleteSteps(plan: SyncPlan, batchSize: number): Step[] {
  const steps: Step[] = [];
  for (const [label, group] of groupBy(plan.nodesToDelete, (n) => n.label)) {
    const cypher = `UNWIND $rows AS id MATCH (n:${cypherLabel(label)} {id: id}) DETACH DELETE n`;
    for (const batch of chunks(group, batchSize)) steps.push({ cypher, rows: batch.map((n) => n.id) });
  }
  return steps;
}

/**
 * Every write statement keeps its first plan: they are all index seeks on unique constraints (or CREATEs),
 * whatever the statistics, and without this a database that grew or shrank a lot since the statements
 * were planned (every ingest into a wiped or young database) replans each of them, which costs more than
 * writing a few thousand rows.
 */
const WRITE_PREFIX = 'CYPHER replan=skip ';

async function runStep(tx: ManagedTransaction, step: Step): Promise<void> {
  const res = await tx.run(WRITE_PREFIX + step.cypher, { rows: step.rows });
  if (step.expectAll) {
    const written = Number(res.records[0]?.get('written') ?? 0);
    if (written !== step.rows.length) {
      throw new InternalError(
        'STORE_MISSING_ROWS',
        `wrote ${written} of ${step.rows.length} relationships: an endpoint or the relationship is missing`,
        {
          cypher: step.cypher,
        },
      );
    }
  }
}

/** Applies a plan in the crash-safe order described at the top of this file. */
export async function applySyncPlan(
  driver: Driver,
  plan: SyncPlan,
  options: SyncOptions = {},
): Promise<void> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const articles = plan.nodesToWrite.filter((n) => n.label === ARTICLE_LABEL);
  const others = plan.nodesToWrite.filter((n) => n.label !== ARTICLE_LABEL);
  // Phases run one after the other (the crash-safety order); the transactions inside one phase are
  // independent of each other, so they may run concurrently.
  const phases = [
    [
      ...nodeSteps(others, plan.newKeys, batchSize, false),
      ...nodeSteps(articles, plan.newKeys, batchSize, true),
    ],
    relSteps(plan.relsToWrite, plan.newKeys, batchSize),
    // Relationships first, on their own: a node's DETACH DELETE running beside them could take the same ones.
    relDeleteSteps(plan, batchSize),
    nodeDeleteSteps(plan, batchSize),
    nodeSteps(articles, plan.newKeys, batchSize, false),
  ];
  const total = phases.flat().reduce((sum, s) => sum + s.rows.length, 0);
  let done = 0;
  options.onStart?.(total);
  const sessions = Array.from({ length: concurrency }, () => driver.session({ database: options.database }));
  try {
    for (const steps of phases) {
      // Consecutive small steps share a transaction (fewer commits) as long as it stays within batchSize rows.
      const queue = packTransactions(steps, batchSize);
      let next = 0;
      // Once one transaction fails, the other worker takes no more work: nothing of this phase is
      // committed after the write has been reported failed (a re-run repairs what was committed).
      let failed = false;
      const worker = async (session: Session) => {
        while (!failed && next < queue.length) {
          const tx = queue[next++] as Step[];
          try {
            await session.executeWrite((t) => runSteps(t, tx, options.pipeline !== false));
          } catch (error) {
            failed = true;
            throw error;
          }
          done += tx.reduce((sum, s) => sum + s.rows.length, 0);
          options.onProgress?.(done, total);
        }
      };
      const results = await Promise.allSettled(
        sessions.slice(0, Math.min(concurrency, queue.length)).map(worker),
      );
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
    }
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
}

/** The statements of one transaction: sent back to back (the driver pipelines them), then checked. */
async function runSteps(tx: ManagedTransaction, steps: Step[], pipeline: boolean): Promise<void> {
  if (!pipeline) {
    for (const step of steps) await runStep(tx, step);
    return;
  }
  await Promise.all(steps.map((step) => runStep(tx, step)));
}

function packTransactions(steps: Step[], batchSize: number): Step[][] {
  const txs: Step[][] = [];
  let current: Step[] = [];
  let rows = 0;
  for (const step of steps) {
    if (current.length > 0 && rows + step.rows.length > batchSize) {
      txs.push(current);
      current = [];
      rows = 0;
    }
    current.push(step);
    rows += step.rows.length;
  }
  if (current.length > 0) txs.push(current);
  return txs;
}

/** Brings the database to `desired`: diff, then write only what changed. */
export async function syncGraph(
  driver: Driver,
  desired: StoreGraph,
  options: SyncOptions = {},
): Promise<SyncCounts> {
  const stored = await loadStoredHashes(driver, options.database);
  const plan = planSync(desired, stored);
  await applySyncPlan(driver, plan, options);
  return plan.counts;
}

/**
 * The naive baseline for the benchmark: one statement per node or relationship, each its own transaction,
 * no diff. Same data, same MERGE semantics as the batched sync.
 */
export async function writeRowByRow(driver: Driver, desired: StoreGraph, database?: string): Promise<number> {
  const session = driver.session({ database });
  let written = 0;
  try {
    for (const n of desired.nodes) {
      await session.run(`MERGE (n:${cypherLabel(n.label)} {id: $id}) SET n = $props`, {
        id: n.id,
        props: n.props,
      });
      written++;
    }
    for (const r of desired.rels) {
      await session.run(
        `MATCH (a:${cypherLabel(r.sourceLabel)} {id: $source}) MATCH (b:${cypherLabel(r.targetLabel)} {id: $target}) ` +
          `MERGE (a)-[x:${cypherRelType(r.type)} {id: $id}]->(b) SET x = $props`,
        { id: r.id, source: r.source, target: r.target, props: r.props },
      );
      written++;
    }
  } finally {
    await session.close();
  }
  return written;
}
