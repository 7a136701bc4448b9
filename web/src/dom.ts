/**
 * Small DOM helpers. Text always goes in through textContent: nothing read from articles or the API is
 * ever parsed as HTML.
 */
import { NODE_ICONS, isNodeLabel, nodeColor } from './theme.js';

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  opts: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.class) node.className = opts.class;
  if (opts.text !== undefined) node.textContent = opts.text;
  if (opts.attrs) for (const [k, v] of Object.entries(opts.attrs)) node.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The type's pictogram as an inline SVG (white), on nothing. */
export function iconSvg(type: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  if (isNodeLabel(type)) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', NODE_ICONS[type]);
    svg.append(path);
  }
  return svg;
}

/** A round glyph in the type's colour with its pictogram: the legend's and the panel's marker. */
export function glyph(type: string): HTMLSpanElement {
  const span = el('span', { class: 'glyph' }, [iconSvg(type)]);
  span.style.backgroundColor = nodeColor(type);
  return span;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;

export function toast(message: string, kind: 'info' | 'error' = 'info', ms = 5000): void {
  const t = byId('toast');
  t.textContent = message;
  t.classList.toggle('error', kind === 'error');
  t.hidden = false;
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), ms);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let t: ReturnType<typeof setTimeout> | undefined;
  const wrapped = (...args: A): void => {
    if (t) clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => {
    if (t) clearTimeout(t);
  };
  return wrapped;
}

/** Starts a download of a blob under a file name. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { attrs: { href: url, download: filename } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
