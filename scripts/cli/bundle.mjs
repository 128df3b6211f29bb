// The command line as one file per entry (build/cli/cli.js, build/cli/demo.js): Node loads one file instead of some
// sixty modules, which is most of a short run. exceljs stays outside: only `coma template` and the demo load it.
// Then V8's code cache of cli.js (cli.js.cache, read by bin/load-bundle.js), made from a template, validate and
// summary run, so that a user's command starts with that code already compiled.
// Usage: node scripts/cli/bundle.mjs [OUTDIR]   (npm's "prepare" runs it on `npm install`)
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const outdir = path.resolve(process.argv[2] ?? path.join(root, "build", "cli"));
await build({
  absWorkingDir: root,
  entryPoints: ["scripts/cli/cli.ts", "scripts/cli/demo.ts"],
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs", "exceljs/*"],
  // fflate for Node loads worker_threads for its asynchronous API, which COMA does not use: the plain build loads nothing.
  alias: { fflate: "fflate/browser" },
  // Minified, the source is a third of the size and pure ASCII (no comments in Vietnamese): V8 reads, hashes and
  // checks a one-byte string against the code cache, a tenth of a short command's time saved.
  minify: true,
  logLevel: "warning",
});

const { loadBundle } = createRequire(import.meta.url)(path.join(root, "bin", "load-bundle.js"));
const cli = path.join(outdir, "cli.js");
fs.rmSync(`${cli}.cache`, { force: true });
const bundle = loadBundle(cli);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "coma-code-cache-"));
const [stdout, stderr] = [process.stdout.write, process.stderr.write];
process.stdout.write = process.stderr.write = () => true;
try {
  const template = path.join(work, "mau.xlsx");
  for (const argv of [
    ["template", "-o", template],
    ["validate", template],
    ["summary", template, "-o", path.join(work, "tong-hop.xlsx")],
  ]) {
    await bundle.exports.main(argv);
  }
} finally {
  [process.stdout.write, process.stderr.write] = [stdout, stderr];
  fs.rmSync(work, { recursive: true, force: true });
}
bundle.writeCache();
