// The command line as one file per entry (build/cli/cli.js, build/cli/demo.js): Node loads one file instead of some
// sixty modules, which is most of a short run. exceljs stays outside: only `coma template` and the demo load it.
// Usage: node scripts/cli/bundle.mjs [OUTDIR]   (npm's "prepare" runs it on `npm install`)
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
await build({
  absWorkingDir: root,
  entryPoints: ["scripts/cli/cli.ts", "scripts/cli/demo.ts"],
  outdir: process.argv[2] ?? path.join(root, "build", "cli"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs", "exceljs/*"],
  // fflate for Node loads worker_threads for its asynchronous API, which COMA does not use: the plain build loads nothing.
  alias: { fflate: "fflate/browser" },
  logLevel: "warning",
});
