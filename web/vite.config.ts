/**
 * Builds the link-gap explorer (web/) into dist/web/, which `linkgap serve` serves at `/`.
 * JSX goes through Vite's own transformer (oxc) with Preact's automatic runtime, so no framework
 * plugin is needed.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // `npm run web:dev`: live reload against a running `linkgap serve` (LINKGAP_API, default :8080).
  server: { proxy: { '/api': process.env.LINKGAP_API ?? 'http://127.0.0.1:8080' } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Every supported browser has modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
