import * as fs from "node:fs";
import * as path from "node:path";
import { fork, type ChildProcess } from "node:child_process";
import { checkInput, type Cli } from "./check";
import { caseKind, makeInput, type FuzzBase, type FuzzInput } from "./cases";
import { Random } from "./random";

/** Runs fuzz cases in child processes, with a watchdog per case. */

export interface CaseResult {
  n: number;
  kind: string;
  failures: string[];
  hang: boolean;
  ms: number;
  /** The input, kept only when the case failed, to be saved for replay. */
  input?: FuzzInput;
}

export interface RunOptions {
  cases: number;
  seed: number;
  /** First case number (a run can be split). */
  first?: number;
  timeoutMs: number;
  /** Scratch folder; every case gets its own subfolder, removed after it. */
  root: string;
  onResult?: (result: CaseResult) => void;
}

/** One case end to end: build the input, run the CLI on it, check every promise. */
export async function runCase(seed: number, n: number, base: FuzzBase, cli: Cli, root: string, input?: FuzzInput): Promise<CaseResult> {
  const started = Date.now();
  const made = input ?? (await makeInput(seed, n, base));
  const dir = fs.mkdtempSync(path.join(root, `case-${n}-`));
  try {
    const failures = await checkInput(made, dir, cli, Random.forCase(seed ^ 0x5eed, n), n % 8 === 0);
    return { n, kind: made.kind, failures, hang: false, ms: Date.now() - started, ...(failures.length > 0 && { input: made }) };
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { n, kind: made.kind, failures: [`fuzzer: checking failed: ${reason}`], hang: false, ms: Date.now() - started, input: made };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Messages between the runner and fuzz-worker.js. */
export type ToWorker = { n: number; seed: number; root: string; input?: FuzzInput };
export type FromWorker = { ready: true } | { result: CaseResult };

/**
 * `workers` child processes, each running one case at a time. A case that does not answer within the timeout is
 * a hang: its process is killed (that stops even a busy loop) and replaced. Processes, not worker threads: a V8
 * out-of-memory in a worker thread aborts the whole process, and the fuzzer must outlive the program it tests.
 */
export async function runInWorkers(
  options: RunOptions & { workers: number; workerFile: string; replay?: FuzzInput },
): Promise<CaseResult[]> {
  const first = options.first ?? 0;
  const queue = Array.from({ length: options.cases }, (_, i) => first + i);
  const results: CaseResult[] = [];
  const lane = async (): Promise<void> => {
    let worker = await startWorker(options.workerFile);
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      const message: ToWorker = { n, seed: options.seed, root: options.root, ...(options.replay && { input: options.replay }) };
      const result = await answer(worker, message, options.timeoutMs * (caseKind(options.seed, n) === "huge" ? 6 : 1));
      if (result.hang || result.failures.some((f) => f.startsWith("worker:"))) {
        stop(worker);
        worker = await startWorker(options.workerFile);
      }
      results.push(result);
      options.onResult?.(result);
    }
    stop(worker);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.workers) }, lane));
  return results.sort((a, b) => a.n - b.n);
}

interface Worker {
  child: ChildProcess;
  /** The end of what the process wrote outside the CLI's captured output (V8's out-of-memory report, say). */
  stderr: string[];
}

function startWorker(file: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], {
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      execArgv: ["--max-old-space-size=4096"],
    });
    const worker: Worker = { child, stderr: [] };
    child.stderr!.on("data", (chunk: Buffer) => {
      worker.stderr.push(chunk.toString());
      if (worker.stderr.length > 20) worker.stderr.shift();
    });
    child.once("message", (m: FromWorker) => ("ready" in m ? resolve(worker) : reject(new Error("worker did not start"))));
    child.once("error", reject);
  });
}

function stop(worker: Worker): void {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
}

function answer(worker: Worker, message: ToWorker, timeoutMs: number): Promise<CaseResult> {
  const { child } = worker;
  return new Promise((resolve) => {
    const done = (result: CaseResult) => {
      clearTimeout(timer);
      child.off("message", onMessage).off("exit", onExit);
      resolve(result);
    };
    const failed = (failure: string, hang = false): CaseResult => ({ n: message.n, kind: "?", failures: [failure], hang, ms: timeoutMs });
    const onMessage = (m: FromWorker) => "result" in m && done(m.result);
    const onExit = (code: number | null, signal: string | null) => {
      const last = worker.stderr
        .join("")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .slice(0, 3)
        .join(" | ");
      done(failed(`worker: crash, process ended with ${signal ?? `exit ${code}`}: ${last.slice(0, 400)}`));
    };
    const timer = setTimeout(() => done(failed(`hang: no answer in ${timeoutMs} ms`, true)), timeoutMs);
    child.on("message", onMessage).on("exit", onExit);
    child.send(message);
  });
}
