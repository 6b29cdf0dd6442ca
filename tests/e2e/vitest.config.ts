import { defineConfig } from 'vitest/config'

/** End-to-end tests: the built app (`dist/`), the real relay, headless Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // One Chromium at a time: the CI machine has two cores.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // `expect.poll` waits on a condition; 1 s (vitest's default) is too short on a busy 2-core
    // machine where a relay round trip and a render can take longer.
    expect: { poll: { timeout: 15_000 } },
  },
})
