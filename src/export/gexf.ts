/**
 * GEXF 1.3 through graphology-gexf's own writer.
 *
 * That writer takes a whole graphology graph and returns one string, so a large export cannot hand it the
 * whole graph. Instead the document is assembled from pieces the library writes:
 * - the head (<gexf>, <meta>, <graph>, the <attributes> declarations) comes from writing a one-node,
 *   one-edge "model" graph whose attributes carry one value of each declared type, learnt by a first
 *   pass over the source (GEXF declares attributes before the first node);
 * - nodes and edges are written page by page: each page is a small graph of PAGE_SIZE elements, written by
 *   the library, and its <node> (or <edge>) elements are cut out of the result and streamed.
 * Cutting is safe because the writer escapes `<` in every value, so the tags cannot occur inside one.
 * Every value is a scalar by the time it reaches the writer (lists are JSON text, see flatValue), so how
 * an element is written does not depend on which page it is on. Memory: one page, whatever the export's size.
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import {
  attributeName,
  castFlat,
  collectSchema,
  flatValue,
  pages,
  type ExportStats,
  type FlatType,
  type GraphSource,
  type Properties,
  type Scalar,
} from './model.js';
import type { TextSink } from './sink.js';
import { xmlSafe } from './xml.js';

const PAGE_SIZE = 500;

type Attrs = Record<string, Scalar>;

/** One value of each type; the writer infers exactly that type from it. */
const SAMPLE: Record<FlatType, Scalar> = {
  boolean: true,
  integer: 1,
  long: 2 ** 40,
  double: 0.5,
  string: 'x',
};

function safe(value: Scalar): Scalar {
  return typeof value === 'string' ? xmlSafe(value) : value;
}

function gexfAttributes(type: string, props: Properties, declared: Map<string, FlatType>): Attrs {
  const attrs: Attrs = { type: xmlSafe(type) };
  for (const [name, value] of Object.entries(props)) {
    const t = declared.get(name);
    if (t === undefined) continue; // only if the data changed between the two passes
    attrs[xmlSafe(attributeName(name))] = safe(castFlat(flatValue(value), t));
  }
  return attrs;
}

/** The GEXF label Gephi shows: a node's name (a quote's text, an article's title), else its id. */
function nodeLabel(key: string, attrs: Attrs): string {
  for (const field of ['name', 'text', 'title']) {
    const v = attrs[field];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return key;
}

const WRITE_OPTIONS = {
  version: '1.3' as const,
  pretty: false,
  formatNode: (key: string, attrs: Attrs) => ({ label: nodeLabel(key, attrs), attributes: attrs }),
  formatEdge: (_key: string, attrs: Attrs) => ({ label: String(attrs.type), attributes: attrs }),
};

function between(xml: string, open: string, close: string): string {
  const start = xml.indexOf(open);
  const end = xml.lastIndexOf(close);
  if (start < 0 || end < start) return ''; // an empty section is written as <nodes/>
  return xml.slice(start + open.length, end);
}

function sampleAttrs(declared: Map<string, FlatType>): Attrs {
  const attrs: Attrs = { type: 'x' };
  for (const [name, t] of declared) attrs[xmlSafe(attributeName(name))] = SAMPLE[t];
  return attrs;
}

export async function writeGexf(source: GraphSource, out: TextSink): Promise<ExportStats> {
  const schema = await collectSchema(source);
  const model = new MultiDirectedGraph<Attrs, Attrs>({ allowSelfLoops: true });
  model.updateAttributes(() => ({ creator: 'speakergraph', description: 'speakergraph export' }));
  model.addNode('m', sampleAttrs(schema.nodeProperties));
  model.addEdgeWithKey('m', 'm', 'm', sampleAttrs(schema.edgeProperties));
  const modelXml = write(model, WRITE_OPTIONS);
  const head = modelXml.slice(0, modelXml.indexOf('<nodes>'));
  await out.write(`${head}\n<nodes>\n`);

  const stats: ExportStats = { nodes: 0, edges: 0 };
  for await (const page of pages(source.nodes(), PAGE_SIZE)) {
    const g = new MultiDirectedGraph<Attrs, Attrs>({ allowSelfLoops: true });
    for (const node of page) g.addNode(xmlSafe(node.id), gexfAttributes(node.type, node.properties, schema.nodeProperties));
    await out.write(`${between(write(g, WRITE_OPTIONS), '<nodes>', '</nodes>')}\n`);
    stats.nodes += page.length;
  }
  await out.write('</nodes>\n<edges>\n');
  for await (const page of pages(source.edges(), PAGE_SIZE)) {
    const g = new MultiDirectedGraph<Attrs, Attrs>({ allowSelfLoops: true });
    for (const edge of page) {
      const s = xmlSafe(edge.source);
      const t = xmlSafe(edge.target);
      g.mergeNode(s);
      g.mergeNode(t);
      g.addEdgeWithKey(xmlSafe(edge.id), s, t, gexfAttributes(edge.type, edge.properties, schema.edgeProperties));
    }
    await out.write(`${between(write(g, WRITE_OPTIONS), '<edges>', '</edges>')}\n`);
    stats.edges += page.length;
  }
  await out.write('</edges>\n</graph>\n</gexf>\n');
  await out.flush();
  return stats;
}
