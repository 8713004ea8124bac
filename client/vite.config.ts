import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { compression } from 'vite-plugin-compression2';

// In development the API runs beside Vite (scripts/dev.ts); everything the SPA calls goes through
// this proxy so the session cookie stays first-party and same-origin, as it is in production
// where the server itself serves client/dist.
const api = process.env.TAKT_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  // brotli and gzip copies of the built files, written once here and served as they are
  // (server/src/http/compression.ts): no compression work per request, at the best levels
  plugins: [vue(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, exclude: [/\.map$/] })],
  server: {
    port: Number(process.env.TAKT_CLIENT_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': { target: api },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
