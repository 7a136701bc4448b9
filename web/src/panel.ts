/**
 * The side panel for the selected node: its properties, aliases and roles; for people and organizations
 * their quotes; for each quote the speaker(s), the outlets, and the source sentence highlighted within
 * its paragraph, with the article's title and date. Everything from articles is set with textContent.
 */
import { api, type NodeDetail, type QuoteItem, type SerializedEdge, type SourceSentence, type Subgraph } from './api.js';
import { byId, el, errorMessage, iconSvg } from './dom.js';
import { highlightSentence, paragraphAround } from './highlight.js';
import { quoteSettingParts } from './quote-setting.js';
import { quoteDisplayText } from './quote-text.js';
import { edgeTypeName, nodeColor } from './theme.js';

export interface PanelEvents {
  onClose(): void;
  onExpandToggle(key: string): void;
  onFocus(key: string): void;
  onSelect(key: string): void;
}

export interface PanelOptions {
  /** Quotes per page, read each time a speaker is shown (the view state can change it). */
  quotePageSize(): number;
}

/** A page of quote cards, and where the next page starts (null: none follows). */
interface QuoteCards {
  cards: HTMLElement[];
  nextOffset: number | null;
}

/** Bookkeeping and bulky properties not shown as "properties". */
const HIDDEN_PROPS = new Set([
  'id',
  'name',
  'type',
  'text',
  'aliases',
  'variants',
  'articles',
  'spans',
  'mentions',
  'body',
  'extraction',
  'textHash',
  'jsonKeys',
  'syncHash',
  'x',
  'y',
]);

/** Quotes shown at first, and added by each "Show more quotes" (the URL's quotePageSize overrides it). */
export const QUOTE_PAGE_SIZE = 25;
const MAX_SOURCES = 12;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

function formatValue(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Shows a status line (hidden when empty) in the given style. */
function setStatus(status: HTMLElement, text: string, style: 'muted' | 'error'): void {
  status.className = style;
  status.textContent = text;
  status.hidden = text === '';
}

/** Focuses a quote card (not in the tab order itself) and brings it into view. */
function focusCard(card: HTMLElement): void {
  card.tabIndex = -1;
  card.focus();
}

/** Article bodies, fetched once per panel through the read-only query endpoint, for paragraphs. */
class Bodies {
  private readonly cache = new Map<string, string>();

  async load(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(id));
    if (!missing.length) return;
    try {
      const res = await api.cypher('MATCH (a:Article) WHERE a.articleId IN $ids RETURN a.articleId AS id, a.body AS body', {
        ids: missing,
      });
      for (const row of res.rows) {
        if (typeof row['id'] === 'string' && typeof row['body'] === 'string') this.cache.set(row['id'], row['body']);
      }
    } catch {
      // Without bodies the sentence is shown on its own; the panel stays useful.
    }
  }

  get(id: string): string | undefined {
    return this.cache.get(id);
  }
}

export class Panel {
  private readonly root = byId('panel');
  private readonly title = byId('panel-title');
  private readonly typeChip = byId('panel-type');
  private readonly body = byId('panel-body');
  private readonly expandButton = byId<HTMLButtonElement>('panel-expand');
  private current: string | undefined;
  private seq = 0;

