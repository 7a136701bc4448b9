/**
 * The viewer's entry point: wires the graph view, layout, legend/filters, search, side panel, Cypher
 * console and export together, and keeps the view state in the URL (pushState for real changes,
 * replaceState for camera moves; back/forward re-apply the state).
 */
import { api, type SearchHit, type Subgraph } from './api.js';
import { CypherConsole } from './console.js';
import { byId, debounce, el, errorMessage, toast } from './dom.js';
import { ExportMenu } from './export.js';
import { FiltersUi } from './filters.js';
import { GraphView } from './graph-view.js';
import { Panel, QUOTE_PAGE_SIZE } from './panel.js';
import { SearchBox } from './search.js';
import { decodeViewState, encodeViewState, type ViewState } from './state/url.js';

/** What the viewer exposes for the end-to-end tests and the benchmarks (read-only use). */
export interface ViewerHandle {
  view: GraphView;
  /** ms from navigation start to the first frame with the graph drawn. */
  firstRenderMs?: number;
  ready: boolean;
  layoutRunning: boolean;
}

declare global {
  interface Window {
    speakergraph?: ViewerHandle;
  }
}

const OVERVIEW_LIMIT = 1000;
const EXPAND_LIMIT = 150;

class App {
  private state: ViewState = decodeViewState(location.search);
  private readonly view: GraphView;
  private readonly filters: FiltersUi;
  private readonly panel: Panel;
  private readonly search: SearchBox;
  private readonly console: CypherConsole;
  private readonly exportMenu: ExportMenu;
  private readonly status = byId('status');
  private readonly handle: ViewerHandle;
  private applyingHistory = false;
  private readonly offline: boolean;

  constructor() {
    this.offline = this.state.data !== undefined;
    this.filters = new FiltersUi(this.state.filters, (f) => {
      this.state.filters = f;
      this.view.setFilters(f);
      this.updateStatus();
      this.commit('push');
    });
    this.view = new GraphView(byId('graph'), this.state.filters, {
      onSelect: (key) => void this.select(key, { focus: false }),
      onExpandRequest: (key) => void this.toggleExpand(key),
      onCameraChange: () => this.onCamera(),
      onGraphChange: () => this.updateStatus(),
    });
    this.handle = { view: this.view, ready: false, layoutRunning: false };
    window.speakergraph = this.handle;
    const layoutButton = byId<HTMLButtonElement>('layout-toggle');
    this.view.layout.events.onRunningChange = (running) => {
      this.handle.layoutRunning = running;
      layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
      layoutButton.setAttribute('aria-pressed', String(running));
      this.updateStatus();
    };
    layoutButton.textContent = 'Run layout';
    layoutButton.addEventListener('click', () => (this.view.layout.isRunning ? this.view.layout.stop() : this.view.layout.start()));

    this.panel = new Panel(
      {
        onClose: () => void this.select(undefined),
        onExpandToggle: (key) => void this.toggleExpand(key),
        onFocus: (key) => this.view.focusNode(key),
        onSelect: (key) => void this.select(key, { focus: true, fetchIfMissing: true }),
      },
      { quotePageSize: () => this.state.quotePageSize ?? QUOTE_PAGE_SIZE },
    );
    this.search = new SearchBox({
      onPick: (hit) => void this.pickSearchHit(hit),
      local: this.offline ? (q) => this.localSearch(q) : undefined,
    });
    this.console = new CypherConsole({
      onGraph: (g) => this.showQueryGraph(g),
      onIds: (ids) => {
        const present = ids.filter((k) => this.view.graph.hasNode(k));
        this.view.setMarked(present);
        this.setStatus(`${present.length} of the result's ${ids.length} node ids marked in the view`);
      },
      onSelect: (key) => void this.select(key, { focus: true, fetchIfMissing: true }),
      onOpenChange: () => undefined,
      onQueryRun: (cypher) => {
        this.state.cypher = cypher.length <= 4000 ? cypher : undefined;
        this.commit('push');
      },
    });
    this.exportMenu = new ExportMenu(
      () => ({
        visible: this.view.visibleNodes(),
        selected: this.state.selected,
      }),
      () => this.view.snapshot(),
      () => !this.offline,
    );

    byId('zoom-in').addEventListener('click', () => this.view.zoom(1.5));
    byId('zoom-out').addEventListener('click', () => this.view.zoom(1 / 1.5));
    byId('zoom-fit').addEventListener('click', () => this.view.resetCamera());
    const sidebarToggle = byId('sidebar-toggle');
    sidebarToggle.addEventListener('click', () => {
      const open = byId('sidebar').classList.toggle('open');
      sidebarToggle.setAttribute('aria-expanded', String(open));
    });
    window.addEventListener('popstate', () => void this.onPopState());
    document.addEventListener('keydown', (e) => this.onKey(e));

    // First frame with the graph drawn: the "time to first render" figure (sigma's graph: it is given an
    // empty one while the view's is built, see GraphView.load).
    this.view.sigma.on('afterRender', () => {
      if (this.handle.firstRenderMs === undefined && this.view.sigma.getGraph().order > 0) {
        this.handle.firstRenderMs = performance.now();
        performance.mark('speakergraph:first-render');
      }
    });
  }

