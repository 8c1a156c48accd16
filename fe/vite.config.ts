/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

// One codebase, two bundles: `--mode web` (served at /) and `--mode h5` (served at /h5/).
// A custom mode replaces Vite's "production" mode, so .env.production (the API base URL) is loaded here
// explicitly and the mode's own env files override it.
export default defineConfig(({ mode, command }) => {
  const target = mode === 'h5' ? 'h5' : 'web';
  const shared = command === 'build' ? loadEnv('production', process.cwd(), 'VITE_') : {};
  const own = loadEnv(mode, process.cwd(), 'VITE_');
  const apiBaseUrl = own.VITE_API_BASE_URL ?? shared.VITE_API_BASE_URL ?? '';
  return {
    base: target === 'h5' ? '/h5/' : '/',
    plugins: [react()],
    define: {
      'import.meta.env.VITE_API_BASE_URL': JSON.stringify(apiBaseUrl),
    },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Hashed names only: gatewayd serves assets/ with long cache headers.
      assetsDir: 'assets',
      sourcemap: false,
    },
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
    },
  };
});
