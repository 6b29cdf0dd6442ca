/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // The user decides when a new version takes over: a reload mid-atelier must never surprise.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Tandem — comités des usagers',
        short_name: 'Tandem',
        description: 'Ateliers, restitution et actes des comités des usagers, même sans réseau.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#fbf8f3',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The manifest is left out here because the plugin precaches it itself.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/sync\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Each screen is a lazy chunk (src/app/App.tsx): a device parses only the screen it opens.
  // `globPatterns` above precaches every chunk, so offline nothing is ever missing.
  build: { target: 'es2022', chunkSizeWarningLimit: 700 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'sync-server/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
