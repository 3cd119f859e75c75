import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API runs beside the dev server (npm start on port 3000); the build is served by Nest itself. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
