import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Builds the browser app into public/app/ with fixed entry names, because public/index.html is
 * a committed static file that loads /app/main.js and /app/main.css.
 */
export default defineConfig({
  root: here('.'),
  base: '/app/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: here('../../public/app'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    cssCodeSplit: false,
    rolldownOptions: {
      input: here('./main.ts'),
      output: {
        entryFileNames: 'main.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: (info) => (info.names.some((n) => n.endsWith('.css')) ? 'main.css' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
