import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The phone page: a second, small renderer entry served by the team server under /phone/ (its own
 * index.html, the `phone` locale namespace only, no charts or spreadsheets). scripts/build.mjs
 * builds its service worker afterwards, with the list of these files.
 */
export default defineConfig({
  root: 'renderer/phone',
  base: '/phone/',
  plugins: [react()],
  build: {
    outDir: '../../out/renderer/phone',
    emptyOutDir: true,
    sourcemap: true,
    // The phone downloads this over a field connection: keep it well under the desktop's size.
    chunkSizeWarningLimit: 400,
  },
});
