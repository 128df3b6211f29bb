import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { buildSummary, MAX_SHEET_ROWS, readWorkbook } from "../../core";
import { checkWorkbook, generateSummary } from "../../addin/actions";
import { attainment, status } from "../../functions/functions";
import { mockExcel } from "./office-mock";
import { writeLayouts } from "../new-workbook/workbook-file";
import { summarizeFile } from "../cli/commands";
import { medianMs, perSecond, round, type Figure } from "./measure";
import { filledTemplate, largeSheet } from "./workbooks";
import { gridLayout } from "./grid-layout";

/** Every commune-level unit of Vietnam after the 2025 merger. */
const COMMUNES = 3321;

export function coreNational(): Figure[] {
  const template = filledTemplate();
  const communes = Array.from({ length: COMMUNES }, (_, c) =>
    template.map((grid) => ({
      ...grid,
      values: grid.values.map((row) => row.map((v) => (typeof v === "number" && v < 100 ? v + (c % 13) : v))),
    })),
  );
  const start = performance.now();
  let targets = 0;
  for (const grids of communes) targets += buildSummary(readWorkbook(grids)).groups.reduce((sum, g) => sum + g.total, 0);
  const ms = performance.now() - start;
  if (targets !== 25 * COMMUNES) throw new Error(`expected ${25 * COMMUNES} targets, evaluated ${targets}`);
  return [
    { name: "core.national.ms", value: round(ms, 0), unit: "ms", budget: { limit: 700, better: "lower" } },
    { name: "core.national.peak_mb", value: round(process.resourceUsage().maxRSS / 1024, 0), unit: "MB" },
  ];
}

type AnyFn = (...args: unknown[]) => unknown;

export function functionsThroughput(): Figure[] {
  const attain = attainment as unknown as AnyFn;
  const judge = status as unknown as AnyFn;
  const rows = 100_000;
  const actual = Array.from({ length: rows }, (_, i) => [50 + (i % 100)]);
  const target = Array.from({ length: rows }, (_, i) => [["≥ 90%", "dưới 30", "7-8", 100][i % 4]]);
  const rangePerSecond = (fn: AnyFn) => {
    const ms = Math.min(...[0, 1, 2].map(() => timed(() => fn(actual, target))));
    return (rows * 1000) / ms;
  };
  return [
    {
      name: "functions.attainment.scalar_per_s",
      value: round(
        perSecond(() => attain(110, "≥ 100")),
        0,
      ),
      unit: "calls/s",
    },
    {
      name: "functions.attainment.range_per_s",
      value: round(rangePerSecond(attain), 0),
      unit: "cells/s",
      budget: { limit: 1_000_000, better: "higher" },
    },
    {
      name: "functions.status.scalar_per_s",
      value: round(
        perSecond(() => judge(110, "≥ 100")),
        0,
      ),
      unit: "calls/s",
    },
    { name: "functions.status.range_per_s", value: round(rangePerSecond(judge), 0), unit: "cells/s" },
  ];
}

function timed(task: () => unknown): number {
  const start = performance.now();
  task();
  return performance.now() - start;
}

