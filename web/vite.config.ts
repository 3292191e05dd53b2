// Vite build of the operator console (issue 7) into web/dist, the files `vigil serve`
// ships at /. CesiumJS runs offline: its workers, third-party code, assets (with the
// bundled NaturalEarthII imagery) and widget styles are copied beside the bundle and
// found through CESIUM_BASE_URL (STACK.md, "globe"). `base: './'` keeps every URL
// relative, so the page asks only its own origin.
import { fileURLToPath } from 'node:url';
import { defineConfig, normalizePath } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';

const root = fileURLToPath(new URL('.', import.meta.url));
const cesiumBuild = normalizePath(
  fileURLToPath(new URL('../node_modules/cesium/Build/Cesium', import.meta.url)),
);
const CESIUM_DIR = 'cesium';

export default defineConfig({
  root,
  base: './',
  define: { CESIUM_BASE_URL: JSON.stringify(`./${CESIUM_DIR}/`) },
  plugins: [
    viteStaticCopy({
      targets: ['Workers', 'ThirdParty', 'Assets', 'Widgets'].map((dir) => ({
        src: `${cesiumBuild}/${dir}`,
        dest: CESIUM_DIR,
      })),
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
  },
});
