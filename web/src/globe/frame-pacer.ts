// Keeps the globe from starving the rest of the page. On software WebGL one frame of
// the globe can hold the page's only thread for most of a second, and a frame asked
// for after every stream update would leave no time to read the updates: the console
// falls further behind with each one. The pacer measures what each frame really
// costs — from its start until the thread is free again, which includes a blocking
// swap — and caps the frame rate so that drawing takes at most half the time. On a
// real GPU a frame costs milliseconds and the cap stays at 60 frames per second.
import type { Viewer } from 'cesium';

const MAX_FPS = 60;
/** Share of the time the globe may draw. */
const DUTY = 0.5;
/** Weight of the newest frame in the running cost. */
const SMOOTHING = 0.3;

export class FramePacer {
  private readonly viewer: Viewer;
  private frameStart = 0;
  /** Running frame cost, ms. */
  costMs = 0;

  constructor(viewer: Viewer) {
    this.viewer = viewer;
    viewer.targetFrameRate = MAX_FPS;
    viewer.scene.preRender.addEventListener(this.onStart, this);
    viewer.scene.postRender.addEventListener(this.onEnd, this);
  }

  destroy(): void {
    this.viewer.scene.preRender.removeEventListener(this.onStart, this);
    this.viewer.scene.postRender.removeEventListener(this.onEnd, this);
  }

  private onStart(): void {
    this.frameStart = performance.now();
  }

  private onEnd(): void {
    const start = this.frameStart;
    // A task queued now runs once the frame has let go of the thread.
    setTimeout(() => {
      if (this.viewer.isDestroyed()) return;
      const cost = performance.now() - start;
      this.costMs = this.costMs === 0 ? cost : this.costMs + SMOOTHING * (cost - this.costMs);
      this.viewer.targetFrameRate = Math.min(MAX_FPS, (1000 * DUTY) / Math.max(this.costMs, 1));
    }, 0);
  }
}
