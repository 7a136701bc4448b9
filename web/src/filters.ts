/**
 * The legend, which is also the type filter (click a node or edge type to hide/show it), and the other
 * filters: date range, minimum corroboration, contested only. Emits a new FilterState on every change.
 */
import { byId, el, glyph } from './dom.js';
import type { FilterState } from './state/url.js';
import { DEFAULT_FILTERS } from './state/url.js';
import { CONTESTED_COLOR, EDGE_TYPES, NODE_LABELS, NODE_LABEL_NAMES, edgeColor, edgeTypeName, type EdgeType, type NodeLabel } from './theme.js';

export class FiltersUi {
  private state: FilterState;
  private readonly nodeButtons = new Map<NodeLabel, { button: HTMLButtonElement; count: HTMLElement }>();
  private readonly edgeButtons = new Map<EdgeType, { button: HTMLButtonElement; count: HTMLElement }>();
  private readonly from = byId<HTMLInputElement>('filter-from');
  private readonly to = byId<HTMLInputElement>('filter-to');
  private readonly min = byId<HTMLInputElement>('filter-min');
  private readonly contested = byId<HTMLInputElement>('filter-contested');

  constructor(
    initial: FilterState,
    private readonly onChange: (f: FilterState) => void,
  ) {
    this.state = initial;
    const nodes = byId('legend-nodes');
    for (const t of NODE_LABELS) {
      const count = el('span', { class: 'legend-count' });
      const button = el('button', { attrs: { type: 'button', 'data-type': t } }, [
        glyph(t),
        el('span', { class: 'legend-name', text: NODE_LABEL_NAMES[t] }),
        count,
      ]);
      button.addEventListener('click', () => this.toggleNode(t));
      this.nodeButtons.set(t, { button, count });
      nodes.append(el('li', {}, [button]));
    }
    const edges = byId('legend-edges');
    for (const t of EDGE_TYPES) {
      const swatch = el('span', { class: 'edge-swatch' });
      swatch.style.borderTopColor = edgeColor(t, false);
      const count = el('span', { class: 'legend-count' });
      const button = el('button', { attrs: { type: 'button', 'data-edge-type': t } }, [
        swatch,
        el('span', { class: 'legend-name', text: edgeTypeName(t) }),
        count,
      ]);
      button.addEventListener('click', () => this.toggleEdge(t));
      this.edgeButtons.set(t, { button, count });
      edges.append(el('li', {}, [button]));
    }
    const contestedSwatch = el('span', { class: 'edge-swatch contested' });
    contestedSwatch.style.borderTopColor = CONTESTED_COLOR;
    edges.append(el('li', { class: 'legend-note' }, [el('button', { attrs: { type: 'button', disabled: '' } }, [contestedSwatch, el('span', { class: 'legend-name', text: 'Contested “said”' })])]));

    this.from.addEventListener('change', () => this.update({ from: this.from.value || undefined }));
    this.to.addEventListener('change', () => this.update({ to: this.to.value || undefined }));
    this.min.addEventListener('change', () => {
      const n = Math.max(1, Math.min(99, Math.trunc(Number(this.min.value)) || 1));
      this.update({ minCorroboration: n });
    });
    this.contested.addEventListener('change', () => this.update({ contestedOnly: this.contested.checked }));
    byId('filter-reset').addEventListener('click', () =>
      this.set({ ...DEFAULT_FILTERS, hiddenNodeTypes: [], hiddenEdgeTypes: [] }, true),
    );
    this.render();
  }

  get value(): FilterState {
    return this.state;
  }

  /** Sets the state (from the URL on back/forward, or a reset); emits only when asked. */
  set(f: FilterState, emit = false): void {
    this.state = f;
    this.render();
    if (emit) this.onChange(f);
  }

  private update(patch: Partial<FilterState>): void {
    this.set({ ...this.state, ...patch }, true);
  }

  private toggleNode(t: NodeLabel): void {
    const hidden = this.state.hiddenNodeTypes.includes(t)
      ? this.state.hiddenNodeTypes.filter((x) => x !== t)
      : [...this.state.hiddenNodeTypes, t];
    this.update({ hiddenNodeTypes: hidden });
  }

  private toggleEdge(t: EdgeType): void {
    const hidden = this.state.hiddenEdgeTypes.includes(t)
      ? this.state.hiddenEdgeTypes.filter((x) => x !== t)
      : [...this.state.hiddenEdgeTypes, t];
    this.update({ hiddenEdgeTypes: hidden });
  }

  private render(): void {
    for (const [t, { button }] of this.nodeButtons) {
      const shown = !this.state.hiddenNodeTypes.includes(t);
      button.setAttribute('aria-pressed', String(shown));
      button.title = `${shown ? 'Hide' : 'Show'} ${NODE_LABEL_NAMES[t].toLowerCase()} nodes`;
    }
    for (const [t, { button }] of this.edgeButtons) {
      const shown = !this.state.hiddenEdgeTypes.includes(t);
      button.setAttribute('aria-pressed', String(shown));
      button.title = `${shown ? 'Hide' : 'Show'} ${edgeTypeName(t).toLowerCase()} edges`;
    }
    this.from.value = this.state.from ?? '';
    this.to.value = this.state.to ?? '';
    this.min.value = String(this.state.minCorroboration);
    this.contested.checked = this.state.contestedOnly;
  }

  /** Per-type counts ("visible/total") next to the legend entries; types absent from the graph are dimmed. */
  setCounts(nodes: Map<string, { total: number; visible: number }>, edges: Map<string, number>): void {
    for (const [t, { count, button }] of this.nodeButtons) {
      const c = nodes.get(t);
      count.textContent = c ? (c.visible === c.total ? String(c.total) : `${c.visible}/${c.total}`) : '0';
      button.classList.toggle('absent', !c);
    }
    for (const [t, { count, button }] of this.edgeButtons) {
      const n = edges.get(t) ?? 0;
      count.textContent = String(n);
      button.closest('li')?.toggleAttribute('hidden', n === 0 && !this.state.hiddenEdgeTypes.includes(t));
    }
  }
}
