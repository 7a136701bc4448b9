/**
 * The search box: debounced suggestions from /api/search (or, for an imported graph, from the nodes on
 * screen), an ARIA combobox driven by the keyboard (arrows, Enter, Esc) and the mouse.
 */
import { api, type SearchHit } from './api.js';
import { byId, debounce, el, errorMessage, glyph } from './dom.js';

export interface SearchOptions {
  onPick(hit: SearchHit): void;
  /** Local search (imported graphs have no API behind them). */
  local?: (q: string) => SearchHit[];
}

export class SearchBox {
  private readonly input = byId<HTMLInputElement>('search');
  private readonly list = byId<HTMLUListElement>('search-list');
  private hits: SearchHit[] = [];
  private active = -1;
  private controller: AbortController | undefined;
  private seq = 0;

  constructor(private readonly opts: SearchOptions) {
    const run = debounce((q: string) => void this.query(q), 180);
    this.input.addEventListener('input', () => {
      const q = this.input.value.trim();
      if (q.length < 2) {
        run.cancel();
        this.close();
        return;
      }
      run(q);
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.list.addEventListener('mousedown', (e) => e.preventDefault());
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private async query(q: string): Promise<void> {
    const seq = ++this.seq;
    this.controller?.abort();
    this.controller = new AbortController();
    try {
      const hits = this.opts.local ? this.opts.local(q) : await api.search(q, this.controller.signal);
      if (seq !== this.seq) return;
      this.show(hits);
    } catch (e) {
      if ((e as Error).name === 'AbortError' || seq !== this.seq) return;
      this.showMessage(`Search failed: ${errorMessage(e)}`);
    }
  }

  private show(hits: SearchHit[]): void {
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    this.list.replaceChildren();
    if (!hits.length) {
      this.showMessage('No match');
      return;
    }
    hits.forEach((hit, i) => {
      const li = el('li', { attrs: { role: 'option', id: `search-opt-${i}` } }, [
        glyph(hit.type),
        el('span', { class: 'name', text: hit.name }),
        hit.matched && hit.matched !== hit.name ? el('span', { class: 'matched', text: hit.matched }) : null,
      ]);
      li.dataset['key'] = hit.key;
      li.addEventListener('click', () => this.pick(i));
      this.list.append(li);
    });
    this.open();
    this.highlight();
  }

  private showMessage(text: string): void {
    this.hits = [];
    this.active = -1;
    this.list.replaceChildren(el('li', { class: 'empty-row', text, attrs: { role: 'option', 'aria-disabled': 'true' } }));
    this.open();
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private highlight(): void {
    [...this.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `search-opt-${this.active}`);
      this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.hits.length) return;
      e.preventDefault();
      const n = this.hits.length;
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + n) % n;
      this.highlight();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.active >= 0) this.pick(this.active);
    } else if (e.key === 'Escape') {
      if (!this.list.hidden) {
        e.stopPropagation();
        this.close();
      } else this.input.blur();
    }
  }

  private pick(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.close();
    this.input.value = hit.name;
    this.opts.onPick(hit);
  }
}