  // ---------------------------------------------------------------- start-up

  async start(): Promise<void> {
    this.setStatus('Loading the graph…');
    try {
      const base = this.state.data ? await api.importGraph(this.state.data) : await api.graph({ limit: this.state.overviewLimit ?? OVERVIEW_LIMIT });
      await this.view.load(base);
      if (this.state.cypher) this.console.setQuery(this.state.cypher);
      for (const key of this.state.expanded) await this.expand(key, false);
      if (this.state.selected && !this.view.graph.hasNode(this.state.selected) && !this.offline) {
        await this.expand(this.state.selected, false).catch(() => undefined);
      }
      this.showEmptyHint(base);
      if (this.state.camera) this.view.setCamera(this.state.camera);
      const layoutDone = this.view.layout.runAuto();
      performance.mark('speakergraph:layout-started');
      if (this.state.selected) await this.select(this.state.selected, { focus: false, history: false });
      await layoutDone;
      performance.mark('speakergraph:layout-done');
      this.handle.ready = true;
      document.documentElement.dataset['ready'] = 'true';
      this.commit('replace');
    } catch (e) {
      this.setStatus(`Could not load the graph: ${errorMessage(e)}`);
      toast(`Could not load the graph: ${errorMessage(e)}`, 'error', 15000);
      document.documentElement.dataset['ready'] = 'error';
    }
  }

  private showEmptyHint(base: Subgraph): void {
    const empty = byId('empty');
    if (base.nodes.length === 0) {
      empty.replaceChildren(
        el('p', { text: 'The graph is empty.' }),
        el('p', { text: 'Ingest articles first, for example: speakergraph ingest graph/articles' }),
      );
      empty.hidden = false;
    } else empty.hidden = true;
  }

  // ---------------------------------------------------------------- URL state