  constructor(
    private readonly events: PanelEvents,
    private readonly options: PanelOptions = { quotePageSize: () => QUOTE_PAGE_SIZE },
  ) {
    byId('panel-close').addEventListener('click', () => this.events.onClose());
    this.expandButton.addEventListener('click', () => {
      if (this.current) this.events.onExpandToggle(this.current);
    });
    byId('panel-focus').addEventListener('click', () => {
      if (this.current) this.events.onFocus(this.current);
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  get nodeKey(): string | undefined {
    return this.current;
  }

  close(): void {
    this.seq++;
    this.current = undefined;
    this.root.hidden = true;
  }

  setExpanded(expanded: boolean): void {
    this.expandButton.textContent = expanded ? 'Collapse neighbours' : 'Expand neighbours';
    this.expandButton.setAttribute('aria-pressed', String(expanded));
  }

  /** Opens the panel on a node; `local` are the attributes the view already has (shown at once). */
  async show(key: string, local: Record<string, unknown> | undefined, expanded: boolean, offline: boolean): Promise<void> {
    const seq = ++this.seq;
    this.current = key;
    this.root.hidden = false;
    this.setExpanded(expanded);
    const type = str(local?.['nodeType']) ?? str(local?.['type']) ?? key.slice(0, key.indexOf(':'));
    this.renderHead(type, str(local?.['name']) ?? str(local?.['text']) ?? key);
    this.body.replaceChildren(el('p', { class: 'muted', text: 'Loading…' }));
    if (offline) {
      this.body.replaceChildren(this.propsSection(local ?? {}));
      return;
    }
    try {
      const [detail, neighbours] = await Promise.all([api.node(key), api.neighbors(key, 1, 300).catch(() => undefined)]);
      if (seq !== this.seq) return;
      this.renderHead(detail.type, str(detail.properties['name']) ?? str(detail.properties['text']) ?? key);
      await this.renderDetail(detail, neighbours, seq);
    } catch (e) {
      if (seq !== this.seq) return;
      this.body.replaceChildren(el('p', { class: 'error', text: `Could not load this node: ${errorMessage(e)}` }));
    }
  }

  focusTitle(): void {
    this.title.focus();
  }

  private renderHead(type: string, name: string): void {
    this.typeChip.replaceChildren(iconSvg(type), type);
    this.typeChip.style.backgroundColor = nodeColor(type);
    this.title.textContent = name;
  }

  private async renderDetail(detail: NodeDetail, neighbours: Subgraph | undefined, seq: number): Promise<void> {
    const p = detail.properties;
    const sections: HTMLElement[] = [];
    const names = new Map<string, string>();
    for (const n of neighbours?.nodes ?? []) {
      names.set(n.key, str(n.attributes?.['name']) ?? str(n.attributes?.['text']) ?? n.key);
    }

    if (detail.type === 'Quote' && str(p['text'])) {
      sections.push(el('blockquote', { class: 'quote-text', text: quoteDisplayText(str(p['text'])!, p['kind']) }));
    }
    sections.push(this.propsSection(p));

    const aliases = Array.isArray(p['aliases']) ? (p['aliases'] as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    if (aliases.length) sections.push(this.tags('Also known as', aliases));
    const variants = Array.isArray(p['variants']) ? (p['variants'] as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    if (variants.length) sections.push(this.tags('Other wordings', variants));

    const edges = neighbours?.edges ?? [];
    const roles = this.roles(detail.id, edges, names);
    if (roles) sections.push(roles);
    if (detail.type === 'Quote') {
      const speakers = this.speakersOfQuote(detail.id, edges, names);
      if (speakers) sections.push(speakers);
    }
    const links = this.connections(detail.id, edges);
    if (links) sections.push(links);

    this.body.replaceChildren(...sections);

    const bodies = new Bodies();
    if (detail.type === 'Person' || detail.type === 'Organization') {
      await this.renderQuotes(detail.id, bodies, seq);
      if (seq !== this.seq) return;
    }

    if (detail.provenance.length) {
      await bodies.load(detail.provenance.map((s) => s.articleId));
      if (seq !== this.seq) return;
      const heading = detail.type === 'Quote' ? 'Source sentences' : 'Where it was read';
      const list = detail.provenance.slice(0, MAX_SOURCES).map((s) => this.source(s, bodies));
      this.body.append(
        el('section', {}, [
          el('h3', { text: `${heading} (${detail.provenance.length})` }),
          ...list,
          detail.provenance.length > MAX_SOURCES
            ? el('p', { class: 'muted', text: `…and ${detail.provenance.length - MAX_SOURCES} more.` })
            : null,
        ]),
      );
    }
  }

  /**
   * The speaker's quotes, one page at first; "Show more quotes" appends the next page until the API says
   * none follows. A failed page leaves what is shown, says why, and keeps the button for another try.
   */
  private async renderQuotes(speakerId: string, bodies: Bodies, seq: number): Promise<void> {
    const heading = el('h3', { text: 'Quotes' });
    const list = el('div', { class: 'quote-list' });
    const status = el('p', { class: 'muted', text: 'Loading quotes…', attrs: { role: 'status' } });
    const more = el('button', { class: 'quotes-more', text: 'Show more quotes', attrs: { type: 'button' } });
    more.hidden = true;
    this.body.append(el('section', { class: 'quotes' }, [heading, list, status, more]));
    const pageSize = this.options.quotePageSize();
    let shown = 0;
    let nextOffset: number | null = 0;

    // `fromButton`: the button had focus when pressed. Disabling it drops that focus (to the body), so it
    // is given back: to the first new quote, or to the button again when the page failed.
    const loadPage = async (offset: number, fromButton: boolean): Promise<void> => {
      more.disabled = true;
      more.setAttribute('aria-busy', 'true');
      const focusLost = () =>
        fromButton && (document.activeElement === more || document.activeElement === document.body);
      try {
        const page = await this.quoteCards(speakerId, offset, pageSize, bodies);
        if (seq !== this.seq) return;
        list.append(...page.cards);
        if (focusLost() && page.cards[0]) focusCard(page.cards[0]);
        shown += page.cards.length;
        nextOffset = page.nextOffset;
        heading.textContent = `Quotes (${shown}${nextOffset === null ? '' : '+'})`;
        setStatus(status, shown ? '' : 'No quote attributed.', 'muted');
      } catch (e) {
        if (seq !== this.seq) return;
        setStatus(status, `Could not load ${shown ? 'more ' : ''}quotes: ${errorMessage(e)}`, 'error');
      } finally {
        more.disabled = false;
        more.removeAttribute('aria-busy');
        // Only "more" after a first page: a failed first page has nothing to add more to.
        more.hidden = nextOffset === null || shown === 0;
        if (!more.hidden && focusLost()) more.focus();
      }
    };

    more.addEventListener('click', () => {
      if (nextOffset !== null && !more.disabled) void loadPage(nextOffset, document.activeElement === more);
    });
    await loadPage(0, false);
  }

  /** One page of a speaker's quotes as cards, with their source sentences and paragraphs loaded. */
  private async quoteCards(
    speakerId: string,
    offset: number,
    limit: number,
    bodies: Bodies,
  ): Promise<QuoteCards> {
    const page = await api.quotes({ speaker: speakerId, limit, offset });
    const provenance = await Promise.all(page.quotes.map((q) => api.node(q.id).catch(() => undefined)));
    await bodies.load(provenance.flatMap((d) => d?.provenance.map((s) => s.articleId) ?? []));
    const cards = page.quotes.map((q, i) =>
      this.quoteCard(q, provenance[i]?.provenance ?? [], bodies, speakerId),
    );
    return { cards, nextOffset: page.hasMore ? page.nextOffset : null };
  }

  private propsSection(p: Record<string, unknown>): HTMLElement {
    const dl = el('dl', { class: 'props' });
    for (const [k, v] of Object.entries(p)) {
      if (HIDDEN_PROPS.has(k) || k === 'nodeType' || v === null || v === undefined || v === '') continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (['label', 'size', 'color', 'image', 'pictoColor', 'hidden'].includes(k)) continue;
      dl.append(el('dt', { text: k }), el('dd', { text: k === 'date' ? `${formatDate(String(v))} (${String(v)})` : formatValue(v) }));
    }
    return el('section', {}, [el('h3', { text: 'Properties' }), dl.children.length ? dl : el('p', { class: 'muted', text: 'None.' })]);
  }

  private tags(title: string, values: string[]): HTMLElement {
    return el('section', {}, [el('h3', { text: title }), el('ul', { class: 'tags' }, values.map((v) => el('li', { text: v })))]);
  }

  private nodeLink(key: string, name: string): HTMLButtonElement {
    const b = el('button', { class: 'speaker-link', text: name, attrs: { type: 'button', title: 'Show this node' } });
    b.addEventListener('click', () => this.events.onSelect(key));
    return b;
  }

  private roles(id: string, edges: SerializedEdge[], names: Map<string, string>): HTMLElement | undefined {
    const items: HTMLElement[] = [];
    for (const e of edges) {
      const t = e.attributes?.['type'];
      if (e.source !== id || (t !== 'HOLDS_OFFICE' && t !== 'NATIONAL_OF')) continue;
      const title = str(e.attributes?.['title']);
      const what = t === 'HOLDS_OFFICE' ? (title ?? 'office') : 'national of';
      items.push(el('li', {}, [`${what}${t === 'HOLDS_OFFICE' ? ', ' : ' '}`, this.nodeLink(e.target, names.get(e.target) ?? e.target)]));
    }
    if (!items.length) return undefined;
    return el('section', {}, [el('h3', { text: 'Roles' }), el('ul', { class: 'plain' }, items)]);
  }

  private speakersOfQuote(id: string, edges: SerializedEdge[], names: Map<string, string>): HTMLElement | undefined {
    const saidBy = edges.filter((e) => e.target === id && e.attributes?.['type'] === 'SAID');
    if (!saidBy.length) return undefined;
    const contested = saidBy.some((e) => e.attributes?.['contested'] === true);
    return el('section', {}, [
      el('h3', { text: 'Said by' }),
      el(
        'p',
        {},
        saidBy.flatMap((e, i) => [i > 0 ? ' · ' : '', this.nodeLink(e.source, names.get(e.source) ?? e.source)]),
      ),
      contested ? el('span', { class: 'badge contested', text: 'contested: outlets disagree on who said it' }) : null,
    ]);
  }

  private connections(id: string, edges: SerializedEdge[]): HTMLElement | undefined {
    const counts = new Map<string, number>();
    for (const e of edges) {
      if (e.source !== id && e.target !== id) continue;
      const t = String(e.attributes?.['type'] ?? 'RELATED');
      const dir = e.source === id ? '→' : '←';
      const label = `${dir} ${edgeTypeName(t)}`;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    if (!counts.size) return undefined;
    return el('section', {}, [
      el('h3', { text: 'Connections' }),
      el(
        'ul',
        { class: 'tags' },
        [...counts].map(([label, n]) => el('li', { text: `${label} ${n}` })),
      ),
    ]);
  }

  private quoteCard(q: QuoteItem, provenance: SourceSentence[], bodies: Bodies, speakerId: string): HTMLElement {
    const me = q.speakers.find((s) => s.id === speakerId);
    const others = q.speakers.filter((s) => s.id !== speakerId);
    const outlets = [...new Set(q.sources.map((s) => s.outlet).filter((o): o is string => !!o))];
    const card = el('article', { class: `quote-card${q.contested ? ' contested' : ''}` }, [
      el('p', { class: 'quote-text', text: quoteDisplayText(q.text, q.kind) }),
      el('div', { class: 'quote-meta' }, [
        el('span', { text: `${q.corroboration} article${q.corroboration === 1 ? '' : 's'}` }),
        outlets.length ? el('span', { text: outlets.join(', ') }) : null,
        q.kind ? el('span', { class: 'badge', text: q.kind }) : null,
        q.contested || me?.contested ? el('span', { class: 'badge contested', text: 'contested' }) : null,
      ]),
      this.quoteSetting(q),
      others.length
        ? el('div', { class: 'quote-meta' }, [
            'Also attributed to ',
            ...others.flatMap((s, i) => [i > 0 ? ', ' : '', this.nodeLink(s.id, s.name ?? s.id)]),
          ])
        : null,
    ]);
    card.dataset['quote'] = q.id;
    const seen = new Set<string>();
    for (const s of provenance) {
      const k = `${s.articleId}:${s.sentence}`;
      if (seen.has(k)) continue;
      seen.add(k);
      card.append(this.source(s, bodies));
      if (seen.size >= 4) break;
    }
    if (!provenance.length) {
      for (const s of q.sources.slice(0, 4)) card.append(this.sourceHead(s));
    }
    return card;
  }

  /** To whom, where and when, with links to the nodes; null when the reports say none of it. */
  private quoteSetting(q: QuoteItem): HTMLElement | null {
    const parts = quoteSettingParts(q, formatDate);
    if (!parts.length) return null;
    return el(
      'div',
      { class: 'quote-meta quote-setting' },
      parts.map((p) => ('link' in p ? this.nodeLink(p.link.id, p.link.name ?? p.link.id) : p.text)),
    );
  }

  private sourceHead(s: { articleId: string; title?: string | null; outlet?: string | null; date?: string | null; url?: string | null }): HTMLElement {
    const title = s.title ?? s.articleId;
    const titleNode =
      s.url && /^https?:\/\//.test(s.url)
        ? el('a', { text: title, attrs: { href: s.url, target: '_blank', rel: 'noopener noreferrer' } })
        : el('span', { text: title });
    return el('div', { class: 'source-head' }, [
      s.outlet ? el('span', { class: 'outlet', text: s.outlet }) : null,
      s.outlet ? ' · ' : '',
      titleNode,
      s.date ? ` · ${formatDate(s.date)}` : '',
    ]);
  }

  /** One source: article line, then the paragraph with the sentence marked. */
  private source(s: SourceSentence, bodies: Bodies): HTMLElement {
    const body = bodies.get(s.articleId);
    let paragraph = s.paragraph;
    if (!paragraph && body) paragraph = paragraphAround(body, s.start, s.end).paragraph;
    const { segments } = highlightSentence(paragraph ?? s.sentence, s.sentence);
    const p = el('p', { class: 'paragraph' });
    for (const seg of segments) p.append(seg.highlight ? el('mark', { text: seg.text }) : document.createTextNode(seg.text));
    return el('div', { class: 'source' }, [this.sourceHead(s), p]);
  }
}
