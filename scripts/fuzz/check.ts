import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { STATUSES } from "../../core";
import type { FuzzInput } from "./cases";
import type { Random } from "./random";
import { sameSourceSheets } from "./source";
import { openWorkbook } from "../../workbook";
import { CLI_MESSAGES } from "../cli/messages";

/** The command line's entry point, `main` of scripts/cli/cli.ts. */
export type Cli = (argv: string[]) => Promise<number>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** An exception that escaped `main` (it promises never to throw). */
  thrown: string | null;
}

const UNEXPECTED = CLI_MESSAGES.unexpected({ reason: "" }).split("(")[0];
const ADDRESS = /^[A-Z]{1,3}[1-9]\d*$/;
const FIGURES = ["baseline", "actual", "attainment", "progress", "delta", "change"] as const;

/**
 * Runs `validate --json` and `summary -o OUT --json` on one input, as the CLI does, and lists every broken
 * promise: a crash, an exit status other than 0/1/2, a problem without its cell, a changed source, a partial
 * or stray output file, a stack trace on stderr.
 */
export async function checkInput(input: FuzzInput, dir: string, cli: Cli, random: Random, deep: boolean): Promise<string[]> {
  const failures: string[] = [];
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");
  fs.mkdirSync(inDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const source = path.join(inDir, input.fileName);
  fs.writeFileSync(source, input.bytes);
  const past = new Date(Date.UTC(2024, 0, 1));
  fs.utimesSync(source, past, past);
  const hash = sha256(input.bytes);

  const validate = await capture(cli, ["validate", source, "--json"]);
  failures.push(...runFailures("validate", validate), ...validateFailures(validate));

  const besideSource = random.chance(0.1);
  const output = besideSource ? null : path.join(outDir, random.pick(["tong-hop.xlsx", "Tổng hợp 2027.xlsx", "out"]));
  const old = output !== null && random.chance(0.5) ? random.pick([Buffer.from("old bytes"), input.bytes]) : null;
  if (output !== null && old !== null) fs.writeFileSync(output, old);
  const year = random.chance(0.3) ? [`--year`, String(random.int(2025, 2030))] : [];
  const summary = await capture(cli, ["summary", source, ...(output === null ? [] : ["-o", output]), ...year, "--json"]);
  failures.push(...runFailures("summary", summary));
  const written = summaryFailures(summary, failures, output, old);

  if (sha256(fs.readFileSync(source)) !== hash) failures.push("source: bytes changed");
  if (fs.statSync(source).mtimeMs !== past.getTime()) failures.push("source: modification time changed");
  const expectedBeside = [input.fileName, ...(besideSource && written ? [path.basename(written)] : [])];
  failures.push(
    ...strays(inDir, expectedBeside),
    ...strays(outDir, output !== null && fs.existsSync(output) ? [path.basename(output)] : []),
  );
  if ((validate.code === 2) !== (summary.code === 2)) failures.push(`exit: validate ${validate.code} but summary ${summary.code}`);
  if (deep && written && summary.code === 0) {
    const { year: summaryYear } = JSON.parse(summary.stdout) as { year: number };
    failures.push(...(await sameSourceSheets(input.bytes, fs.readFileSync(written), summaryYear)));
  }
  return failures;
}

async function capture(cli: Cli, argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const { write: writeOut } = process.stdout;
  const { write: writeErr } = process.stderr;
  const into = (sink: string[]) =>
    ((chunk: unknown) => (
      sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString()),
      true
    )) as typeof process.stdout.write;
  process.stdout.write = into(out);
  process.stderr.write = into(err);
  try {
    return { code: await cli(argv), stdout: out.join(""), stderr: err.join(""), thrown: null };
  } catch (error) {
    return {
      code: null,
      stdout: out.join(""),
      stderr: err.join(""),
      thrown: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

function runFailures(command: string, run: Run): string[] {
  const failures: string[] = [];
  if (run.thrown !== null) failures.push(`${command}: crash, main threw ${run.thrown}`);
  else if (![0, 1, 2].includes(run.code!)) failures.push(`${command}: crash, exit status ${run.code}`);
  const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
  if (lines.some((l) => /^\s+at\s/.test(l))) failures.push(`${command}: stack trace on stderr: ${run.stderr.slice(0, 500)}`);
  if (run.stderr.includes(UNEXPECTED)) failures.push(`${command}: crash reported as unexpected: ${lines.join(" | ").slice(0, 500)}`);
  if (run.code === 2 && lines.length !== 1)
    failures.push(`${command}: exit 2 with ${lines.length} lines on stderr, not one sentence: ${run.stderr.slice(0, 300)}`);
  return failures;
}

function validateFailures(run: Run): string[] {
  if (run.code !== 0 && run.code !== 1) return [];
  const json = parseJson(run.stdout) as { ok?: unknown; problems?: unknown } | null;
  if (!json || !Array.isArray(json.problems)) return [`validate: stdout is not the --json object: ${run.stdout.slice(0, 200)}`];
  const failures: string[] = [];
  if (json.ok !== (run.code === 0)) failures.push(`validate: ok ${json.ok} with exit ${run.code}`);
  for (const p of json.problems as { severity: unknown; sheet: unknown; cell: unknown; rule: unknown; message: unknown }[]) {
    const located = typeof p.sheet === "string" && typeof p.cell === "string" && ADDRESS.test(p.cell);
    const fileLevel = p.sheet === null && p.cell === null;
    if (!located && !fileLevel) failures.push(`validate: problem without sheet and cell: ${JSON.stringify(p).slice(0, 300)}`);
    if (p.severity !== "error" && p.severity !== "warning") failures.push(`validate: problem severity ${String(p.severity)}`);
    if (typeof p.message !== "string" || p.message.trim() === "" || /undefined|\[object /.test(p.message))
      failures.push(`validate: bad message ${String(p.message).slice(0, 200)}`);
  }
  return failures;
}

/** Checks the summary's JSON and output file; answers the file written, if any. */
function summaryFailures(run: Run, failures: string[], output: string | null, old: Buffer | null): string | null {
  if (run.code !== 0) {
    if (output !== null && !sameBytesOrAbsent(output, old)) failures.push(`summary: exit ${run.code} but ${output} changed`);
    return null;
  }
  const json = parseJson(run.stdout) as {
    output?: unknown;
    indicators?: Record<string, unknown>[];
    groups?: Record<string, number>[];
  } | null;
  if (!json || typeof json.output !== "string" || !Array.isArray(json.indicators)) {
    failures.push(`summary: stdout is not the --json object: ${run.stdout.slice(0, 200)}`);
    return null;
  }
  for (const row of json.indicators) {
    for (const key of FIGURES)
      if (row[key] !== null && !(typeof row[key] === "number" && Number.isFinite(row[key])))
        failures.push(`summary: ${row.code} ${key} = ${String(row[key])}`);
    if (!STATUSES.includes(row.status as (typeof STATUSES)[number])) failures.push(`summary: ${row.code} status ${String(row.status)}`);
  }
  const written = json.output;
  if (output !== null && path.resolve(written) !== path.resolve(output)) failures.push(`summary: wrote ${written}, asked for ${output}`);
  if (!fs.existsSync(written)) {
    failures.push(`summary: exit 0 but no file at ${written}`);
    return null;
  }
  const problem = incompleteWorkbook(fs.readFileSync(written));
  if (problem) failures.push(`summary: output is not a whole workbook: ${problem}`);
  return written;
}

/**
 * A whole workbook that holds the summary sheet, read by the layer itself: its workbook part and sheets. A part the
 * source carried damaged but the command never reads (a theme with flipped bytes) is copied as it was, so not every
 * part of the output need inflate.
 */
function incompleteWorkbook(bytes: Buffer): string | null {
  try {
    return openWorkbook(bytes).sheets.some((s) => s.name.includes("Tổng hợp BTV")) ? null : "no summary sheet in xl/workbook.xml";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function sameBytesOrAbsent(file: string, old: Buffer | null): boolean {
  if (!fs.existsSync(file)) return old === null;
  return old !== null && fs.readFileSync(file).equals(old);
}

/** Entries of `dir` besides `expected`: temporary files left behind, outputs written where they should not be. */
function strays(dir: string, expected: string[]): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => !expected.includes(name))
    .map((name) => `stray file left in ${path.basename(dir)}/: ${name}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
