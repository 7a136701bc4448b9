/**
 * What a painter off the main thread needs of sigma's view to project graph coordinates the way sigma
 * does: the camera, the canvas size, the stage padding and the pixel ratio (capped at 2, as sigma's own).
 */
import type { Sigma } from 'sigma';
import type { PreviewView } from './preview-projection.js';

export function sigmaView(sigma: Sigma): PreviewView {
  const { x, y, ratio, angle } = sigma.getCamera().getState();
  const { width, height } = sigma.getDimensions();
  return {
    camera: { x, y, ratio, angle },
    width,
    height,
    padding: sigma.getStagePadding(),
    pixelRatio: Math.min(window.devicePixelRatio || 1, 2),
  };
}
