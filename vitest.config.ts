import { defineConfig } from "vitest/config";
import { MissingToolsReporter } from "./test/support/missing-tools-reporter";

// Time limits are safety nets for a loaded 2-core CI machine, never assertions: tests that spawn the CLI,
// build the bundles or drive Chromium can take seconds there.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A machine without Chromium, LibreOffice, poppler or xmllint skips the tests that need them, and says so in one line.
    reporters: ["default", new MissingToolsReporter()],
  },
});
