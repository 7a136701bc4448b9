/**
 * Export of the current view or of the selection through /api/export (GEXF, GraphML, JSON, CSV, Cypher),
 * and a PNG snapshot of the canvas.
 */
import { EXPORT_FORMATS, errorText, exportUrl, type ExportFormat } from './api.js';
import { byId, download, errorMessage, toast } from './dom.js';

export interface ViewSelection {
  /** Keys of the visible nodes. */
  visible: string[];
  selected?: string;
}

/** The export request for the current view: exactly the visible nodes and the edges among them. */
export function viewExportRequest(format: ExportFormat, sel: ViewSelection): { url: string; init: RequestInit } {
  return {
    url: '/api/export',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format, ids: sel.visible }),
    },
  };
}

function filenameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

async function fetchAndSave(url: string, init: RequestInit, fallbackName: string): Promise<string> {
  const res = await fetch(url, init);
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      msg = errorText(await res.json()) ?? msg;
    } catch {
      /* not JSON */
    }
    throw new Error(msg);
  }
  const name = filenameFrom(res, fallbackName);
  download(await res.blob(), name);
  return name;
}

export class ExportMenu {
  private readonly toggle = byId<HTMLButtonElement>('export-toggle');
  private readonly menu = byId('export-menu');
  private readonly format = byId<HTMLSelectElement>('export-format');
  private readonly selectionButton = byId<HTMLButtonElement>('export-selection');

  constructor(
    private readonly current: () => ViewSelection,
    private readonly snapshot: () => Promise<Blob>,
    private readonly online: () => boolean,
  ) {
    this.toggle.addEventListener('click', () => this.setOpen(this.menu.hidden));
    this.menu.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.setOpen(false);
        this.toggle.focus();
      }
    });
    document.addEventListener('click', (e) => {
      if (!this.menu.hidden && !(e.target instanceof Node && (this.menu.contains(e.target) || this.toggle.contains(e.target)))) {
        this.setOpen(false);
      }
    });
    byId('export-view').addEventListener('click', () => void this.exportView());
    this.selectionButton.addEventListener('click', () => void this.exportSelection());
    byId('export-png').addEventListener('click', () => void this.exportPng());
  }

  private setOpen(open: boolean): void {
    this.menu.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) this.format.focus();
  }

  setSelection(key: string | undefined): void {
    this.selectionButton.disabled = !key;
  }

  private selectedFormat(): ExportFormat {
    const v = this.format.value;
    return (EXPORT_FORMATS as readonly string[]).includes(v) ? (v as ExportFormat) : 'gexf';
  }

  async exportView(): Promise<void> {
    if (!this.online()) {
      toast('Export needs the speakergraph server (this graph was imported from a file).', 'error');
      return;
    }
    const sel = this.current();
    const format = this.selectedFormat();
    try {
      if (!sel.visible.length) throw new Error('nothing is visible');
      const { url, init } = viewExportRequest(format, sel);
      const name = await fetchAndSave(url, init, `speakergraph-view.${format}`);
      toast(`Exported ${name}`);
    } catch (e) {
      toast(`Export failed: ${errorMessage(e)}`, 'error');
    }
  }

  async exportSelection(): Promise<void> {
    const { selected } = this.current();
    if (!selected || !this.online()) return;
    const format = this.selectedFormat();
    try {
      const name = await fetchAndSave(exportUrl(format, { node: selected, depth: 1 }), {}, `speakergraph-selection.${format}`);
      toast(`Exported ${name}`);
    } catch (e) {
      toast(`Export failed: ${errorMessage(e)}`, 'error');
    }
  }

  async exportPng(): Promise<void> {
    try {
      const blob = await this.snapshot();
      download(blob, `speakergraph-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.png`);
      toast('Saved a PNG snapshot of the view');
    } catch (e) {
      toast(`Snapshot failed: ${errorMessage(e)}`, 'error');
    }
  }
}
