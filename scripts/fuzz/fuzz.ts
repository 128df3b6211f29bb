import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { fuzzBase, makeInput, type FuzzInput } from "./cases";
import { runInWorkers, type CaseResult } from "./runner";

/**
 * `npm run fuzz -- --cases N --seed S [--workers W] [--timeout MS, ×6 for 10,000-row cases] [--first K]`, or `--replay FILE`.
 * Feeds the CLI damaged workbooks and non-workbooks; prints `N cases, K crashes, H hangs (T s)` and exits 1 on any.
 * Each failing input is saved under test-results/fuzz/ with its seed and case number.
 */
const FAILURES = path.join("test-results", "fuzz");

interface Meta {
  seed: number;
  n: number;
  kind: string;
  fileName: string;
  failures: string[];
}

/** Runs the fuzzer as `npm run fuzz` does; `print` receives every line of its report. */
export async function fuzzMain(
  argv: string[],
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      first: { type: "string", default: "0" },
      workers: { type: "string", default: String(Math.min(2, os.availableParallelism())) },
      timeout: { type: "string", default: "10000" },
      replay: { type: "string" },
    },
  });
  for (const key of ["cases", "seed", "first", "workers", "timeout"] as const) {
    if (!/^\d+$/.test(values[key])) throw new Error(`--${key} takes a whole number, not “${values[key]}”`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "coma-fuzz-"));
  const started = Date.now();
  try {
    const replay = values.replay === undefined ? null : readReplay(values.replay);
    const seed = replay?.meta.seed ?? Number(values.seed);
    const results = await runInWorkers({
      cases: replay ? 1 : Number(values.cases),
      first: replay?.meta.n ?? Number(values.first),
      seed,
      workers: replay ? 1 : Number(values.workers),
      timeoutMs: Number(values.timeout),
      root,
      workerFile: path.join(__dirname, "worker.js"),
      ...(replay && { replay: replay.input }),
      onResult: progress,
    });
    const crashes = results.filter((r) => r.failures.length > 0 && !r.hang);
    const hangs = results.filter((r) => r.hang);
    for (const r of [...crashes, ...hangs]) await report(r, seed, replay?.input ?? null, print);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const slowest = results.filter((r) => !r.hang).sort((a, b) => b.ms - a.ms)[0];
    if (slowest) print(`slowest case without hang: #${slowest.n} ${slowest.kind}, ${slowest.ms} ms`);
    print(`${results.length} cases, ${crashes.length} crashes, ${hangs.length} hangs (${seconds} s)`);
    return crashes.length + hangs.length > 0 ? 1 : 0;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

let done = 0;
function progress(result: CaseResult): void {
  if (++done % 500 === 0) process.stderr.write(`… ${done} cases (last: #${result.n} ${result.kind}, ${result.ms} ms)\n`);
}

/** Prints a failure and saves its input for `--replay` (a hang's input is rebuilt here from seed and case). */
async function report(result: CaseResult, seed: number, replayed: FuzzInput | null, print: (line: string) => void): Promise<void> {
  const input = result.input
    ? { ...result.input, bytes: Buffer.from(result.input.bytes) }
    : (replayed ?? (await makeInput(seed, result.n, await fuzzBase())));
  const file = path.join(FAILURES, `seed-${seed}-case-${result.n}.input`);
  if (!replayed) {
    fs.mkdirSync(FAILURES, { recursive: true });
    fs.writeFileSync(file, input.bytes);
    const meta: Meta = { seed, n: result.n, kind: input.kind, fileName: input.fileName, failures: result.failures };
    fs.writeFileSync(file.replace(/\.input$/, ".json"), `${JSON.stringify(meta, null, 2)}\n`);
  }
  print(`case ${result.n} (${input.kind}, “${input.fileName}”, ${input.bytes.length} bytes): ${result.hang ? "HANG" : "CRASH"}`);
  for (const f of result.failures) print(`  ${f.split("\n").slice(0, 6).join("\n    ")}`);
  if (!replayed) print(`  replay: npm run fuzz -- --replay ${file}`);
}

function readReplay(file: string): { input: FuzzInput; meta: Meta } {
  const metaFile = file.replace(/\.input$/, ".json");
  const saved = fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, "utf8")) as Meta) : null;
  const meta: Meta = saved ?? { seed: 1, n: 0, kind: "replay", fileName: path.basename(file), failures: [] };
  return { input: { kind: meta.kind, fileName: meta.fileName, bytes: fs.readFileSync(file) }, meta };
}

if (require.main === module) {
  fuzzMain(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
