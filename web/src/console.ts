/**
 * The Cypher console: a textarea, Run (button or Ctrl/Cmd+Enter), the saved queries from graph/queries/
 * one click away (with inputs for their parameters), the result as a table, and, when the result holds
 * nodes, those nodes drawn and marked in the graph.
 */
import { api, type CypherResult, type SavedQuery, type Subgraph } from './api.js';
import { byId, el, errorMessage } from './dom.js';

export interface ConsoleEvents {
  onGraph(graph: Subgraph): void;
  /** Node ids found in id columns of a result without graph values (marked in the view). */
  onIds(ids: string[]): void;
  onSelect(key: string): void;
  onOpenChange(open: boolean): void;
  onQueryRun(cypher: string): void;
}

const MAX_ROWS_SHOWN = 500;

interface NodeJson {
  id: string;
  type: string;
  properties: Record<string, unknown>;
}

function isNodeJson(v: unknown): v is NodeJson {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as NodeJson).id === 'string' &&
    typeof (v as NodeJson).type === 'string' &&
    typeof (v as NodeJson).properties === 'object' &&
    !('startElementId' in v)
  );
}

/** Columns holding node ids (`id`, `quoteId`, `speaker_id`): their values link to the node. */
export function isIdColumn(name: string): boolean {
  return /^(id|ID)$|_id$|[a-z0-9]Id$|[a-z0-9]ID$/.test(name);
}

export class CypherConsole {
  private readonly root = byId('console');
  private readonly toggle = byId<HTMLButtonElement>('console-toggle');
  private readonly input = byId<HTMLTextAreaElement>('cypher-input');
  private readonly runButton = byId<HTMLButtonElement>('cypher-run');
  private readonly status = byId('cypher-status');
  private readonly results = byId('cypher-results');
  private readonly saved = byId('saved-queries');
  private params = new Map<string, HTMLInputElement>();
  private paramsBox: HTMLElement | undefined;
  private savedLoaded = false;
  private running = false;

  constructor(private readonly events: ConsoleEvents) {
    this.toggle.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    byId('console-close').addEventListener('click', () => this.close());
    this.runButton.addEventListener('click', () => void this.run());
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      } else if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(): void {
    this.root.hidden = false;
    this.toggle.setAttribute('aria-expanded', 'true');
    this.input.focus();
    if (!this.savedLoaded) void this.loadSaved();
    this.events.onOpenChange(true);
  }

