import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";

/** The add-in as `npm run build` writes it, shared by the tests that load or serve the bundles. */

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
const BUILT = ["taskpane.html", "taskpane.js", "commands.js", "functions.js", "functions.json", "coma.html"];
const SOURCES = [
  "addin",
  "core",
  "functions",
  "ui",
  "workbook",
  "page",
  "scripts/new-workbook",
  "webpack.config.js",
  "manifest.xml",
  "package.json",
];
const LOCK = path.join(ROOT, ".dist-build.lock");

function newestSource(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) fs.readdirSync(entry).forEach((name) => visit(path.join(entry, name)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of SOURCES) if (fs.existsSync(path.join(ROOT, entry))) visit(path.join(ROOT, entry));
  return newest;
}

function fresh(): boolean {
  const built = BUILT.map((f) => path.join(DIST, f));
  return built.every((f) => fs.existsSync(f)) && Math.min(...built.map((f) => fs.statSync(f).mtimeMs)) >= newestSource();
}

/** Whether the process that wrote the lock is still running (a killed test run leaves its lock behind). */
function lockHolderAlive(): boolean {
  try {
    process.kill(Number(fs.readFileSync(LOCK, "utf8")), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Blocks this worker while another test file builds: webpack cleans dist/, two builds at once would race. */
function waitForOtherBuild(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (fs.existsSync(LOCK)) {
    if (!lockHolderAlive()) fs.rmSync(LOCK, { force: true });
    else Atomics.wait(pause, 0, 0, 200);
  }
}

/** Builds the add-in (production) when dist/ is absent or older than its sources; one test file builds at a time. */
export function ensureBuilt(): void {
  waitForOtherBuild();
  if (fresh()) return;
  let lock: number;
  try {
    lock = fs.openSync(LOCK, "wx");
    fs.writeSync(lock, String(process.pid));
  } catch {
    return ensureBuilt(); // another file started building between our check and our lock
  }
  try {
    const result = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
    if (result.status !== 0) throw new Error(`webpack failed:\n${result.stdout}\n${result.stderr}`);
    // webpack leaves a file it would write unchanged as it was, with its old time: mark the build as fresh.
    const now = new Date();
    for (const file of BUILT) fs.utimesSync(path.join(DIST, file), now, now);
  } finally {
    fs.closeSync(lock);
    fs.rmSync(LOCK, { force: true });
  }
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".json": "application/json",
  ".map": "application/json",
};

/** Serves dist/ on 127.0.0.1 (a free port), as a host would fetch the pages. */
export function serveDist(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
