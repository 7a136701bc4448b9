/**
 * graphology's serialized format (`Graph.from(json)` / `graph.import(json)` read it back), streamed: one
 * node or edge object per line, never the whole document in memory. Lists stay JSON arrays.
 */
import { attributeName, type ExportStats, type GraphSource, type Properties, type PropertyValue } from './model.js';
import type { TextSink } from './sink.js';

export function jsonAttributes(type: string, properties: Properties): Record<string, PropertyValue> {
  const attrs: Record<string, PropertyValue> = { type };
  for (const [name, value] of Object.entries(properties)) attrs[attributeName(name)] = value;
  return attrs;
}

export async function writeJson(source: GraphSource, out: TextSink): Promise<ExportStats> {
  const stats: ExportStats = { nodes: 0, edges: 0 };
  await out.write(
    '{"attributes":{"generator":"speakergraph"},' +
      '"options":{"type":"directed","multi":true,"allowSelfLoops":true},\n"nodes":[',
  );
  for await (const node of source.nodes()) {
    const item = JSON.stringify({ key: node.id, attributes: jsonAttributes(node.type, node.properties) });
    await out.write(`${stats.nodes === 0 ? '\n' : ',\n'}${item}`);
    stats.nodes++;
  }
  await out.write('\n],\n"edges":[');
  for await (const edge of source.edges()) {
    const item = JSON.stringify({
      key: edge.id,
      source: edge.source,
      target: edge.target,
      attributes: jsonAttributes(edge.type, edge.properties),
    });
    await out.write(`${stats.edges === 0 ? '\n' : ',\n'}${item}`);
    stats.edges++;
  }
  await out.write('\n]}\n');
  await out.flush();
  return stats;
}