  close(): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggle.focus();
    this.events.onOpenChange(false);
  }

  setQuery(text: string): void {
    this.input.value = text;
  }

  private async loadSaved(): Promise<void> {
    this.savedLoaded = true;
    try {
      const queries = await api.savedQueries();
      this.saved.replaceChildren(
        ...queries.map((q) => {
          const b = el('button', { text: q.title, attrs: { type: 'button', title: q.description, 'data-query': q.name } });
          b.addEventListener('click', () => this.useSaved(q));
          return b;
        }),
      );
      if (!queries.length) this.saved.replaceChildren(el('span', { class: 'hint', text: 'No saved queries.' }));
    } catch (e) {
      this.savedLoaded = false;
      this.saved.replaceChildren(el('span', { class: 'hint', text: `Saved queries unavailable (${errorMessage(e)})` }));
    }
  }

  /** Puts a saved query in the editor; runs it at once unless it needs parameters. */
  private useSaved(q: SavedQuery): void {
    this.input.value = q.cypher;
    this.paramsBox?.remove();
    this.params.clear();
    if (q.params.length) {
      this.paramsBox = el('div', { class: 'console-params' });
      for (const p of q.params) {
        const id = `param-${p.name}`;
        const input = el('input', { attrs: { id, type: 'text', placeholder: p.description, 'data-param': p.name } });
        this.params.set(p.name, input);
        this.paramsBox.append(el('label', { attrs: { for: id }, text: `$${p.name}` }), input);
      }
      this.runButton.parentElement?.before(this.paramsBox);
      // Parameters documented with a default (or as nullable) may stay empty: run such queries at once.
      const required = q.params.filter((p) => !/\bdefault\b|\bnull\b/i.test(p.description));
      if (!required.length) {
        void this.run();
        return;
      }
      this.params.get(required[0]?.name ?? '')?.focus();
      this.status.textContent = `Fill in ${required.map((p) => `$${p.name}`).join(', ')} and run.`;
    } else {
      void this.run();
    }
  }

  /** Parameters typed in the inputs: numbers and JSON literals are parsed, everything else is a string. */
  private paramValues(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, input] of this.params) {
      const v = input.value.trim();
      if (!v) out[name] = null;
      else if (/^-?\d+(\.\d+)?$/.test(v)) out[name] = Number(v);
      else if (/^(true|false|null)$/.test(v) || /^[[{]/.test(v)) {
        try {
          out[name] = JSON.parse(v);
        } catch {
          out[name] = v;
        }
      } else out[name] = v;
    }
    return out;
  }

  async run(): Promise<void> {
    const query = this.input.value.trim();
    if (!query || this.running) return;
    if (!this.input.value.includes('$')) {
      this.paramsBox?.remove();
      this.params.clear();
    }
    this.running = true;
    this.runButton.disabled = true;
    this.status.classList.remove('error');
    this.status.textContent = 'Running…';
    try {
      const res = await api.cypher(query, this.paramValues());
      this.renderResult(res);
      this.events.onQueryRun(query);
      if (res.graph && res.graph.nodes.length) this.events.onGraph(res.graph);
      else this.events.onIds(this.idsIn(res));
    } catch (e) {
      this.status.classList.add('error');
      this.status.textContent = errorMessage(e);
      this.results.replaceChildren();
    } finally {
      this.running = false;
      this.runButton.disabled = false;
    }
  }

  private idsIn(res: CypherResult): string[] {
    const ids = new Set<string>();
    const idColumns = res.columns.filter(isIdColumn);
    for (const row of res.rows) {
      for (const c of idColumns) {
        const v = row[c];
        if (typeof v === 'string') ids.add(v);
      }
    }
    return [...ids];
  }

  private renderResult(res: CypherResult): void {
    const nodes = res.graph?.nodes.length ?? 0;
    this.status.textContent =
      `${res.rows.length} row${res.rows.length === 1 ? '' : 's'}${res.truncated ? ' (truncated)' : ''}` +
      (nodes ? `, ${nodes} node${nodes === 1 ? '' : 's'} drawn` : '') +
      (res.elapsedMs !== undefined ? ` · ${Math.round(res.elapsedMs)} ms` : '');
    if (!res.rows.length) {
      this.results.replaceChildren(el('p', { class: 'muted', text: 'No rows.' }));
      return;
    }
    const columns = res.columns.length ? res.columns : Object.keys(res.rows[0] ?? {});
    const table = el('table', { class: 'results' }, [
      el('thead', {}, [el('tr', {}, columns.map((c) => el('th', { text: c, attrs: { scope: 'col' } })))]),
    ]);
    const tbody = el('tbody');
    for (const row of res.rows.slice(0, MAX_ROWS_SHOWN)) {
      tbody.append(el('tr', {}, columns.map((c) => el('td', {}, [this.cell(row[c], isIdColumn(c))]))));
    }
    table.append(tbody);
    this.results.replaceChildren(table);
    if (res.rows.length > MAX_ROWS_SHOWN) this.results.append(el('p', { class: 'muted', text: `First ${MAX_ROWS_SHOWN} rows shown.` }));
  }

  private cell(v: unknown, idColumn = false): Node {
    if (v === null || v === undefined) return el('span', { class: 'muted', text: 'null' });
    if (idColumn && typeof v === 'string') {
      const b = el('button', { class: 'speaker-link', text: v, attrs: { type: 'button', title: 'Show this node' } });
      b.addEventListener('click', () => this.events.onSelect(v));
      return b;
    }
    if (isNodeJson(v)) {
      const name = v.properties['name'] ?? v.properties['text'] ?? v.id;
      const b = el('button', { class: 'speaker-link', text: `${String(name)} (${v.type})`, attrs: { type: 'button' } });
      b.addEventListener('click', () => this.events.onSelect(v.id));
      return b;
    }
    const rel = v as { startElementId?: unknown; type?: unknown };
    if (typeof v === 'object' && rel.startElementId !== undefined && typeof rel.type === 'string') {
      // A relationship: its type, with the whole value on hover.
      return el('span', { class: 'rel', text: `:${rel.type}`, attrs: { title: JSON.stringify(v) } });
    }
    if (typeof v === 'object') {
      const s = JSON.stringify(v);
      return document.createTextNode(s.length > 300 ? `${s.slice(0, 300)}…` : s);
    }
    return document.createTextNode(String(v));
  }
}
