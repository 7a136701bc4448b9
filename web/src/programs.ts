/**
 * Sigma's WebGL programs without instancing. Sigma v3 draws each node and edge as one instance of a small
 * shape (drawArraysInstanced). On a GPU that is the fast path, but with software WebGL (SwiftShader, what
 * Chromium uses without a GPU, as on the project's headless machines and many VMs) every instance is a
 * separate draw internally: ~20 us each, so 4,468 arrows cost ~170 ms per frame per pass (measured on
 * the BBC overview; see web/e2e/bench-viewer.ts). The same shaders fed one vertex per corner
 * (plain drawArrays) cost a few ms.
 *
 * nonInstanced(Program) is the same program with its per-corner ("constant") attributes moved into the
 * vertex buffer: the shaders, uniforms and processVisibleItem of the original are reused untouched, each
 * item's instance attributes are written once per corner followed by that corner's constant data.
 * `picking: false` drops the program's picking pass (for the pictogram drawn over a circle that is
 * already pickable, or an arrow head over its pickable edge), which halves its cost again. The other
 * programs skip their picking pass while the camera moves (nothing is hovered or clicked during a drag
 * or a zoom), and draw it again in one frame after the move.
 */
import type { Attributes } from 'graphology-types';
import type { Sigma } from 'sigma';
import { getAttributesItemsCount } from 'sigma/rendering';
import type { EdgeProgramType, NodeProgramType, ProgramAttributeSpecification } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';

interface DefinitionShape {
  VERTICES: number;
  ATTRIBUTES: ProgramAttributeSpecification[];
  CONSTANT_ATTRIBUTES?: ProgramAttributeSpecification[];
  CONSTANT_DATA?: number[][];
}

