// End-to-end tests of the web app in a real browser (Debian's chromium via playwright-core):
// `npx vitest run --config vitest.e2e.config.ts`. See test/e2e/harness.ts for what they need.
import { defineConfig } from "vitest/config";

// biome-ignore lint/style/noDefaultExport: Vitest reads the default export of its config file
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
