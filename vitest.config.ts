import { defineConfig } from "vitest/config";

// Time limits are safety nets for a loaded 2-core CI machine, never assertions: tests that spawn the CLI,
// build the bundles or drive Chromium can take seconds there.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
