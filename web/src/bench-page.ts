// The console bench's page (bench/web.ts drives it): the real live source and globe
// against the bench's stand-in service, with hooks to time frames and to note when
// each stream step has been applied — parsed, held, and drawn into the primitives.
import { Api } from './data/api.ts';
import { LiveSource } from './data/live-source.ts';
import type { StepMessage } from './data/types.ts';
import { GlobeView } from './globe/globe-view.ts';

export interface ConsoleBench {
  /** [simulation time, Date.now() when applied, ms spent applying it] per step. */
  handled: Array<[number, number, number]>;
  tracks(): number;
  sensors(): number;
  /** Wall times of `n` frames, each rendered and finished on the GPU, ms. */
  frames(n: number): Promise<number[]>;
}

declare global {
  interface Window {
    vigilBench?: ConsoleBench;
  }
}

async function start(): Promise<void> {
  const source = await LiveSource.open(new Api('bench'), 'bench');
  const globe = new GlobeView(document.getElementById('globe')!, source, (text) => console.warn(text));
  const handled: Array<[number, number, number]> = [];
  const model = source.model;
  const apply = model.applyStep.bind(model);
  model.applyStep = (step: Parameters<typeof apply>[0]) => {
    const t0 = performance.now();
    apply(step as StepMessage);
    handled.push([step.timeS, Date.now(), performance.now() - t0]);
  };
  const canvas = globe.viewer.canvas;
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
  const pixel = new Uint8Array(4);
  window.vigilBench = {
    handled,
    tracks: () => globe.tracks.count,
    sensors: () => globe.sensors?.count ?? 0,
    async frames(n) {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        globe.viewer.scene.requestRender();
        const t0 = performance.now();
        globe.viewer.render();
        // Reading a pixel waits for the GPU (here SwiftShader) to finish the frame.
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 0));
      }
      return times;
    },
  };
}

void start();
