import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Bundles the command line as `npm install` does (scripts/cli/bundle.mjs), into build/cli or into `outdir`. */
export function buildCli(outdir?: string): void {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "cli", "bundle.mjs"), ...(outdir ? [outdir] : [])], {
    cwd: ROOT,
    stdio: "pipe",
  });
}
