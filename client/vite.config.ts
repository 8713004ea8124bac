import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// In development the API runs beside Vite (scripts/dev.ts); everything the SPA calls goes through
// this proxy so the session cookie stays first-party and same-origin, as it is in production
// where the server itself serves client/dist.
const api = process.env.TAKT_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [vue()],
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