  private commit(kind: 'push' | 'replace'): void {
    if (this.applyingHistory) return;
    this.state.camera = this.view.getCamera();
    this.state.expanded = this.view.expandedKeys();
    const qs = encodeViewState(this.state);
    const url = `${location.pathname}${qs ? `?${qs}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (kind === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private readonly onCamera = debounce(() => this.commit('replace'), 350);

  private async onPopState(): Promise<void> {
    const next = decodeViewState(location.search);
    this.applyingHistory = true;
    try {
      this.state.filters = next.filters;
      this.filters.set(next.filters);
      this.view.setFilters(next.filters);
      const current = new Set(this.view.expandedKeys());
      const wanted = new Set(next.expanded);
      for (const k of current) if (!wanted.has(k)) this.view.collapse(k);
      for (const k of next.expanded) if (!current.has(k)) await this.expand(k, true);
      if (next.selected !== this.state.selected) await this.select(next.selected, { focus: false, history: false });
      if (next.cypher) this.console.setQuery(next.cypher);
      this.state = { ...next, expanded: this.view.expandedKeys() };
      if (next.camera) this.view.setCamera(next.camera, true);
      this.updateStatus();
    } finally {
      this.applyingHistory = false;
    }
  }

  // ---------------------------------------------------------------- selection, expansion, search

  private async select(
    key: string | undefined,
    opts: { focus?: boolean; history?: boolean; fetchIfMissing?: boolean } = {},
  ): Promise<void> {
    if (key && opts.fetchIfMissing && !this.view.graph.hasNode(key) && !this.offline) {
      await this.expand(key, true).catch((e: unknown) => toast(errorMessage(e), 'error'));
    }
    this.state.selected = key;
    this.view.setSelected(key);
    this.exportMenu.setSelection(key);
    if (!key) {
      this.panel.close();
    } else {
      const attrs = this.view.graph.hasNode(key) ? this.view.graph.getNodeAttributes(key) : undefined;
      const shown = this.panel.show(key, attrs, this.view.isExpanded(key), this.offline);
      if (opts.focus && this.view.graph.hasNode(key)) this.view.focusNode(key);
      await shown;
    }
    if (opts.history !== false) this.commit('push');
  }

  private async expand(key: string, relayout: boolean): Promise<void> {
    if (this.offline) return;
    const sub = await api.neighbors(key, 1, EXPAND_LIMIT);
    this.view.expand(key, sub);
    if (relayout) this.view.layout.start(120);
    if (this.panel.nodeKey === key) this.panel.setExpanded(true);
  }

  private async toggleExpand(key: string): Promise<void> {
    if (this.offline) {
      toast('Expanding needs the speakergraph server (this graph was imported from a file).', 'error');
      return;
    }
    try {
      if (this.view.isExpanded(key)) {
        const removed = this.view.collapse(key);
        if (this.panel.nodeKey === key) this.panel.setExpanded(false);
        this.setStatus(`Collapsed: ${removed.length} node${removed.length === 1 ? '' : 's'} removed`);
      } else {
        const before = this.view.graph.order;
        await this.expand(key, true);
        const added = this.view.graph.order - before;
        this.setStatus(`Expanded: ${added} node${added === 1 ? '' : 's'} added`);
      }
      this.commit('push');
    } catch (e) {
      toast(`Could not expand: ${errorMessage(e)}`, 'error');
    }
  }

  private async pickSearchHit(hit: SearchHit): Promise<void> {
    await this.select(hit.key, { focus: true, fetchIfMissing: true });
    this.panel.focusTitle();
  }

  private localSearch(q: string): SearchHit[] {
    const needle = q.toLowerCase();
    const out: SearchHit[] = [];
    this.view.graph.forEachNode((key, a) => {
      if (out.length < 10 && a.label.toLowerCase().includes(needle)) out.push({ key, type: a.nodeType, name: a.label });
    });
    return out;
  }

  private showQueryGraph(g: Subgraph): void {
    const before = this.view.graph.order;
    const keys = this.view.showQueryResult(g);
    if (this.view.graph.order !== before) this.view.layout.start(120);
    const first = keys.find((k) => this.view.isVisible(k));
    if (keys.length === 1 && first) this.view.focusNode(first);
    this.updateStatus();
  }

  // ---------------------------------------------------------------- keyboard, status

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      this.search.focus();
    } else if (e.key === 'Escape') {
      if (!byId('export-menu').hidden) return;
      if (this.console.isOpen && target && byId('console').contains(target)) return;
      if (this.panel.isOpen) {
        void this.select(undefined);
        byId('graph').focus();
      } else if (byId('sidebar').classList.contains('open')) {
        byId('sidebar').classList.remove('open');
        byId('sidebar-toggle').setAttribute('aria-expanded', 'false');
      }
    } else if (!typing && this.state.selected && (e.key === 'e' || e.key === 'E')) {
      void this.toggleExpand(this.state.selected);
    }
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private readonly updateStatus = debounce(() => {
    const g = this.view.graph;
    const visible = this.view.visibleNodes().length;
    this.filters.setCounts(this.view.typeCounts(), this.view.edgeTypeCounts());
    const layout = this.view.layout.isRunning ? ' · layout running' : '';
    this.setStatus(
      `${visible === g.order ? g.order : `${visible} of ${g.order}`} nodes · ${g.size} edges${layout}`,
    );
  }, 50);
}

const app = new App();
void app.start();
