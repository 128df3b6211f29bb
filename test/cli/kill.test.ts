import { Workbook } from "exceljs";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markerText, templateLayouts } from "../../core";
import { writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { Random } from "../../scripts/fuzz/random";
import { buildCli } from "../support/built-cli";

/**
 * Nothing lost: `coma summary FILE -o OUT` killed with SIGKILL at random moments leaves OUT either as it was or
 * as a whole workbook, never half written, and never touches FILE. The CLI runs from its own build (bin/coma.js
 * next to it), so that this test does not race other builds of build/.
 */
const ROOT = path.resolve(__dirname, "../..");
const BUILD = path.join(ROOT, "test-results", "build-kill-test");
const BIN = path.join(BUILD, "bin", "coma.js");
const ROWS = 10_000;
const KILLS = 4;

let dir: string;
let input: string;
let out: string;
let old: Buffer;
const past = new Date(Date.UTC(2024, 0, 1));

beforeAll(async () => {
  buildCli(path.join(BUILD, "build", "cli"));
  fs.cpSync(path.join(ROOT, "bin"), path.dirname(BIN), { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-kill-"));
  input = path.join(dir, "xa-lon.xlsx");
  await largeWorkbook().xlsx.writeFile(input);
  fs.utimesSync(input, past, past);
  out = path.join(dir, "tong-hop.xlsx");
  old = Buffer.from("the previous summary, which must survive a killed run");
}, 120_000);

afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

/** The template plus 10,000 coded rows: writing the summary takes seconds, a window to kill it in. */
function largeWorkbook(): Workbook {
  const workbook = new Workbook();
  const [sheet] = writeLayouts(workbook, templateLayouts());
  for (let i = 0; i < ROWS; i++)
    sheet.addRow([`XH${100 + i}`, `Chỉ tiêu ${i}`, null, "%", "Năm", i % 90, "≥ 50", (i * 7) % 100, (i * 13) % 100]);
  return workbook;
}

/**
 * Runs the summary and SIGKILLs it after `killAfterMs`, or, with "on-write", the moment a new file shows up in the
 * folder (the temporary file of the atomic write): that lands the kill inside the write itself.
 */
function summary(kill: number | "on-write" | null): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, "summary", input, "-o", out, "--year", "2027"], {
    env: { ...process.env, COMA_TODAY: "2027-12-15" },
    stdio: "ignore",
  });
  const timer = typeof kill === "number" ? setTimeout(() => child.kill("SIGKILL"), kill) : undefined;
  const watcher =
    kill === "on-write" ? fs.watch(dir, (_, name) => name && name !== path.basename(input) && child.kill("SIGKILL")) : undefined;
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

async function isWholeSummary(file: string): Promise<boolean> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  return (
    workbook.worksheets.some((s) => (s.getRow(1).values as unknown[]).includes(markerText(2027))) && workbook.worksheets[0].rowCount > ROWS
  );
}

/** Files of the folder besides the input and OUT: a killed run may leave its temporary file, never anything else. */
function leftovers(): string[] {
  return fs.readdirSync(dir).filter((name) => name !== path.basename(input) && name !== path.basename(out));
}

describe("a summary killed while it writes", () => {
  it("should leave OUT as it was or whole, the input untouched, and no file that passes for OUT", async () => {
    const inputBytes = fs.readFileSync(input);
    const full = await summary(null); // how long a whole run takes here, to aim the kills at its end (the write)
    expect(full.code).toBe(0);
    expect(await isWholeSummary(out)).toBe(true);
    const random = new Random(20252030);
    const seen: string[] = [];
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      fs.writeFileSync(out, old); // before the run: the watcher must not take this write for the CLI's
      const run = await summary(i % 2 === 0 ? "on-write" : Math.round(full.ms * (0.5 + random.next() * 0.6)));
      const now = fs.readFileSync(out);
      outcomes.push(`${run.signal ?? `exit ${run.code}`} after ${run.ms} ms: OUT ${now.equals(old) ? "as it was" : "new"}`);
      if (!now.equals(old)) expect(await isWholeSummary(out), `after a kill at run ${i} (${run.signal ?? run.code})`).toBe(true);
      for (const name of leftovers()) {
        seen.push(name);
        expect(name, "a leftover must be named as a temporary file").toMatch(/^\..*\.tmp$/);
        expect(name).not.toMatch(/\.xlsx$/i);
        fs.rmSync(path.join(dir, name));
      }
      expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
      expect(fs.statSync(input).mtimeMs).toBe(past.getTime());
    }
    console.info(`whole run ${full.ms} ms; ${outcomes.join("; ")}; left behind: ${seen.join(", ") || "nothing"}`);
  }, 240_000);
});
