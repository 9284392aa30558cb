import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Debian's Chromium (playwright-core) against the built app (`npm run build`
 * first), started by the global setup on a fresh embedded database with a real SMTP server.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    // One file after another in one process: the files share no module state (each keeps its
    // own browser, apps and clients), so the app and Playwright modules load once, not per file.
    isolate: false,
    // expect.poll's own default (1 s) is shorter than a server round trip on two cores shared by
    // two lanes of browser tests.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
