/** Typings for the parts of graphology-layout-forceatlas2 the layout worker uses (the package types only its entry points). */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(
    settings: Record<string, unknown>,
    nodes: Float32Array,
    edges: Float32Array,
  ): { converged?: boolean } | undefined;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { AbstractGraph } from 'graphology-types';
  export function graphToByteArrays(
    graph: AbstractGraph,
    getEdgeWeight: (edge: string, attributes: Record<string, unknown>) => number,
  ): { nodes: Float32Array; edges: Float32Array };
  export function validateSettings(settings: Record<string, unknown>): { message: string } | null;
}
