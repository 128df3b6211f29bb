import * as fs from "node:fs";
import * as path from "node:path";
import { collectFileName, message, planCollect, planSplit, type CollectPlan } from "../../core";
import { amendCells, formulaAndMergedCells, newWorkbookPackage } from "../../workbook";
import { writeFileAtomically } from "./atomic-write";
import { CliError, LABELS, StopError } from "./messages";
import { isSameFile, readWorkbookFile, writing } from "./commands";
import type { CollectJson, ProblemJson } from "./json-output";

/** `coma split` and `coma collect` (contract section 7): each reads through the workbook-file layer and writes core's plan. */

export interface SplitResult {
  year: number;
  folder: string;
  files: { unit: string; file: string; rows: number }[];
}

/** One workbook per unit in `folder` (default: beside FILE); none is written when any exists, unless `force`. */
export async function splitFile(file: string, options: { year?: number; folder?: string; force: boolean }): Promise<SplitResult> {
  const workbook = readWorkbookFile(file);
  const plan = planSplit(workbook.grids, { year: options.year });
  if (plan === null) throw new StopError(message({ rule: "no-target-sheet", params: {} }), 1);
  const folder = options.folder ?? path.dirname(file);
  if (!fs.existsSync(folder)) fs.mkdirSync(folder, { recursive: true });
  const targets = plan.files.map((f) => ({ ...f, path: path.join(folder, f.fileName) }));
  const existing = targets.filter((t) => fs.existsSync(t.path));
  if (existing.length > 0 && !options.force) throw new CliError("split-exists", { file: existing[0].path, count: existing.length });
  const input = targets.find((t) => isSameFile(file, t.path));
  if (input) throw new CliError("output-is-input", { file });
  // Every file is made before any is written: a failure leaves no half of the round on disk.
  const bytes = targets.map((t) => newWorkbookPackage([t.layout], { footer: LABELS.pageFooter }));
  for (const [i, t] of targets.entries()) await writing(t.path, () => writeFileAtomically(t.path, bytes[i]));
  return { year: plan.year, folder, files: targets.map((t) => ({ unit: t.unit, file: t.path, rows: t.codes.length })) };
}

export interface CollectResult {
  json: CollectJson;
  plan: CollectPlan;
  exitCode: 0 | 1;
}

/** The master amended with the units' figures, written to OUT (default `<master>-thu-thap-<Y>.xlsx`); never over an input. */
export async function collectFiles(
  master: string,
  unitFiles: readonly string[],
  options: { output?: string; overwrite: boolean },
): Promise<CollectResult> {
  const workbook = readWorkbookFile(master);
  const units = unitFiles.map((file) => ({ file, grids: readWorkbookFile(file).grids }));
  const sheets = workbook.grids.map((g) => g.name);
  const plan = planCollect({ grids: workbook.grids, ...formulaAndMergedCells(workbook, sheets) }, units, { overwrite: options.overwrite });
  if (plan === null) throw new StopError(message({ rule: "no-target-sheet", params: {} }), 1);
  const output = options.output ?? defaultCollectFile(master, plan.year);
  for (const input of [master, ...unitFiles]) if (isSameFile(input, output)) throw new CliError("output-is-input", { file: input });
  if (fs.existsSync(output) && !options.output) throw new CliError("collect-exists", { file: output });
  const bytes = amendCells(workbook, plan.writes);
  await writing(output, () => writeFileAtomically(output, bytes));
  const errors = plan.problems.some((p) => p.severity === "error");
  return {
    json: collectJson(master, output, plan),
    plan,
    exitCode: plan.conflicts.length > 0 || plan.missing.length > 0 || errors ? 1 : 0,
  };
}

/** `<name>-thu-thap-<year>.xlsx` beside the master; `.xlsm` kept. An earlier output's suffix is not repeated. */
export function defaultCollectFile(file: string, year: number): string {
  const first = path.join(path.dirname(file), collectFileName(path.basename(file), year));
  if (!isSameFile(file, first)) return first;
  for (let n = 2; ; n++) {
    const next = first.replace(/(\.xls[xm])$/, `-${n}$1`);
    if (!fs.existsSync(next)) return next;
  }
}

function collectJson(master: string, output: string, plan: CollectPlan): CollectJson {
  return {
    master,
    year: plan.year,
    output,
    units: plan.units,
    written: plan.writes.length,
    conflicts: plan.conflicts.map(({ code, cell, master: value, unit, file, value: unitValue }) => ({
      code,
      cell,
      master: value,
      unit,
      file,
      value: unitValue,
    })),
    missing: plan.missing,
    problems: plan.problems.map((p): ProblemJson => ({
      severity: p.severity,
      sheet: p.sheet,
      cell: p.cell,
      code: p.code,
      message: p.message,
      rule: p.rule,
    })),
  };
}
