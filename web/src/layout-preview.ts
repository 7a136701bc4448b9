/**
 * The main thread's side of the layout preview of huge graphs (see layout.ts): a canvas over the stage
 * whose drawing is handed to the layout worker (transferControlToOffscreen), shown while the worker's
 * preview stands in for sigma's nodes. Sigma's label and hover layers are hidden meanwhile (a class on
 * the container, see styles.css): they show the positions from before the layout. A FA2 iteration of a
 * huge graph keeps the worker busy for a second or more, so between two paints the picture follows the
 * camera by a CSS transform (from the view it was painted for to the current one).
 */
import type { Sigma } from 'sigma';
import type { LayoutPreviewHost } from './layout.js';
import { viewChange, type Extent, type PreviewView } from './preview-projection.js';
import { sigmaView } from './sigma-view.js';

export class LayoutPreview implements LayoutPreviewHost {
  private canvas: HTMLCanvasElement | undefined;
  private active = false;
  private painted: { extent: Extent; view: PreviewView } | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly sigma: Sigma,
    /** Graphs with more nodes than this are previewed. */
    private readonly minNodes: number,
    private readonly onChange: (active: boolean) => void,
  ) {
    sigma.getCamera().on('updated', () => this.follow());
    sigma.on('resize', () => this.follow());
  }

  get isActive(): boolean {
    return this.active;
  }

  wanted(order: number): boolean {
    return (
      order > this.minNodes && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function'
    );
  }

  createCanvas(): OffscreenCanvas {
    this.canvas?.remove();
    const canvas = document.createElement('canvas');
    canvas.className = 'layout-preview';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.hidden = !this.active;
    canvas.style.transformOrigin = '0 0';
    this.painted = undefined;
    this.container.appendChild(canvas);
    this.canvas = canvas;
    return canvas.transferControlToOffscreen();
  }

  view(): PreviewView {
    return sigmaView(this.sigma);
  }


  onPreviewChange(active: boolean): void {
    this.active = active;
    this.container.classList.toggle('layout-previewing', active);
    if (this.canvas) this.canvas.hidden = !active;
    this.onChange(active);
  }

  onPainted(extent: Extent, view: PreviewView): void {
    this.painted = { extent, view };
    this.follow();
  }

  /** Moves the last paint to where the current camera shows its points. */
  private follow(): void {
    if (!this.active || !this.canvas || !this.painted) return;
    const { extent, view } = this.painted;
    const m = viewChange(extent, view, this.view());
    this.canvas.style.transform = `matrix(${m.a}, ${m.d}, ${m.b}, ${m.e}, ${m.c}, ${m.f})`;
  }
}
