/**
 * GraphML, streamed. graphology-graphml (0.5) only parses, it has no writer, so this one writes the XML
 * itself with the escaping in xml.ts; the round-trip tests read its output back with graphology-graphml's
 * parser. A first pass over the source learns the property names and types, which GraphML declares as
 * <key> elements before the graph; then nodes and edges are written as they stream in.
 */
import {
  attributeName,
  castFlat,
  collectSchema,
  flatValue,
  type ExportStats,
  type FlatType,
  type GraphSource,
  type Properties,
} from './model.js';
import type { TextSink } from './sink.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

const GRAPHML_TYPE: Record<FlatType, string> = {
  boolean: 'boolean',
  integer: 'int',
  long: 'long',
  double: 'double',
  string: 'string',
};

interface KeyDecl {
  id: string;
  type: FlatType;
}

function declareKeys(prefix: string, props: Map<string, FlatType>): Map<string, KeyDecl> {
  const keys = new Map<string, KeyDecl>();
  let i = 0;
  for (const [name, type] of props) keys.set(name, { id: `${prefix}${i++}`, type });
  return keys;
}

function keyElements(forWhat: 'node' | 'edge', typeKey: string, keys: Map<string, KeyDecl>): string {
  let xml = `  <key id="${typeKey}" for="${forWhat}" attr.name="type" attr.type="string"/>\n`;
  for (const [name, key] of keys) {
    xml +=
      `  <key id="${key.id}" for="${forWhat}" attr.name="${escapeXmlAttribute(attributeName(name))}"` +
      ` attr.type="${GRAPHML_TYPE[key.type]}"/>\n`;
  }
  return xml;
}

function dataElements(typeKey: string, type: string, props: Properties, keys: Map<string, KeyDecl>): string {
  let xml = `<data key="${typeKey}">${escapeXmlText(type)}</data>`;
  for (const [name, value] of Object.entries(props)) {
    const key = keys.get(name);
    if (key === undefined) continue; // only if the data changed between the two passes
    xml += `<data key="${key.id}">${escapeXmlText(String(castFlat(flatValue(value), key.type)))}</data>`;
  }
  return xml;
}

export async function writeGraphml(source: GraphSource, out: TextSink): Promise<ExportStats> {
  const schema = await collectSchema(source);
  const nodeKeys = declareKeys('n', schema.nodeProperties);
  const edgeKeys = declareKeys('e', schema.edgeProperties);
  await out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      keyElements('node', 'ntype', nodeKeys) +
      keyElements('edge', 'etype', edgeKeys) +
      '  <graph id="speakergraph" edgedefault="directed">\n',
  );
  const stats: ExportStats = { nodes: 0, edges: 0 };
  for await (const node of source.nodes()) {
    await out.write(
      `    <node id="${escapeXmlAttribute(node.id)}">${dataElements('ntype', node.type, node.properties, nodeKeys)}</node>\n`,
    );
    stats.nodes++;
  }
  for await (const edge of source.edges()) {
    await out.write(
      `    <edge id="${escapeXmlAttribute(edge.id)}" source="${escapeXmlAttribute(edge.source)}" ` +
        `target="${escapeXmlAttribute(edge.target)}">${dataElements('etype', edge.type, edge.properties, edgeKeys)}</edge>\n`,
    );
    stats.edges++;
  }
  await out.write('  </graph>\n</graphml>\n');
  await out.flush();
  return stats;
}