export async function cliSummary(): Promise<Figure[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-bench-"));
  try {
    const figures: Figure[] = [];
    for (const [suffix, grids] of [
      ["", filledTemplate()],
      ["_5000", [largeSheet(5000)]],
    ] as const) {
      const file = path.join(folder, `workbook${suffix}.xlsx`);
      const workbook = new Workbook();
      writeLayouts(workbook, grids.map(gridLayout));
      await workbook.xlsx.writeFile(file);
      const out = path.join(folder, `out${suffix}.xlsx`);
      const runs = suffix === "" ? 9 : 3;
      const summary = await medianMs(runs, () => summarizeFile(file, { output: out, date: new Date(2027, 0, 15) }));
      const floor = await medianMs(runs, async () => {
        const copy = new Workbook();
        await copy.xlsx.readFile(file);
        await copy.xlsx.writeFile(out);
      });
      const content = await contentFloorMs(runs, file, await summaryOutput(file, out), path.join(folder, `copy${suffix}.xlsx`));
      figures.push(
        { name: `cli.summary${suffix}.ms`, value: round(summary, 0), unit: "ms" },
        { name: `cli.summary${suffix}.floor_ms`, value: round(floor, 0), unit: "ms" },
        { name: `cli.summary${suffix}.ratio`, value: round(summary / floor), unit: "×", budget: { limit: 1.3, better: "lower" } },
        { name: `cli.summary${suffix}.content_floor_ms`, value: round(content, 0), unit: "ms" },
        { name: `cli.summary${suffix}.content_ratio`, value: round(summary / content), unit: "×" },
      );
    }
    return figures;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The workbook the summary writes (source sheets plus the summary sheet), as exceljs holds it after reading it. */
async function summaryOutput(file: string, out: string): Promise<Workbook> {
  await summarizeFile(file, { output: out, date: new Date(2027, 0, 15) });
  const output = new Workbook();
  await output.xlsx.readFile(out);
  return output;
}

/**
 * What exceljs alone must do for a summary: read the input and write a workbook as large as the output. The floor
 * above writes only the input back, while the output adds a sheet of about two rows per indicator (the detail table
 * and the list of indicators behind schedule), so it cannot reach the floor on a large workbook.
 */
function contentFloorMs(runs: number, file: string, output: Workbook, copy: string): Promise<number> {
  return medianMs(runs, async () => {
    await new Workbook().xlsx.readFile(file);
    await output.xlsx.writeFile(copy);
  });
}

export async function officeRoundTrips(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const rows of [10, 5000]) {
    const validate = mockExcel([largeSheet(rows)]);
    let restore = validate.install();
    await checkWorkbook();
    restore();
    const summary = mockExcel([largeSheet(rows)]);
    restore = summary.install();
    await generateSummary("auto", () => {}, new Date(2027, 0, 15));
    restore();
    const suffix = rows === 5000 ? "" : `_${rows}`;
    figures.push(
      { name: `office.validate.syncs${suffix}`, value: validate.syncs, unit: "syncs", budget: { limit: 1, better: "lower" } },
      { name: `office.summary.syncs${suffix}`, value: summary.syncs, unit: "syncs", budget: { limit: 2, better: "lower" } },
    );
    if (rows === 5000) {
      const write = Math.max(...summary.requests.map((r) => r.bytes));
      figures.push({
        name: "office.summary.payload_kb",
        value: round(write / 1024, 0),
        unit: "KB",
        budget: { limit: 5 * 1024, better: "lower" },
      });
    }
  }
  return figures;
}

export function bundleSizes(root: string): Figure[] {
  const dist = path.join(root, "dist");
  const build = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  const gzipKb = (file: string) => round(zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length / 1024, 1);
  return [
    { name: "bundle.functions.gzip_kb", value: gzipKb("functions.js"), unit: "KB", budget: { limit: 30, better: "lower" } },
    { name: "bundle.taskpane.gzip_kb", value: gzipKb("taskpane.js"), unit: "KB", budget: { limit: 150, better: "lower" } },
    { name: "bundle.commands.gzip_kb", value: gzipKb("commands.js"), unit: "KB" },
    { name: "bundle.page.gzip_kb", value: gzipKb("coma.html"), unit: "KB", budget: { limit: 300, better: "lower" } },
  ];
}

/**
 * Whole processes, start-up included, as the user runs them: `coma summary` on the template workbook against a node
 * process that reads and writes the same workbook with exceljs; and the peak memory of `coma summary` on a target
 * sheet of 20,000 rows (the row limit of docs/limits.md).
 */
export async function cliProcess(): Promise<Figure[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-bench-process-"));
  // The command line as `npm install` builds it and bin/coma.js loads it, code cache included (npm run bench builds it).
  const loader = path.resolve(__dirname, "..", "..", "..", "..", "bin", "load-bundle.js");
  const cli = path.resolve(__dirname, "..", "..", "..", "..", "build", "cli", "cli.js");
  const exceljs = require.resolve("exceljs");
  try {
    const template = path.join(folder, "mau.xlsx");
    const large = path.join(folder, "lon.xlsx");
    for (const [file, grids] of [
      [template, filledTemplate()],
      [large, [largeSheet(MAX_SHEET_ROWS - 10)]],
    ] as const) {
      const workbook = new Workbook();
      writeLayouts(workbook, grids.map(gridLayout));
      await workbook.xlsx.writeFile(file);
    }
    // Each process reports its peak memory and CPU time (user + system, ms): wall time swings on a shared machine.
    const report = `process.stderr.write(JSON.stringify({ rss: process.resourceUsage().maxRSS, cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1000 }))`;
    const summary = (input: string) =>
      `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(cli)}).exports.main(["summary", ${JSON.stringify(input)}, "-o", ${JSON.stringify(path.join(folder, "out.xlsx"))}, "--year", "2027"])` +
      `.then((code) => { if (code !== 0) process.exit(10 + code); ${report}; })`;
    const copy =
      `const { Workbook } = require(${JSON.stringify(exceljs)}); const w = new Workbook();` +
      `w.xlsx.readFile(${JSON.stringify(template)}).then(() => w.xlsx.writeFile(${JSON.stringify(path.join(folder, "copy.xlsx"))})).then(() => { ${report}; });`;
    const run = (script: string) => {
      // stdout ignored: the summary of 20,000 rows prints more than spawnSync buffers.
      const start = performance.now();
      const result = spawnSync(process.execPath, ["-e", script], {
        encoding: "utf8",
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, COMA_TODAY: "2027-12-15" },
      });
      const ms = performance.now() - start;
      if (result.status !== 0) throw new Error(`bench process failed (${result.status}): ${result.stderr}`);
      return { ms, ...(JSON.parse(result.stderr) as { rss: number; cpu: number }) };
    };
    // Side by side: one run of each in turn, so that a change in the machine's load weighs on both alike.
    const runs = { coma: [] as number[], exceljs: [] as number[], comaCpu: [] as number[], exceljsCpu: [] as number[] };
    for (let i = 0; i < 12; i++) {
      const [coma, exceljs] = [run(summary(template)), run(copy)];
      if (i < 2) continue; // warm-up: the disk cache and the code cache file
      runs.coma.push(coma.ms);
      runs.exceljs.push(exceljs.ms);
      runs.comaCpu.push(coma.cpu);
      runs.exceljsCpu.push(exceljs.cpu);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const [coma, floor] = [median(runs.coma), median(runs.exceljs)];
    const peakKb = run(summary(large)).rss;
    return [
      { name: "cli.summary.process_ms", value: round(coma, 0), unit: "ms" },
      { name: "cli.summary.process_exceljs_ms", value: round(floor, 0), unit: "ms" },
      { name: "cli.summary.process_ratio", value: round(coma / floor), unit: "×", budget: { limit: 0.3, better: "lower" } },
      {
        name: "cli.summary.process_cpu_ratio",
        value: round(median(runs.comaCpu) / median(runs.exceljsCpu)),
        unit: "×",
        budget: { limit: 0.3, better: "lower" },
      },
      { name: "cli.summary_20000_rows.peak_mb", value: round(peakKb / 1024, 0), unit: "MB" },
    ];
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