interface ProgramShape {
  array: Float32Array;
  pickProgram: unknown;
  renderer: Sigma<Attributes, Attributes>;
  getDefinition(): DefinitionShape;
  processVisibleItem(index: number, startIndex: number, ...rest: unknown[]): void;
  render(params: RenderParams): void;
  kill(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern needs an any[] constructor
type ProgramClass = new (...args: any[]) => object;

interface Layout {
  vertices: number;
  instanceItems: number;
  constants: number[][];
  scratch: Float32Array;
}

export function nonInstanced<C extends ProgramClass>(Base: C, options: { picking?: boolean } = {}): C {
  const picking = options.picking ?? true;
  const Shaped = Base as unknown as new (...args: unknown[]) => ProgramShape;
  class NonInstanced extends Shaped {
    private layout: Layout | undefined;
    private pickingPending: ReturnType<typeof setTimeout> | undefined;

    constructor(...args: unknown[]) {
      // (gl, pickingBuffer, renderer): without a picking buffer, sigma creates no picking pass.
      if (!picking) args[1] = null;
      super(...args);
    }

    override render(params: RenderParams): void {
      const pick = this.pickProgram;
      if (!pick || !cameraMoving(this.renderer)) {
        super.render(params);
        // Drawn with its picking pass: no frame needed for it after the move.
        if (this.pickingPending !== undefined) clearTimeout(this.pickingPending);
        this.pickingPending = undefined;
        return;
      }
      // Sigma's Program.render draws the picking pass when it has a pick program.
      this.pickProgram = null;
      try {
        super.render(params);
      } finally {
        this.pickProgram = pick;
      }
      if (this.pickingPending === undefined) this.pickingPending = setTimeout(() => this.afterMove(), 150);
    }

    private afterMove(): void {
      this.pickingPending = undefined;
      if (cameraMoving(this.renderer)) this.pickingPending = setTimeout(() => this.afterMove(), 150);
      else this.renderer.scheduleRender();
    }

    override kill(): void {
      if (this.pickingPending !== undefined) clearTimeout(this.pickingPending);
      super.kill();
    }

    override getDefinition(): DefinitionShape {
      const def = super.getDefinition();
      if (!def.CONSTANT_ATTRIBUTES) return def;
      const { CONSTANT_ATTRIBUTES: _a, CONSTANT_DATA: _d, ...rest } = def;
      return { ...rest, ATTRIBUTES: [...def.ATTRIBUTES, ...def.CONSTANT_ATTRIBUTES] };
    }

    private getLayout(): Layout {
      if (this.layout) return this.layout;
      const def = super.getDefinition();
      const instanceItems = getAttributesItemsCount(def.ATTRIBUTES);
      this.layout = {
        vertices: def.VERTICES,
        instanceItems,
        constants: def.CONSTANT_DATA ?? [],
        scratch: new Float32Array(instanceItems),
      };
      return this.layout;
    }

    override processVisibleItem(index: number, startIndex: number, ...rest: unknown[]): void {
      const layout = this.getLayout();
      if (layout.constants.length === 0) {
        super.processVisibleItem(index, startIndex, ...rest);
        return;
      }
      // The original writes one item's instance attributes; written here once per corner.
      const target = this.array;
      const { scratch, instanceItems, constants, vertices } = layout;
      this.array = scratch;
      try {
        super.processVisibleItem(index, 0, ...rest);
      } finally {
        this.array = target;
      }
      let j = startIndex;
      for (let v = 0; v < vertices; v++) {
        for (let k = 0; k < instanceItems; k++) target[j++] = scratch[k]!;
        const c = constants[v]!;
        for (let k = 0; k < c.length; k++) target[j++] = c[k]!;
      }
    }
  }
  return NonInstanced as unknown as C;
}

/** What sigma itself counts as "the camera is moving" (its render() hides edges/labels on move by this). */
export function cameraMoving(renderer: Sigma<Attributes, Attributes>): boolean {
  const mouse = renderer.getMouseCaptor();
  return (
    renderer.getCamera().isAnimated() ||
    mouse.isMoving ||
    mouse.draggedEvents > 0 ||
    mouse.currentWheelDirection !== 0
  );
}

/** What these wrappers use of a sigma program instance, and how one is constructed. */
interface ProgramLike<ProcessRest extends unknown[]> {
  reallocate(capacity: number): void;
  process(index: number, offset: number, ...rest: ProcessRest): void;
  render(params: RenderParams): void;
  kill(): void;
}
type ProgramCtor<P> = new (
  gl: WebGLRenderingContext,
  pickingBuffer: WebGLFramebuffer | null,
  renderer: Sigma<Attributes, Attributes>,
) => P;
type NodeProgramLike = ProgramLike<[data: NodeDisplayData]>;
type NodeProgramCtor = ProgramCtor<NodeProgramLike>;

/**
 * A node program drawing `base` always and `detail` over it only while the camera is still (the
 * pictograms cost ten times the discs with software WebGL, and are hard to read while moving anyway).
 * When a move ends, one more frame is drawn with the detail.
 */
export function createNodeDetailProgram<N extends Attributes, E extends Attributes>(
  base: NodeProgramType<N, E>,
  detail: NodeProgramType<N, E>,
): NodeProgramType<N, E> {
  class NodeDetailProgram implements NodeProgramLike {
    drawLabel = undefined;
    drawHover = undefined;
    private readonly programs: NodeProgramLike[];
    private pending: ReturnType<typeof setTimeout> | undefined;

    constructor(
      gl: WebGLRenderingContext,
      pickingBuffer: WebGLFramebuffer | null,
      private readonly renderer: Sigma<Attributes, Attributes>,
    ) {
      this.programs = [base, detail].map(
        (P) => new (P as unknown as NodeProgramCtor)(gl, pickingBuffer, renderer),
      );
    }

    reallocate(capacity: number): void {
      for (const p of this.programs) p.reallocate(capacity);
    }

    process(nodeIndex: number, offset: number, data: NodeDisplayData): void {
      for (const p of this.programs) p.process(nodeIndex, offset, data);
    }

    render(params: RenderParams): void {
      this.programs[0]!.render(params);
      if (!cameraMoving(this.renderer)) {
        this.programs[1]!.render(params);
        // Drawn: the frame the timer would ask for is this one (a second one would draw it all again).
        this.cancelPending();
        return;
      }
      if (this.pending === undefined) this.pending = setTimeout(() => this.afterMove(), 150);
    }

    private afterMove(): void {
      this.pending = undefined;
      if (cameraMoving(this.renderer)) this.pending = setTimeout(() => this.afterMove(), 150);
      else this.renderer.scheduleRender();
    }

    private cancelPending(): void {
      if (this.pending === undefined) return;
      clearTimeout(this.pending);
      this.pending = undefined;
    }

    kill(): void {
      this.cancelPending();
      for (const p of this.programs) p.kill();
    }
  }
  return NodeDetailProgram as unknown as NodeProgramType<N, E>;
}

type AnyProgramLike = ProgramLike<unknown[]>;
type AnyProgramCtor = ProgramCtor<AnyProgramLike>;

/**
 * A node or edge program whose drawing is skipped while `skip()` says so (its data is still kept up to
 * date, so drawing resumes without re-indexing): large graphs' edges while the camera moves, huge graphs'
 * edges while the layout moves the nodes, and huge graphs' nodes while the layout worker's preview
 * stands in for them. Sigma's own hideEdgesOnMove re-indexes the whole graph after each drag; here, once
 * `skip()` turns false, one frame is drawn.
 */
function createSkippableProgram<T>(base: T, skip: () => boolean): T {
  class SkippableProgram implements AnyProgramLike {
    drawLabel = undefined;
    drawHover = undefined;
    private readonly program: AnyProgramLike;
    private pending: ReturnType<typeof setTimeout> | undefined;

    constructor(
      gl: WebGLRenderingContext,
      pickingBuffer: WebGLFramebuffer | null,
      private readonly renderer: Sigma<Attributes, Attributes>,
    ) {
      this.program = new (base as unknown as AnyProgramCtor)(gl, pickingBuffer, renderer);
    }

    reallocate(capacity: number): void {
      this.program.reallocate(capacity);
    }

    process(index: number, offset: number, ...rest: unknown[]): void {
      this.program.process(index, offset, ...rest);
    }

    render(params: RenderParams): void {
      if (!skip()) {
        this.program.render(params);
        // Drawn: the frame the timer would ask for is this one (a second one would draw it all again).
        this.cancelPending();
        return;
      }
      if (this.pending === undefined) this.pending = setTimeout(() => this.resume(), 150);
    }

    private resume(): void {
      this.pending = undefined;
      if (skip()) this.pending = setTimeout(() => this.resume(), 150);
      else this.renderer.scheduleRender();
    }

    private cancelPending(): void {
      if (this.pending === undefined) return;
      clearTimeout(this.pending);
      this.pending = undefined;
    }

    kill(): void {
      this.cancelPending();
      this.program.kill();
    }
  }
  return SkippableProgram as unknown as T;
}

export function createSkippableEdgeProgram<N extends Attributes, E extends Attributes>(
  base: EdgeProgramType<N, E>,
  skip: () => boolean,
): EdgeProgramType<N, E> {
  return createSkippableProgram(base, skip);
}

export function createSkippableNodeProgram<N extends Attributes, E extends Attributes>(
  base: NodeProgramType<N, E>,
  skip: () => boolean,
): NodeProgramType<N, E> {
  return createSkippableProgram(base, skip);
}
